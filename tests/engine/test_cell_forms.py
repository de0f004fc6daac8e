"""The LSTM's and GRU's readable step-by-step passes and the fast ones training uses compute
the same numbers: states, gates, every gradient, with padding, in both directions, with
truncated BPTT and step by step."""

import numpy as np
import pytest

from rnn_sandbox.engine import gru, lstm

T, B, I, H = 7, 3, 2, 4


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("padded, truncation", [(False, 0), (True, 0), (False, 3), (True, 2)])
def test_the_fast_form_computes_what_the_readable_form_computes(cell, reverse, padded,
                                                                truncation):
    rng = np.random.default_rng(7)
    G = (4 if cell == "lstm" else 3) * H
    w_ih, w_hh = rng.standard_normal((G, I)), 0.8 * rng.standard_normal((G, H))
    b_ih, b_hh = rng.standard_normal(G), rng.standard_normal(G)
    x = rng.standard_normal((T, B, I))
    h0, c0 = rng.standard_normal((B, H)), rng.standard_normal((B, H))
    mask = None
    if padded:  # sequence 0 ends after 4 steps, sequence 2 has a gap; sequence 1 is full
        mask = np.ones((T, B, 1))
        mask[4:, 0] = 0
        mask[2, 2] = 0
    dh_out, dh_last, dc_last = (rng.standard_normal(s) for s in ((T, B, H), (B, H), (B, H)))
    if cell == "lstm":
        h_r, cache_r = lstm.readable_forward(x, w_ih, w_hh, b_ih, b_hh, h0, c0, mask, reverse)
        h_f, cache_f = lstm.lstm_dir_forward(x, w_ih, w_hh, b_ih, b_hh, h0, c0, mask, reverse)
        forward = [(cache_r.gates, cache_f.gates), (cache_r.c, cache_f.c)]
    else:
        h_r, cache_r = gru.readable_forward(x, w_ih, w_hh, b_ih, b_hh, h0, mask, reverse)
        h_f, cache_f = gru.gru_dir_forward(x, w_ih, w_hh, b_ih, b_hh, h0, mask, reverse)
        forward = [(cache_r.gates, cache_f.gates), (cache_r.hn, cache_f.hn)]
    for a, b in [(h_r, h_f), *forward]:
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
    if padded:  # a padded row kept its state
        step = (4, 5) if reverse else (3, 4)
        np.testing.assert_array_equal(h_f[step[1], 0], h_f[step[0], 0])
    for per_step in (False, True):
        if cell == "lstm":
            readable = list(lstm.readable_backward(cache_r, dh_out, dh_last, dc_last, w_ih,
                                                   w_hh, truncation, per_step))
            fast = list(lstm.lstm_dir_backward(cache_f, dh_out, dh_last, dc_last, w_ih, w_hh,
                                               truncation, per_step))
            grads_r, grads_f = readable.pop(3), fast.pop(3)
        else:
            readable = list(gru.readable_backward(cache_r, dh_out, dh_last, w_ih, w_hh,
                                                  truncation, per_step))
            fast = list(gru.gru_dir_backward(cache_f, dh_out, dh_last, w_ih, w_hh, truncation,
                                             per_step))
            grads_r, grads_f = readable.pop(2), fast.pop(2)
        # dx, dh0 (, dc0), dL/dh_t (, dL/dc_t), and every weight's gradient
        for a, b in zip(readable, fast, strict=True):
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
        assert grads_r.keys() == grads_f.keys() == {"weight_ih", "weight_hh", "bias_ih",
                                                    "bias_hh"}
        for k in grads_r:
            assert grads_r[k].shape == grads_f[k].shape == (
                ((T,) if per_step else ()) + (G, *{"weight_ih": (I,), "weight_hh": (H,)}.get(
                    k, ())))
            np.testing.assert_allclose(grads_r[k], grads_f[k], rtol=0, atol=1e-12)
