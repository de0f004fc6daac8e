"""Attention in sequence-to-sequence networks: the hand-written engine against PyTorch
(its recurrent modules for encoder and decoder, the attention written in float64 torch
ops, gradients by autograd), finite differences, and the rules of the weights α."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rnn_sandbox.config import ConfigError, ExperimentConfig, NetworkConfig, parameter_bound
from rnn_sandbox.engine import Network, gradcheck, itemized_gradients
from rnn_sandbox.engine.anatomy import anatomy_of

B, S, T_OUT, I, O, H = 3, 5, 4, 3, 4, 3
SOURCE_LENGTHS = np.array([5, 3, 2])


def make_case(score, cell, layers, bidirectional, padded, loss="ce", seed=0):
    """A network with lively weights, a batch whose sources are padded (or not) and
    whose targets always are (the last sample's has two real steps)."""
    cfg = NetworkConfig(
        input_size=I, output_size=O, hidden_size=H, num_layers=layers,
        bidirectional=bidirectional, cell=cell, architecture="seq2seq", loss=loss,
        attention=score,
    )
    net = Network(cfg, seed=seed + 1)
    net.load_state_dict({k: v * 1.5 for k, v in net.state_dict().items()})
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((B, S, I))
    mask = None
    if padded:
        mask = (np.arange(S)[None, :] < SOURCE_LENGTHS[:, None]).astype(float)
        x = x * mask[..., None]
    if loss == "ce":
        y = rng.integers(0, O, (B, T_OUT))
    else:
        y = rng.standard_normal((B, T_OUT, O))
    y_mask = np.ones((B, T_OUT))
    y_mask[2, 2:] = 0
    return net, x, y, mask, y_mask


def torch_reference(net, x, y, mask, y_mask):
    """Loss, gradients by name, α and dL/dx of the same network in PyTorch (float64)."""
    torch = pytest.importorskip("torch")
    nn = torch.nn
    c = net.config
    L, D = c.num_layers, 2 if c.bidirectional else 1
    kinds = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}

    def module(part, input_size, bidirectional):
        kw = {"nonlinearity": c.nonlinearity} if c.cell == "rnn" else {}
        m = kinds[c.cell](input_size, H, num_layers=L, bidirectional=bidirectional,
                          batch_first=True, **kw).double()
        m.load_state_dict({k[len(part) + 1:]: torch.tensor(v) for k, v in net.params.items()
                           if k.startswith(part + ".")})
        return m

    enc, dec = module("encoder", I, c.bidirectional), module("decoder", O, False)
    own = {k: torch.tensor(v, requires_grad=True) for k, v in net.params.items()
           if k.startswith(("attention", "head"))}
    xt = torch.tensor(x, requires_grad=True)
    if mask is None:
        h, state = enc(xt)
    else:
        lengths = torch.tensor(mask.sum(axis=1).astype(np.int64))
        packed = nn.utils.rnn.pack_padded_sequence(xt, lengths, batch_first=True,
                                                   enforce_sorted=False)
        h, state = enc(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=S)

    def merge(s):  # the decoder starts from the encoder's final states summed over directions
        return s.reshape(L, D, B, H).sum(dim=1)

    state = tuple(map(merge, state)) if c.cell == "lstm" else merge(state)
    yt = torch.tensor(y)
    if c.loss == "ce":
        fed = nn.functional.one_hot(yt[:, :-1], O).double()
    else:
        fed = yt[:, :-1]
    fed = torch.cat([torch.zeros(B, 1, O, dtype=torch.float64), fed], dim=1)
    s, _ = dec(fed, state)  # teacher forcing

    if c.attention == "dot":
        e = s @ h.transpose(1, 2)
    elif c.attention == "general":
        e = s @ (h @ own["attention.weight"].T).transpose(1, 2)
    else:
        q = s @ own["attention.query.weight"].T
        k = h @ own["attention.key.weight"].T
        e = (torch.tanh(q[:, :, None, :] + k[:, None, :, :]) @ own["attention.v.weight"].T)[
            ..., 0]
    if mask is not None:
        e = e.masked_fill(torch.tensor(mask == 0)[:, None, :], float("-inf"))
    alpha = torch.softmax(e, dim=-1)
    context = alpha @ h
    attended = torch.tanh(
        torch.cat([context, s], dim=-1) @ own["attention.combine.weight"].T
        + own["attention.combine.bias"]
    )
    out = attended @ own["head.weight"].T + own["head.bias"]
    w = torch.tensor(y_mask)
    if c.loss == "ce":
        picked = torch.log_softmax(out, -1).gather(-1, yt[..., None])[..., 0]
        loss = -(picked * w).sum() / w.sum()
    else:
        loss = (((out - yt) ** 2) * w[..., None]).sum() / (w.sum() * O)
    loss.backward()
    grads = {f"encoder.{k}": p.grad for k, p in enc.named_parameters()}
    grads |= {f"decoder.{k}": p.grad for k, p in dec.named_parameters()}
    grads |= {k: p.grad for k, p in own.items()}
    return (float(loss.detach()), {k: g.numpy() for k, g in grads.items()}, alpha.detach().numpy(),
            xt.grad.numpy())


