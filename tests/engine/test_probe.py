"""input_connectivity against PyTorch's Jacobian and against finite differences."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.probe import hidden_states, input_connectivity


def network(cell, arch, layers, bidirectional, outputs=3, inputs=2, hidden=4, seed=0):
    cfg = NetworkConfig(input_size=inputs, output_size=outputs, hidden_size=hidden,
                        num_layers=layers, bidirectional=bidirectional, cell=cell,
                        architecture=arch, loss="mse")
    return Network(cfg, seed=seed)


def torch_connectivity(net, x):
    """The Frobenius norms of PyTorch's Jacobian of the same network, written in torch."""
    torch = pytest.importorskip("torch")
    c = net.config
    module = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}[c.cell]
    kwargs = {"nonlinearity": c.nonlinearity} if c.cell == "rnn" else {}
    rnn = module(c.input_size, c.hidden_size, c.num_layers, batch_first=True,
                 bidirectional=c.bidirectional, **kwargs).double()
    rnn.load_state_dict({k: torch.tensor(v) for k, v in net.params.items()
                         if not k.startswith("head.")})
    w = torch.tensor(net.params["head.weight"])
    b = torch.tensor(net.params["head.bias"])
    H = c.hidden_size

    def out(xs):
        top = rnn(xs[None])[0][0]  # (T, D*H)
        if c.architecture == "many_to_one":
            feat = top[-1] if not c.bidirectional else torch.cat([top[-1, :H], top[0, H:]])
            return (feat @ w.T + b)[None]
        return top @ w.T + b

    rows = []
    for sample in x:
        jac = torch.autograd.functional.jacobian(out, torch.tensor(sample))  # (S, O, T, I)
        rows.append(jac.pow(2).sum(dim=(1, 3)).sqrt().numpy())
    return np.stack(rows)


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
@pytest.mark.parametrize("arch", ["many_to_one", "many_to_many"])
@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_connectivity_equals_pytorch_jacobian(cell, arch, layers, bidirectional):
    # More outputs than hidden numbers for one case, so the SVD path is checked too.
    outputs = 11 if (cell == "gru" and layers == 1) else 3
    net = network(cell, arch, layers, bidirectional, outputs=outputs)
    x = np.random.default_rng(1).normal(size=(2, 5, 2))
    got = input_connectivity(net, x)
    assert got.shape == (2, 1 if arch == "many_to_one" else 5, 5)
    np.testing.assert_allclose(got, torch_connectivity(net, x), atol=1e-9, rtol=0)
    if not bidirectional and arch == "many_to_many":  # a step never sees the future
        assert np.all(np.triu(got[0], k=1) == 0) and np.all(np.diag(got[0]) > 0)


@pytest.mark.parametrize("arch", ["many_to_one", "many_to_many"])
def test_connectivity_equals_finite_differences_with_padding(arch):
    net = network("lstm", arch, 2, True)
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 4, 2))
    mask = np.array([[1, 1, 1, 1], [1, 1, 1, 0]], float)
    got = input_connectivity(net, x, mask)
    eps = 1e-6
    base = net.forward(x, mask)
    S = base.shape[1] if base.ndim == 3 else 1
    jac = np.zeros((2, S, base.shape[-1], 4, 2))
    for t in range(4):
        for i in range(2):
            up, down = x.copy(), x.copy()
            up[:, t, i] += eps
            down[:, t, i] -= eps
            diff = (net.forward(up, mask) - net.forward(down, mask)) / (2 * eps)
            jac[:, :, :, t, i] = diff.reshape(2, S, -1)
    np.testing.assert_allclose(got, np.sqrt((jac ** 2).sum(axis=(2, 4))), atol=1e-7)


def test_generating_networks_are_refused_and_states_come_by_name():
    net = network("gru", "one_to_many", 1, False, outputs=3, inputs=3)
    with pytest.raises(ValueError, match="many-to-one"):
        input_connectivity(net, np.zeros((1, 1, 3)))
    y = np.zeros((2, 6, 3))
    states = hidden_states(net, np.ones((2, 1, 3)), y=y)
    assert list(states) == ["l0"] and states["l0"].shape == (2, 6, 4)
    m2m = network("rnn", "many_to_many", 2, True)
    x = np.random.default_rng(0).normal(size=(3, 5, 2))
    states = hidden_states(m2m, x)
    m2m.loss_and_grads(x, np.zeros((3, 5, 3)))
    for name, h in m2m.cache["hidden"].items():
        np.testing.assert_array_equal(states[name], h)
