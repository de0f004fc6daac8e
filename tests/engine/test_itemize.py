"""Itemized gradients: the (output step, input step) terms of every parameter's gradient."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network, itemized_gradients
from rnn_sandbox.engine.anatomy import HEAD_BIAS, HEAD_WEIGHT, param_name

ARCHS = ["many_to_one", "many_to_many", "one_to_many", "seq2seq"]
T, T_DEC, B = 5, 4, 3


def _case(cell, bidirectional, layers, arch, loss="mse", seed=0):
    """A network and a batch with variable lengths where the architecture has them."""
    rng = np.random.default_rng(seed)
    bidirectional = bidirectional and arch != "one_to_many"  # generative: forward only
    out = 3
    if arch in ("seq2seq", "one_to_many") or loss == "ctc":
        loss = "ce" if loss == "mse" else loss
    cfg = NetworkConfig(
        input_size=3, output_size=out, hidden_size=4, num_layers=layers,
        bidirectional=bidirectional, cell=cell, architecture=arch, loss=loss,
    )
    net = Network(cfg, seed=seed)
    x = rng.standard_normal((B, T, 3))
    mask = np.ones((B, T))
    mask[1, 3:] = 0  # the second sample is 3 steps long
    mask[2, 4:] = 0
    y_mask = None
    if arch == "many_to_one":
        y = rng.standard_normal((B, out))
    elif arch == "many_to_many" and loss == "ctc":
        y = np.array([[1, 2, 2], [2, 0, 0], [1, 1, 0]])
        y_mask = np.array([[1, 1, 1], [1, 0, 0], [1, 1, 0]], dtype=float)
    elif arch == "many_to_many":
        y = rng.standard_normal((B, T, out))
    else:
        x = rng.standard_normal((B, 1, 3)) if arch == "one_to_many" else x
        mask = None if arch == "one_to_many" else mask
        y = rng.integers(0, out, (B, T_DEC))
        y_mask = np.ones((B, T_DEC))
        y_mask[0, 2:] = 0  # a shorter target
    return net, x, y, mask, y_mask


def _check_sum(net, x, y, mask, y_mask):
    before = {k: v.copy() for k, v in net.params.items()}
    items = itemized_gradients(net, x, y, mask, y_mask, reduce=None)
    _, grads = net.loss_and_grads(x, y, mask, y_mask)
    assert set(items) == set(grads)
    for k, g in grads.items():
        np.testing.assert_allclose(items[k].sum(axis=(0, 1)), g, rtol=1e-10, atol=1e-15,
                                   err_msg=k)
    for k, v in net.params.items():
        assert np.array_equal(v, before[k])  # weights untouched
    return items


@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_contributions_sum_to_the_gradient(cell, bidirectional, layers, arch):
    net, x, y, mask, y_mask = _case(cell, bidirectional, layers, arch)
    items = _check_sum(net, x, y, mask, y_mask)
    T_in = T + T_DEC if arch == "seq2seq" else (T_DEC if arch == "one_to_many" else T)
    T_out = 1 if arch == "many_to_one" else (T if arch == "many_to_many" else T_DEC)
    for k, a in items.items():
        assert a.shape == (T_out, T_in, *net.params[k].shape)


@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_ctc_is_one_sequence_level_term(cell, bidirectional):
    net, x, y, mask, y_mask = _case(cell, bidirectional, 2, "many_to_many", loss="ctc")
    items = _check_sum(net, x, y, mask, y_mask)
    assert items[HEAD_WEIGHT].shape[:2] == (1, T)


def test_norm_is_the_norm_of_each_contribution_and_params_selects():
    net, x, y, mask, y_mask = _case("lstm", True, 2, "many_to_many")
    full = itemized_gradients(net, x, y, mask, y_mask, reduce=None)
    chosen = [param_name("weight_hh", 1, True), HEAD_BIAS]
    norms = itemized_gradients(net, x, y, mask, y_mask, params=chosen)
    assert list(norms) == chosen
    for k in chosen:
        assert norms[k].shape == (T, T)
        expected = np.linalg.norm(full[k].reshape(T, T, -1), axis=2)
        np.testing.assert_allclose(norms[k], expected, rtol=1e-12, atol=1e-300)
    with pytest.raises(KeyError):
        itemized_gradients(net, x, y, mask, y_mask, params=["nope"])
    with pytest.raises(ValueError):
        itemized_gradients(net, x, y, mask, y_mask, reduce="sum")


def test_padded_steps_and_head_convention():
    net, x, y, mask, y_mask = _case("gru", False, 1, "many_to_many")
    items = itemized_gradients(net, x[1:2], y[1:2], mask[1:2], None)  # 3 real steps of 5
    for k, a in items.items():
        assert np.all(a[:, 3:] == 0), k  # padded steps use no weight
        assert np.all(a[3:] == 0), k  # and have no loss term
    head = items[HEAD_WEIGHT]
    assert np.all(head[~np.eye(T, dtype=bool)] == 0)  # the head serves L_s at t = s only
    # many-to-one: the head counts at the sample's last real step
    net, x, y, mask, y_mask = _case("rnn", False, 1, "many_to_one")
    items = itemized_gradients(net, x[1:2], y[1:2], mask[1:2], None)
    assert np.flatnonzero(items[HEAD_WEIGHT][0]).tolist() == [2]


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_causality_forward_only(cell):
    """A unidirectional many-to-many network: output s cannot depend on later steps."""
    net, x, y, mask, y_mask = _case(cell, False, 2, "many_to_many")
    items = itemized_gradients(net, x, y, None, None)
    later = np.triu(np.ones((T, T), dtype=bool), k=1)  # t > s
    for k, a in items.items():
        assert np.all(a[later] == 0), k
        assert np.all(np.diagonal(a)[1:] > 0), k  # (W_hh at step 0 meets h0 = 0)


def _reach(cell, steps=30, seed=1):
    """Mean norm of the last output's W_hh terms, per distance s - t (1 at distance 0)."""
    cfg = NetworkConfig(input_size=1, output_size=1, hidden_size=8, cell=cell,
                        architecture="many_to_many")
    net = Network(cfg, seed=seed)
    rng = np.random.default_rng(seed)
    w_hh = param_name("weight_hh")
    if cell == "rnn":
        net.params[w_hh] *= 0.3 / max(abs(np.linalg.eigvals(net.params[w_hh])))
    else:  # LSTM: forget gate biased open (b_if, b_hf rows H..2H)
        for kind in ("bias_ih", "bias_hh"):
            net.params[param_name(kind)][8:16] = 3.0
    x = rng.standard_normal((1, steps, 1))
    y = rng.standard_normal((1, steps, 1))
    a = itemized_gradients(net, x, y, params=[w_hh])[w_hh]
    last = a[-1, ::-1]  # distance 0, 1, 2, ... from the diagonal
    return last / last[0]


