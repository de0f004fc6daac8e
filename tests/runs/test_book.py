"""Runs kept for comparison: their own histories, exact restore, settings, curves, CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import numpy as np
import pytest

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.runs.book import (
    Run,
    RunBook,
    band,
    comparison_csv,
    curve,
    differences,
    give_colours,
    gradient_at,
    metric_bounds,
    run_from_message,
    run_to_message,
    settings_table,
)
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task


def small_config(cell: str = "rnn", seed: int = 0, **network) -> ExperimentConfig:
    """A small long_memory setup (many-to-one classification with a baseline)."""
    cfg = get_task("long_memory").default_config()
    cfg.task.n_samples = 40
    cfg.task.seq_len = 6
    cfg.network.cell = cell
    cfg.network.hidden_size = 4
    cfg.training.batch_size = 8
    cfg.training.seed = seed
    for key, value in network.items():
        setattr(cfg.network, key, value)
    return cfg


def trained(cfg: ExperimentConfig, steps: int) -> Experiment:
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=steps, validate_every=2):
        pass
    return exp


@pytest.fixture(scope="module")
def two_runs() -> tuple[Run, Run]:
    rnn = Run.of(trained(small_config("rnn"), 6), "simple RNN", 0)
    lstm = Run.of(trained(small_config("lstm"), 4), "LSTM", 1)
    return rnn, lstm


def test_a_run_keeps_its_experiments_numbers(two_runs):
    exp = trained(small_config("rnn"), 6)
    run = Run.of(exp, "simple RNN", 3, group="g")
    assert run.config.to_dict() == exp.config.to_dict() and run.config is not exp.config
    assert run.steps() == 6 and run.seed == 0 and run.group == "g" and run.colour == 3
    assert run.final_loss() == exp.trainer.history[-1]["train_loss"]
    assert run.final_metric() == exp.trainer.history[5]["val_metric"]  # validated at 6
    assert run.metric_name == exp.trainer.metric_name == "accuracy"
    assert run.higher_is_better is True
    baseline = exp.task.baseline(exp.dataset)
    assert run.baseline == baseline and baseline is not None
    assert [s for s, _ in run.gradients] == [2, 4, 6]
    for (s1, g1), (s2, g2) in zip(run.gradients, exp.trainer.gradient_history, strict=True):
        assert s1 == s2 and np.array_equal(g1, g2) and g1 is not g2
    exp.trainer.step()  # the run is a copy: training on does not change it
    assert run.steps() == 6 and len(run.history) == 6


def test_two_cells_curves_are_each_runs_own_history(two_runs):
    rnn, lstm = two_runs
    for run, steps in ((rnn, 6), (lstm, 4)):
        x, y = curve(run, "train_loss")
        assert x.tolist() == list(range(1, steps + 1))
        assert y.tolist() == [row["train_loss"] for row in run.history]
        x, y = curve(run, "val_metric")
        assert x.tolist() == list(range(2, steps + 1, 2))  # steps without validation dropped
        assert y.tolist() == [row["val_metric"] for row in run.history[1::2]]
        xs, _ = curve(run, "val_loss", x="seconds")
        assert xs.tolist() == [row["seconds"] for row in run.history[1::2]]
    assert not np.array_equal(curve(rnn, "train_loss")[1][:4], curve(lstm, "train_loss")[1])
    with pytest.raises(ValueError, match="quantity"):
        curve(rnn, "accuracy")


def test_a_restored_run_continues_bit_exactly():
    cfg = small_config("gru", bidirectional=True)
    straight = trained(cfg, 11)  # validated at 2, 4, …, 10
    half = trained(cfg, 5)  # mid-epoch: 5 batches of 8 over 32 training samples
    run = Run.of(half, "gru", 0)
    del half
    restored = run.experiment()
    assert restored.trainer.step_count == 5
    for _ in restored.trainer.run(steps=6, validate_every=2):
        pass
    a, b = straight.trainer, restored.trainer
    assert [r["train_loss"] for r in b.history] == [r["train_loss"] for r in a.history]
    assert [r["val_loss"] for r in b.history][1::2] == [r["val_loss"] for r in a.history][1::2]
    for name, w in a.net.params.items():
        assert np.array_equal(b.net.params[name], w), name
    assert [s for s, _ in b.gradient_history] == [s for s, _ in a.gradient_history]
    for (_, g1), (_, g2) in zip(a.gradient_history, b.gradient_history, strict=True):
        assert np.array_equal(g1, g2)
    assert b.elapsed > 0


def test_differences_name_what_changed():
    a, b = small_config("rnn"), small_config("lstm", bidirectional=True)
    b.training.learning_rate = 0.01
    assert differences(a, b) == {
        "network.cell": ("rnn", "lstm"),
        "network.bidirectional": (False, True),
        "training.learning_rate": (0.005, 0.01),
    }
    assert differences(a, a.copy()) == {}


def test_settings_table_marks_the_differing_settings(two_runs):
    keys, rows, differ = settings_table(two_runs)
    assert differ == {"network.cell"}
    i = keys.index("network.cell")
    assert [row[i] for row in rows] == ["rnn", "lstm"]
    assert rows[0][keys.index("task.options.classes")] == "2"
    assert rows[0][keys.index("network.bidirectional")] == "no"
    assert len(rows) == 2 and all(len(row) == len(keys) for row in rows)
    assert len(keys) == len(set(keys)) > 20


def test_comparison_csv_columns_are_the_runs(two_runs):
    rnn, lstm = two_runs
    table = list(csv.DictReader(io.StringIO(comparison_csv(two_runs))))
    assert list(table[0]) == ["step"] + [
        f"{name} {q}" for name in ("simple RNN", "LSTM")
        for q in ("train_loss", "val_loss", "val_metric", "seconds")
    ]
    assert [int(r["step"]) for r in table] == list(range(1, 7))
    for run in two_runs:
        for row, h in zip(table, run.history, strict=False):
            assert float(row[f"{run.name} train_loss"]) == h["train_loss"]  # exactly
            v = row[f"{run.name} val_metric"]
            assert (v == "") == np.isnan(h["val_metric"])
            if v:
                assert float(v) == h["val_metric"]
    assert all(r["LSTM train_loss"] == "" for r in table[4:])  # the LSTM ran 4 steps


def test_gradient_at_picks_the_recorded_step_at_or_before(two_runs):
    rnn, _ = two_runs
    assert gradient_at(rnn, 5)[0] == 4 and gradient_at(rnn, 6)[0] == 6
    assert gradient_at(rnn, 1)[0] == 2  # before the first: the first
    assert np.array_equal(gradient_at(rnn, 100)[1], rnn.gradients[-1][1])
    dense = Run.of(trained(small_config("dense"), 2), "dense", 2)
    assert gradient_at(dense, 2) is None


def test_band_is_mean_and_spread_at_common_steps():
    runs = [Run.of(trained(small_config("rnn", seed=s), 4), f"seed {s}", s) for s in (0, 1, 2)]
    x, mean, low, high = band(runs, "train_loss")
    ys = np.array([[r["train_loss"] for r in run.history] for run in runs])
    assert x.tolist() == [1, 2, 3, 4]
    np.testing.assert_allclose(mean, ys.mean(axis=0))
    np.testing.assert_allclose(high - mean, ys.std(axis=0, ddof=1))
    np.testing.assert_allclose(mean - low, ys.std(axis=0, ddof=1))
    x, mean, low, high = band(runs[:1] + [runs[1]], "val_metric", x="seconds")
    assert len(x) == 2 and np.all(np.diff(x) > 0)
    x, mean, low, high = band(runs[:1], "val_loss")
    assert np.array_equal(low, mean) and np.array_equal(high, mean)


def test_run_book_names_colours_and_order(two_runs):
    book = RunBook()
    a = book.add(Run.of(trained(small_config("rnn"), 1), "run", book.next_colour()))
    b = book.add(Run.of(trained(small_config("rnn"), 1), "run", book.next_colour()))
    assert (a.name, b.name) == ("run", "run (2)") and (a.colour, b.colour) == (0, 1)
    assert book.before(b) is a and book.before(a) is None
    with pytest.raises(ValueError, match="already"):
        book.rename(b, "run")
    with pytest.raises(ValueError):
        book.rename(b, "  ")
    book.rename(b, "second")
    assert b.name == "second" and book.unique_name("run") == "run (2)"
    book.remove(a)
    assert book.runs == [b] and book.next_colour() == 0 and book.before(b) is None


def test_runs_seeds_runs_files_and_the_compare_command_import_without_qt():
    """Scripts, worker processes and the command line use them with no Qt installed."""
    import subprocess
    import sys

    from tests.test_imports import BLOCK_QT

    code = BLOCK_QT.replace(
        "importlib.import_module(sys.argv[1])",
        "[importlib.import_module(m) for m in sys.argv[1:]]",
    )
    modules = ["rnn_sandbox.runs.book", "rnn_sandbox.runs.seeds", "rnn_sandbox.runs.file",
               "rnn_sandbox.cli.runs"]
    result = subprocess.run([sys.executable, "-c", code, *modules], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "[importlib.import_module(m)" in code  # the modules were really imported


def test_a_group_gets_one_colour_and_every_other_run_its_own(two_runs):
    """Runs of one group are drawn as one (mean and spread): one colour for them all, in
    the comparison's table as in its plot; colours already used are left to their runs."""
    a, b = two_runs
    seeds = [replace(a, group="seeds", name=f"seed {i}") for i in range(3)]
    alone = replace(b, group=None)
    give_colours([seeds[0], alone, *seeds[1:]], used={0})
    assert [r.colour for r in seeds] == [1, 1, 1] and alone.colour == 2
    other = replace(a, group="seeds")
    give_colours([other], groups={"seeds": 7})
    assert other.colour == 7


