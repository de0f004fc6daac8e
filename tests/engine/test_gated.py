"""LSTM and GRU: PyTorch's equations, gate order, names and shapes."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network


def sig(a):
    return 1 / (1 + np.exp(-a))


def test_lstm_names_and_shapes_follow_pytorch():
    # torch.nn.LSTM(3, 5, num_layers=2, bidirectional=True) + nn.Linear(10, 2)
    cfg = NetworkConfig(input_size=3, output_size=2, hidden_size=5, num_layers=2,
                        bidirectional=True, cell="lstm")
    shapes = {k: v.shape for k, v in Network(cfg).state_dict().items()}
    assert shapes["weight_ih_l0"] == (20, 3)
    assert shapes["weight_hh_l0_reverse"] == (20, 5)
    assert shapes["weight_ih_l1"] == (20, 10)
    assert shapes["bias_hh_l1_reverse"] == (20,)
    assert shapes["head.weight"] == (2, 10)
    assert len(shapes) == 18


def test_gru_names_and_shapes_follow_pytorch():
    cfg = NetworkConfig(input_size=3, output_size=2, hidden_size=5, cell="gru")
    shapes = {k: v.shape for k, v in Network(cfg).state_dict().items()}
    assert shapes == {
        "weight_ih_l0": (15, 3), "weight_hh_l0": (15, 5), "bias_ih_l0": (15,),
        "bias_hh_l0": (15,), "head.weight": (2, 5), "head.bias": (2,),
    }


def test_lstm_forward_is_pytorch_equations_in_gate_order_ifgo():
    cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=3, cell="lstm")
    net = Network(cfg, seed=1)
    p = net.params
    x = np.random.default_rng(0).standard_normal((2, 5, 2))
    h = c = np.zeros((2, 3))
    for t in range(5):
        a = x[:, t] @ p["weight_ih_l0"].T + p["bias_ih_l0"] + h @ p["weight_hh_l0"].T \
            + p["bias_hh_l0"]
        i, f, g, o = sig(a[:, :3]), sig(a[:, 3:6]), np.tanh(a[:, 6:9]), sig(a[:, 9:])
        c = f * c + i * g
        h = o * np.tanh(c)
    np.testing.assert_allclose(net.forward(x), h @ p["head.weight"].T + p["head.bias"])
    net.loss_and_grads(x, np.zeros((2, 1)))
    np.testing.assert_allclose(net.cache["cell"]["l0"][:, -1], c)
    assert net.cache["gates"]["l0"].shape == (2, 5, 12)
    assert net.cache["grad_c"]["l0"].shape == (2, 5, 3)


def test_gru_forward_is_pytorch_equations_in_gate_order_rzn():
    cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=3, cell="gru")
    net = Network(cfg, seed=1)
    p = net.params
    x = np.random.default_rng(0).standard_normal((2, 5, 2))
    h = np.zeros((2, 3))
    wi, wh, bi, bh = p["weight_ih_l0"], p["weight_hh_l0"], p["bias_ih_l0"], p["bias_hh_l0"]
    for t in range(5):
        gi, gh = x[:, t] @ wi.T + bi, h @ wh.T + bh
        r = sig(gi[:, :3] + gh[:, :3])
        z = sig(gi[:, 3:6] + gh[:, 3:6])
        n = np.tanh(gi[:, 6:] + r * gh[:, 6:])
        h = (1 - z) * n + z * h
    np.testing.assert_allclose(net.forward(x), h @ p["head.weight"].T + p["head.bias"])


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_gated_padding_changes_nothing(cell):
    rng = np.random.default_rng(2)
    cfg = NetworkConfig(input_size=2, output_size=2, hidden_size=3, cell=cell,
                        bidirectional=True, num_layers=2)
    net = Network(cfg, seed=0)
    short = rng.standard_normal((1, 3, 2))
    padded = np.concatenate([short, 50 * rng.standard_normal((1, 2, 2))], axis=1)
    y = rng.standard_normal((1, 2))
    la, ga = net.loss_and_grads(short, y)
    lb, gb = net.loss_and_grads(padded, y, np.array([[1.0, 1, 1, 0, 0]]))
    assert la == pytest.approx(lb, rel=1e-12)
    for k in ga:
        np.testing.assert_allclose(ga[k], gb[k], rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_gated_generation_matches_teacher_forcing_on_own_tokens(cell):
    cfg = NetworkConfig(input_size=4, output_size=5, hidden_size=4, architecture="seq2seq",
                        loss="ce", cell=cell, bidirectional=True)
    net = Network(cfg, seed=0)
    x = np.random.default_rng(0).standard_normal((2, 4, 4))
    free = net.predict(x, steps=3)
    np.testing.assert_allclose(net.forward(x, y=free.argmax(2), y_mask=np.ones((2, 3))), free)


def test_snapshots_carry_gates_cell_state_and_its_gradient():
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import get_task

    cfg = get_task("long_memory").default_config()
    cfg.network.cell = "lstm"
    exp = Experiment(cfg)
    snap = exp.trainer.step(collect=True)
    T, H = cfg.task.seq_len, cfg.network.hidden_size
    assert snap.gates["l0"].shape == (T, 4 * H)
    assert snap.cell["l0"].shape == (T, H)
    assert snap.grad_c["l0"].shape == (T,)
    assert snap.sample_grad_c["l0"].shape == (T, H)
    # Gate activations are sigmoid/tanh outputs.
    i_f_o = np.concatenate([snap.gates["l0"][:, : 2 * H], snap.gates["l0"][:, 3 * H :]], 1)
    assert np.all((i_f_o > 0) & (i_f_o < 1))
    cfg.network.cell = "gru"
    snap = Experiment(cfg).trainer.step(collect=True)
    assert snap.gates["l0"].shape == (T, 3 * H) and snap.cell is None and snap.grad_c is None


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_gated_truncated_bptt_cuts_the_recurrent_path(cell):
    cfg = NetworkConfig(input_size=1, output_size=1, hidden_size=3, architecture="many_to_many",
                        cell=cell)
    x = np.random.default_rng(0).standard_normal((2, 8, 1))
    y = np.zeros((2, 8, 1))
    y[:, -1] = 1.0
    # Cut every 3 steps from the start: chunks [0,3), [3,6), [6,8).
    net, full = Network(cfg, seed=0), Network(cfg, seed=0)
    net.loss_and_grads(x, y, None, None, truncation=3)
    full.loss_and_grads(x, y)
    g_trunc, g_full = net.cache["grad_h"]["l0"], full.cache["grad_h"]["l0"]
    np.testing.assert_allclose(g_trunc[:, 6:], g_full[:, 6:])
    # Step 5 receives only its own read-out error, not the flow back from step 6.
    own = (net.cache["outputs"][:, 5] - y[:, 5]) * 2 / y.size @ net.params["head.weight"]
    np.testing.assert_allclose(g_trunc[:, 5], own)
    assert not np.allclose(g_full[:, 5], own)
    if cell == "lstm":
        # ... and so does the cell state: only what h_5 = o tanh(c_5) passes down, no dc_6 f_6.
        H = 3
        o = net.cache["gates"]["l0"][:, 5, 3 * H :]
        tc = np.tanh(net.cache["cell"]["l0"][:, 5])
        c_trunc, c_full = net.cache["grad_c"]["l0"], full.cache["grad_c"]["l0"]
        np.testing.assert_allclose(c_trunc[:, 5], own * o * (1 - tc**2))
        np.testing.assert_allclose(c_trunc[:, 6:], c_full[:, 6:])


def test_lstm_padded_steps_carry_the_gradient_but_compute_no_cell_gradient():
    # seq2seq: the decoder sends gradients to both parts of the encoder's final state, and
    # they pass back through the encoder's padded steps.
    cfg = NetworkConfig(input_size=2, output_size=3, hidden_size=3, cell="lstm",
                        architecture="seq2seq", loss="ce")
    net = Network(cfg, seed=0)
    x = np.random.default_rng(3).standard_normal((2, 5, 2))
    mask = np.array([[1.0, 1, 1, 0, 0], [1, 1, 1, 1, 1]])
    net.loss_and_grads(x, np.array([[0, 1], [2, 1]]), mask, np.ones((2, 2)))
    g_h, g_c = net.cache["grad_h"]["encoder.l0"], net.cache["grad_c"]["encoder.l0"]
    # Sequence 0 ends at step 2: dL/dh_n passes unchanged through the padded steps 3 and 4,
    # which computed no cell state, so they report no cell-state gradient.
    np.testing.assert_array_equal(g_h[0, 4], g_h[0, 3])
    np.testing.assert_array_equal(g_h[0, 3], g_h[0, 2])
    assert np.all(g_c[0, 3:] == 0) and np.all(g_c[0, :3] != 0)
    assert np.all(g_c[1] != 0)
