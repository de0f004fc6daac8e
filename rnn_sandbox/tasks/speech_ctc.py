"""Toy speech recognition with CTC: noisy "sound frames" in, the spelled word out.

Each letter has a characteristic sound, a fixed feature vector.  Saying a word produces, for
each of its letters, a few noisy frames near that letter's vector; letters are spoken at
varying speed (a random number of frames each), with a frame of near-silence before, after
and sometimes between them.  A doubled letter (``see``, ``moon``) is always split by a short
pause, as a speaker would, otherwise nobody could hear that there are two.

The network reads the frames and outputs, at every frame, scores for blank (index 0) and
each letter; the CTC loss sums over all the ways those frame outputs could spell the word,
so nobody needs to say which frame belongs to which letter.
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.ctc import collapse, ctc_greedy_decode
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, one_hot, register
from rnn_sandbox.translation import columns, pad, tr

WORDS = [
    "cat", "dog", "sun", "moon", "tree", "see", "sea", "tea", "toe", "nod",
    "done", "cone", "tone", "nose", "rose", "ten", "net", "add", "odd", "soon",
]
LETTERS = sorted({c for w in WORDS for c in w})
BLANK = 0
SYMBOLS = ["-"] + LETTERS  # output classes: blank, then the letters
N_FEATURES = 8
SOUND_SEED = 1234  # the letters' sounds are fixed, whatever the data seed
MAX_LABELS = max(len(w) for w in WORDS)


def letter_sounds() -> np.ndarray:
    """One unit-length feature vector per letter (row ``k`` is letter ``LETTERS[k]``)."""
    v = np.random.default_rng(SOUND_SEED).standard_normal((len(LETTERS), N_FEATURES))
    return v / np.linalg.norm(v, axis=1, keepdims=True) * 2.0


@register
class SpeechCTC(Task):
    name = "speech_ctc"
    title = "Spell the spoken word (CTC)"
    kind = "ctc"
    summary = "Turn noisy sound frames into letters without being told where each letter is."
    baseline_rule = "always the most frequent word"
    # Seeds 0-4: word accuracy 0.97-0.98 against the most frequent word's 0.05-0.06.
    margin = 0.75
    default_task = {
        "seq_len": 24,
        "n_samples": 2000,
        "options": {"min_frames": 2, "max_frames": 4, "noise": 0.4},
    }
    default_network = {"hidden_size": 32, "bidirectional": True}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 40}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": N_FEATURES,
            "output_size": len(SYMBOLS),
            "architecture": "many_to_many",
            "loss": "ctc",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        lo = int(cfg.options.get("min_frames", 2))
        hi = int(cfg.options.get("max_frames", 4))
        noise = float(cfg.options.get("noise", 0.4))
        if not 1 <= lo <= hi:
            raise TaskError(tr("min_frames must be at least 1 and at most max_frames"))
        # Longest word at the slowest speed, a pause around and between every letter.
        need = MAX_LABELS * (hi + 1) + 1
        if cfg.seq_len < need:
            raise TaskError("task.seq_len: " + tr(
                "{need} frames are needed for {letters}-letter words at up to {most} frames per "
                "letter").format(need=need, letters=MAX_LABELS, most=hi))
        n, T = cfg.n_samples, cfg.seq_len
        sounds = letter_sounds()
        x = np.zeros((n, T, N_FEATURES))
        mask = np.zeros((n, T))
        y = np.zeros((n, MAX_LABELS), dtype=np.intp)
        y_mask = np.zeros((n, MAX_LABELS))
        word_ids = rng.integers(len(WORDS), size=n)
        for i, w in enumerate(word_ids):
            word = WORDS[w]
            frames = [np.zeros(N_FEATURES)]  # a breath of silence first
            for j, ch in enumerate(word):
                if j > 0 and (ch == word[j - 1] or rng.random() < 0.3):
                    frames.append(np.zeros(N_FEATURES))
                k = LETTERS.index(ch)
                frames.extend([sounds[k]] * int(rng.integers(lo, hi + 1)))
            frames.append(np.zeros(N_FEATURES))
            L = len(frames)
            x[i, :L] = np.array(frames) + noise * rng.standard_normal((L, N_FEATURES))
            mask[i, :L] = 1.0
            y[i, : len(word)] = [LETTERS.index(c) + 1 for c in word]
            y_mask[i, : len(word)] = 1.0
        n_val = max(1, int(round(n * cfg.val_fraction)))
        train = Batch(x[n_val:], y[n_val:], mask[n_val:], y_mask[n_val:])
        val = Batch(x[:n_val], y[:n_val], mask[:n_val], y_mask[:n_val])
        return Dataset(train, val, {"symbols": SYMBOLS, "words": WORDS})

    # -- metrics --------------------------------------------------------------------
    @staticmethod
    def _targets(batch: Batch) -> list[list[int]]:
        assert batch.y_mask is not None  # label sequences come with their lengths
        lengths = batch.y_mask.sum(axis=1).astype(int)
        return [[int(t) for t in batch.y[i, : lengths[i]]] for i in range(len(batch))]

    def word_accuracy(self, outputs: np.ndarray, batch: Batch) -> float:
        pred = ctc_greedy_decode(outputs, batch.mask, BLANK)
        true = self._targets(batch)
        return float(np.mean([p == t for p, t in zip(pred, true, strict=True)]))

    def label_error_rate(self, outputs: np.ndarray, batch: Batch) -> float:
        """Edit distance between decoded and true letters, over the number of true letters."""
        pred = ctc_greedy_decode(outputs, batch.mask, BLANK)
        true = self._targets(batch)
        edits = sum(edit_distance(p, t) for p, t in zip(pred, true, strict=True))
        return edits / max(sum(len(t) for t in true), 1)

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        return Metric("word accuracy", self.word_accuracy(outputs, batch))

    def extra_metrics(self, outputs: np.ndarray, batch: Batch) -> list[Metric]:
        """Further numbers worth showing next to the main metric."""
        return [Metric("letter error rate", self.label_error_rate(outputs, batch), False)]

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """Frame scores that spell the most frequent training word on every sample: its
        letters from the first frame on, a blank between two letters and after the last
        (so a doubled letter stays two)."""
        words = [tuple(t) for t in self._targets(dataset.train)]
        best = max(sorted(set(words)), key=words.count)
        path = [k for label in best for k in (label, BLANK)]
        val = dataset.val
        # Annotated: numpy's stub gives np.full of a shape of unknown length no dimensions.
        frames: np.ndarray = np.full(val.x.shape[:2], BLANK, dtype=np.intp)
        n = min(len(path), frames.shape[1])
        frames[:, :n] = path[:n]
        return one_hot(frames, len(SYMBOLS))

    # -- rendering ------------------------------------------------------------------
    @staticmethod
    def spell(labels: list[int]) -> str:
        return "".join(SYMBOLS[k] for k in labels)

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        word = self.spell(self._targets(b.subset(slice(index, index + 1)))[0])
        return tr("'{word}': %n frame(s) of {features} features", n=int(b.mask[index].sum())
                  ).format(word=word, features=N_FEATURES)

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b = getattr(dataset, split)
        T = int(b.mask[index].sum())
        path = np.asarray(outputs)[:T].argmax(-1)
        decoded = self.spell(collapse(path, BLANK))
        word = self.spell(self._targets(b.subset(slice(index, index + 1)))[0])
        verdict = tr("right", "a prediction") if decoded == word else tr("wrong", "a prediction")
        labels = [tr("frames", "a CTC row"), tr("collapsed", "a CTC row"),
                  tr("target", "a CTC row")]
        width = max(columns(label) for label in labels) + 2  # the rows' letters line up
        rows = [self.spell(path), decoded or tr("(nothing)"), f"{word}   ({verdict})"]
        return "\n".join(pad(label, width) + row for label, row in zip(labels, rows, strict=True))


def edit_distance(a: list[int], b: list[int]) -> int:
    """Levenshtein distance: insertions, deletions and substitutions to turn a into b."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
