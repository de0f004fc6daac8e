"""What the controller shows its views, and what a view is to it.

Below both the controller (:mod:`rnn_sandbox.ui.controller`) and the parts that read an
experiment as the views do (the run keeping, the panels of :mod:`rnn_sandbox.ui.views`), so
that each imports it downward.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine import Anatomy
from rnn_sandbox.session import Experiment
from rnn_sandbox.ui.worker import Progress

HISTORY_KEYS = ("step", "train_loss", "val_loss", "val_metric", "seconds")


@dataclass
class ViewData:
    """What the views are built from, read from an experiment in one go (so that an
    experiment they cannot show is found before anything changes)."""

    experiment: Experiment
    generation: int  # of the controller's experiments, counted (reports carry it too)
    config: ExperimentConfig
    step: int
    epoch: int
    steps_per_epoch: int  # Experiment.steps_per_epoch: one rule everywhere
    n_val: int
    baseline: Any
    anatomy: Anatomy  # the network's states and parameters, named
    sample: Any
    history: dict[str, np.ndarray]
    metric_name: str | None  # the task's metric, known once the run was validated

    @classmethod
    def of(cls, exp: Experiment, generation: int) -> ViewData:
        history = exp.trainer.history
        return cls(
            experiment=exp,
            generation=generation,
            metric_name=getattr(exp.trainer, "metric_name", None),
            config=exp.config.copy(),
            step=exp.trainer.step_count,
            epoch=exp.trainer.epoch,
            steps_per_epoch=exp.steps_per_epoch(),
            n_val=len(exp.dataset.val),
            baseline=exp.task.baseline(exp.dataset),
            anatomy=exp.network.anatomy(),
            sample=exp.dataset.val.subset(slice(0, 1)),
            history={k: np.array([h.get(k, np.nan) for h in history], float)
                     for k in HISTORY_KEYS},
        )

    def history_rows(self) -> list[dict[str, float]]:
        """The history as rows (one dict per step), as the runs keep it."""
        h = self.history
        return [{k: float(h[k][i]) for k in HISTORY_KEYS} for i in range(len(h["step"]))]


class View(Protocol):
    """What every panel does for the controller."""

    def show_experiment(self, view: ViewData) -> None:
        """Rebuild everything that depends on the task and the network (axes, labels,
        legends, ranges) for this experiment; nothing of the previous one stays."""

    def show_progress(self, progress: Progress) -> None:
        """Draw what training reported (the panel may skip drawing while hidden)."""
