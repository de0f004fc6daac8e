"""Reading a file costs what is read, whatever the file claims: hostile files built here
(cheaply: sparse files, deflate streams of zeros repeated) are refused or summarised with
bounded memory, measured by tracemalloc (NumPy's arrays and zlib's output are traced)."""

from __future__ import annotations

import functools
import io
import json
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from rnn_sandbox.engine.network import Network
from rnn_sandbox.io import ExperimentFileError, load_experiment, read_header
from rnn_sandbox.io import experiment_file as ef
from rnn_sandbox.io.safe_zip import npz_bytes
from rnn_sandbox.runs import file as rf
from rnn_sandbox.runs.book import Run

MB = 1 << 20


def peak(call: Callable[[], object]) -> tuple[int, object]:
    """Peak traced bytes while ``call`` runs, and what it returned or raised."""
    tracemalloc.start()
    try:
        try:
            result: object = call()
        except Exception as e:  # noqa: BLE001 (the refusal is what is measured)
            result = e
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


@functools.cache
def _zero_block() -> tuple[bytes, bytes]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(bytes(MB)) + c.flush(zlib.Z_FULL_FLUSH), c.flush()


def zeros_deflated(mib: int) -> bytes:
    """A raw deflate stream of ``mib`` MiB of zeros, made in milliseconds: one MiB
    compressed with a full flush (which resets the compressor) repeats verbatim."""
    block, end = _zero_block()
    return block * mib + end


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, deflated bytes, declared size, CRC) entries, written by hand so an
    entry can claim gigabytes its few kilobytes inflate to."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, size, crc in entries:
        offset = out.tell()
        n = name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, crc, len(data),
                              size, len(n), 0) + n + data)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 33, crc,
                                  len(data), size, len(n), 0, 0, 0, 0, 0, offset) + n)
    cd = central.getvalue()
    start = out.tell()
    out.write(cd + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                               len(cd), start, 0))
    return out.getvalue()


def runs_json(n: int) -> tuple[str, bytes, int, int]:
    header = {"format": rf.FORMAT_NAME, "format_version": 1, "runs": [
        {"name": f"run {i}", "colour": i, "group": None, "hidden": False,
         "entry": f"run-{i}.rnnx"} for i in range(n)]}
    raw = json.dumps(header).encode()
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return rf.JSON_NAME, c.compress(raw) + c.flush(), len(raw), zlib.crc32(raw)


def test_a_large_sparse_file_is_refused_without_being_read(tmp_path):
    """1.5 GB of holes used to be read whole (a MemoryError under ``ulimit -v``)."""
    for name, start in (("sparse.rnnx", b""), ("zip-like.rnnx", b"PK\x03\x04"),
                        ("sparse.rnns", b"")):
        path = tmp_path / name
        with open(path, "wb") as f:
            f.write(start)
            f.truncate(1536 * MB)
        readers = (load_experiment, read_header, rf.load_runs,
                   lambda p: rf.load_comparison([p]))
        for read in readers:
            used, result = peak(functools.partial(read, path))
            assert isinstance(result, ExperimentFileError), result
            assert used < 2 * MB, (read, used)


def test_runs_files_claiming_gigabytes_of_zeros_are_refused_in_little_memory(tmp_path):
    """One run entry of 4 GiB of zeros (a 4 MB file) took 8.2 GB to refuse; 200 entries
    of 20 MB zeros were all inflated before any was parsed (3.9 GB)."""
    huge = raw_zip([runs_json(1), ("run-0.rnnx", zeros_deflated(4095), 4095 * MB, 0)])
    many = raw_zip([runs_json(200), *[(f"run-{i}.rnnx", zeros_deflated(20), 20 * MB, 0)
                                      for i in range(200)]])
    # An entry that starts like a zip: its directory is looked for at its end, streamed.
    zip_like = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = zip_like.compress(b"PK\x03\x04") + zip_like.flush(zlib.Z_FULL_FLUSH)
    pk = raw_zip([runs_json(1), ("run-0.rnnx", start + zeros_deflated(24), 24 * MB + 4, 0)])
    assert len(huge) < 5 * MB and len(many) < 5 * MB
    for name, data, match in (("huge.rnns", huge, "run 'run 0': this is not an experiment"),
                              ("many.rnns", many, "run 'run 0': this is not an experiment"),
                              ("pk.rnns", pk, "run 'run 0': the file is damaged")):
        path = tmp_path / name
        path.write_bytes(data)
        used, result = peak(functools.partial(rf.load_comparison, [path]))
        assert isinstance(result, ExperimentFileError), result
        assert match in str(result) and name in str(result)
        assert used < 4 * MB, (name, used)


