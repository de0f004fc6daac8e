"""What every task provides, and the catalogue that registers them.

Adding a task is one new module in this package that subclasses :class:`Task` and calls
:func:`register`; ``rnn_sandbox.tasks`` imports the modules listed in ``TASK_MODULES``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from rnn_sandbox.config import ExperimentConfig, NetworkConfig, TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.language import localized, resource_folder
from rnn_sandbox.tasks.features import input_features, step_feature, text_features
from rnn_sandbox.translation import columns, number, pad, tr

# The task types a course on RNNs teaches, in teaching order, with display names.
TASK_TYPES: dict[str, str] = {
    "many_to_one": "Many-to-one",
    "one_to_many": "One-to-many",
    "many_to_many": "Many-to-many (aligned)",
    "seq2seq": "Sequence-to-sequence",
    "ctc": "CTC (frames to labels)",
}


class TaskError(ValueError):
    """Bad task input (a CSV with gaps, an unknown task, sizes that do not fit)."""


@dataclass
class Metric:
    name: str  # e.g. "accuracy", "MAE"
    value: float
    higher_is_better: bool = True


class Task:
    """Base class: a seeded generator plus how to read and render its samples.

    Subclasses set the class attributes and implement :meth:`generate`, :meth:`shape`,
    :meth:`metric`, :meth:`baseline_outputs`, :meth:`render_sample` and
    :meth:`render_prediction`.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    kind: ClassVar[str] = ""  # a key of TASK_TYPES
    summary: ClassVar[str] = ""  # one line for lists and tooltips
    # Defaults for the task's size knobs and network; overridden per task.
    default_task: ClassVar[dict[str, Any]] = {}
    default_network: ClassVar[dict[str, Any]] = {}
    default_training: ClassVar[dict[str, Any]] = {}
    # The trivial rule the network has to beat, in a few words ("always O", "copy the
    # source order"); its outputs come from :meth:`baseline_outputs`.
    baseline_rule: ClassVar[str] = ""
    # By how much a default run (the task's defaults, its epochs) beats the baseline on
    # the main metric, in the metric's units: a promise kept for seeds 0-4.
    margin: ClassVar[float] = 0.0
    # Classes that are words for the learner ("negative", "positive"), marked QT_TR_NOOP:
    # :meth:`class_names` gives them in the learner's language (other tasks' classes are
    # their data: tags, characters).
    word_classes: ClassVar[tuple[str, ...]] = ()
    # A task whose network writes freely after a prompt (:meth:`writer`) names what it
    # writes in ("characters", "words"); the window offers its Sample panel for it, with
    # ``prompt_example`` to start from.
    writes: ClassVar[str] = ""
    prompt_example: ClassVar[str] = ""

    # -- what subclasses implement -----------------------------------------------------
    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        raise NotImplementedError

    def shape(self, cfg: TaskConfig) -> dict[str, Any]:
        """Network fields fixed by the task: input_size, output_size, architecture, loss."""
        raise NotImplementedError

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Task metric of the network's inference outputs on ``batch``."""
        raise NotImplementedError

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        raise NotImplementedError

    def render_prediction(
        self, dataset: Dataset, index: int, outputs: np.ndarray, split: str = "val"
    ) -> str:
        """Text for the GUI: the sample's input, target and ``outputs`` (one sample)."""
        raise NotImplementedError

    def extra_metrics(self, outputs: np.ndarray, batch: Batch) -> list[Metric]:
        """Further numbers worth showing beside the main metric (none by default)."""
        return []

    def report_tables(self, outputs: np.ndarray, batch: Batch) -> list[str]:
        """Text tables the command line's report adds after the scores (none by default):
        a breakdown of the metric on ``batch`` given the network's ``outputs``."""
        return []

    def step_labels(self, dataset: Dataset, index: int, split: str = "val") -> dict[str, list[str]]:
        """Names of a sample's time steps for the plots' time axes (its words or characters).

        Keys: the stack whose steps they name, as :class:`~rnn_sandbox.engine.Anatomy`
        names its parts (``""``, or ``"encoder"`` and ``"decoder"``): what the network
        reads at each step; ``"outputs"``: what it should answer at each output step.
        By default the words of inputs that are one-hot over ``meta["vocab"]``, which an
        aligned (many-to-many) task also answers at, and the words a generative task
        (one-to-many, sequence-to-sequence) should write; empty when the steps have no
        names.
        """
        b = getattr(dataset, split)
        vocab = dataset.meta.get("vocab")
        if not isinstance(vocab, list | tuple):
            return {}
        labels: dict[str, list[str]] = {}
        x = np.asarray(b.x[index])
        if x.ndim == 2 and x.shape[1] == len(vocab):
            n = len(x) if b.mask is None else int(np.asarray(b.mask[index]).sum())
            labels[""] = [str(vocab[int(i)]) for i in x[:n].argmax(axis=-1)]
            if self.kind == "many_to_many":
                labels["outputs"] = labels[""]
        y = np.asarray(b.y[index])
        if self.kind in ("one_to_many", "seq2seq") and y.ndim == 1 and y.dtype.kind in "iu":
            m = len(y) if b.y_mask is None else int(np.asarray(b.y_mask[index]).sum())
            labels["outputs"] = [str(vocab[int(i)]) for i in y[:m]]
        return labels

    def class_names(self, dataset: Dataset) -> list[str]:
        """The names of a classifying task's classes (:attr:`word_classes` translated, else
        ``meta["classes"]``), else none."""
        if self.word_classes:
            return [tr(c) for c in self.word_classes]
        names = dataset.meta.get("classes")
        return [str(n) for n in names] if isinstance(names, list | tuple) else []

    def read_steps(self, dataset: Dataset, split: str = "val") -> tuple[int, np.ndarray | None]:
        """How many steps the network reads per sample (a generating network's decoder steps,
        fed the targets in training; else the input's steps: the encoder's for seq2seq) and
        their mask ``(samples, steps)`` (``None``: no padding)."""
        b = getattr(dataset, split)
        if self.kind == "one_to_many":
            return int(np.asarray(b.y).shape[1]), b.y_mask
        return int(np.asarray(b.x).shape[1]), b.mask

    def unit_features(
        self, dataset: Dataset, indices: Sequence[int], split: str = "val"
    ) -> dict[str, np.ndarray]:
        """Simple features a hidden unit may follow, each ``(len(indices), steps)`` over the
        steps the network reads (:meth:`read_steps`): the step's number; for a text, what
        :func:`~rnn_sandbox.tasks.features.text_features` finds in its characters or words;
        for a series, its input numbers.  Tasks add their own (the marked token, the time of
        day)."""
        b = getattr(dataset, split)
        idx = [int(i) for i in indices]
        steps, mask = self.read_steps(dataset, split)
        feats = {"step": step_feature(len(idx), steps, None if mask is None else mask[idx])}
        key = "encoder" if self.kind == "seq2seq" else ""
        tokens = [self.step_labels(dataset, i, split).get(key) for i in idx]
        if idx and all(tokens):
            feats.update(text_features([t or [] for t in tokens], steps))
        elif np.asarray(b.x).shape[1] == steps and not isinstance(
                dataset.meta.get("vocab"), list | tuple):
            feats.update(input_features(np.asarray(b.x)[idx], dataset.meta.get("feature_names")))
        return feats

    def written_tokens(self, dataset: Dataset, outputs: np.ndarray) -> list[str]:
        """What a generating network wrote at each output step of ``outputs``
        ``(steps, classes)``, by the names the task gives its classes (its vocabulary), or
        the step's number when it names none."""
        for key in ("classes", "tags", "symbols", "vocab"):
            names = dataset.meta.get(key)
            if isinstance(names, list | tuple) and len(names) == outputs.shape[-1]:
                return [str(names[int(i)]) for i in np.asarray(outputs).argmax(axis=-1)]
        return [str(t + 1) for t in range(len(outputs))]

    def render_alignment(
        self, dataset: Dataset, index: int, outputs: np.ndarray, alpha: np.ndarray,
        split: str = "val",
    ) -> str:
        """Where an attending network looked while it wrote sample ``index``: a row per
        written token, a column per real source step (named by :meth:`step_labels`, else
        numbered), each attention weight in percent (``alpha``: ``(steps, source)``)."""
        b = getattr(dataset, split)
        n_src = alpha.shape[-1] if b.mask is None else int(np.asarray(b.mask[index]).sum())
        sources = self.step_labels(dataset, index, split).get("encoder")
        if not sources or len(sources) != n_src:
            sources = [str(j + 1) for j in range(n_src)]
        written = self.written_tokens(dataset, outputs)
        return alignment_table(np.asarray(alpha)[: len(written), :n_src], written, sources)

    def writer(
        self, network: Any, dataset: Dataset, prompt: str, temperature: float, seed: int
    ) -> tuple[str, Iterator[str]]:
        """For a task that :attr:`writes`: the prompt as the network reads it, and what the
        network writes after it, one piece (a character, a word) at a time, for as long as
        it writes (a text has no end; a caption ends with its end token).
        The same network, prompt, temperature and seed write the same text.  Raises
        :class:`TaskError` with a readable reason (a prompt outside the alphabet, ...)."""
        raise TaskError(tr("the network of “{title}” does not write").format(
            title=tr(self.title) if self.title else self.name))

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray | None:
        """What the trivial rule (:attr:`baseline_rule`) answers on ``dataset.val``, shaped
        like the network's inference outputs, so the baseline is scored by the very
        metric that scores the network (``None``: the task has no baseline)."""
        return None

    def baseline(self, dataset: Dataset) -> Metric | None:
        """The main metric of the trivial rule on the validation set, named
        ``"<rule>: <metric>"``; the trained model should beat it."""
        outputs = self.baseline_outputs(dataset)
        if outputs is None:
            return None
        return self._as_baseline(dataset, self.metric(outputs, dataset.val))

    def baselines(self, dataset: Dataset) -> list[Metric]:
        """The baseline of every number shown: the main metric's, then one per
        :meth:`extra_metrics`, all of the same outputs (empty without a baseline)."""
        outputs = self.baseline_outputs(dataset)
        if outputs is None:
            return []
        val = dataset.val
        scores = [self.metric(outputs, val), *self.extra_metrics(outputs, val)]
        return [self._as_baseline(dataset, m) for m in scores]

    def baseline_rule_for(self, dataset: Dataset) -> str:
        """The rule :meth:`baseline_outputs` follows on ``dataset`` (a task that picks
        one of several rules by the data names the one it picked)."""
        return self.baseline_rule

    def _as_baseline(self, dataset: Dataset, m: Metric) -> Metric:
        rule = self.baseline_rule_for(dataset)
        return Metric(f"{rule}: {m.name}", float(m.value), m.higher_is_better)

    # -- shared behaviour ---------------------------------------------------------------
    def make(self, cfg: TaskConfig, seed: int) -> Dataset:
        """The dataset for ``cfg``; the same seed gives the same data, bit for bit."""
        if cfg.name != self.name:
            raise TaskError(tr("task settings are for '{given}', not '{task}'").format(
                given=cfg.name, task=self.name))
        return self.generate(cfg, np.random.default_rng(seed))

    def apply_shape(self, net: NetworkConfig, cfg: TaskConfig) -> None:
        """Force the network fields the task decides (sizes, architecture, loss)."""
        for key, value in self.shape(cfg).items():
            setattr(net, key, value)

    def default_config(self) -> ExperimentConfig:
        cfg = ExperimentConfig()
        # Deep copies: editing a config's options must never change the task's defaults.
        cfg.task = TaskConfig(name=self.name, **copy.deepcopy(self.default_task))
        for key, value in copy.deepcopy(self.default_network).items():
            setattr(cfg.network, key, value)
        for key, value in copy.deepcopy(self.default_training).items():
            setattr(cfg.training, key, value)
        self.apply_shape(cfg.network, cfg.task)
        cfg.validate()
        return cfg

    def description(self) -> str:
        """The explanatory Markdown text shipped in ``resources/tasks/<name>.md``, in the
        language in use where it is translated (:func:`rnn_sandbox.language.localized`)."""
        return localized("tasks", f"{self.name}.md")


