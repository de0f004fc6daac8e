"""Simple features of a sample's steps that a hidden unit may follow (Karpathy et al. 2015:
the unit that counts a line's length, the one on inside quotes).

Each task declares its own in :meth:`~rnn_sandbox.tasks.base.Task.unit_features`; the
helpers here make the common ones from what a step reads: its character or word (texts),
or its input numbers (series).  A feature is an array ``(samples, steps)`` over the steps
the network reads, 0 past a sample's end.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# How a text's step labels show what is not printable (tasks.text_generation.mark).
SPACE_MARKS = {"␣": " ", "⏎": "\n"}
OPENING, CLOSING = "([{", ")]}"
QUOTES = "\"“”"
NEGATIONS = {"not", "no", "never", "n't"}
CLAUSE_ENDS = {"and", "but", ",", ".", "!", "?", ";"}
MAX_INPUT_FEATURES = 6  # a series' first input numbers each a feature; more would crowd


def text_features(samples: Sequence[Sequence[str]], steps: int) -> dict[str, np.ndarray]:
    """Features of texts given as the token each step reads: characters (every token one
    character) or words.  Characters: position in word and in line, inside brackets,
    inside quotes, a space; words: position in the sentence, after “not” (until the clause
    ends)."""
    tokens = [[SPACE_MARKS.get(t, t) for t in s] for s in samples]
    chars = all(len(t) == 1 for s in tokens for t in s)
    names = (["position in word", "position in line", "inside brackets", "inside quotes",
              "a space"] if chars else ["position in sentence", "after “not”"])
    out = {n: np.zeros((len(tokens), steps)) for n in names}
    for i, s in enumerate(tokens):
        s = s[:steps]
        columns = _char_columns(s) if chars else _word_columns(s)
        for name, column in zip(names, columns, strict=True):
            out[name][i, : len(s)] = column
    if not chars and not any(t in NEGATIONS for s in tokens for t in s):
        del out["after “not”"]  # a vocabulary without negations: a feature that is always 0
    return out


def _char_columns(s: list[str]) -> list[list[float]]:
    word = line = depth = 0
    quoted = False
    cols: list[list[float]] = [[], [], [], [], []]
    for c in s:
        word = 0 if not c.isalnum() and c != "'" else word + 1
        line = 0 if c == "\n" else line + 1
        depth = max(0, depth + (c in OPENING) - (c in CLOSING))
        if c in QUOTES:
            quoted = not quoted
        for col, v in zip(cols, (word, line, depth > 0, quoted, c == " "), strict=True):
            col.append(float(v))
    return cols


def _word_columns(s: list[str]) -> list[list[float]]:
    position, negated = 0, False
    cols: list[list[float]] = [[], []]
    for w in s:
        position = 0 if w in (".", "!", "?") else position + 1
        if w.lower() in CLAUSE_ENDS:
            negated = False
        cols[0].append(float(position))
        cols[1].append(float(negated))
        if w.lower() in NEGATIONS:
            negated = True
    return cols


def input_features(x: np.ndarray, names: Sequence[str] | None) -> dict[str, np.ndarray]:
    """A series' input numbers, each a feature ``(samples, steps)`` named after its input
    (the first :data:`MAX_INPUT_FEATURES`)."""
    x = np.asarray(x, float)
    k = min(x.shape[-1], MAX_INPUT_FEATURES)
    label = list(names or [])
    return {f"input: {label[j] if j < len(label) else j + 1}": x[..., j] for j in range(k)}


def step_feature(n: int, steps: int, mask: np.ndarray | None = None) -> np.ndarray:
    """The step's number, counted from 0 (0 past a sample's end)."""
    t = np.tile(np.arange(steps, dtype=float), (n, 1))
    return t if mask is None else t * (np.asarray(mask)[:, :steps] > 0)
