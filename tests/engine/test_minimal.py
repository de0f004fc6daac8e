"""minGRU and minLSTM: the engine against a PyTorch loop written from their equations (every
architecture, one or two layers and directions, padding), finite differences, and the scan
against the step loop."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network, gradcheck, minimal
from rnn_sandbox.engine.anatomy import anatomy_of

B, T, I, H = 3, 5, 2, 3
LENGTHS = np.array([5, 3, 2])
ARCHS = ("many_to_one", "many_to_many", "one_to_many", "seq2seq")
SHAPES = ((1, False, True), (2, True, True), (1, True, False))  # layers, two directions, padded


def make_case(cell, arch, layers, bidirectional, padded, seed=0, attention="none"):
    O = I if arch == "one_to_many" else 2
    cfg = NetworkConfig(input_size=I, output_size=O, hidden_size=H, num_layers=layers,
                        bidirectional=bidirectional, cell=cell, architecture=arch,
                        attention=attention)
    net = Network(cfg, seed=seed + 1)
    net.load_state_dict({k: v * 2.0 for k, v in net.state_dict().items()})  # lively gates
    rng = np.random.default_rng(seed)
    mask = (np.arange(T)[None, :] < LENGTHS[:, None]).astype(float) if padded else None
    if arch == "one_to_many":
        x = rng.standard_normal((B, 1, I))
        y = rng.standard_normal((B, T, O))
        return net, x, y, None, mask
    x = rng.standard_normal((B, T, I))
    if mask is not None:
        x = x * mask[..., None]
    if arch == "many_to_one":
        return net, x, rng.standard_normal((B, O)), mask, None
    if arch == "many_to_many":
        return net, x, rng.standard_normal((B, T, O)), mask, None
    y_mask = np.ones((B, 4))
    y_mask[2, 2:] = 0
    return net, x, rng.standard_normal((B, 4, O)), mask, y_mask


def torch_stack(torch, P, prefix, cell, x, mask, layers, D, h0=None):
    """The equations of the cell as a PyTorch loop: outputs (B, T, D*H) and h_n (L*D, B, H);
    a padded step (mask 0) keeps the state."""
    steps = x.shape[1]
    layer_in, h_n = x, []
    for k in range(layers):
        outs = []
        for d in range(D):
            suffix = f"l{k}" + ("_reverse" if d else "")
            pre = layer_in @ P[f"{prefix}weight_ih_{suffix}"].T + P[f"{prefix}bias_ih_{suffix}"]
            h = torch.zeros(x.shape[0], H, dtype=x.dtype) if h0 is None else h0[k * D + d]
            hs = [None] * steps
            for t in (range(steps - 1, -1, -1) if d else range(steps)):
                if cell == "mingru":
                    z, h_tilde = torch.sigmoid(pre[:, t, :H]), pre[:, t, H:]
                    new = (1 - z) * h + z * h_tilde
                else:
                    f, i = torch.sigmoid(pre[:, t, :H]), torch.sigmoid(pre[:, t, H : 2 * H])
                    new = f / (f + i) * h + i / (f + i) * pre[:, t, 2 * H :]
                if mask is not None:
                    m = mask[:, t, None]
                    new = m * new + (1 - m) * h
                h = hs[t] = new
            outs.append(torch.stack(hs, dim=1))
            h_n.append(h)
        layer_in = torch.cat(outs, dim=-1)
    return layer_in, torch.stack(h_n)


def torch_reference(net, x, y, mask, y_mask):
    """Loss and gradients by name of the same network in PyTorch (float64, MSE)."""
    torch = pytest.importorskip("torch")
    c = net.config
    L, D, O = c.num_layers, 2 if c.bidirectional else 1, c.output_size
    P = {k: torch.tensor(v, requires_grad=True) for k, v in net.params.items()}
    m = None if mask is None else torch.tensor(mask)
    yt = torch.tensor(y)
    head = P["head.weight"], P["head.bias"]
    if c.architecture == "seq2seq":
        _, state = torch_stack(torch, P, "encoder.", c.cell, torch.tensor(x), m, L, D)
        h0 = state.reshape(L, D, B, H).sum(dim=1)
        fed = torch.cat([torch.zeros(B, 1, O, dtype=torch.float64), yt[:, :-1]], dim=1)
        s, _ = torch_stack(torch, P, "decoder.", c.cell, fed, None, L, 1, h0)
        out = s @ head[0].T + head[1]
        w = torch.tensor(y_mask)[..., None]
        loss = ((out - yt) ** 2 * w).sum() / (w.sum() * O)
    elif c.architecture == "one_to_many":
        fed = torch.cat([torch.tensor(x), yt[:, :-1]], dim=1)  # teacher forcing
        top, _ = torch_stack(torch, P, "", c.cell, fed, None, L, D)
        out = top @ head[0].T + head[1]
        w = torch.ones(B, T, 1, dtype=torch.float64) if y_mask is None else torch.tensor(
            y_mask)[..., None]
        loss = ((out - yt) ** 2 * w).sum() / (w.sum() * O)
    else:
        top, _ = torch_stack(torch, P, "", c.cell, torch.tensor(x), m, L, D)
        if c.architecture == "many_to_one":
            feat = top[:, -1] if D == 1 else torch.cat([top[:, -1, :H], top[:, 0, H:]], -1)
            loss = ((feat @ head[0].T + head[1] - yt) ** 2).mean()
        else:
            out = top @ head[0].T + head[1]
            w = torch.ones(B, T, 1, dtype=torch.float64) if m is None else m[..., None]
            loss = ((out - yt) ** 2 * w).sum() / (w.sum() * O)
    loss.backward()
    return float(loss.detach()), {k: p.grad.numpy() for k, p in P.items()}


CASES = [
    (cell, arch, *shape) for cell in ("mingru", "minlstm") for arch in ARCHS for shape in SHAPES
    if not (arch == "one_to_many" and shape[1])  # generating step by step cannot look ahead
]


@pytest.mark.parametrize("cell,arch,layers,bidirectional,padded", CASES)
def test_loss_and_gradients_equal_a_pytorch_loop_of_the_equations(
    cell, arch, layers, bidirectional, padded
):
    net, x, y, mask, y_mask = make_case(cell, arch, layers, bidirectional, padded)
    loss, grads = net.loss_and_grads(x, y, mask, y_mask)
    ref_loss, ref_grads = torch_reference(net, x, y, mask, y_mask)
    assert abs(loss - ref_loss) <= 1e-9 * (1 + abs(ref_loss))
    assert set(grads) == set(ref_grads) == set(net.params)
    assert not any("weight_hh" in k or "bias_hh" in k for k in net.params)  # gates read x only
    for name, g in grads.items():
        np.testing.assert_allclose(g, ref_grads[name], rtol=1e-9, atol=1e-9, err_msg=name)


@pytest.mark.parametrize("cell", ["mingru", "minlstm"])
def test_gradients_match_finite_differences_with_and_without_attention(cell):
    for arch, attention in (("many_to_many", "none"), ("seq2seq", "general")):
        net, x, y, mask, y_mask = make_case(cell, arch, 2, True, True, attention=attention)
        result = gradcheck(net, x, y, mask, y_mask)
        assert set(result.errors) == set(net.params)
        assert result.worst < 1e-6, (arch, result.worst_name, result.worst)


@pytest.mark.parametrize("cell", ["mingru", "minlstm"])
@pytest.mark.parametrize("reverse", [False, True])
def test_scan_equals_the_step_loop(cell, reverse):
    for steps in (1, 2, 17):  # one step, and a chunk and one more
        check_scan_equals_loop(cell, reverse, steps)
    check_scan_equals_loop(cell, reverse, 300, padded=True)


def check_scan_equals_loop(cell: str, reverse: bool, steps: int, padded: bool = False) -> None:
    rng = np.random.default_rng(3)
    batch, width = 4, 5
    G = minimal.ROWS[cell] * width
    x = rng.standard_normal((steps, batch, 3))
    w, b = 3 * rng.standard_normal((G, 3)), rng.standard_normal(G)  # some gates nearly shut
    h0 = rng.standard_normal((batch, width))
    mask = None
    if padded:
        mask = np.ones((steps, batch, 1))
        mask[200:, 1] = 0
        mask[7, 2] = 0
    h_loop, c_loop = minimal.loop_forward(cell, x, w, b, h0, mask, reverse)
    h_scan, c_scan = minimal.scan_forward(cell, x, w, b, h0, mask, reverse)
    np.testing.assert_allclose(h_scan, h_loop, rtol=0, atol=1e-12)
    dh_out, dh_last = rng.standard_normal(h_loop.shape), rng.standard_normal(h0.shape)
    for got, want in zip(minimal.scan_backward(c_scan, dh_out, dh_last),
                         minimal.loop_backward(c_loop, dh_out, dh_last), strict=True):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)


def test_scan_keeps_precision_where_products_of_gates_underflow():
    # a = e^-2 per step: the product over 1000 steps is e^-2000, far below the smallest float;
    # the scan restarts its sums and still equals the loop, also across a gate that keeps
    # 1e-200 of the state and one shut completely (a = 0: σ(z) rounds to 1).
    steps = 1000
    a = np.full((steps, 1, 2), np.exp(-2.0))
    a[400, 0, 0], a[401, 0, 1], a[700] = 1e-200, 0.0, 0.0
    b = np.random.default_rng(0).standard_normal((steps, 1, 2))
    h, want, prev = minimal.scan(a, b, np.ones((1, 2))), np.empty_like(b), np.ones((1, 2))
    for t in range(steps):
        want[t] = prev = a[t] * prev + b[t]
    assert np.isfinite(h).all()
    np.testing.assert_allclose(h, want, rtol=0, atol=1e-12)


def test_anatomy_names_the_gates_that_read_only_the_input():
    a = anatomy_of(NetworkConfig(cell="minlstm", num_layers=2, bidirectional=True))
    assert [g.letter for g in a.gates] == ["f", "i", "h̃"]
    assert a.param_names[:2] == ["weight_ih_l0", "bias_ih_l0"]
    assert all(p.kind in ("weight_ih", "bias_ih") for p in a.params if p.module == "rnn")


@pytest.mark.parametrize("cell", ["mingru", "minlstm"])
def test_step_through_shares_add_up_to_the_engine_gradients(cell):
    from rnn_sandbox.engine import Batch
    from rnn_sandbox.engine.inspect import trace

    for arch, layers, bidirectional in (("many_to_many", 2, True), ("seq2seq", 1, False)):
        net, x, y, mask, y_mask = make_case(cell, arch, layers, bidirectional, True)
        sample = Batch(x[2:], y[2:], mask[2:], None if y_mask is None else y_mask[2:])
        tr = trace(net, sample)
        _, grads = net.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
        for d in tr.layers.values():
            assert set(d.params) == {"weight_ih", "bias_ih"}
            for p in d.params:
                total = sum(d.grad_step(p, t) for t in range(d.h.shape[0]))
                np.testing.assert_allclose(total, grads[d.params[p]], atol=1e-10, err_msg=p)
            if d.mask is not None:
                assert np.all(d.dpre[d.mask == 0] == 0)  # padded steps use no gate


def test_the_scan_stays_finite_in_float32_over_long_sequences():
    steps = 400
    a = np.full((steps, 1, 2), np.exp(-1.0), dtype=np.float32)  # e^-400: far below float32's
    b = np.ones((steps, 1, 2), dtype=np.float32)
    h = minimal.scan(a, b, np.zeros((1, 2), np.float32))
    assert h.dtype == np.float32
    np.testing.assert_allclose(h[-1], 1 / (1 - np.exp(-1.0)), rtol=1e-5)  # the fixed point


@pytest.mark.parametrize("cell", ["mingru", "minlstm"])
def test_the_state_jacobian_is_the_product_of_the_kept_fractions(cell):
    """∂h_last/∂h_t from the gates equals finite differences of the step loop: h_t nudged,
    the remaining real steps run again (both directions, a padded sequence)."""
    rng = np.random.default_rng(5)
    steps, length, width = 9, 7, 3
    x = rng.standard_normal((steps, 1, 2))
    w, b = 2 * rng.standard_normal((minimal.ROWS[cell] * width, 2)), rng.standard_normal(
        minimal.ROWS[cell] * width)
    gates = minimal.gates_of(cell, x, w, b)[:, 0]
    eps = 1e-6
    for reverse in (False, True):
        h, _ = minimal.loop_forward(cell, x[:length], w, b, np.zeros((1, width)), None, reverse)
        jac = minimal.state_jacobian(cell, gates, length, reverse)
        assert np.isnan(jac[length:]).all()
        for t in range(length):
            rest = x[:t] if reverse else x[t + 1 : length]  # the steps after t, in its order
            for j in range(width):
                nudge = np.zeros((1, width))
                nudge[0, j] = eps
                ends = []
                for sign in (1, -1):
                    start = h[t] + sign * nudge
                    if not len(rest):
                        ends.append(start)
                        continue
                    out, _ = minimal.loop_forward(cell, rest, w, b, start, None, reverse)
                    ends.append(out[0] if reverse else out[-1])
                column = (ends[0] - ends[1])[0] / (2 * eps)
                want = np.zeros(width)
                want[j] = jac[t, j]  # diagonal: h_t's unit j moves only unit j of h_last
                np.testing.assert_allclose(column, want, atol=1e-8, err_msg=(reverse, t, j))
