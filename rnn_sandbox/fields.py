"""Every setting of an experiment, declared once: what it is called, what it may be, how it
is shown and whether it applies while training.

``ExperimentConfig.validate()`` checks ranges and choices from here, the settings panel
builds its controls from here, the command line its options, the diagram its limits, and
``session.propose`` decides from ``live`` whether a change needs a new network.  Nothing
here imports Qt or the rest of the program, so every one of them can read it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any, cast

from rnn_sandbox.translation import tr, whole

# "dense" is the feed-forward baseline (no recurrence) that shows what an RNN adds.
# minGRU and minLSTM: gates that read only x_t (rnn_sandbox/engine/minimal.py); every recurrent
# cell is registered in rnn_sandbox/engine/cell_table.py.
CELLS = ("rnn", "lstm", "gru", "mingru", "minlstm", "dense")
POOLINGS = ("mean", "flatten")
NONLINEARITIES = ("tanh", "relu")
ARCHITECTURES = ("many_to_one", "many_to_many", "one_to_many", "seq2seq")
LOSSES = ("mse", "ce", "ctc")
INITS = ("uniform", "xavier", "orthogonal", "spectral")
OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam")
FEEDBACKS = ("output", "zero")
DTYPES = ("float64", "float32")
# How a sequence-to-sequence decoder looks back at the encoder's steps ("none": it gets
# only the encoder's final state); see rnn_sandbox/engine/attention.py.
ATTENTIONS = ("none", "dot", "general", "additive")

# Whole numbers (seed, epochs) beyond this are refused: they only ever come from typos or
# crafted files, and NumPy and the plots work with 64-bit integers.
MAX_INT = 2**62

# How a choice is shown to a learner (menus, undo texts); a choice not listed shows as is.
CHOICE_LABELS = {
    "uniform": "uniform ±1/√H (PyTorch)",
    "xavier": "Xavier/Glorot",
    "orthogonal": "orthogonal",
    "spectral": "scaled to spectral radius",
    "sgd": "SGD",
    "momentum": "SGD with momentum",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "rnn": "simple RNN",
    "lstm": "LSTM",
    "gru": "GRU",
    "mingru": "minGRU (gates read only x)",
    "minlstm": "minLSTM (gates read only x)",
    "dense": "dense (no recurrence)",
    "mean": "mean of the steps",
    "flatten": "steps side by side",
    "none": "none (final state only)",
    "dot": "dot product sᵀh",
    "general": "general sᵀW h",
    "additive": "additive vᵀtanh(W s + U h)",
}

SECTIONS = ("network", "training", "task")  # the order the settings panel shows them in


@dataclass(frozen=True)
class Setting:
    """One setting of :class:`~rnn_sandbox.config.ExperimentConfig`.

    ``lo``/``hi`` bound the allowed values (excluded when ``lo_open``/``hi_open``);
    ``too_low``/``too_high`` are the reasons given when a value falls outside.
    ``enabled_when(config)`` says whether the setting matters for ``config`` (a control
    that does not is greyed out).  ``live`` settings apply while training, without a new
    network.  ``panel``: shown in the settings panel; ``cli``: the command-line option.
    """

    section: str  # "task", "network" or "training"
    name: str
    label: str
    help: str
    kind: str  # "int", "float", "bool", "choice"
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    too_low: str = ""
    too_high: str = ""
    unit: str = ""
    decimals: int = 3
    step: float = 1
    choices: tuple[str, ...] = ()
    enabled_when: Callable[[Any], bool] | None = None
    live: bool = False
    panel: bool = True
    # The control's top when the allowed range is wider than is useful to step through
    # (or than a 32-bit spin box holds).
    control_hi: float | None = None
    cli: str = ""
    metavar: str | None = None

    @property
    def key(self) -> str:
        return f"{self.section}.{self.name}"

    def describe(self, while_training: bool = True) -> str:
        """Help with the allowed values and (``while_training``: in the app, where a model
        trains as settings change) whether a change applies at once, in the program's
        language (the window's translations of the same strings)."""
        text = tr(self.help)
        if self.kind in ("int", "float"):
            text = tr("{help}; {range}").format(help=text, range=self.range_text())
        if self.live and while_training:
            text = tr("{help}; can be changed while training and takes effect at the next "
                      "step").format(help=text)
        return text

    def check(self, value: Any) -> str | None:
        """Why ``value`` is not allowed (without the setting's name), or ``None``."""
        if self.kind == "choice":
            return None if value in self.choices else tr("one of {choices}").format(
                choices=self.choices)
        if self.kind == "bool":
            return None if value in (True, False) else tr("must be true or false")
        if isinstance(value, bool) or not isinstance(
            value, Integral if self.kind == "int" else Real
        ):
            return tr("must be a whole number") if self.kind == "int" else tr(
                "must be a number")
        # Any Real compares with a float bound; typeshed's numbers.Real does not say so.
        value = cast(float, value)
        if self.kind == "float" and not math.isfinite(value):
            return tr("must be a finite number")
        if self.lo is not None and (value <= self.lo if self.lo_open else value < self.lo):
            return tr(self.too_low) if self.too_low else self._interval()
        if self.hi is not None and (value >= self.hi if self.hi_open else value > self.hi):
            return tr(self.too_high) if self.too_high else self._interval()
        return None

    def _interval(self) -> str:
        if self.lo is None or self.hi is None:
            above = self.hi is None
            bound, strict = (self.lo, self.lo_open) if above else (self.hi, self.hi_open)
            assert bound is not None  # only a value beyond a bound is out of range
            if strict:
                text = tr("must be above {bound}") if above else tr("must be below {bound}")
            else:
                text = tr("at least {bound}") if above else tr("at most {bound}")
            return text.format(bound=_num(bound))
        left, right = "(" if self.lo_open else "[", ")" if self.hi_open else "]"
        return tr("must lie in {interval}").format(
            interval=f"{left}{_num(self.lo)}, {_num(self.hi)}{right}")

    def range_text(self) -> str:
        """The allowed values in words, e.g. ``1 to 1024 neurons`` or ``0 < x < 100``, in the
        program's language."""
        if self.kind == "choice":
            return ", ".join(self.choices)
        if self.kind == "bool":
            return tr("on or off")
        lo = self.lo
        hi = None if self.hi == MAX_INT else self.hi  # that bound only guards against typos
        if lo is not None and hi is not None and not (self.lo_open or self.hi_open):
            text = tr("{low} to {high}").format(low=_num(lo), high=_num(hi))
        elif hi is None and lo is None:
            text = tr("any number")
        elif hi is None:
            assert lo is not None  # the case of neither bound is the one before
            text = (tr("above {low}") if self.lo_open else tr("{low} or more")).format(
                low=_num(lo))
        else:
            top = (tr("below {high}") if self.hi_open else tr("up to {high}")).format(
                high=_num(hi))
            text = top if lo is None else (
                tr("above {low}, {top}") if self.lo_open else tr("from {low}, {top}")).format(
                    low=_num(lo), top=top)
        return tr("{range} {unit}").format(range=text, unit=tr(self.unit)) if self.unit else text

    def control_range(self) -> tuple[float, float]:
        """Limits of the control: down to 0 on purpose (stepping below the smallest useful
        value explains why it is the smallest), up to the largest allowed value."""
        if self.control_hi is not None:
            hi = self.control_hi
        elif self.hi is None:
            raise ValueError(f"{self.key} needs a control_hi: it has no upper bound")
        elif self.hi_open:
            hi = self.hi - (1 if self.kind == "int" else 10.0**-self.decimals)
        else:
            hi = self.hi
        return (min(0, self.lo if self.lo is not None else 0), hi)


def _num(x: float) -> str:
    return whole(x) if isinstance(x, int) else f"{x:g}"


def _recurrent(c: Any) -> bool:
    return c.network.cell != "dense"


_S = Setting
SETTINGS: tuple[Setting, ...] = (
    # -- network ---------------------------------------------------------------------------
    _S("network", "cell", "Cell", "The recurrent unit of each layer", "choice",
       choices=CELLS, cli="cell"),
    _S("network", "hidden_size", "Hidden size", "Hidden neurons per layer and direction",
       "int", 1, 1024, too_low="at least one hidden neuron",
       too_high="at most 1024 hidden neurons", unit="neurons", cli="hidden", metavar="N"),
    _S("network", "num_layers", "Layers", "Stacked recurrent layers", "int", 1, 3,
       too_low="1 to 3 layers", too_high="1 to 3 layers", unit="layers",
       enabled_when=_recurrent, cli="layers", metavar="N"),
    _S("network", "bidirectional", "Bidirectional",
       "A second layer reads the sequence backwards; their states are concatenated", "bool",
       enabled_when=lambda c: _recurrent(c) and c.network.architecture != "one_to_many",
       cli="bidirectional"),
    _S("network", "attention", "Attention",
       "Sequence-to-sequence: at every step the decoder weighs all encoder steps and reads "
       "their weighted sum (none: the encoder's final state is all it gets)",
       "choice", choices=ATTENTIONS,
       enabled_when=lambda c: _recurrent(c) and c.network.architecture == "seq2seq",
       cli="attention"),
    _S("network", "nonlinearity", "Nonlinearity", "Activation of the hidden state", "choice",
       choices=NONLINEARITIES, cli="nonlinearity",
       # PyTorch's too: only nn.RNN has it; the gated and minimal cells fix their squashes.
       enabled_when=lambda c: c.network.cell == "rnn"),
    _S("network", "pooling", "Dense input",
       "How the dense baseline squeezes a sequence into one vector: the mean of the "
       "steps (order lost) or all steps side by side (fixed length)",
       "choice", choices=POOLINGS, enabled_when=lambda c: c.network.cell == "dense"),
    _S("network", "init", "Initialisation", "How the weights start", "choice",
       choices=INITS, cli="init"),
    _S("network", "spectral_radius", "Spectral radius",
       "Largest |eigenvalue| of W_hh with 'scaled to spectral radius' initialisation: "
       "above 1 gradients tend to explode, below 1 to vanish",
       "float", 0.0, 10.0, lo_open=True, decimals=2, step=0.1,
       enabled_when=lambda c: c.network.init == "spectral", cli="spectral-radius",
       metavar="R"),
    # Decided by the task (see Task.shape), so neither shown nor offered as options.
    _S("network", "architecture", "Architecture", "How inputs and outputs line up in time",
       "choice", choices=ARCHITECTURES, panel=False),
    _S("network", "loss", "Loss", "What the training minimises", "choice", choices=LOSSES,
       panel=False),
    _S("network", "feedback", "Feedback",
       "One-to-many: what is fed in after the first step (the previous output or zeros)",
       "choice", choices=FEEDBACKS, panel=False),
    _S("network", "input_size", "Inputs", "Input neurons (one per feature of a step)", "int",
       1, too_low="at least one input neuron", panel=False),
    _S("network", "output_size", "Outputs", "Output neurons", "int", 1,
       too_low="at least one output neuron", panel=False),
    _S("network", "dtype", "Precision", "Number format of the weights and the data",
       "choice", choices=DTYPES, panel=False, cli="dtype"),
    # -- training --------------------------------------------------------------------------
    _S("training", "optimizer", "Optimizer", "Update rule", "choice", choices=OPTIMIZERS,
       cli="optimizer"),
    _S("training", "learning_rate", "Learning rate",
       "Step size of each update", "float", 0.0, 100.0, lo_open=True, hi_open=True,
       too_low="must be positive (and below 100)", too_high="must be positive (and below 100)",
       decimals=5, step=0.001, live=True, control_hi=10.0, cli="lr", metavar="RATE"),
    _S("training", "momentum", "Momentum", "For SGD with momentum", "float", 0.0, 1.0,
       hi_open=True, step=0.05, enabled_when=lambda c: c.training.optimizer == "momentum",
       cli="momentum", metavar="M"),
    _S("training", "batch_size", "Batch size", "Sequences per training step", "int",
       1, 100_000, too_low="at least 1", too_high="at most 100000", unit="sequences",
       cli="batch-size", metavar="N"),
    _S("training", "epochs", "Epochs",
       "Passes over the training set in a run (Play pauses after them)", "int", 1, MAX_INT,
       too_low="at least 1",
       too_high="absurdly large number", unit="epochs", live=True, control_hi=100_000,
       cli="epochs", metavar="N"),
    _S("training", "bptt_truncation", "BPTT truncation",
       "Backpropagate through at most this many steps (0: the whole sequence)",
       "int", 0, too_low="0 (full) or a positive k", unit="steps", enabled_when=_recurrent,
       control_hi=10_000, cli="bptt", metavar="K"),
    _S("training", "clip_norm", "Gradient clipping",
       "Rescale the gradient when its norm exceeds this (0: off)", "float", 0.0,
       too_low="0 (off) or a positive norm", decimals=2, step=0.5, control_hi=1000.0,
       cli="clip", metavar="NORM"),
    _S("training", "seed", "Seed", "Seeds the data, the initial weights and the batch order",
       "int", 0, MAX_INT, too_low="must be a non-negative integer",
       too_high="absurdly large number", control_hi=2**31 - 1, cli="seed",
       metavar="N"),
    # -- task ------------------------------------------------------------------------------
    _S("task", "seq_len", "Sequence length", "Time steps per sequence", "int", 1, 10_000,
       too_low="the sequence needs at least one time step", too_high="at most 10000 time steps",
       unit="steps", cli="seq-len", metavar="T"),
    _S("task", "n_samples", "Samples", "Sequences in the data set (train + validation)",
       "int", 4, 1_000_000, too_low="at least 4 samples are needed",
       too_high="at most 1,000,000 samples", unit="sequences", cli="samples", metavar="N"),
    _S("task", "val_fraction", "Validation fraction",
       "Share of the samples kept aside to measure generalisation", "float", 0.0, 1.0,
       lo_open=True, hi_open=True, too_low="must lie between 0 and 1",
       too_high="must lie between 0 and 1", panel=False),
)
del _S

SETTING: Mapping[str, Setting] = {s.key: s for s in SETTINGS}


def settings_of(section: str) -> tuple[Setting, ...]:
    """The settings of one section, in the order they are declared (and shown)."""
    return tuple(s for s in SETTINGS if s.section == section)


def check_section(section: str, obj: Any) -> tuple[str, str] | None:
    """The first setting of ``section`` whose value in ``obj`` is not allowed, as
    ``(key, reason)``, or ``None``."""
    for s in settings_of(section):
        reason = s.check(getattr(obj, s.name))
        if reason is not None:
            return s.key, reason
    return None


def is_enabled(setting: Setting, config: Any, forced: frozenset[str] = frozenset()) -> bool:
    """Whether ``setting`` matters for ``config``; ``forced``: the network fields the task
    decides (they cannot be changed, so their control is greyed out too)."""
    if setting.section == "network" and setting.name in forced:
        return False
    return setting.enabled_when is None or bool(setting.enabled_when(config))


def limits(key: str) -> tuple[int, int]:
    """Smallest and largest allowed value of a whole-number setting, for views that step
    it (the diagram's add/remove buttons for ``network.hidden_size`` and
    ``network.num_layers``)."""
    s = SETTING[key]
    if s.kind != "int" or s.lo is None or s.hi is None:
        raise ValueError(f"{key} is not a bounded whole number")
    return int(s.lo) + int(s.lo_open), int(s.hi) - int(s.hi_open)


def diagram_limits() -> dict[str, tuple[int, int]]:
    """What the diagram's gestures may reach: hidden neurons and layers."""
    return {k: limits(k) for k in ("network.hidden_size", "network.num_layers")}


def choice_label(value: Any) -> str:
    """How a value is shown to a learner (choices by their label)."""
    return CHOICE_LABELS.get(value, value) if isinstance(value, str) else str(value)
