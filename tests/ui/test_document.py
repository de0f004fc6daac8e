"""The document on its own (no window, no training process): save and open round trip the
experiment, a bad file changes nothing, recent files stay short and newest first, autosave
and recovery round trip (and an unrestorable copy is set aside), and unsaved work is only
lost when the learner agrees."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoCommand, QUndoStack

from rnn_sandbox import io as files
from rnn_sandbox.io.experiment_file import RECOVERY_NAME
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.document import MAX_RECENT, Document


class Host:
    """An experiment trained in this process, with what the document asks of its host:
    it makes an opened experiment current unless it "cannot show" it (``refuse``)."""

    def __init__(self, experiment: Experiment, answer: bool = True) -> None:
        self.experiment = experiment
        self.undo_stack = QUndoStack()
        self.answer = answer
        self.asked: list[str] = []
        self.adopted: list[str | None] = []
        self.refuse = False
        self.pauses = 0

    @property
    def step(self) -> int:
        return self.experiment.trainer.step_count

    def ask(self, title: str, text: str) -> bool:
        self.asked.append(title)
        return self.answer

    @contextmanager
    def paused(self) -> Iterator[Experiment]:
        self.pauses += 1
        yield self.experiment

    briefly_paused = paused

    def adopt(self, experiment: Experiment, name: str | None) -> None:
        if self.refuse:
            raise ValueError("this experiment cannot be shown")
        self.experiment = experiment
        self.adopted.append(name)


def trained(small, steps: int = 3, hidden: int = 4) -> Experiment:
    cfg = small(get_task("sine_forecast").default_config())
    cfg.task.n_samples = 80
    cfg.network.hidden_size = hidden
    exp = Experiment(cfg)
    for _ in range(steps):
        exp.trainer.step()
    return exp


def weights(exp: Experiment) -> dict[str, np.ndarray]:
    return exp.network.state_dict()


def same(a: Experiment, b: Experiment) -> bool:
    wa, wb = weights(a), weights(b)
    return wa.keys() == wb.keys() and all(np.array_equal(wa[k], wb[k]) for k in wa)


@pytest.fixture
def doc(qtbot, settings, small) -> Document:
    return Document(settings, Host(trained(small)))


def test_save_and_open_round_trip_and_a_bad_file_changes_nothing(doc, tmp_path, small):
    host = doc.host
    notes, titles = [], []
    doc.changed.connect(lambda: notes.append((doc.path, doc.dirty)))
    doc.message.connect(lambda title, text, level: titles.append(title))
    doc.mark_dirty()
    doc.mark_dirty()  # once is enough to say so
    assert notes == [(None, True)] and doc.folder() == str(Path.home())
    mine = tmp_path / "mine.rnnx"
    assert doc.save(mine) and mine.is_file()
    assert (doc.path, doc.dirty) == (mine, False) and doc.recent_files() == [str(mine)]
    assert doc.folder() == str(tmp_path)
    saved = host.experiment
    # More training, an undoable change; then files that cannot become current.
    host.experiment = trained(small, steps=5)
    host.undo_stack.push(QUndoCommand("a change"))
    doc.mark_dirty()
    bad = tmp_path / "bad.rnnx"
    bad.write_bytes(b"PK\x03\x04 not an experiment")
    refused = tmp_path / "refused.rnnx"
    files.save_experiment(refused, trained(small, steps=1, hidden=3))
    current = host.experiment
    for path, refuse in ((bad, False), (tmp_path / "missing.rnnx", False), (refused, True)):
        host.refuse = refuse
        assert not doc.open_path(path)
        assert host.experiment is current and host.undo_stack.count() == 1
        assert (doc.path, doc.dirty) == (mine, True)
        assert doc.recent_files() == [str(mine)]
    assert titles == ["Cannot open the file"] * 3
    assert host.asked == ["Discard unsaved changes?"] * 3  # each asked about the steps
    # No keeps them.
    host.refuse, host.answer = False, False
    assert not doc.open_path(mine) and host.experiment is current
    host.answer = True
    assert doc.open_path(mine)
    assert host.adopted == ["mine"] and host.step == 3 and same(host.experiment, saved)
    assert host.undo_stack.count() == 0 and (doc.path, doc.dirty) == (mine, False)


def test_a_save_that_fails_keeps_the_document_unsaved(doc, tmp_path):
    titles = []
    doc.message.connect(lambda title, text, level: titles.append(title))
    doc.mark_dirty()
    assert not doc.save(tmp_path / "no" / "such" / "folder" / "run.rnnx")
    assert titles == ["Cannot save"] and doc.path is None and doc.dirty
    assert doc.recent_files() == []


def test_recent_files_are_newest_first_each_once_and_few(doc, tmp_path):
    for i in range(MAX_RECENT + 3):
        doc.add_recent(tmp_path / f"r{i}.rnnx")
    doc.add_recent(tmp_path / "r5.rnnx")
    recent = doc.recent_files()
    assert len(recent) == MAX_RECENT and recent[0] == str(tmp_path / "r5.rnnx")
    assert recent.count(str(tmp_path / "r5.rnnx")) == 1
    assert recent[1] == str(tmp_path / f"r{MAX_RECENT + 2}.rnnx")
    # Kept in the settings: another document on them sees the same list.
    again = Document(doc.settings, doc.host)
    assert again.recent_files() == recent


def test_autosave_and_recovery_round_trip(qtbot, doc, settings, small):
    host = doc.host
    assert not doc.autosave()  # no unsaved changes: nothing to recover
    doc.mark_dirty()
    assert doc.autosave()
    folder = doc.recovery_folder()
    assert folder.parent == Path(settings.fileName()).parent
    assert files.find_recovery(folder) is not None
    # The next session (its own host, the same settings) is offered the copy.
    later = Document(QSettings(settings.fileName(), QSettings.Format.IniFormat),
                     Host(trained(small, steps=0)))
    assert later.recovery_folder() == folder
    assert later.offer_recovery()
    assert later.host.asked == ["Restore the last session?"]
    assert later.host.adopted == ["recovered"] and same(later.host.experiment, host.experiment)
    assert later.host.step == 3 and later.path is None and later.dirty
    assert files.find_recovery(folder) is not None  # kept until a clean end
    later.clear_recovery()
    assert files.find_recovery(folder) is None and not later.offer_recovery()
    # Declined: the copy is gone, nothing changed.
    assert doc.autosave()
    declined = Document(settings, Host(trained(small, steps=0), answer=False))
    assert not declined.offer_recovery() and declined.host.adopted == []
    assert files.find_recovery(folder) is None


def test_an_unrestorable_recovery_copy_is_set_aside(qtbot, doc):
    folder = doc.recovery_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RECOVERY_NAME).write_bytes(b"PK\x03\x04 what was left of a session")
    said = []
    doc.message.connect(lambda title, text, level: said.append((title, text)))
    current = doc.host.experiment
    assert not doc.offer_recovery()
    assert doc.host.experiment is current and not doc.dirty
    (title, text), = said
    kept = [p for p in folder.iterdir() if p.read_bytes().startswith(b"PK\x03\x04 what")]
    assert title == "Cannot restore" and len(kept) == 1 and str(kept[0]) in text
    assert files.find_recovery(folder) is None  # not offered again


def test_unsaved_work_is_lost_only_when_the_learner_agrees(qtbot, settings, small):
    host = Host(trained(small, steps=0), answer=False)
    doc = Document(settings, host)
    doc.mark_dirty()
    assert doc.check_unsaved() and host.asked == []  # nothing trained: nothing to lose
    assert not doc.autosave()
    host.experiment.trainer.step()
    assert not doc.check_unsaved() and host.asked == ["Discard unsaved changes?"]
    host.answer = True
    assert doc.check_unsaved()
    doc.set(None, dirty=False)
    host.asked.clear()
    assert doc.check_unsaved() and host.asked == []