def class_verdict(outputs: np.ndarray, truth: int, names: Sequence[str]) -> str:
    """A sequence's class as the network guesses it beside the truth: ``network: positive
    (73%)   truth: negative   (wrong)``."""
    logits = np.ravel(outputs)
    z = np.exp(logits - logits.max())
    probs = z / z.sum()
    guess = int(probs.argmax())
    verdict = (tr("network: {guess} ({share})   truth: {truth}   (right)") if guess == truth
               else tr("network: {guess} ({share})   truth: {truth}   (wrong)"))
    return verdict.format(guess=names[guess], share=number(probs[guess], ".0%"),
                          truth=names[truth])


def alignment_table(alpha: np.ndarray, rows: list[str], sources: list[str]) -> str:
    """Attention weights ``alpha`` ``(rows, columns)`` as a text table in percent, the
    written tokens down the side and the source tokens along the top."""
    head = tr("wrote", "the column of written words")
    left = max([columns(r) for r in rows] + [columns(head)])
    widths = [max(columns(c), 3) for c in sources]
    lines = [
        pad(head, left) + "  " + "  ".join(" " * (w - columns(c)) + c
                                           for c, w in zip(sources, widths, strict=True))
    ]
    for row, weights in zip(rows, alpha, strict=True):
        cells = (f"{100 * float(a):.0f}".rjust(w) for a, w in zip(weights, widths, strict=True))
        lines.append(pad(row, left) + "  " + "  ".join(cells))
    return "\n".join(lines)