def test_a_band_stays_inside_the_range_its_metric_can_take(two_runs):
    rnn, _ = two_runs

    def with_metric(values: list[float], name: str | None = "accuracy") -> Run:
        rows = [{**row, "val_metric": v} for row, v in zip(rnn.history, values, strict=False)]
        return replace(rnn, history=rows, metric_name=name)

    near_one = [with_metric([1.0] * 6), with_metric([0.8] * 6)]
    _, mean, low, high = band(near_one, "val_metric")
    spread = np.std([1.0, 0.8], ddof=1)
    assert np.all(high == 1.0) and mean[0] + spread > 1.0  # clipped, not just short of 1
    np.testing.assert_allclose(low, mean - spread)  # the side inside the range is as it was
    near_zero = [with_metric([0.0] * 6), with_metric([0.3] * 6)]
    _, mean, low, _ = band(near_zero, "val_metric")
    assert np.all(low == 0.0)
    mae = [with_metric([1.0] * 6, "MAE"), with_metric([300.0] * 6, "MAE")]
    _, mean, low, high = band(mae, "val_metric")
    assert np.all(low == 0.0) and np.all(high > 300.0)  # no upper bound on an error
    assert metric_bounds("accuracy") == metric_bounds("token accuracy") == (0.0, 1.0)
    assert metric_bounds("exact match") == (0.0, 1.0)
    assert metric_bounds("MAE") == metric_bounds("letter error rate") == (0.0, np.inf)
    assert metric_bounds("score") == (-np.inf, np.inf)  # unknown kind: left as it is


