"""Tiny experiments for the file tests, and a toy tagging task that is only registered
while a test uses it (so the real catalogue other tests list stays as it is)."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks import Metric, Task, one_hot
from rnn_sandbox.tasks import base as tasks_base


class ToyTagging(Task):
    """Many-to-many classification with padded (masked) sequences: tag each token's
    parity.  Exercises masks, integer targets and cross-entropy in the files."""

    name = "io_toy_tagging"
    title = "Toy tagging"
    kind = "many_to_many"
    summary = "Tag each token odd or even."
    default_task = {"seq_len": 6, "n_samples": 24}
    default_network = {"hidden_size": 3}
    default_training = {"batch_size": 5, "learning_rate": 0.05}

    def shape(self, cfg: TaskConfig) -> dict:
        return {"input_size": 4, "output_size": 2, "architecture": "many_to_many", "loss": "ce"}

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        n, T = cfg.n_samples, cfg.seq_len
        tokens = rng.integers(0, 4, (n, T))
        lengths = rng.integers(1, T + 1, n)
        mask = (np.arange(T)[None, :] < lengths[:, None]).astype(float)
        x = one_hot(tokens, 4) * mask[..., None]
        y = tokens % 2
        k = max(1, int(round(n * cfg.val_fraction)))
        return Dataset(Batch(x[k:], y[k:], mask[k:]), Batch(x[:k], y[:k], mask[:k]))

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        m = batch.mask > 0
        return Metric("accuracy", float((outputs.argmax(-1) == batch.y)[m].mean()))

    def render_sample(self, dataset, index, split="val") -> str:
        return str(getattr(dataset, split).y[index])

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        return f"tags {outputs.argmax(-1)}"


@pytest.fixture
def toy_task(monkeypatch) -> Task:
    task = ToyTagging()
    monkeypatch.setitem(tasks_base._REGISTRY, task.name, task)
    return task
