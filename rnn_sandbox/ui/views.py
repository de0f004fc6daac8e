"""Each panel as the controller sees it (:class:`~rnn_sandbox.ui.view_data.View`): shown
an experiment, shown progress.

The panels keep their own vocabulary (a plot appends points, the diagram takes a config
and a sample); these small classes say, in one place per panel, what "a new experiment"
and "training moved on" mean for it.  A panel that is closed or tabbed away skips the
work of drawing and keeps only what it needs to catch up (the latest snapshot, the
growing histories); it draws that as soon as it comes into view (:class:`WhenShown`), so
every panel shows the current model whenever it can be seen.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from rnn_sandbox.engine import Snapshot
from rnn_sandbox.engine.anatomy import state_name
from rnn_sandbox.session import Score, baseline_for
from rnn_sandbox.tasks import Metric
from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.fit import ElidedLabel
from rnn_sandbox.ui.i18n import epoch_words, score_short, score_text, tr
from rnn_sandbox.ui.plots import (
    EigenvaluePlot,
    GradientFlowPlot,
    HiddenStatePlot,
    ItemizedPlot,
    LossPlot,
    on_screen,
)
from rnn_sandbox.ui.prediction_view import PredictionView
from rnn_sandbox.ui.settings_panel import SettingsPanel
from rnn_sandbox.ui.task_picker import TaskPicker
from rnn_sandbox.ui.view_data import ViewData
from rnn_sandbox.ui.worker import Progress

shown = on_screen  # a panel in a closed or tabbed-away dock need not draw


class WhenShown(QObject):
    """Calls ``callback`` when ``widget`` comes into view: shown, or the tab of a dock
    around it raised.  (Qt leaves a tabbed-away dock "visible", only covered, so raising
    its tab sends no show event: the dock's ``visibilityChanged`` says it.)"""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.callback = widget, callback
        self.docks: list[QDockWidget] = []
        widget.installEventFilter(self)
        self.follow_docks()

    def follow_docks(self) -> None:
        """Listen to every dock around the widget (call again once it is docked)."""
        parent = self.widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QDockWidget) and parent not in self.docks:
                parent.visibilityChanged.connect(self._visibility)
                self.docks.append(parent)
            parent = parent.parentWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget and event.type() == QEvent.Type.Show:
            self._visibility(True)
        return False

    def _visibility(self, visible: bool) -> None:
        if visible:  # once the dock's layout has given the panel its place
            QTimer.singleShot(0, self, self._check)

    def _check(self) -> None:
        if shown(self.widget):
            self.callback()


