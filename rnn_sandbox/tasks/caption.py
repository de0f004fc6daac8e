"""One-to-many: a caption, word by word, from one vector that describes a scene.

A synthetic scene has a number of shapes (one to three), all of one colour and one kind,
and sometimes a size.  Its "semantic vector" is what an image model would hand over: the
colour one-hot, the shape one-hot, the size one-hot (all zero when no size is given) and
the count as a number (count / 3).  The network receives that vector once, at the first
step, and then writes the caption ("two big red circles", "one blue square") followed by
an end token; after the first step its input is a zero vector (feedback "zero"), so
everything it writes has to come from what its state kept of the first step.

The option ``holdout`` (e.g. ``"blue triangle"``) keeps one colour-shape pair out of
training and validates on exactly those scenes: a test of putting known parts together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.losses import softmax
from rnn_sandbox.tasks.base import Metric, Task, TaskError, one_hot, register
from rnn_sandbox.translation import number, tr

COLOURS = ["red", "green", "blue", "yellow"]
SHAPES = ["circle", "square", "triangle"]
SIZES = ["small", "big"]
NUMBERS = ["one", "two", "three"]
END = "<end>"
VOCAB = (
    [END]
    + NUMBERS
    + SIZES
    + COLOURS
    + SHAPES
    + [s + "s" for s in SHAPES]
)
WORD_INDEX = {w: i for i, w in enumerate(VOCAB)}
MAX_COUNT = len(NUMBERS)
INPUT_SIZE = len(COLOURS) + len(SHAPES) + len(SIZES) + 1
MAX_WORDS = 5  # number, size, colour, shape, end


def caption_words(colour: int, shape: int, size: int, count: int) -> list[str]:
    """The caption of a scene; ``size`` -1 means the size is not mentioned."""
    words = [NUMBERS[count - 1]]
    if size >= 0:
        words.append(SIZES[size])
    words.append(COLOURS[colour])
    words.append(SHAPES[shape] + ("s" if count > 1 else ""))
    return words + [END]


def parse_scene(text: str) -> tuple[int, int, int, int]:
    """``"two big red circles"`` (or ``"a blue square"``, ``"3 green triangles"``) →
    (colour, shape, size, count) as :func:`caption_words` takes them (size -1: none)."""
    counts = {w: i + 1 for i, w in enumerate(NUMBERS)} | {"a": 1, "an": 1}
    counts |= {str(i + 1): i + 1 for i in range(MAX_COUNT)}
    count, size, colour, shape, unknown = 1, -1, None, None, []
    for word in text.lower().replace(",", " ").split():
        if word in counts:
            count = counts[word]
        elif word in SIZES:
            size = SIZES.index(word)
        elif word in COLOURS:
            colour = COLOURS.index(word)
        elif word in SHAPES or (word.endswith("s") and word[:-1] in SHAPES):
            shape = SHAPES.index(word.removesuffix("s") if word not in SHAPES else word)
        else:
            unknown.append(word)
    if unknown or colour is None or shape is None:
        scene = tr('a scene is a number (one to {most}), perhaps a size ({sizes}), a colour '
                   '({colours}) and a shape ({shapes}), e.g. "two big red circles"').format(
            most=NUMBERS[-1], sizes=", ".join(SIZES), colours=", ".join(COLOURS),
            shapes=", ".join(SHAPES))
        raise TaskError(tr("unknown words: {words}; {scene}").format(
            words=" ".join(unknown), scene=scene) if unknown else scene)
    return colour, shape, size, count


def semantic_vector(colour: int, shape: int, size: int, count: int) -> np.ndarray:
    v = np.zeros(INPUT_SIZE)
    v[colour] = 1.0
    v[len(COLOURS) + shape] = 1.0
    if size >= 0:
        v[len(COLOURS) + len(SHAPES) + size] = 1.0
    v[-1] = count / MAX_COUNT
    return v


@register
class Caption(Task):
    name = "caption"
    title = "Caption a scene"
    kind = "one_to_many"
    summary = "From one vector (colour, shape, size, count) write a caption word by word."
    baseline_rule = "always the most frequent caption"
    # Seeds 0-4: every caption exact against the most frequent caption's 0-0.01.
    margin = 0.8
    default_task = {
        "seq_len": MAX_WORDS,
        "n_samples": 600,
        "options": {"sizes": True, "holdout": ""},
    }
    default_network = {"hidden_size": 32, "feedback": "zero"}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 40}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": INPUT_SIZE,
            "output_size": len(VOCAB),
            "architecture": "one_to_many",
            "loss": "ce",
            # The scene vector and the words live in different spaces, so nothing but a
            # zero vector can follow the first step.
            "feedback": "zero",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        sizes = bool(cfg.options.get("sizes", True))
        holdout = str(cfg.options.get("holdout", "") or "")
        hold = _parse_holdout(holdout) if holdout else None
        T = cfg.seq_len
        need = MAX_WORDS if sizes else MAX_WORDS - 1
        if T < need:
            raise TaskError(tr("caption: seq_len must be at least {need} (the longest caption)"
                               ).format(need=need))
        n = cfg.n_samples
        colour = rng.integers(0, len(COLOURS), n)
        shape = rng.integers(0, len(SHAPES), n)
        count = rng.integers(1, MAX_COUNT + 1, n)
        size = rng.integers(-1, len(SIZES), n) if sizes else np.full(n, -1)
        x = np.zeros((n, 1, INPUT_SIZE))
        y = np.zeros((n, T), dtype=np.intp)
        y_mask = np.zeros((n, T))
        for i in range(n):
            x[i, 0] = semantic_vector(colour[i], shape[i], size[i], count[i])
            words = caption_words(colour[i], shape[i], size[i], count[i])
            y[i, : len(words)] = [WORD_INDEX[w] for w in words]
            y_mask[i, : len(words)] = 1.0
        meta = {"vocab": list(VOCAB), "classes": list(VOCAB), "holdout": holdout}
        if hold is not None:
            # Compositional test: one colour-shape pair never appears in training; the
            # validation set is made of exactly those scenes.
            unseen = (colour == hold[0]) & (shape == hold[1])
            if unseen.all() or not unseen.any():
                raise TaskError(tr("caption: too few samples to hold out '{holdout}'").format(
                    holdout=holdout))
            return Dataset(
                Batch(x[~unseen], y[~unseen], None, y_mask[~unseen]),
                Batch(x[unseen], y[unseen], None, y_mask[unseen]),
                meta,
            )
        n_val = min(n - 1, max(1, int(round(n * cfg.val_fraction))))  # both splits non-empty
        return Dataset(
            Batch(x[n_val:], y[n_val:], None, y_mask[n_val:]),
            Batch(x[:n_val], y[:n_val], None, y_mask[:n_val]),
            meta,
        )

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Share of captions written exactly right, up to and including the end token."""
        return Metric("exact match", float(np.mean(_exact(outputs.argmax(axis=-1), batch))))

    def extra_metrics(self, outputs: np.ndarray, batch: Batch) -> list[Metric]:
        """Share of single words right (end token included), a gentler measure."""
        pred = np.asarray(outputs).argmax(axis=-1)
        m = batch.y_mask if batch.y_mask is not None else np.ones(batch.y.shape)
        return [Metric("word accuracy", float(((pred == batch.y) * m).sum() / m.sum()))]

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """The most frequent training caption for every scene (``<end>`` after it)."""
        train, val = dataset.train, dataset.val
        ends = train.y_mask
        counts = Counter(
            tuple(_tokens(train.y[i], None if ends is None else ends[i]))
            for i in range(len(train))
        )
        best = counts.most_common(1)[0][0]
        # Annotated: numpy's stub gives np.full of a shape of unknown length no dimensions.
        words: np.ndarray = np.full(val.y.shape, WORD_INDEX[END], dtype=np.intp)
        n = min(len(best), words.shape[1])
        words[:, :n] = best[:n]
        return one_hot(words, len(VOCAB))

    writes = "words"
    prompt_example = "two big red circles"

    def writer(
        self, network: Any, dataset: Dataset, prompt: str, temperature: float, seed: int
    ) -> tuple[str, Iterator[str]]:
        """The scene a prompt describes (:func:`parse_scene`), and the caption the network
        writes for its semantic vector, word by word up to its end token."""
        colour, shape, size, count = parse_scene(prompt)
        if not temperature >= 0:
            raise TaskError(tr("temperature must be 0 or more"))
        x = semantic_vector(colour, shape, size, count)[None, None, :]
        scene = " ".join(caption_words(colour, shape, size, count)[:-1])

        def words() -> Iterator[str]:
            # Its input after the first step is a zero vector whatever it wrote (feedback
            # "zero"), so its scores do not depend on the words drawn: draw from them.
            steps = dataset.val.y.shape[1]  # the longest caption the network learnt
            scores = network.generate(x, steps=steps)[0]
            rng = np.random.default_rng(seed)
            for logits in scores:
                if temperature > 0:
                    probs = softmax(logits / temperature)
                    tok = min(int(np.searchsorted(np.cumsum(probs), rng.random())),
                              len(VOCAB) - 1)
                else:
                    tok = int(logits.argmax())
                yield " " + VOCAB[tok]
                if tok == WORD_INDEX[END]:
                    return

        return tr("scene: {scene}").format(scene=scene) + "\n" + tr("caption:"), words()

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        return f"{describe_vector(b.x[index, 0])} → \"{_caption(b.y[index], b.y_mask[index])}\""

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b = getattr(dataset, split)
        tokens = np.asarray(outputs).argmax(axis=-1)
        written = _caption(tokens, None)
        truth = _caption(b.y[index], b.y_mask[index])
        verdict = (tr('network: "{written}"   truth: "{truth}"   (exact)') if written == truth
                   else tr('network: "{written}"   truth: "{truth}"   (wrong)'))
        return (tr("scene: {scene}").format(scene=describe_vector(b.x[index, 0])) + "\n"
                + verdict.format(written=written, truth=truth))


