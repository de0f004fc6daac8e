"""The diagram widget: a graphics view of the network plus its own small toolbar.

The widget never changes the configuration itself: an edit emits ``configEdited`` with an
edited copy and a description; whoever owns the experiment (the main window, with its undo
stack) applies it and calls :meth:`DiagramWidget.set_config` back.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.inspect import Trace, network_from, trace
from rnn_sandbox.fields import SETTING, diagram_limits, is_enabled
from rnn_sandbox.ui.diagram import look
from rnn_sandbox.ui.diagram.formula_view import FormulaView
from rnn_sandbox.ui.diagram.items import BandItem, NeuronItem
from rnn_sandbox.ui.diagram.neuron_panel import NeuronPanel
from rnn_sandbox.ui.diagram.panel import SidePanel
from rnn_sandbox.ui.diagram.scene import DiagramModel, DiagramScene, make_segments
from rnn_sandbox.ui.diagram.stepthrough import StepThroughBar
from rnn_sandbox.ui.diagram.view import DiagramView
from rnn_sandbox.ui.fit import FlowLayout
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.words import engine_title, gated_help

# How far the gestures may go, from the settings schema (the window's session decides the
# rest: an edit it refuses comes back as the current configuration).
LIMITS = diagram_limits()
TRACE_EVERY = 0.25  # seconds between step-through traces while training runs
SIDE_MIN, SIDE_MAX = 280, 480  # width of the side area with a neuron's panel or formula
HELP = {
    "live": QT_TR_NOOP("Blue positive, orange negative; thicker lines are larger weights. Hover "
                       "a line "
            "for its weight and gradient, click a neuron for its history."),
    "forward": QT_TR_NOOP("each neuron computes h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); "
               "grey is not computed yet. Hover a neuron for its numbers."),
    "backward": QT_TR_NOOP("neurons show dL/dh_t, lines each weight's share of the gradient at "
                           "this "
                "step; fading far from the loss means vanishing gradients."),
}


class DiagramWidget(QWidget):
    """Draws the configured network neuron by neuron and lets the learner edit it."""

    configEdited = Signal(object, str)
    neuronChosen = Signal(str, int)  # a hidden neuron clicked: its state name, its unit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cfg: ExperimentConfig | None = None
        self.sample: Batch | None = None
        self.snapshot = None
        self._weights: dict[str, np.ndarray] | None = None
        self._weights_from_snapshot = False  # the model's (not the seed's initial) weights
        self._weights_version = 0  # counts the weights shown, so a walk never shows old ones
        self.trace: Trace | None = None
        self._traced_version = -1  # the weights the trace was taken with
        self._trace_time = -1e9
        self._trace_cost = 0.0
        # A walk during training retraces at most a few times a second; the newest weights
        # are traced once training pauses.
        self._retrace = QTimer(self)
        self._retrace.setSingleShot(True)
        self._retrace.timeout.connect(self._retrace_now)
        self.folded = False
        self.model = DiagramModel()
        self.model.on_click = self._neuron_clicked
        self.scene = DiagramScene(self.model, self)
        self.view = DiagramView(self.scene, self)
        self.view.on_resized = self._show_current_step

        # A row that wraps rather than squeezing its buttons below their text.
        bar = FlowLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        self.remove_layer_btn = self._tool(tr("− layer"), tr("Remove the top layer"), bar)
        self.add_layer_btn = self._tool(
            tr("+ layer"), tr("Add a layer on top (at most {value})").format(
                value=LIMITS['network.num_layers'][1]), bar
        )
        self.bidir_btn = self._tool(tr("Bidirectional"), tr("Switch between a simple (left to "
                                                            "right) "
                                    "and a bidirectional network"), bar, checkable=True)
        self.folded_btn = self._tool(tr("Folded"), tr("Show the compact loop diagram instead of "
                                                      "one "
                                     "column per time step"), bar, checkable=True)
        steps = QWidget(self)  # the label and its box, kept together
        steps_row = QHBoxLayout(steps)
        steps_row.setContentsMargins(0, 0, 0, 0)
        steps_row.addWidget(QLabel(tr("Steps shown:"), steps))
        self.steps_spin = QSpinBox(steps)
        self.steps_spin.setRange(2, 40)
        self.steps_spin.setValue(6)
        self.steps_spin.setToolTip(tr("How many time steps to draw; longer sequences show the "
                                   "first and last steps around an ellipsis"))
        steps_row.addWidget(self.steps_spin)
        bar.addWidget(steps)
        self.fit_btn = self._tool(tr("Fit"), tr("Show the whole diagram in the view (its text "
                                                "may get "
                                  "smaller than at 100 %; the wheel zooms)"), bar)
        self.stepper = StepThroughBar(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 6)
        self.message.setStyleSheet("color: #808080; padding: 2px 6px;")  # light or dark

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(bar)
        lay.addWidget(self.stepper)
        # Beside the drawing, never over it: the side area with the clicked neuron's panel
        # or its formula, closed while neither is open.
        self.side = QWidget(self)
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        self.panel = NeuronPanel(self.side)
        self.formulas = FormulaView(self)  # step-through: a clicked neuron's equations
        side.addWidget(self.panel)
        side.addWidget(self.formulas.panel)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.view)
        self.split.addWidget(self.side)
        self.split.setCollapsible(0, False)
        self.split.setStretchFactor(0, 1)
        self.side.hide()
        for p in (self.panel, self.formulas.panel):
            p.shownChanged.connect(self._side_follows)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.message)
        self.stepper.numbersToggled.connect(self.formulas.set_numbers)

        self.add_layer_btn.clicked.connect(lambda: self._edit_layers(+1))
        self.remove_layer_btn.clicked.connect(lambda: self._edit_layers(-1))
        self.bidir_btn.clicked.connect(self._toggle_bidirectional)
        self.folded_btn.toggled.connect(self._set_folded)
        self.steps_spin.valueChanged.connect(lambda _: self._rebuild())
        self.fit_btn.clicked.connect(self._fit)
        self.stepper.modeChanged.connect(self._set_mode)
        self.stepper.stepChanged.connect(self._set_step)
        self.setMinimumSize(QSize(400, 300))
        self._set_message(tr(HELP["live"]))
        self._follow_theme()

    @property
    def config(self) -> ExperimentConfig:
        """The configuration drawn (there is one once set_config was called)."""
        if self.cfg is None:
            raise RuntimeError("the diagram has no configuration yet")
        return self.cfg

    def _tool(self, text: str, tip: str, lay: FlowLayout,
              checkable: bool = False) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setCheckable(checkable)
        lay.addWidget(b)
        return b

    # -- the contract with the main window --------------------------------------------------
    def set_config(self, cfg: ExperimentConfig,
                   weights: dict[str, np.ndarray] | None = None) -> None:
        """Rebuild the scene for ``cfg`` (network shape and task type) holding ``weights``
        (the model's; without them the seed's initial weights until a snapshot comes).  A
        walk under way goes on with the new model."""
        old = self.cfg
        if old is not None and (
            old.task.name != cfg.task.name
            or old.network.input_size != cfg.network.input_size
            or old.network.output_size != cfg.network.output_size
        ):
            self.sample = None  # a sample of another task: wait for set_context
        walking = self.stepper.mode
        self.cfg = cfg.copy()
        self.snapshot = None
        self._weights = None
        self._weights_from_snapshot = False
        self.trace = None
        self.model.trace = None
        self.model.clear_live()
        self.model.mode = "live"
        self._init_weights()
        if weights is not None and self._weights_match(weights):
            self._take_weights(weights)
        self._sync_buttons()
        self._rebuild(fit=True)
        if walking != "live" and self.sample is not None:
            self._set_mode(walking)  # traced with the new model (or back to live)
        elif walking != "live":
            self._refresh()  # the sample comes with set_context, and the walk with it
        else:
            self._describe_step()  # the hint names the new cell's gates

    def set_context(self, cfg: ExperimentConfig, sample: Batch) -> None:
        """The watched sample (a batch of one) that the step-through traces."""
        old_steps = self._steps() if self.cfg is not None else None
        self.trace = None
        self.model.trace = None
        if self.cfg is None or cfg.to_dict() != self.config.to_dict():
            self.set_config(cfg)  # drops a sample of another task
            old_steps = self._steps()
        self.sample = sample
        if self._steps() != old_steps:
            if self.config.network.cell == "dense" and not self._weights_from_snapshot:
                self._init_weights()  # a flattening dense layer's width follows the length
            self._rebuild(fit=True)
        if self.stepper.mode != "live":
            self._set_mode(self.stepper.mode)

    def show_snapshot(self, snap) -> None:
        """Live view of a training snapshot: recolour the existing items, never rebuild."""
        if self.cfg is None:
            return
        if not self._fits(snap):
            return  # from the network before the last edit: nothing of it can be drawn
        self.snapshot = snap
        if snap.weights is not None:
            self._take_weights(snap.weights, snap.grads)
        elif snap.grads is not None:
            self.model.grads = snap.grads
        m = self.model
        # A snapshot without its heavy parts keeps the last ones on screen.
        gates, cells = getattr(snap, "gates", None), getattr(snap, "cell", None)
        m.set_live(
            snap.hidden if snap.hidden is not None else m.hidden,
            snap.inputs if snap.inputs is not None else m.inputs,
            snap.outputs if snap.outputs is not None else m.outputs,
            gates if gates is not None else m.gates,
            cells if cells is not None else m.cells,
        )
        if getattr(snap, "attention", None) is not None:
            m.attention = snap.attention
        if self.model.mode != "live" and self._traced_version != self._weights_version:
            # Retrace with the new weights, at most a few times a second and never more
            # than a tenth of the time: a long sequence takes a while to trace.  The last
            # weights of a run are traced when it is due.
            wait = max(TRACE_EVERY, 10 * self._trace_cost)
            due = wait - (time.monotonic() - self._trace_time)
            if due <= 0:
                self._update_trace()
            elif not self._retrace.isActive():
                self._retrace.start(int(due * 1000) + 1)
        self._refresh()
        if self.panel.isVisible():
            self._fill_panel()

    def _fits(self, snap) -> bool:
        """Does the snapshot come from a network of the current shape?"""
        for part in (snap.weights, snap.grads):
            if part is not None and not self._weights_match(part):
                return False
        H = self.config.network.hidden_size
        states = {s for seg in self.model.segments for s in seg.states}
        if snap.hidden is not None and (
            set(snap.hidden) != states
            or any(np.ndim(h) != 2 or np.shape(h)[1] != H for h in snap.hidden.values())
        ):
            return False
        O = self.config.network.output_size
        return snap.outputs is None or np.shape(snap.outputs)[-1] == O

    def export_image(self, path: str) -> None:
        """Write the diagram to ``path`` as SVG (vector) or PNG, by the file's extension."""
        rect = self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
        w, h = int(rect.width()), int(rect.height())
        if path.lower().endswith(".svg"):
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(path)
            gen.setSize(QSize(w, h))
            gen.setViewBox(QRectF(0, 0, w, h))
            gen.setTitle(tr("RNN Sandbox network diagram"))
            p = QPainter(gen)
            self.render_scene(p, QRectF(0, 0, w, h), rect)
            p.end()
            return
        scale = 2.0
        img = QImage(int(w * scale), int(h * scale), QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(look.INK.canvas)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.render_scene(p, QRectF(img.rect()), rect)
        p.end()
        if not img.save(path):
            raise OSError(tr("could not write the image {path}").format(path=path))

    def render_scene(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        """Paint the ``source`` part of the scene into ``target`` (without edit buttons)."""
        buttons = list(self.scene.buttons.values())
        for b in buttons:
            b.setVisible(False)
        try:
            painter.fillRect(target, look.INK.canvas)  # the canvas, light or dark
            self.scene.render(painter, target, source)
        finally:
            for b in buttons:
                b.setVisible(True)

    # -- building ---------------------------------------------------------------------------
    def _steps(self) -> tuple[int, int] | None:
        s, cfg = self.sample, self.config
        if s is None:
            return None
        T_in = int(s.x.shape[1])
        arch = cfg.network.architecture
        if arch in ("one_to_many", "seq2seq") and s.y.ndim >= 2:
            return T_in, int(s.y.shape[1])
        return T_in, T_in

    def _init_weights(self) -> None:
        try:
            if self.config.network.cell == "dense":
                from rnn_sandbox.engine import build_network

                steps = self._steps()
                net = build_network(self.config.network, self.config.training.seed,
                                    steps[0] if steps else self.config.task.seq_len)
            else:
                net = network_from(self.config.network, seed=self.config.training.seed)
        except (NotImplementedError, ConfigError, ValueError) as e:
            # Draw the shape anyway; the weights come with the first snapshot.
            self._weights = {}
            self.model.set_weights({})
            self._set_message(tr("No weights to show: {e}").format(e=e), error=True)
            return
        self._weights = net.state_dict()
        self._weights_version += 1
        self.model.set_weights(self._weights)

    def _take_weights(self, weights: dict[str, np.ndarray], grads=None) -> None:
        """The model's weights now: shown at once, traced when a walk shows them."""
        self._weights = weights
        self._weights_from_snapshot = True
        self._weights_version += 1
        self.model.set_weights(weights, grads)

    def _retrace_now(self) -> None:
        if self.model.mode != "live" and self._traced_version != self._weights_version:
            self._update_trace()
            self._refresh()
            if self.panel.isVisible():
                self._fill_panel()

    def _weights_match(self, weights: dict[str, np.ndarray]) -> bool:
        cur = self.model.weights
        return set(weights) == set(cur) and all(
            np.shape(weights[k]) == cur[k].shape for k in cur)

    def _rebuild(self, fit: bool = False) -> None:
        if self.cfg is None:
            return
        segs = make_segments(self.cfg, self._steps())
        self.model.configure(self.cfg, segs)
        self.stepper.set_range(self.model.total_steps())
        self.stepper.set_step(self.model.step)
        self.scene.build(self.folded, self.steps_spin.value(), self._edit_hidden)
        self.model.refresh()
        self.scene.recolour()
        self.panel.hide()
        self.formulas.refresh()
        if fit or self.view.auto_fit:
            self.view.fit()
        else:
            self.view.setSceneRect(self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))

    def set_zoom(self, factor: float) -> None:
        """Labels ``factor`` times larger (presentation); the drawing is made again, and
        the texts around it keep room for their new size."""
        look.set_text_scale(factor)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 6)
        self.stepper.fit_label()
        self._rebuild()

    def _fit(self) -> None:
        self.view.auto_fit = True
        self.view.fit_all = True
        self.view.fit()

    def _show_current_step(self) -> None:
        """Walking, pan to the current step's column when it is out of view."""
        if self.model.mode == "live" or self.view.fit_all:
            return
        col = next((c for c in self.scene.columns if self.model.column_highlighted(c)), None)
        if col is None:
            return
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if col.rect.left() < seen.left() or col.rect.right() > seen.right():
            self.view.centerOn(col.rect.center().x(), seen.center().y())

    # -- theme ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_theme()

    def _follow_theme(self) -> None:
        """Light or dark canvas, as the window's palette is light or dark."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        if look.set_theme("dark" if dark else "light") or (
                self.view.backgroundBrush().color() != look.INK.canvas):
            self.view.setBackgroundBrush(look.INK.canvas)
            self.panel.follow_theme()
            self._rebuild()

    def _refresh(self) -> None:
        self.model.refresh()
        self.scene.recolour()  # touches only the items whose colour changed
        self._describe_step()
        self.formulas.refresh()
        self._show_current_step()

    def _sync_buttons(self) -> None:
        n = self.config.network
        lo, hi = LIMITS["network.num_layers"]
        layered = is_enabled(SETTING["network.num_layers"], self.cfg)
        self.bidir_btn.setChecked(n.bidirectional)
        self.bidir_btn.setEnabled(is_enabled(SETTING["network.bidirectional"], self.cfg))
        self.add_layer_btn.setEnabled(layered and n.num_layers < hi)
        self.remove_layer_btn.setEnabled(layered and n.num_layers > lo)
        self.folded_btn.setEnabled(n.cell != "dense")

    def _set_folded(self, on: bool) -> None:
        self.folded = on
        self.steps_spin.setEnabled(not on)
        self._rebuild(fit=True)

    # -- editing ------------------------------------------------------------------------------
    def _emit_edit(self, new: ExperimentConfig, description: str) -> None:
        """Hand the edit to whoever owns the experiment; it decides (and says why not)."""
        self._set_message(description)
        self.configEdited.emit(new, description)

    def _edit_hidden(self, sign: int, layer: int) -> None:
        if self.cfg is None:
            return
        new = self.cfg.copy()
        old = new.network.hidden_size
        lo, hi = LIMITS["network.hidden_size"]
        if not lo <= old + sign <= hi:  # the ± buttons stop at the schema's bounds
            reason = SETTING["network.hidden_size"].check(old + sign)
            self._set_message(tr("Not possible: {reason}").format(reason=reason), error=True)
            return
        new.network.hidden_size = old + sign
        verb = tr("Add hidden neuron to") if sign > 0 else tr("Remove hidden neuron from")
        self._emit_edit(new, tr("{verb} layer {value} (all layers {old} → {value2})").format(
            verb=verb, value=layer + 1, old=old, value2=old + sign))

    def _edit_layers(self, sign: int) -> None:
        if self.cfg is None:
            return
        new = self.cfg.copy()
        k = new.network.num_layers + sign
        new.network.num_layers = k
        desc = tr("Add layer {k}").format(k=k) if sign > 0 else tr("Remove layer {value}").format(
            value=k + 1)
        self._emit_edit(new, desc)

    def _toggle_bidirectional(self) -> None:
        if self.cfg is None:
            return
        new = self.cfg.copy()
        new.network.bidirectional = not new.network.bidirectional
        desc = (tr("Make the network bidirectional") if new.network.bidirectional
                else tr("Make the network simple (one direction)"))
        self._emit_edit(new, desc)
        # The button shows the configuration, which changes only when the edit is applied.
        self.bidir_btn.setChecked(self.config.network.bidirectional)

    # -- step-through ---------------------------------------------------------------------------
    def _update_trace(self) -> bool:
        """Trace the sample with the weights shown now (again only when they changed)."""
        if self.trace is not None and self._traced_version == self._weights_version:
            return True
        if self.config.network.cell == "dense":
            self._set_message(tr("The dense baseline has no time steps to walk through: it reads "
                              "the whole sequence at once."), error=True)
            return False
        if self.sample is None:
            self._set_message(tr("The step-through needs a sample: choose a task first."),
                              error=True)
            return False
        try:
            net = network_from(self.config.network, self.config.training.seed,
                               self._weights if self._weights_from_snapshot else None)
            start = time.monotonic()
            self.trace = trace(net, self.sample, self.config.training.bptt_truncation)
            self._traced_version = self._weights_version
            self._trace_time = time.monotonic()
            self._trace_cost = self._trace_time - start
        except (ValueError, IndexError, KeyError) as e:
            self._set_message(tr("The step-through cannot run this sample: {e}").format(
                e=e), error=True)
            self.trace = None
            return False
        self.model.trace = self.trace
        self.stepper.backward_stop = self._backward_stop()
        return True

    def _backward_stop(self) -> int:
        """The earliest step of the walk that any gradient reaches: truncated BPTT stops
        before the first step where nothing arrives (a many-to-one network's early steps)."""
        tr, m = self.trace, self.model
        if tr is None or len(m.segments) != 1 or not tr.truncation:
            return 0  # without cuts the walk goes all the way (zeros are worth seeing)
        reached = np.zeros(m.segments[0].steps, bool)
        for d in tr.layers.values():
            if d.h.shape[0] == len(reached):
                reached |= np.any(d.grad_h != 0, axis=1)
        hits = np.flatnonzero(reached)
        return int(hits[0]) if len(hits) else 0

    def _set_mode(self, mode: str) -> None:
        if mode != "live" and not self._update_trace():
            self.stepper.set_mode("live")
            mode = "live"
        self.model.mode = mode
        self.model.step = self.stepper.step
        self._follow_step()
        self._refresh()
        if self.panel.isVisible():
            self._fill_panel()

    def _set_step(self, s: int) -> None:
        self.model.step = s
        self._follow_step()
        self._refresh()
        if self.panel.isVisible():
            self._fill_panel()

    def _follow_step(self) -> None:
        """Redraw when the current step of a long sequence lies in the left-out part."""
        if self.folded or self.cfg is None:
            return
        want = {seg.name: self.scene.shown(seg, self.steps_spin.value())
                for seg in self.model.segments}
        have = {name: [t for t, _ in cols] for name, cols in self.scene.seg_x.items()}
        if want != have:
            self._rebuild()

    def _describe_step(self) -> None:
        m = self.model
        if m.mode == "live" or self.trace is None:
            if m.mode == "live" and not self.message.property("error"):
                self._set_message(tr(HELP["live"]) + gated_help(m.anatomy))
            return
        seg = next(s for s in m.segments if s.offset <= m.step < s.offset + s.steps)
        t = m.step - seg.offset
        where = f"{seg.name} " if seg.name != "main" else ""
        gated = m.anatomy.gated
        if m.mode == "forward":
            text = tr(HELP["forward"])
            if gated and CELL_TABLE[m.anatomy.cell].gates_read_h:
                text = tr("each {cell} cell sets its gates from x_t and h_(t-1), then its new "
                          "state; click a neuron to show its gates, hover for their values."
                          ).format(cell=CELL_TABLE[m.anatomy.cell].title)
            elif gated:  # the minimal cells: the state is linear in h_(t-1)
                text = tr("each {cell} cell sets its gates from x_t alone, then its new state "
                          "from them and h_(t-1); click a neuron to show its gates, hover for "
                          "their values.").format(cell=CELL_TABLE[m.anatomy.cell].title)
            self._set_message(tr("Forward {where}t={value}: ").format(
                where=where, value=t + 1) + text)
            return
        norms = []
        for s in seg.states[:4]:
            d = self.trace.layers[s]
            tt = seg.steps - 1 - t if d.reverse else t
            title = engine_title(m.anatomy.state(s).title)
            norms.append(f"{title} {np.linalg.norm(d.grad_h[tt]):.2g}")
        text = tr(HELP["backward"])
        if gated:
            text = (tr("neurons show dL/dh_t, gates dL/d(pre-activation)")
                    + (tr(", the square beside an LSTM neuron dL/dc_t") if
                       m.anatomy.cell_state else "")
                    + tr("; ribbons each step's share of the gate weights' gradient."))
        k = self.config.training.bptt_truncation
        if k:
            stop = self.stepper.backward_stop
            text += (tr(" Truncated BPTT cuts every {k} steps: nothing flows back across a cut"
                        ).format(k=k)
                     + (tr(", and no gradient reaches a step before t={value}.").format(
                         value=stop + 1) if stop
                        else "."))
        self._set_message(tr("Backward {where}t={value}: |dL/dh| ").format(
            where=where, value=t + 1) + ", ".join(norms) + "; "
                          + text)

    def _set_message(self, text: str, error: bool = False) -> None:
        if text == self.message.text() and bool(self.message.property("error")) == error:
            return  # restyling a label costs more than a frame's drawing
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #a33; padding: 2px 6px;" if error
                                   else "color: #808080; padding: 2px 6px;")
        self.message.setText(text)

    # -- neuron panel ---------------------------------------------------------------------------
    def _neuron_clicked(self, item) -> None:
        if isinstance(item, NeuronItem) and item.role == "hidden":
            self.neuronChosen.emit(str(item.key), int(item.unit))
        if (isinstance(item, NeuronItem) and item.role == "hidden"
                and self.model.anatomy.gated):
            # A gated neuron opens up to show its gates (and closes again), in the row the
            # encoder and decoder share.
            key = (self.model.anatomy.state(item.key).slot, item.unit)
            self.scene.expanded.symmetric_difference_update({key})
            self._rebuild()
            item = self.neuron(item.role, item.key, item.t, item.unit)
            if item is None:
                return
        if self.model.mode != "live" and self.formulas.open_for(item):
            self.panel.hide()
            return
        self.panel.item = item
        self._fill_panel()
        self.show_side(self.panel)

    def show_side(self, panel: SidePanel) -> None:
        """Open ``panel`` beside the drawing (the other one closes); the side area takes
        a readable share of the width the first time."""
        for p in (self.panel, self.formulas.panel):
            if p is not panel:
                p.hide()
        opening = self.side.isHidden()
        panel.show()
        self.side.show()
        if opening:
            total = self.split.width()
            w = int(min(SIDE_MAX, max(SIDE_MIN, 0.4 * total)))
            self.split.setSizes([max(1, total - w), w])

    def _side_follows(self, shown: bool) -> None:
        if not shown and self.panel.isHidden() and self.formulas.panel.isHidden():
            self.side.hide()

    def _fill_panel(self) -> None:
        if self.cfg is not None:
            self.panel.fill(self.model, self.cfg)

    # -- for tests and tools --------------------------------------------------------------------
    def neuron(self, role: str, key: str, t: int | None, unit: int):
        """The neuron (or band) item of ``role``/``key`` at step ``t``, if drawn."""
        for it in self.scene.neurons:
            if (it.role, it.key, it.t, it.unit) == (role, key, t, unit):
                return it
        for b in self.scene.bands:
            if (b.role, b.key, b.t) == (role, key, t):
                b.unit = unit
                return b
        return None

    def displayed_value(self, role: str, key: str, t: int, unit: int) -> float | None:
        item = self.neuron(role, key, t, unit)
        if item is None:
            return None
        if isinstance(item, (NeuronItem, BandItem)):
            return self.model.neuron_value(item)
        return None
