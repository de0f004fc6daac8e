"""What a configuration costs, said before it is built: the estimate holds for real
training (measured in a subprocess), and settings that cannot fit are refused with the
reason, in the session and on the command line, with nothing lost."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rnn_sandbox.cli import main
from rnn_sandbox.engine import build_network
from rnn_sandbox.engine.budget import (
    FACTOR,
    MEMORY_VARIABLE,
    available_memory,
    estimate,
    parameter_count,
    parent_bytes,
    parse_size,
    seeds_plan,
)
from rnn_sandbox.session import Experiment, propose
from rnn_sandbox.tasks import get_task

ROOT = Path(__file__).resolve().parents[2]

# (task, cell, hidden, layers, bidirectional, batch, seq_len): weights-heavy (a long-input
# network read one short sequence at a time) and cache-heavy (long sequences, full batches),
# each big enough that the numbers, not the interpreter, dominate, and quick to train.
SIZES = [
    ("tiny_bptt", "rnn", 640, 2, False, 1, None),
    ("tiny_bptt", "lstm", 288, 2, False, 1, None),
    ("tiny_bptt", "gru", 192, 2, True, 1, None),
    ("long_memory", "rnn", 128, 1, True, 64, 120),
    ("long_memory", "lstm", 96, 2, False, 32, 80),
    ("named_entities", "gru", 128, 1, True, 32, 50),
]
SAMPLES = 100  # a short validation set: its passes are timed, not sized, by the estimate


def _config(task, cell, hidden, layers, bidirectional, batch, seq_len):
    cfg = get_task(task).default_config()
    n = cfg.network
    n.cell, n.hidden_size, n.num_layers, n.bidirectional = cell, hidden, layers, bidirectional
    cfg.training.batch_size = batch
    if seq_len is not None:
        cfg.task.seq_len, cfg.task.n_samples = seq_len, SAMPLES
    get_task(task).apply_shape(cfg.network, cfg.task)
    return cfg


# Each size is built, trained one step (validating: the optimizer's buffers are made and the
# validation set runs through) and saved in memory as a
# run is, under tracemalloc (NumPy reports its arrays to it); the process's peak resident
# memory at the end is the largest size's, interpreter included.
_MEASURE = textwrap.dedent("""
    import json, resource, sys, tracemalloc
    from rnn_sandbox.config import ExperimentConfig
    from rnn_sandbox.io.experiment_file import experiment_to_bytes
    from rnn_sandbox.session import Experiment
    peaks = []
    for d in json.loads(sys.argv[1]):
        tracemalloc.start()
        exp = Experiment(ExperimentConfig.from_dict(d))
        exp.trainer.step(validate=True)
        experiment_to_bytes(exp)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        del exp
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"peaks": peaks, "rss": rss}))
""")


def test_training_stays_within_the_factor_of_its_estimate():
    configs = [_config(*size) for size in SIZES]
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, json.dumps([c.to_dict() for c in configs])],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=True,
    )
    measured = json.loads(result.stdout)
    for size, cfg, peak in zip(SIZES, configs, measured["peaks"], strict=True):
        est = estimate(cfg)
        need = est.training + est.data + est.weights  # beside the interpreter
        # within the factor either way: the estimate neither hides a cost nor cries wolf
        assert need / FACTOR <= peak <= FACTOR * need, (size, peak, need)
        assert need >= 20e6, size  # big enough that the numbers dominate
    largest = max(estimate(c).total for c in configs)
    assert measured["rss"] <= FACTOR * largest, (measured["rss"], largest)


@pytest.mark.parametrize("size", SIZES + [
    ("translation", "lstm", 24, 2, True, 16, None),
    ("translation", "gru", 24, 1, True, 16, "additive"),
    ("translation", "rnn", 24, 2, False, 16, "dot"),
    ("text_generation", "gru", 32, 1, False, 16, None),
    ("sine_forecast", "dense", 16, 1, False, 16, None),
])
def test_parameter_count_from_the_settings_alone(size):
    task, cell, hidden, layers, bidirectional, _, seq_len = size
    attention = seq_len if isinstance(seq_len, str) else "none"
    seq_len = None if isinstance(seq_len, str) else seq_len
    cfg = _config(task, cell, min(hidden, 32), layers, bidirectional, 8, seq_len)
    cfg.network.attention = attention
    net = build_network(cfg.network, seed=0, seq_len=cfg.task.seq_len)
    assert parameter_count(cfg) == net.num_parameters()


def test_memory_available_reads_the_lowered_limit(monkeypatch):
    monkeypatch.setenv(MEMORY_VARIABLE, "300M")
    assert available_memory() == 300_000_000
    assert parse_size("1.5GB") == 1_500_000_000 and parse_size("2k") == 2000
    monkeypatch.setenv(MEMORY_VARIABLE, "lots")  # a typo is ignored, not a refusal
    assert available_memory() > 300_000_000


def test_time_per_step_is_measured_and_grows_with_the_network():
    small = _config("tiny_bptt", "lstm", 16, 1, False, 1, None)
    large = _config("tiny_bptt", "lstm", 512, 2, True, 1, None)
    a, b = estimate(small, timed=True), estimate(large, timed=True)
    assert a.seconds_per_step is not None and b.seconds_per_step is not None
    assert 0 < a.seconds_per_step < b.seconds_per_step
    assert "per step" in b.text() and "of memory" in b.text()


# -- refusals --------------------------------------------------------------------------------
BIG = ["--task", "tiny_bptt", "--cell", "lstm", "--hidden", "1024", "--layers", "3",
       "--bidirectional", "--batch-size", "1", "--steps", "1", "--quiet"]


def test_a_setting_above_the_memory_there_is_is_refused_before_it_is_built(monkeypatch):
    current = Experiment.from_task("tiny_bptt").config
    monkeypatch.setenv(MEMORY_VARIABLE, "1G")
    answer = propose(current, {"network.hidden_size": 1024, "network.num_layers": 3,
                               "network.cell": "lstm", "network.bidirectional": True})
    assert answer.kind == "refused" and answer.experiment is None
    assert "need about 2" in answer.reason and "1 GB is available" in answer.reason
    assert "lower the hidden size" in answer.reason
    assert answer.config.to_dict() == current.to_dict()
    # what fits is still built
    assert propose(current, {"network.hidden_size": 8}).kind == "rebuild"


def test_the_command_line_refuses_and_overwrites_nothing(monkeypatch, capsys, tmp_path):
    saved = tmp_path / "x.rnnx"
    assert main(["train", "--task", "tiny_bptt", "--steps", "2", "--quiet",
                 "--save", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "parameters, 2 steps; needs about" in out and "per step" in out
    before = saved.read_bytes()
    monkeypatch.setenv(MEMORY_VARIABLE, "1G")
    for argv in (["train", *BIG, "--save", str(saved)],
                 ["train", *BIG, "--seeds", "3", "--save", str(tmp_path / "r.rnns")]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.startswith("error: these settings need about ")
        assert "1 GB is available" in err and "lower the hidden size" in err
    monkeypatch.setenv(MEMORY_VARIABLE, "50M")  # below what the program itself needs
    assert main(["resume", str(saved), "--steps", "1", "--quiet"]) == 2
    assert "the program itself needs" in capsys.readouterr().err
    assert saved.read_bytes() == before and not (tmp_path / "r.rnns").exists()


def test_seeds_run_as_many_at_once_as_fit():
    cfg = _config("tiny_bptt", "lstm", 256, 3, True, 1, None)
    est = estimate(cfg)
    parent = parent_bytes(est, 3)
    assert parent > 3 * (est.weights + est.optimizer)  # the runs' states are counted
    assert seeds_plan(cfg, 3, 3, available=parent + 3 * est.total) == (3, None)
    assert seeds_plan(cfg, 3, 3, available=parent + 2 * est.total) == (2, None)
    processes, refused = seeds_plan(cfg, 3, 3, available=parent)
    assert processes == 1 and refused is not None and "for 3 runs" in refused


@pytest.mark.parametrize("name", ["adam", "rmsprop", "momentum", "sgd"])
def test_large_parameters_update_in_slices_to_the_same_numbers_all_or_nothing(
        monkeypatch, name):
    """Past PENDING_NUMBERS an optimizer checks and writes a slice at a time (no copy of
    the weights): the numbers are those of the whole-array update, and a step that would
    make one number infinite still changes nothing."""
    import numpy as np

    from rnn_sandbox.config import TrainingConfig
    from rnn_sandbox.engine import optim
    from rnn_sandbox.engine.optim import NonFiniteUpdate, make_optimizer

    rng = np.random.default_rng(0)
    params = {"a": rng.standard_normal((300, 200)), "b": rng.standard_normal(50)}
    grads = [{k: rng.standard_normal(v.shape) for k, v in params.items()} for _ in range(3)]
    results = []
    for pending, piece in ((10**9, 1 << 15), (100, 1000)):
        monkeypatch.setattr(optim, "PENDING_NUMBERS", pending)
        monkeypatch.setattr(optim, "SLICE", piece)
        p = {k: v.copy() for k, v in params.items()}
        opt = make_optimizer(TrainingConfig(optimizer=name, learning_rate=0.1))
        for g in grads:
            opt.step(p, g)
        before = {k: v.copy() for k, v in p.items()}
        state = opt.state_dict()
        bad = {k: v.copy() for k, v in grads[0].items()}
        bad["a"][-1, -1] = np.inf  # in the last slice, after others passed their check
        with pytest.raises(NonFiniteUpdate):
            opt.step(p, bad)
        assert all(np.array_equal(p[k], before[k]) for k in p)
        after = opt.state_dict()
        assert all(np.array_equal(after[k], state[k]) for k in state)
        results.append((p, state))
    (p1, s1), (p2, s2) = results
    assert all(np.array_equal(p1[k], p2[k]) for k in p1)
    assert all(np.array_equal(s1[k], s2[k]) for k in s1)
