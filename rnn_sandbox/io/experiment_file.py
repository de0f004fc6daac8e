"""One experiment in one file: settings, weights, optimizer and trainer state, history.

An experiment file (``.rnnx``) is a zip archive holding

* ``experiment.json`` — format version, program version, ``ExperimentConfig.to_dict()``,
  the training history and the trainer's state (step, epoch, shuffling order and position,
  the random generator's state, the optimizer's step counter), and the task's baselines
  (for a reader: the metric in the history is measured against them);
* ``weights.npz`` — the parameters under PyTorch's ``state_dict`` names;
* ``optimizer.npz`` — the optimizer's buffers as ``"<parameter>/<buffer>"``;
* ``data.npz`` (optional) — the data set itself, for tasks whose data come from outside
  (a CSV file of the learner's) and so cannot be regenerated from settings and seed;
* ``gradients.npz`` (optional) — the trainer's gradient summaries: ``steps`` ``(N,)`` and
  ``values`` ``(N, T)``, the gradient reaching each time step at each validated step.

The history rows carry the wall-clock ``seconds`` and the trainer state its ``elapsed``
time; files written before these existed load without them.

Everything needed to continue training bit for bit is stored.  Generated data sets are
not stored: every task regenerates them from its settings and seed.

Loading never executes anything from the file (JSON and pickle-free ``.npy`` only) and
builds a complete new :class:`~rnn_sandbox.session.Experiment` before returning, so a file
that fails to load leaves whatever the caller has open untouched.  Every failure is an
:class:`ExperimentFileError` with a message a person can act on.
"""

from __future__ import annotations

import io
import json
import math
import os
import time
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import numpy as np

from rnn_sandbox.config import (
    ConfigError,
    ExperimentConfig,
    data_bytes,
    parameter_bound,
)
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.train import MAX_GRADIENT_ENTRIES
from rnn_sandbox.fields import SETTING
from rnn_sandbox.files import (
    SaveRefused,
    atomic_write,
    atomic_write_bytes,
    is_temp_name,
    open_regular,
    read_regular_file,
    reads_back,
)
from rnn_sandbox.io.checks import (
    HISTORY_KEYS,
    MAX_HISTORY_ROWS,
    OPTIONAL_HISTORY_KEYS,
    SPLITS,
    check_dataset,
    check_external_path,
    check_history_steps,
    check_meta,
    check_weight_count,
    gradient_entries,
    gradient_history,
    history_rows,
    load_weights,
    metric_facts,
    stored_baselines,
    trainer_fields,
    trainer_state,
)
from rnn_sandbox.io.checks import MAX_STEPS as MAX_STEPS  # still importable from here
from rnn_sandbox.io.safe_zip import (
    Admit,
    ExperimentFileError,
    check_entries,
    damaged,
    not_a,
    open_member,
    open_zip,
    parse_json,
    read_entry,
    read_npz_from,
)
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import Metric, TaskError
from rnn_sandbox.translation import tr

FORMAT_NAME = "rnn-sandbox-experiment"
FORMAT_VERSION = 1
EXTENSION = ".rnnx"

JSON_NAME = "experiment.json"
WEIGHTS_NAME = "weights.npz"
OPTIMIZER_NAME = "optimizer.npz"
DATA_NAME = "data.npz"
GRADIENTS_NAME = "gradients.npz"
_ENTRIES = (JSON_NAME, WEIGHTS_NAME, OPTIMIZER_NAME)
_OPTIONAL = (DATA_NAME, GRADIENTS_NAME)
_BATCH_FIELDS = ("x", "y", "mask", "y_mask")
_SEQ_LEN_HI = SETTING["task.seq_len"].hi
assert _SEQ_LEN_HI is not None  # the setting has an upper bound
_MAX_TIME_STEPS = int(_SEQ_LEN_HI)