def test_a_run_crosses_a_pipe_as_json_numbers_and_its_state_undecoded(two_runs, monkeypatch):
    rnn, _ = two_runs
    import rnn_sandbox.io.experiment_file as experiment_file
    import rnn_sandbox.runs.book as book

    def refuse(*_args, **_kwargs):
        raise AssertionError("no experiment may be rebuilt to receive a run")

    monkeypatch.setattr(book, "experiment_from_bytes", refuse)
    monkeypatch.setattr(experiment_file, "experiment_from_bytes", refuse)
    monkeypatch.setattr(book, "Experiment", refuse)
    message = run_to_message(replace(rnn, group="g", hidden=True, colour=4))
    assert b"\x80" not in message[:16]  # JSON first (no pickle)
    got = run_from_message(message)
    assert got.name == rnn.name and got.group == "g" and got.hidden and got.colour == 4
    assert got.config.to_dict() == rnn.config.to_dict() and got.seed == rnn.seed
    assert repr(got.history) == repr(rnn.history) and got.state == rnn.state
    assert got.baseline == rnn.baseline and got.metric_name == rnn.metric_name
    assert got.higher_is_better == rnn.higher_is_better
    assert [s for s, _ in got.gradients] == [s for s, _ in rnn.gradients]
    for (_, a), (_, b) in zip(got.gradients, rnn.gradients, strict=True):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError):
        run_from_message(message[:12])


def test_reached_tells_apart_runs_that_end_at_the_same_level(two_runs):
    rnn, _ = two_runs
    baseline = rnn.baseline
    assert baseline is not None and baseline.higher_is_better

    def run_with(metric: list[float]) -> Run:
        rows = [{**row, "val_metric": v, "seconds": 0.5 * row["step"]}
                for row, v in zip(rnn.history, metric, strict=True)]
        return replace(rnn, history=rows, baseline=replace(baseline, value=0.5))

    fast = run_with([0.6, 0.99, 1.0, 1.0, 1.0, 1.0])
    slow = run_with([0.55, 0.6, 0.7, 0.8, 0.9, 1.0])
    assert fast.final_metric() == slow.final_metric() == 1.0
    assert fast.reached() == (2, 1.0)  # 0.99 ≥ 0.5 + 0.95 · (1 − 0.5)
    assert slow.reached() == (6, 3.0)
    assert replace(rnn, history=rnn.history[:1]).reached() is None


def test_a_large_run_waits_on_disk_and_comes_back_whole(tiny, tmp_path, monkeypatch):
    """A run whose arrays pass SPILL_BYTES keeps its state in a temporary file of its own,
    not in memory; it restores, travels and saves as one in memory does."""
    from rnn_sandbox.runs import book
    from rnn_sandbox.runs.file import load_runs, save_runs

    exp = tiny.trained(tiny.config(), steps=3)
    small = book.Run.of(exp, "small", 0)
    monkeypatch.setattr(book, "SPILL_BYTES", 0)
    large = book.Run.of(exp, "large", 1)
    assert isinstance(small.state, bytes) and isinstance(large.state, book.StoredState)
    assert large.state_bytes()[:2] == b"PK"
    back = large.experiment()
    assert back.trainer.step_count == 3
    for k, v in exp.network.params.items():
        np.testing.assert_array_equal(back.network.params[k], v)
    received = book.run_from_message(book.run_to_message(large))  # from a seeds worker
    assert isinstance(received.state, book.StoredState)
    assert received.state_bytes() == large.state_bytes()
    saved = load_runs(save_runs(tmp_path / "r.rnns", [small, large]))
    assert [r.steps() for r in saved] == [3, 3]
    assert saved[1].experiment().trainer.step_count == 3
