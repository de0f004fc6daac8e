"""Unexpected errors: shown in a dialog, written to a log file, and the program goes on.

:func:`install` replaces ``sys.excepthook`` (which PySide6 also calls for an exception
raised in a slot or a virtual method) and ``threading.excepthook``.  An error in any thread
is logged at once; the dialog is shown by the GUI thread (a queued signal), so a training
thread never touches a widget.  The dialog is not modal and one dialog collects a burst
of errors, so a slot that fails on every repaint cannot bury the window under boxes.

Tests give a temporary log folder and read :attr:`ErrorReporter.reports`; the
``presenter`` argument replaces the dialog altogether.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from rnn_sandbox import io as files
from rnn_sandbox.config import ConfigError
from rnn_sandbox.tasks import TaskError
from rnn_sandbox.ui.i18n import tr

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 512 * 1024  # per file; with the backups at most ~2 MB on disk
LOG_BACKUPS = 3
MAX_KEPT = 50  # reports kept in memory


@dataclass(frozen=True)
class ErrorReport:
    """One unexpected exception: a one-line message and the full traceback."""

    title: str
    message: str
    details: str
    thread: str  # name of the thread it happened in ("" for the GUI thread)


def default_log_folder() -> Path:
    """The application's data folder (``QStandardPaths.AppDataLocation``)/logs."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".rnn-sandbox") / "logs"


def _thread_name() -> str:
    """"" in the GUI thread, else the QThread's object name or Python's thread name."""
    app = QApplication.instance()
    current = QThread.currentThread()
    if app is not None and current is app.thread():
        return ""
    return current.objectName() or threading.current_thread().name


