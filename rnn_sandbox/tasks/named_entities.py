"""Many-to-many tagging of person names where the right tag depends on the *next* word.

Sentences come from templates such as ``he said , teddy bears are on sale !`` and
``he said , teddy roosevelt was a great president !``.  Every word gets a tag: ``O``
(not a name), ``B-PER`` (first word of a person's name) or ``I-PER`` (a later word of it).
A few words (``teddy``, ``april``, ``rose``, ...) are first names in one sentence and plain
nouns in another; only the word *after* them tells which.  A network that reads left to
right has to tag them before it has seen that word, so it can only guess; a bidirectional
network also reads from the right and gets them right.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, one_hot, register
from rnn_sandbox.translation import tr

TAGS = ["O", "B-PER", "I-PER"]
O, B_PER, I_PER = 0, 1, 2

# Words that open a sentence (zero to three of them).
OPENERS = [[], ["he", "said", ","], ["she", "wrote", ":"], ["today"], ["i", "think"]]
# An ambiguous word and the nouns that can follow it when it is not a name.
AMBIGUOUS = {
    "teddy": ["bears"],
    "april": ["showers", "weather"],
    "rose": ["petals", "bushes"],
    "jack": ["rabbits"],
    "bill": ["payments"],
}
# First names that are never anything else (they teach the network what a name looks like).
NAMES = ["alice", "omar"]
SURNAMES = ["roosevelt", "smith", "parker", "stone", "miller"]
PERSON_ENDINGS = [["was", "a", "great", "president"], ["lives", "here"], ["wrote", "a", "book"]]
THING_ENDINGS = [["are", "on", "sale"], ["are", "lovely"], ["came", "early"]]
CLOSERS = ["!", "."]


def _vocabulary() -> list[str]:
    words: list[str] = []
    groups = [w for o in OPENERS for w in o] + list(AMBIGUOUS) + NAMES + SURNAMES
    groups += [n for ns in AMBIGUOUS.values() for n in ns]
    groups += [w for e in PERSON_ENDINGS + THING_ENDINGS for w in e] + CLOSERS
    for w in groups:
        if w not in words:
            words.append(w)
    return words


VOCAB = _vocabulary()
WORD_INDEX = {w: i for i, w in enumerate(VOCAB)}
AMBIGUOUS_IDS = np.array([WORD_INDEX[w] for w in AMBIGUOUS])
MAX_LEN = 3 + 2 + 4 + 1  # opener + name/noun pair + longest ending + closer


@register
class NamedEntities(Task):
    name = "named_entities"
    title = "Who is Teddy? (name tagging)"
    kind = "many_to_many"
    summary = "Tag the words of a person's name; some names only show themselves by the next word."
    baseline_rule = "each word's most common tag"
    # Seeds 0-4: every word right against the word-by-word tags' 0.94-0.96 (the
    # most a network can add here; the ambiguous words go from about 0.5 to 1).
    margin = 0.03
    default_task = {"seq_len": MAX_LEN, "n_samples": 1000, "options": {"name_share": 0.5}}
    default_network = {"hidden_size": 16, "bidirectional": True}
    default_training = {"learning_rate": 0.02, "batch_size": 32, "epochs": 30}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": len(VOCAB),
            "output_size": len(TAGS),
            "architecture": "many_to_many",
            "loss": "ce",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        if cfg.seq_len < MAX_LEN:
            raise TaskError("task.seq_len: " + tr("sentences need up to {steps} steps").format(
                steps=MAX_LEN))
        share = float(cfg.options.get("name_share", 0.5))
        if not 0.0 <= share <= 1.0:
            raise TaskError(tr("name_share must lie between 0 and 1"))
        n, T = cfg.n_samples, cfg.seq_len
        ids = np.zeros((n, T), dtype=np.intp)
        tags = np.zeros((n, T), dtype=np.intp)
        mask = np.zeros((n, T))
        amb_words = list(AMBIGUOUS)
        for i in range(n):
            words = list(OPENERS[rng.integers(len(OPENERS))])
            first = len(words)
            is_person = rng.random() < share
            # Most sentences hinge on an ambiguous word; some use an unambiguous name.
            if rng.random() < 0.8:
                head = amb_words[rng.integers(len(amb_words))]
            else:
                head = NAMES[rng.integers(len(NAMES))]
                is_person = True
            if is_person:
                words += [head, SURNAMES[rng.integers(len(SURNAMES))]]
                words += PERSON_ENDINGS[rng.integers(len(PERSON_ENDINGS))]
                row_tags = [O] * first + [B_PER, I_PER]
            else:
                nouns = AMBIGUOUS[head]
                words += [head, nouns[rng.integers(len(nouns))]]
                words += THING_ENDINGS[rng.integers(len(THING_ENDINGS))]
                row_tags = [O] * (first + 2)
            words.append(CLOSERS[rng.integers(len(CLOSERS))])
            row_tags += [O] * (len(words) - len(row_tags))
            L = len(words)
            ids[i, :L] = [WORD_INDEX[w] for w in words]
            tags[i, :L] = row_tags
            mask[i, :L] = 1.0
        x = one_hot(ids, len(VOCAB)) * mask[..., None]  # padding is a zero vector
        n_val = max(1, int(round(n * cfg.val_fraction)))
        train = Batch(x[n_val:], tags[n_val:], mask[n_val:])
        val = Batch(x[:n_val], tags[:n_val], mask[:n_val])
        return Dataset(train, val, {"vocab": VOCAB, "tags": TAGS})

    # -- metrics --------------------------------------------------------------------
    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Share of real words tagged right."""
        pred = outputs.argmax(axis=-1)
        m = batch.real_steps()
        return Metric("token accuracy", float((pred == batch.y)[m].mean()))

    def ambiguous_accuracy(self, outputs: np.ndarray, batch: Batch) -> float:
        """Share of the ambiguous words (name or noun?) tagged right; the telling number."""
        pred = outputs.argmax(axis=-1)
        sel = self.ambiguous_positions(batch)
        return float((pred == batch.y)[sel].mean()) if sel.any() else float("nan")

    def extra_metrics(self, outputs: np.ndarray, batch: Batch) -> list[Metric]:
        """Further numbers worth showing next to the main metric."""
        return [Metric("ambiguous-word accuracy", self.ambiguous_accuracy(outputs, batch))]

    @staticmethod
    def ambiguous_positions(batch: Batch) -> np.ndarray:
        """Boolean ``(B, T)``: where an ambiguous word stands."""
        ids = batch.x.argmax(axis=-1)
        return np.isin(ids, AMBIGUOUS_IDS) & batch.real_steps()

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """Each word's most common tag in the training set, the word taken alone (no
        context at all)."""
        tr, val = dataset.train, dataset.val
        counts = np.zeros((len(VOCAB), len(TAGS)))
        m = tr.real_steps()
        np.add.at(counts, (tr.x.argmax(-1)[m], tr.y[m]), 1)
        best = counts.argmax(axis=1)
        return one_hot(best[val.x.argmax(-1)], len(TAGS))

    # -- rendering ------------------------------------------------------------------
    def _words(self, b: Batch, i: int) -> list[str]:
        L = int(b.real_steps()[i].sum())
        return [VOCAB[k] for k in b.x[i, :L].argmax(-1)]

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        words = self._words(b, index)
        tags = b.y[index, : len(words)]
        tagged = [f"{w}/{TAGS[t]}" if t != O else w for w, t in zip(words, tags, strict=True)]
        return " ".join(tagged)

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b = getattr(dataset, split)
        words = self._words(b, index)
        pred = np.asarray(outputs).argmax(-1)
        lines, wrong = [], 0
        for t, w in enumerate(words):
            p, y = int(pred[t]), int(b.y[index, t])
            # ✗ stays outside the sentence: the prediction view colours what follows it.
            mark = "" if p == y else "   ✗ " + tr("should be {tag}").format(tag=TAGS[y])
            wrong += p != y
            amb = "  " + tr("(name or noun?)") if w in AMBIGUOUS else ""
            lines.append(f"{w:<12} {TAGS[p]:<6}{amb}{mark}")
        head = " ".join(words)
        verdict = tr("all tags right") if not wrong else tr("%n tag(s) wrong", n=int(wrong))
        return f"{head}\n\n" + "\n".join(lines) + f"\n\n{verdict}"
