"""Hand-written BPTT against central finite differences, for every wiring of the network."""

import itertools

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network, gradcheck

B, T, T_OUT, I, O, H = 3, 5, 4, 2, 3, 4


def make_case(arch, bidirectional, layers, nonlinearity, loss, seed=0, cell="rnn"):
    rng = np.random.default_rng(seed)
    in_size = O if arch == "one_to_many" else I
    cfg = NetworkConfig(
        input_size=in_size, output_size=O, hidden_size=H, num_layers=layers,
        bidirectional=bidirectional, nonlinearity=nonlinearity, architecture=arch, loss=loss,
        cell=cell,
    )
    net = Network(cfg, seed=seed + 1)
    mask = np.ones((B, T))
    mask[0, 3:] = 0  # two shorter sequences: padding must not leak into the loss
    mask[1, 4:] = 0
    y_mask = None
    if arch == "one_to_many":
        x, mask = rng.standard_normal((B, 1, in_size)), None
    else:
        x = rng.standard_normal((B, T, in_size))
    if arch == "many_to_one":
        y = rng.standard_normal((B, O)) if loss == "mse" else rng.integers(0, O, B)
    elif arch == "many_to_many":
        y = rng.standard_normal((B, T, O)) if loss == "mse" else rng.integers(0, O, (B, T))
    else:
        y = rng.standard_normal((B, T_OUT, O)) if loss == "mse" else rng.integers(0, O, (B, T_OUT))
        y_mask = np.ones((B, T_OUT))
        y_mask[2, 2:] = 0
    return net, x, y, mask, y_mask


CASES = [
    c
    for c in itertools.product(
        ["many_to_one", "many_to_many", "one_to_many", "seq2seq"],
        [False, True],
        [1, 2],
        ["tanh", "relu"],
        ["mse", "ce"],
    )
    if not (c[0] == "one_to_many" and c[1])  # generating step by step cannot look ahead
]


@pytest.mark.parametrize("arch,bidirectional,layers,nonlinearity,loss", CASES)
def test_bptt_matches_finite_differences(arch, bidirectional, layers, nonlinearity, loss):
    net, x, y, mask, y_mask = make_case(arch, bidirectional, layers, nonlinearity, loss)
    result = gradcheck(net, x, y, mask, y_mask)
    assert set(result.errors) == set(net.params)
    assert result.worst < 1e-6, (result.worst_name, result.worst)


GATED_CASES = [(*c[:3], c[4], cell) for c in CASES if c[3] == "tanh" for cell in ("lstm", "gru")]


@pytest.mark.parametrize("arch,bidirectional,layers,loss,cell", GATED_CASES)
def test_gated_bptt_matches_finite_differences(arch, bidirectional, layers, loss, cell):
    net, x, y, mask, y_mask = make_case(arch, bidirectional, layers, "tanh", loss, cell=cell)
    result = gradcheck(net, x, y, mask, y_mask)
    assert set(result.errors) == set(net.params)
    assert result.worst < 1e-6, (result.worst_name, result.worst)


def test_gradcheck_detects_a_wrong_gradient(monkeypatch):
    """The check itself can fail: a corrupted gradient is reported."""
    net, x, y, mask, y_mask = make_case("many_to_one", False, 1, "tanh", "mse")
    original = net.loss_and_grads

    def wrong(*args, **kwargs):
        loss, grads = original(*args, **kwargs)
        grads["weight_hh_l0"] = grads["weight_hh_l0"] * 1.01
        return loss, grads

    monkeypatch.setattr(net, "loss_and_grads", wrong)
    result = gradcheck(net, x, y, mask, y_mask)
    assert result.worst_name == "weight_hh_l0"
    assert result.worst > 1e-4


def test_dl_dh_matches_finite_differences_through_time():
    """cache['grad_h'][name][b, t] is the full dL/dh_t, the recurrent path included.

    x_t reaches the loss only through the pre-activations of step t, so
    dL/dx_t = sum over directions of (dL/dh_t * tanh'(pre_t) * m_t) @ W_ih, which is
    compared with finite differences on x."""
    net, x, y, mask, _ = make_case("many_to_many", True, 1, "tanh", "mse")
    net.loss_and_grads(x, y, mask)
    cache = net.cache
    eps = 1e-6
    num = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += eps
        xm[idx] -= eps
        num[idx] = (
            net.loss(net.forward(xp, mask), y, mask)[0]
            - net.loss(net.forward(xm, mask), y, mask)[0]
        ) / (2 * eps)
    ana = np.zeros_like(x)
    for name, wname in (("l0", "weight_ih_l0"), ("l0_reverse", "weight_ih_l0_reverse")):
        h = cache["hidden"][name]
        assert cache["grad_h"][name].shape == h.shape == (B, T, H)
        dpre = cache["grad_h"][name] * (1 - h**2) * mask[..., None]
        ana += dpre @ net.params[wname]
    np.testing.assert_allclose(ana, num, rtol=1e-6, atol=1e-9)
