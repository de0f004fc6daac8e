"""input_connectivity against PyTorch's Jacobian and against finite differences."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.probe import hidden_states, input_connectivity


def network(cell, arch, layers, bidirectional, outputs=3, inputs=2, hidden=4, seed=0, **more):
    cfg = NetworkConfig(input_size=inputs, output_size=outputs, hidden_size=hidden,
                        num_layers=layers, bidirectional=bidirectional, cell=cell,
                        architecture=arch, loss="mse", **more)
    return Network(cfg, seed=seed)


def torch_connectivity(net, x, y=None):
    """The Frobenius norms of PyTorch's Jacobian of the same network, written in torch:
    a generating network is fed ``y`` (teacher forcing); a one-to-many network's inputs
    are the input vector and the fed-back targets, a seq2seq network's the source."""
    torch = pytest.importorskip("torch")
    c = net.config
    module = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}[c.cell]
    kwargs = {"nonlinearity": c.nonlinearity} if c.cell == "rnn" else {}

    def stack(part, inputs, bidirectional):
        m = module(inputs, c.hidden_size, c.num_layers, batch_first=True,
                   bidirectional=bidirectional, **kwargs).double()
        m.load_state_dict({k.removeprefix(part): torch.tensor(v)
                           for k, v in net.params.items() if k.startswith(part)
                           and not k.startswith("head.")})
        return m

    seq2seq = c.architecture == "seq2seq"
    rnn = stack("encoder." if seq2seq else "", c.input_size, c.bidirectional)
    decoder = stack("decoder.", c.output_size, False) if seq2seq else None
    w = torch.tensor(net.params["head.weight"])
    b = torch.tensor(net.params["head.bias"])
    H, L, D = c.hidden_size, c.num_layers, 2 if c.bidirectional else 1

    def out(xs, fed=None):
        if c.architecture == "one_to_many":  # the input vector, then the previous targets
            return rnn(torch.cat([xs, fed])[None])[0][0] @ w.T + b
        if seq2seq:
            h_n = rnn(xs[None])[1]
            merge = (lambda s: s.reshape(L, D, 1, H).sum(dim=1))  # noqa: E731
            h0 = tuple(map(merge, h_n)) if isinstance(h_n, tuple) else merge(h_n)
            start = torch.zeros(1, c.output_size, dtype=torch.float64)
            return decoder(torch.cat([start, fed])[None], h0)[0][0] @ w.T + b
        top = rnn(xs[None])[0][0]  # (T, D*H)
        if c.architecture == "many_to_one":
            feat = top[-1] if not c.bidirectional else torch.cat([top[-1, :H], top[0, H:]])
            return (feat @ w.T + b)[None]
        return top @ w.T + b

    rows = []
    for i, sample in enumerate(x):
        xs = torch.tensor(sample)
        if y is None:
            jac = torch.autograd.functional.jacobian(out, xs)  # (S, O, T, I)
        else:
            fed = torch.tensor(y[i, :-1])
            jacs = torch.autograd.functional.jacobian(out, (xs, fed))
            jac = jacs[0] if seq2seq else torch.cat(jacs, dim=2)
        rows.append(jac.pow(2).sum(dim=(1, 3)).sqrt().numpy())
    return np.stack(rows)


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize(("arch", "bidirectional"), [  # one-to-many: one direction only
    (a, d) for a in ("many_to_one", "many_to_many", "one_to_many", "seq2seq")
    for d in (False, True) if not (a == "one_to_many" and d)])
def test_connectivity_equals_pytorch_jacobian(cell, arch, layers, bidirectional):
    # More outputs than hidden numbers for one case, so the SVD path is checked too.
    outputs = 11 if (cell == "gru" and layers == 1) else 3
    one_to_many = arch == "one_to_many"
    inputs = outputs if one_to_many else 2
    cfg = dict(feedback="output") if one_to_many else {}
    net = network(cell, arch, layers, bidirectional, outputs=outputs, inputs=inputs, **cfg)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 1 if one_to_many else 5, inputs))
    y = rng.normal(size=(2, 4, outputs)) if net.generative else None
    got = input_connectivity(net, x, y=y)
    S = {"many_to_one": 1, "many_to_many": 5}.get(arch, 4)
    assert got.shape == (2, S, 4 if one_to_many else 5)
    np.testing.assert_allclose(got, torch_connectivity(net, x, y), atol=1e-9, rtol=0)
    if not bidirectional and arch in ("many_to_many", "one_to_many"):  # never the future
        assert np.all(np.triu(got[0], k=1) == 0) and np.all(np.diag(got[0]) > 0)


