"""Divergence is caught at the step that causes it, for every optimizer and dtype: the
message names what became NaN or infinite, and weights, optimizer buffers and the step
count stay those of the last good step."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.config import OPTIMIZERS, TrainingConfig
from rnn_sandbox.engine import TrainingDiverged, clip_grad_norm, make_optimizer
from rnn_sandbox.engine.optim import NonFiniteUpdate
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task


def _explosive(optimizer: str, dtype: str = "float64", **network) -> Experiment:
    """A ReLU network with a huge learning rate and no clipping: it blows up within a few
    steps (the settings of the issue's command lines)."""
    cfg = get_task("sine_forecast").default_config()
    cfg.network.nonlinearity = "relu"
    cfg.network.dtype = dtype
    for key, value in network.items():
        setattr(cfg.network, key, value)
    cfg.training.optimizer = optimizer
    cfg.training.learning_rate = 99
    cfg.training.clip_norm = 0
    cfg.task.n_samples = 64
    return Experiment(cfg)


def _state(exp: Experiment) -> tuple[dict, dict, int, int]:
    opt = exp.trainer.optimizer
    return exp.network.state_dict(), opt.state_dict(), opt.t, exp.trainer.step_count


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def _run_until_diverged(exp: Experiment, limit: int = 300) -> tuple[TrainingDiverged, tuple]:
    for _ in range(limit):
        before = _state(exp)
        try:
            exp.trainer.step()
        except TrainingDiverged as e:
            return e, before
        for w in exp.network.params.values():
            assert np.isfinite(w).all()  # never a non-finite weight after a good step
        for slot in exp.trainer.optimizer.state.values():
            assert all(np.isfinite(b).all() for b in slot.values())
    raise AssertionError("training did not diverge")


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_every_optimizer_stops_at_the_step_that_diverges(optimizer, dtype):
    extra = {"init": "spectral", "spectral_radius": 10.0} if dtype == "float32" else {}
    exp = _explosive(optimizer, dtype, **extra)
    error, before = _run_until_diverged(exp)
    after = _state(exp)
    assert _same(before[0], after[0]) and _same(before[1], after[1])
    assert before[2:] == after[2:]  # optimizer step counter and trainer step unchanged
    assert error.cause in ("loss", "gradient", "weight", "optimizer")
    assert "learning rate" in str(error) and "clipping" in str(error)


def test_adam_without_clipping_names_its_second_moment_buffer():
    """The issue's case: the loss stays finite (8e160) while exp_avg_sq overflows; it used
    to train on and save a file the program then refused to open."""
    error, _ = _run_until_diverged(_explosive("adam"))
    assert error.cause == "optimizer"
    assert "exp_avg_sq buffer" in str(error)


def test_rmsprop_names_its_square_average():
    error, _ = _run_until_diverged(_explosive("rmsprop"))
    assert error.cause == "optimizer" and "square_avg" in str(error)


def test_a_non_finite_gradient_is_named_as_such(monkeypatch):
    exp = _explosive("sgd")
    net = exp.network
    real = net.loss_and_grads

    def inf_gradient(*args, **kwargs):
        loss, grads = real(*args, **kwargs)
        grads["weight_hh_l0"][0, 0] = np.inf
        return loss, grads

    monkeypatch.setattr(net, "loss_and_grads", inf_gradient)
    with pytest.raises(TrainingDiverged, match="gradient of weight_hh_l0 became infinite") as e:
        exp.trainer.step()
    assert e.value.cause == "gradient"
    assert "loss became" not in str(e.value)  # the loss was finite: it is not the cause


def test_weights_turning_infinite_after_a_finite_update_keep_the_last_good_ones():
    """Finite loss and gradients, but the update itself overflows a weight."""
    exp = _explosive("sgd")
    exp.trainer.learning_rate = 1.0
    net = exp.network
    net.params["head.bias"][...] = -1.7e308  # the update subtracts lr * gradient
    real = net.loss_and_grads

    def pushing_gradient(*args, **kwargs):
        loss, grads = real(*args, **kwargs)
        grads = {k: np.zeros_like(g) for k, g in grads.items()}
        grads["head.bias"][...] = 1e308
        return 0.5, grads

    net.loss_and_grads = pushing_gradient
    before = _state(exp)
    with pytest.raises(TrainingDiverged, match="weight head.bias infinite") as e:
        exp.trainer.step()
    assert e.value.cause == "weight"
    after = _state(exp)
    assert _same(before[0], after[0]) and before[2:] == after[2:]


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_a_failed_optimizer_step_changes_nothing(optimizer):
    opt = make_optimizer(TrainingConfig(optimizer=optimizer, learning_rate=0.5))
    p = {"a": np.array([1.0, 2.0]), "b": np.array([1e308])}
    opt.step(p, {"a": np.array([0.1, 0.2]), "b": np.array([0.3])})
    params, state, t = {k: v.copy() for k, v in p.items()}, opt.state_dict(), opt.t
    with pytest.raises(NonFiniteUpdate) as e:  # a weight (SGD, momentum) or a buffer
        opt.step(p, {"a": np.array([0.1, 0.2]), "b": np.array([-np.finfo(float).max])})
    assert e.value.what.startswith("b")
    assert _same(p, params) and _same(opt.state_dict(), state) and opt.t == t


def test_float32_overflow_is_caught_in_the_buffers():
    opt = make_optimizer(TrainingConfig(optimizer="adam", learning_rate=0.1))
    p = {"w": np.ones(3, dtype=np.float32)}
    with pytest.raises(NonFiniteUpdate, match="w/exp_avg_sq would become infinite"):
        opt.step(p, {"w": np.full(3, 1e30, dtype=np.float32)})  # 1e60 > float32 max
    assert np.array_equal(p["w"], np.ones(3, dtype=np.float32)) and not opt.state


def test_clipping_huge_finite_gradients_keeps_their_direction():
    """The squares of 1e200 overflow; the norm must not, or clipping zeroes everything."""
    g = {"a": np.array([3e200, 0.0]), "b": np.array([[4e200]])}
    total = clip_grad_norm(g, 1.0)
    assert total == pytest.approx(5e200)
    np.testing.assert_allclose(g["a"], [0.6, 0.0])
    np.testing.assert_allclose(g["b"], [[0.8]])