def read_resource(*parts: str) -> str:
    """Text of a file under the top-level ``resources/`` folder (or the packaged copy)."""
    path = resource_path(*parts)
    return path.read_text(encoding="utf-8")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``: the copy an installed wheel carries inside the
    package (``rnn_sandbox/resources``), or the top-level folder of a source checkout."""
    return resource_folder().joinpath(*parts)


_REGISTRY: dict[str, Task] = {}


def register(task_cls: type[Task]) -> type[Task]:
    """Class decorator: add a task to the catalogue."""
    if not task_cls.name or task_cls.kind not in TASK_TYPES:
        raise TypeError(f"task {task_cls!r} needs a name and a kind from TASK_TYPES")
    _REGISTRY[task_cls.name] = task_cls()
    return task_cls


def get_task(name: str) -> Task:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise TaskError(tr("there is no task named '{name}' (known tasks: {known})").format(
            name=name, known=known)) from None


def all_tasks() -> list[Task]:
    """Tasks in teaching order of their type, then in registration order."""
    order = list(TASK_TYPES)
    return sorted(_REGISTRY.values(), key=lambda t: order.index(t.kind))


def one_hot(indices: np.ndarray, size: int, dtype: Any = np.float64) -> np.ndarray:
    out = np.zeros(indices.shape + (size,), dtype=dtype)
    np.put_along_axis(out, indices[..., None].astype(np.intp), 1.0, axis=-1)
    return out
