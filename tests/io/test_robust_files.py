"""A document is never lost: saves are verified before they replace a file, the loader
refuses every defect with one ExperimentFileError (so a window can build the experiment
completely before it switches), and no file can exhaust memory or hang the program."""

from __future__ import annotations

import io
import json
import os
import time
import zipfile

import numpy as np
import pytest

from rnn_sandbox import files
from rnn_sandbox.config import (
    MAX_DATA_BYTES,
    ConfigError,
    ExperimentConfig,
    data_bytes,
    parameter_bound,
)
from rnn_sandbox.files import SaveRefused
from rnn_sandbox.io import (
    ExperimentFileError,
    autosave,
    checks,
    clear_recovery,
    experiment_from_bytes,
    experiment_to_bytes,
    load_experiment,
    safe_zip,
    save_bytes,
    save_experiment,
)
from rnn_sandbox.io import experiment_file as ef
from rnn_sandbox.io.safe_zip import npz_bytes
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TaskError, get_task


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, blob in entries.items():
            zf.writestr(name, blob)
    return buf.getvalue()


def _arrays(blob: bytes) -> dict[str, np.ndarray]:
    return dict(np.load(io.BytesIO(blob), allow_pickle=False))


def _changed(data: bytes, header=None, **arrays: dict[str, np.ndarray]) -> bytes:
    """A copy of a file with its header and/or array entries (by entry name) replaced."""
    entries = _entries(data)
    if header is not None:
        entries[ef.JSON_NAME] = json.dumps(header).encode()
    for name, value in arrays.items():
        entries[name.replace("_", ".")] = npz_bytes(value)
    return _zip(entries)


def _header(data: bytes) -> dict:
    return json.loads(_entries(data)[ef.JSON_NAME])


def _refused(data: bytes, match: str) -> str:
    with pytest.raises(ExperimentFileError, match=match) as e:
        experiment_from_bytes(data)
    message = str(e.value)
    assert "\n" not in message and message
    return message


@pytest.fixture
def good(tiny) -> bytes:
    return experiment_to_bytes(tiny.trained(tiny.config(), steps=3))


def _csv_bytes(tmp_path, values=None) -> bytes:
    rows = 60
    t = np.arange(rows)
    temp = 10 + 5 * np.sin(2 * np.pi * t / 24) if values is None else values
    src = tmp_path / "mine.csv"
    src.write_text("temperature,humidity\n" + "".join(
        f"{float(a)!r},{70 + i % 5}\n" for i, a in enumerate(temp)))
    cfg = get_task("csv_series").default_config()
    cfg.task.options["path"] = str(src)
    cfg.task.seq_len = 8
    cfg.network.hidden_size = 3
    cfg.training.batch_size = 8
    exp = Experiment(cfg)
    exp.trainer.step()
    return experiment_to_bytes(exp)


# -- the loader refuses what would fail later, in the window ------------------------------
@pytest.mark.parametrize(
    "key, value",
    [
        ("persistence_val", None),  # lacking (the window's _install raised KeyError)
        ("target_std", None),
        ("target_mean", "ten"),  # mistyped (TypeError in csv_series rendering)
        ("target_std", 0),
        ("feature_names", ["only one"]),
        ("feature_stats", [[0, 1]]),
        ("horizon", "6"),
        ("target", 7),
        ("path", None),
    ],
)
def test_csv_metadata_the_task_reads_must_be_there_and_typed(tmp_path, key, value):
    data = _csv_bytes(tmp_path)
    header = _header(data)
    entries = _entries(data)
    arrays = _arrays(entries[ef.DATA_NAME])
    if key == "persistence_val":
        del arrays["meta.persistence_val"]
    elif value is None:
        del header["data_meta"][key]
    else:
        header["data_meta"][key] = value
    entries[ef.JSON_NAME] = json.dumps(header).encode()
    entries[ef.DATA_NAME] = npz_bytes(arrays)
    _refused(_zip(entries), "description")


def test_empty_csv_metadata_is_refused(tmp_path):
    data = _csv_bytes(tmp_path)
    header = _header(data)
    header["data_meta"] = {}
    _refused(_changed(data, header), "description")


def test_persistence_of_the_wrong_shape_is_refused(tmp_path):
    data = _csv_bytes(tmp_path)
    arrays = _arrays(_entries(data)[ef.DATA_NAME])
    arrays["meta.persistence_val"] = arrays["meta.persistence_val"][:2]
    _refused(_changed(data, data_npz=arrays), "persistence_val")