EQUIVALENCE = [
    case for case in itertools.product(
        ("dot", "general", "additive"), ("rnn", "gru", "lstm"), (1, 2), (False, True),
        (False, True),
    )
    if not (case[0] == "dot" and case[3])  # dot needs a one-direction encoder
]


@pytest.mark.parametrize("score,cell,layers,bidirectional,padded", EQUIVALENCE)
def test_loss_gradients_and_weights_equal_pytorch(score, cell, layers, bidirectional, padded):
    loss_name = "ce" if (layers + bidirectional) % 2 else "mse"  # both losses, cheaply
    net, x, y, mask, y_mask = make_case(score, cell, layers, bidirectional, padded, loss_name)
    loss, grads = net.loss_and_grads(x, y, mask, y_mask)
    ref_loss, ref_grads, ref_alpha, _ = torch_reference(net, x, y, mask, y_mask)
    assert abs(loss - ref_loss) <= 1e-9 * (1 + abs(ref_loss))
    assert set(grads) == set(ref_grads) == set(net.params)
    for name, g in grads.items():
        np.testing.assert_allclose(g, ref_grads[name], rtol=1e-9, atol=1e-9, err_msg=name)
    alpha = net.cache["attention"]
    assert alpha.shape == (B, T_OUT, S)
    real_rows = y_mask > 0  # a padded target step's row means nothing in either program
    np.testing.assert_allclose(alpha[real_rows], ref_alpha[real_rows], rtol=0, atol=1e-9)
    np.testing.assert_allclose(alpha.sum(axis=-1), 1.0, rtol=0, atol=1e-12)
    if padded:
        pad = np.arange(S)[None, :] >= SOURCE_LENGTHS[:, None]
        assert (alpha[np.broadcast_to(pad[:, None, :], alpha.shape)] == 0).all()


def test_encoder_dl_dh_gains_the_direct_term_from_every_decoder_step():
    """x_t reaches the loss only through the encoder's step t, so with one simple-RNN layer
    dL/dx_t = Σ_directions (dL/dh_t (1 - h_t²) m_t) W_ih: the engine's dL/dh_t (direct
    attention term included) gives PyTorch's dL/dx."""
    net, x, y, mask, y_mask = make_case("general", "rnn", 1, True, True)
    net.loss_and_grads(x, y, mask, y_mask)
    *_, ref_dx = torch_reference(net, x, y, mask, y_mask)
    dx = np.zeros_like(x)
    for state, weight in (("encoder.l0", "encoder.weight_ih_l0"),
                          ("encoder.l0_reverse", "encoder.weight_ih_l0_reverse")):
        h = net.cache["hidden"][state]
        dx += (net.cache["grad_h"][state] * (1 - h**2) * mask[..., None]) @ net.params[weight]
    np.testing.assert_allclose(dx, ref_dx, rtol=1e-9, atol=1e-12)
    # Without the attention's direct term the same sum misses most of it.
    plain = Network(NetworkConfig(**{**vars(net.config), "attention": "none"}), seed=1)
    plain.load_state_dict({k: v for k, v in net.params.items() if k in plain.params})
    plain.loss_and_grads(x, y, mask, y_mask)
    assert not np.allclose(plain.cache["grad_h"]["encoder.l0"][:, :2],
                           net.cache["grad_h"]["encoder.l0"][:, :2])


@pytest.mark.parametrize("score,cell", [("dot", "lstm"), ("general", "gru"),
                                        ("additive", "rnn")])
def test_gradients_match_finite_differences(score, cell):
    net, x, y, mask, y_mask = make_case(score, cell, 2, score != "dot", True)
    result = gradcheck(net, x, y, mask, y_mask, max_entries=6)
    assert set(result.errors) == set(net.params)
    assert result.worst < 1e-5, (result.worst_name, result.worst)


def test_itemized_gradients_sum_to_the_gradient_with_attention():
    net, x, y, mask, y_mask = make_case("additive", "gru", 1, True, True)
    _, grads = net.loss_and_grads(x, y, mask, y_mask)
    items = itemized_gradients(net, x, y, mask, y_mask, reduce=None)
    for name, g in grads.items():
        np.testing.assert_allclose(items[name].sum(axis=(0, 1)), g, rtol=1e-9, atol=1e-12,
                                   err_msg=name)
    # Attention runs at the decoder's steps: its columns come after the encoder's.
    assert not items["attention.key.weight"][:, :S].any()
    assert items["attention.key.weight"][:, S:].any()


