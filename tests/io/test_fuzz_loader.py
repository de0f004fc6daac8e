"""Property tests: whatever bytes arrive, the loader returns an experiment or raises
ExperimentFileError — never anything else.  A tiny experiment keeps each case ~1 ms."""

from __future__ import annotations

import functools
import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rnn_sandbox.io import ExperimentFileError, experiment_from_bytes
from rnn_sandbox.io import experiment_file as ef
from rnn_sandbox.io.experiment_file import write_experiment
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.tasks.base import _REGISTRY


def fast(n: int) -> settings:
    """``n`` cases, no per-case deadline, the same cases on every run (reproducible CI)."""
    return settings(
        max_examples=n,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=True,
        database=None,
    )


# Bases to damage: a regression many-to-one network, and (where the catalogue has it) a
# bidirectional tagger with masks and integer labels, so every kind of array is fuzzed.
BASES = ["sine_forecast"] + [n for n in ("named_entities",) if n in _REGISTRY]


@functools.cache
def _valid(name: str = "sine_forecast") -> bytes:
    cfg = get_task(name).default_config()
    cfg.task.n_samples = 8
    if name == "sine_forecast":
        cfg.task.seq_len = 4
    else:
        cfg.network.bidirectional = True
    cfg.network.hidden_size = 3
    cfg.training.batch_size = 3
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=3, validate_every=2):
        pass
    buf = io.BytesIO()
    write_experiment(buf, exp, include_data=True)  # the stored-data parser is fuzzed too
    return buf.getvalue()


@functools.cache
def _entries(name: str = "sine_forecast") -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(_valid(name))) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:  # stored: mutations reach the parsers unchanged
        for name, blob in entries.items():
            zf.writestr(name, blob)
    return buf.getvalue()


def _load_or_refuse(data: bytes) -> None:
    try:
        exp = experiment_from_bytes(data)
    except ExperimentFileError as e:
        assert str(e)  # a message for the person who opened the file
        return
    assert isinstance(exp, Experiment)
    exp.trainer.step()  # what loaded is usable, not a half-built object


# Byte-level damage: (kind, position fraction, payload).
_mutation = st.tuples(
    st.sampled_from(["flip", "truncate", "insert", "delete", "overwrite"]),
    st.floats(0, 1, allow_nan=False),
    st.binary(min_size=1, max_size=8),
)


def _mutate(data: bytes, mutations) -> bytes:
    b = bytearray(data)
    for kind, where, payload in mutations:
        if not b:
            break
        i = min(int(where * len(b)), len(b) - 1)
        if kind == "flip":
            b[i] ^= payload[0] or 1
        elif kind == "truncate":
            del b[i:]
        elif kind == "insert":
            b[i:i] = payload
        elif kind == "delete":
            del b[i : i + len(payload)]
        else:
            b[i : i + len(payload)] = payload
    return bytes(b)


@fast(250)
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _load_or_refuse(data)
    _load_or_refuse(b"PK\x03\x04" + data)


@fast(300)
@given(st.sampled_from(BASES), st.lists(_mutation, min_size=1, max_size=4))
def test_damaged_file(base, mutations):
    _load_or_refuse(_mutate(_valid(base), mutations))


@fast(200)
@given(
    st.sampled_from(BASES),
    st.sampled_from([ef.WEIGHTS_NAME, ef.OPTIMIZER_NAME, ef.JSON_NAME, ef.DATA_NAME]),
    st.lists(_mutation, min_size=1, max_size=3),
)
def test_damaged_entry_inside_an_intact_zip(base, name, mutations):
    """The zip is sound (so its CRCs pass); the damage reaches the npz/npy/JSON parsers."""
    entries = dict(_entries(base))
    entries[name] = _mutate(entries[name], mutations)
    _load_or_refuse(_zip(entries))


_json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.sampled_from([-(10**30), -1, 0, 1, 2, 3, 7, 10**30]),
        st.sampled_from([-1e300, -0.5, 0.0, 0.25, 1.5, 1e300]),
        st.text(max_size=6),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3),
    max_leaves=4,
)


