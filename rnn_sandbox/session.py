"""An experiment put together from its configuration: task, data, network and trainer.

The command line, the GUI and the experiment files all build experiments here, so the
config → objects wiring exists once.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine import Dataset, Trainer, build_network
from rnn_sandbox.tasks import Task, TaskError, get_task


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
                raise TaskError(
                    f"the {split} data's {name} hold NaN or infinite values as {dtype} "
                    "numbers; rescale the data or use float64"
                )