@pytest.mark.parametrize(
    "row, match",
    [
        ({"step": 10**400}, "out of range"),
        ({"step": 2**62}, "step must be a whole number"),  # plots divided by zero
        ({"epoch": 10**12}, "epoch must be a whole number"),
        ({"train_loss": 10**400}, "out of range|finite"),
        ({"val_loss": 10**300 * 10**10}, "out of range|finite"),
        ({"val_metric": True}, "finite number"),
    ],
)
def test_history_values_must_be_finite_and_steps_in_range(good, row, match):
    header = _header(good)
    header["history"][0].update(row)
    _refused(_changed(good, header), match)


def test_a_history_longer_than_a_file_keeps_is_refused(good, monkeypatch):
    monkeypatch.setattr(checks, "MAX_HISTORY_ROWS", 2)
    _refused(good, "history holds 3 steps")


def test_saving_keeps_the_latest_history_rows_so_the_file_reopens(tiny, tmp_path, monkeypatch):
    monkeypatch.setattr(ef, "MAX_HISTORY_ROWS", 2)
    exp = tiny.trained(tiny.config(), steps=5)
    save_experiment(tmp_path / "h.rnnx", exp)
    history = load_experiment(tmp_path / "h.rnnx").trainer.history
    assert [r["step"] for r in history] == [4, 5]


@pytest.mark.parametrize(
    "section, key",
    [("training", "learning_rate"), ("network", "spectral_radius"), ("task", "val_fraction")],
)
def test_integers_beyond_the_float_range_are_refused(good, section, key):
    header = _header(good)
    header["config"][section][key] = 10**400  # OverflowError in config.py
    _refused(_changed(good, header), "out of range")  # refused while parsing
    d = ExperimentConfig().to_dict()
    d[section][key] = 10**400
    with pytest.raises(ConfigError, match="out of range"):
        ExperimentConfig.from_dict(d)


def test_trainer_steps_beyond_any_real_run_are_refused(good):
    header = _header(good)
    header["trainer"]["step"] = 2**62
    _refused(_changed(good, header), "trainer.step")


def test_deeply_nested_options_are_refused(good):
    header = _header(good)
    header["config"]["task"]["options"]["x"] = json.loads("[" * 200 + "]" * 200)
    _refused(_changed(good, header), "nested")


# -- sizes follow from the settings, checked before allocating ------------------------------
def test_data_too_large_for_memory_is_refused_from_the_settings(good, monkeypatch):
    """A 4 KB file asking for 200,000 sequences of 1,000 steps (6 GB on `predict`)."""
    header = _header(good)
    header["config"]["task"]["n_samples"] = 200_000
    header["config"]["task"]["seq_len"] = 1000
    task = get_task("sine_forecast")
    monkeypatch.setattr(task, "generate", lambda *a: pytest.fail("data generated"))
    _refused(_changed(good, header), "MB of memory")
    cfg = ExperimentConfig.from_dict(header["config"] | {"task": {"name": "sine_forecast"}})
    assert data_bytes(cfg) <= MAX_DATA_BYTES


def test_data_entries_larger_than_the_settings_allow_are_refused(tmp_path):
    data = _csv_bytes(tmp_path)
    entries = _entries(data)
    arrays = _arrays(entries[ef.DATA_NAME])
    arrays["meta.padding"] = np.zeros(4 << 20)  # 32 MB of zeros: compresses to ~32 KB
    entries[ef.DATA_NAME] = npz_bytes(arrays)
    _refused(_zip(entries, zipfile.ZIP_DEFLATED), "more than its settings can produce")


def test_the_json_part_is_bounded(good):
    entries = _entries(good)
    entries[ef.JSON_NAME] = b" " * (ef.MAX_JSON_BYTES + 1)
    _refused(_zip(entries, zipfile.ZIP_DEFLATED), "declares")
    header = _header(good)
    header["config"]["task"]["options"]["x"] = [{} for _ in range(ef._MAX_JSON_CONTAINERS)]
    _refused(_changed(good, header), "more records")
    header["config"]["task"]["options"]["x"] = [1] * (ef._MAX_JSON_NUMBERS + 1)
    _refused(_changed(good, header), "too many numbers")


def test_weights_beyond_the_network_are_refused_before_it_is_built(good):
    weights = _arrays(_entries(good)[ef.WEIGHTS_NAME])
    cfg = ExperimentConfig.from_dict(_header(good)["config"])
    # half-precision numbers: more of them than the network has, in fewer bytes than allowed
    weights["extra"] = np.zeros(parameter_bound(cfg.network, cfg.task.seq_len), np.float16)
    _refused(_changed(good, weights_npz=weights), "more weights than its network")


