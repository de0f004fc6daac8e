"""The one object that describes an experiment: task, network and training settings.

The UI edits it, the engine and the tasks read it, files store it (JSON).  Nothing else
holds these numbers.  ``validate()`` refuses settings the engine cannot honour with a
message a learner can act on, so bad values are stopped at the control, not in a traceback.
What each setting may be (range, choices) is declared once, in :mod:`rnn_sandbox.fields`;
the checks here that involve several settings at once are the config's own.
"""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# The choices are declared with the settings; imported from here by the engine and tests.
from rnn_sandbox.fields import ARCHITECTURES as ARCHITECTURES
from rnn_sandbox.fields import ATTENTIONS as ATTENTIONS
from rnn_sandbox.fields import CELLS as CELLS
from rnn_sandbox.fields import DTYPES as DTYPES
from rnn_sandbox.fields import FEEDBACKS as FEEDBACKS
from rnn_sandbox.fields import INITS as INITS
from rnn_sandbox.fields import LOSSES as LOSSES
from rnn_sandbox.fields import MAX_INT as MAX_INT
from rnn_sandbox.fields import NONLINEARITIES as NONLINEARITIES
from rnn_sandbox.fields import OPTIMIZERS as OPTIMIZERS
from rnn_sandbox.fields import POOLINGS as POOLINGS
from rnn_sandbox.fields import check_section
from rnn_sandbox.translation import tr, whole

CONFIG_VERSION = 1

# The data a configuration implies must fit in memory comfortably: every entry point (the
# settings panel, a file being opened, the command line) checks it from the settings alone,
# before anything is allocated (see ``data_bytes``).
MAX_DATA_BYTES = 400_000_000
# Task options are small JSON values; deeper nesting is refused before anything recurses.
MAX_OPTION_DEPTH = 32


class ConfigError(ValueError):
    """A setting the engine cannot honour; the message says which and why."""


@dataclass
class TaskConfig:
    """Which task and its size knobs; ``options`` holds task-specific knobs."""

    name: str = "sine_forecast"
    seq_len: int = 40
    n_samples: int = 600
    val_fraction: float = 0.2
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class NetworkConfig:
    """Shape of the network.  ``input_size``/``output_size`` follow the task."""

    input_size: int = 1
    output_size: int = 1
    hidden_size: int = 16
    num_layers: int = 1
    bidirectional: bool = False
    cell: str = "rnn"
    nonlinearity: str = "tanh"
    architecture: str = "many_to_one"
    loss: str = "mse"
    # one-to-many: what is fed in after the first step ("output": previous output token,
    # "zero": a zero vector).  seq2seq always feeds the previous output token.
    feedback: str = "output"
    init: str = "uniform"
    spectral_radius: float = 1.0
    dtype: str = "float64"
    # Dense baseline only: how a sequence becomes one vector ("mean" over the real steps,
    # or "flatten" the padded steps side by side).
    pooling: str = "mean"
    # seq2seq only: how the decoder looks back at the encoder's outputs ("none": files
    # written before attention existed mean this).
    attention: str = "none"


@dataclass
class TrainingConfig:
    optimizer: str = "adam"
    learning_rate: float = 0.01
    momentum: float = 0.9
    batch_size: int = 32
    bptt_truncation: int = 0  # 0 = full backpropagation through time
    clip_norm: float = 5.0  # 0 = no clipping
    seed: int = 0
    epochs: int = 20


@dataclass
class ExperimentConfig:
    task: TaskConfig = field(default_factory=TaskConfig)
    network: NetworkConfig = field(default_factory=NetworkConfig)
    training: TrainingConfig = field(default_factory=TrainingConfig)

    # -- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["version"] = CONFIG_VERSION
        return d

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, sort_keys=True)

    @classmethod
    def from_dict(cls, d: Any) -> ExperimentConfig:
        """Build from a dict, refusing unknown keys, wrong types and newer versions."""
        if not isinstance(d, dict):
            raise ConfigError(tr("experiment settings must be a JSON object"))
        d = dict(d)
        version = d.pop("version", CONFIG_VERSION)
        if not isinstance(version, int) or version > CONFIG_VERSION or version < 1:
            raise ConfigError(
                tr("settings format version {version} is not supported (this program reads "
                   "version {supported})").format(version=repr(version),
                                                   supported=CONFIG_VERSION)
            )
        unknown = set(d) - {"task", "network", "training"}
        if unknown:
            raise ConfigError(tr("unknown section(s) in settings: {names}").format(
                names=", ".join(sorted(unknown))))
        cfg = cls(
            task=_section(TaskConfig, d.get("task", {}), "task"),
            network=_section(NetworkConfig, d.get("network", {}), "network"),
            training=_section(TrainingConfig, d.get("training", {}), "training"),
        )
        cfg.validate()
        return cfg

    @classmethod
    def from_json(cls, text: str) -> ExperimentConfig:
        try:
            d = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(tr("settings are not valid JSON: {error}").format(error=e)) from None
        return cls.from_dict(d)

    def copy(self) -> ExperimentConfig:
        return copy.deepcopy(self)

    # -- validation ----------------------------------------------------------------
    def validate(self) -> None:
        """Raise :class:`ConfigError` naming the first setting that cannot work."""
        validate_network(self.network)
        t = self.task
        _check_section("task", t)
        _check_section("training", self.training)
        _check(
            option_depth(t.options) <= MAX_OPTION_DEPTH,
            "task.options",
            tr("nested more than {depth} levels deep").format(depth=MAX_OPTION_DEPTH),
        )
        size = data_bytes(self)
        _check(
            size <= MAX_DATA_BYTES,
            "task.n_samples",
            tr("{samples} sequences of {steps} steps would take about {size} MB of memory (at "
               "most {limit} MB); fewer samples or shorter sequences").format(
                samples=t.n_samples, steps=t.seq_len, size=whole(size / 1e6),
                limit=whole(MAX_DATA_BYTES / 1e6)),
        )