def zero_weight_file(tmp_path: Path, tiny, hidden: int = 256, layers: int = 2) -> Path:
    """An experiment file in the real format whose settings claim a bidirectional LSTM
    ``hidden`` × ``layers`` (2.1 million weights at the defaults, 17 MB), all zero: a few
    hundred KB on disk.  Written without building or training the network."""
    exp = tiny.trained(tiny.config(), steps=4)
    header = ef.experiment_to_dict(exp)
    net = header["config"]["network"]
    net.update(cell="lstm", hidden_size=hidden, num_layers=layers, bidirectional=True)
    header["config"]["training"]["optimizer"] = "adam"  # buffers made at the first step
    config = ef.ExperimentConfig.from_dict(header["config"])
    weights = {name: np.zeros(shape) for name, shape in _shapes(config).items()}
    path = tmp_path / "zeros.rnnx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(ef.JSON_NAME, json.dumps(header))
        zf.writestr(ef.WEIGHTS_NAME, npz_bytes(weights))
        zf.writestr(ef.OPTIMIZER_NAME, npz_bytes({}))
    return path


def _shapes(config) -> dict[str, tuple[int, ...]]:
    """The parameters' names and shapes, from a network whose weights are never drawn."""
    original = Network.reset
    Network.reset = lambda self, seed: None  # type: ignore[method-assign]
    try:
        return Network(config.network).param_shapes()
    finally:
        Network.reset = original  # type: ignore[method-assign]


def test_a_file_claiming_a_large_network_is_checked_without_building_it(tmp_path, tiny):
    """A few-hundred-KB file claiming a bidirectional LSTM of zero weights took 10.7 GB
    for ``info`` (at 1024 × 3); checking and summarising it now costs a few MB."""
    path = zero_weight_file(tmp_path, tiny)
    assert path.stat().st_size < MB
    used, summary = peak(lambda: ef.check_file(path))
    assert isinstance(summary, ef.Summary), summary
    assert summary.parameters > 2_000_000  # every weight's header was read and checked
    assert used < 5 * MB, used  # the weights are 17 MB
    rf.save_runs(tmp_path / "three.rnns", rf.load_comparison([path, path, path]))
    used, runs = peak(lambda: rf.load_comparison([tmp_path / "three.rnns"]))
    assert isinstance(runs, list) and [r.steps() for r in runs] == [4, 4, 4]
    assert used < 2 * MB, used
    assert rf.runs_to_bytes(runs[:1])[:2] == b"PK"  # saved again from where it lies


def test_a_history_row_from_the_future_is_refused(tiny, tmp_path):
    """A history row at step 10^9 in a run at step 20 would stretch its plots to it."""
    exp = tiny.trained(tiny.config(), steps=20)
    good = ef.experiment_to_bytes(exp)
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    header = json.loads(entries[ef.JSON_NAME])
    header["history"][-1]["step"] = 10**9
    entries[ef.JSON_NAME] = json.dumps(header).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in entries.items():
            zf.writestr(name, blob)
    path = tmp_path / "future.rnnx"
    path.write_bytes(buf.getvalue())
    for read in (load_experiment, ef.check_file, lambda p: rf.load_comparison([p])):
        with pytest.raises(ExperimentFileError, match="step 1000000000 is not a step of"):
            read(path)
    run = Run.of(exp, "run", 0)
    run.state = buf.getvalue()
    with pytest.raises(ExperimentFileError, match="run 'run': history entry 19"):
        rf.runs_from_bytes(rf.runs_to_bytes([run]))


