"""The dense baseline: exact gradients, PyTorch-style names, and its two built-in limits."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig, TrainingConfig
from rnn_sandbox.engine import Batch, Dataset, Trainer, gradcheck
from rnn_sandbox.engine.dense import DenseNetwork


def _cfg(**kw):
    base = dict(input_size=3, output_size=4, hidden_size=5, loss="ce")
    base.update(kw)
    return NetworkConfig(**base)


def _data(rng, B=6, T=5, I=3):
    x = rng.standard_normal((B, T, I))
    mask = np.ones((B, T))
    mask[1, 3:] = 0
    mask[4, 2:] = 0
    return x, mask


@pytest.mark.parametrize("pooling", ["mean", "flatten"])
@pytest.mark.parametrize("loss", ["ce", "mse"])
def test_gradients_match_finite_differences(pooling, loss):
    rng = np.random.default_rng(3)
    x, mask = _data(rng)
    net = DenseNetwork(_cfg(loss=loss), seed=1, pooling=pooling, seq_len=5)
    y = rng.integers(0, 4, 6) if loss == "ce" else rng.standard_normal((6, 4))
    result = gradcheck(net, x, y, mask)
    assert set(result.errors) == {"fc1.weight", "fc1.bias", "head.weight", "head.bias"}
    assert result.worst < 1e-6, (result.worst_name, result.worst)


def test_names_shapes_and_cache():
    net = DenseNetwork(_cfg(), seed=0, pooling="flatten", seq_len=5)
    shapes = {k: v.shape for k, v in net.state_dict().items()}
    assert shapes == {
        "fc1.weight": (5, 15), "fc1.bias": (5,), "head.weight": (4, 5), "head.bias": (4,)
    }
    assert DenseNetwork(_cfg(), pooling="mean").params["fc1.weight"].shape == (5, 3)
    x, mask = _data(np.random.default_rng(0))
    net.loss_and_grads(x, np.zeros(6, dtype=int), mask)
    assert net.cache["hidden"]["fc1"].shape == (6, 1, 5)
    assert net.cache["grad_h"]["fc1"].shape == (6, 1, 5)
    # The same seed gives the same weights; load_state_dict refuses a wrong shape untouched.
    again = DenseNetwork(_cfg(), seed=0, pooling="flatten", seq_len=5)
    assert all(np.array_equal(net.params[k], again.params[k]) for k in net.params)
    before = net.state_dict()
    bad = dict(before, **{"head.bias": np.zeros(7)})
    with pytest.raises(ValueError, match="head.bias"):
        net.load_state_dict(bad)
    assert all(np.array_equal(net.params[k], before[k]) for k in before)


def test_mean_pooling_ignores_order_and_padding():
    net = DenseNetwork(_cfg(), seed=2, pooling="mean")
    x, mask = _data(np.random.default_rng(1))
    out = net.forward(x, mask)
    shuffled = x[:, ::-1].copy()  # reversed order (full-length rows only)
    full = mask.all(axis=1)
    assert np.allclose(net.forward(shuffled, mask)[full], out[full])
    # Garbage on padded steps changes nothing.
    noisy = x.copy()
    noisy[mask == 0] = 99.0
    assert np.allclose(net.forward(noisy, mask), out)


def test_flatten_sees_order_but_has_a_fixed_size():
    net = DenseNetwork(_cfg(), seed=2, pooling="flatten", seq_len=5)
    x = np.random.default_rng(2).standard_normal((2, 5, 3))
    assert not np.allclose(net.forward(x[:, ::-1].copy()), net.forward(x))
    # Shorter sequences are zero-padded: the same as passing the padding explicitly.
    padded = np.concatenate([x[:, :3], np.zeros((2, 2, 3))], axis=1)
    assert np.allclose(net.forward(x[:, :3]), net.forward(padded))
    with pytest.raises(ValueError, match="at most 5 steps"):
        net.forward(np.zeros((2, 6, 3)))
    with pytest.raises(ValueError, match="fixed number of steps"):
        DenseNetwork(_cfg(), pooling="flatten")


@pytest.mark.learning
def test_trainer_trains_it(seed, record_property):
    # A task a dense net can do: is the mean of the first feature positive?
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((400, 6, 3))
    y = (x[:, :, 0].mean(axis=1) > 0).astype(np.intp)
    data = Dataset(Batch(x[100:], y[100:]), Batch(x[:100], y[:100]))
    net = DenseNetwork(_cfg(output_size=2, hidden_size=8), seed=seed, pooling="mean")

    def acc(outputs, batch):
        from rnn_sandbox.tasks import Metric

        return Metric("accuracy", float(np.mean(outputs.argmax(-1) == batch.y)))

    trainer = Trainer(net, data, TrainingConfig(learning_rate=0.05, seed=seed), metric_fn=acc)
    first = trainer.step(collect=True).train_loss
    for _ in trainer.run(steps=300):
        pass
    loss, metric = trainer.evaluate()
    record_property("loss/first", loss / first)
    record_property("accuracy", metric.value)
    assert loss < 0.5 * first and metric.value > 0.9