def test_vanishing_in_a_simple_rnn_long_reach_in_an_lstm():
    rnn, lstm = _reach("rnn"), _reach("lstm")
    # small recurrent weights: the terms fall geometrically away from the diagonal
    assert rnn[5] < 1e-2 and rnn[10] < 1e-4
    assert np.all(rnn[1:13] < 0.5 ** np.arange(1, 13))
    # the LSTM's cell state (forget gate ≈ 0.95) keeps them alive far back
    assert lstm[10] > 1e-2
    assert lstm[10] > 1e3 * rnn[10]


def test_trainer_adds_itemized_gradients_to_a_snapshot_when_asked():
    from rnn_sandbox.config import TrainingConfig
    from rnn_sandbox.engine import Batch, Dataset, Trainer

    rng = np.random.default_rng(0)
    x = rng.standard_normal((20, 6, 2))
    y = x[:, :3, :1].sum(axis=1)
    data = Dataset(Batch(x[4:], y[4:]), Batch(x[:4], y[:4]))
    net = Network(NetworkConfig(input_size=2, output_size=1, hidden_size=5, cell="lstm"))
    trainer = Trainer(net, data, TrainingConfig(batch_size=4))
    assert trainer.step(collect=True).itemized is None  # nothing asked: nothing paid
    w_hh = param_name("weight_hh")
    trainer.itemize_params = {w_hh, "not.a.weight"}
    snap = trainer.step(collect=True)
    assert list(snap.itemized) == [w_hh]
    assert snap.itemized[w_hh].shape == (1, 6)  # many-to-one: one bar per step
    sample = data.val.subset(slice(0, 1))
    expected = itemized_gradients(net, sample.x, sample.y, params=[w_hh])[w_hh]
    np.testing.assert_allclose(snap.itemized[w_hh], expected)
    assert trainer.step(collect=False).itemized is None


@pytest.mark.parametrize("arch", ["many_to_one", "many_to_many", "seq2seq"])
@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_truncated_contributions_sum_to_the_truncated_gradient(cell, arch):
    net, x, y, mask, y_mask = _case(cell, False, 1, arch)
    items = itemized_gradients(net, x, y, mask, y_mask, reduce=None, truncation=2)
    full = itemized_gradients(net, x, y, mask, y_mask, reduce=None)
    _, grads = net.loss_and_grads(x, y, mask, y_mask, truncation=2)
    for k, g in grads.items():
        np.testing.assert_allclose(items[k].sum(axis=(0, 1)), g, rtol=1e-10, atol=1e-15,
                                   err_msg=k)
    w_hh = param_name("weight_hh", part="encoder" if arch == "seq2seq" else "")
    # what truncation cuts: terms that full BPTT has, far from the loss, are gone
    cut = np.linalg.norm(items[w_hh].reshape(*items[w_hh].shape[:2], -1), axis=2)
    whole = np.linalg.norm(full[w_hh].reshape(*full[w_hh].shape[:2], -1), axis=2)
    assert (cut == 0).sum() > (whole == 0).sum()
