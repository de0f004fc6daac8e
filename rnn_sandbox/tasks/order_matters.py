"""Many-to-one classification where only the order of the words tells the classes apart.

Every post holds at least one "cat" and one "dog" among filler words; the label says which of
the two came first.  The data come in pairs: the same words (the same multiset) in two
orders with opposite labels, e.g. "cat cat dog" (cat first) and "dog cat cat" (dog first).
Both members of a pair land in the same split, so a model that only counts words (a dense
net on the mean of the inputs) cannot beat a coin toss, while a recurrent net that reads the
words one after another learns the rule.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, class_verdict, one_hot, register
from rnn_sandbox.translation import QT_TR_NOOP, tr

VOCAB = ["cat", "dog", "bird", "fish", "tree", "sun"]
CAT, DOG = 0, 1
CLASSES = [QT_TR_NOOP("cat first"), QT_TR_NOOP("dog first")]  # translated where shown


@register
class OrderMatters(Task):
    name = "order_matters"
    title = "Order matters"
    kind = "many_to_one"
    word_classes = tuple(CLASSES)
    summary = "Same words, different order, different label: which came first, cat or dog?"
    baseline_rule = "always the more common class"
    # Seeds 0-4: accuracy 0.95-1.0 against the majority's 0.5.
    margin = 0.35
    default_task = {"seq_len": 8, "n_samples": 600, "options": {"min_len": 4}}
    default_network = {"hidden_size": 12}
    default_training = {"learning_rate": 0.02, "batch_size": 32, "epochs": 30}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": len(VOCAB),
            "output_size": len(CLASSES),
            "architecture": "many_to_one",
            "loss": "ce",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        T = cfg.seq_len
        min_len = int(cfg.options.get("min_len", min(4, T)))
        if T < 2 or not 2 <= min_len <= T:
            raise TaskError(tr("order_matters needs 2 <= min_len <= seq_len"))
        n_pairs = max(2, cfg.n_samples // 2)
        tokens = np.zeros((2 * n_pairs, T), dtype=np.intp)
        mask = np.zeros((2 * n_pairs, T))
        labels = np.zeros(2 * n_pairs, dtype=np.intp)
        for p in range(n_pairs):
            L = int(rng.integers(min_len, T + 1))
            seq = rng.integers(0, len(VOCAB), L)
            # At least one cat and one dog, at two different random places.
            i, j = rng.choice(L, 2, replace=False)
            seq[i], seq[j] = CAT, DOG
            twin = _flip_first(seq, rng)
            for k, s in enumerate((seq, twin)):
                row = 2 * p + k
                tokens[row, :L] = s
                mask[row, :L] = 1.0
                labels[row] = _label(s)
        x = one_hot(tokens, len(VOCAB)) * mask[..., None]
        # Whole pairs go to validation, so both orders of a word set are in the same split.
        n_val_pairs = min(n_pairs - 1, max(1, int(round(n_pairs * cfg.val_fraction))))
        cut = 2 * n_val_pairs
        val = Batch(x[:cut], labels[:cut], mask[:cut])
        train = Batch(x[cut:], labels[cut:], mask[cut:])
        return Dataset(train, val, {"vocab": list(VOCAB), "classes": list(CLASSES)})

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        return Metric("accuracy", float(np.mean(outputs.argmax(axis=-1) == batch.y)))

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """Always the more common class of the training set."""
        majority = np.bincount(dataset.train.y, minlength=len(CLASSES)).argmax()
        return one_hot(np.full(len(dataset.val), majority), len(CLASSES))

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        words = _words(b.x[index], b.mask[index])
        return f'"{words}" → {tr(CLASSES[int(b.y[index])])}'

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b = getattr(dataset, split)
        return f'"{_words(b.x[index], b.mask[index])}"\n' + class_verdict(
            outputs, int(b.y[index]), self.class_names(dataset))


def _label(seq: np.ndarray) -> int:
    """0 if the first cat comes before the first dog, else 1."""
    first = seq[(seq == CAT) | (seq == DOG)][0]
    return 0 if first == CAT else 1


def _flip_first(seq: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The same words in another order with the opposite label: the first cat/dog swaps
    places with a later animal of the other kind."""
    twin = seq.copy()
    animals = np.flatnonzero((seq == CAT) | (seq == DOG))
    first = animals[0]
    other = np.flatnonzero(seq == (DOG if seq[first] == CAT else CAT))
    k = int(rng.choice(other))
    twin[first], twin[k] = seq[k], seq[first]
    return twin


def _words(x: np.ndarray, mask: np.ndarray | None) -> str:
    n = len(x) if mask is None else int(mask.sum())
    return " ".join(VOCAB[int(i)] for i in x[:n].argmax(axis=-1))
