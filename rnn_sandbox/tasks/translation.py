"""Sequence-to-sequence "translation" that changes word order.

Source sentences use English order, subject–verb–object, with an optional adverb in front
and an optional adjective before the object: ``today anna sees red ball`` (no articles).
The target keeps the words and changes their order:

* ``verb_final`` (as in Japanese, Korean or Turkish): the verb moves to the end,
  ``today anna red ball sees <end>``;
* ``verb_second`` (as in German or Dutch main clauses): the verb must be the second part of
  the sentence, so a leading adverb pushes the subject behind it,
  ``today sees anna red ball <end>``; without an adverb the order stays ``anna sees ...``.

The encoder reads the whole source; its last state is all the decoder gets (unless the
network attends), so it must hold every word until the decoder needs it.  The decoder writes
one word per step and stops with ``<end>``.

Long sentences (option ``words`` above 5, up to 21): the subject sees a list of things,
each with or without an adjective, ``anna sees red ball old kite boat``; the order rules
move the verb past the whole list.  That is where one final state becomes a bottleneck:
:meth:`Translation.accuracy_by_length` shows a network without attention getting fewer of
the longer sentences right, and one with attention holding its accuracy.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, one_hot, register
from rnn_sandbox.translation import QT_TR_NOOP, columns, pad, tr

END = "<end>"
SUBJECTS = ["anna", "ben", "carla", "dev"]
VERBS = ["sees", "likes", "finds", "paints"]
ADJECTIVES = ["red", "old", "small"]
OBJECTS = ["ball", "boat", "house", "kite"]
ADVERBS = ["today", "often", "now"]
# One vocabulary for both sides; index 0 (<end>) only appears in targets.
VOCAB = [END] + SUBJECTS + VERBS + ADJECTIVES + OBJECTS + ADVERBS
WORD_INDEX = {w: i for i, w in enumerate(VOCAB)}
# What each word is in the sentence: the order rules move kinds of words, not words.
# (The kinds' names are translated where a diagnosis shows them.)
KINDS = {QT_TR_NOOP("adverb"): ADVERBS, QT_TR_NOOP("subject"): SUBJECTS,
         QT_TR_NOOP("verb"): VERBS, QT_TR_NOOP("adjective"): ADJECTIVES,
         QT_TR_NOOP("object"): OBJECTS}
KIND = {END: END} | {w: kind for kind, words in KINDS.items() for w in words}
WRONG = "✗"  # marks a wrong word in the written sentence (the prediction view colours it)
TARGETS = ("verb_final", "verb_second")
MAX_SRC = 5  # adverb, subject, verb, adjective, object
MAX_TGT = MAX_SRC + 1  # plus <end>
MAX_WORDS = 21  # the longest sentences the ``words`` option asks for: a list of 9 things


def reorder(words: list[str], target: str) -> list[str]:
    """The target sentence (with ``<end>``) for source ``words``."""
    adverb = [w for w in words[:1] if w in ADVERBS]
    rest = words[len(adverb) :]
    subject, verb, obj = rest[0], rest[1], rest[2:]
    if target == "verb_final":
        out = adverb + [subject] + obj + [verb]
    elif adverb:
        out = adverb + [verb, subject] + obj
    else:
        out = [subject, verb] + obj
    return out + [END]


@register
class Translation(Task):
    name = "translation"
    title = "Word-order translation"
    kind = "seq2seq"
    summary = "Read an English-order sentence, write it in verb-final or verb-second order."
    baseline_rule = "copy the source order"
    # Seeds 0-4: every sentence right against the copy's 0 (verb-final).
    margin = 0.8
    default_task = {
        "seq_len": MAX_SRC,
        "n_samples": 2000,
        "options": {"target": "verb_final", "adverb_share": 0.5, "adjective_share": 0.5},
    }
    # GRU cells: with simple RNN cells the verb-second order is learned only on lucky
    # seeds (sentence accuracy 0.4-1.0 after 1500 steps); GRUs get every sentence in ~500.
    default_network = {"hidden_size": 48, "cell": "gru"}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 40}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": len(VOCAB),
            "output_size": len(VOCAB),
            "architecture": "seq2seq",
            "loss": "ce",
        }

    @staticmethod
    def longest(cfg: TaskConfig) -> int:
        """The ``words`` option: the longest source sentence, in words."""
        words = cfg.options.get("words", MAX_SRC)
        if isinstance(words, bool) or not isinstance(words, int) or not (
            MAX_SRC <= words <= MAX_WORDS
        ):
            raise TaskError(tr("words: the longest sentence has {low} to {high} words, not "
                               "{given}").format(low=MAX_SRC, high=MAX_WORDS, given=repr(words)))
        return words

    def _target(self, cfg: TaskConfig) -> str:
        target = cfg.options.get("target", "verb_final")
        if target not in TARGETS:
            raise TaskError(tr("target must be one of {targets}, not '{given}'").format(
                targets=", ".join(TARGETS), given=target))
        return target

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        target = self._target(cfg)
        longest = self.longest(cfg)
        if cfg.seq_len < longest:
            raise TaskError("task.seq_len: " + tr("source sentences need up to {steps} steps"
                                                  ).format(steps=longest))
        # Beyond one thing seen, each further one takes up to two words (adjective, object).
        things = (longest - 3) // 2
        p_adv = float(cfg.options.get("adverb_share", 0.5))
        p_adj = float(cfg.options.get("adjective_share", 0.5))
        n, T = cfg.n_samples, cfg.seq_len
        src = np.zeros((n, T), dtype=np.intp)
        mask = np.zeros((n, T))
        tgt = np.zeros((n, longest + 1), dtype=np.intp)  # padded with <end> (index 0)
        y_mask = np.zeros((n, longest + 1))

        def pick(words: list[str]) -> str:
            return words[rng.integers(len(words))]

        for i in range(n):
            words = [pick(ADVERBS)] if rng.random() < p_adv else []
            words += [pick(SUBJECTS), pick(VERBS)]
            # One thing unless sentences may be longer (drawn only then: the data of the
            # short sentences stay what they were).
            for _ in range(1 if things == 1 else int(rng.integers(1, things + 1))):
                words += [pick(ADJECTIVES)] if rng.random() < p_adj else []
                words.append(pick(OBJECTS))
            out = reorder(words, target)
            src[i, : len(words)] = [WORD_INDEX[w] for w in words]
            mask[i, : len(words)] = 1.0
            tgt[i, : len(out)] = [WORD_INDEX[w] for w in out]
            y_mask[i, : len(out)] = 1.0
        x = one_hot(src, len(VOCAB)) * mask[..., None]
        n_val = max(1, int(round(n * cfg.val_fraction)))
        train = Batch(x[n_val:], tgt[n_val:], mask[n_val:], y_mask[n_val:])
        val = Batch(x[:n_val], tgt[:n_val], mask[:n_val], y_mask[:n_val])
        return Dataset(train, val, {"vocab": VOCAB, "target": target})

    # -- metrics --------------------------------------------------------------------
    @staticmethod
    def decode(outputs: np.ndarray) -> list[list[int]]:
        """Greedy token choices cut after the first ``<end>`` (kept)."""
        result = []
        for row in np.asarray(outputs).argmax(axis=-1):
            toks = [int(t) for t in row]
            if 0 in toks:
                toks = toks[: toks.index(0) + 1]
            result.append(toks)
        return result

    @staticmethod
    def _targets(batch: Batch) -> list[list[int]]:
        assert batch.y_mask is not None  # target sentences come with their lengths
        lengths = batch.y_mask.sum(axis=1).astype(int)
        return [[int(t) for t in batch.y[i, : lengths[i]]] for i in range(len(batch))]

    def sentence_accuracy(self, outputs: np.ndarray, batch: Batch) -> float:
        """Share of sentences written exactly right, ``<end>`` included."""
        pred, true = self.decode(outputs), self._targets(batch)
        return float(np.mean([p == t for p, t in zip(pred, true, strict=True)]))

    def token_accuracy(self, outputs: np.ndarray, batch: Batch) -> float:
        """Share of target positions (``<end>`` included) where the greedy word is right."""
        pred = np.asarray(outputs).argmax(axis=-1)[:, : batch.y.shape[1]]
        assert batch.y_mask is not None  # target sentences come with their lengths
        m = batch.y_mask > 0
        return float((pred == batch.y)[m].mean())

    def accuracy_by_length(
        self, outputs: np.ndarray, batch: Batch
    ) -> list[tuple[int, int, float]]:
        """Sentence accuracy of the sentences of each source length: ``(words, sentences,
        share written exactly right)``, shortest first."""
        assert batch.mask is not None  # source sentences come with their lengths
        lengths = batch.mask.sum(axis=1).round().astype(int)
        pred, true = self.decode(outputs), self._targets(batch)
        right = np.array([p == t for p, t in zip(pred, true, strict=True)])
        return [(int(n), int((lengths == n).sum()), float(right[lengths == n].mean()))
                for n in np.unique(lengths)]

    def report_tables(self, outputs: np.ndarray, batch: Batch) -> list[str]:
        """The sentence accuracy by source length, as a table."""
        heads = [tr("words", "a column"), tr("sentences", "a column"), tr("accuracy")]
        widths = [max(least, columns(h)) for least, h in zip((5, 9, 8), heads, strict=True)]
        rows = ["  ".join(" " * (w - columns(h)) + h for h, w in zip(heads, widths, strict=True))]
        rows += [f"{n:>{widths[0]}}  {count:>{widths[1]}}  {acc:>{widths[2]}.3f}"
                 for n, count, acc in self.accuracy_by_length(outputs, batch)]
        return [tr("sentence accuracy by source length") + "\n" + "\n".join(rows)]

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        return Metric("sentence accuracy", self.sentence_accuracy(outputs, batch))

    def extra_metrics(self, outputs: np.ndarray, batch: Batch) -> list[Metric]:
        """Further numbers worth showing next to the main metric."""
        return [Metric("token accuracy", self.token_accuracy(outputs, batch))]

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """The source copied in its own order, then ``<end>``: one-hot scores per step."""
        val = dataset.val
        copy = np.zeros_like(val.y)  # index 0 is <end>
        lengths = val.real_steps().sum(axis=1)
        for i, L in enumerate(lengths):
            copy[i, :L] = val.x[i, :L].argmax(-1)
        return one_hot(copy, len(VOCAB))

    # -- rendering ------------------------------------------------------------------
    def written_tokens(self, dataset: Dataset, outputs: np.ndarray) -> list[str]:
        """The words written, up to and with the first ``<end>``."""
        return [VOCAB[t] for t in self.decode(np.asarray(outputs)[None])[0]]

    @staticmethod
    def _words(ids) -> str:
        return " ".join(VOCAB[int(i)] for i in ids)

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        L = int(b.mask[index].sum())
        src = self._words(b.x[index, :L].argmax(-1))
        tgt = self._words(self._targets(b.subset(slice(index, index + 1)))[0])
        return f"{src}  →  {tgt}"

    def step_labels(self, dataset: Dataset, index: int, split: str = "val") -> dict[str, list[str]]:
        """The encoder's steps by the source words, the decoder's by the word each reads
        (the start mark ▸, then the expected sentence) and the output steps by the word
        each should write."""
        b = getattr(dataset, split)
        L = int(b.mask[index].sum())
        true = [VOCAB[t] for t in self._targets(b.subset(slice(index, index + 1)))[0]]
        return {
            "encoder": [VOCAB[int(t)] for t in b.x[index, :L].argmax(-1)],
            "decoder": ["▸", *true[:-1]],
            "outputs": true,
        }

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        """Source, the sentence written (each wrong word marked ✗), the expected one, and
        what is wrong: the order, or which words at which places."""
        b = getattr(dataset, split)
        L = int(b.mask[index].sum())
        src = self._words(b.x[index, :L].argmax(-1))
        true = [VOCAB[t] for t in self._targets(b.subset(slice(index, index + 1)))[0]]
        pred = [VOCAB[t] for t in self.decode(np.asarray(outputs)[None])[0]]
        marks, verdict = diagnose(pred, true)
        written = " ".join(WRONG + w if bad else w for w, bad in zip(pred, marks, strict=True))
        head, _, details = verdict.partition("\n")
        order = dataset.meta.get("target", "")
        labels = [tr("source", "a translation row"), tr("network", "a translation row"),
                  tr("expected", "a translation row")]
        width = max(columns(label) for label in labels) + 3  # the sentences line up
        rows = [src, written, " ".join(true)]
        return (
            "".join(pad(label, width) + row + "\n" for label, row in zip(labels, rows,
                                                                       strict=True))
            + head + ("   " + tr("({order} order)").format(order=order) if order else "")
            + (f"\n{details}" if details else "")
        )


def diagnose(pred: list[str], true: list[str]) -> tuple[list[bool], str]:
    """Which words of ``pred`` are wrong (against ``true`` at the same place), and what is
    wrong in words: the order when the kinds of words (subject, verb, ...) stand in another
    order, otherwise each wrong word and what it should be, one per line."""
    marks = [i >= len(true) or w != true[i] for i, w in enumerate(pred)]
    if pred == true:
        return marks, tr("all right")
    kinds = [KIND.get(w, w) for w in pred]
    expected = [KIND.get(w, w) for w in true]
    if kinds != expected:
        head = (tr("order wrong (the right words):") if sorted(pred) == sorted(true)
                else tr("order wrong:"))
        labels = [tr("wrote", "the column of written words"),
                  tr("expected", "a translation row")]
        width = max(columns(label) for label in labels) + 2  # the kinds line up
        return marks, head + "".join(
            f"\n  {pad(label, width)}{' '.join(tr(k) if k != END else k for k in row)}"
            for label, row in zip(labels, (kinds, expected), strict=True))
    wrong = [i for i, bad in enumerate(marks) if bad]
    details = "".join("\n  " + tr("word {place}: '{wrote}' should be '{expected}'").format(
        place=i + 1, wrote=pred[i], expected=true[i]) for i in wrong)
    return marks, tr("order right, %n word(s) wrong:", n=len(wrong)) + details