def _paths(node, prefix=()):
    """Every path to a value in the JSON tree (long lists are sampled at a few indices)."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i in sorted({0, 1, len(node) - 1} & set(range(len(node)))):
            yield from _paths(node[i], prefix + (i,))


@functools.cache
def _header_paths(base: str) -> list[tuple]:
    return [p for p in _paths(json.loads(_entries(base)[ef.JSON_NAME])) if p]


@fast(300)
@given(
    st.sampled_from(BASES),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from(["replace", "delete"]), _json_values),
        min_size=1,
        max_size=3,
    ),
)
def test_mutated_json_values(base, edits):
    header = json.loads(_entries(base)[ef.JSON_NAME])
    paths = _header_paths(base)
    for which, action, value in edits:
        path = paths[which % len(paths)]
        node = header
        try:
            for key in path[:-1]:
                node = node[key]
            if action == "delete":
                del node[path[-1]]
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this part
    entries = dict(_entries(base))
    entries[ef.JSON_NAME] = json.dumps(header).encode()
    _load_or_refuse(_zip(entries))


@pytest.mark.parametrize("base", BASES)
def test_unchanged_copy_loads(base):
    """The bases of the mutations are valid (else the tests above prove little)."""
    entries = dict(_entries(base))
    assert set(entries) == {
        ef.JSON_NAME, ef.WEIGHTS_NAME, ef.OPTIMIZER_NAME, ef.DATA_NAME, ef.GRADIENTS_NAME
    }
    exp = experiment_from_bytes(_zip(entries))
    assert exp.trainer.step_count == 3
    assert np.isfinite(exp.trainer.history[1]["val_loss"])


# -- files the program itself writes, from extreme but legal settings and data -------------
_extreme_settings = st.fixed_dictionaries(
    {
        "cell": st.sampled_from(["rnn", "lstm", "gru"]),
        "nonlinearity": st.sampled_from(["tanh", "relu"]),
        "dtype": st.sampled_from(["float64", "float32"]),
        "optimizer": st.sampled_from(["sgd", "momentum", "rmsprop", "adam"]),
        "learning_rate": st.sampled_from([1e-12, 0.01, 5.0, 99.0]),
        "clip_norm": st.sampled_from([0.0, 1e-9, 5.0]),
        "init": st.sampled_from(["uniform", "spectral", "orthogonal"]),
        "spectral_radius": st.sampled_from([0.01, 1.0, 10.0]),
        "layers": st.integers(1, 3),
        "bidirectional": st.booleans(),
        "steps": st.sampled_from([0, 3, 60]),
        "hidden": st.sampled_from([3, 16]),
        "seq_len": st.sampled_from([6, 30]),
    }
)

# Columns a learner's CSV may hold: constant, 0/1, huge but finite, tiny, steps.
_columns = st.sampled_from(["constant", "binary", "huge", "tiny", "ramp", "spiky"])


def _column(kind: str, n: int) -> np.ndarray:
    t = np.arange(n, dtype=float)
    return {
        "constant": np.full(n, 3.0),
        "binary": (t % 24 < 12).astype(float),
        "huge": 1e150 * np.sin(t),
        "tiny": 1e-300 * np.cos(t),
        "ramp": t * 1e6,
        "spiky": np.where(t % 97 == 0, 1e30, 0.0),
    }[kind]


def _train_a_little(exp: Experiment, steps: int) -> None:
    from rnn_sandbox.engine import TrainingDiverged

    try:
        for _ in exp.trainer.run(steps=steps, validate_every=2):
            pass
    except TrainingDiverged:
        pass  # paused with the last good state: that is what gets saved


def _must_reopen(exp: Experiment, tmp_path) -> None:
    from rnn_sandbox.io import load_experiment, save_experiment

    path = tmp_path / "made.rnnx"
    save_experiment(path, exp)  # verified: raises SaveRefused if it would not reopen
    again = load_experiment(path)
    assert again.trainer.step_count == exp.trainer.step_count
    for k, v in exp.network.params.items():
        assert np.array_equal(again.network.params[k], v)


_ISSUE = dict(  # the issue's command lines: ReLU, learning rate 99, no clipping
    cell="rnn", nonlinearity="relu", dtype="float64", optimizer="adam", learning_rate=99.0,
    clip_norm=0.0, init="uniform", spectral_radius=1.0, layers=1, bidirectional=False,
    steps=60, hidden=16, seq_len=30,
)


@fast(40)
@given(_extreme_settings)
@example(_ISSUE)
@example({**_ISSUE, "optimizer": "rmsprop"})
@example({**_ISSUE, "dtype": "float32", "init": "spectral", "spectral_radius": 10.0,
          "learning_rate": 0.01})
def test_files_made_from_extreme_settings_reopen(tmp_path_factory, s):
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples, cfg.task.seq_len = 12, s["seq_len"]
    n, tr = cfg.network, cfg.training
    n.cell, n.nonlinearity, n.dtype, n.init = s["cell"], s["nonlinearity"], s["dtype"], s["init"]
    n.spectral_radius, n.num_layers, n.bidirectional = (
        s["spectral_radius"], s["layers"], s["bidirectional"])
    n.hidden_size = s["hidden"]
    tr.optimizer, tr.learning_rate, tr.clip_norm = s["optimizer"], s["learning_rate"], s[
        "clip_norm"]
    tr.batch_size = 4
    exp = Experiment(cfg)
    _train_a_little(exp, s["steps"])
    _must_reopen(exp, tmp_path_factory.mktemp("extreme"))


@fast(30)
@given(
    st.lists(_columns, min_size=1, max_size=3),
    st.integers(1, 5),
    st.sampled_from([(80, 6), (2500, 160)]),  # long windows of repetitive data compress 200:1
)
def test_files_made_from_extreme_csv_data_reopen(tmp_path_factory, kinds, steps, size):
    from rnn_sandbox.tasks import TaskError

    folder = tmp_path_factory.mktemp("csv")
    n, seq_len = size
    names = [f"c{i}" for i in range(len(kinds))]
    columns = [_column(k, n) for k in kinds]
    lines = [",".join(names)] + [
        ",".join(repr(float(c[i])) for c in columns) for i in range(n)
    ]
    (folder / "d.csv").write_text("\n".join(lines) + "\n")
    cfg = get_task("csv_series").default_config()
    cfg.task.options.update(path=str(folder / "d.csv"), features=names, target=names[-1])
    cfg.task.seq_len, cfg.network.hidden_size, cfg.training.batch_size = seq_len, 3, 8
    try:
        exp = Experiment(cfg)
    except TaskError as e:  # refused up front, saying why: fine, nothing is written
        assert "too large" in str(e)
        return
    _train_a_little(exp, steps)
    _must_reopen(exp, folder)
