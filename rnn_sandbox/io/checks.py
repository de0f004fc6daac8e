"""What a loaded experiment file must hold, checked against the experiment it rebuilds.

The archive and its JSON are read by :mod:`rnn_sandbox.io.experiment_file`; the checks
here judge the contents once the settings are known: stored data against the network,
the task's description of its data against every reader of it, weights, optimizer
buffers and trainer state against the rebuilt network, and the training history.  Each
refusal is an :class:`ExperimentFileError` saying in one line what is wrong.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from rnn_sandbox.config import ExperimentConfig, parameter_bound
from rnn_sandbox.engine.train import MAX_GRADIENT_ENTRIES
from rnn_sandbox.io.safe_zip import ExperimentFileError
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import Metric
from rnn_sandbox.translation import tr

# A file keeps at most this many history rows (the latest); the JSON limits follow from it.
MAX_HISTORY_ROWS = 500_000
# Steps and epochs beyond this come from no real run (a billion steps take weeks) and
# would break the arithmetic of the plots.
MAX_STEPS = 10**9
SPLITS = ("train", "val")
HISTORY_KEYS = ("step", "epoch", "train_loss", "val_loss", "val_metric")
# Keys a history row may carry; files written before they existed load without them.
OPTIONAL_HISTORY_KEYS = ("seconds",)
# Wall-clock seconds beyond this (about 30 years) come from no real run.
MAX_SECONDS = 1e9
OPTIMIZER_BUFFERS = {
    "sgd": (),
    "momentum": ("momentum",),
    "rmsprop": ("square_avg",),
    "adam": ("exp_avg", "exp_avg_sq"),
}


def check_dataset(experiment: Experiment) -> None:
    """Stored data must fit the network, or training would fail later, far from the file."""
    net = experiment.network.config
    for split in SPLITS:
        b = getattr(experiment.dataset, split)
        n = len(b.y) if b.y.ndim else -1
        where = tr("the stored train data") if split == "train" else tr("the stored val data")
        if b.x.ndim != 3 or b.x.shape[0] != n or n < 1 or b.x.shape[2] != net.input_size:
            raise ExperimentFileError(f"{where}: " + tr(
                "inputs shaped {shape} do not fit {targets} targets and {features} input "
                "features").format(shape=b.x.shape, targets=n, features=net.input_size))
        if b.x.dtype.kind != "f" or b.y.dtype.kind not in "fiu" or b.x.shape[1] < 1:
            raise ExperimentFileError(f"{where}: " + tr("inputs or targets are of the wrong type"))
        if b.mask is not None and b.mask.shape != b.x.shape[:2]:
            raise ExperimentFileError(f"{where}: " + tr("the mask does not match the inputs"))
        if b.y_mask is not None and (b.y_mask.ndim != 2 or b.y_mask.shape[0] != n):
            raise ExperimentFileError(f"{where}: " + tr(
                "the target mask does not match the targets"))
        if net.loss in ("ce", "ctc") and (
            b.y.dtype.kind not in "iu" or b.y.min(initial=0) < 0
            or b.y.max(initial=0) >= net.output_size
        ):
            raise ExperimentFileError(f"{where}: " + tr("class labels outside 0..{last}").format(
                last=net.output_size - 1))
    try:  # a step's worth of computation on two samples of each split proves the shapes
        for batch in (experiment.trainer.data.train, experiment.trainer.data.val):
            few = batch.subset(slice(0, 2))
            experiment.network.loss_and_grads(few.x, few.y, few.mask, few.y_mask)
            experiment.trainer.predict(few)
    except Exception as e:
        raise ExperimentFileError(tr("the stored data do not fit the network ({reason})").format(
            reason=f"{type(e).__name__}: {e}")) from None
    finally:
        experiment.network.cache = None


def _as_network_dtype(arr: np.ndarray, dtype: np.dtype, what: str) -> np.ndarray:
    """``arr`` in the network's dtype, refused unless floating point and finite *after*
    the conversion (float128 1e4000, or float64 1e300 in a float32 network, become inf)."""
    if arr.dtype.kind != "f":
        raise ExperimentFileError(tr("{what} is not floating point ({dtype})").format(
            what=what, dtype=arr.dtype))
    with np.errstate(over="ignore", invalid="ignore"):
        out = np.asarray(arr, dtype=dtype)
    if not (np.isfinite(arr).all() and np.isfinite(out).all()):
        raise ExperimentFileError(
            tr("{what} contains NaN or infinite values (or values too large for {dtype})"
               ).format(what=what, dtype=dtype))
    return out


def check_weight_count(config: ExperimentConfig, weights: dict[str, np.ndarray]) -> None:
    """Before the network is built: the stored weights cannot be more than it has."""
    bound = parameter_bound(config.network, config.task.seq_len)
    if sum(a.size for a in weights.values()) > bound:
        raise ExperimentFileError(tr("the file holds more weights than its network has"))


def check_external_path(config: ExperimentConfig) -> None:
    """A file without its data may still name the learner's CSV to read it again; only a
    ``.csv`` file is read for it, so a crafted file cannot make the program read (and
    quote in its error messages) any other file on the computer."""
    path = config.task.options.get("path")
    if isinstance(path, str) and path.strip() and Path(path).suffix.lower() != ".csv":
        raise ExperimentFileError(
            tr("the settings name a data file that is not a .csv file, and the data are not "
               "stored in the experiment file"))


# Metadata the window reads for every task (the prediction view): whole numbers, and names.
_META_INTS = ("horizon", "horizon_hours", "steps_per_hour")
_META_NAMES = ("classes", "tags", "symbols", "vocab")


def check_meta(experiment: Experiment) -> None:
    """The task's description of its data (``dataset.meta``) must hold what the task and
    the window read from it, so nothing fails later, in a plot or a redraw, far from the
    file.  The task's own check (if it has one) comes first; then every reader is tried
    once on the first and last sample of both splits."""
    task, data = experiment.task, experiment.trainer.data
    meta = data.meta
    for key in _META_INTS:
        v = meta.get(key)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or not
                              0 <= v <= MAX_STEPS):
            raise ExperimentFileError(tr("the data's description: {key} must be a whole number"
                                         ).format(key=key))
    for key in _META_NAMES:
        v = meta.get(key)
        if v is not None and not (
            isinstance(v, list) and all(isinstance(n, str) for n in v)
        ):
            raise ExperimentFileError(tr("the data's description: {key} must list names").format(
                key=key))
    try:
        check = getattr(task, "check_meta", None)
        if check is not None:
            check(data)
        with np.errstate(all="ignore"):
            task.baseline(data)
            for split in SPLITS:
                batch = getattr(data, split)
                for i in sorted({0, len(batch) - 1}):
                    sample = batch.subset(slice(i, i + 1))
                    outputs = experiment.trainer.predict(sample)
                    task.render_sample(data, i, split)
                    task.render_prediction(data, i, outputs[0], split)
                    task.metric(outputs, sample)
    except Exception as e:  # KeyError, TypeError, IndexError, TaskError, … from any reader
        detail = f"{type(e).__name__}: {e}" if not isinstance(e, ValueError) else str(e)
        raise ExperimentFileError(
            tr("the data's description does not fit the task ({reason})").format(
                reason=detail)[:300]) from None
    finally:
        experiment.network.cache = None


def load_weights(experiment: Experiment, weights: dict[str, np.ndarray]) -> None:
    dtype = experiment.network.dtype
    weights = {
        name: _as_network_dtype(arr, dtype, tr("parameter {name}").format(name=name))
        for name, arr in weights.items()
    }
    try:
        experiment.network.load_state_dict(weights)
    except ValueError as e:
        raise ExperimentFileError(tr("the weights do not fit the network: {reason}").format(
            reason=e)) from None


def _int(d: dict[str, Any], key: str, lo: int, hi: int, what: str = "trainer") -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        raise ExperimentFileError(f"{what}.{key} " + tr(
            "must be an integer in [{low}, {high}], got {value}").format(low=lo, high=hi,
                                                                        value=repr(v)))
    return v


def trainer_steps(raw: dict[str, Any]) -> tuple[int, int]:
    """The trainer state's step and epoch, each a whole number in 0..MAX_STEPS."""
    return _int(raw, "step", 0, MAX_STEPS), _int(raw, "epoch", 0, MAX_STEPS)