def data_bytes(cfg: ExperimentConfig) -> int:
    """Bytes the data set of ``cfg`` may take at most: inputs, targets and both masks for
    every sample and step, at 8 bytes a number.  An upper bound from the settings alone, so
    it can be checked before a task generates anything or a file's arrays are read."""
    t, n = cfg.task, cfg.network
    return 8 * t.n_samples * t.seq_len * (n.input_size + n.output_size + 2)


def parameter_bound(n: NetworkConfig, seq_len: int) -> int:
    """More parameters than any network of these settings has (four gates, the widest
    layer input everywhere, an encoder and a decoder), for sizing what a file may hold."""
    H, O = n.hidden_size, n.output_size
    D = 2 if n.bidirectional else 1
    if n.cell == "dense":
        return (n.input_size * seq_len + 2) * H + (H + 1) * O
    widest = max(n.input_size, O, D * H)
    stack = n.num_layers * D * 4 * H * (widest + H + 2)
    attention = H * (2 * D * H + 2 * H + 2)  # additive scores (the most) and combine
    return 2 * stack + (D * H + 1) * O + attention


def option_depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion, so any depth is
    measured safely)."""
    deepest, todo = 0, [(value, 0)]
    while todo:
        v, depth = todo.pop()
        if isinstance(v, dict | list | tuple):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_OPTION_DEPTH:
                break
            todo.extend((c, depth) for c in (v.values() if isinstance(v, dict) else v))
    return deepest


def validate_network(n: NetworkConfig) -> None:
    """Ranges and choices (from the schema), then what the settings allow together."""
    _check_section("network", n)
    if n.cell == "dense":
        _check(
            n.architecture == "many_to_one" and n.loss in ("mse", "ce"),
            "network.cell",
            tr("the dense baseline reads a whole sequence and gives one output: it only fits "
               "many-to-one tasks"),
        )
    if n.architecture == "one_to_many":
        _check(
            not n.bidirectional,
            "network.bidirectional",
            tr("a one-to-many network generates step by step, so it cannot look ahead "
               "(bidirectional is not possible)"),
        )
        if n.feedback == "output":
            _check(
                n.input_size == n.output_size,
                "network.feedback",
                tr("feeding the output back needs as many inputs as outputs"),
            )
    if n.attention != "none":
        _check(
            n.architecture == "seq2seq",
            "network.attention",
            tr("attention lets a decoder look back at an encoder: only sequence-to-sequence "
               "networks have one"),
        )
        _check(
            n.attention != "dot" or not n.bidirectional,
            "network.attention",
            tr("dot scores multiply the decoder's state with an encoder output of the same "
               "size, so the encoder must read one way; with a bidirectional encoder choose "
               "general or additive"),
        )
    if n.loss == "ctc":
        _check(
            n.architecture == "many_to_many",
            "network.loss",
            tr("CTC reads an output at every frame (many-to-many)"),
        )
        _check(n.output_size >= 2, "network.output_size",
               tr("CTC needs the blank plus a label"))
    if n.loss == "ce":
        _check(n.output_size >= 2, "network.output_size",
               tr("classification needs 2+ classes"))


def _check_section(section: str, obj: Any) -> None:
    bad = check_section(section, obj)
    if bad is not None:
        raise ConfigError(f"{bad[0]}: {bad[1]}")


def _check(ok: bool, name: str, reason: str) -> None:
    if not ok:
        raise ConfigError(f"{name}: {reason}")


def _section(cls: type, d: Any, name: str) -> Any:
    if not isinstance(d, dict):
        raise ConfigError(tr("settings section '{name}' must be an object").format(name=name))
    known = {f.name: f for f in fields(cls)}
    unknown = set(d) - set(known)
    if unknown:
        raise ConfigError(tr("unknown setting(s) in '{section}': {names}").format(
            section=name, names=", ".join(sorted(unknown))))
    default = cls()
    kwargs = {}
    for key, value in d.items():
        expected = type(getattr(default, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            try:
                value = float(value)
            except OverflowError:
                raise ConfigError(f"{name}.{key}: " + tr("the number is out of range")) from None
        if expected is dict:
            if not isinstance(value, dict):
                raise ConfigError(f"{name}.{key}: " + tr("must be an object"))
        elif not isinstance(value, expected) or (
            expected is int and isinstance(value, bool)
        ):
            raise ConfigError(f"{name}.{key}: " + tr("expected {expected}, got {given}").format(
                expected=expected.__name__, given=type(value).__name__))
        kwargs[key] = value
    return cls(**kwargs)