# -- values are checked as the network's dtype sees them ------------------------------------
@pytest.mark.skipif(not np.isfinite(np.longdouble("1e4000")), reason="no extended precision")
def test_extended_precision_weights_beyond_float64_are_refused(good):
    weights = _arrays(_entries(good)[ef.WEIGHTS_NAME])
    big = np.array(weights["head.bias"], dtype=np.longdouble)
    big[...] = np.longdouble("1e4000")
    weights["head.bias"] = big
    _refused(_changed(good, weights_npz=weights), "head.bias.*too large for float64")


def test_float64_weights_beyond_float32_are_refused_in_a_float32_network(tiny):
    cfg = tiny.config()
    cfg.network.dtype = "float32"
    data = experiment_to_bytes(tiny.trained(cfg, steps=2))
    weights = {k: v.astype(np.float64) for k, v in _arrays(_entries(data)[ef.WEIGHTS_NAME]).items()}
    weights["head.bias"][...] = 1e300
    _refused(_changed(data, weights_npz=weights), "head.bias.*too large for float32")
    opt = {k: v.astype(np.float64) for k, v in _arrays(_entries(data)[ef.OPTIMIZER_NAME]).items()}
    key = next(iter(opt))
    opt[key][...] = 1e300
    _refused(_changed(data, optimizer_npz=opt), "too large for float32")


def test_stored_data_beyond_float32_are_refused_in_a_float32_network(tmp_path, tiny):
    data = _csv_bytes(tmp_path)
    header = _header(data)
    header["config"]["network"]["dtype"] = "float32"
    arrays = _arrays(_entries(data)[ef.DATA_NAME])
    arrays["train.x"][0, 0, 0] = 1e300
    entries = _entries(data)
    entries[ef.JSON_NAME] = json.dumps(header).encode()
    entries[ef.DATA_NAME] = npz_bytes(arrays)
    weights = {k: v.astype(np.float32) for k, v in _arrays(entries[ef.WEIGHTS_NAME]).items()}
    entries[ef.WEIGHTS_NAME] = npz_bytes(weights)
    entries[ef.OPTIMIZER_NAME] = npz_bytes(
        {k: v.astype(np.float32) for k, v in _arrays(entries[ef.OPTIMIZER_NAME]).items()})
    _refused(_zip(entries), "NaN or infinite values as float32")


def test_negative_squared_averages_are_refused(good):
    opt = _arrays(_entries(good)[ef.OPTIMIZER_NAME])
    key = next(k for k in opt if k.endswith("exp_avg_sq"))
    opt[key][...] = -1.0
    _refused(_changed(good, optimizer_npz=opt), "negative")


def test_csv_values_too_large_to_standardise_are_refused(tmp_path):
    """±1e300 used to standardise to all zeros and train 'perfectly'."""
    values = np.where(np.arange(60) % 2 == 0, 1e300, -1e300)
    with pytest.raises(TaskError, match="too large to standardise"):
        _csv_bytes(tmp_path, values)


# -- only regular files, and never another file named by a crafted one ----------------------
def test_a_crafted_data_path_is_not_read(tmp_path):
    data = _csv_bytes(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("password,hunter2\n1,2\n")
    header = _header(data)
    header["config"]["task"]["options"]["path"] = str(secret)
    entries = _entries(data)
    del entries[ef.DATA_NAME]
    entries[ef.JSON_NAME] = json.dumps(header).encode()
    message = _refused(_zip(entries), "not a .csv file")
    assert "hunter2" not in message and "password" not in message


def test_a_folder_fifo_or_device_is_refused(tmp_path):
    fifo = tmp_path / "p.rnnx"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero", tmp_path):
        with pytest.raises(ExperimentFileError, match="cannot read"):
            load_experiment(path)


def test_a_file_larger_than_the_cap_is_refused_from_its_size(tmp_path, monkeypatch):
    path = tmp_path / "big.rnnx"
    path.write_bytes(b"PK" + b"\0" * 100)
    monkeypatch.setattr(ef, "MAX_FILE_BYTES", 50)
    with pytest.raises(ExperimentFileError, match="too large"):
        load_experiment(path)


# -- saves are verified before they replace a file; temporary files do not linger -----------
def test_a_save_that_would_not_reopen_is_refused_and_the_old_file_stays(
    tiny, tmp_path, monkeypatch
):
    path = tmp_path / "run.rnnx"
    exp = tiny.trained(tiny.config(), steps=2)
    save_experiment(path, exp)
    before = path.read_bytes()
    exp.trainer.step()
    real = ef.experiment_to_dict

    def damaged(experiment):
        d = real(experiment)
        d["trainer"]["pos"] = -1  # a writer bug: the result would not reopen
        return d

    monkeypatch.setattr(ef, "experiment_to_dict", damaged)
    with pytest.raises(SaveRefused, match="run.rnnx was not saved.*trainer.pos"):
        save_experiment(path, exp)
    with pytest.raises(SaveRefused, match="not saved"):
        save_bytes(path, experiment_to_bytes(exp))
    with pytest.raises(SaveRefused):
        autosave(exp, tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.rnnx"]


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(tiny, tmp_path):
    stale = tmp_path / f"{files.TEMP_PREFIX}killed{files.TEMP_SUFFIX}"
    fresh = tmp_path / f"{files.TEMP_PREFIX}saving{files.TEMP_SUFFIX}"
    for p in (stale, fresh):
        p.write_bytes(b"half a file")
    old = time.time() - files.STALE_TEMP_SECONDS - 10
    os.utime(stale, (old, old))
    save_experiment(tmp_path / "run.rnnx", Experiment(tiny.config()))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, "run.rnnx"])


