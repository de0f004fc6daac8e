"""Run keeping without a window: a trained experiment is kept as a run when it is
replaced, comes back on undo, a restored run trains on bit for bit, deleting undoes, runs
files round trip; and the keeper needs nothing of its host but the small protocol."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtGui import QUndoStack

from rnn_sandbox import io as files
from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.controller import ExperimentController
from rnn_sandbox.ui.runs.keeping import RunKeeper, change_text, run_name
from rnn_sandbox.ui.view_data import ViewData

WAIT = 30_000  # ms; generous for a loaded two-core machine


def train(qtbot, c: ExperimentController, n: int) -> None:
    """Train exactly ``n`` batches as Step does, and deliver every report."""
    target = c.step + n
    c.worker.step_once(n)
    qtbot.waitUntil(lambda: c.step >= target, timeout=WAIT)
    with c.worker.paused():
        pass
    c.training.poll()


def history(c: ExperimentController) -> list[dict[str, float]]:
    with c.worker.paused() as exp:
        return [dict(h) for h in exp.trainer.history]


def weights(c: ExperimentController) -> dict[str, np.ndarray]:
    with c.worker.paused() as exp:
        return exp.network.state_dict()


def small_config(small) -> ExperimentConfig:
    cfg = small(get_task("sine_forecast").default_config())
    cfg.task.n_samples = 120
    return cfg


def test_a_rebuild_keeps_the_trained_run_and_undo_brings_it_back(qtbot, make_controller,
                                                                    small, tmp_path):
    c = make_controller(small_config(small))
    keeper = c.runs
    changes = []
    keeper.changed.connect(lambda: changes.append([r.name for r in keeper.runs]))
    train(qtbot, c, 4)
    trained = history(c)
    assert [h["train_loss"] for h in keeper.current_run().history] == [
        h["train_loss"] for h in trained]  # the reported curve, as the process has it
    assert c.apply_config({"network.cell": "lstm"}, "Cell: LSTM") is None
    (kept,) = keeper.runs
    assert kept.name == "sine_forecast" and kept.steps() == 4
    assert kept.config.network.cell == "rnn"
    assert [h["train_loss"] for h in kept.history] == [h["train_loss"] for h in trained]
    assert keeper.current_name == "LSTM" and keeper.current_colour != kept.colour
    assert keeper.current_run().history == [] and changes[-1] == ["sine_forecast"]
    assert [r.name for r in keeper.visible_runs()] == ["sine_forecast", "LSTM"]
    c.undo_stack.undo()  # the trained RNN is the current run again, not kept twice
    assert keeper.runs == [] and keeper.current_name == "sine_forecast"
    assert len(keeper.current_run().history) == 4 and c.step == 4
    c.undo_stack.redo()  # an untrained LSTM is not kept when it is replaced
    assert [r.name for r in keeper.runs] == ["sine_forecast"]
    assert keeper.current_name == "LSTM"
    # An experiment opened from a file is named after the file.
    c.undo_stack.undo()
    assert c.document.save(tmp_path / "mine.rnnx")
    assert c.document.open_path(tmp_path / "mine.rnnx")
    assert keeper.current_name == "mine" and c.step == 4
    assert [r.name for r in keeper.runs] == ["sine_forecast"]  # what was current, trained


def test_a_restored_run_trains_on_bit_for_bit_and_undo_gives_the_other_back(
        qtbot, make_controller, small):
    c = make_controller(small_config(small))
    keeper = c.runs
    train(qtbot, c, 5)
    with c.worker.paused() as exp:
        reference = files.experiment_from_bytes(files.experiment_to_bytes(exp))
    for _ in range(7):  # the run as if it had never left
        reference.trainer.step()
    assert c.apply_config({"network.hidden_size": 6}, "Hidden size: 6") is None
    train(qtbot, c, 3)
    assert keeper.current_name == "hidden size 6"
    (run,) = keeper.runs
    assert keeper.restore_run(run)
    assert keeper.current_name == "sine_forecast" and c.step == 5
    assert [r.name for r in keeper.runs] == ["hidden size 6"]
    assert c.undo_stack.undoText() == "Restore run “sine_forecast”"
    train(qtbot, c, 7)
    for k, v in weights(c).items():
        np.testing.assert_array_equal(v, reference.network.state_dict()[k], err_msg=k)
    c.undo_stack.undo()  # the run trained at hidden size 6 is current again, where it was
    assert keeper.current_name == "hidden size 6" and c.step == 3
    assert [(r.name, r.steps()) for r in keeper.runs] == [("sine_forecast", 12)]
    assert not keeper.restore_run(run)  # not a kept run any more


def test_a_restore_the_learner_declines_changes_nothing(qtbot, make_controller, small):
    answers = [True]
    c = make_controller(small_config(small), ask=lambda title, text: answers[-1])
    train(qtbot, c, 2)
    c.apply_config({"network.hidden_size": 6}, "Hidden size: 6")
    train(qtbot, c, 2)
    answers.append(False)
    count, experiment = c.undo_stack.count(), c.experiment
    assert not c.runs.restore_run(c.runs.runs[0])
    assert c.experiment is experiment and c.undo_stack.count() == count


def test_deleting_runs_undoes_into_their_places(qtbot, make_controller, small):
    c = make_controller(small_config(small))
    keeper = c.runs
    for cell in ("lstm", "gru", "rnn"):
        train(qtbot, c, 2)
        assert c.apply_config({"network.cell": cell}, f"Cell: {cell}") is None
    names = [r.name for r in keeper.runs]
    assert names == ["sine_forecast", "LSTM", "GRU"]
    keeper.delete_runs([keeper.runs[0], keeper.runs[2]])
    assert [r.name for r in keeper.runs] == ["LSTM"]
    assert c.undo_stack.undoText() == "Delete 2 runs"
    c.undo_stack.undo()
    assert [r.name for r in keeper.runs] == names
    c.undo_stack.redo()
    assert [r.name for r in keeper.runs] == ["LSTM"]
    keeper.delete_runs([])  # nothing to delete: nothing on the undo stack
    assert c.undo_stack.undoText() == "Delete 2 runs"


def test_rename_hide_and_runs_files(qtbot, make_controller, small, tmp_path, settings):
    asked = []

    def ask(title: str, text: str) -> bool:
        asked.append(title)
        return False

    keeper = make_controller(small_config(small), ask=ask).runs
    c2 = make_controller(small_config(small))
    train(qtbot, c2, 3)
    assert c2.apply_config({"network.cell": "gru"}, "Cell: GRU") is None
    train(qtbot, c2, 2)
    k2 = c2.runs
    (kept,) = k2.runs
    assert not k2.rename_run(kept, "GRU")  # the current run's name
    assert not k2.rename_run(kept, "  ")
    assert k2.rename_run(kept, "first") and kept.name == "first"
    assert k2.rename_run(None, "second") and k2.current_name == "second"
    k2.set_run_hidden(kept, True)
    assert [r.name for r in k2.visible_runs()] == ["second"]
    # Saved with the current run; opened elsewhere, both join the book.
    path = tmp_path / "runs.rnns"
    assert k2.save_runs(path)
    assert k2.check_unsaved()  # nothing to lose
    assert keeper.open_runs(path)
    assert [r.name for r in keeper.runs] == ["first", "second"]
    assert keeper.runs[1].steps() == 2 and keeper.runs[0].hidden
    assert not keeper.check_unsaved() and asked == ["Discard the runs?"]
    notes = []
    keeper.message.connect(lambda title, text, level: notes.append(title))
    bad = tmp_path / "bad.rnns"
    bad.write_bytes(b"not a runs file")
    assert not keeper.open_runs(bad) and len(keeper.runs) == 2
    assert notes == ["Cannot open the runs"]


class Host:
    """An experiment trained in this process, with what the keeper asks of its host."""

    def __init__(self, config: ExperimentConfig) -> None:
        self.experiment = Experiment(config)
        self.undo_stack = QUndoStack()
        self.replaced: list[tuple[Experiment, str]] = []

    @property
    def step(self) -> int:
        return self.experiment.trainer.step_count

    @property
    def config(self) -> ExperimentConfig:
        return self.experiment.config

    @contextmanager
    def paused(self) -> Iterator[Experiment]:
        yield self.experiment

    def pause(self) -> None:
        pass

    def ask(self, title: str, text: str) -> bool:
        return True

    def replace_with(self, experiment: Experiment, text: str) -> None:
        self.replaced.append((experiment, text))


def test_the_keeper_needs_only_its_host(qtbot, small):
    host = Host(small_config(small))
    keeper = RunKeeper(host)
    keeper.follow(ViewData.of(host.experiment, 1), None, new=True)
    assert keeper.current_name == "sine_forecast" and keeper.runs == []
    for _ in range(3):
        host.experiment.trainer.step()
    keeper.replacing(host.experiment)
    before = host.config.copy()
    cfg = before.copy()
    cfg.network.hidden_size, cfg.training.learning_rate = 5, 0.02
    host.experiment = Experiment(cfg)
    keeper.follow(ViewData.of(host.experiment, 2), before, new=True)
    (kept,) = keeper.runs
    assert kept.name == "sine_forecast" and kept.steps() == 3
    assert keeper.current_name == run_name(before, cfg) == "hidden size 5, learning rate 0.02"
    assert change_text(before, cfg) == (f"hidden size {before.network.hidden_size}→5, "
                                        f"learning rate {before.training.learning_rate:g}→0.02")
    assert keeper.restore_run(kept)
    (restored, text) = host.replaced[-1]
    assert text == "Restore run “sine_forecast”"
    assert restored.trainer.step_count == 3
    for k, v in restored.network.state_dict().items():
        np.testing.assert_array_equal(v, kept.experiment().network.state_dict()[k])


def test_keeping_and_the_document_never_import_the_controller():
    """Not even for type checkers: each knows its host only by its protocol."""
    import ast
    from pathlib import Path

    import rnn_sandbox.ui.document as document
    import rnn_sandbox.ui.runs.keeping as keeping

    for module in (keeping, document):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not {m for m in imported if m and m.startswith((
            "rnn_sandbox.ui.controller", "rnn_sandbox.ui.main_window"))}, module.__name__


def test_one_run_and_one_step_read_in_the_singular(qtbot, small):
    """"The Runs panel holds 1 run that was not saved", "trained for 1 step"."""
    from rnn_sandbox.ui.controller import finished_text

    host = Host(small_config(small))
    asked: list[str] = []
    host.ask = lambda title, text: asked.append(text) or False
    keeper = RunKeeper(host)
    keeper.follow(ViewData.of(host.experiment, 1), None, new=True)
    host.experiment.trainer.step()
    keeper.replacing(host.experiment)
    before = host.config.copy()
    cfg = before.copy()
    cfg.network.hidden_size = 5
    host.experiment = Experiment(cfg)
    keeper.follow(ViewData.of(host.experiment, 2), before, new=True)
    assert not keeper.check_unsaved()
    assert "holds 1 run that was not saved" in asked[-1], asked
    host.experiment.trainer.step()
    assert not keeper.restore_run(keeper.runs[0])
    assert "trained for 1 step is kept" in asked[-1], asked
    assert finished_text(1, 1).startswith("Finished: 1 epoch (1 step).")
    assert finished_text(2, 30).startswith("Finished: 2 epochs (30 steps).")


def test_runs_opened_from_a_file_are_read_only_when_restored(qtbot, small, tmp_path,
                                                             monkeypatch):
    """Opening a runs file reads settings and histories: no experiment is built and no
    weights are kept until a run is restored (from the file, even once it is gone)."""
    host = Host(small_config(small))
    for _ in range(3):
        host.experiment.trainer.step()
    from rnn_sandbox.runs.book import Run
    from rnn_sandbox.runs.file import save_runs

    path = save_runs(tmp_path / "r.rnns", [Run.of(host.experiment, "three", 0)])
    keeper = RunKeeper(host)
    built = []
    real = Experiment.__init__

    def counted(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Experiment, "__init__", counted)
    assert keeper.open_runs(path) and built == []
    (opened,) = keeper.runs
    assert opened.steps() == 3 and not isinstance(opened.state, bytes)
    path.unlink()  # the open file still holds the run
    assert keeper.restore_run(opened) and built == [1]
    restored = host.replaced[-1][0]
    assert restored.trainer.step_count == 3
    for k, v in host.experiment.network.params.items():
        np.testing.assert_array_equal(restored.network.params[k], v)


def test_seeds_that_cannot_fit_in_memory_are_not_started(qtbot, small, monkeypatch):
    """Repeat with N seeds asks the memory estimate first: settings of which not even one
    run fits beside the runs' states are refused with the reason, and no worker starts."""
    from rnn_sandbox.engine.budget import MEMORY_VARIABLE

    host = Host(small_config(small))
    keeper = RunKeeper(host)
    notes: list[tuple[str, str]] = []
    keeper.message.connect(lambda title, text, level: notes.append((title, text)))
    monkeypatch.setenv(MEMORY_VARIABLE, "60M")
    assert not keeper.repeat_with_seeds(3)
    assert keeper.job is None
    ((title, text),) = notes
    assert title == "Not enough memory" and "The seeds were not started" in text
    assert "need about" in text and "60 MB is available" in text
