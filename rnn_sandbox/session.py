"""An experiment put together from its configuration: task, data, network and trainer.

The command line, the GUI and the experiment files all build experiments here, so the
config → objects wiring exists once.  :func:`propose` is the one place that decides what a
change of settings means: refused (and why), applied while training, or a new network.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.engine import Dataset, Trainer, build_network
from rnn_sandbox.engine.budget import too_large
from rnn_sandbox.fields import SETTING
from rnn_sandbox.tasks import Metric, Task, TaskError, get_task
from rnn_sandbox.translation import tr


class Experiment:
    """Holds one configuration and the objects built from it."""

    def __init__(self, config: ExperimentConfig, dataset: Dataset | None = None) -> None:
        config = config.copy()
        self.task: Task = get_task(config.task.name)
        self.task.apply_shape(config.network, config.task)
        config.validate()
        self.config = config
        self.dataset = dataset if dataset is not None else self.task.make(
            config.task, config.training.seed
        )
        self.network = build_network(
            config.network, seed=config.training.seed, seq_len=self.dataset.train.x.shape[1]
        )
        self.trainer = Trainer(
            self.network, self.dataset, config.training, metric_fn=self.task.metric
        )
        check_finite_data(self.trainer.data, config.network.dtype)

    def steps_per_epoch(self) -> int:
        """Mini-batches in one pass over the training set (the last one may be smaller)."""
        return math.ceil(len(self.trainer.data.train) / self.config.training.batch_size)

    @classmethod
    def from_task(cls, name: str) -> Experiment:
        return cls(get_task(name).default_config())

    def reset(self) -> None:
        """Initial weights for the seed, a fresh optimizer; the data stays."""
        self.network.reset(self.config.training.seed)
        self.trainer = Trainer(
            self.network, self.dataset, self.config.training, metric_fn=self.task.metric
        )


def check_finite_data(data: Dataset, dtype: str) -> None:
    """Refuse data with NaN or infinite values as the network sees them, that is after the
    conversion to its dtype (1e39 is finite in float64 but infinite in float32)."""
    for split in ("train", "val"):
        batch = getattr(data, split)
        for name in ("x", "y", "mask", "y_mask"):
            arr = getattr(batch, name)
            if arr is not None and arr.dtype.kind == "f" and not np.isfinite(arr).all():
                text = (tr("the train data's {array} hold NaN or infinite values as {dtype} "
                           "numbers; rescale the data or use float64") if split == "train" else
                        tr("the val data's {array} hold NaN or infinite values as "
                           "{dtype} numbers; rescale the data or use float64"))
                raise TaskError(text.format(array=name, dtype=dtype))


@dataclass(frozen=True)
class Proposal:
    """The answer to a proposed change of settings.

    ``kind``: ``"unchanged"``; ``"refused"`` (``reason`` says why, naming the setting);
    ``"live"`` (``live_changes`` apply to the running experiment, e.g.
    ``{"training.learning_rate": 0.1}``); ``"rebuild"`` (``experiment`` is built from
    ``config`` and replaces the current one).  ``config`` is the new configuration, shaped
    by the task (the current one when unchanged or refused).
    """

    kind: Literal["unchanged", "refused", "live", "rebuild"]
    config: ExperimentConfig
    reason: str = ""
    live_changes: Mapping[str, Any] = field(default_factory=dict)
    experiment: Experiment | None = None


def propose(
    current: ExperimentConfig, change: Mapping[str, Any] | ExperimentConfig
) -> Proposal:
    """What ``change`` to ``current`` means.  ``change`` is a whole configuration (a task's
    defaults, a lesson's setup, a diagram gesture) or ``{"section.name": value}``.

    A new network is built here, once, so every check that needs the data (a sequence
    longer than a file's data, a batch larger than the training set) is made before the
    caller asks the learner anything; settings whose memory estimate is above what the
    machine has are refused before anything is built (``engine.budget.too_large``)."""
    if isinstance(change, ExperimentConfig):
        new = change.copy()
    else:
        new = current.copy()
        for key, value in change.items():
            if key not in SETTING:
                return _refused(current, f"{key}: there is no such setting")
            section, name = key.split(".")
            setattr(getattr(new, section), name, value)
    try:
        get_task(new.task.name).apply_shape(new.network, new.task)
        new.validate()
    except (ConfigError, TaskError) as e:
        return _refused(current, str(e))
    except (ValueError, TypeError, KeyError) as e:  # a task option its shape cannot use
        return _refused(current, f"the task cannot use these settings: {e}")
    changed = changes(current, new)
    if not changed:
        return Proposal("unchanged", current.copy())
    if all(key in SETTING and SETTING[key].live for key in changed):
        return Proposal("live", new, live_changes=changed)
    too_big = too_large(new)  # before anything is built: a swap storm is no answer
    if too_big is not None:
        return _refused(current, too_big)
    try:
        experiment = Experiment(new)
    except (ConfigError, TaskError, NotImplementedError, ValueError) as e:
        return _refused(current, str(e))
    except Exception as e:  # a task that fails on these settings: say so, keep going
        return _refused(
            current,
            f"the experiment cannot be built with these settings ({type(e).__name__}: {e})",
        )
    n_train = len(experiment.dataset.train)
    batch = experiment.config.training.batch_size
    if batch > n_train:
        return _refused(
            current,
            f"training.batch_size: {batch} is more than the {n_train} training sequences; "
            "lower the batch size or raise the samples",
        )
    return Proposal("rebuild", experiment.config, experiment=experiment)


def _refused(current: ExperimentConfig, reason: str) -> Proposal:
    return Proposal("refused", current.copy(), reason=reason)


def changes(old: ExperimentConfig, new: ExperimentConfig) -> dict[str, Any]:
    """``{"section.name": new value}`` for every field that differs."""
    a, b = old.to_dict(), new.to_dict()
    return {
        f"{section}.{name}": value
        for section in ("task", "network", "training")
        for name, value in b[section].items()
        if a[section].get(name) != value
    }


def epoch_text(step: int, epoch: int, planned: int) -> str:
    """The epoch as a learner counts it (from 1; 0 before the first step), and the run it
    belongs to: "epoch 3 of 20", or "epoch 25 (past the 20 set)" when Play trained on."""
    current = epoch + 1 if step else 0  # the trainer counts from 0
    if current > planned:
        return f"epoch {current} (past the {planned} set)"
    return f"epoch {current} of {planned}"


# -- a metric beside its baseline ------------------------------------------------------------
def baseline_rule(baseline: Metric) -> str:
    """The rule of a baseline named ``"<rule>: <metric>"`` (:meth:`Task.baseline`)."""
    rule, sep, _ = baseline.name.partition(": ")
    return rule if sep else baseline.name


def baseline_for(metric_name: str, baselines: list[Metric]) -> Metric | None:
    """The baseline of the metric called ``metric_name`` among ``baselines``
    (:meth:`Task.baselines`), or ``None``."""
    for b in baselines:
        if b.name.partition(": ")[2] == metric_name:
            return b
    return None


@dataclass(frozen=True)
class Score:
    """A metric beside its baseline, in the same words wherever it is shown (command line,
    status bar, plots): the learner always sees by how much the network beats the rule."""

    metric: Metric
    baseline: Metric | None = None

    @property
    def margin(self) -> float | None:
        """How much better than the baseline (negative: worse), in the metric's units."""
        if self.baseline is None:
            return None
        d = float(self.metric.value) - float(self.baseline.value)
        return d if self.metric.higher_is_better else -d

    def comparison(self) -> str:
        """``better by 0.129`` / ``worse by 0.02`` / ``as good as the baseline``."""
        d = self.margin
        if d is None or not np.isfinite(d):
            return ""
        if f"{abs(d):.3g}" == "0":
            return "as good as the baseline"
        return f"{'better' if d > 0 else 'worse'} by {abs(d):.3g}"

    def words(self, translate: Callable[..., str] = tr) -> str:
        """:meth:`text` in the program's language; the window passes its own ``translate``
        (which also speaks the pseudo-language)."""
        tr = translate  # the name the strings are extracted by
        m, b = self.metric, self.baseline
        line = (tr("val {metric} {value:.3g} (higher is better)") if m.higher_is_better else
                tr("val {metric} {value:.3g} (lower is better)")).format(
                    metric=tr(m.name), value=float(m.value))
        if b is None:
            return line
        rule = tr(b.name.partition(": ")[0] if ": " in b.name else b.name)
        d = self.margin
        if d is None or not math.isfinite(d):
            versus = ""
        elif f"{abs(d):.3g}" == "0":
            versus = tr("as good as the baseline")
        else:
            versus = (tr("better by {d:.3g}") if d > 0 else
                      tr("worse by {d:.3g}")).format(d=abs(d))
        return tr('{line} · baseline "{rule}" {value:.3g} · {versus}').format(
            line=line, rule=rule, value=float(b.value), versus=versus)

    def text(self, prefix: str = "val ") -> str:
        """``val accuracy 0.931 (higher is better) · baseline "always O" 0.802 · better by
        0.129``."""
        m = self.metric
        better = "higher" if m.higher_is_better else "lower"
        line = f"{prefix}{m.name} {float(m.value):.3g} ({better} is better)"
        if self.baseline is not None:
            line += f" · {baseline_text(self.baseline)} · {self.comparison()}"
        return line

    def short(self) -> str:
        """For narrow places (the status bar): ``accuracy 0.931 (baseline 0.802)``; the
        whole :meth:`text` belongs in its tooltip."""
        line = f"{self.metric.name} {float(self.metric.value):.3g}"
        if self.baseline is not None:
            line += f" (baseline {float(self.baseline.value):.3g})"
        return line


def baseline_text(baseline: Metric) -> str:
    """``baseline "always O" 0.802``: the rule and its score."""
    return f'baseline "{baseline_rule(baseline)}" {float(baseline.value):.3g}'


def score_text(metric: Metric, baseline: Metric | None) -> str:
    """The command line's last line: the metric, the baseline and the difference."""
    return Score(metric, baseline).text()