def test_generation_returns_the_weights_of_every_generated_step():
    net, x, _, mask, _ = make_case("general", "lstm", 2, True, True)
    outs, alpha = net.generate_with_attention(x, mask, steps=6)
    assert outs.shape == (B, 6, O) and alpha.shape == (B, 6, S)
    np.testing.assert_array_equal(outs, net.generate(x, mask, steps=6))
    np.testing.assert_allclose(alpha.sum(axis=-1), 1.0, atol=1e-12)
    assert (alpha[2, :, 2:] == 0).all() and (alpha[1, :, 3:] == 0).all()
    # Fed its own choices, free running equals teacher forcing on those choices.
    chosen = outs.argmax(axis=-1)
    forced = net.forward(x, mask, y=chosen)
    np.testing.assert_allclose(forced, outs, atol=1e-12)
    net.loss_and_grads(x, chosen, mask)
    np.testing.assert_allclose(net.cache["attention"], alpha, atol=1e-12)
    plain, _, _, _, _ = make_case("none", "lstm", 2, True, True)
    assert plain.generate_with_attention(x, mask, steps=2)[1] is None


def test_the_setting_names_the_parameters_and_refuses_what_cannot_work():
    shapes = Network(NetworkConfig(input_size=I, output_size=O, hidden_size=H,
                                   bidirectional=True, architecture="seq2seq", loss="ce",
                                   attention="additive")).param_shapes()
    E = 2 * H
    assert {k: v for k, v in shapes.items() if k.startswith("attention")} == {
        "attention.query.weight": (H, H), "attention.key.weight": (H, E),
        "attention.v.weight": (1, H), "attention.combine.weight": (H, E + H),
        "attention.combine.bias": (H,),
    }
    assert list(shapes)[-2:] == ["head.weight", "head.bias"]
    for score, bidirectional in (("dot", False), ("general", True), ("additive", True)):
        cfg = NetworkConfig(input_size=I, output_size=O, hidden_size=H, num_layers=2,
                            bidirectional=bidirectional, architecture="seq2seq", loss="ce",
                            attention=score)
        net = Network(cfg)
        assert anatomy_of(cfg).param_names == list(net.param_shapes()) == list(net.params)
        # What a file of this network may hold is sized from the settings alone.
        assert net.num_parameters() < parameter_bound(cfg, seq_len=S)
    with pytest.raises(ConfigError, match="network.attention: dot scores"):
        ExperimentConfig.from_dict({"network": {
            "architecture": "seq2seq", "loss": "ce", "output_size": 3,
            "bidirectional": True, "attention": "dot"}})
    with pytest.raises(ConfigError, match="only sequence-to-sequence"):
        ExperimentConfig.from_dict({"network": {"attention": "general"}})
    # Files written before attention existed mean none: today's network, unchanged.
    old = ExperimentConfig.from_dict({"network": {"architecture": "seq2seq", "loss": "ce",
                                                  "output_size": 3}})
    assert old.network.attention == "none"
    none = Network(old.network, seed=4)
    with_att = Network(NetworkConfig(**{**vars(old.network), "attention": "general"}), seed=4)
    for k, v in none.params.items():
        np.testing.assert_array_equal(with_att.params[k], v)


def test_the_setting_is_proposed_like_any_other():
    """The settings panel and the diagram propose changes; attention rebuilds the network,
    and a dot score with a bidirectional encoder is refused with the reason."""
    from rnn_sandbox.session import propose
    from rnn_sandbox.tasks import get_task

    cfg = get_task("translation").default_config()
    cfg.task.n_samples, cfg.network.hidden_size = 40, 4
    p = propose(cfg, {"network.attention": "general"})
    assert p.kind == "rebuild" and p.experiment is not None
    assert "attention.weight" in p.experiment.network.params
    cfg.network.bidirectional = True
    refused = propose(cfg, {"network.attention": "dot"})
    assert refused.kind == "refused" and "with a bidirectional encoder" in refused.reason
    assert refused.config.network.attention == "none"


def test_a_collected_snapshot_holds_where_the_watched_sample_looked():
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import get_task

    cfg = get_task("translation").default_config()
    cfg.task.n_samples, cfg.network.hidden_size, cfg.network.attention = 40, 4, "additive"
    exp = Experiment(cfg)
    exp.trainer.sample_index = 2
    snap = exp.trainer.step(collect=True)
    val = exp.dataset.val.subset(slice(2, 3))
    outputs, alpha = exp.network.generate_with_attention(val.x, val.mask, val.y.shape[1])
    np.testing.assert_array_equal(snap.attention, alpha[0])
    np.testing.assert_array_equal(snap.outputs, exp.trainer.predict(val)[0])
    assert snap.attention.shape == (val.y.shape[1], val.x.shape[1])
    cfg.network.attention = "none"
    assert Experiment(cfg).trainer.step(collect=True).attention is None
