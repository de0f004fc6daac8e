"""Setups as text and a teacher's lessons in the window: Edit → Copy setup as text and
Paste setup (undoable; a bad line changes nothing), File → Open lessons… (a bad pack
changes nothing in the Lessons panel and says why), and links in a teacher's lesson."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow

from rnn_sandbox.setup_line import parse_setup_line
from rnn_sandbox.ui.lessons_dock import LessonsDock
from rnn_sandbox.ui.menus import Handlers, WindowActions

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "lesson-pack-sample"


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "progress.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


def _bad_pack(tmp_path: Path) -> Path:
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("01.md", "# Fine\n[go](setup:long_memory)\n")
        zf.writestr("02.md", "# Bad\n<iframe src=https://evil.example></iframe>\n")
    return path


def test_the_commands_are_in_the_file_and_edit_menus(qtbot):
    frame = QMainWindow()
    qtbot.addWidget(frame)
    frame.setCentralWidget(QLabel("x"))
    calls: list[str] = []
    do = Handlers(**{f.name: (lambda *a, n=f.name: calls.append(n)) for f in fields(Handlers)})
    actions = WindowActions(frame, do, QUndoStack(frame), [], [])
    menus = {a.text(): a.menu() for a in frame.menuBar().actions()}
    assert actions.open_lessons in menus["&File"].actions()
    edit = menus["&Edit"].actions()
    assert actions.copy_setup in edit and actions.paste_setup in edit
    for a in (actions.open_lessons, actions.copy_setup, actions.paste_setup):
        a.trigger()
    assert calls == ["open_lessons", "copy_setup", "paste_setup"]


def test_a_teachers_lessons_sit_beside_the_shipped_ones_and_a_bad_pack_changes_nothing(
        qtbot, settings, tmp_path):
    dock = LessonsDock(settings)
    qtbot.addWidget(dock)
    shipped = list(dock.lessons)
    before = (dock.current.id, dock.lesson_combo.count(), dock.browser.toPlainText())
    error = dock.open_pack(_bad_pack(tmp_path))
    assert error is not None and "02.md, line 2" in error and "HTML" in error
    assert dock.lessons == shipped
    assert (dock.current.id, dock.lesson_combo.count(), dock.browser.toPlainText()) == before

    # A shipped lesson's link may carry a setup line too.
    carried = []
    dock.presetRequested.connect(carried.append)
    dock.activate_link(QUrl("setup:long_memory;cell=rnn;hidden=5"))
    assert [(c.task.name, c.network.hidden_size) for c in carried] == [("long_memory", 5)]
    dock.presetRequested.disconnect()

    assert dock.open_pack(SAMPLE / "01_how_long.md") is None
    assert dock.lessons[:len(shipped)] == shipped and len(dock.lessons) == len(shipped) + 2
    assert dock.current.id == "lesson-pack-sample/01_how_long.md"
    assert dock.current.number == len(shipped) + 1
    assert "How far back" in dock.browser.toPlainText()
    assert dock.lesson_combo.count() == len(shipped) + 2 and dock.compare_btn.isVisibleTo(dock)
    # The picture comes from the pack; nothing else is loaded, not even a file on disk
    # (the document would read one itself if the browser gave it nothing).
    doc, kind = dock.browser.document(), QTextDocument.ResourceType.ImageResource.value
    assert doc.loadResource(kind, QUrl("memory.png")).width() == 240
    for outside in (QUrl.fromLocalFile(str(SAMPLE / "memory.png")),
                    QUrl("docs/lesson-pack-sample/memory.png"), QUrl("https://x.org/a.png")):
        image = doc.loadResource(kind, outside)
        assert isinstance(image, QImage) and image.isNull()
    # Its links: a setup line, another lesson of the pack by file name.
    got = []
    dock.presetRequested.connect(got.append)
    dock.activate_link(QUrl("setup:long_memory;seq-len=10;cell=rnn;hidden=16"))
    assert got[-1].task.seq_len == 10 and dock.setup_combo.currentIndex() == 0
    dock.load_btn.click()
    assert got[-1].to_dict() == got[-2].to_dict()
    compared = dock.load_comparison()
    assert [label for label, _ in compared] == [s.label for s in dock.current.setups]
    assert [c.network.cell for _, c in compared] == ["rnn", "rnn", "lstm"]
    dock.activate_link(QUrl("02_gates.md"))
    assert dock.current.id == "lesson-pack-sample/02_gates.md"
    dock.activate_link(QUrl("setup:long_memory;hidden=lots"))
    assert len(got) == 2 and "hidden" in dock.progress_label.text()
    # Opening the pack again replaces it instead of adding it twice.
    assert dock.open_pack(SAMPLE) is None and len(dock.lessons) == len(shipped) + 2
    # A small file claiming a huge picture is not decoded.
    png = bytearray((SAMPLE / "memory.png").read_bytes())
    png[16:24] = struct.pack(">II", 60_000, 60_000)
    png[29:33] = struct.pack(">I", zlib.crc32(bytes(png[12:29])))
    folder = tmp_path / "huge"
    folder.mkdir()
    (folder / "01.md").write_text("# Huge\n![x](huge.png)\n")
    (folder / "huge.png").write_bytes(bytes(png))
    assert dock.open_pack(folder) is None
    assert dock.browser.document().loadResource(kind, QUrl("huge.png")).isNull()


def test_copy_and_paste_a_setup_and_open_lessons_in_the_window(qtbot, settings, tmp_path):
    from rnn_sandbox.tasks import get_task
    from rnn_sandbox.ui.main_window import MainWindow

    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples, cfg.network.hidden_size = 200, 5
    window = MainWindow(config=cfg, settings=settings)
    window.confirm = lambda title, text: True
    window.modal_messages = False
    qtbot.addWidget(window)
    window.show()
    try:
        c = window.controller
        line = window.commands.copy_setup.trigger() or QGuiApplication.clipboard().text()
        assert line == "sine_forecast;samples=200;hidden=5"
        assert parse_setup_line(line).to_dict() == c.config.to_dict()

        QGuiApplication.clipboard().setText("long_memory;seq-len=8;samples=100;cell=rnn;seed=2")
        window.commands.paste_setup.trigger()
        assert (c.config.task.name, c.config.network.cell, c.config.training.seed) == (
            "long_memory", "rnn", 2)
        assert c.undo_stack.undoText() == "Paste setup"
        window.commands.undo.trigger()
        assert c.config.to_dict() == cfg.to_dict()

        depth, before = c.undo_stack.count(), c.config.to_dict()
        for bad in ("long_memory;hidden=lots", "no_such_task", "", "x" * 5000):
            assert window.paste_setup(bad)
            assert c.config.to_dict() == before and c.undo_stack.count() == depth
            assert window.last_message[0] == "Cannot paste this setup"
        assert "hidden: 'lots'" in window.paste_setup("long_memory;hidden=lots")

        panel_before = list(window.lessons.lessons)
        assert not window.open_lessons(_bad_pack(tmp_path))
        assert window.lessons.lessons == panel_before
        assert window.last_message[0] == "Cannot open these lessons"
        assert "HTML" in window.last_message[1]
        assert window.open_lessons(SAMPLE)
        assert window.lessons.current.pack == "lesson-pack-sample"
        assert window.lessons_dock.isVisible()
    finally:
        window.shutdown()


def test_opened_lessons_come_back_at_the_next_start_until_closed(qtbot, settings, tmp_path):
    pack = tmp_path / "course"
    pack.mkdir()
    (pack / "01_a.md").write_text("# A\n[go](setup:long_memory;hidden=4)\n", encoding="utf-8")
    first = LessonsDock(settings)
    qtbot.addWidget(first)
    shipped = len(first.lessons)
    assert first.open_pack(pack / "01_a.md") is None and first.open_pack(SAMPLE) is None
    assert not first.close_pack_btn.isHidden()
    first.show_lesson("course/01_a.md")

    again = LessonsDock(settings)  # the next start: both packs, on the same lesson
    qtbot.addWidget(again)
    assert [le.id for le in again.lessons] == [le.id for le in first.lessons]
    assert again.current.id == "course/01_a.md"
    again.close_pack_btn.click()
    assert len(again.lessons) == shipped + 2 and again.current.id == again.lessons[0].id
    assert again.close_pack_btn.isHidden()

    # A pack that no longer reads is left out (and forgotten), the rest come back.
    (tmp_path / "gone").mkdir()
    (tmp_path / "gone" / "01.md").write_text("# Gone\n", encoding="utf-8")
    assert again.open_pack(tmp_path / "gone") is None
    (tmp_path / "gone" / "01.md").write_text("# Now bad\n<script>\n", encoding="utf-8")
    third = LessonsDock(settings)
    qtbot.addWidget(third)
    assert [le.pack for le in third.lessons[shipped:]] == ["lesson-pack-sample"] * 2
    assert third.lessons[shipped].number == shipped + 1
