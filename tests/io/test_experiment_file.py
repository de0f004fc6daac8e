"""Experiment files: exact resume, atomic saves, recovery, and refusing bad files."""

from __future__ import annotations

import io
import json
import struct
import zipfile

import numpy as np
import pytest

from rnn_sandbox.io import (
    ExperimentFileError,
    autosave,
    clear_recovery,
    experiment_from_bytes,
    find_recovery,
    load_experiment,
    save_experiment,
)
from rnn_sandbox.io import experiment_file as ef
from rnn_sandbox.io.safe_zip import npz_bytes
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import all_tasks


def _losses(exp: Experiment, steps: int) -> list[float]:
    return [s.train_loss for s in exp.trainer.run(steps=steps)]


def _same_history(h1: list[dict], h2: list[dict]) -> bool:
    """Equal row by row, NaN (no validation at that step) equal to NaN."""
    return len(h1) == len(h2) and all(
        r1.keys() == r2.keys()
        and all(r1[k] == r2[k] or (np.isnan(r1[k]) and np.isnan(r2[k])) for k in r1)
        for r1, r2 in zip(h1, h2, strict=True)
    )


def _parts(data: bytes) -> tuple[dict, dict, dict]:
    """Header and arrays of a saved file, to build altered copies."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        header = json.loads(zf.read(ef.JSON_NAME))
        weights = dict(np.load(io.BytesIO(zf.read(ef.WEIGHTS_NAME)), allow_pickle=False))
        opt = dict(np.load(io.BytesIO(zf.read(ef.OPTIMIZER_NAME)), allow_pickle=False))
    return header, weights, opt


def _archive(header, weights, opt, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(ef.JSON_NAME, header if isinstance(header, bytes) else json.dumps(header))
        zf.writestr(ef.WEIGHTS_NAME, npz_bytes(weights))
        zf.writestr(ef.OPTIMIZER_NAME, npz_bytes(opt))
        for name, blob in (extra or {}).items():
            zf.writestr(name, blob)
    return buf.getvalue()


def _saved_bytes(exp: Experiment, tmp_path) -> bytes:
    path = tmp_path / "x.rnnx"
    save_experiment(path, exp)
    return path.read_bytes()


# -- exact resume ----------------------------------------------------------------------------
@pytest.mark.parametrize("optimizer", ["adam", "momentum", "rmsprop", "sgd"])
def test_resume_is_bit_identical_many_to_one(tiny, tmp_path, optimizer):
    cfg = tiny.config("sine_forecast", optimizer=optimizer, learning_rate=0.02)
    a = tiny.trained(cfg, steps=5)  # 5 steps of batch 4 over 10 samples: mid-epoch
    path = tmp_path / "run.rnnx"
    save_experiment(path, a)
    b = load_experiment(path)
    assert b is not a and b.trainer.step_count == 5
    assert _same_history(b.trainer.history, a.trainer.history)
    for k, v in a.network.state_dict().items():
        assert np.array_equal(b.network.params[k], v)
    la, lb = _losses(a, 9), _losses(b, 9)  # crosses epoch boundaries (new shuffles)
    assert la == lb  # bit for bit
    assert a.trainer.epoch == b.trainer.epoch > 0
    for k in a.network.params:
        assert np.array_equal(a.network.params[k], b.network.params[k])


def test_resume_is_bit_identical_masked_many_to_many(tiny, tmp_path, toy_task):
    cfg = tiny.config(toy_task.name)
    cfg.network.bidirectional = True
    cfg.network.num_layers = 2
    a = tiny.trained(cfg, steps=7)
    save_experiment(tmp_path / "t.rnnx", a)
    b = load_experiment(tmp_path / "t.rnnx")
    assert b.config.to_dict() == a.config.to_dict()
    assert _losses(a, 8) == _losses(b, 8)


def test_resume_float32_keeps_dtype_and_is_exact(tiny, tmp_path):
    cfg = tiny.config("sine_forecast")
    cfg.network.dtype = "float32"
    a = tiny.trained(cfg, steps=3)
    save_experiment(tmp_path / "f.rnnx", a)
    b = load_experiment(tmp_path / "f.rnnx")
    assert b.network.params["weight_hh_l0"].dtype == np.float32
    assert _losses(a, 4) == _losses(b, 4)


def test_fresh_experiment_round_trips(tiny, tmp_path):
    """Saved before the first step: no shuffle order yet, no optimizer buffers."""
    a = Experiment(tiny.config())
    save_experiment(tmp_path / "new.rnnx", a)
    b = load_experiment(tmp_path / "new.rnnx")
    assert b.trainer.step_count == 0 and b.trainer.history == []
    assert _losses(a, 4) == _losses(b, 4)


def test_the_file_tells_its_reader_the_baselines(tiny, tmp_path):
    """experiment.json names each baseline the history's metric is measured against, with
    the value the task computes (the same numbers the window and the command line show)."""
    from rnn_sandbox.tasks import get_task

    a = Experiment(get_task("translation").default_config())
    save_experiment(tmp_path / "t.rnnx", a)
    header = ef.read_header(tmp_path / "t.rnnx")
    expected = a.task.baselines(a.dataset)
    assert [(b["name"], b["value"], b["higher_is_better"]) for b in header["baselines"]] == [
        (b.name, pytest.approx(b.value), b.higher_is_better) for b in expected]
    assert "sentence accuracy" in header["baselines"][0]["name"]
    load_experiment(tmp_path / "t.rnnx")  # and the file opens as before


@pytest.mark.parametrize("name", [t.name for t in all_tasks()])
def test_every_catalogue_task_resumes_exactly(tiny, tmp_path, name):
    a = tiny.trained(tiny.config(name), steps=3)
    save_experiment(tmp_path / "c.rnnx", a)
    b = load_experiment(tmp_path / "c.rnnx")
    assert _losses(a, 3) == _losses(b, 3)


def test_header_holds_versions_history_and_trainer_state(tiny, tmp_path):
    a = tiny.trained(tiny.config(), steps=4)
    header, weights, opt = _parts(_saved_bytes(a, tmp_path))
    assert header["format_version"] == ef.FORMAT_VERSION
    assert isinstance(header["app_version"], str)
    assert header["config"] == a.config.to_dict()
    assert header["trainer"]["optimizer_step"] == 4
    assert header["trainer"]["rng"]["bit_generator"] == "PCG64"
    assert [r["step"] for r in header["history"]] == [1, 2, 3, 4]
    assert header["history"][0]["val_loss"] is None  # not validated at step 1
    assert isinstance(header["history"][1]["val_loss"], float)
    assert list(weights) == list(a.network.state_dict())  # PyTorch names and order
    assert set(opt) == {f"{k}/{b}" for k in weights for b in ("exp_avg", "exp_avg_sq")}


# -- atomic saving -----------------------------------------------------------------------
def test_crash_mid_save_keeps_the_previous_file(tiny, tmp_path, monkeypatch):
    exp = tiny.trained(tiny.config(), steps=2)
    path = tmp_path / "run.rnnx"
    save_experiment(path, exp)
    before = path.read_bytes()
    _losses(exp, 3)

    calls = []

    def failing_write(zf, name, arrays):
        calls.append(name)
        if name == ef.OPTIMIZER_NAME:  # the header and weights are already written
            raise OSError("disk full")
        zf.writestr(name, npz_bytes(arrays))

    monkeypatch.setattr(ef, "_write_arrays", failing_write)
    with pytest.raises(OSError, match="disk full"):
        save_experiment(path, exp)
    assert calls == [ef.WEIGHTS_NAME, ef.OPTIMIZER_NAME]
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["run.rnnx"]  # no temporary left over
    assert load_experiment(path).trainer.step_count == 2


def test_crash_before_rename_keeps_the_previous_file(tiny, tmp_path, monkeypatch):
    exp = tiny.trained(tiny.config(), steps=2)
    path = tmp_path / "run.rnnx"
    save_experiment(path, exp)
    before = path.read_bytes()
    _losses(exp, 1)
    import rnn_sandbox.files as sz

    def no_fsync(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(sz.os, "fsync", no_fsync)
    with pytest.raises(OSError):
        save_experiment(path, exp)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


def test_save_keeps_permissions_of_an_existing_file(tiny, tmp_path):
    exp = Experiment(tiny.config())
    path = tmp_path / "p.rnnx"
    save_experiment(path, exp)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    save_experiment(path, exp)
    assert path.stat().st_mode & 0o777 == 0o600


def test_snapshot_bytes_then_write_later(tiny, tmp_path):
    """Bytes taken between steps describe that moment, whatever training does next."""
    from rnn_sandbox.io import experiment_to_bytes, save_bytes

    exp = tiny.trained(tiny.config(), steps=3)
    snapshot = experiment_to_bytes(exp)
    weights_then = exp.network.state_dict()
    _losses(exp, 4)
    save_bytes(tmp_path / "later.rnnx", snapshot)
    autosave(snapshot, tmp_path / "rec")
    for path in (tmp_path / "later.rnnx", find_recovery(tmp_path / "rec")):
        b = load_experiment(path)
        assert b.trainer.step_count == 3
        assert all(np.array_equal(b.network.params[k], v) for k, v in weights_then.items())


# -- autosave and recovery -----------------------------------------------------------------
def test_autosave_find_and_clear_recovery(tiny, tmp_path):
    folder = tmp_path / "recovery" / "nested"
    assert find_recovery(folder) is None
    exp = tiny.trained(tiny.config(), steps=3)
    written = autosave(exp, folder)
    assert find_recovery(folder) == written
    restored = load_experiment(written)
    assert restored.trainer.step_count == 3
    _losses(exp, 2)
    autosave(exp, folder)  # overwrites in place
    assert load_experiment(find_recovery(folder)).trainer.step_count == 5
    (folder / f".{ef.RECOVERY_NAME}.abc.tmp").write_bytes(b"half")  # a crashed autosave
    (folder / "keep.txt").write_text("not ours")
    clear_recovery(folder)
    assert find_recovery(folder) is None
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    clear_recovery(tmp_path / "missing")  # nothing there: no error


# -- refusing bad files --------------------------------------------------------------------
def _expect_error(data: bytes, match: str) -> None:
    with pytest.raises(ExperimentFileError, match=match):
        experiment_from_bytes(data)


@pytest.fixture
def good(tiny, tmp_path) -> bytes:
    return _saved_bytes(tiny.trained(tiny.config(), steps=3), tmp_path)


def test_failed_load_leaves_the_open_experiment_untouched(tiny, tmp_path, good):
    current = tiny.trained(tiny.config(), steps=2)
    weights = current.network.state_dict()
    header, w, o = _parts(good)
    w["weight_hh_l0"] = np.zeros((4, 4))
    bad = tmp_path / "bad.rnnx"
    bad.write_bytes(_archive(header, w, o))
    with pytest.raises(ExperimentFileError, match="weight_hh_l0"):
        load_experiment(bad)
    assert current.trainer.step_count == 2
    for k, v in weights.items():
        assert np.array_equal(current.network.params[k], v)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ExperimentFileError, match="cannot read"):
        load_experiment(tmp_path / "nope.rnnx")
    with pytest.raises(ExperimentFileError, match="cannot read"):
        load_experiment(tmp_path)


def test_newer_format_version(good):
    header, w, o = _parts(good)
    header["format_version"] = ef.FORMAT_VERSION + 1
    _expect_error(_archive(header, w, o), "newer program")


def test_truncated_file(good, tmp_path):
    # The arrays are stored, not deflated: cut anywhere, the file never reads as one of
    # the archives inside it.
    for cut in (10, len(good) // 2, len(good) - 30,
                *range(50, len(good), max(1, len(good) // 97))):
        _expect_error(good[:cut], "damaged or truncated")
    path = tmp_path / "cut.rnnx"
    path.write_bytes(good[: len(good) // 3])
    with pytest.raises(ExperimentFileError, match="cut.rnnx"):
        load_experiment(path)


def test_wrong_parameter_shape_and_names(good):
    header, w, o = _parts(good)
    w2 = dict(w, **{"head.weight": np.zeros((1, 7))})
    _expect_error(_archive(header, w2, o), "head.weight has shape")
    w3 = dict(w)
    del w3["bias_hh_l0"]
    _expect_error(_archive(header, w3, o), "missing")
    w4 = dict(w, weight_hh_l0=w["weight_hh_l0"].astype(complex))
    _expect_error(_archive(header, w4, o), "unsupported type|not floating")
    w5 = dict(w, weight_hh_l0=np.full_like(w["weight_hh_l0"], np.nan))
    _expect_error(_archive(header, w5, o), "NaN")


def test_optimizer_buffers_are_checked(good):
    header, w, o = _parts(good)
    o2 = dict(o, **{"head.weight/exp_avg": np.zeros((2, 2))})
    _expect_error(_archive(header, w, o2), "wrong shape")
    o3 = dict(o, **{"head.weight/momentum": np.zeros((1, 3))})
    _expect_error(_archive(header, w, o3), "unexpected optimizer buffer")


def test_unknown_task(good):
    header, w, o = _parts(good)
    header["config"]["task"]["name"] = "no_such_task"
    _expect_error(_archive(header, w, o), "no task named 'no_such_task'")


def test_random_bytes_and_other_files(tmp_path):
    rng = np.random.default_rng(0)
    _expect_error(rng.bytes(5000), "not a zip archive")
    _expect_error(b"", "not a zip archive")
    _expect_error(b"PK" + rng.bytes(300), "damaged")
    text = tmp_path / "notes.rnnx"
    text.write_text("just some notes\n")
    with pytest.raises(ExperimentFileError, match="not a zip"):
        load_experiment(text)
    buf = io.BytesIO()
    np.savez(buf, a=np.zeros(3))  # a zip, but an .npz rather than an experiment
    _expect_error(buf.getvalue(), "unexpected entry 'a.npy'")


@pytest.mark.parametrize(
    "payload, match",
    [
        (b"[1, 2, 3]", "JSON object"),
        (b'"text"', "JSON object"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        (b'{"format": "rnn-sandbox-experiment", "format_version": NaN}', "not valid JSON"),
        (b'{"format": "rnn-sandbox-experiment", "format_version": 1e999}', "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b'{"format": "something else", "format_version": 1}', "wrong format name"),
        (b'{"format": "rnn-sandbox-experiment", "format_version": "1"}', "format version"),
        (b'{"format": "rnn-sandbox-experiment", "format_version": 1}', "settings"),
    ],
)
def test_bad_json(good, payload, match):
    _, w, o = _parts(good)
    _expect_error(_archive(payload, w, o), match)


@pytest.mark.parametrize(
    "path, value, match",
    [
        (("config", "network", "hidden_size"), 0, "hidden_size"),
        (("config", "training", "optimizer"), "nadam", "optimizer"),
        (("config", "task", "n_samples"), "many", "n_samples"),
        (("trainer", "step"), -1, "trainer.step"),
        (("trainer", "pos"), 10_000, "trainer.pos"),
        (("trainer", "order"), [0] * 10, "permutation"),
        (("trainer", "rng"), {"bit_generator": "MT19937"}, "generator state"),
        (("trainer",), None, "trainer state"),
        (("history",), {"a": 1}, "history"),
        (("history",), [{"step": 1, "epoch": 0, "train_loss": "low"}], "train_loss"),
        (("trainer", "elapsed"), -1.0, "trainer.elapsed"),
        (("trainer", "elapsed"), "long", "trainer.elapsed"),
        (("history", 0, "seconds"), -3, "seconds"),
        (("history", 0, "seconds"), "x", "seconds"),
    ],
)
def test_bad_values_in_json(good, path, value, match):
    header, w, o = _parts(good)
    node = header
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    _expect_error(_archive(header, w, o), match)


def test_unexpected_and_duplicate_entries(good):
    header, w, o = _parts(good)
    _expect_error(_archive(header, w, o, {"payload.py": b"print(1)"}), "unexpected entry")
    _expect_error(_archive(header, w, o, {"../evil": b"x"}), "unexpected entry")
    with pytest.warns(UserWarning):  # zipfile warns about the duplicate name
        dup = _archive(header, w, o, {ef.JSON_NAME: b"{}"})
    _expect_error(dup, "twice")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(ef.JSON_NAME, json.dumps(header))
    _expect_error(buf.getvalue(), "missing")


def _patch_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size the central directory declares for ``name``."""
    raw = bytearray(data)
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len] == name.encode():
            struct.pack_into("<I", raw, pos + 24, size)
            return bytes(raw)
        pos = raw.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(name)


