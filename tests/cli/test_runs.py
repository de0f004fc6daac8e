"""The command line's comparisons: `compare` (table, CSV, picture) and `train --seeds`."""

from __future__ import annotations

import csv
import re

import numpy as np
import pytest

from rnn_sandbox.cli import main
from rnn_sandbox.io import load_experiment, save_experiment
from rnn_sandbox.runs.file import load_runs
from rnn_sandbox.runs.seeds import summary, train_seeds
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

SMALL = ["--task", "tiny_bptt", "--hidden", "3", "--samples", "40", "--batch-size", "8"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture(scope="module")
def two_cells(tmp_path_factory):
    """Two experiment files of different cells, trained a few steps."""
    folder = tmp_path_factory.mktemp("compare")
    paths = []
    for cell, steps in (("rnn", 6), ("lstm", 4)):
        cfg = get_task("tiny_bptt").default_config()
        cfg.task.n_samples = 40
        cfg.network.cell, cfg.network.hidden_size = cell, 3
        cfg.training.batch_size = 8
        exp = Experiment(cfg)
        for _ in exp.trainer.run(steps=steps, validate_every=2):
            pass
        paths.append(save_experiment(folder / f"{cell}.rnnx", exp))
    return paths


def test_compare_prints_the_runs_and_writes_csv_columns_per_run(capsys, two_cells, tmp_path):
    out_csv = tmp_path / "c.csv"
    code, out, err = run(capsys, "compare", *two_cells, "--csv", out_csv)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["run", "differs", "steps"]
    assert lines[1].split()[:4] == ["rnn", "cell", "rnn", "6"]
    assert lines[2].split()[:4] == ["lstm", "cell", "lstm", "4"]
    assert "always 0" in lines[1]  # the baseline's rule
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert list(rows[0]) == ["step"] + [f"{name} {q}" for name in ("rnn", "lstm")
                                        for q in ("train_loss", "val_loss", "val_metric",
                                                  "seconds")]
    for path in two_cells:
        history = load_experiment(path).trainer.history
        name = path.stem
        got = [float(r[f"{name} train_loss"]) for r in rows if r[f"{name} train_loss"]]
        assert got == [h["train_loss"] for h in history]
        got = [float(r[f"{name} val_metric"]) for r in rows if r[f"{name} val_metric"]]
        assert got == [h["val_metric"] for h in history if np.isfinite(h["val_metric"])]


def test_compare_draws_the_overlay_as_png(capsys, two_cells, tmp_path):
    from PIL import Image

    png = tmp_path / "c.png"
    code, out, err = run(capsys, "compare", *two_cells, "--png", png, "--size", "900x560",
                         "--x", "seconds")
    assert code == 0, err
    assert f"drawn to {png}" in out
    with Image.open(png) as im:
        assert im.format == "PNG" and im.size == (900, 560)
        pixels = np.asarray(im.convert("RGB"), dtype=float)
    assert pixels.std() > 10  # drawn, not one flat colour
    colours = {tuple(p) for p in pixels.reshape(-1, 3)[::7].astype(int)}
    assert len(colours) > 20


def test_compare_refuses_to_overwrite_inputs_and_wrong_kinds(capsys, two_cells, tmp_path):
    odd = tmp_path / "experiment.csv"  # an experiment file under an odd name
    odd.write_bytes(two_cells[0].read_bytes())
    code, _, err = run(capsys, "compare", odd, two_cells[1], "--csv", odd)
    assert code == 2 and "would overwrite the input" in _error(err)
    assert odd.read_bytes() == two_cells[0].read_bytes()
    code, _, err = run(capsys, "compare", *two_cells, "--csv", two_cells[0])
    assert code == 2 and ".csv" in _error(err)
    code, _, err = run(capsys, "compare", *two_cells, "--png", tmp_path / "c.jpg")
    assert code == 2 and ".png" in _error(err)
    code, _, err = run(capsys, "compare", *two_cells, "--png", tmp_path / "c.png",
                       "--size", "big")
    assert code == 2 and "WIDTHxHEIGHT" in _error(err)
    bad = tmp_path / "bad.rnns"
    bad.write_bytes(b"not a zip")
    code, _, err = run(capsys, "compare", two_cells[0], bad)
    assert code == 2 and "bad.rnns" in _error(err)


def test_train_seeds_reports_the_spread_and_saves_the_runs(capsys, tmp_path):
    path = tmp_path / "runs.rnns"
    code, out, err = run(capsys, "train", *SMALL, "--seed", "4", "--steps", "6",
                         "--seeds", "3", "--processes", "2", "--save", path, "--quiet")
    assert code == 0, err
    lines = out.splitlines()
    assert "seeds 4..6 in 2 processes" in lines[0]
    assert [line.split()[:2] for line in lines[1:4]] == [["seed", "4"], ["seed", "5"],
                                                         ["seed", "6"]]
    runs = load_runs(path)
    assert [r.name for r in runs] == ["seed 4", "seed 5", "seed 6"]
    s = summary(runs)
    assert lines[4].startswith(f"MAE over 3 seeds: {s['mean']:.4g} ± {s['std']:.4g}")
    assert f"min {s['min']:.4g}, max {s['max']:.4g}" in lines[4]
    assert lines[5].startswith('baseline "always 0": mean') and "baseline by" in lines[5]
    assert lines[6] == f"3 runs saved to {path}"
    # the same numbers as these seeds trained one after another here
    cfg = get_task("tiny_bptt").default_config()
    cfg.task.n_samples, cfg.network.hidden_size, cfg.training.batch_size = 40, 3, 8
    for a, b in zip(runs, train_seeds(cfg, [4, 5, 6], processes=1, steps=6), strict=True):
        assert [h["train_loss"] for h in a.history] == [h["train_loss"] for h in b.history]
        assert a.final_metric() == b.final_metric()


@pytest.mark.parametrize(
    "extra, match",
    [
        (["--seeds", "3", "--save", "runs.rnnx"], "--save: with --seeds 3 .*.rnns"),
        (["--seeds", "0"], "--seeds must lie between 1 and 32"),
        (["--seeds", "33"], "--seeds must lie between 1 and 32"),
        (["--seeds", "2", "--processes", "0"], "--processes must be at least 1"),
        (["--seeds", "2", "--steps", "0"], "--steps must be at least 1"),
    ],
)
def test_train_seeds_refuses_bad_options_before_training(capsys, tmp_path, extra, match):
    extra = [str(tmp_path / e) if e.endswith(".rnnx") else e for e in extra]
    code, out, err = run(capsys, "train", *SMALL, "--steps", "2", *extra)
    assert code == 2 and out == ""
    assert list(tmp_path.iterdir()) == []
    assert re.search(match, _error(err))


def test_one_seed_may_be_saved_as_an_experiment(capsys, tmp_path):
    path = tmp_path / "one.rnnx"
    code, out, err = run(capsys, "train", *SMALL, "--steps", "3", "--seeds", "1",
                         "--save", path, "--quiet")
    assert code == 0, err
    assert load_experiment(path).trainer.step_count == 3
    assert "MAE over 1 seed:" in out and "± 0 " in out
