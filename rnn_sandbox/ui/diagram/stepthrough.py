"""Controls of the step-through: mode (live / forward / backward), stepping, playing, jumping."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from rnn_sandbox.ui.fit import FlowLayout
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr

MODES = {"live": QT_TR_NOOP("Live"), "forward": QT_TR_NOOP("Forward ▸"),
    "backward": QT_TR_NOOP("Backward ◂")}
SLIDER_MIN = 140  # pixels: narrower, a slider is no longer seen as one


class StepThroughBar(QWidget):
    """Mode buttons, step buttons, play at a speed and a slider over the time steps.

    In live mode the slider picks the highlighted step; in forward mode stepping walks from
    the first step to the last, in backward mode from the last back to the first.
    """

    modeChanged = Signal(str)
    stepChanged = Signal(int)
    numbersToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = "live"
        self.n = 1
        # The backward walk ends here: the earliest step the gradient reaches (truncated
        # BPTT may stop it before the first step).
        self.backward_stop = 0
        # One row that wraps: on a narrow diagram (a laptop at 150 %) the buttons go on to
        # a second row rather than shrink below their text, and the slider with its label
        # takes the spare width of whichever row it ends up on.
        lay = self.flow = FlowLayout(self)
        lay.setContentsMargins(4, 0, 4, 2)
        self.mode_buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        tips = {
            "live": tr("Show the training live: activations of the watched sample, weights"),
            "forward": tr("Walk the forward pass step by step: each cell computes h_t from x_t "
                       "and h_(t-1) (a simple RNN: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) "
                       "+ b_hh); LSTM and GRU: through their gates)"),
            "backward": tr("Walk backpropagation through time from the last step to the first: "
                        "dL/dh_t (and dL/dc_t of an LSTM) and each weight's share of the "
                        "gradient"),
        }
        for key, text in MODES.items():
            b = QToolButton(self)
            b.setText(tr(text))
            b.setCheckable(True)
            b.setToolTip(tips[key])
            group.addButton(b)
            b.clicked.connect(lambda _=False, k=key: self.set_mode(k, emit=True))
            lay.addWidget(b)
            self.mode_buttons[key] = b
        self.mode_buttons["live"].setChecked(True)
        self.first_btn = self._button("|◀", tr("Go to the start of the walk"), lay)
        self.prev_btn = self._button("◀", tr("One step back"), lay)
        self.next_btn = self._button("▶", tr("One step on"), lay)
        self.last_btn = self._button("▶|", tr("Go to the end of the walk"), lay)
        self.play_btn = self._button(tr("Play"), tr("Walk on by itself at the chosen speed"), lay)
        self.play_btn.setCheckable(True)
        self.speed = QSpinBox(self)
        self.speed.setRange(1, 30)
        self.speed.setValue(3)
        self.speed.setSuffix(tr(" steps/s"))
        self.speed.setToolTip(tr("Speed of play"))
        self.speed.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.speed)
        self.track = QWidget(self)  # the slider and its label, kept together
        self.track.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        track = QHBoxLayout(self.track)
        track.setContentsMargins(0, 0, 0, 0)
        self.slider = QSlider(Qt.Orientation.Horizontal, self.track)
        self.slider.setToolTip(tr("Jump to a time step"))
        self.slider.setMinimumWidth(SLIDER_MIN)
        track.addWidget(self.slider, 1)
        self.label = QLabel(self.track)
        self.fit_label()
        track.addWidget(self.label)
        lay.addWidget(self.track)
        self.numbers_btn = self._button(
            tr("Numbers"), tr("Write each neuron's value on it while walking through the steps "
            "(forward: its activation, backward: dL/dh_t), to 4 significant digits; click a "
            "neuron for its equations with these numbers in them"), lay)
        self.numbers_btn.setCheckable(True)
        self.numbers_btn.toggled.connect(self.numbersToggled)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.first_btn.clicked.connect(lambda: self.set_step(self._start(), emit=True))
        self.last_btn.clicked.connect(lambda: self.set_step(self._end(), emit=True))
        self.prev_btn.clicked.connect(lambda: self.advance(-1))
        self.next_btn.clicked.connect(lambda: self.advance(+1))
        self.play_btn.toggled.connect(self._play)
        self.speed.valueChanged.connect(lambda v: self.timer.setInterval(int(1000 / v)))
        self.slider.valueChanged.connect(self._slid)
        self.set_range(1)

    def fit_label(self) -> None:
        """Room for "step 888/888" in the label's font (which grows with the zoom)."""
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(tr("step 888/888")))

    def _button(self, text: str, tip: str, lay: FlowLayout) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        lay.addWidget(b)
        return b

    # -- state ------------------------------------------------------------------------------
    def direction(self) -> int:
        return -1 if self.mode == "backward" else 1

    def _start(self) -> int:
        return self.n - 1 if self.mode == "backward" else 0

    def _end(self) -> int:
        return min(self.backward_stop, self.n - 1) if self.mode == "backward" else self.n - 1

    @property
    def step(self) -> int:
        return self.slider.value()

    def set_range(self, n: int) -> None:
        self.n = max(1, n)
        self.slider.blockSignals(True)
        self.slider.setRange(0, self.n - 1)
        self.slider.blockSignals(False)
        self._update_label()

    def set_mode(self, mode: str, emit: bool = False) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        if mode != "live":
            self.set_step(self._start())
        else:
            self.play_btn.setChecked(False)
        if emit:
            self.modeChanged.emit(mode)

    def set_step(self, s: int, emit: bool = False) -> None:
        s = max(0, min(self.n - 1, s))
        self.slider.blockSignals(True)
        self.slider.setValue(s)
        self.slider.blockSignals(False)
        self._update_label()
        if emit:
            self.stepChanged.emit(s)

    def advance(self, sign: int) -> bool:
        """One step along the walk (``sign`` -1 goes back); False at the end."""
        s = self.step + sign * self.direction()
        lo = self._end() if self.mode == "backward" else 0
        if s < lo or s >= self.n:
            return False
        self.set_step(s, emit=True)
        return True

    def _slid(self, value: int) -> None:
        self._update_label()
        self.stepChanged.emit(value)

    def _play(self, on: bool) -> None:
        self.play_btn.setText(tr("Pause") if on else tr("Play"))
        if on:
            if self.step == self._end():
                self.set_step(self._start(), emit=True)
            self.timer.start(int(1000 / self.speed.value()))
        else:
            self.timer.stop()

    def _tick(self) -> None:
        if not self.advance(+1):
            self.play_btn.setChecked(False)

    def _update_label(self) -> None:
        self.label.setText(tr("step {value}/{n}").format(value=self.slider.value() + 1, n=self.n))