def test_absurd_declared_sizes_and_zip_bombs(good):
    _expect_error(_patch_declared_size(good, ef.JSON_NAME, 0xFFFFFFF0), "declares")
    _expect_error(_patch_declared_size(good, ef.WEIGHTS_NAME, 0x7FFFFFFF), "declares")
    header, w, o = _parts(good)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(ef.JSON_NAME, json.dumps(header))
        # 64 MB of zeros: far more than a three-neuron network's weights can take
        zf.writestr(ef.WEIGHTS_NAME, npz_bytes({**w, "extra": np.zeros(8 << 20)}))
        zf.writestr(ef.OPTIMIZER_NAME, npz_bytes(o))
    assert len(buf.getvalue()) < 200_000
    _expect_error(buf.getvalue(), "more than its settings can produce")


def test_repetitive_json_is_no_zip_bomb(good):
    """Well compressing content within the absolute limits loads: a ratio alone is no bomb."""
    header, w, o = _parts(good)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(ef.JSON_NAME, json.dumps(header) + " " * (8 << 20))  # 8 MB of spaces
        zf.writestr(ef.WEIGHTS_NAME, npz_bytes(w))
        zf.writestr(ef.OPTIMIZER_NAME, npz_bytes(o))
    assert experiment_from_bytes(buf.getvalue()).trainer.step_count == 3


