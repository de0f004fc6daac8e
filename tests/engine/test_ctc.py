"""CTC loss: brute-force likelihoods, finite-difference gradients, decoding, whole network."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.ctc import collapse, ctc_greedy_decode, ctc_loss
from rnn_sandbox.engine.gradcheck import gradcheck
from rnn_sandbox.engine.losses import log_softmax
from rnn_sandbox.engine.network import Network


def brute_force_nll(logits, labels, n_frames, blank=0):
    """-log of the summed probability of every frame path that collapses to ``labels``."""
    logp = log_softmax(logits[:n_frames])
    C = logits.shape[-1]
    total = 0.0
    for path in itertools.product(range(C), repeat=n_frames):
        if collapse(path, blank) == list(labels):
            total += np.exp(sum(logp[t, k] for t, k in enumerate(path)))
    return -np.log(total) if total > 0 else np.inf


def numeric_grad(f, x, eps=1e-6):
    g = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + eps
        lp = f(x)
        x[i] = old - eps
        lm = f(x)
        x[i] = old
        g[i] = (lp - lm) / (2 * eps)
    return g


def rel_error(a, b):
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


@pytest.mark.parametrize(
    "labels,T",
    [([1], 1), ([1], 4), ([1, 2], 4), ([1, 1], 3), ([1, 1], 5), ([2, 1, 2], 5), ([], 3)],
)
def test_loss_equals_enumeration_of_all_alignments(labels, T):
    rng = np.random.default_rng(len(labels) * 10 + T)
    logits = rng.normal(size=(1, T, 3))
    lab = np.array([labels or [0]])
    lmask = np.array([[1.0] * len(labels) or [0.0]])
    loss, _ = ctc_loss(logits, lab, None, lmask)
    expected = brute_force_nll(logits[0], labels, T) / max(len(labels), 1)
    assert loss == pytest.approx(expected, rel=1e-10)


def test_padded_batch_matches_per_sample_enumeration():
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(3, 6, 4))
    labels = np.array([[1, 2, 0], [3, 3, 1], [2, 0, 0]])
    lmask = np.array([[1, 1, 0], [1, 1, 1], [1, 0, 0]], dtype=float)
    fmask = np.array([[1, 1, 1, 1, 0, 0], [1] * 6, [1, 1, 1, 0, 0, 0]], dtype=float)
    loss, _ = ctc_loss(logits, labels, fmask, lmask)
    per = [
        brute_force_nll(logits[0], [1, 2], 4) / 2,
        brute_force_nll(logits[1], [3, 3, 1], 6) / 3,
        brute_force_nll(logits[2], [2], 3) / 1,
    ]
    assert loss == pytest.approx(np.mean(per), rel=1e-10)


def test_gradient_matches_finite_differences_with_masks_and_repeats():
    rng = np.random.default_rng(2)
    logits = rng.normal(size=(3, 7, 4))
    labels = np.array([[1, 1, 2], [3, 2, 0], [2, 2, 2]])
    lmask = np.array([[1, 1, 1], [1, 1, 0], [1, 1, 0]], dtype=float)
    fmask = np.array([[1] * 7, [1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 0, 0, 0]], dtype=float)
    _, grad = ctc_loss(logits, labels, fmask, lmask)
    num = numeric_grad(lambda z: ctc_loss(z, labels, fmask, lmask)[0], logits.copy())
    assert rel_error(grad, num) < 1e-6
    # Padded frames get no gradient.
    assert np.all(grad[1, 5:] == 0) and np.all(grad[2, 4:] == 0)


def test_infeasible_sample_contributes_zero_loss_and_gradient():
    rng = np.random.default_rng(3)
    logits = rng.normal(size=(2, 3, 3))
    # Sample 0 needs 1 - 1: three frames fit; sample 1 needs 1 - 1 - 1 (five frames): no fit.
    labels = np.array([[1, 1, 0], [1, 1, 1]])
    lmask = np.array([[1, 1, 0], [1, 1, 1]], dtype=float)
    loss, grad = ctc_loss(logits, labels, None, lmask)
    assert np.isfinite(loss)
    assert np.all(grad[1] == 0)
    alone, _ = ctc_loss(logits[:1], labels[:1], None, lmask[:1])
    assert loss == pytest.approx(alone / 2, rel=1e-12)  # still counted in the batch mean
    num = numeric_grad(lambda z: ctc_loss(z, labels, None, lmask)[0], logits.copy())
    assert rel_error(grad, num) < 1e-6


def test_repeated_label_needs_a_blank_between():
    # Two frames can spell "1 2" but not "1 1".
    logits = np.zeros((1, 2, 3))
    assert np.isfinite(brute_force_nll(logits[0], [1, 2], 2))
    loss, grad = ctc_loss(logits, np.array([[1, 1]]), None, None)
    assert loss == 0.0 and np.all(grad == 0)
    loss, _ = ctc_loss(logits, np.array([[1, 2]]), None, None)
    assert loss == pytest.approx(np.log(9) / 2)  # exactly one path of prob 1/9


def test_perfect_logits_give_near_zero_loss():
    logits = np.full((1, 5, 3), -20.0)
    for t, k in enumerate([1, 1, 0, 1, 2]):
        logits[0, t, k] = 20.0
    loss, _ = ctc_loss(logits, np.array([[1, 1, 2]]))
    assert loss < 1e-10


def test_bad_labels_are_refused():
    with pytest.raises(ValueError, match="blank"):
        ctc_loss(np.zeros((1, 3, 3)), np.array([[0, 1]]))
    with pytest.raises(ValueError, match="lie in"):
        ctc_loss(np.zeros((1, 3, 3)), np.array([[5]]))


def test_collapse_examples():
    assert collapse([1, 1, 0, 1, 2, 2]) == [1, 1, 2]
    assert collapse([0, 0, 0]) == []
    assert collapse([3, 3, 3]) == [3]
    assert collapse([2, 0, 2, 0, 0, 2]) == [2, 2, 2]
    assert collapse([1, 2, 1], blank=1) == [2]
    assert collapse(np.array([0, 4, 4, 0])) == [4]


def test_greedy_decode_respects_frame_mask():
    logits = np.full((2, 4, 3), -5.0)
    for b, path in enumerate([[1, 1, 2, 2], [2, 0, 2, 1]]):
        for t, k in enumerate(path):
            logits[b, t, k] = 5.0
    mask = np.array([[1, 1, 1, 1], [1, 1, 1, 0]])
    assert ctc_greedy_decode(logits, mask) == [[1, 2], [2, 2]]
    assert ctc_greedy_decode(logits) == [[1, 2], [2, 2, 1]]


@pytest.mark.parametrize("bidirectional", [False, True])
def test_network_gradcheck_with_ctc(bidirectional):
    cfg = NetworkConfig(
        input_size=3, output_size=4, hidden_size=5, architecture="many_to_many", loss="ctc",
        bidirectional=bidirectional,
    )
    net = Network(cfg, seed=4)
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, 6, 3))
    y = np.array([[1, 2, 2], [3, 0, 0], [1, 3, 0]])
    y_mask = np.array([[1, 1, 1], [1, 0, 0], [1, 1, 0]], dtype=float)
    mask = np.array([[1] * 6, [1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 0]], dtype=float)
    result = gradcheck(net, x, y, mask, y_mask)
    assert result.worst < 1e-6, result.worst_name


def test_matches_pytorch_ctc_loss_and_gradient():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(6)
    B, T, C, L = 5, 12, 6, 4
    logits = rng.normal(size=(B, T, C)) * 2
    frames = np.array([12, 10, 7, 12, 3])
    lengths = np.array([4, 2, 3, 1, 3])  # the last cannot fit: 3 labels with repeats, 3 frames
    labels = rng.integers(1, C, size=(B, L))
    labels[4, :3] = [2, 2, 2]
    fmask = (np.arange(T)[None] < frames[:, None]).astype(float)
    lmask = (np.arange(L)[None] < lengths[:, None]).astype(float)
    loss, grad = ctc_loss(logits, labels, fmask, lmask)

    z = torch.tensor(logits, requires_grad=True)
    logp = torch.log_softmax(z, dim=-1).transpose(0, 1)
    ref = torch.nn.functional.ctc_loss(
        logp, torch.tensor(labels), torch.tensor(frames), torch.tensor(lengths),
        blank=0, reduction="mean", zero_infinity=True,
    )
    ref.backward()
    assert loss == pytest.approx(ref.item(), rel=1e-9)
    assert np.allclose(grad, z.grad.numpy(), atol=1e-9)