def trainer_fields(raw: Any, n_train: int, exact: bool = True) -> dict[str, Any]:
    """The trainer state's own fields checked (step, epoch, position, optimizer step,
    shuffling order, generator state, elapsed seconds): against the training set's size
    ``n_train``, or, with ``exact=False``, against a bound of it (the settings' number of
    samples, when the data are not built)."""
    if not isinstance(raw, dict):
        raise ExperimentFileError(tr("the trainer state is missing or not an object"))
    step, epoch = trainer_steps(raw)
    pos = _int(raw, "pos", 0, n_train)
    opt_step = _int(raw, "optimizer_step", 0, MAX_STEPS)
    order = raw.get("order")
    if order is not None:
        if not isinstance(order, list) or not (
            len(order) == n_train if exact else len(order) <= n_train
        ) or any(not isinstance(i, int) or isinstance(i, bool) for i in order):
            raise ExperimentFileError(tr("trainer.order must list every training sample once"))
        if sorted(order) != list(range(len(order))):
            raise ExperimentFileError(tr("trainer.order is not a permutation of the samples"))
        if not pos <= len(order):
            raise ExperimentFileError(tr("trainer.pos lies beyond the training samples"))
    rng = raw.get("rng")
    if not isinstance(rng, dict):
        raise ExperimentFileError(tr("trainer.rng must be an object"))
    try:  # try it on a scratch generator of the same kind before touching the trainer
        probe = np.random.default_rng(0)
        probe.bit_generator.state = rng
    except Exception as e:
        raise ExperimentFileError(tr("trainer.rng is not a valid generator state ({reason})"
                                     ).format(reason=e)) from None
    elapsed = raw.get("elapsed", 0.0)  # optional: older files did not keep it
    if not (isinstance(elapsed, int | float) and not isinstance(elapsed, bool)
            and 0 <= elapsed <= MAX_SECONDS):
        raise ExperimentFileError(tr("trainer.elapsed must be a number of seconds in [0, "
                                     "{most}]").format(most=f"{MAX_SECONDS:.0e}"))
    return {"step": step, "epoch": epoch, "pos": pos, "optimizer_step": opt_step,
            "order": order, "rng": rng, "elapsed": float(elapsed)}