# What ``info`` and ``compare`` may add to the memory of the process that runs them, over
# what importing the program takes, whatever the sizes of the runs they read.
READING_BOUND = 24 * MB

_MEASURE = """
import resource, sys
import rnn_sandbox.cli.commands, rnn_sandbox.cli.runs, rnn_sandbox.session
from rnn_sandbox.cli import main
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = rss()
codes = [main(["info", sys.argv[1]]), main(["info", sys.argv[2]]),
         main(["compare", sys.argv[2]])]
print(codes, before, rss(), file=sys.stderr)
"""


def test_info_and_compare_of_large_runs_stay_within_a_bound(tmp_path, tiny):
    """``info`` of a file of a large network, ``info`` and ``compare`` of a runs file of
    three such runs (13.4 GB for three LSTMs 1024 × 3) read settings and histories and
    check every entry without building a network: the
    process grows by less than READING_BOUND over its imports (peak RSS, in a process of
    its own so nothing else counts)."""
    import subprocess
    import sys

    path = zero_weight_file(tmp_path, tiny)
    with open(tmp_path / "three.rnns", "wb") as f:  # checked by info in the child
        rf.write_runs(f, rf.load_comparison([path, path, path]))
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(tmp_path / "three.rnns")],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    codes, before, after = done.stderr.strip().splitlines()[-1].rsplit(" ", 2)
    assert codes == "[0, 0, 0]", done.stderr
    assert "checked, not rebuilt" in done.stdout and "zeros (3)" in done.stdout, done.stdout
    assert "runs        3, each checked (not rebuilt)" in done.stdout
    assert int(after) - int(before) < READING_BOUND, (int(after) - int(before)) / MB


def test_a_save_is_verified_by_checking_every_number_without_rebuilding(tiny, tmp_path,
                                                                        monkeypatch):
    """The written file is checked (CRCs, shapes, finite numbers), not reopened into a
    second experiment beside the one saved."""
    from rnn_sandbox.files import SaveRefused
    from rnn_sandbox.session import Experiment

    exp = tiny.trained(tiny.config(), steps=3)
    built = []
    monkeypatch.setattr(Experiment, "__init__", lambda *a, **k: built.append(a))
    path = ef.save_experiment(tmp_path / "ok.rnnx", exp)
    assert built == [] and ef.check_file(path).step == 3
    name = next(iter(exp.network.params))
    exp.network.params[name][0] = np.nan  # a writer bug: the file would not reopen
    with pytest.raises(SaveRefused, match="ok.rnnx was not saved.*NaN"):
        ef.save_experiment(path, exp)
    assert ef.check_file(path).step == 3  # the old file stays


def test_files_without_the_metric_record_name_it_from_their_baseline(tiny, tmp_path):
    """Files written before the header kept the metric's name and direction: a comparison
    reads them from the main baseline ("<rule>: <metric>") instead of rebuilding."""
    exp = tiny.trained(tiny.config(), steps=4)
    with zipfile.ZipFile(io.BytesIO(ef.experiment_to_bytes(exp))) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    header = json.loads(entries[ef.JSON_NAME])
    new = rf.load_comparison([ef.save_experiment(tmp_path / "new.rnnx", exp)])[0]
    del header["metric"]
    entries[ef.JSON_NAME] = json.dumps(header).encode()
    path = tmp_path / "old.rnnx"
    with zipfile.ZipFile(path, "w") as zf:
        for name, blob in entries.items():
            zf.writestr(name, blob)
    (old,) = rf.load_comparison([path])
    built = Run.of(exp, "built", 0)
    assert (old.metric_name, old.higher_is_better, old.baseline) == (
        built.metric_name, built.higher_is_better, built.baseline) == (
        new.metric_name, new.higher_is_better, new.baseline)
    assert built.metric_name is not None