@pytest.mark.parametrize(("arch", "cell"), [
    ("many_to_one", "lstm"), ("many_to_many", "mingru"), ("one_to_many", "minlstm"),
    ("seq2seq", "gru")])
def test_connectivity_equals_finite_differences_with_padding(arch, cell):
    """Every task type, padded, and the cells PyTorch has not; the seq2seq network
    attends, so the source reaches the outputs through attention too."""
    generating = arch in ("one_to_many", "seq2seq")
    inputs = 3 if arch == "one_to_many" else 2
    extra = {"one_to_many": {"feedback": "output"}, "seq2seq": {"attention": "general"}}
    net = network(cell, arch, 2, arch != "one_to_many", inputs=inputs,
                  **extra.get(arch, {}))
    rng = np.random.default_rng(2)
    x = rng.normal(size=(2, 1 if arch == "one_to_many" else 4, inputs))
    mask = None if arch == "one_to_many" else np.array([[1, 1, 1, 1], [1, 1, 1, 0]], float)
    y = rng.normal(size=(2, 5, 3)) if generating else None
    y_mask = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]], float) if generating else None
    got = input_connectivity(net, x, mask, y=y, y_mask=y_mask)

    def forward(x, y):
        return net.forward(x, mask, y=y, y_mask=y_mask) if generating else net.forward(x, mask)

    # What each input step is: x's steps; for one-to-many the input vector, then y's steps.
    inputs_of = ([(0, "x", 0)] + [(t + 1, "y", t) for t in range(4)]
                 if arch == "one_to_many" else [(t, "x", t) for t in range(4)])
    eps = 1e-6
    base = forward(x, y)
    S = base.shape[1] if base.ndim == 3 else 1
    jac = np.zeros((2, S, base.shape[-1], len(inputs_of), 3))
    for col, which, t in inputs_of:
        for i in range(x.shape[-1] if which == "x" else 3):
            diff = []
            for sign in (1, -1):
                xs, ys = x.copy(), None if y is None else y.copy()
                (xs if which == "x" else ys)[:, t, i] += sign * eps
                diff.append(forward(xs, ys))
            jac[:, :, :, col, i] = ((diff[0] - diff[1]) / (2 * eps)).reshape(2, S, -1)
    np.testing.assert_allclose(got, np.sqrt((jac ** 2).sum(axis=(2, 4))), atol=1e-7)
    assert got.shape == (2, S, len(inputs_of)) and np.all(got[:, :, 0] > 0)


def test_a_generating_network_needs_its_targets_and_states_come_by_name():
    net = network("gru", "one_to_many", 1, False, outputs=3, inputs=5, feedback="zero")
    with pytest.raises(ValueError, match="targets"):
        input_connectivity(net, np.zeros((1, 1, 5)))
    y = np.random.default_rng(3).normal(size=(2, 6, 3))
    # Fed zero vectors after the input vector (a caption): every output reads that only.
    got = input_connectivity(net, np.ones((2, 1, 5)), y=y)
    assert got.shape == (2, 6, 6) and np.all(got[..., 0] > 0) and np.all(got[..., 1:] == 0)
    states = hidden_states(net, np.ones((2, 1, 5)), y=y)
    assert list(states) == ["l0"] and states["l0"].shape == (2, 6, 4)
    m2m = network("rnn", "many_to_many", 2, True)
    x = np.random.default_rng(0).normal(size=(3, 5, 2))
    states = hidden_states(m2m, x)
    m2m.loss_and_grads(x, np.zeros((3, 5, 3)))
    for name, h in m2m.cache["hidden"].items():
        np.testing.assert_array_equal(states[name], h)
