"""Runs files (.rnns): round trip, mixing with experiment files, and refusing bad files."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from rnn_sandbox.files import SaveRefused
from rnn_sandbox.io import ExperimentFileError, save_experiment
from rnn_sandbox.runs import file as rf
from rnn_sandbox.runs.book import Run, StoredState
from rnn_sandbox.runs.file import load_comparison, load_runs, runs_from_bytes, save_runs


@pytest.fixture
def runs(tiny) -> list[Run]:
    a = Run.of(tiny.trained(tiny.config("sine_forecast"), steps=5), "first", 2, group="g")
    cfg = tiny.config("sine_forecast")
    cfg.network.cell = "gru"
    b = Run.of(tiny.trained(cfg, steps=3), "second, the GRU", 5)
    b.hidden = True
    return [a, b]


@pytest.fixture
def good(runs) -> bytes:
    return rf.runs_to_bytes(runs)


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in entries.items():
            zf.writestr(name, blob)
    return buf.getvalue()


def _with_header(good: bytes, change) -> bytes:
    entries = _entries(good)
    header = json.loads(entries[rf.JSON_NAME])
    change(header)
    entries[rf.JSON_NAME] = json.dumps(header).encode()
    return _zip(entries)


def _refused(data: bytes, match: str) -> None:
    with pytest.raises(ExperimentFileError, match=match) as e:
        runs_from_bytes(data)
    assert str(e.value) and "\n" not in str(e.value)


def test_runs_round_trip_with_everything_a_comparison_shows(runs, tmp_path):
    path = save_runs(tmp_path / "c.rnns", runs)
    back = load_runs(path)
    assert [r.name for r in back] == ["first", "second, the GRU"]
    assert [(r.colour, r.group, r.hidden) for r in back] == [(2, "g", False), (5, None, True)]
    for a, b in zip(runs, back, strict=True):
        assert b.config.to_dict() == a.config.to_dict()
        assert len(a.history) == len(b.history)
        for ra, rb in zip(a.history, b.history, strict=True):
            assert ra.keys() == rb.keys()
            assert all(ra[k] == rb[k] or (np.isnan(ra[k]) and np.isnan(rb[k])) for k in ra)
        assert [s for s, _ in a.gradients] == [s for s, _ in b.gradients] != []
        assert all(np.array_equal(g, h) for (_, g), (_, h) in zip(a.gradients, b.gradients,
                                                                   strict=True))
        assert (b.metric_name, b.higher_is_better, b.baseline, b.seed) == (
            a.metric_name, a.higher_is_better, a.baseline, a.seed)
        assert b.final_metric() == a.final_metric() and b.steps() == a.steps()
        wa, wb = a.experiment().network.state_dict(), b.experiment().network.state_dict()
        assert all(np.array_equal(wa[k], wb[k]) for k in wa)


def test_compare_mixes_experiment_and_runs_files(runs, tiny, tmp_path):
    save_runs(tmp_path / "c.rnns", runs)
    save_experiment(tmp_path / "first.rnnx", tiny.trained(tiny.config(), steps=2))
    mixed = load_comparison([tmp_path / "first.rnnx", tmp_path / "c.rnns"])
    assert [r.name for r in mixed] == ["first", "first (2)", "second, the GRU"]
    assert [r.colour for r in mixed] == [0, 1, 2]
    assert mixed[0].steps() == 2 and mixed[0].metric_name == runs[0].metric_name
    # What was read, not a copy written again; read from the file only when asked for.
    assert isinstance(mixed[0].state, StoredState)
    assert mixed[0].state_bytes() == (tmp_path / "first.rnnx").read_bytes()
    with pytest.raises(ExperimentFileError, match="missing.rnnx"):
        load_comparison([tmp_path / "c.rnns", tmp_path / "missing.rnnx"])


def test_a_failed_save_leaves_the_old_file(runs, tmp_path, monkeypatch):
    with pytest.raises(SaveRefused, match="no runs"):
        save_runs(tmp_path / "empty.rnns", [])
    path = save_runs(tmp_path / "c.rnns", runs[:1])
    before = path.read_bytes()

    def damaged(f, rs):
        f.write(b"PK" + b"\0" * 40)

    monkeypatch.setattr(rf, "write_runs", damaged)
    with pytest.raises(SaveRefused, match="would not reopen"):
        save_runs(path, runs)
    assert path.read_bytes() == before and len(load_runs(path)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["c.rnns"]  # no temporary file left


def test_foreign_damaged_and_truncated_files_are_refused(good, runs, tmp_path, tiny):
    _refused(b"hello", "not a runs file")
    _refused(good[: len(good) // 2], "damaged or truncated")
    # Runs and their arrays are stored, not deflated: cut anywhere, a file never reads as
    # one of the archives inside it.
    for cut in range(1, len(good), max(1, len(good) // 97)):
        _refused(good[:cut], "damaged or truncated|not a runs file")
    _refused(runs[0].state, "an experiment file")
    _refused(_zip({"other.txt": b"x"}), "unexpected entry")
    entries = _entries(good)
    del entries[rf.JSON_NAME]
    _refused(_zip(entries), "missing runs.json")
    path = tmp_path / "x.rnnx"
    save_experiment(path, tiny.trained(tiny.config(), steps=1))
    with pytest.raises(ExperimentFileError, match="x.rnnx: .*not a runs file"):
        load_runs(path)


@pytest.mark.parametrize(
    "change, match",
    [
        (lambda h: h.update(format="something-else"), "wrong format name"),
        (lambda h: h.update(format_version=99), "newer program"),
        (lambda h: h.update(runs=[]), "lists no runs"),
        (lambda h: h["runs"][1].update(name="first"), "two runs are called 'first'"),
        (lambda h: h["runs"][1].update(name=""), "name"),
        (lambda h: h["runs"][0].update(colour=-1), "colour"),
        (lambda h: h["runs"][0].update(hidden="yes"), "hidden"),
        (lambda h: h["runs"][0].update(group=3), "group"),
        (lambda h: h["runs"][0].update(entry="../../etc/passwd"), "not in the file"),
        (lambda h: h["runs"][1].update(entry="run-0.rnnx"), "belongs to two runs"),
        (lambda h: h["runs"].pop(), "belongs to no run"),
        (lambda h: h["runs"][0].update(script="x"), "not a valid record"),
    ],
)
def test_bad_run_lists_are_refused(good, change, match):
    _refused(_with_header(good, change), match)


def test_a_damaged_run_inside_is_named(good):
    entries = _entries(good)
    inner = _entries(entries["run-1.rnnx"])
    header = json.loads(inner["experiment.json"])
    header["trainer"]["step"] = -1
    inner["experiment.json"] = json.dumps(header).encode()
    entries["run-1.rnnx"] = _zip(inner)
    _refused(_zip(entries), "run 'second, the GRU': .*trainer.step")


def test_runs_are_read_from_their_file_and_one_changed_there_is_not_saved(runs, tmp_path):
    path = save_runs(tmp_path / "c.rnns", runs)
    loaded = load_runs(path)
    assert all(isinstance(r.state, StoredState) for r in loaded)
    size = path.stat().st_size
    with open(path, "r+b") as f:  # the same file changed in place after it was read
        f.seek(size // 3)
        f.write(b"\xff" * 64)
    with pytest.raises(SaveRefused, match="cannot be read from the file it came from"):
        save_runs(tmp_path / "d.rnns", loaded)
    assert not (tmp_path / "d.rnns").exists()
    with pytest.raises(ExperimentFileError):
        loaded[0].experiment()