class ErrorDialog(QDialog):
    """The message, the traceback folded away, and a button that copies it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorDialog")
        self.setWindowTitle(tr("Something went wrong"))
        self.setModal(False)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #a93226;")
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.hint)
        text.addWidget(self.count_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setVisible(False)
        self.details.setMinimumHeight(200)
        self.show_button = QPushButton(tr("Show details"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_details)
        self.copy_button = QPushButton(tr("Copy details"))
        self.copy_button.setToolTip(tr("Copy the technical details to the clipboard, e.g. for a "
                                    "bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.details, 1)
        lay.addWidget(buttons)
        self.report: ErrorReport | None = None
        self.count = 0
        self.setMinimumWidth(520)
        self.resize(560, 180)

    def show_report(self, report: ErrorReport, log_file: Path | None) -> None:
        """Show ``report``; a dialog already open counts it and shows the newest."""
        self.count = self.count + 1 if self.isVisible() else 1
        self.report = report
        where = tr(" (in the {thread} thread)").format(
            thread=report.thread) if report.thread else ""
        self.message.setText(tr("<b>{title}</b>{where}<br>{escape}").format(
            title=report.title, where=where, escape=_escape(report.message)))
        hint = (tr("The program keeps running; what you were doing may not have finished. "
                "Saving your work now is a good idea."))
        if log_file is not None:
            hint += tr("<br>The details are also in <code>{escape}</code>.").format(
                escape=_escape(str(log_file)))
        self.hint.setText(hint)
        self.count_label.setText(tr("%n error(s) since this box opened; the newest is shown.",
                                    n=self.count) if self.count > 1 else "")
        self.count_label.setVisible(self.count > 1)
        self.details.setPlainText(report.details)
        self.show()
        self.raise_()

    def copy_details(self) -> None:
        if self.report is not None:
            QGuiApplication.clipboard().setText(self.report.details)
            self.copy_button.setText(tr("Copied"))

    def _toggle_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.show_button.setText(tr("Hide details") if on else tr("Show details"))
        self.adjustSize()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.copy_button.setText(tr("Copy details"))
        self.count = 0
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ErrorReporter(QObject):
    """Logs every unexpected exception and presents it in the GUI thread."""

    # A report, delivered in the GUI thread (after logging).
    reported = Signal(object)
    _relay = Signal(object)  # any thread -> GUI thread

    def __init__(
        self,
        log_folder: str | Path | None = None,
        presenter: Callable[[ErrorReport], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_folder = Path(log_folder) if log_folder is not None else default_log_folder()
        self.log_file: Path | None = self.log_folder / LOG_NAME  # written at the first error
        self.presenter = presenter if presenter is not None else self._show_dialog
        self.dialog: ErrorDialog | None = None
        self.reports: list[ErrorReport] = []
        self._lock = threading.Lock()
        self._previous: tuple | None = None
        self._presenting = False
        self._logger = logging.getLogger(f"rnn_sandbox.errors.{id(self)}")
        self._logger.propagate = False
        self._logger.setLevel(logging.ERROR)
        self._handler: logging.Handler | None = None
        self._relay.connect(self._present, Qt.ConnectionType.QueuedConnection)

    # -- the log file ---------------------------------------------------------------------
    def _open_log(self) -> None:
        """Open the log at the first error, so a session without errors writes nothing."""
        if self._handler is not None or self.log_file is None:
            return
        try:
            self.log_folder.mkdir(parents=True, exist_ok=True)
            path = self.log_folder / LOG_NAME
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8",
                delay=True,
            )
        except OSError as e:  # no log is no reason not to show the error
            print(f"error log not available: {e}", file=sys.stderr)
            self.log_file = None
            return
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        self._logger.addHandler(handler)
        self._handler, self.log_file = handler, path

    def close_log(self) -> None:
        if self._handler is not None:
            self._logger.removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    # -- hooks ----------------------------------------------------------------------------
    def install(self) -> ErrorReporter:
        """Route uncaught exceptions (every thread) here; :meth:`uninstall` undoes it."""
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            if sys.excepthook == self.excepthook:
                sys.excepthook = self._previous[0]
            if threading.excepthook == self.thread_excepthook:
                threading.excepthook = self._previous[1]
            self._previous = None
        self.close_log()

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            (self._previous[0] if self._previous else sys.__excepthook__)(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback,
                    thread=args.thread.name if args.thread else "worker")

    # -- reporting (any thread) -----------------------------------------------------------
    def handle(self, exc_type: type[BaseException], exc: BaseException | None,
               tb: TracebackType | None, thread: str | None = None) -> ErrorReport:
        """Log the exception and have the GUI thread present it.  Never raises."""
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        message = str(exc) if exc is not None and str(exc) else exc_type.__name__
        report = ErrorReport(
            title=tr("Unexpected error: {name}").format(name=exc_type.__name__),
            message=message,
            details=details,
            thread=_thread_name() if thread is None else thread,
        )
        return self.submit(report)

    def submit(self, report: ErrorReport) -> ErrorReport:
        """Log a report made elsewhere (e.g. in the training process) and present it."""
        details = report.details
        where = tr(" [thread {thread}]").format(thread=report.thread) if report.thread else ""
        sys.stderr.write(details)
        with self._lock:
            try:
                self._open_log()
                self._logger.error("%s%s\n%s", report.title, where, details.rstrip())
            except Exception:  # noqa: BLE001 (the log must not raise from an excepthook)
                pass
            self.reports.append(report)
            del self.reports[:-MAX_KEPT]
        self._relay.emit(report)  # queued: presented by the GUI thread's event loop
        return report

    @Slot(object)
    def _present(self, report: ErrorReport) -> None:
        if self._presenting:
            return  # an error while showing an error: it is logged, that must do
        self._presenting = True
        try:
            self.presenter(report)
            self.reported.emit(report)
        except Exception:  # noqa: BLE001
            sys.stderr.write(traceback.format_exc())
        finally:
            self._presenting = False

    def _show_dialog(self, report: ErrorReport) -> None:
        if self.dialog is None or not isValid(self.dialog):  # gone with its window
            self.dialog = ErrorDialog(QApplication.activeWindow())
        self.dialog.show_report(report, self.log_file)


_current: ErrorReporter | None = None


def install(log_folder: str | Path | None = None,
            presenter: Callable[[ErrorReport], None] | None = None) -> ErrorReporter:
    """Create the program's reporter and install its hooks (replacing an earlier one)."""
    global _current
    if _current is not None:
        _current.uninstall()
    _current = ErrorReporter(log_folder, presenter).install()
    return _current


def uninstall() -> None:
    global _current
    if _current is not None:
        _current.uninstall()
        _current = None


def current() -> ErrorReporter | None:
    """The installed reporter, if any."""
    return _current


def reason(e: BaseException) -> str:
    """One line for a message box: the expected errors speak for themselves, others are
    named (a bare ``KeyError('x')`` would say only ``'x'``)."""
    if isinstance(e, (files.ExperimentFileError, OSError, ConfigError, TaskError, ValueError)):
        return str(e) or type(e).__name__
    return f"{type(e).__name__}: {e}"
