"""Test-wide setup: Qt renders offscreen, so the suite runs on machines with no screen."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep NumPy's BLAS to one thread so timings and results do not depend on the machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


@pytest.fixture
def sine_experiment():
    """Build a small sine-forecast experiment (200 samples), quick to train; keyword
    arguments set training settings."""
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import get_task

    def make(**training) -> Experiment:
        cfg = get_task("sine_forecast").default_config()
        cfg.task.n_samples = 200
        for k, v in training.items():
            setattr(cfg.training, k, v)
        return Experiment(cfg)

    return make