# Limits.  The arrays' sizes follow from the file's own settings (see ``_array_limits``);
# the JSON part is bounded by the history a file keeps: at most MAX_HISTORY_ROWS steps
# (about 160 bytes each as written) plus the shuffling order of up to a million samples.
MAX_FILE_BYTES = 4 << 30
MAX_JSON_BYTES = 100 << 20
# Parsing JSON makes Python objects; their number is bounded before parsing (containers
# and strings, counted in the raw text) and while parsing (numbers), so that the memory an
# 80 MB header can take stays a few hundred MB whatever it holds.
_MAX_JSON_CONTAINERS = MAX_HISTORY_ROWS + 10_000
_MAX_JSON_QUOTES = 14 * MAX_HISTORY_ROWS + 100_000
_MAX_JSON_NUMBERS = 6 * MAX_HISTORY_ROWS + 1_100_000

RECOVERY_NAME = "recovery" + EXTENSION


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("rnn-sandbox")
    except Exception:  # not installed (running from a source tree)
        return "unknown"


# -- saving ------------------------------------------------------------------------------
def needs_data(experiment: Experiment) -> bool:
    """Whether the data set must travel with the file: the task reads it from outside
    (``external_data`` on the task, or a non-empty ``path`` option)."""
    if getattr(experiment.task, "external_data", False):
        return True
    path = experiment.config.task.options.get("path")
    return isinstance(path, str) and path.strip() != ""


def experiment_to_dict(experiment: Experiment) -> dict[str, Any]:
    """The JSON part of an experiment file (arrays excluded)."""
    state = experiment.trainer.state()
    optimizer_state = state.pop("optimizer")
    state["optimizer_step"] = int(np.asarray(optimizer_state.get("_t", 0)))
    baselines = experiment.task.baselines(experiment.dataset)
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": experiment.config.to_dict(),
        "trainer": state,
        "history": [  # the file keeps the latest MAX_HISTORY_ROWS steps
            {k: _json_number(row.get(k)) for k in HISTORY_KEYS + OPTIONAL_HISTORY_KEYS
             if k in HISTORY_KEYS or k in row}
            for row in experiment.trainer.history[-MAX_HISTORY_ROWS:]
        ],
        # For a reader of the file: what the history's val_metric is measured against (the
        # task's baselines, scored like the metric).  Recomputed when the file is opened.
        "baselines": [
            {"name": b.name, "value": _json_number(b.value),
             "higher_is_better": bool(b.higher_is_better)}
            for b in baselines
        ],
        # The metric's name and direction, so that a comparison reads them without
        # rebuilding the experiment.
        "metric": {
            "name": experiment.trainer.metric_name or (
                baselines[0].name.rpartition(": ")[2] if baselines else None),
            "higher_is_better": bool(baselines[0].higher_is_better) if baselines else True,
        },
    }


def _json_number(v: Any) -> int | float | None:
    """NaN (no validation at that step) becomes ``null``: the JSON stays standard."""
    if v is None:
        return None
    if isinstance(v, int | np.integer) and not isinstance(v, bool):
        return int(v)
    f = float(v)
    return f if math.isfinite(f) else None


def write_experiment(
    f: IO[bytes], experiment: Experiment, include_data: bool | None = None
) -> None:
    """Write the experiment archive to an open binary file.

    ``include_data``: store the data set too; ``None`` decides by :func:`needs_data`.
    """
    header_dict = experiment_to_dict(experiment)
    embed = needs_data(experiment) if include_data is None else include_data
    data_arrays: dict[str, np.ndarray] = {}
    if embed:
        data_arrays, meta = _dataset_parts(experiment.dataset)
        header_dict["data_meta"] = meta
    header = _dumps(header_dict)
    opt = experiment.trainer.optimizer.state_dict(copy=False)
    opt.pop("_t", None)
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(JSON_NAME, header.encode("utf-8"))
        _write_arrays(zf, WEIGHTS_NAME, dict(experiment.network.params))
        _write_arrays(zf, OPTIMIZER_NAME, opt)
        if embed:
            _write_arrays(zf, DATA_NAME, data_arrays)
        gradients = experiment.trainer.gradient_history
        if gradients:
            _write_arrays(zf, GRADIENTS_NAME, {
                "steps": np.array([s for s, _ in gradients], dtype=np.int64),
                "values": np.stack([np.asarray(g, dtype=np.float64) for _, g in gradients]),
            })


