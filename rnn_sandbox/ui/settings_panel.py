"""Controls bound to the fields of :class:`ExperimentConfig`.

Each control edits one field.  A change becomes a candidate configuration that is checked
(the task's shape applied, then ``validate()``, then the size of the data) before it is
handed on; a refused value puts the control back and says why above the form, never as a
traceback.  The counting controls reach down to 0 on purpose: stepping below the smallest
useful value explains why it is the smallest instead of silently stopping there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.config import (
    CELLS,
    INITS,
    NONLINEARITIES,
    OPTIMIZERS,
    POOLINGS,
    ConfigError,
    ExperimentConfig,
)
from rnn_sandbox.tasks import TaskError, get_task

LABELS = {
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
    "dense": "dense (no recurrence)",
    "mean": "mean of the steps",
    "flatten": "steps side by side",
}


@dataclass
class Field:
    section: str  # "task", "network" or "training"
    name: str
    label: str
    tip: str
    kind: str  # "int", "float", "bool", "choice"
    lo: float = 0
    hi: float = 0
    decimals: int = 3
    step: float = 1
    choices: tuple[str, ...] = ()


FIELDS: list[tuple[str, list[Field]]] = [
    ("Network", [
        Field("network", "cell", "Cell", "The recurrent unit of each layer", "choice",
              choices=CELLS),
        Field("network", "hidden_size", "Hidden size", "Hidden neurons per layer and direction",
              "int", 0, 1024),
        Field("network", "num_layers", "Layers", "Stacked recurrent layers", "int", 0, 3),
        Field("network", "bidirectional", "Bidirectional",
              "A second layer reads the sequence backwards; their states are concatenated",
              "bool"),
        Field("network", "nonlinearity", "Nonlinearity", "Activation of the hidden state",
              "choice", choices=NONLINEARITIES),
        Field("network", "pooling", "Dense input",
              "How the dense baseline squeezes a sequence into one vector: the mean of the "
              "steps (order lost) or all steps side by side (fixed length)",
              "choice", choices=POOLINGS),
        Field("network", "init", "Initialisation", "How the weights start", "choice",
              choices=INITS),
        Field("network", "spectral_radius", "Spectral radius",
              "Largest |eigenvalue| of W_hh with 'scaled to spectral radius' initialisation: "
              "above 1 gradients tend to explode, below 1 to vanish",
              "float", 0.0, 10.0, 2, 0.1),
    ]),
    ("Training", [
        Field("training", "optimizer", "Optimizer", "Update rule", "choice", choices=OPTIMIZERS),
        Field("training", "learning_rate", "Learning rate",
              "Step size; can be changed while training and takes effect at the next step",
              "float", 0.0, 10.0, 5, 0.001),
        Field("training", "momentum", "Momentum", "For SGD with momentum", "float",
              0.0, 0.999, 3, 0.05),
        Field("training", "batch_size", "Batch size", "Sequences per training step", "int",
              0, 100_000),
        Field("training", "epochs", "Epochs",
              "Passes over the training set before Play pauses by itself; can be changed "
              "while training", "int", 0, 100_000),
        Field("training", "bptt_truncation", "BPTT truncation",
              "Backpropagate through at most this many steps (0: the whole sequence)",
              "int", 0, 10_000),
        Field("training", "clip_norm", "Gradient clipping",
              "Rescale the gradient when its norm exceeds this (0: off)", "float",
              0.0, 1000.0, 2, 0.5),
        Field("training", "seed", "Seed",
              "Seeds the data, the initial weights and the batch order", "int", 0, 2**31 - 1),
    ]),
    ("Task", [
        Field("task", "seq_len", "Sequence length", "Time steps per sequence", "int", 0, 10_000),
        Field("task", "n_samples", "Samples", "Sequences in the data set (train + validation)",
              "int", 0, 1_000_000),
    ]),
]


def candidate_error(cfg: ExperimentConfig) -> str | None:
    """Why ``cfg`` cannot be built, or ``None``.  Checks that need the data itself (e.g. a
    batch larger than the training set, a sequence longer than a task's data) are made
    when the experiment is built."""
    try:
        probe = cfg.copy()
        get_task(probe.task.name).apply_shape(probe.network, probe.task)
        probe.validate()
    except (ConfigError, TaskError) as e:
        return str(e)
    return None


class SettingsPanel(QWidget):
    """Form of the experiment's settings.  ``on_request(cfg, description)`` receives each
    edit and returns an error message (shown, control reverted) or ``None``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_request: Callable[[ExperimentConfig, str], str | None] = lambda c, d: None
        self.config = ExperimentConfig()
        self.controls: dict[str, QWidget] = {}
        self.fields: dict[str, Field] = {}
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 4, 4, 4)
        for title, fields in FIELDS:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for f in fields:
                w = self._make(f)
                w.setToolTip(f.tip)
                label = QLabel(f.label)
                label.setToolTip(f.tip)
                form.addRow(label, w)
                key = f"{f.section}.{f.name}"
                self.controls[key] = w
                self.fields[key] = f
            outer.addWidget(box)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "color: #a93226; background: #fdecea; border: 1px solid #e6b0aa;"
            "border-radius: 3px; padding: 4px;"
        )
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        outer.addStretch(1)
        # The reason for a refusal stays above the form, in view however it is scrolled.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll, 1)

    def _make(self, f: Field) -> QWidget:
        key = f"{f.section}.{f.name}"
        if f.kind == "choice":
            w = QComboBox()
            for c in f.choices:
                w.addItem(LABELS.get(c, c), c)
            w.activated.connect(lambda _i, k=key, w=w: self.request(k, w.currentData()))
            return w
        if f.kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda on, k=key: self.request(k, bool(on)))
            return w
        if f.kind == "int":
            w = QSpinBox()
            w.setRange(int(f.lo), int(f.hi))
            w.setSingleStep(int(f.step))
        else:
            w = QDoubleSpinBox()
            w.setDecimals(f.decimals)
            w.setRange(f.lo, f.hi)
            w.setSingleStep(f.step)
            if f.name == "learning_rate":
                w.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        w.setKeyboardTracking(False)  # one change per finished edit, not per keystroke
        w.setAccelerated(True)
        w.valueChanged.connect(lambda v, k=key: self.request(k, v))
        return w

    # -- binding ---------------------------------------------------------------------------
    def set_config(self, cfg: ExperimentConfig) -> None:
        """Show ``cfg`` (without emitting requests)."""
        self.config = cfg.copy()
        for key, w in self.controls.items():
            section, name = key.split(".")
            value = getattr(getattr(cfg, section), name)
            w.blockSignals(True)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            else:
                w.setValue(value)
            w.blockSignals(False)
        self._enable_dependent()

    def _enable_dependent(self) -> None:
        c = self.config
        self.controls["training.momentum"].setEnabled(c.training.optimizer == "momentum")
        self.controls["network.spectral_radius"].setEnabled(c.network.init == "spectral")
        self.controls["network.pooling"].setEnabled(c.network.cell == "dense")
        recurrent = c.network.cell != "dense"
        for key in ("network.bidirectional", "network.num_layers", "training.bptt_truncation"):
            self.controls[key].setEnabled(recurrent)
        forced = set(get_task(c.task.name).shape(c.task)) if c.task.name else set()
        one_to_many = c.network.architecture == "one_to_many"
        self.controls["network.bidirectional"].setEnabled(
            recurrent and not one_to_many and "bidirectional" not in forced
        )

    def request(self, key: str, value: object) -> str | None:
        """Ask for ``key`` (``"section.field"``) to become ``value``; returns the refusal."""
        section, name = key.split(".")
        cfg = self.config.copy()
        old = getattr(getattr(cfg, section), name)
        if old == value:
            return None
        setattr(getattr(cfg, section), name, value)
        error = candidate_error(cfg)
        if error is None:
            f = self.fields[key]
            shown = LABELS.get(value, value) if isinstance(value, str) else value
            error = self.on_request(cfg, f"Set {f.label.lower()} to {shown}")
        if error is not None:  # "" means the user cancelled: revert without a message
            self.show_error(error or None)
            self.set_config(self.config)  # put the control back
            return error
        self.show_error(None)
        return None

    def show_error(self, message: str | None) -> None:
        if message:
            self.error_label.setText(f"Not changed — {message}")
            self.error_label.show()
        else:
            self.error_label.clear()
            self.error_label.hide()
