"""Names, shapes, masking, truncation, initialisation and determinism of the engine."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig, TrainingConfig
from rnn_sandbox.engine import Batch, Dataset, Network, Trainer, clip_grad_norm
from rnn_sandbox.engine.init import spectral_radius
from rnn_sandbox.engine.optim import make_optimizer


def shapes(net):
    return [(k, v.shape) for k, v in net.state_dict().items()]


def test_state_dict_matches_pytorch_rnn_two_layers_bidirectional():
    # Written out by hand from torch.nn.RNN(5, 7, num_layers=2, bidirectional=True)
    # .state_dict() plus nn.Linear(14, 3), in PyTorch's order.
    expected = [
        ("weight_ih_l0", (7, 5)),
        ("weight_hh_l0", (7, 7)),
        ("bias_ih_l0", (7,)),
        ("bias_hh_l0", (7,)),
        ("weight_ih_l0_reverse", (7, 5)),
        ("weight_hh_l0_reverse", (7, 7)),
        ("bias_ih_l0_reverse", (7,)),
        ("bias_hh_l0_reverse", (7,)),
        ("weight_ih_l1", (7, 14)),
        ("weight_hh_l1", (7, 7)),
        ("bias_ih_l1", (7,)),
        ("bias_hh_l1", (7,)),
        ("weight_ih_l1_reverse", (7, 14)),
        ("weight_hh_l1_reverse", (7, 7)),
        ("bias_ih_l1_reverse", (7,)),
        ("bias_hh_l1_reverse", (7,)),
        ("head.weight", (3, 14)),
        ("head.bias", (3,)),
    ]
    cfg = NetworkConfig(input_size=5, output_size=3, hidden_size=7, num_layers=2,
                        bidirectional=True)
    assert shapes(Network(cfg)) == expected


def test_state_dict_matches_pytorch_single_layer():
    # torch.nn.RNN(1, 16) + nn.Linear(16, 1)
    net = Network(NetworkConfig(input_size=1, output_size=1, hidden_size=16))
    assert shapes(net) == [
        ("weight_ih_l0", (16, 1)),
        ("weight_hh_l0", (16, 16)),
        ("bias_ih_l0", (16,)),
        ("bias_hh_l0", (16,)),
        ("head.weight", (1, 16)),
        ("head.bias", (1,)),
    ]


def test_seq2seq_names_prefix_encoder_and_decoder():
    cfg = NetworkConfig(input_size=4, output_size=6, hidden_size=5, architecture="seq2seq",
                        loss="ce", bidirectional=True)
    names = dict(shapes(Network(cfg)))
    assert names["encoder.weight_ih_l0"] == (5, 4)
    assert names["encoder.weight_hh_l0_reverse"] == (5, 5)
    assert names["decoder.weight_ih_l0"] == (5, 6)  # fed the previous output token
    assert "decoder.weight_ih_l0_reverse" not in names
    assert names["head.weight"] == (6, 5)


def test_forward_matches_the_equation_written_out():
    """h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), read-out after the last step."""
    cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=3)
    net = Network(cfg, seed=4)
    x = np.random.default_rng(0).standard_normal((2, 6, 2))
    p = net.params
    h = np.zeros((2, 3))
    for t in range(6):
        h = np.tanh(x[:, t] @ p["weight_ih_l0"].T + p["bias_ih_l0"] + h @ p["weight_hh_l0"].T
                    + p["bias_hh_l0"])
    np.testing.assert_allclose(net.forward(x), h @ p["head.weight"].T + p["head.bias"])


def test_bidirectional_many_to_one_reads_pytorch_h_n():
    cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=3, bidirectional=True)
    net = Network(cfg, seed=1)
    x = np.random.default_rng(1).standard_normal((2, 5, 2))
    p = net.params
    hb = np.zeros((2, 3))
    for t in reversed(range(5)):
        hb = np.tanh(x[:, t] @ p["weight_ih_l0_reverse"].T + p["bias_ih_l0_reverse"]
                     + hb @ p["weight_hh_l0_reverse"].T + p["bias_hh_l0_reverse"])
    net.loss_and_grads(x, np.zeros((2, 1)))
    hf = net.cache["hidden"]["l0"][:, -1]
    np.testing.assert_allclose(hb, net.cache["hidden"]["l0_reverse"][:, 0])
    feat = np.concatenate([hf, hb], axis=1)
    np.testing.assert_allclose(net.forward(x), feat @ p["head.weight"].T + p["head.bias"])


@pytest.mark.parametrize("arch", ["many_to_one", "many_to_many", "seq2seq"])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_padding_changes_neither_loss_nor_gradients(arch, bidirectional):
    """A sequence padded with garbage gives exactly the loss and gradients of the short one."""
    rng = np.random.default_rng(3)
    loss_kind = "ce" if arch == "seq2seq" else "mse"
    cfg = NetworkConfig(input_size=2, output_size=3, hidden_size=4, num_layers=2,
                        bidirectional=bidirectional, architecture=arch, loss=loss_kind)
    net = Network(cfg, seed=0)
    short = rng.standard_normal((1, 4, 2))
    padded = np.concatenate([short, 100 * rng.standard_normal((1, 3, 2))], axis=1)
    mask = np.array([[1, 1, 1, 1, 0, 0, 0]], dtype=float)
    if arch == "many_to_one":
        y_short = y_pad = rng.standard_normal((1, 3))
    elif arch == "many_to_many":
        y_short = rng.standard_normal((1, 4, 3))
        y_pad = np.concatenate([y_short, rng.standard_normal((1, 3, 3))], axis=1)
    else:
        y_short = y_pad = rng.integers(0, 3, (1, 3))
    y_mask = np.ones((1, 3)) if arch == "seq2seq" else None
    loss_a, grads_a = net.loss_and_grads(short, y_short, None, y_mask)
    loss_b, grads_b = net.loss_and_grads(padded, y_pad, mask, y_mask)
    assert loss_a == pytest.approx(loss_b, rel=1e-12)
    for k in grads_a:
        np.testing.assert_allclose(grads_a[k], grads_b[k], rtol=1e-10, atol=1e-14)


def test_padded_target_steps_do_not_count():
    cfg = NetworkConfig(input_size=3, output_size=3, hidden_size=4, architecture="one_to_many",
                        loss="ce")
    net = Network(cfg, seed=0)
    x = np.eye(3)[None, :1]
    y = np.array([[0, 2, 1, 1]])
    short = net.loss_and_grads(x, y[:, :2], None, np.ones((1, 2)))
    masked = net.loss_and_grads(x, y, None, np.array([[1, 1, 0, 0]]))
    assert short[0] == pytest.approx(masked[0], rel=1e-12)
    for k in short[1]:
        np.testing.assert_allclose(short[1][k], masked[1][k], rtol=1e-10, atol=1e-14)


def test_truncated_bptt_cuts_the_recurrent_path():
    cfg = NetworkConfig(input_size=1, output_size=1, hidden_size=3, architecture="many_to_many")
    net = Network(cfg, seed=0)
    x = np.random.default_rng(0).standard_normal((2, 8, 1))
    y = np.zeros((2, 8, 1))
    y[:, -1] = 1.0
    # Only the last step has a nonzero error; cut the path every 3 steps from the start:
    # chunks [0,3), [3,6), [6,8).  dL/dh must vanish before step 6 except for local errors.
    net.loss_and_grads(x, y, None, None, truncation=3)
    full = Network(cfg, seed=0)
    full.loss_and_grads(x, y)
    g_trunc = net.cache["grad_h"]["l0"]
    g_full = full.cache["grad_h"]["l0"]
    # Steps 6, 7 are in the last chunk: same gradient as full BPTT.
    np.testing.assert_allclose(g_trunc[:, 6:], g_full[:, 6:])
    # Step 5 receives only its own (read-out) error, not the flow back from step 6.
    own = (net.cache["outputs"][:, 5] - y[:, 5]) * 2 / y.size @ net.params["head.weight"]
    np.testing.assert_allclose(g_trunc[:, 5], own)
    assert not np.allclose(g_full[:, 5], own)


def test_spectral_radius_initialisation():
    cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=20, init="spectral",
                        spectral_radius=1.7, num_layers=2)
    net = Network(cfg, seed=3)
    for name in ("weight_hh_l0", "weight_hh_l1"):
        assert spectral_radius(net.params[name]) == pytest.approx(1.7)


def test_orthogonal_and_xavier_initialisation():
    cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=6, init="orthogonal")
    w = Network(cfg, seed=0).params["weight_hh_l0"]
    np.testing.assert_allclose(w @ w.T, np.eye(6), atol=1e-12)
    cfg.init = "xavier"
    net = Network(cfg, seed=0)
    assert np.all(net.params["bias_ih_l0"] == 0)
    assert np.abs(net.params["weight_ih_l0"]).max() <= np.sqrt(6 / 8)


def test_uniform_initialisation_follows_pytorch_bounds():
    net = Network(NetworkConfig(input_size=3, output_size=2, hidden_size=25), seed=0)
    # 1/sqrt(hidden) for the RNN, 1/sqrt(fan_in) for the head: both 1/5 here.
    for v in net.params.values():
        assert np.abs(v).max() <= 1 / 5


def test_same_seed_same_weights_different_seed_different():
    cfg = NetworkConfig(input_size=2, output_size=2, hidden_size=5)
    a, b, c = Network(cfg, seed=7), Network(cfg, seed=7), Network(cfg, seed=8)
    for k in a.params:
        assert np.array_equal(a.params[k], b.params[k])
    assert not np.array_equal(a.params["weight_hh_l0"], c.params["weight_hh_l0"])


def _toy_dataset(seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((64, 7, 2))
    y = x[:, :3, :1].sum(axis=1)
    return Dataset(Batch(x[16:], y[16:]), Batch(x[:16], y[:16]))


@pytest.mark.learning
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "rmsprop", "adam"])
def test_training_is_bit_for_bit_reproducible(optimizer, seed, record_property):
    def run():
        cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=6)
        tr = TrainingConfig(optimizer=optimizer, learning_rate=0.01, batch_size=8, seed=seed + 5)
        trainer = Trainer(Network(cfg, seed=seed + 5), _toy_dataset(seed), tr)
        train = trainer.data.train
        fit = [trainer.net.loss(trainer.net.forward(train.x), train.y)[0]]
        losses = [s.train_loss for s in trainer.run(steps=25)]
        fit.append(trainer.net.loss(trainer.net.forward(train.x), train.y)[0])
        return losses, trainer.net.state_dict(), fit

    (la, wa, fit), (lb, wb, _) = run(), run()
    assert la == lb
    for k in wa:
        assert np.array_equal(wa[k], wb[k])
    # And it learns something: the loss on the whole training set falls (one batch's loss
    # is too noisy to say so).  SGD, the slowest here, gains 0.7-8 % over seeds 0-19.
    record_property("after/before", fit[1] / fit[0])
    assert fit[1] < fit[0]


def test_clip_grad_norm_scales_globally():
    g = {"a": np.array([3.0, 0.0]), "b": np.array([[4.0]])}
    total = clip_grad_norm(g, 1.0)
    assert total == pytest.approx(5.0)
    assert np.sqrt(np.sum(g["a"] ** 2) + np.sum(g["b"] ** 2)) == pytest.approx(1.0, rel=1e-5)
    g2 = {"a": np.array([0.3])}
    clip_grad_norm(g2, 1.0)
    assert g2["a"][0] == 0.3


def test_adam_matches_the_textbook_first_step():
    opt = make_optimizer(TrainingConfig(optimizer="adam", learning_rate=0.1))
    p = {"w": np.array([1.0, -2.0])}
    opt.step(p, {"w": np.array([0.5, -3.0])})
    # After one step Adam moves every coordinate by lr against the sign of its gradient.
    np.testing.assert_allclose(p["w"], [0.9, -1.9], atol=1e-7)


def test_momentum_follows_pytorch_rule():
    opt = make_optimizer(TrainingConfig(optimizer="momentum", learning_rate=0.1, momentum=0.5))
    p = {"w": np.array([0.0])}
    opt.step(p, {"w": np.array([1.0])})  # v=1, p=-0.1
    opt.step(p, {"w": np.array([1.0])})  # v=1.5, p=-0.25
    np.testing.assert_allclose(p["w"], [-0.25])


def test_load_state_dict_refuses_wrong_shapes_and_changes_nothing():
    net = Network(NetworkConfig(input_size=2, output_size=1, hidden_size=3), seed=0)
    before = net.state_dict()
    bad = dict(before)
    bad["weight_hh_l0"] = np.zeros((4, 4))
    with pytest.raises(ValueError, match="weight_hh_l0"):
        net.load_state_dict(bad)
    with pytest.raises(ValueError, match="missing"):
        net.load_state_dict({"head.bias": before["head.bias"]})
    for k in before:
        assert np.array_equal(before[k], net.params[k])


def test_generation_feeds_back_the_greedy_token():
    cfg = NetworkConfig(input_size=4, output_size=4, hidden_size=5, architecture="one_to_many",
                        loss="ce")
    net = Network(cfg, seed=2)
    x = np.eye(4)[[1]][:, None]
    free = net.generate(x, steps=5)
    tokens = free[0].argmax(axis=1)
    # Teacher forcing with the network's own choices reproduces free running exactly.
    forced = net.forward(x, y=tokens[None], y_mask=np.ones((1, 5)))
    np.testing.assert_allclose(forced, free)


def test_seq2seq_greedy_decoding_equals_teacher_forcing_on_its_own_output():
    cfg = NetworkConfig(input_size=3, output_size=5, hidden_size=4, architecture="seq2seq",
                        loss="ce", bidirectional=True, num_layers=2)
    net = Network(cfg, seed=2)
    x = np.random.default_rng(0).standard_normal((2, 6, 3))
    free = net.predict(x, steps=4)
    tokens = free.argmax(axis=2)
    np.testing.assert_allclose(net.forward(x, y=tokens, y_mask=np.ones((2, 4))), free)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "mingru", "minlstm"])
def test_float32_networks_compute_what_float64_computes_to_float32_precision(cell):
    """The same weights in float32 and float64: outputs, loss and BPTT gradients agree to
    float32's precision, and everything float32 stays float32."""
    kw = dict(input_size=2, output_size=2, hidden_size=5, num_layers=2, bidirectional=True,
              cell=cell, architecture="many_to_many")
    net32 = Network(NetworkConfig(dtype="float32", **kw), seed=0)
    net64 = Network(NetworkConfig(dtype="float64", **kw), seed=0)
    net64.load_state_dict({k: v.astype(np.float64) for k, v in net32.state_dict().items()})
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 7, 2))
    y = rng.standard_normal((3, 7, 2))
    out32, out64 = net32.forward(x.astype(np.float32)), net64.forward(x)
    assert out32.dtype == np.float32
    np.testing.assert_allclose(out32, out64, rtol=1e-4, atol=1e-5)
    loss32, grads32 = net32.loss_and_grads(x.astype(np.float32), y.astype(np.float32))
    loss64, grads64 = net64.loss_and_grads(x, y)
    assert loss32 == pytest.approx(loss64, rel=1e-5)
    for k, g in grads32.items():
        assert g.dtype == np.float32 and net32.params[k].dtype == np.float32, k
        scale = np.abs(grads64[k]).max()
        np.testing.assert_allclose(g, grads64[k], atol=1e-4 * scale + 1e-7, err_msg=k)