class SnapshotPanelView:
    """A panel drawn from the latest snapshot that has what it shows (``wants``): while
    out of view only that snapshot is kept, and drawn when the panel is shown."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.pending: Snapshot | None = None
        self.exposure = WhenShown(widget, self.catch_up)

    def wants(self, snap: Snapshot) -> bool:
        return snap.hidden is not None

    def draw(self, snap: Snapshot) -> None:
        raise NotImplementedError

    def forget(self) -> None:
        """A new experiment: nothing of the previous one is drawn later."""
        self.pending = None
        self.exposure.follow_docks()

    def show_progress(self, p: Progress) -> None:
        snap = p.snapshot
        if snap is None or not self.wants(snap):
            return
        if shown(self.widget):
            self.pending = None
            self.draw(snap)
        else:
            self.pending = snap

    def catch_up(self) -> None:
        snap, self.pending = self.pending, None
        if snap is not None:
            self.draw(snap)


class SettingsView:
    def __init__(self, panel: SettingsPanel, picker: TaskPicker) -> None:
        self.panel, self.picker = panel, picker

    def show_experiment(self, view: ViewData) -> None:
        self.panel.set_config(view.config)
        self.picker.set_current(view.config.task.name)

    def show_progress(self, progress: Progress) -> None:
        pass


class LossView:
    def __init__(self, plot: LossPlot) -> None:
        self.plot = plot
        self.exposure = WhenShown(plot, plot.catch_up)

    def show_experiment(self, view: ViewData) -> None:
        cfg = view.config
        self.exposure.follow_docks()
        self.plot.set_task(view.baseline, cfg.network.loss.upper(), view.metric_name)
        arr = view.history
        if len(arr["step"]):
            val = np.isfinite(arr["val_loss"])
            self.plot.append(arr["step"], arr["train_loss"], arr["step"][val],
                             arr["val_loss"][val], arr["val_metric"][val])

    def show_progress(self, p: Progress) -> None:
        if len(p.steps) or len(p.val_steps):
            self.plot.append(p.steps, p.losses, p.val_steps, p.val_losses, p.val_metrics,
                             p.metric_name)


class HiddenView(SnapshotPanelView):
    def __init__(self, plot: HiddenStatePlot) -> None:
        super().__init__(plot)
        self.plot = plot

    def show_experiment(self, view: ViewData) -> None:
        self.forget()
        exp = view.experiment
        self.plot.step_names = lambda i: exp.task.step_labels(exp.dataset, i)
        self.plot.set_network(view.anatomy, view.n_val, view.config.network.nonlinearity)
        self.plot.sample_spin.blockSignals(True)
        self.plot.sample_spin.setValue(0)
        self.plot.sample_spin.blockSignals(False)

    def draw(self, snap: Snapshot) -> None:
        self.plot.update_snapshot(snap)


class GradientView:
    def __init__(self, plot: GradientFlowPlot) -> None:
        self.plot = plot
        self.exposure = WhenShown(plot, plot.catch_up)

    def show_experiment(self, view: ViewData) -> None:
        self.exposure.follow_docks()
        self.plot.set_network(view.anatomy)
        self.plot.sample_masks = view.experiment.dataset.val.mask  # the watched samples'
        # An opened or restored run's heatmap starts with the gradients it recorded while
        # it trained (its first layer's; a bidirectional layer's two directions are
        # recorded together, which no one state of the plot shows).
        part = "encoder" if view.config.network.architecture == "seq2seq" else ""
        states = view.anatomy.state_names
        first = state_name(0, False, part)
        recorded = getattr(view.experiment.trainer, "gradient_history", [])
        if recorded and first in states and state_name(0, True, part) not in states:
            self.plot.seed_history(first, recorded)
            if shown(self.plot):
                self.plot.catch_up()

    def show_progress(self, p: Progress) -> None:
        # Every trained step's norms and every snapshot's gradients go into the histories;
        # only the last snapshot is drawn, and nothing while the panel is out of view.
        draw = shown(self.plot)
        self.plot.add_norms(p.steps, p.grad_norms, draw=draw and not p.snapshots)
        for s in p.snapshots:
            self.plot.update_snapshot(s, draw=draw and s is p.snapshots[-1])


class ItemizedView(SnapshotPanelView):
    def __init__(self, plot: ItemizedPlot) -> None:
        super().__init__(plot)
        self.plot = plot

    def show_experiment(self, view: ViewData) -> None:
        self.forget()
        net = view.config.network
        encoder_steps = view.sample.x.shape[1] if net.architecture == "seq2seq" else 0
        self.plot.set_network(view.anatomy, encoder_steps)

    def wants(self, snap: Snapshot) -> bool:
        return snap.itemized is not None

    def draw(self, snap: Snapshot) -> None:
        self.plot.update_snapshot(snap)


class EigenvalueView(SnapshotPanelView):
    """The eigenvalues of W_hh: the network's weights when it is shown, then each
    snapshot's copies of them (drawn while in view, the latest one when it comes into
    view)."""

    def __init__(self, plot: EigenvaluePlot) -> None:
        super().__init__(plot)
        self.plot = plot

    def show_experiment(self, view: ViewData) -> None:
        self.forget()
        self.plot.set_network(view.anatomy)
        self.plot.show_weights(view.experiment.network.state_dict())

    def wants(self, snap: Snapshot) -> bool:
        return snap.weights is not None

    def draw(self, snap: Snapshot) -> None:
        assert snap.weights is not None  # wants() let only such snapshots through
        self.plot.show_weights(snap.weights)


class PredictionPanelView(SnapshotPanelView):
    def __init__(self, panel: PredictionView) -> None:
        super().__init__(panel)
        self.panel = panel

    def show_experiment(self, view: ViewData) -> None:
        self.forget()
        exp = view.experiment
        self.panel.set_experiment(exp.task, exp.dataset, view.config.network)

    def draw(self, snap: Snapshot) -> None:
        self.panel.update_snapshot(snap)


class DiagramView:
    def __init__(self, diagram: DiagramWidget) -> None:
        self.diagram = diagram

    def show_experiment(self, view: ViewData) -> None:
        self.diagram.set_config(view.config, view.experiment.network.state_dict())
        self.diagram.set_context(view.config, view.sample)

    def show_progress(self, p: Progress) -> None:
        snap = p.snapshot
        if snap is not None and snap.hidden is not None:
            self.diagram.show_snapshot(snap)


class _SteadyLabel(QLabel):
    """A label at least ``least`` pixels wide, so the bar does not jump as a number grows
    a digit, and never narrower than its text (a fixed minimum width let the status bar
    cut "epoch 1 of 30" at the Projector's 150 %)."""

    def __init__(self, least: int) -> None:
        super().__init__()
        self.least = least

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.least), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.minimumSizeHint().expandedTo(super().sizeHint())


