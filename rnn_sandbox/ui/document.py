"""The experiment as a document: its file, unsaved changes, recent files, autosave and
recovery.

:class:`Document` holds the file name a Save writes to and whether there are unsaved
changes, and asks before unsaved work is lost.  It knows the experiment only through
:class:`Host` (in the window: the :class:`~rnn_sandbox.ui.controller.ExperimentController`),
which hands it the experiment to write and makes an opened one current.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from rnn_sandbox import io as files
from rnn_sandbox.session import Experiment
from rnn_sandbox.ui.errors import reason
from rnn_sandbox.ui.i18n import tr

MAX_RECENT = 8


def set_aside(path: Path) -> Path:
    """Rename a recovery file that could not be restored, so that nothing deletes it and
    the next start does not offer it again; returns where it is now."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-unrestored-{stamp}{path.suffix}")
    try:
        os.replace(path, target)
    except OSError:
        return path
    return target


class Host(Protocol):
    """What the document needs of the experiment it saves and opens."""

    @property
    def step(self) -> int:
        """Steps the current experiment has trained (nothing trained: nothing to lose)."""

    @property
    def undo_stack(self) -> QUndoStack:
        """Cleared when another file's experiment becomes current."""

    def ask(self, title: str, text: str) -> bool:
        """Ask the learner a yes/no question."""

    def paused(self) -> AbstractContextManager[Experiment]:
        """The current experiment, brought up to date, with training paused."""

    def briefly_paused(self) -> AbstractContextManager[Experiment]:
        """The same, training going on afterwards if it was running."""

    def adopt(self, experiment: Experiment, name: str | None) -> None:
        """Make an experiment read from a file current (not undoable), its run named
        ``name``; raises, changing nothing, if it cannot be shown."""


class Document(QObject):
    """The file of the current experiment and its unsaved changes."""

    changed = Signal()  # the file name or the unsaved-changes mark
    status = Signal(str, int)  # a passing note for the status bar, and for how long (ms)
    message = Signal(str, str, str)  # title, text, "information" | "warning" | "critical"

    def __init__(self, settings: QSettings, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings  # recent files; the recovery folder sits beside them
        self.host = host
        self.path: Path | None = None
        self.dirty = False

    # -- state ---------------------------------------------------------------------------
    def mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.changed.emit()

    def set(self, path: Path | None, dirty: bool) -> None:
        """The file the experiment now belongs to (``None``: none yet) and whether it has
        changes not in that file."""
        self.path, self.dirty = path, dirty
        self.changed.emit()

    def check_unsaved(self) -> bool:
        """True when nothing unsaved would be lost, or the learner agrees to lose it."""
        if not self.dirty or self.host.step == 0:
            return True
        return self.host.ask(tr("Discard unsaved changes?"),
                             tr("The current experiment has changes that were not saved."))

    def folder(self) -> str:
        """Where file dialogs start: beside the current file, or at home."""
        return str(self.path.parent) if self.path else str(Path.home())

    # -- files ---------------------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Load a file and make it current, or change nothing.

        Whatever goes wrong, the views, the training process, the undo history and the
        file name a Save writes to stay as they were.
        """
        if not self.check_unsaved():
            return False
        try:
            experiment = files.load_experiment(path)
            self.host.adopt(experiment, Path(path).stem)
        except Exception as e:  # noqa: BLE001 (any failure: say so, change nothing)
            self.message.emit(tr("Cannot open the file"), f"{path}:\n{reason(e)}", "critical")
            return False
        self.host.undo_stack.clear()
        self.add_recent(Path(path))
        self.set(Path(path), dirty=False)
        return True

    def save(self, path: str | Path) -> bool:
        try:
            with self.host.paused() as exp:
                written = files.save_experiment(path, exp)
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.message.emit(tr("Cannot save"), f"{path}:\n{e}", "critical")
            return False
        saved = Path(written) if written else Path(path)
        self.add_recent(saved)
        self.set(saved, dirty=False)
        return True

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, Iterable):
            return []  # not a list this program wrote
        return [str(v) for v in value]

    def add_recent(self, path: Path) -> None:
        recent = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    # -- recovery ------------------------------------------------------------------------
    def recovery_folder(self) -> Path:
        """Next to the settings file, so each settings location has its own."""
        return Path(self.settings.fileName()).parent / "recovery"

    def autosave(self) -> bool:
        """Save a trained, unsaved experiment to the recovery file (training goes on)."""
        if not self.dirty or self.host.step == 0:
            return False
        # Training pauses only for the snapshot; writing it and reading it back to be
        # sure it reopens happen while training goes on.
        with self.host.briefly_paused() as exp:
            data = files.experiment_to_bytes(exp)
        try:
            files.autosave(data, self.recovery_folder())
        except (files.ExperimentFileError, OSError, ValueError) as e:
            self.status.emit(tr("Autosave failed: {e}").format(e=e), 10_000)
            return False
        return True

    def offer_recovery(self) -> bool:
        """After a session that did not end cleanly, offer its last autosave."""
        path = files.find_recovery(self.recovery_folder())
        if path is None:
            return False
        if not self.host.ask(
            tr("Restore the last session?"),
            tr("The program ended before the last experiment was saved. Restore it from the "
            "automatic copy made during training?"),
        ):
            files.clear_recovery(self.recovery_folder())
            return False
        try:
            experiment = files.load_experiment(path)
            self.host.adopt(experiment, "recovered")
        except Exception as e:  # noqa: BLE001 (any failure: the copy is kept, not deleted)
            kept = set_aside(path)
            self.message.emit(
                tr("Cannot restore"),
                tr("{reason}\n\nThe automatic copy is kept as {kept}.").format(reason=reason(e),
                                                                              kept=kept),
                "warning")
            return False
        self.host.undo_stack.clear()
        self.set(None, dirty=True)
        return True

    def clear_recovery(self) -> None:
        """A clean end: there is nothing left to recover."""
        files.clear_recovery(self.recovery_folder())
