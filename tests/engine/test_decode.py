"""Beam search and "what if" decoding: width 1 is greedy, a wide enough beam finds the
most probable sentence, and a forced word changes only what comes after it."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.decode import beam_search, what_if
from rnn_sandbox.engine.losses import log_softmax

O, H, S = 4, 5, 5


def _network(arch="seq2seq", attention="general", cell="gru", seed=0):
    I = O if arch == "one_to_many" else 3
    cfg = NetworkConfig(input_size=I, output_size=O, hidden_size=H, architecture=arch,
                        loss="ce", cell=cell, bidirectional=arch == "seq2seq",
                        attention=attention if arch == "seq2seq" else "none")
    net = Network(cfg, seed=seed)
    net.load_state_dict({k: v * 3 for k, v in net.state_dict().items()})  # lively choices
    rng = np.random.default_rng(seed)
    if arch == "one_to_many":
        return net, rng.standard_normal((1, 1, I)), None
    mask = np.ones((1, S))
    mask[0, 3:] = 0
    return net, rng.standard_normal((1, S, I)) * mask[..., None], mask


def _path_score(net, x, mask, words):
    """log P(words) by teacher forcing: the network reads the words before each."""
    out = net.forward(x, mask, y=np.array([words]))[0]
    return float(log_softmax(out)[np.arange(len(words)), words].sum())


@pytest.mark.parametrize("arch,attention,cell", [("seq2seq", "general", "gru"),
                                                  ("seq2seq", "none", "lstm"),
                                                  ("one_to_many", "none", "rnn")])
def test_beam_of_width_one_is_greedy_decoding(arch, attention, cell):
    net, x, mask = _network(arch, attention, cell)
    greedy = net.generate(x, mask, steps=6)[0].argmax(axis=-1).tolist()
    tree = beam_search(net, x, mask, steps=6, width=1)
    assert tree.tokens() == greedy and len(tree.nodes) == 6
    assert tree.nodes[tree.best].score == pytest.approx(_path_score(net, x, mask, greedy))
    end = greedy[2]  # with an end token greedy's sentence stops at its first one
    stopped = beam_search(net, x, mask, steps=6, width=1, end=end)
    assert stopped.tokens() == greedy[: greedy.index(end) + 1]
    assert stopped.nodes[stopped.best].finished
    if attention != "none":
        alphas = net.generate_with_attention(x, mask, steps=6)[1][0]
        for node, alpha in zip(tree.nodes, alphas, strict=True):
            np.testing.assert_allclose(node.alpha, alpha, atol=1e-12)


def test_a_wide_enough_beam_finds_the_most_probable_sentence_and_keeps_its_tree():
    net, x, mask = _network()
    steps = 3
    scores = {w: _path_score(net, x, mask, list(w))
              for w in itertools.product(range(O), repeat=steps)}
    tree = beam_search(net, x, mask, steps=steps, width=O**steps)  # nothing pruned
    assert tuple(tree.tokens()) == max(scores, key=scores.__getitem__)
    assert tree.nodes[tree.best].score == pytest.approx(max(scores.values()))
    narrow = beam_search(net, x, mask, steps=steps, width=2)
    for t in range(steps):
        kept = narrow.at_step(t)
        assert len(kept) == 2
        for i in kept:  # each node continues one of the step before, its score adds up
            n = narrow.nodes[i]
            parent = narrow.nodes[n.parent] if n.parent >= 0 else None
            assert (parent.step if parent else -1) == t - 1
            assert n.score == pytest.approx((parent.score if parent else 0.0) + n.logp)
            if t == steps - 1:  # a whole path's score is its sentence's log-probability
                assert n.score == pytest.approx(scores[tuple(narrow.tokens(i))])
        assert [narrow.nodes[i].score for i in kept] == sorted(
            (narrow.nodes[i].score for i in kept), reverse=True)
    with pytest.raises(ValueError, match="one sample"):
        beam_search(net, np.repeat(x, 2, axis=0), None, steps=2)


def test_what_if_changes_only_what_comes_after_the_forced_word():
    net, x, mask = _network()
    greedy = net.generate(x, mask, steps=6)[0].argmax(axis=-1)
    outs, words, alphas = what_if(net, x, mask, steps=6, forced={2: int(greedy[2])})
    assert words[0].tolist() == greedy.tolist()  # forcing its own choice changes nothing
    other = (int(greedy[2]) + 1) % O
    outs, words, alphas = what_if(net, x, mask, steps=6, forced={2: other})
    assert words[0, :2].tolist() == greedy[:2].tolist() and words[0, 2] == other
    # What it wrote after the forced word is what it writes when read that sentence back.
    np.testing.assert_allclose(outs, net.forward(x, mask, y=words), atol=1e-12)
    np.testing.assert_array_equal(words[0, 3:], outs[0, 3:].argmax(axis=-1))
    assert alphas is not None and alphas.shape == (1, 6, S) and not alphas[0, :, 3:].any()
    with pytest.raises(ValueError, match="forced steps"):
        what_if(net, x, mask, steps=6, forced={6: 0})
    regression = Network(NetworkConfig(architecture="seq2seq", loss="mse"))
    with pytest.raises(ValueError, match="write classes"):
        what_if(regression, x, mask, steps=2)
