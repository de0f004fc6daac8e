"""The window never loses a document: open is all or nothing, Save writes what the title
says, recovery copies are kept until their content is safe, closing asks first, and the
training process never outlives the window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from rnn_sandbox import io as files
from rnn_sandbox.io.experiment_file import RECOVERY_NAME
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.document import MAX_RECENT

WAIT = 20_000


def state(w) -> tuple[int, dict[str, np.ndarray]]:
    with w.controller.worker.paused() as exp:
        return exp.trainer.step_count, exp.network.state_dict()


def trained(qtbot, w, steps: int = 5) -> None:
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > steps, timeout=WAIT)
    w.controller.pause()


def other_file(tmp_path: Path, small, task: str = "tiny_bptt") -> Path:
    path = tmp_path / f"{task}.rnnx"
    files.save_experiment(path, Experiment(small(get_task(task).default_config())))
    return path


def test_a_failed_open_changes_nothing_and_save_still_writes_the_open_file(
        qtbot, make_window, tmp_path, small, monkeypatch):
    w = make_window()
    trained(qtbot, w)
    mine = tmp_path / "mywork.rnnx"
    assert w.controller.document.save(mine)
    w.settings_panel.request("network.hidden_size", 8)  # an undoable change, then more steps
    trained(qtbot, w, w.controller.step + 3)
    steps, weights = state(w)
    undo = w.controller.undo_stack.count()
    title = w.windowTitle()
    other = other_file(tmp_path, small)

    # A view that cannot show the other experiment (as a file with odd task data would).
    real = w.prediction_view.set_experiment

    def refuse(task, dataset, network):
        if task.name == "tiny_bptt":
            raise KeyError("persistence_val")
        return real(task, dataset, network)

    monkeypatch.setattr(w.prediction_view, "set_experiment", refuse)
    assert not w.controller.document.open_path(other)
    assert w.last_message[0] == "Cannot open the file"
    assert "KeyError" in w.last_message[1] and "persistence_val" in w.last_message[1]
    # The window, the training process and the undo history are as they were.
    assert w.windowTitle() == title and w.controller.document.path == mine
    c = w.controller
    assert c.config.task.name == "sine_forecast" and c.config.network.hidden_size == 8
    assert w.controller.undo_stack.count() == undo
    now_steps, now_weights = state(w)
    assert now_steps == steps and w.controller.step == steps
    for k, v in weights.items():
        np.testing.assert_array_equal(now_weights[k], v)
    # Training goes on with the same experiment, and Save writes it where the title says.
    trained(qtbot, w, steps + 2)
    assert w.save()
    back = files.load_experiment(mine)
    assert back.config.task.name == "sine_forecast" and back.config.network.hidden_size == 8
    assert back.trainer.step_count == state(w)[0] > steps
    w.message_box.close()


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken", b"not an experiment"])
def test_an_unreadable_file_changes_nothing(qtbot, make_window, tmp_path, content):
    w = make_window()
    current, title = w.controller.experiment, w.windowTitle()
    bad = tmp_path / "bad.rnnx"
    bad.write_bytes(content)
    assert not w.controller.document.open_path(bad)
    assert w.controller.experiment is current and w.controller.document.path is None
    assert w.windowTitle() == title
    assert w.last_message[0] == "Cannot open the file"
    assert str(bad) not in w.controller.document.recent_files()
    assert bad.read_bytes() == content


def test_save_as_adds_the_extension_and_recent_files_reopen(qtbot, make_window, tmp_path,
                                                           small, monkeypatch):
    w = make_window()
    trained(qtbot, w)
    target = tmp_path / "lesson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    assert w.save()  # no file yet: Save asks where
    doc = w.controller.document
    assert doc.path == tmp_path / "lesson.rnnx" and doc.path.is_file()
    assert not w.isWindowModified() and "lesson.rnnx" in w.windowTitle()
    # Recent files: newest first, each once, at most MAX_RECENT; the menu opens them.
    names = [other_file(tmp_path, small, t) for t in ("tiny_bptt", "order_matters")]
    for p in names:
        assert w.controller.document.open_path(p)
    lesson = tmp_path / "lesson.rnnx"
    assert w.controller.document.recent_files()[:3] == [str(names[1]), str(names[0]), str(lesson)]
    w.commands.fill_recent()
    actions = w.commands.recent_menu.actions()
    assert [a.toolTip() for a in actions] == w.controller.document.recent_files()
    actions[2].trigger()
    assert w.controller.document.path == lesson and w.controller.config.task.name == "sine_forecast"
    for i in range(MAX_RECENT + 3):
        w.controller.document.add_recent(tmp_path / f"r{i}.rnnx")
    assert len(w.controller.document.recent_files()) == MAX_RECENT
    # A recent file that is gone: a message, nothing else changes.
    gone = tmp_path / "gone.rnnx"
    w.controller.document.add_recent(gone)
    assert not doc.open_path(gone) and doc.path == tmp_path / "lesson.rnnx"
    w.message_box.close()


def test_a_save_that_fails_keeps_the_document_unsaved(qtbot, make_window, tmp_path):
    w = make_window()
    trained(qtbot, w)
    assert not w.controller.document.save(tmp_path / "no" / "such" / "folder" / "run.rnnx")
    assert w.last_message[0] == "Cannot save"
    assert w.controller.document.path is None and w.isWindowModified()
    w.message_box.close()


def test_closing_with_unsaved_changes_asks_and_no_keeps_everything(qtbot, make_window):
    w = make_window()
    trained(qtbot, w)
    assert w.controller.document.autosave()
    asked: list[str] = []
    w.confirm = lambda title, text: asked.append(title) or False
    assert not w.close()
    assert asked == ["Discard unsaved changes?"]
    assert w.isVisible() and w.controller.worker.alive()
    assert files.find_recovery(w.controller.document.recovery_folder()) is not None
    w.confirm = lambda title, text: True
    assert w.close()
    assert not w.controller.worker.alive()
    assert files.find_recovery(w.controller.document.recovery_folder()) is None  # a clean exit


def test_an_unrestorable_recovery_copy_is_kept_not_deleted(qtbot, make_window):
    w = make_window()
    folder = w.controller.document.recovery_folder()
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / RECOVERY_NAME
    copy.write_bytes(b"PK\x03\x04 what was left of a session")
    assert not w.controller.document.offer_recovery()
    assert w.last_message[0] == "Cannot restore"
    kept = [p for p in folder.iterdir() if p.read_bytes().startswith(b"PK\x03\x04 what")]
    assert len(kept) == 1 and str(kept[0]) in w.last_message[1]
    assert files.find_recovery(folder) is None  # not offered again at the next start
    assert w.controller.config.task.name == "sine_forecast"
    w.message_box.close()


def test_closing_ends_a_training_process_that_does_not_answer(qtbot, make_window):
    """Terminate, then kill: a stopped process (it cannot take the stop request, nor
    SIGTERM) is killed, and the window closes."""
    w = make_window()
    process = w.controller.worker.process
    os.kill(process.pid, signal.SIGSTOP)
    assert w.controller.training.shutdown(timeout_ms=300)
    assert not process.is_alive() and process.exitcode == -signal.SIGKILL


WINDOW_THAT_DIES = textwrap.dedent("""
    import os, sys
    from PySide6.QtWidgets import QApplication
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.ui.worker import TrainingThread

    if __name__ == "__main__":
        app = QApplication([])
        exp = Experiment.from_task("sine_forecast")
        t = TrainingThread(exp)
        t.worker.play()
        print(t.worker.process.pid, flush=True)
        sys.stdin.readline()
        os._exit(0)  # the window's process ends without closing anything
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_training_process_ends_when_the_window_process_is_gone(tmp_path):
    script = tmp_path / "window.py"
    script.write_text(WINDOW_THAT_DIES)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    window = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    pid = int(window.stdout.readline())
    status = Path(f"/proc/{pid}/status")
    assert status.exists()  # training
    window.stdin.write("\n")
    window.stdin.flush()
    assert window.wait(30) == 0

    def ended() -> bool:
        try:
            return "\nState:\tZ" in status.read_text()
        except (FileNotFoundError, ProcessLookupError):
            return True

    deadline = time.monotonic() + 30
    while not ended() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ended()
