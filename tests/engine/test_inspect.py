"""The step-through numbers equal what the engine computes, step by step and in total."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Batch, Network
from rnn_sandbox.engine.inspect import network_from, trace

KINDS = {
    "many_to_one": dict(architecture="many_to_one", loss="mse", input_size=2, output_size=1),
    "many_to_many": dict(architecture="many_to_many", loss="ce", input_size=3, output_size=4),
    "one_to_many": dict(architecture="one_to_many", loss="mse", input_size=2, output_size=2),
    "seq2seq": dict(architecture="seq2seq", loss="ce", input_size=3, output_size=4),
    "attention": dict(architecture="seq2seq", loss="ce", input_size=3, output_size=4,
                      attention="additive"),
    "ctc": dict(architecture="many_to_many", loss="ctc", input_size=2, output_size=3),
}


def make_sample(cfg: NetworkConfig, T: int, rng: np.random.Generator, mask=False) -> Batch:
    O, I = cfg.output_size, cfg.input_size
    if cfg.architecture == "one_to_many":
        return Batch(rng.normal(size=(1, 1, I)), rng.normal(size=(1, T, O)))
    x = rng.normal(size=(1, T, I))
    m = None
    if mask:
        m = np.ones((1, T))
        m[0, -2:] = 0
    if cfg.loss == "ctc":
        return Batch(x, np.array([[1, 2]]), m, np.ones((1, 2)))
    if cfg.architecture == "seq2seq":  # the target one step shorter than the source
        return Batch(x, rng.integers(0, O, (1, T - 1)), m, np.ones((1, T - 1)))
    if cfg.architecture == "many_to_one":
        return Batch(x, rng.normal(size=(1, O)), m)
    return Batch(x, rng.integers(0, O, (1, T)), m)


CASES = [
    (kind, layers, bi)
    for kind in KINDS
    for layers in (1, 2)
    for bi in (False, True)
    if not (bi and kind == "one_to_many")
]


@pytest.mark.parametrize("kind,layers,bi", CASES)
def test_trace_matches_engine(kind, layers, bi):
    cfg = NetworkConfig(hidden_size=3, num_layers=layers, bidirectional=bi, **KINDS[kind])
    rng = np.random.default_rng(7)
    net = Network(cfg, seed=3)
    sample = make_sample(cfg, 6, rng)
    tr = trace(net, sample)

    # An independent run of the engine gives the reference states, dL/dh_t and gradients.
    ref = Network(cfg, seed=3)
    _, grads = ref.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
    assert set(tr.layers) == set(ref.cache["hidden"])
    for name, d in tr.layers.items():
        np.testing.assert_allclose(d.h, ref.cache["hidden"][name][0], atol=1e-12)
        np.testing.assert_allclose(d.grad_h, ref.cache["grad_h"][name][0], atol=1e-12)
        # The spelled-out products rebuild the state: h_t = tanh(W_ih x_t + W_hh h_{t-1} + b).
        np.testing.assert_allclose(np.tanh(d.ih + d.hh + d.b_ih + d.b_hh), d.h, atol=1e-12)
        np.testing.assert_allclose(np.tanh(d.pre), d.h, atol=1e-12)
        # The per-step shares add up to the engine's gradients.
        for p in ("weight_ih", "weight_hh", "bias_ih"):
            total = sum(d.grad_step(p, t) for t in range(d.h.shape[0]))
            np.testing.assert_allclose(total, grads[d.params[p]], atol=1e-10)
            biggest = max(np.abs(d.grad_step(p, t)).max() for t in range(d.h.shape[0]))
            assert d.grad_step_max(p) == pytest.approx(biggest)
        assert d.order[0] == (d.h.shape[0] - 1 if d.reverse else 0)
    head = sum(tr.head_grad_step(k) for k in range(len(tr.out_steps)))
    np.testing.assert_allclose(head, grads["head.weight"], atol=1e-10)
    np.testing.assert_allclose(tr.outputs, np.asarray(ref.cache["outputs"]).reshape(
        tr.outputs.shape), atol=1e-12)
    if cfg.attention == "none":
        assert tr.attention is None
    else:  # what each output step weighed each source step; the head read h̃_t
        np.testing.assert_array_equal(tr.attention, ref.cache["attention"][0])
        np.testing.assert_array_equal(tr.features, ref.cache["attended"][0])


def test_trace_with_padding_and_relu():
    cfg = NetworkConfig(hidden_size=4, nonlinearity="relu", bidirectional=True,
                        **KINDS["many_to_many"])
    net = network_from(cfg, seed=1)
    sample = make_sample(cfg, 7, np.random.default_rng(2), mask=True)
    tr = trace(net, sample)
    _, grads = Network(cfg, seed=1).loss_and_grads(sample.x, sample.y, sample.mask)
    for d in tr.layers.values():
        total = sum(d.grad_step("weight_hh", t) for t in range(7))
        np.testing.assert_allclose(total, grads[d.params["weight_hh"]], atol=1e-10)
        assert np.all(d.dpre[-2:] == 0)  # padded steps pass no gradient to the weights


def test_trace_uses_loaded_weights_and_rejects_batches():
    cfg = NetworkConfig(hidden_size=2, **KINDS["many_to_one"])
    weights = Network(cfg, seed=5).state_dict()
    net = network_from(cfg, seed=0, weights=weights)
    np.testing.assert_array_equal(net.params["weight_hh_l0"], weights["weight_hh_l0"])
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError):
        trace(net, Batch(rng.normal(size=(2, 3, 2)), rng.normal(size=(2, 1))))


@pytest.mark.parametrize("cell,gates", [("lstm", 4), ("gru", 3)])
@pytest.mark.parametrize("kind", ["many_to_many", "seq2seq"])
def test_trace_of_gated_cells_holds_states_gates_and_gradients(cell, gates, kind):
    cfg = NetworkConfig(hidden_size=3, num_layers=2, bidirectional=True, cell=cell,
                        **KINDS[kind])
    sample = make_sample(cfg, 5, np.random.default_rng(4))
    tr = trace(Network(cfg, seed=2), sample)
    ref = Network(cfg, seed=2)
    ref.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
    for name, d in tr.layers.items():
        np.testing.assert_array_equal(d.h, ref.cache["hidden"][name][0])
        np.testing.assert_array_equal(d.grad_h, ref.cache["grad_h"][name][0])
        np.testing.assert_array_equal(d.gates, ref.cache["gates"][name][0])
        assert d.gates.shape == (d.h.shape[0], gates * 3) and d.cell == cell
        assert (d.c is not None) == (cell == "lstm")
        if cell == "lstm":
            np.testing.assert_array_equal(d.c, ref.cache["cell"][name][0])
            np.testing.assert_array_equal(d.grad_c, ref.cache["grad_c"][name][0])
        assert d.grad_step("weight_hh", 0).shape == (gates * 3, 3)
    if cell == "lstm":  # h = o * tanh(c): the trace's pieces fit together
        d = tr.layers[next(iter(tr.layers))]
        np.testing.assert_allclose(d.h, d.gates[:, 9:] * np.tanh(d.c), atol=1e-12)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("kind,layers,bi,mask", [
    ("many_to_many", 2, True, False), ("many_to_many", 1, False, True),
    ("many_to_one", 2, True, True), ("seq2seq", 2, True, False), ("one_to_many", 1, False, False),
    ("ctc", 1, True, False),
])
def test_gated_per_step_shares_add_up_to_the_engine_gradients(cell, kind, layers, bi, mask):
    """The shares worked out from the cached gates, cell states, dL/dh_t and dL/dc_t sum over
    time to the engine's gradients, which agree with finite differences."""
    from rnn_sandbox.engine.gradcheck import gradcheck

    cfg = NetworkConfig(hidden_size=3, num_layers=layers, bidirectional=bi, cell=cell,
                        **KINDS[kind])
    sample = make_sample(cfg, 6, np.random.default_rng(11), mask=mask)
    tr = trace(Network(cfg, seed=4), sample)
    ref = Network(cfg, seed=4)
    _, grads = ref.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask)
    check = gradcheck(ref, sample.x, sample.y, sample.mask, sample.y_mask, max_entries=6)
    assert check.worst < 1e-6, check.worst_name
    for d in tr.layers.values():
        steps = range(d.h.shape[0])
        for p in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            total = sum(d.grad_step(p, t) for t in steps)
            np.testing.assert_allclose(total, grads[d.params[p]], atol=1e-10, err_msg=p)
            biggest = max(np.abs(d.grad_step(p, t)).max() for t in steps)
            assert d.grad_step_max(p) == pytest.approx(biggest)
        if mask and d.mask is not None:
            assert np.all(d.dpre[d.mask == 0] == 0)  # padded steps pass nothing on


