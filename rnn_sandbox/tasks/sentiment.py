"""Many-to-one sentiment of short posts written with a small vocabulary.

A post is one to three clauses like "the food was really good" or "not bad at all", joined
by "and" / "but" / ",".  Each clause carries a score: an opinion word is +1 or -1, an
intensifier ("really", "very", "so") doubles it, "not" turns it around.  The post is
positive when the scores add up to more than zero (posts that add up to zero are not
drawn).  So the same word counts for or against depending on what came before it, which is
what a recurrent network has to learn; a word counter gets "not good" wrong.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, class_verdict, one_hot, register
from rnn_sandbox.translation import QT_TR_NOOP, tr

POSITIVE = ["good", "great", "nice", "fun"]
NEGATIVE = ["bad", "awful", "boring", "poor"]
INTENSIFIERS = ["really", "very", "so"]
SUBJECTS = ["the film", "the food", "it", "the show"]
VERBS = ["was", "is"]
JOINERS = ["and", "but", ","]
# Index 0 is padding (never a real word), so a padded step is recognisable in the data too.
VOCAB = (
    ["<pad>", "not", "at", "all"]
    + POSITIVE
    + NEGATIVE
    + INTENSIFIERS
    + ["the", "film", "food", "it", "show", "was", "is"]
    + JOINERS
)
WORD_INDEX = {w: i for i, w in enumerate(VOCAB)}
CLASSES = [QT_TR_NOOP("negative"), QT_TR_NOOP("positive")]  # translated where shown


def _clause(rng: np.random.Generator, first: bool) -> tuple[list[str], int]:
    """One clause and its score."""
    words: list[str] = []
    if first and rng.random() < 0.6:
        words += SUBJECTS[rng.integers(len(SUBJECTS))].split() + [VERBS[rng.integers(2)]]
    negated = rng.random() < 0.4
    intense = rng.random() < 0.35
    positive = rng.random() < 0.5
    if negated:
        words.append("not")
    if intense:
        words.append(INTENSIFIERS[rng.integers(len(INTENSIFIERS))])
    pool = POSITIVE if positive else NEGATIVE
    words.append(pool[rng.integers(len(pool))])
    if negated and not intense and rng.random() < 0.3:
        words += ["at", "all"]
    score = (2 if intense else 1) * (1 if positive else -1) * (-1 if negated else 1)
    return words, score


def make_post(rng: np.random.Generator, max_clauses: int = 3) -> tuple[list[str], int]:
    """A post (list of words) and its label (1 positive, 0 negative); ties are redrawn."""
    while True:
        n = int(rng.integers(1, max_clauses + 1))
        words, total = [], 0
        for k in range(n):
            if k:
                words.append(JOINERS[rng.integers(len(JOINERS))])
            w, s = _clause(rng, k == 0)
            words += w
            total += s
        if total != 0:
            return words, int(total > 0)


def max_post_length(max_clauses: int) -> int:
    """Words in the longest possible post: "the film was not good at all" (7) and then
    ", not good at all" (5) per further clause."""
    return 7 + 5 * (max_clauses - 1)


@register
class Sentiment(Task):
    name = "sentiment"
    title = "Sentiment of short posts"
    kind = "many_to_one"
    word_classes = tuple(CLASSES)
    summary = "Positive or negative? Short posts where 'not' and 'really' change the meaning."
    baseline_rule = "always the more common class"
    # Seeds 0-4: accuracy 0.98-1.0 against the majority's 0.48-0.54.
    margin = 0.3
    default_task = {"seq_len": 16, "n_samples": 1500, "options": {"max_clauses": 2}}
    default_network = {"hidden_size": 24}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 30}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": len(VOCAB),
            "output_size": len(CLASSES),
            "architecture": "many_to_one",
            "loss": "ce",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        max_clauses = int(cfg.options.get("max_clauses", 2))
        if not 1 <= max_clauses <= 5:
            raise TaskError(tr("sentiment: max_clauses must lie between 1 and 5"))
        T, n = cfg.seq_len, cfg.n_samples
        if T < max_post_length(max_clauses):
            raise TaskError(tr("sentiment: posts of %n clause(s) need seq_len >= {least}",
                               n=max_clauses).format(least=max_post_length(max_clauses)))
        tokens = np.zeros((n, T), dtype=np.intp)
        mask = np.zeros((n, T))
        labels = np.zeros(n, dtype=np.intp)
        for i in range(n):
            words, label = make_post(rng, max_clauses)
            tokens[i, : len(words)] = [WORD_INDEX[w] for w in words]
            mask[i, : len(words)] = 1.0
            labels[i] = label
        x = one_hot(tokens, len(VOCAB)) * mask[..., None]
        n_val = min(n - 1, max(1, int(round(n * cfg.val_fraction))))  # both splits non-empty
        return Dataset(
            Batch(x[n_val:], labels[n_val:], mask[n_val:]),
            Batch(x[:n_val], labels[:n_val], mask[:n_val]),
            {"vocab": list(VOCAB), "classes": list(CLASSES)},
        )

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        return Metric("accuracy", float(np.mean(outputs.argmax(axis=-1) == batch.y)))

    def extra_metrics(self, outputs: np.ndarray, batch: Batch) -> list[Metric]:
        """Accuracy on the posts that contain "not": the ones a word counter gets wrong."""
        negated = batch.x[:, :, WORD_INDEX["not"]].any(axis=1)
        if not negated.any():
            return []
        right = outputs.argmax(axis=-1) == batch.y
        return [Metric('accuracy on posts with "not"', float(right[negated].mean()))]

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """Always the more common class of the training set."""
        majority = np.bincount(dataset.train.y, minlength=len(CLASSES)).argmax()
        return one_hot(np.full(len(dataset.val), majority), len(CLASSES))

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        return f'"{_text(b.x[index], b.mask[index])}" → {tr(CLASSES[int(b.y[index])])}'

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b = getattr(dataset, split)
        return f'"{_text(b.x[index], b.mask[index])}"\n' + class_verdict(
            outputs, int(b.y[index]), self.class_names(dataset))


def _text(x: np.ndarray, mask: np.ndarray | None) -> str:
    n = len(x) if mask is None else int(mask.sum())
    words = [VOCAB[int(i)] for i in x[:n].argmax(axis=-1)]
    return " ".join(words).replace(" ,", ",")
