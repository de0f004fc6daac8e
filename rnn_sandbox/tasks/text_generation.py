"""One-to-many, character by character: write on from a first letter, in the style of a text.

The text is a small collection of nursery rhymes and fables shipped with the program
(``resources/texts``).  A training sample is a start character (one-hot, the first input)
and the ``seq_len`` characters that follow it in the text (the targets).  The network feeds
its previous character back as the next input, so input and output are both one-hot
vectors over the same alphabet; training uses teacher forcing (the true previous
character), generation feeds back the network's own choice.

With a text this small the aim is to pick up its words and habits, so by default the
validation samples start at other random places of the same text.  With the option
``held_out`` the last part of the text (the validation fraction) is kept for validation
only, and the validation loss shows how little of a 3 kB text carries over to unseen lines.
The metric is free-running accuracy: from the start character alone, the network writes
``seq_len`` characters greedily, and we count how many match the text at the same place.
The trivial baseline writes the most common character (a space) everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.losses import softmax
from rnn_sandbox.tasks.base import Metric, Task, TaskError, one_hot, read_resource, register

TEXT_FILE = "rhymes_and_fables.txt"


@lru_cache(maxsize=4)
def load_text(lowercase: bool = True) -> str:
    """The shipped text with every run of white space (line breaks too) as one space."""
    text = re.sub(r"\s+", " ", read_resource("texts", TEXT_FILE)).strip()
    return text.lower() if lowercase else text


def alphabet(lowercase: bool = True) -> list[str]:
    """The characters of the text, sorted: the network's inputs and outputs."""
    return sorted(set(load_text(lowercase)))