def test_lstm_gate_gradients_are_the_chain_rule_of_the_cached_values():
    """One step spelled out: dL/d(pre o) = dL/dh_t tanh(c_t) o(1-o)."""
    cfg = NetworkConfig(hidden_size=2, cell="lstm", **KINDS["many_to_many"])
    sample = make_sample(cfg, 4, np.random.default_rng(3))
    d = trace(Network(cfg, seed=0), sample).layers["l0"]
    o = d.gates[:, 6:]
    np.testing.assert_allclose(d.dpre[:, 6:], d.grad_h * np.tanh(d.c) * o * (1 - o))
    # The last step's cell gradient comes only through h_T = o tanh(c_T).
    np.testing.assert_allclose(d.grad_c[-1], d.grad_h[-1] * o[-1] * (1 - np.tanh(d.c[-1]) ** 2))


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("kind,bi", [("many_to_one", False), ("many_to_many", True),
                                     ("seq2seq", False)])
def test_a_truncated_trace_takes_the_gradients_training_takes(cell, kind, bi):
    """With truncated BPTT the trace's dL/dh_t and per-step shares are those of the
    training step (``loss_and_grads`` with the trainer's ``bptt_truncation``); they differ
    from full BPTT, and nothing crosses a cut."""
    cfg = NetworkConfig(hidden_size=3, bidirectional=bi, cell=cell, **KINDS[kind])
    sample = make_sample(cfg, 6, np.random.default_rng(5))
    tr = trace(Network(cfg, seed=2), sample, truncation=2)
    full = trace(Network(cfg, seed=2), sample)
    ref = Network(cfg, seed=2)
    _, grads = ref.loss_and_grads(sample.x, sample.y, sample.mask, sample.y_mask, 2)
    assert tr.truncation == 2
    for name, d in tr.layers.items():
        np.testing.assert_allclose(d.grad_h, ref.cache["grad_h"][name][0], atol=1e-12)
        for p in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            total = sum(d.grad_step(p, t) for t in range(d.h.shape[0]))
            np.testing.assert_allclose(total, grads[d.params[p]], atol=1e-10, err_msg=p)
        T = d.h.shape[0]
        cuts = [t for t in range(T) if not d.sends_back(t)]
        # Chunks of two steps counted from the start: the cut is at the start of a chunk.
        first = [t for t in range(T) if t % 2 == 0 and t > 0]
        assert cuts == ([T - 1 - t for t in first][::-1] if d.reverse else first)
        assert all(full.layers[name].sends_back(t) for t in range(T))
    if kind == "many_to_one":
        d = tr.layers["l0"]
        assert np.all(d.grad_h[:4] == 0) and np.any(d.grad_h[4:] != 0)
        assert np.any(full.layers["l0"].grad_h[:4] != 0)