def test_clear_recovery_removes_temporary_files_of_either_naming(tiny, tmp_path):
    autosave(Experiment(tiny.config()), tmp_path)
    (tmp_path / f"{files.TEMP_PREFIX}x{files.TEMP_SUFFIX}").write_bytes(b"half")
    clear_recovery(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_temporary_names_are_short(tiny, tmp_path, monkeypatch):
    names = []
    real = files.tempfile.mkstemp

    def spy(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        names.append(os.path.basename(name))
        return fd, name

    monkeypatch.setattr(files.tempfile, "mkstemp", spy)
    save_experiment(tmp_path / ("r" * 245), Experiment(tiny.config()))
    assert names and all(len(n) < 40 for n in names)


def test_check_writable_refuses_missing_folders_and_folders(tmp_path):
    with pytest.raises(SaveRefused, match="does not exist"):
        files.check_writable(tmp_path / "no" / "x.rnnx")
    with pytest.raises(SaveRefused, match="is a folder"):
        files.check_writable(tmp_path)
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    with pytest.raises(SaveRefused, match="not a regular file"):
        files.check_writable(fifo)
    assert list(tmp_path.iterdir()) == [fifo]


# -- every refusal of safe_zip.py and experiment_file.py, reached ---------------------------
@pytest.fixture
def with_data(tiny) -> bytes:
    return experiment_to_bytes(tiny.trained(tiny.config(), steps=3), include_data=True)


def _npy(arr: np.ndarray) -> bytes:
    b = io.BytesIO()
    np.save(b, arr)
    return b.getvalue()


def _weights_entry(data: bytes, name: str, npy: bytes) -> bytes:
    """The file with array ``name`` of its weights replaced by raw ``.npy`` bytes."""
    entries = _entries(data)
    inner = _entries(entries[ef.WEIGHTS_NAME])
    inner[name + ".npy"] = npy
    entries[ef.WEIGHTS_NAME] = _zip(inner)
    return _zip(entries)


def _edit(data: bytes, change) -> bytes:
    header = _header(data)
    change(header)
    return _changed(data, header)


def _data_edit(data: bytes, change) -> bytes:
    arrays = _arrays(_entries(data)[ef.DATA_NAME])
    change(arrays)
    return _changed(data, data_npz=arrays)


def _flag(data: bytes, name: str, offset: int, value: int) -> bytes:
    """Set a 16-bit field of ``name``'s central directory record."""
    raw = bytearray(data)
    pos = raw.find(b"PK\x01\x02")
    while raw[pos + 46 : pos + 46 + len(name)] != name.encode():
        pos = raw.find(b"PK\x01\x02", pos + 4)
    raw[pos + offset : pos + offset + 2] = value.to_bytes(2, "little")
    return bytes(raw)


REFUSALS = {
    "too many entries": (
        lambda d: _zip({**_entries(d), **{f"x{i}": b"" for i in range(20)}}), "entries"),
    "encrypted": (lambda d: _flag(d, ef.JSON_NAME, 8, 1), "encrypted"),
    "unsupported compression": (lambda d: _flag(d, ef.JSON_NAME, 10, 12), "compression"),
    "bad CRC": (
        lambda d: _zip(_entries(d)).replace(b'"rnn-sandbox-', b'"rnn-sandbix-'), "damaged"),
    "not an npz": (
        lambda d: _zip({**_entries(d), ef.WEIGHTS_NAME: b"PK garbage"}), "not a readable .npz"),
    "npy version": (
        lambda d: _weights_entry(d, "head.bias", _npy(np.zeros(1))[:6] + b"\x04\x00"
                                 + _npy(np.zeros(1))[8:]), "unknown .npy version"),
    "npy header": (
        lambda d: _weights_entry(d, "head.bias", _npy(np.zeros(1)).replace(b"descr", b"dexcr")),
        "damaged header"),
    "npy shape": (
        lambda d: _weights_entry(d, "head.bias", _npy(np.zeros(1)).replace(b"(1,)", b"(-1,)")),
        "invalid shape"),
    "integer weights": (
        lambda d: _weights_entry(d, "head.bias", _npy(np.zeros(1, dtype=np.int64))),
        "not floating point"),
    "trainer order": (
        lambda d: _edit(d, lambda h: h["trainer"].update(order=[0, 1])), "every training sample"),
    "trainer rng": (lambda d: _edit(d, lambda h: h["trainer"].update(rng=5)), "rng must be"),
    "history record": (lambda d: _edit(d, lambda h: h.update(history=[5])), "not a valid record"),
    "task refusing its options": (
        lambda d: _edit(d, lambda h: h["config"]["task"]["options"].update(horizon="soon")),
        "cannot rebuild"),
}

DATA_REFUSALS = {
    "no data_meta": (lambda d: _edit(d, lambda h: h.pop("data_meta")), "description"),
    "no targets": (lambda d: _data_edit(d, lambda a: a.pop("val.y")), "inputs or targets"),
    "integer inputs": (
        lambda d: _data_edit(d, lambda a: a.update({"train.x": a["train.x"].astype(int)})),
        "wrong type"),
    "target mask": (
        lambda d: _data_edit(d, lambda a: a.update({"train.y_mask": np.ones(3)})),
        "target mask"),
    "targets that do not fit": (
        lambda d: _data_edit(d, lambda a: a.update({"train.y": a["train.y"][:, None, :]})),
        "do not fit"),
    "names that are not names": (
        lambda d: _edit(d, lambda h: h["data_meta"].update(vocab=5)), "must list names"),
    "horizon that is not a number": (
        lambda d: _edit(d, lambda h: h["data_meta"].update(horizon=2.5)), "whole number"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_each_refusal_of_a_damaged_file(good, case):
    damage, match = REFUSALS[case]
    _refused(damage(good), match)


@pytest.mark.parametrize("case", DATA_REFUSALS)
def test_each_refusal_of_damaged_stored_data(with_data, case):
    experiment_from_bytes(with_data)  # the undamaged file loads
    damage, match = DATA_REFUSALS[case]
    _refused(damage(with_data), match)


def test_declared_total_and_sizes_are_checked_before_reading():
    zf = zipfile.ZipFile(io.BytesIO(_zip({"a": b"x" * 100, "b": b"y" * 100})))
    with pytest.raises(ExperimentFileError, match="in all"):
        safe_zip.check_entries(zf, lambda n: 100, 150, 4, "it")
    with pytest.warns(UserWarning):  # zipfile warns about the duplicate name
        dup = _dup_zip()
    with pytest.raises(ExperimentFileError, match="twice"):
        safe_zip.check_entries(zipfile.ZipFile(io.BytesIO(dup)), lambda n: 9, 99, 4, "it")


def _dup_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a", b"1")
        zf.writestr("a", b"2")
    return buf.getvalue()


def test_an_entry_shorter_than_declared_is_refused():
    zf = zipfile.ZipFile(io.BytesIO(_zip({"a": b"12345"})))
    info = zf.getinfo("a")
    info.file_size = 9  # declared larger than what the entry holds
    with pytest.raises(Exception, match="shorter or longer|Bad CRC|truncated"):
        safe_zip.read_entry(zf, info)


def test_a_file_that_grows_or_fails_while_read_is_refused(tmp_path, monkeypatch):
    with pytest.raises(ExperimentFileError, match="too large"):
        files.read_regular_file("/proc/self/status", 10)  # says 0 bytes, holds more
    path = tmp_path / "x.rnnx"
    path.write_bytes(b"PK")

    def failing(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(files, "_read_at_most", failing)
    with pytest.raises(ExperimentFileError, match="cannot read.*Input/output error"):
        files.read_regular_file(path, 10)


def test_a_trainer_refusing_its_state_is_a_file_error(good, monkeypatch):
    from rnn_sandbox.engine import Trainer

    def refuse(self, state):
        raise ValueError("no")

    monkeypatch.setattr(Trainer, "load_state", refuse)
    _refused(good, "invalid trainer state")