def trainer_state(
    raw: Any, experiment: Experiment, optimizer: dict[str, np.ndarray]
) -> dict[str, Any]:
    """Check the saved trainer state against the rebuilt experiment, field by field."""
    fields = trainer_fields(raw, len(experiment.trainer.data.train))
    opt_step = fields["optimizer_step"]

    params = experiment.network.params
    kind = experiment.config.training.optimizer
    allowed = OPTIMIZER_BUFFERS.get(kind, ())
    opt_state: dict[str, np.ndarray] = {}
    for key, arr in optimizer.items():
        name, _, buf = key.rpartition("/")
        if name not in params or buf not in allowed:
            raise ExperimentFileError(tr("unexpected optimizer buffer '{key}' for {kind}").format(
                key=key, kind=kind))
        if arr.shape != params[name].shape or arr.dtype.kind != "f":
            raise ExperimentFileError(tr("optimizer buffer '{key}' has the wrong shape or type"
                                         ).format(key=key))
        buf_value = _as_network_dtype(arr, experiment.network.dtype,
                                      tr("optimizer buffer '{key}'").format(key=key))
        if buf in ("square_avg", "exp_avg_sq") and (buf_value < 0).any():
            raise ExperimentFileError(tr("optimizer buffer '{key}' holds negative squares"
                                         ).format(key=key))
        opt_state[key] = np.array(buf_value)
    opt_state["_t"] = np.array(opt_step)
    return {
        "step": fields["step"],
        "epoch": fields["epoch"],
        "rng": fields["rng"],
        "order": fields["order"],
        "pos": fields["pos"],
        "optimizer": opt_state,
        "elapsed": fields["elapsed"],
    }


def _finite(v: Any, what: str) -> float:
    """A JSON number as a finite float (an integer like 10**400 has none)."""
    try:
        if isinstance(v, int | float) and not isinstance(v, bool):
            f = float(v)
            if math.isfinite(f):
                return f
    except OverflowError:
        pass
    raise ExperimentFileError(f"{what} " + tr("must be a finite number"))


