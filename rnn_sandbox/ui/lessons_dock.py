"""The lessons panel: lesson text, navigation, "Load this setup", "Compare these setups",
and the learner's progress.

The panel never builds an experiment itself: "Load this setup" (or a ``setup:`` link in the
text) emits :attr:`LessonsDock.presetRequested` with the lesson's ``ExperimentConfig`` and
whoever owns the experiment applies it; "Compare these setups" emits
:attr:`LessonsDock.comparisonRequested` with every setup, named by its label.  Progress
(current lesson, visited and completed lessons) lives in the ``QSettings`` handed in, so
tests can give a temporary one.  A teacher's lessons (:meth:`LessonsDock.open_pack`) follow
the shipped ones; their text is drawn sealed (:class:`LessonText`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.lesson_pack import LessonPack, read_pack
from rnn_sandbox.lessons import Lesson, LessonError, load_lessons, resolve_link
from rnn_sandbox.setup_line import SetupLineError, parse_setup_line, setup_line
from rnn_sandbox.ui import fit, i18n
from rnn_sandbox.ui.i18n import tr

KEY_CURRENT = "lessons/current"
KEY_VISITED = "lessons/visited"
KEY_COMPLETED = "lessons/completed"
KEY_PACKS = "lessons/packs"  # where the teacher's lessons opened before were read from
# A teacher's picture larger than this (pixels, read from its header) is not drawn.
MAX_PICTURE_PIXELS = 4096 * 4096


def _read_list(settings: QSettings, key: str) -> list[str]:
    # Depending on the backend a one-element list comes back as a plain string.
    value = settings.value(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, Iterable):
        return []  # not a list this program wrote
    return [str(v) for v in value]


def comparable(lesson: Lesson) -> bool:
    """A lesson whose setups answer one question side by side: two or more setups of one
    task (a tour of different tasks is not a comparison)."""
    tasks = [s.task for s in lesson.setups]
    return len(tasks) > 1 and len(set(tasks)) < len(tasks)


class LessonText(QTextBrowser):
    """The lesson's text.  A teacher's lesson is sealed: its pictures come from the
    checked pack held in memory, and nothing else is loaded (no file, no network)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: dict[str, bytes] = {}
        self.sealed = False

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 (Qt's name)
        if not self.sealed:
            return super().loadResource(kind, name)
        # Never None: the document would then read the name from the disk itself.
        url = QUrl(name)
        data = self.images.get(url.toString()) or self.images.get(url.path())
        image = QImage()
        if data is None or kind != QTextDocument.ResourceType.ImageResource.value:
            return image
        buffer = QBuffer()  # kept in a name: the reader does not own it
        buffer.setData(QByteArray(data))
        reader = QImageReader(buffer)
        size = reader.size()  # from the header: a small file may claim a huge picture
        if size.width() * size.height() <= MAX_PICTURE_PIXELS:
            image.loadFromData(data)
        return image


class LessonsDock(QWidget):
    """Lesson list with previous/next, the rendered Markdown, and setup loading."""

    presetRequested = Signal(object)  # ExperimentConfig of the chosen setup
    comparisonRequested = Signal(list)  # [(label, ExperimentConfig)] of every setup
    lessonChanged = Signal(str)  # id of the lesson now shown

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LessonsDock")
        self.settings = settings
        self.shipped: list[Lesson] = load_lessons()
        self.packs: dict[str, LessonPack] = {}  # a teacher's lessons, by the pack's name
        self.lessons: list[Lesson] = list(self.shipped)
        self.current: Lesson = self.lessons[0]
        self._reopen_packs()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.prev_btn = QToolButton(self)
        self.prev_btn.setText("◀")
        self.prev_btn.setToolTip(tr("Previous lesson"))
        self.lesson_combo = QComboBox(self)
        self.lesson_combo.setToolTip(tr("Choose a lesson (✓ done, • visited)"))
        # Short enough for "Finish ✓" in German beside it at the Projector's 150 % on 1280 px.
        fit.shrinkable(self.lesson_combo, min_chars=4)
        self.next_btn = QToolButton(self)
        self.next_btn.setText(tr("Next ▶"))
        self.next_btn.setToolTip(tr("Mark this lesson as done and go to the next one"))
        top.addWidget(self.prev_btn)
        top.addWidget(self.lesson_combo, 1)
        top.addWidget(self.next_btn)

        self.browser = LessonText(self)
        self.browser.setOpenLinks(False)  # every link comes to activate_link
        # Whole words only: a narrow column must never show a title as "Bidirectio|nal".
        self.browser.setWordWrapMode(fit.text_wrap(i18n.current()))
        self.browser.anchorClicked.connect(self.activate_link)

        # The setup's name has a row of its own: setup names are long and the column narrow.
        self.setup_combo = QComboBox(self)
        self.setup_combo.setToolTip(tr("The setups of this lesson"))
        fit.shrinkable(self.setup_combo)
        # Wraps: at the Projector's 150 % the column is too narrow for both side by side.
        bottom = fit.FlowLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        self.load_btn = QPushButton(tr("Load this setup"), self)
        self.load_btn.setSizePolicy(QSizePolicy.Policy.Expanding,
                                    self.load_btn.sizePolicy().verticalPolicy())
        self.load_btn.setToolTip(tr("Replace the current experiment by this lesson's task and "
                                 "settings"))
        self.done_check = QCheckBox(tr("Done"), self)
        self.done_check.setToolTip(tr("Mark this lesson as done"))
        bottom.addWidget(self.load_btn)
        bottom.addWidget(self.done_check)
        self.compare_btn = QPushButton(tr("Compare these setups"), self)
        self.compare_btn.setToolTip(
            tr("Load these setups as a comparison: train every setup of this lesson for its "
            "planned epochs, side by side in the background, and compare them in the Runs "
            "panel; the first one also becomes the current experiment"))
        self.progress_label = QLabel(self)
        self.progress_label.setStyleSheet("color: #555;")
        self.progress_label.setWordWrap(True)  # a narrow column, a longer language

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.browser, 1)
        lay.addWidget(self.setup_combo)
        lay.addLayout(bottom)
        lay.addWidget(self.compare_btn)
        self.close_pack_btn = QPushButton(tr("Close these lessons"), self)
        self.close_pack_btn.setToolTip(tr("Take this teacher's lessons out of the panel (their "
                                          "files stay as they are)"))
        self.close_pack_btn.clicked.connect(lambda: self.close_pack(self.current.pack))
        lay.addWidget(self.close_pack_btn)
        lay.addWidget(self.progress_label)

        self.prev_btn.clicked.connect(self.previous_lesson)
        self.next_btn.clicked.connect(self.next_lesson)
        self.lesson_combo.activated.connect(lambda i: self.show_lesson(self.lessons[i].id))
        self.load_btn.clicked.connect(lambda: self.load_setup())
        self.compare_btn.clicked.connect(lambda: self.load_comparison())
        self.done_check.toggled.connect(
            lambda on: self.set_completed(self.current.id, on))

        # str(): the stub types every stored value as object, even one asked for as str.
        start = str(self.settings.value(KEY_CURRENT, self.lessons[0].id, str))
        try:
            self.lesson(start)
        except LessonError:
            start = self.lessons[0].id  # a lesson that no longer exists
        self.show_lesson(start)

    # -- progress ---------------------------------------------------------------------------
    def visited(self) -> list[str]:
        return _read_list(self.settings, KEY_VISITED)

    def completed(self) -> list[str]:
        return _read_list(self.settings, KEY_COMPLETED)

    def set_completed(self, lesson_id: str, done: bool = True) -> None:
        ids = [i for i in self.completed() if i != lesson_id]
        if done:
            ids.append(lesson_id)
        self.settings.setValue(KEY_COMPLETED, ids)
        self.settings.sync()
        self._refresh_progress()

    # -- a teacher's lessons ----------------------------------------------------------------
    def lesson(self, lesson_id: str) -> Lesson:
        """The shipped or opened lesson ``lesson_id``."""
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise LessonError(f"there is no lesson '{lesson_id}'")

    def open_pack(self, path: str | Path) -> str | None:
        """Add the lessons of a folder or ``.zip`` after the shipped ones (replacing an
        earlier pack of the same name) and show its first lesson.  Returns why not: a
        pack that cannot be read changes nothing."""
        try:
            pack = read_pack(path)
        except LessonError as e:
            return str(e)
        self.packs[pack.name] = pack
        self._arrange()
        self.show_lesson(pack.lessons[0].id)
        return None

    def close_pack(self, name: str) -> None:
        """Take the pack ``name`` out of the panel (and out of the next start)."""
        if self.packs.pop(name, None) is None:
            return
        self._arrange()
        self.show_lesson(self.current.id if self.current.pack != name else
                         self.lessons[0].id)

    def _arrange(self) -> None:
        """The shipped lessons, then each pack's, numbered on; remember the packs."""
        lessons = list(self.shipped)
        for p in self.packs.values():
            lessons += p.lessons
        self.lessons = [dataclasses.replace(le, number=i) for i, le in enumerate(lessons, 1)]
        self.settings.setValue(KEY_PACKS, [str(p.path) for p in self.packs.values()])
        self.settings.sync()

    def _reopen_packs(self) -> None:
        """The packs open when the panel was last used, checked again as they are now; one
        that no longer reads (moved, changed) is left out and forgotten."""
        for path in _read_list(self.settings, KEY_PACKS):
            try:
                pack = read_pack(path)
            except LessonError:
                continue
            self.packs[pack.name] = pack
        self._arrange()

    # -- navigation -------------------------------------------------------------------------
    def show_lesson(self, lesson_id: str) -> None:
        """Show a lesson and remember it as the current and a visited one."""
        lesson = self.lesson(lesson_id)
        self.current = lesson
        try:
            text = lesson.text()
        except OSError as e:
            text = tr("# {title}\n\nThe text of this lesson cannot be read: {e}").format(
                title=lesson.title, e=e)
        self.browser.images, self.browser.sealed = lesson.images, bool(lesson.pack)
        if lesson.pack:  # a teacher's lesson: Markdown only, even if HTML slipped through
            features = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                        | QTextDocument.MarkdownFeature.MarkdownNoHTML)
            self.browser.document().setMarkdown(text, features)
        else:
            self.browser.setMarkdown(text)
        fit.modest_headings(self.browser.document())
        fit.prose_scrolls_down_only(self.browser)
        self.browser.verticalScrollBar().setValue(0)
        self.setup_combo.clear()
        for s in lesson.setups:
            self.setup_combo.addItem(s.label, s.id)
        self.setup_combo.setVisible(len(lesson.setups) > 1)
        self.compare_btn.setVisible(comparable(lesson))
        self.close_pack_btn.setVisible(bool(lesson.pack))
        self.load_btn.setEnabled(bool(lesson.setups))
        if not lesson.setups:
            self.load_btn.setToolTip(tr("This lesson has no setup of its own"))
        else:
            self.load_btn.setToolTip(
                tr("Load “{label}”: replaces the current experiment").format(
                    label=lesson.setups[0].label) if len(lesson.setups) == 1 else
                tr("Load the chosen setup: replaces the current experiment"))
        visited = self.visited()
        if lesson.id not in visited:
            self.settings.setValue(KEY_VISITED, visited + [lesson.id])
        self.settings.setValue(KEY_CURRENT, lesson.id)
        self.settings.sync()
        self._refresh_progress()
        self.lessonChanged.emit(lesson.id)

    def next_lesson(self) -> bool:
        """Mark the current lesson done and go on; False on the last lesson."""
        self.set_completed(self.current.id, True)
        i = self.lessons.index(self.current)
        if i + 1 >= len(self.lessons):
            return False
        self.show_lesson(self.lessons[i + 1].id)
        return True

    def previous_lesson(self) -> bool:
        i = self.lessons.index(self.current)
        if i == 0:
            return False
        self.show_lesson(self.lessons[i - 1].id)
        return True

    def activate_link(self, url: QUrl | str) -> None:
        """Follow a link of the lesson text: another lesson, a setup, or the web."""
        # Encoded as written: a setup line's %-escapes are read by the setup line itself.
        text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded) if isinstance(
            url, QUrl) else url
        among = [le for le in self.lessons if le.pack == self.current.pack]
        target = resolve_link(text, among)
        if target is None:
            if QUrl(text).scheme() in ("http", "https"):
                QDesktopServices.openUrl(QUrl(text))
            return
        kind, ident = target
        if kind == "lesson":
            self.show_lesson(ident)
        else:
            self.load_setup(ident)

    # -- setups -----------------------------------------------------------------------------
    def selected_setup(self) -> str:
        setups = self.current.setups
        return self.setup_combo.currentData() or (setups[0].id if setups else "")

    def load_setup(self, setup_id: str | None = None) -> ExperimentConfig | None:
        """Emit :attr:`presetRequested` with the chosen (or named) setup's settings; a
        name that is no setup of the lesson is read as a setup line (a link's)."""
        if setup_id is not None:
            index = self.setup_combo.findData(setup_id)
            if index < 0:
                return self._load_line(setup_id)
            self.setup_combo.setCurrentIndex(index)
        if not self.current.setups:
            return None
        try:
            cfg = self.current.preset(self.selected_setup())
        except LessonError as e:
            self.progress_label.setText(tr("This setup cannot be loaded: {e}").format(e=e))
            return None
        self.presetRequested.emit(cfg)
        return cfg

    def _load_line(self, line: str) -> ExperimentConfig | None:
        try:
            cfg = parse_setup_line(line)
        except SetupLineError as e:
            self.progress_label.setText(
                tr("This setup cannot be loaded: {reason}").format(reason=e))
            return None
        index = self.setup_combo.findData(setup_line(cfg))
        if index >= 0:
            self.setup_combo.setCurrentIndex(index)
        self.presetRequested.emit(cfg)
        return cfg

    def load_comparison(self) -> list[tuple[str, ExperimentConfig]]:
        """Emit :attr:`comparisonRequested` with every setup of the lesson."""
        if not comparable(self.current):
            return []
        try:
            items = [(s.label, self.current.preset(s.id)) for s in self.current.setups]
        except LessonError as e:
            self.progress_label.setText(tr("These setups cannot be loaded: {e}").format(e=e))
            return []
        self.comparisonRequested.emit(items)
        return items

    # -- display ----------------------------------------------------------------------------
    def _refresh_progress(self) -> None:
        done, seen = set(self.completed()), set(self.visited())
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.clear()
        for le in self.lessons:
            mark = "✓" if le.id in done else ("•" if le.id in seen else "  ")
            self.lesson_combo.addItem(f"{mark} {le.number}. {le.title}", le.id)
        self.lesson_combo.setCurrentIndex(self.lessons.index(self.current))
        self.lesson_combo.blockSignals(False)
        self.done_check.blockSignals(True)
        self.done_check.setChecked(self.current.id in done)
        self.done_check.blockSignals(False)
        i = self.lessons.index(self.current)
        self.prev_btn.setEnabled(i > 0)
        self.next_btn.setText(tr("Next ▶") if i + 1 < len(self.lessons) else tr("Finish ✓"))
        n_done = sum(le.id in done for le in self.lessons)
        self.progress_label.setText(
            tr("Lesson {number} of {len} · {n_done} done").format(
                number=self.current.number, len=len(self.lessons), n_done=n_done))