@register
class TextGeneration(Task):
    name = "text_generation"
    title = "Write like a nursery rhyme"
    kind = "one_to_many"
    summary = "Character by character: from a first letter, continue in the style of a text."
    default_task = {
        "seq_len": 8,
        "n_samples": 2000,
        "options": {"lowercase": True, "word_starts": True, "held_out": False},
    }
    # GRU cells: a simple RNN writes real words only about half the time, depending on
    # the seed; a GRU of the same size writes two real words in three.
    default_network = {"hidden_size": 64, "feedback": "output", "cell": "gru"}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 30}

    def shape(self, cfg: TaskConfig) -> dict:
        V = len(alphabet(bool(cfg.options.get("lowercase", True))))
        return {
            "input_size": V,
            "output_size": V,
            "architecture": "one_to_many",
            "loss": "ce",
            "feedback": "output",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        lowercase = bool(cfg.options.get("lowercase", True))
        word_starts = bool(cfg.options.get("word_starts", True))
        held_out = bool(cfg.options.get("held_out", False))
        text = load_text(lowercase)
        vocab = alphabet(lowercase)
        index = {c: i for i, c in enumerate(vocab)}
        codes = np.array([index[c] for c in text], dtype=np.intp)
        T, n = cfg.seq_len, cfg.n_samples
        if held_out:
            cut = int(round(len(codes) * (1.0 - cfg.val_fraction)))
            parts = {"train": codes[:cut], "val": codes[cut:]}
        else:
            parts = {"train": codes, "val": codes}
        n_val = min(n - 1, max(1, int(round(n * cfg.val_fraction))))  # both splits non-empty
        sizes = {"train": n - n_val, "val": n_val}
        batches = {}
        for split in ("val", "train"):
            part = parts[split]
            last = len(part) - T - 1  # last start that still has T characters after it
            if last < 0:
                raise TaskError(
                    f"text_generation: seq_len {T} is longer than the {split} text allows"
                )
            starts = np.arange(last + 1)
            if word_starts:
                # The first letter of a word: the text's start or a letter after a space.
                space = index[" "]
                ok = (part[starts] != space) & np.r_[True, part[starts[1:] - 1] == space]
                starts = starts[ok]
            pos = rng.choice(starts, sizes[split], replace=True)
            x = one_hot(part[pos], len(vocab))[:, None, :]
            y = part[pos[:, None] + 1 + np.arange(T)[None, :]]
            batches[split] = Batch(x, y, None, np.ones((len(pos), T)))
        meta = {
            "vocab": vocab,
            # Output names for plots; a space is shown as a visible mark.
            "classes": ["␣" if c == " " else c for c in vocab],
            "lowercase": lowercase,
            "held_out": held_out,
            "text_length": len(text),
        }
        return Dataset(batches["train"], batches["val"], meta)

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Share of characters written right (free running, same position as the text)."""
        pred = np.asarray(outputs).argmax(axis=-1)
        m = batch.y_mask if batch.y_mask is not None else np.ones(batch.y.shape)
        hits = ((pred == batch.y) * m).sum() / max(float(m.sum()), 1.0)
        return Metric("character accuracy", float(hits))

    def baseline(self, dataset: Dataset) -> Metric:
        """Accuracy of writing the training text's most common character everywhere."""
        common = np.bincount(dataset.train.y.ravel()).argmax()
        return Metric(
            "character accuracy (most common character)",
            float(np.mean(dataset.val.y == common)),
        )

    # -- text ------------------------------------------------------------------------
    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b, vocab = getattr(dataset, split), dataset.meta["vocab"]
        first = vocab[int(b.x[index, 0].argmax())]
        rest = "".join(vocab[int(i)] for i in b.y[index])
        return f'start "{first}" → "{rest}"'

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b, vocab = getattr(dataset, split), dataset.meta["vocab"]
        first = vocab[int(b.x[index, 0].argmax())]
        pred = np.asarray(outputs).argmax(axis=-1)
        written = "".join(vocab[int(i)] for i in pred)
        truth = "".join(vocab[int(i)] for i in b.y[index])
        hits = int(np.sum(pred == b.y[index]))
        return (
            f'start "{first}"\n'
            f'network: "{first}{written}"\n'
            f'text:    "{first}{truth}"   ({hits}/{len(truth)} characters right)'
        )

    def generate_text(
        self,
        network,
        start: str = "the",
        length: int = 80,
        temperature: float = 0.8,
        seed: int = 0,
        vocab: list[str] | None = None,
    ) -> str:
        """``start`` followed by ``length`` characters the network writes.

        The network first reads ``start`` one character at a time (teacher forcing on the
        prompt), then samples each next character from softmax(logits / temperature) and
        feeds it back; temperature 0 always takes the most likely character.
        ``vocab`` defaults to the lower-case alphabet (pass ``dataset.meta['vocab']``).
        """
        vocab = list(vocab) if vocab is not None else alphabet(True)
        if network.config.architecture != "one_to_many" or network.config.loss != "ce":
            raise TaskError("text is written by a one-to-many classification network")
        if network.config.input_size != len(vocab):
            raise TaskError("the network's size does not match this alphabet")
        if not start:
            raise TaskError("give at least one start character")
        if vocab == alphabet(True):
            start = start.lower()
        index = {c: i for i, c in enumerate(vocab)}
        unknown = sorted({c for c in start if c not in index})
        if unknown:
            raise TaskError(f"characters not in the text's alphabet: {''.join(unknown)!r}")
        if temperature < 0:
            raise TaskError("temperature must be 0 or more")
        rng = np.random.default_rng(seed)
        P, rnn, V = network.params, network.rnn, len(vocab)
        # Prime the state with the prompt: one forward pass over its characters.
        prompt = one_hot(np.array([index[c] for c in start]), V, network.dtype)[:, None, :]
        top, h, _ = rnn.forward(P, prompt, None)
        logits = top[-1] @ P["head.weight"].T + P["head.bias"]
        out = []
        for _ in range(length):
            if temperature > 0:
                probs = softmax(logits[0] / temperature)
                tok = int(min(np.searchsorted(np.cumsum(probs), rng.random()), V - 1))
            else:
                tok = int(logits[0].argmax())
            out.append(vocab[tok])
            inp = one_hot(np.array([[tok]]), V, network.dtype)
            top, h, _ = rnn.forward(P, inp, None, h)
            logits = top[-1] @ P["head.weight"].T + P["head.bias"]
        return start + "".join(out)
