"""The attention lines of a read-out's formula (no Qt): for an output of a decoder that
looks back, going forward, the scores of every source step, their softmax (α), the
context and the combined state h̃ the head reads, each line worked out from the numbers
shown on it as every line of :mod:`rnn_sandbox.ui.diagram.formula` is.

    e_tj = s_t · k_j   (dot: k_j = h_j; general: k_j = W_a h_j; additive: e_tj = v · u_tj)
    α_tj = softmax(e_t1, …, e_tS)[j]
    c_t[i] = Σ_j α_tj · h_j[i]
    h̃_t[i] = tanh(W_c[i,:] · [c_t; s_t] + b_c[i])

k_j and u_tj are the engine's numbers (each a product of its own), shown as they are read.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.engine.anatomy import COMBINE_BIAS, COMBINE_WEIGHT, Anatomy
from rnn_sandbox.engine.attention import W_A, W_K, W_Q, V
from rnn_sandbox.engine.inspect import Trace
from rnn_sandbox.ui.diagram.formula import OUTPUT, Formula, Term, _Builder, num
from rnn_sandbox.ui.words import QT_TR_NOOP, tr

SECTION = QT_TR_NOOP("attention: where the decoder looks")


def _top(trace: Trace, anatomy: Anatomy, part: str) -> tuple[np.ndarray, np.ndarray | None]:
    """The top layer's states of ``part`` (its directions side by side: [forward;
    backward]), (T, width), and which steps are real."""
    states = anatomy.states_of(part)
    top = max(st.layer for st in states)
    layers = [trace.layers[st.name] for st in anatomy.layer_states(part, top)]
    return np.concatenate([d.h for d in layers], axis=-1), layers[0].mask


def with_attention(f: Formula, trace: Trace, anatomy: Anatomy, score: str) -> Formula:
    """``f`` with the attention lines of its step before its read-out (a read-out going
    forward of a network that attends; any other formula comes back as it is)."""
    if f.state != OUTPUT or f.mode != "forward" or trace.attention is None:
        return f
    k = int(np.flatnonzero(trace.out_steps == f.t)[0])
    encoder, mask = _top(trace, anatomy, "encoder")
    decoder, _ = _top(trace, anatomy, "decoder")
    b = _Builder(trace, anatomy, OUTPUT, f.t, f.unit, "forward")
    b.section = tr(SECTION)
    P = trace.weights
    s = decoder[k]
    steps = range(len(encoder)) if mask is None else np.flatnonzero(np.asarray(mask) != 0)
    real: list[int] = [int(j) for j in steps]
    scores = []
    for j in real:
        h = encoder[j]
        if score == "additive":
            u = np.tanh(P[W_Q] @ s + P[W_K] @ h)
            v = P[V][0]
            terms = [Term([num(v[m]), num(u[m])]) for m in range(len(v))]
            symbolic = f"v·u_t{j + 1}"
            exact = float(v @ u)
        else:
            key = h if score == "dot" else P[W_A] @ h
            terms = [Term([num(s[m]), num(key[m])]) for m in range(len(s))]
            symbolic = f"s_t·h_{j + 1}" if score == "dot" else f"s_t·(W_a h_{j + 1})"
            exact = float(s @ key)
        scores.append(b.add(f"e[{j}]", f"e_t{j + 1}", symbolic, terms, exact))
    alpha = np.asarray(trace.attention[k], float)
    shown_alpha = []
    for n, j in enumerate(real):
        ln = b.add(f"alpha[{j}]", f"α_t{j + 1}", f"softmax(e_t)[{j + 1}]",
                   [Term([num(e.result)]) for e in scores], alpha[j], "softmax", n)
        shown_alpha.append(ln.result)
    context = alpha[real] @ encoder[real]
    shown_c = []
    for i in range(encoder.shape[1]):
        ln = b.add(f"c[{i}]", f"c_t[{i}]", f"Σ_j α_tj·h_j[{i}]",
                   [Term([num(a), num(float(encoder[j, i]))]) for a, j in
                    zip(shown_alpha, real, strict=True)], float(context[i]))
        shown_c.append(ln.result)
    wc, bc = P[COMBINE_WEIGHT], P[COMBINE_BIAS]
    both = np.concatenate([shown_c, s])
    exact_both = np.concatenate([context, s])
    for i in range(wc.shape[0]):
        b.add(f"h~[{i}]", f"h̃_t[{i}]", f"tanh(W_c[{i},:]·[c_t; s_t] + b_c[{i}])",
              [Term([num(wc[i, n]), num(both[n])]) for n in range(len(both))]
              + [Term([num(bc[i])], "b")],
              float(np.tanh(wc[i] @ exact_both + bc[i])), "tanh")
    f.lines = [*b.lines, *f.lines]
    f.notes.append(tr("Attention: the scores e compare the decoder's state s_t with each "
                   "source step; α = their softmax; the context c_t mixes the encoder's "
                   "states by α; the head reads h̃_t, the context combined with s_t."))
    return f