def _parse_holdout(text: str) -> tuple[int, int]:
    """``"blue triangle"`` → (colour index, shape index)."""
    parts = text.lower().split()
    if len(parts) != 2 or parts[0] not in COLOURS or parts[1].rstrip("s") not in SHAPES:
        raise TaskError(tr("caption: holdout must be a colour and a shape, e.g. 'blue triangle' "
                           "(colours {colours}; shapes {shapes}), not '{text}'").format(
            colours=", ".join(COLOURS), shapes=", ".join(SHAPES), text=text))
    return COLOURS.index(parts[0]), SHAPES.index(parts[1].rstrip("s"))


def describe_vector(v: np.ndarray) -> str:
    """The semantic vector in words, e.g. ``colour=red shape=circle size=- count=0.67``."""
    c, s = len(COLOURS), len(SHAPES)
    size = v[c + s : c + s + len(SIZES)]
    size_txt = SIZES[int(size.argmax())] if size.max() > 0 else "-"
    return tr("colour={colour} shape={shape} size={size} count={count}").format(
        colour=COLOURS[int(v[:c].argmax())], shape=SHAPES[int(v[c:c + s].argmax())],
        size=size_txt, count=number(v[-1], ".2f"))


def _tokens(row: np.ndarray, mask: np.ndarray | None) -> list[int]:
    """Token indices up to the end token (or the mask's end)."""
    n = len(row) if mask is None else int(mask.sum())
    out = []
    for tok in row[:n]:
        out.append(int(tok))
        if tok == WORD_INDEX[END]:
            break
    return out


def _caption(row: np.ndarray, mask: np.ndarray | None) -> str:
    return " ".join(VOCAB[t] for t in _tokens(row, mask) if t != WORD_INDEX[END])


def _exact(pred: np.ndarray, batch: Batch) -> np.ndarray:
    """Per sample: every real target step (end token included) predicted right."""
    m = batch.y_mask if batch.y_mask is not None else np.ones(batch.y.shape)
    return np.all((pred == batch.y) | (m == 0), axis=1)
