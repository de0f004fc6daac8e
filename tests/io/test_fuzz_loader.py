"""Property tests: whatever bytes arrive, the loader returns an experiment or raises
ExperimentFileError — never anything else.  A tiny experiment keeps each case ~1 ms."""

from __future__ import annotations

import functools
import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
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
    assert set(entries) == {ef.JSON_NAME, ef.WEIGHTS_NAME, ef.OPTIMIZER_NAME, ef.DATA_NAME}
    exp = experiment_from_bytes(_zip(entries))
    assert exp.trainer.step_count == 3
    assert np.isfinite(exp.trainer.history[1]["val_loss"])
