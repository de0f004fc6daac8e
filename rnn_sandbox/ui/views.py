"""Each panel as the controller sees it (:class:`~rnn_sandbox.ui.controller.View`): shown
an experiment, shown progress.

The panels keep their own vocabulary (a plot appends points, the diagram takes a config
and a sample); these small classes say, in one place per panel, what "a new experiment"
and "training moved on" mean for it.  A panel that is closed or tabbed away skips the
work of drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import QLabel

from rnn_sandbox.session import Score, baseline_for, epoch_text
from rnn_sandbox.tasks import Metric
from rnn_sandbox.ui.controller import ViewData
from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.plots import (
    GradientFlowPlot,
    HiddenStatePlot,
    ItemizedPlot,
    LossPlot,
    on_screen,
)
from rnn_sandbox.ui.prediction_view import PredictionView
from rnn_sandbox.ui.settings_panel import SettingsPanel
from rnn_sandbox.ui.task_picker import TaskPicker
from rnn_sandbox.ui.worker import Progress

shown = on_screen  # a panel in a closed or tabbed-away dock need not draw


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

    def show_experiment(self, view: ViewData) -> None:
        cfg = view.config
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


class HiddenView:
    def __init__(self, plot: HiddenStatePlot) -> None:
        self.plot = plot

    def show_experiment(self, view: ViewData) -> None:
        self.plot.set_network(view.anatomy, view.n_val, view.config.network.nonlinearity)
        self.plot.sample_spin.blockSignals(True)
        self.plot.sample_spin.setValue(0)
        self.plot.sample_spin.blockSignals(False)

    def show_progress(self, p: Progress) -> None:
        snap = p.snapshot
        if snap is not None and snap.hidden is not None and shown(self.plot):
            self.plot.update_snapshot(snap)


class GradientView:
    def __init__(self, plot: GradientFlowPlot) -> None:
        self.plot = plot

    def show_experiment(self, view: ViewData) -> None:
        self.plot.set_network(view.anatomy)

    def show_progress(self, p: Progress) -> None:
        # Every trained step's gradients go into the history; only the last is drawn.
        grads = [s for s in p.snapshots if math.isfinite(s.train_loss)]
        draw = shown(self.plot)
        for s in grads:
            self.plot.update_snapshot(s, draw=draw and s is grads[-1])


class ItemizedView:
    def __init__(self, plot: ItemizedPlot) -> None:
        self.plot = plot

    def show_experiment(self, view: ViewData) -> None:
        net = view.config.network
        encoder_steps = view.sample.x.shape[1] if net.architecture == "seq2seq" else 0
        self.plot.set_network(view.anatomy, encoder_steps)

    def show_progress(self, p: Progress) -> None:
        snap = p.snapshot
        if snap is not None and snap.itemized is not None and shown(self.plot):
            self.plot.update_snapshot(snap)


class PredictionPanelView:
    def __init__(self, panel: PredictionView) -> None:
        self.panel = panel

    def show_experiment(self, view: ViewData) -> None:
        exp = view.experiment
        self.panel.set_experiment(exp.task, exp.dataset, view.config.network)

    def show_progress(self, p: Progress) -> None:
        snap = p.snapshot
        if snap is not None and snap.hidden is not None and shown(self.panel):
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


class StatusView:
    """The status bar's numbers: step, epoch, losses, the task's metric and further
    numbers, pace."""

    KEYS = (("step", 90), ("epoch", 90), ("train", 130), ("val", 130), ("metric", 150),
            ("extra", 0), ("rate", 90))

    def __init__(self, add: Callable[[QLabel], None], epochs: Callable[[], tuple[int, int, int]]):
        self.epochs = epochs  # (step, epoch, planned epochs) now
        self.labels: dict[str, QLabel] = {}
        self.extra_metrics: list = []  # the task's further metrics, latest values
        # The baselines of the metric and of each further number (Task.baselines).
        self.baselines: list[Metric] = []
        for key, width in self.KEYS:
            label = QLabel()
            label.setMinimumWidth(width)
            add(label)
            self.labels[key] = label
        self.labels["extra"].setToolTip(
            "Further numbers of this task on the validation set, from the latest weights")
        self.clear()

    def clear(self) -> None:
        lab = self.labels
        lab["train"].setText("train loss —")
        lab["val"].setText("val loss —")
        for key in ("metric", "rate", "extra"):
            lab[key].setText("")
        self.extra_metrics = []
        self.show_counts()

    def show_counts(self) -> None:
        step, epoch, planned = self.epochs()
        self.labels["step"].setText(f"step {step}")
        self.labels["epoch"].setText(epoch_text(step, epoch, planned))

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
            lab["train"].setText(f"train loss {p.losses[-1]:.4g}")
        if len(p.val_losses):
            lab["val"].setText(f"val loss {p.val_losses[-1]:.4g}")
            if p.metric_name and np.isfinite(p.val_metrics[-1]):
                score = self.score(p.metric_name, p.val_metrics[-1])
                lab["metric"].setText(score.short())
                lab["metric"].setToolTip(score.text())
        if p.running:
            lab["rate"].setText(f"{p.steps_per_second:.0f} steps/s")
        elif len(p.steps):
            lab["rate"].setText("paused")
        if p.extra_step is not None:
            # The task's further numbers (e.g. the accuracy on ambiguous words), from the
            # loop's latest validation pass.
            self.extra_metrics = list(p.extra_metrics)
            scores = [Score(m, baseline_for(m.name, self.baselines))
                      for m in self.extra_metrics if np.isfinite(m.value)]
            lab["extra"].setText("  ·  ".join(s.short() for s in scores))
            lab["extra"].setToolTip("Further numbers of this task on the validation set, "
                                    "from the latest weights:\n"
                                    + "\n".join(s.text() for s in scores))

    def score(self, name: str, value: float) -> Score:
        """The main metric beside its baseline (the first of :attr:`baselines`)."""
        base = self.baselines[0] if self.baselines else None
        higher = base.higher_is_better if base is not None else True
        return Score(Metric(name, float(value), higher), base)
