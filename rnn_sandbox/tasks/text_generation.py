"""One-to-many, character by character: write on from a first letter, in the style of a text.

The text is a collection of nursery rhymes, limericks, children's verses and fables shipped
with the program (``resources/texts``, about 107 thousand characters; line breaks kept,
because a rhyme's shape is its lines).  A training sample is a start character (one-hot, the
first input) and the ``seq_len`` characters that follow it in the text (the targets).  The
network feeds its previous character back as the next input, so input and output are both
one-hot vectors over the same alphabet; training uses teacher forcing (the true previous
character), writing feeds back the network's own choice (:meth:`generate_text`).

The metric is the standard one of character-level language models: next-character
accuracy.  Reading the true text, how often is the network's top guess for the next
character right?  The data ask :class:`~rnn_sandbox.engine.train.Trainer` for exactly those
outputs (``meta["predict"] = "teacher_forced"``).  By default (``held_out``) the text is cut
into blocks and every tenth one or so (the validation fraction) is kept for validation, so
the number says how well the network has learnt English verse and prose, not how well it
remembers lines it has seen.  Free writing from a first letter would be a poor measure: one
slip shifts every later character, and a position-by-position comparison then counts good
text as wrong.  The baseline guesses the most common character (a space) everywhere,
scored by the same metric.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.losses import softmax
from rnn_sandbox.tasks.base import Metric, Task, TaskError, one_hot, read_resource, register
from rnn_sandbox.translation import columns, pad, tr

# The option ``text``: which of the shipped files the task reads, one after another (their
# sources are in resources/texts/README.md).  "all" is the default; "rhymes" is the small
# first file alone with its line breaks as spaces, as the task read it before the other
# texts came: experiment files saved then have no ``text`` option and are read with it.
TEXTS = {
    "all": (
        "rhymes_and_fables.txt",
        "a_book_of_nonsense.txt",
        "a_childs_garden_of_verses.txt",
        "aesops_fables.txt",
    ),
    "rhymes": ("rhymes_and_fables.txt",),
}
TEXT_BEFORE_THE_OPTION = "rhymes"
# With ``held_out`` the text is cut into this many equal blocks, and evenly spread ones
# (the validation fraction of them) are read only for validation: rhymes, verses and
# fables alike, never seen in training.
N_BLOCKS = 50
SPACE, NEWLINE = " ", "\n"
NEWLINE_MARK = "⏎"  # how a line break is shown on one line (plots, prediction view)


@lru_cache(maxsize=8)
def load_text(lowercase: bool = True, text: str = "all") -> str:
    """The shipped texts, one after another: spaces inside a line made single, line breaks
    kept (a verse's shape is its lines), at most one blank line between stanzas or pieces.
    The small "rhymes" text has every run of white space, line breaks too, as one space."""
    if text not in TEXTS:
        known = ", ".join(TEXTS)
        raise TaskError(tr("text_generation: there is no text '{text}' (known: {known})").format(
            text=text, known=known))
    if text == "rhymes":
        joined = re.sub(r"\s+", " ", read_resource("texts", TEXTS[text][0])).strip()
    else:
        parts = []
        for name in TEXTS[text]:
            raw = read_resource("texts", name).replace("\r\n", "\n")
            lines = [re.sub(r"[ \t]+", " ", line).strip() for line in raw.split("\n")]
            parts.append(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip())
        joined = "\n\n".join(parts)
    return joined.lower() if lowercase else joined


def alphabet(lowercase: bool = True, text: str = "all") -> list[str]:
    """The characters of the text, sorted: the network's inputs and outputs."""
    return sorted(set(load_text(lowercase, text)))


def text_option(cfg: TaskConfig) -> str:
    """The text a task configuration reads (see :data:`TEXTS`)."""
    return str(cfg.options.get("text", TEXT_BEFORE_THE_OPTION))


def held_out_spans(n_chars: int, val_fraction: float) -> dict[str, list[tuple[int, int]]]:
    """Stretches ``(start, end)`` of the text for training and for validation.

    The text is cut into :data:`N_BLOCKS` equal blocks; ``val_fraction`` of them, evenly
    spread, are validation, the rest training (neighbouring blocks of one split join)."""
    k = min(N_BLOCKS - 1, max(1, round(N_BLOCKS * val_fraction)))
    val_blocks = {int((j + 0.5) * N_BLOCKS / k) for j in range(k)}
    edges = np.linspace(0, n_chars, N_BLOCKS + 1).round().astype(int)
    spans: dict[str, list[tuple[int, int]]] = {"train": [], "val": []}
    for i in range(N_BLOCKS):
        part = spans["val" if i in val_blocks else "train"]
        a, b = int(edges[i]), int(edges[i + 1])
        if part and part[-1][1] == a:
            part[-1] = (part[-1][0], b)
        else:
            part.append((a, b))
    return spans


def show(text: str) -> str:
    """``text`` on one line: a line break shown as ⏎."""
    return text.replace(NEWLINE, NEWLINE_MARK)


@register
class TextGeneration(Task):
    name = "text_generation"
    title = "Write like a nursery rhyme"
    kind = "one_to_many"
    summary = "Character by character: from a first letter, continue in the style of a text."
    default_task = {
        "seq_len": 32,
        "n_samples": 10000,
        "val_fraction": 0.1,
        "options": {"text": "all", "lowercase": True, "held_out": True, "word_starts": False},
    }
    # 128 GRU neurons: 64 guess as well (0.48) but write fewer line breaks and stanzas; a
    # simple RNN guesses fewer characters right.  Three epochs: the validation accuracy
    # stops rising after two or three, the training loss falls on.
    default_network = {"hidden_size": 128, "feedback": "output", "cell": "gru"}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 3}
    baseline_rule = "always a space"
    margin = 0.29  # default runs, seeds 0-4: 0.307-0.321 above the baseline (0.480-0.493)

    def shape(self, cfg: TaskConfig) -> dict:
        V = len(alphabet(bool(cfg.options.get("lowercase", True)), text_option(cfg)))
        return {
            "input_size": V,
            "output_size": V,
            "architecture": "one_to_many",
            "loss": "ce",
            "feedback": "output",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        lowercase = bool(cfg.options.get("lowercase", True))
        word_starts = bool(cfg.options.get("word_starts", False))
        held_out = bool(cfg.options.get("held_out", True))
        text = load_text(lowercase, text_option(cfg))
        vocab = alphabet(lowercase, text_option(cfg))
        index = {c: i for i, c in enumerate(vocab)}
        codes = np.array([index[c] for c in text], dtype=np.intp)
        T, n = cfg.seq_len, cfg.n_samples
        if held_out:
            spans = held_out_spans(len(codes), cfg.val_fraction)
        else:
            spans = {"train": [(0, len(codes))], "val": [(0, len(codes))]}
        n_val = min(n - 1, max(1, int(round(n * cfg.val_fraction))))  # both splits non-empty
        sizes = {"train": n - n_val, "val": n_val}
        blank = np.isin(codes, [index[c] for c in (SPACE, NEWLINE) if c in index])
        batches = {}
        for split in ("val", "train"):
            # Starts that still have T characters after them inside their stretch.
            starts = np.concatenate(
                [np.arange(a, b - T, dtype=np.intp) for a, b in spans[split]]
            )
            if word_starts and len(starts):
                # The first letter of a word: not blank, and the text's start or after a blank.
                after_blank = np.r_[True, blank[:-1]]
                starts = starts[~blank[starts] & after_blank[starts]]
            if not len(starts):
                raise TaskError((tr("text_generation: seq_len {steps} is longer than the training "
                                    "text allows") if split == "train" else
                                 tr("text_generation: seq_len {steps} is longer than the "
                                    "validation text allows")).format(steps=T))
            pos = rng.choice(starts, sizes[split], replace=True)
            x = one_hot(codes[pos], len(vocab))[:, None, :]
            y = codes[pos[:, None] + 1 + np.arange(T)[None, :]]
            batches[split] = Batch(x, y, None, np.ones((len(pos), T)))
        meta = {
            "vocab": vocab,
            # Output names for plots; a space and a line break are shown as visible marks.
            "classes": ["␣" if c == SPACE else show(c) for c in vocab],
            "lowercase": lowercase,
            "held_out": held_out,
            "text": text_option(cfg),
            "text_length": len(text),
            # Scored on next-character guesses with the true text fed (Trainer.predict).
            "predict": "teacher_forced",
        }
        return Dataset(batches["train"], batches["val"], meta)

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Share of next characters guessed right (top score), each read after the true
        text before it: the outputs :meth:`Trainer.predict` gives for this task's data."""
        pred = np.asarray(outputs).argmax(axis=-1)
        m = batch.y_mask if batch.y_mask is not None else np.ones(batch.y.shape)
        hits = ((pred == batch.y) * m).sum() / max(float(m.sum()), 1.0)
        return Metric("next-character accuracy", float(hits))

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """Scores that put the training text's most common character (a space) first at
        every step of every validation sample, shaped like the network's outputs."""
        val, V = dataset.val, len(dataset.meta["vocab"])
        out = np.zeros(val.y.shape + (V,))
        out[..., self._most_common(dataset)] = 1.0
        return out

    def baseline_rule_for(self, dataset: Dataset) -> str:
        c = dataset.meta["vocab"][self._most_common(dataset)]
        mark = {SPACE: "a space", NEWLINE: "a line break"}.get(c, f'"{c}"')
        return f"always {mark}"

    @staticmethod
    def _most_common(dataset: Dataset) -> int:
        train = dataset.train
        return int(np.bincount(np.asarray(train.y, dtype=np.intp).ravel()).argmax())

    # -- text ------------------------------------------------------------------------
    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b, vocab = getattr(dataset, split), dataset.meta["vocab"]
        first = vocab[int(b.x[index, 0].argmax())]
        rest = "".join(vocab[int(i)] for i in b.y[index])
        return tr('start "{first}" → "{rest}"').format(first=show(first), rest=show(rest))

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        """The text, and under each character the network's guess for it, made after
        reading the true text before it."""
        b, vocab = getattr(dataset, split), dataset.meta["vocab"]
        first = vocab[int(b.x[index, 0].argmax())]
        pred = np.asarray(outputs).argmax(axis=-1)
        guessed = "".join(vocab[int(i)] for i in pred)
        truth = "".join(vocab[int(i)] for i in b.y[index])
        hits = int(np.sum(pred == b.y[index]))
        text, guesses = tr("text:", "above the guesses"), tr("guesses:")
        # Each guess stands under the character it guessed: one column after the start
        # character, which follows the label and an opening quote.
        at = max(columns(text) + 3, columns(guesses) + 3)
        right = tr("({hits}/{total} next characters right)").format(hits=hits, total=len(truth))
        return (f'{pad(text, at - 2)}"{show(first + truth)}"\n'
                f"{pad(guesses, at)}{show(guessed)}   {right}")

    def step_labels(self, dataset: Dataset, index: int, split: str = "val") -> dict[str, list[str]]:
        """The characters of the sample: the one each step reads (the start character,
        then the true text, as in training) and the one it should guess."""
        b, vocab = getattr(dataset, split), dataset.meta["vocab"]
        first = vocab[int(np.asarray(b.x[index, 0]).argmax())]
        text = [vocab[int(i)] for i in b.y[index]]
        return {"": [mark(c) for c in [first, *text[:-1]]], "outputs": [mark(c) for c in text]}

    writes = "characters"
    prompt_example = "there was an old man"

    def writer(
        self, network: Any, dataset: Dataset, prompt: str, temperature: float, seed: int
    ) -> tuple[str, Iterator[str]]:
        """The prompt as the network reads it (lower-cased for a lower-case alphabet) and
        the characters it writes after it (:func:`write`)."""
        return write(network, prompt, temperature, seed, dataset.meta["vocab"])

    def generate_text(
        self,
        network: Any,
        start: str = "the",
        length: int = 80,
        temperature: float = 0.8,
        seed: int = 0,
        vocab: list[str] | None = None,
    ) -> str:
        """``start`` followed by ``length`` characters the network writes (line breaks
        included): see :func:`write`.  ``vocab`` defaults to the lower-case alphabet
        (pass ``dataset.meta['vocab']``)."""
        prompt, chars = write(network, start, temperature, seed, vocab)
        return prompt + "".join(islice(chars, length))


def mark(c: str) -> str:
    """A character as a plot's axis shows it: a space as ␣, a line break as ⏎."""
    return "␣" if c == SPACE else show(c)


def write(
    network: Any, start: str, temperature: float = 0.8, seed: int = 0,
    vocab: list[str] | None = None,
) -> tuple[str, Iterator[str]]:
    """The prompt as the network reads it, and the characters it writes after it, one at
    a time, as long as they are asked for.

    The network first reads ``start`` one character at a time (teacher forcing on the
    prompt), then samples each next character from softmax(logits / temperature) and
    feeds it back; temperature 0 always takes the most likely character.  Everything is
    checked before the first character (a :class:`TaskError` says what is wrong), so a
    caller can take the characters a few at a time (the window does, to stay responsive).
    """
    vocab = list(vocab) if vocab is not None else alphabet(True)
    if network.config.architecture != "one_to_many" or network.config.loss != "ce":
        raise TaskError(tr("text is written by a one-to-many classification network"))
    if network.config.input_size != len(vocab):
        raise TaskError(tr("the network's size does not match this alphabet"))
    if not start:
        raise TaskError(tr("give at least one start character"))
    if not any(c.isupper() for c in vocab):  # a lower-case alphabet reads "The" as "the"
        start = start.lower()
    index = {c: i for i, c in enumerate(vocab)}
    unknown = sorted({c for c in start if c not in index})
    if unknown:
        shown = " ".join(mark(c) for c in unknown)
        raise TaskError(tr("not in the text's alphabet: {shown} (the network knows only the "
                           "{count} characters of its text)").format(shown=shown,
                                                                     count=len(vocab)))
    if not temperature >= 0:
        raise TaskError(tr("temperature must be 0 or more"))
    return start, _characters(network, [index[c] for c in start], temperature, seed, vocab)


def _characters(
    network: Any, prompt: list[int], temperature: float, seed: int, vocab: list[str]
) -> Iterator[str]:
    rng = np.random.default_rng(seed)
    P, rnn, V = network.params, network.rnn, len(vocab)
    # Prime the state with the prompt: one forward pass over its characters.
    inputs = one_hot(np.array(prompt), V, network.dtype)[:, None, :]
    top, h, _ = rnn.forward(P, inputs, None)
    logits = top[-1] @ P["head.weight"].T + P["head.bias"]
    while True:
        if temperature > 0:
            probs = softmax(logits[0] / temperature)
            tok = min(int(np.searchsorted(np.cumsum(probs), rng.random())), V - 1)
        else:
            tok = int(logits[0].argmax())
        yield vocab[tok]
        inp = one_hot(np.array([[tok]]), V, network.dtype)
        top, h, _ = rnn.forward(P, inp, None, h)
        logits = top[-1] @ P["head.weight"].T + P["head.bias"]