class StatusView:
    """The status bar's numbers: step, epoch, losses, the task's metric and further
    numbers, pace."""

    KEYS = (("step", 90), ("epoch", 90), ("train", 130), ("val", 130), ("metric", 150),
            ("extra", 0), ("rate", 90))
    # Secondary, with their whole wording in the tooltip: shortened with "…" where the
    # bar has no room (the metric and the task's further numbers in German at 150 %).
    SHORTENED = ("metric", "extra")

    def __init__(self, add: Callable[[QLabel], None], epochs: Callable[[], tuple[int, int, int]]):
        self.epochs = epochs  # (step, epoch, planned epochs) now
        self.labels: dict[str, QLabel] = {}
        self.extra_metrics: list = []  # the task's further metrics, latest values
        # The baselines of the metric and of each further number (Task.baselines).
        self.baselines: list[Metric] = []
        for key, width in self.KEYS:
            label = ElidedLabel(least=width or 60) if key in self.SHORTENED \
                else _SteadyLabel(width)
            add(label)
            self.labels[key] = label
        self.labels["extra"].setToolTip(
            tr("Further numbers of this task on the validation set, from the latest weights"))
        self.clear()

    def clear(self) -> None:
        lab = self.labels
        lab["train"].setText(tr("train loss —"))
        lab["val"].setText(tr("val loss —"))
        for key in ("metric", "rate", "extra"):
            lab[key].setText("")
        self.extra_metrics = []
        self.show_counts()

    def show_counts(self) -> None:
        step, epoch, planned = self.epochs()
        self.labels["step"].setText(tr("step {step}").format(step=step))
        self.labels["epoch"].setText(epoch_words(step, epoch, planned))

    def show_experiment(self, view: ViewData) -> None:
        """The last numbers of the experiment's history (after an undo or an open, not
        blanks until training goes on)."""
        self.clear()
        exp = view.experiment
        self.baselines = exp.task.baselines(exp.dataset)
        if not self.baselines and view.baseline is not None:
            self.baselines = [view.baseline]
        h = view.history
        if len(h["step"]):
            val = np.isfinite(h["val_loss"])
            self.show_progress(Progress(
                view.generation, None, h["step"][-1:], h["train_loss"][-1:],
                val_steps=h["step"][val][-1:], val_losses=h["val_loss"][val][-1:],
                val_metrics=h["val_metric"][val][-1:], metric_name=view.metric_name,
            ))

    def show_progress(self, p: Progress) -> None:
        lab = self.labels
        self.show_counts()
        if len(p.losses):
            lab["train"].setText(tr("train loss {value:.4g}").format(value=p.losses[-1]))
        if len(p.val_losses):
            lab["val"].setText(tr("val loss {value:.4g}").format(value=p.val_losses[-1]))
            if p.metric_name and np.isfinite(p.val_metrics[-1]):
                score = self.score(p.metric_name, p.val_metrics[-1])
                lab["metric"].setText(score_short(score))
                lab["metric"].setToolTip(score_text(score))
        if p.running:
            lab["rate"].setText(tr("{steps_per_second:.0f} steps/s").format(
                steps_per_second=p.steps_per_second))
        elif len(p.steps) or (p.snapshot is not None and p.snapshot.step > 0):
            # (a pause right after a drawn snapshot reports only the look at the model)
            lab["rate"].setText(tr("paused"))
        if p.extra_step is not None:
            # The task's further numbers (e.g. the accuracy on ambiguous words), from the
            # loop's latest validation pass.
            self.extra_metrics = list(p.extra_metrics)
            scores = [Score(m, baseline_for(m.name, self.baselines))
                      for m in self.extra_metrics if np.isfinite(m.value)]
            lab["extra"].setText("  ·  ".join(score_short(s) for s in scores))
            lab["extra"].setToolTip(tr("Further numbers of this task on the validation set, "
                                    "from the latest weights:\n")
                                    + "\n".join(score_text(s) for s in scores))

    def score(self, name: str, value: float) -> Score:
        """The main metric beside its baseline (the first of :attr:`baselines`)."""
        base = self.baselines[0] if self.baselines else None
        higher = base.higher_is_better if base is not None else True
        return Score(Metric(name, float(value), higher), base)