def _weights_with(w: dict, name: str, npy: bytes) -> bytes:
    """An .npz of ``w`` whose entry ``name`` is replaced by the raw ``npy`` bytes."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        for k, v in w.items():
            b = io.BytesIO()
            np.save(b, v)
            zf.writestr(k + ".npy", npy if k == name else b.getvalue())
    return inner.getvalue()


def _archive_raw(header: dict, weights_npz: bytes, o: dict) -> bytes:
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr(ef.JSON_NAME, json.dumps(header))
        zf.writestr(ef.WEIGHTS_NAME, weights_npz)
        zf.writestr(ef.OPTIMIZER_NAME, npz_bytes(o))
    return outer.getvalue()


def test_array_header_declaring_more_than_present(good):
    """A header claiming 10**11 floats over 8 bytes of data must not allocate them."""
    header, w, o = _parts(good)
    npy = io.BytesIO()
    np.save(npy, np.zeros(1))
    huge = npy.getvalue().replace(b"(1,)", b"(100000000000,)")
    _expect_error(_archive_raw(header, _weights_with(w, "head.bias", huge), o),
                  "head.bias.*bytes")
    npy_cut = io.BytesIO()
    np.save(npy_cut, w["head.bias"])
    _expect_error(
        _archive_raw(header, _weights_with(w, "head.bias", npy_cut.getvalue()[:-3]), o),
        "truncated",
    )


def test_pickled_arrays_are_refused(good):
    header, w, o = _parts(good)
    b = io.BytesIO()
    np.save(b, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    _expect_error(
        _archive_raw(header, _weights_with(w, "head.bias", b.getvalue()), o), "unsupported type"
    )


# -- data that cannot be regenerated travel with the file ---------------------------------
def _csv_experiment(tmp_path, rows: int = 80):
    from rnn_sandbox.tasks import get_task

    src = tmp_path / "mine.csv"
    t = np.arange(rows)
    temp = 10 + 5 * np.sin(2 * np.pi * t / 24)
    hum = 70 + 10 * np.cos(2 * np.pi * t / 24)
    rows_text = "".join(f"{a:.3f},{b:.3f}\n" for a, b in zip(temp, hum, strict=True))
    src.write_text("temperature,humidity\n" + rows_text)
    cfg = get_task("csv_series").default_config()
    cfg.task.options["path"] = str(src)
    cfg.task.seq_len = 8
    cfg.network.hidden_size = 3
    cfg.training.batch_size = 8
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=5, validate_every=2):
        pass
    return exp, src


def test_own_csv_data_travel_with_the_file(tmp_path):
    exp, src = _csv_experiment(tmp_path)
    path = tmp_path / "csv.rnnx"
    save_experiment(path, exp)
    with zipfile.ZipFile(path) as zf:
        assert ef.DATA_NAME in zf.namelist()
    src.unlink()  # the learner's CSV is gone (another computer, a moved folder)
    b = load_experiment(path)
    for split in ("train", "val"):
        assert np.array_equal(getattr(b.dataset, split).x, getattr(exp.dataset, split).x)
        assert np.array_equal(getattr(b.dataset, split).y, getattr(exp.dataset, split).y)
    assert b.dataset.meta["target"] == "temperature"
    assert np.array_equal(b.dataset.meta["persistence_val"], exp.dataset.meta["persistence_val"])
    out = b.trainer.predict(b.trainer.data.val.subset(slice(0, 1)))[0]
    assert "forecast" in b.task.render_prediction(b.trainer.data, 0, out)
    assert _losses(exp, 6) == _losses(b, 6)


def test_without_stored_data_a_missing_csv_is_a_clear_error(tmp_path):
    exp, src = _csv_experiment(tmp_path)
    path = tmp_path / "csv.rnnx"
    save_experiment(path, exp, include_data=False)
    assert load_experiment(path).trainer.step_count == 5  # the CSV is still there
    src.unlink()
    with pytest.raises(ExperimentFileError, match="CSV file not found"):
        load_experiment(path)


@pytest.mark.parametrize("name", [t.name for t in all_tasks()])
def test_stored_data_round_trip_for_every_task(tiny, tmp_path, name):
    a = tiny.trained(tiny.config(name), steps=3)
    save_experiment(tmp_path / "d.rnnx", a, include_data=True)
    b = load_experiment(tmp_path / "d.rnnx")
    assert np.array_equal(b.dataset.val.x, a.dataset.val.x)
    assert _losses(a, 3) == _losses(b, 3)


def test_stored_data_that_do_not_fit_are_refused(tiny, tmp_path, toy_task):
    a = tiny.trained(tiny.config(toy_task.name), steps=2)
    save_experiment(tmp_path / "d.rnnx", a, include_data=True)
    data = (tmp_path / "d.rnnx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    arrays = dict(np.load(io.BytesIO(entries[ef.DATA_NAME]), allow_pickle=False))

    def with_data(**changes) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for n, blob in entries.items():
                zf.writestr(n, npz_bytes({**arrays, **changes}) if n == ef.DATA_NAME else blob)
        return buf.getvalue()

    experiment_from_bytes(with_data())  # unchanged: loads
    y = arrays["train.y"].copy()
    y[0, 0] = 2  # two classes only
    _expect_error(with_data(**{"train.y": y}), "class labels outside 0..1")
    _expect_error(with_data(**{"val.x": arrays["val.x"][..., :3]}), "input features")
    _expect_error(with_data(**{"train.mask": arrays["train.mask"][:, :2]}), "mask")
    x = arrays["train.x"].copy()
    x[1, 1, 1] = np.inf
    _expect_error(with_data(**{"train.x": x}), "NaN or infinite")
    _expect_error(with_data(**{"train.z": x}), "unexpected array 'train.z'")
    _expect_error(with_data(**{"val.y": arrays["val.y"][:1]}), "do not fit")


def test_json_stays_readable_and_exact_with_marker_like_settings(tiny, tmp_path):
    cfg = tiny.config()
    cfg.task.options["note"] = "@HISTORY@ and @ORDER@"  # text that looks like our markers
    a = tiny.trained(cfg, steps=3)
    raw = _saved_bytes(a, tmp_path)
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        text = zf.read(ef.JSON_NAME).decode()
    header = json.loads(text)
    assert header["config"]["task"]["options"]["note"] == "@HISTORY@ and @ORDER@"
    assert header["trainer"]["order"] == a.trainer.state()["order"]
    assert len(header["history"]) == 3
    assert text.count("\n") < 120  # one line per history row, the order on one line
    assert load_experiment_bytes_equal(raw, a)


def load_experiment_bytes_equal(raw: bytes, a: Experiment) -> bool:
    b = experiment_from_bytes(raw)
    return b.config.to_dict() == a.config.to_dict() and _same_history(
        b.trainer.history, a.trainer.history
    )


# -- what a run records for comparing runs: wall-clock time and gradient summaries -----------
def test_gradient_summaries_and_seconds_round_trip(tiny, tmp_path):
    a = tiny.trained(tiny.config(), steps=5)  # validated at steps 2 and 4
    b = load_experiment(_saved(a, tmp_path))
    assert [s for s, _ in b.trainer.gradient_history] == [2, 4]
    for (sa, ga), (sb, gb) in zip(a.trainer.gradient_history, b.trainer.gradient_history,
                                  strict=True):
        assert sa == sb and np.array_equal(ga, gb)
    assert [r["seconds"] for r in b.trainer.history] == [r["seconds"] for r in a.trainer.history]
    assert b.trainer.elapsed == a.trainer.elapsed > 0
    assert _same_history(b.trainer.history, a.trainer.history)


def _saved(exp: Experiment, tmp_path):
    path = tmp_path / "g.rnnx"
    save_experiment(path, exp)
    return path


def test_files_without_seconds_or_gradients_still_load(good):
    header, w, o = _parts(good)
    del header["trainer"]["elapsed"]
    for row in header["history"]:
        del row["seconds"]
    exp = experiment_from_bytes(_archive(header, w, o))  # no gradients.npz either
    assert exp.trainer.gradient_history == [] and exp.trainer.elapsed == 0.0
    assert all("seconds" not in row for row in exp.trainer.history)
    assert exp.trainer.step_count == 3
    exp.trainer.step()
    assert exp.trainer.history[-1]["seconds"] > 0  # counts on from zero


@pytest.mark.parametrize(
    "steps, values, match",
    [
        ([2], [[-1.0] * 5], "non-negative"),
        ([2], [[np.nan] * 5], "finite"),
        ([2], [[1.0] * 500], "time steps"),
        ([9], [[1.0] * 5], "steps of this run"),
        ([2, 2], [[1.0] * 5] * 2, "steps of this run"),
        ([2, 3], [[1.0] * 5], "time steps"),
    ],
)
def test_bad_gradient_summaries_are_refused(good, steps, values, match):
    header, w, o = _parts(good)
    blob = npz_bytes({"steps": np.array(steps), "values": np.array(values)})
    _expect_error(_archive(header, w, o, {ef.GRADIENTS_NAME: blob}), match)