def _dumps(header: dict[str, Any]) -> str:
    """Indented JSON for people to read; the long lists (history rows, shuffle order) are
    written compactly, one history row per line."""
    rows = header["history"]
    order = header["trainer"].get("order")
    trainer = {k: v for k, v in header["trainer"].items() if k != "order"}
    short = {k: v for k, v in header.items() if k not in ("trainer", "history")}
    short["trainer"] = {**trainer, "order": "@ORDER@"}
    short["history"] = "@HISTORY@"
    text = json.dumps(short, indent=1, allow_nan=False)
    body = ",\n  ".join(json.dumps(r, separators=(",", ":"), allow_nan=False) for r in rows)
    # Both markers are written last (trainer.order, then history), so the last occurrence
    # is ours even if a setting happens to hold the same text.
    head, _, tail = text.rpartition('"@HISTORY@"')
    text = head + (f"[\n  {body}\n ]" if rows else "[]") + tail
    head, _, tail = text.rpartition('"@ORDER@"')
    return head + json.dumps(order, separators=(",", ":")) + tail


def _dataset_parts(dataset: Dataset) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Arrays of both splits (``train.x``, ``val.mask``, …) plus the task's ``meta``: arrays
    go with the arrays (``meta.<key>``), the rest into JSON; values JSON cannot hold are
    left out."""
    arrays: dict[str, np.ndarray] = {}
    for split in SPLITS:
        batch = getattr(dataset, split)
        for name in _BATCH_FIELDS:
            value = getattr(batch, name)
            if value is not None:
                arrays[f"{split}.{name}"] = np.asarray(value)
    meta: dict[str, Any] = {}
    for key, value in dataset.meta.items():
        if isinstance(value, np.ndarray) and value.dtype.kind in "fiub":
            arrays[f"meta.{key}"] = value
            continue
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            continue
        meta[key] = value
    return arrays, meta


def _write_arrays(zf: zipfile.ZipFile, name: str, arrays: dict[str, np.ndarray]) -> None:
    """The arrays as an ``.npz`` entry, streamed into the archive: no copy of the weights
    is made on the way (a large network's file is written in bounded memory).  Weights and
    optimizer buffers are stored as they are: deflate spares about 5% of such numbers and
    costs forty times the time of writing them."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if name == DATA_NAME else zipfile.ZIP_STORED
    info.external_attr = 0o600 << 16  # as writestr gives an entry
    with zf.open(info, "w", force_zip64=True) as f:
        # The stub reads any keyword as savez's allow_pickle flag; these are array names.
        np.savez(f, **arrays)  # type: ignore[arg-type]


def experiment_to_bytes(experiment: Experiment, include_data: bool | None = None) -> bytes:
    """The whole file in memory.  Take it between two training steps (in the thread that
    trains) and write it anywhere later with :func:`save_bytes`: a consistent snapshot
    without pausing the training for the disk."""
    buf = io.BytesIO()
    write_experiment(buf, experiment, include_data)
    return buf.getvalue()


def save_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write bytes from :func:`experiment_to_bytes` atomically, once they are known to
    read back (see :func:`save_experiment`)."""
    return atomic_write_bytes(path, [data], verify=reads_back(path, check_file))


def save_experiment(
    path: str | os.PathLike[str], experiment: Experiment, include_data: bool | None = None
) -> Path:
    """Save atomically and verified: the new file is written beside ``path``, read back
    and checked (:func:`check_file`: its structure, every CRC, settings, trainer state and
    history, each weight's name and shape against the network saved), and only then
    replaces the old file; no second experiment is built beside the one saved.  A file
    that would not read back raises :class:`SaveRefused` saying why, and the old file
    stays as it was.  ``include_data`` as in :func:`write_experiment`."""
    write = lambda f: write_experiment(f, experiment, include_data)  # noqa: E731
    shapes = {k: tuple(v.shape) for k, v in experiment.network.params.items()}
    verify = reads_back(path, lambda p: check_file(p, shapes))
    return atomic_write(path, write, verify=verify)


# -- loading -----------------------------------------------------------------------------
def load_experiment(path: str | os.PathLike[str]) -> Experiment:
    """Read an experiment file into a new, complete :class:`Experiment`.

    Raises :class:`ExperimentFileError` for anything that is not a valid experiment file.
    The file is read member by member, never whole into memory."""
    with open_file(path) as f:
        return named(path, experiment_from_file, f)


def open_file(path: str | os.PathLike[str]) -> IO[bytes]:
    """An experiment (or runs) file opened for reading: a regular file (never a FIFO or
    device, which could block or never end) of at most ``MAX_FILE_BYTES``."""
    return open_regular(path, MAX_FILE_BYTES)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an experiment file: a regular file (never a FIFO or device, which
    could block or never end) of at most ``MAX_FILE_BYTES``."""
    return read_regular_file(path, MAX_FILE_BYTES)


def named(path: str | os.PathLike[str], read: Any, data: Any) -> Any:
    """``read(data)``, its :class:`ExperimentFileError` prefixed with the file's name."""
    try:
        return read(data)
    except SaveRefused:
        raise
    except ExperimentFileError as e:
        raise ExperimentFileError(f"{Path(path).name}: {e}") from None


def read_header(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The checked JSON part of an experiment file (versions, settings, history), without
    rebuilding the experiment or reading its arrays."""
    with open_file(path) as f:
        return named(path, header_from_file, f)


def header_from_bytes(data: bytes) -> dict[str, Any]:
    """The checked JSON part of a file's bytes (see :func:`read_header`)."""
    return header_from_file(io.BytesIO(data))


def header_from_file(f: IO[bytes]) -> dict[str, Any]:
    """The checked JSON part of an open experiment file (see :func:`read_header`)."""
    return _read_archive(f, "header")[0]


def has_stored_data(data: bytes) -> bool:
    """Whether a file's bytes (already loaded once) carry the data set."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return DATA_NAME in zf.namelist()


def experiment_from_bytes(data: bytes) -> Experiment:
    """The loader behind :func:`load_experiment`, on the file's bytes.

    It is all-or-nothing: the experiment is complete (data, network, weights, trainer
    state, history, the task's description of its data) when it returns, or
    :class:`ExperimentFileError` says, in one line, what is wrong."""
    return experiment_from_file(io.BytesIO(data))


def experiment_from_file(f: IO[bytes]) -> Experiment:
    """:func:`experiment_from_bytes` on an open file (or an entry of a runs file): each
    array is checked and read on its own, straight into its place."""
    header, weights, optimizer, dataset, gradients = _read_archive(f)
    return _build(header, weights, optimizer, dataset, gradients)


@dataclass
class Summary:
    """What an experiment file says, read and checked without building the experiment:
    for ``info``, a comparison and the Runs panel."""

    header: dict[str, Any]
    config: ExperimentConfig
    history: list[dict[str, float]]
    gradients: list[tuple[int, np.ndarray]]
    step: int
    epoch: int
    baselines: list[Metric]  # the task's baselines as saved: the main metric's first
    metric_name: str | None
    higher_is_better: bool
    parameters: int  # numbers in the weights entry
    has_data: bool


def summary_from_file(f: IO[bytes], expected: Mapping[str, tuple[int, ...]] | None = None,
                      arrays: bool = True) -> Summary:
    """The file's :class:`Summary`, every entry checked on the way: the directory, the
    JSON (settings, trainer state, history, baselines), each array's header against what
    the settings allow (and, given ``expected``, each weight's name and shape), and every
    byte against its CRC, streamed in chunks and not kept.  Memory stays that of the JSON
    part, whatever the arrays' sizes.  This is what verifies a save; it does not try the
    task's readers on the data, as opening does.

    ``arrays=False`` skips the weights, optimizer buffers and data beyond their declared
    sizes (``parameters`` is then 0): what a comparison needs, read in a moment whatever
    the network's size; they are read and checked when the run is restored."""
    counted = {"n": 0}

    def admit_weight(name: str, shape: tuple[int, ...], dtype: np.dtype) -> None:
        if expected is not None and tuple(expected.get(name, ())) != shape:
            raise ExperimentFileError(tr("parameter {name} has the wrong name or shape {shape}"
                                         ).format(name=name, shape=shape))
        counted["n"] += math.prod(shape)

    header, _w, _o, _d, grads = _read_archive(f, "check" if arrays else "summary",
                                              admit_weight)
    config = _config(header)
    history = history_rows(header.get("history"))
    fields = trainer_fields(header.get("trainer"), config.task.n_samples, exact=False)
    step, epoch = fields["step"], fields["epoch"]
    check_history_steps(history, step)
    gradients = [] if grads is None else gradient_entries(grads, _MAX_TIME_STEPS + 1, step)
    baselines = stored_baselines(header.get("baselines"))
    name, higher = metric_facts(header.get("metric"), baselines)
    return Summary(header, config, history, gradients, step, epoch, baselines, name, higher,
                   counted["n"], bool(header.get("_has_data")))


def check_file(path: str | os.PathLike[str],
               expected: Mapping[str, tuple[int, ...]] | None = None) -> Summary:
    """:func:`summary_from_file` of the file at ``path``."""
    with open_file(path) as f:
        return named(path, lambda g: summary_from_file(g, expected), f)


# What a reader that only needs to look (``info``) may spend on rebuilding an experiment
# to score its weights: its parameters (with gradients and two optimizer buffers) and data.
REBUILD_BYTES = 64 << 20


def small_enough(config: ExperimentConfig, budget: int = REBUILD_BYTES) -> bool:
    """Whether rebuilding an experiment of these settings (and a validation pass) costs
    at most ``budget`` bytes beside the interpreter, as the program estimates what a
    setting needs (:func:`rnn_sandbox.engine.budget.estimate`)."""
    from rnn_sandbox.engine.budget import estimate

    needs = estimate(config)
    return needs.total - needs.baseline <= budget


def _array_limits(config: ExperimentConfig) -> dict[str, int]:
    """The most bytes each array entry may expand to for these settings: parameters (and
    one or two optimizer buffers each) at 8 bytes a number, the data set at twice its
    estimate (integer copies of tokens and the like ride along), plus room for headers."""
    params = 8 * parameter_bound(config.network, config.task.seq_len) + (64 << 10)
    return {
        WEIGHTS_NAME: params,
        OPTIMIZER_NAME: 2 * params,
        DATA_NAME: 2 * data_bytes(config) + (1 << 20),
        # one float64 per time step (inputs or outputs, each at most a bound of seq_len)
        GRADIENTS_NAME: 8 * (MAX_GRADIENT_ENTRIES + 1) * (_MAX_TIME_STEPS + 1) + (64 << 10),
    }


def _within(bound: int, message: str) -> Admit:
    """An ``admit`` that refuses arrays once their numbers together exceed ``bound``:
    checked from the headers, before anything is allocated."""
    total = [0]

    def admit(name: str, shape: tuple[int, ...], dtype: np.dtype) -> None:
        total[0] += math.prod(shape)
        if total[0] > bound:
            raise ExperimentFileError(message)

    return admit


def _read_archive(
    f: IO[bytes], mode: str = "load", admit_weight: Admit | None = None,
) -> tuple[
    dict[str, Any], dict[str, np.ndarray], dict[str, np.ndarray], dict | None, dict | None
]:
    """Header, weights, optimizer buffers and (if stored) data arrays and gradient
    summaries of an archive read from ``f``, one member at a time.

    ``mode``: ``"load"`` reads everything; ``"header"`` only the JSON part; ``"check"``
    checks every array and keeps only the gradient summaries (the header then says
    ``_has_data``); ``"summary"`` reads only the JSON and the gradient summaries.
    Declared sizes are checked twice before anything is decompressed:
    against fixed caps, then (once the settings are read) against what those settings
    can produce; each array's shape is checked against them before it is allocated."""
    zf = open_zip(f, "an experiment file")
    try:
        with zf:
            infos = check_entries(
                zf,
                lambda n: MAX_JSON_BYTES if n == JSON_NAME else (
                    MAX_FILE_BYTES if n in _ENTRIES or n in _OPTIONAL else None
                ),
                4 * MAX_FILE_BYTES, 16, "the file",
            )
            missing = [n for n in _ENTRIES if n not in infos]
            if missing:
                raise ExperimentFileError(tr("this is not an experiment file (missing {entries})"
                                             ).format(entries=", ".join(missing)))
            header = _parse_json(read_entry(zf, infos[JSON_NAME]))
            check_version(header)
            if mode == "header":
                return header, {}, {}, None, None
            config = _config(header)
            limits = _array_limits(config)
            for name, limit in limits.items():
                if name in infos and infos[name].file_size > limit:
                    raise ExperimentFileError(
                        tr("the file entry '{name}' declares {size} bytes, more than its "
                           "settings can produce (at most {most})").format(
                            name=name, size=infos[name].file_size, most=limit))
            bound = parameter_bound(config.network, config.task.seq_len)
            keep = mode == "load"

            def arrays_of(name: str, what: str, admit: Admit | None = None,
                          keep: bool = keep) -> dict[str, np.ndarray]:
                with open_member(zf, infos[name]) as member:
                    return read_npz_from(member, what, max_bytes=limits[name], admit=admit,
                                         keep=keep)

            more = tr("the file holds more weights than its network has")
            weights: dict[str, np.ndarray] = {}
            optimizer: dict[str, np.ndarray] = {}
            dataset = None
            if mode != "summary":
                weights = arrays_of(WEIGHTS_NAME, "the weights", _chain(
                    _within(bound, more), admit_weight))
                optimizer = arrays_of(OPTIMIZER_NAME, "the optimizer state", _within(
                    2 * bound, tr("the file holds more optimizer buffers than its network has")))
                if DATA_NAME in infos:
                    dataset = arrays_of(DATA_NAME, "the stored data")
            gradients = (arrays_of(GRADIENTS_NAME, "the gradient summaries", keep=True)
                         if GRADIENTS_NAME in infos else None)
            if mode != "load":
                header["_has_data"] = DATA_NAME in infos
                dataset = None
    except ExperimentFileError:
        raise
    except Exception as e:  # CRC mismatch, bad deflate stream, bad local headers, …
        raise damaged(e) from None
    return header, weights, optimizer, dataset, gradients


def _chain(first: Admit, second: Admit | None) -> Admit:
    if second is None:
        return first

    def both(name: str, shape: tuple[int, ...], dtype: np.dtype) -> None:
        first(name, shape, dtype)
        second(name, shape, dtype)

    return both


def _parse_json(raw: bytes) -> dict[str, Any]:
    if (raw.count(b"{") + raw.count(b"[") > _MAX_JSON_CONTAINERS
            or raw.count(b'"') > _MAX_JSON_QUOTES):
        raise ExperimentFileError(
            tr("'{entry}' holds more records than an experiment with a history of {most} "
               "steps can").format(entry=JSON_NAME, most=MAX_HISTORY_ROWS))
    return parse_json(raw, JSON_NAME, _MAX_JSON_NUMBERS)


def check_version(header: dict[str, Any], format_name: str = FORMAT_NAME,
                  version_read: int = FORMAT_VERSION, what: str = "an experiment file") -> None:
    """The header names this format, in a version this program reads (a newer one says
    so and asks for an update)."""
    if header.get("format") != format_name:
        raise not_a(what, "wrong format name")
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExperimentFileError(tr("unknown file format version {version}").format(
            version=repr(version)))
    if version > version_read:
        raise ExperimentFileError(
            tr("the file was written in format version {version} by a newer program (version "
               "{app}); this program reads up to version {read}. Please update RNN Sandbox."
               ).format(version=version, app=header.get("app_version", "?"), read=version_read)
        )


def _config(header: dict[str, Any]) -> ExperimentConfig:
    try:
        return ExperimentConfig.from_dict(header.get("config"))
    except ConfigError as e:
        raise ExperimentFileError(tr("invalid settings: {reason}").format(reason=e)) from None


def _build(
    header: dict[str, Any],
    weights: dict[str, np.ndarray],
    optimizer: dict[str, np.ndarray],
    data: dict[str, np.ndarray] | None,
    gradients: dict[str, np.ndarray] | None = None,
) -> Experiment:
    config = _config(header)
    history = history_rows(header.get("history"))
    dataset = None if data is None else _dataset_from(data, header.get("data_meta"))
    if dataset is None:
        check_external_path(config)
    check_weight_count(config, weights)
    try:
        experiment = Experiment(config, dataset=dataset)
    except (ConfigError, TaskError) as e:
        raise ExperimentFileError(tr("cannot rebuild the experiment: {reason}").format(
            reason=e)) from None
    except Exception as e:  # a task refusing odd option values in its own way
        raise ExperimentFileError(tr("cannot rebuild the experiment from its settings ({reason})"
                                     ).format(reason=f"{type(e).__name__}: {e}")) from None
    if dataset is not None:
        check_dataset(experiment)
    load_weights(experiment, weights)
    state = trainer_state(header.get("trainer"), experiment, optimizer)
    check_history_steps(history, state["step"])
    check_meta(experiment)
    try:
        experiment.trainer.load_state(state)
    except Exception as e:  # the random generator refusing its state, …
        raise ExperimentFileError(tr("invalid trainer state ({reason})").format(reason=e)
                                  ) from None
    experiment.trainer.history = history
    if gradients is not None:
        experiment.trainer.gradient_history = gradient_history(gradients, experiment)
    return experiment


def _dataset_from(arrays: dict[str, np.ndarray], meta: Any) -> Dataset:
    """A :class:`Dataset` from stored arrays; shapes are checked by :func:`check_dataset`."""
    if not isinstance(meta, dict):
        raise ExperimentFileError(tr("the stored data come without their description "
                                     "(data_meta)"))
    allowed = {f"{s}.{n}" for s in SPLITS for n in _BATCH_FIELDS}
    meta = dict(meta)
    for key, arr in arrays.items():
        if key.startswith("meta."):
            meta[key[5:]] = arr
        elif key not in allowed:
            raise ExperimentFileError(tr("unexpected array '{name}' in the stored data").format(
                name=key))
    batches = []
    for split in SPLITS:
        if f"{split}.x" not in arrays or f"{split}.y" not in arrays:
            raise ExperimentFileError(
                tr("the stored data lack the train inputs or targets") if split == "train"
                else tr("the stored data lack the val inputs or targets"))
        batches.append(Batch(
            arrays[f"{split}.x"], arrays[f"{split}.y"],
            arrays.get(f"{split}.mask"), arrays.get(f"{split}.y_mask"),
        ))
    return Dataset(batches[0], batches[1], meta)



# -- autosave and recovery -----------------------------------------------------------------
def autosave(experiment: Experiment | bytes, folder: str | os.PathLike[str]) -> Path:
    """Write the experiment (or its bytes from :func:`experiment_to_bytes`) to the
    recovery file in ``folder`` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(experiment, bytes):
        return save_bytes(folder / RECOVERY_NAME, experiment)
    return save_experiment(folder / RECOVERY_NAME, experiment)


def find_recovery(folder: str | os.PathLike[str]) -> Path | None:
    """The recovery file left in ``folder`` by an earlier run, if there is one."""
    path = Path(folder) / RECOVERY_NAME
    return path if path.is_file() else None


def clear_recovery(folder: str | os.PathLike[str]) -> None:
    """Remove the recovery file and any temporary file an interrupted autosave left."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    for p in folder.iterdir():
        if p.name == RECOVERY_NAME or is_temp_name(p.name) or (
            p.name.startswith(f".{RECOVERY_NAME}.") and p.name.endswith(".tmp")  # older
        ):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