def history_rows(raw: Any) -> list[dict[str, float]]:
    """The stored history as the trainer keeps it: whole steps and epochs, ``null`` losses
    (no validation at that step) as NaN, anything else refused."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ExperimentFileError(tr("the training history must be a list"))
    if len(raw) > MAX_HISTORY_ROWS:
        raise ExperimentFileError(tr("the training history holds {count} steps (a file keeps "
                                     "at most {most})").format(count=len(raw),
                                                               most=MAX_HISTORY_ROWS))
    rows = []
    for i, row in enumerate(raw):
        if not isinstance(row, dict) or set(row) - set(HISTORY_KEYS + OPTIONAL_HISTORY_KEYS):
            raise ExperimentFileError(tr("history entry {index} is not a valid record").format(
                index=i))
        out: dict[str, float] = {}
        for key in HISTORY_KEYS:
            v = row.get(key)
            if key in ("step", "epoch"):
                if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= MAX_STEPS:
                    raise ExperimentFileError(
                        tr("history entry {index}: {key} must be a whole number in 0..{most}"
                           ).format(index=i, key=key, most=MAX_STEPS))
                out[key] = v
            elif v is None:
                out[key] = np.nan
            else:
                out[key] = _finite(v, tr("history entry {index}: {key}").format(index=i,
                                                                                key=key))
        if "seconds" in row:
            v = row["seconds"]
            seconds = np.nan if v is None else _finite(v, tr(
                "history entry {index}: {key}").format(index=i, key="seconds"))
            if not (np.isnan(seconds) or 0 <= seconds <= MAX_SECONDS):
                raise ExperimentFileError(
                    tr("history entry {index}: seconds must be in [0, {most}]").format(
                        index=i, most=f"{MAX_SECONDS:.0e}"))
            out["seconds"] = seconds
        rows.append(out)
    return rows


def check_history_steps(history: list[dict[str, float]], step: int) -> None:
    """The history's steps rise and none lies beyond the step the trainer reached: a row
    from the future would stretch every plot of the run to it."""
    last = 0
    for i, row in enumerate(history):
        s = int(row["step"])
        if s <= last and i > 0 or s > step:
            raise ExperimentFileError(
                tr("history entry {index}: step {step} is not a step of this run (it reached "
                   "step {reached}, and steps rise)").format(index=i, step=s, reached=step))
        last = s


def gradient_history(
    arrays: dict[str, np.ndarray], experiment: Experiment
) -> list[tuple[int, np.ndarray]]:
    """The stored gradient summaries checked against the rebuilt experiment (see
    :func:`gradient_entries`): no longer than the network's input."""
    train = experiment.trainer.data.train  # the first layer runs over inputs or outputs
    longest = max(train.x.shape[1], train.y.shape[1] if train.y.ndim > 1 else 1) + 1
    return gradient_entries(arrays, longest, experiment.trainer.step_count)


def gradient_entries(
    arrays: dict[str, np.ndarray], longest: int, step: int
) -> list[tuple[int, np.ndarray]]:
    """The stored gradient summaries (``steps`` ``(N,)`` and ``values`` ``(N, T)``) as the
    trainer keeps them: at most ``MAX_GRADIENT_ENTRIES`` rising steps within the run (up
    to ``step``), one finite non-negative norm per time step, at most ``longest``."""
    if set(arrays) != {"steps", "values"}:
        raise ExperimentFileError(tr("the gradient summaries must hold 'steps' and 'values'"))
    steps, values = arrays["steps"], arrays["values"]
    n = len(steps) if steps.ndim == 1 else -1
    if (steps.dtype.kind not in "iu" or n > MAX_GRADIENT_ENTRIES or values.ndim != 2
            or values.shape[0] != n or not 1 <= values.shape[1] <= longest):
        raise ExperimentFileError(
            tr("the gradient summaries must be at most {most} steps of at most {longest} time "
               "steps each").format(most=MAX_GRADIENT_ENTRIES, longest=longest))
    if values.dtype.kind != "f" or not (np.isfinite(values).all() and (values >= 0).all()):
        raise ExperimentFileError(tr("the gradient summaries must be finite, non-negative norms"))
    if n and (steps[0] < 1 or steps[-1] > step or (np.diff(steps) <= 0).any()):
        raise ExperimentFileError(tr("the gradient summaries' steps are not steps of this run"))
    return [(int(s), np.array(v, dtype=np.float64)) for s, v in zip(steps, values, strict=True)]


def stored_baselines(raw: Any) -> list[Metric]:
    """The task's baselines a file keeps for its reader (the main metric's first); files
    written before they were kept have none.  A baseline without a value (NaN when saved)
    reads as NaN."""
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > 1000:
        raise ExperimentFileError(tr("the baselines must be a list"))
    out = []
    for i, b in enumerate(raw):
        if not (isinstance(b, dict) and isinstance(b.get("name"), str)
                and len(b["name"]) <= 1000 and isinstance(b.get("higher_is_better"), bool)):
            raise ExperimentFileError(tr("baseline {number} is not a valid record").format(
                number=i + 1))
        v = b.get("value")
        value = math.nan if v is None else _finite(v, tr("baseline {number}: value").format(
            number=i + 1))
        out.append(Metric(b["name"], value, b["higher_is_better"]))
    return out


def metric_facts(raw: Any, baselines: list[Metric]) -> tuple[str | None, bool]:
    """The task metric's name and direction as a file records them (``metric``), or, in
    files written before that, as its main baseline (``"<rule>: <metric>"``) tells."""
    if isinstance(raw, dict):
        name, higher = raw.get("name"), raw.get("higher_is_better")
        if (name is None or isinstance(name, str) and len(name) <= 1000) and isinstance(
                higher, bool):
            return name, higher
        raise ExperimentFileError(tr("the metric must have a name and a direction"))
    if raw is not None:
        raise ExperimentFileError(tr("the metric must be an object"))
    if baselines:
        return baselines[0].name.rpartition(": ")[2], baselines[0].higher_is_better
    return None, True
