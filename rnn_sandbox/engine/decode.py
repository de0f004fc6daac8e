"""Ways to let a generating network write, beside greedy decoding (:meth:`Network.generate`).

* :func:`beam_search` keeps the ``width`` most probable partial sentences at every step
  instead of one, and returns the whole tree it explored for one sample: each kept
  hypothesis with its word, its log-probability and its parent.  A hypothesis that writes
  the end token is complete and leaves the beam; the beam goes on with the others.  The
  score of a path is the sum of its words' log-probabilities (no length normalisation), so
  width 1 is greedy decoding.
* :func:`what_if` forces a word at chosen output steps and lets the network write the rest
  greedily: what would it have written had it chosen that word there?

Both need a network that chooses among classes (cross-entropy) and reads its own choice
back (seq2seq, or one-to-many fed its output).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from rnn_sandbox.engine.losses import log_softmax
from rnn_sandbox.engine.network import Decoding, Network


@dataclass(frozen=True)
class BeamNode:
    """One hypothesis kept at one output step."""

    step: int  # the output step it writes (0 first)
    token: int  # the class it writes there
    logp: float  # log P(token | the path before it)
    score: float  # the path's log-probability: the sum of logp from the first step
    parent: int  # the node it continues (an index into BeamTree.nodes); -1: the start
    finished: bool  # it wrote the end token
    alpha: np.ndarray | None = None  # attention weights of the step (source steps,)


@dataclass
class BeamTree:
    """Every hypothesis a beam search kept, in the order they were made, and the best."""

    width: int
    nodes: list[BeamNode] = field(default_factory=list)
    best: int = -1  # the best complete hypothesis (or, if none completed, the best last one)

    def path(self, node: int | None = None) -> list[int]:
        """The nodes from the first step to ``node`` (default: the best)."""
        i = self.best if node is None else node
        out = []
        while i >= 0:
            out.append(i)
            i = self.nodes[i].parent
        return out[::-1]

    def tokens(self, node: int | None = None) -> list[int]:
        """The words of the path to ``node`` (default: the best), first step first."""
        return [self.nodes[i].token for i in self.path(node)]

    def at_step(self, step: int) -> list[int]:
        """The nodes kept at output step ``step``."""
        return [i for i, n in enumerate(self.nodes) if n.step == step]


def _take(run: Decoding, rows: np.ndarray) -> None:
    """Keep the samples ``rows`` of ``run`` (in that order, repeats allowed): the beams
    that go on, each from the hypothesis it continues."""
    def pick(s: np.ndarray) -> np.ndarray:
        return s[:, rows]

    if run.state is not None:
        run.state = tuple(map(pick, run.state)) if isinstance(run.state, tuple) else (
            pick(run.state))
    run.input = run.input[:, rows]
    if run.memory is not None:
        run.memory = run.memory[:, rows]
    if run.mask is not None:
        run.mask = run.mask[rows]


def _check(network: Network) -> None:
    c = network.config
    if not network.generative or c.loss != "ce" or (
        c.architecture == "one_to_many" and c.feedback != "output"
    ):
        raise ValueError("only networks that write classes and read their choice back "
                         "(seq2seq, one-to-many fed its output) decode word by word")


def beam_search(
    network: Network,
    x: np.ndarray,
    mask: np.ndarray | None = None,
    steps: int = 1,
    width: int = 3,
    end: int | None = None,
) -> BeamTree:
    """Beam search of ``width`` for one sample ``x`` ``(1, T, I)`` (``mask`` ``(1, T)``)
    over at most ``steps`` output steps; ``end``: the class that completes a sentence
    (``None``: every path runs all ``steps``)."""
    _check(network)
    if len(x) != 1:
        raise ValueError("beam search decodes one sample (a batch of one)")
    if width < 1 or steps < 1:
        raise ValueError("beam search needs a width and a number of steps of at least 1")
    run = network.decoding(x, mask)
    tree = BeamTree(width)
    scores = np.zeros(1)  # of the live hypotheses
    live = [-1]  # their nodes
    for t in range(steps):
        out, alpha = network.decode_step(run)
        logp = log_softmax(out)  # (live, classes)
        total = (scores[:, None] + logp).ravel()
        # Stable: among equal scores the first beam's lowest class wins, as argmax picks.
        picks = np.argsort(-total, kind="stable")[:width]
        rows, toks = np.divmod(picks, logp.shape[1])
        keep = []
        for r, tok, score in zip(rows, toks, total[picks], strict=True):
            done = end is not None and int(tok) == end
            tree.nodes.append(BeamNode(
                t, int(tok), float(logp[r, tok]), float(score), live[r], done,
                None if alpha is None else alpha[r].copy(),
            ))
            if not done:
                keep.append((len(tree.nodes) - 1, r, tok, score))
        if not keep:
            break
        live = [k[0] for k in keep]
        scores = np.array([k[3] for k in keep])
        _take(run, np.array([k[1] for k in keep]))
        run.feed(np.array([k[2] for k in keep]))
    candidates = [i for i, n in enumerate(tree.nodes) if n.finished] or live
    tree.best = max(candidates, key=lambda i: tree.nodes[i].score)
    return tree


def what_if(
    network: Network,
    x: np.ndarray,
    mask: np.ndarray | None = None,
    steps: int = 1,
    forced: Mapping[int, int] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Greedy decoding of ``x`` ``(B, T, I)`` with the word ``forced[t]`` written at output
    step ``t`` whatever the network prefers there, the rest its own choices.  Returns the
    outputs ``(B, steps, O)``, the words written ``(B, steps)`` and the attention weights
    ``(B, steps, source steps)`` (``None`` without attention)."""
    _check(network)
    forced = dict(forced or {})
    O = network.config.output_size
    bad = [t for t, tok in forced.items() if not (0 <= t < steps and 0 <= tok < O)]
    if bad:
        raise ValueError(f"forced steps must lie in 0..{steps - 1} and words in 0..{O - 1}")
    run = network.decoding(x, mask)
    B = len(x)
    outs = np.empty((B, steps, O), dtype=network.dtype)
    words = np.empty((B, steps), dtype=np.intp)
    alphas = None
    for t in range(steps):
        out, alpha = network.decode_step(run)
        outs[:, t] = out
        if alpha is not None:
            if alphas is None:
                alphas = np.zeros((B, steps, alpha.shape[1]), dtype=network.dtype)
            alphas[:, t] = alpha
        words[:, t] = forced[t] if t in forced else out.argmax(axis=1)
        run.feed(words[:, t])
    return outs, words, alphas
