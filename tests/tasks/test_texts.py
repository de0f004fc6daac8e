"""A task's texts (the Prediction panel's, the Sample panel's, ``rnn-sandbox predict``'s) are
in the learner's language: every sentence goes through ``tr``, only the data stays as it
is (the task's words, symbols, tags, column names, numbers)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from rnn_sandbox import language, translation
from rnn_sandbox.engine.data import Dataset
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import all_tasks, get_task
from rnn_sandbox.tasks.base import Task, alignment_table

WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{3,}(?![A-Za-z0-9_])")  # as the window's probe


@pytest.fixture
def speak():
    """Speak a language for one test; English again afterwards."""
    yield language.use
    language.use(language.SOURCE)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _data_words(task: Task, d: Dataset) -> tuple[set[str], set[str]]:
    """The words of the task's data (its vocabulary, tags, columns, file; not its classes'
    names, which are words for the learner) and the letters its symbols are spelled with
    (what a network writes, letter by letter, and a row of symbols)."""
    words = {w for k, v in d.meta.items() if k != "classes" for s in _strings(v)
             for w in WORD.findall(s)}
    letters = {s for k, v in d.meta.items() for s in _strings(v) if len(s) == 1}
    letters |= set(getattr(sys.modules[type(task).__module__], "SYMBOLS", ""))  # long_memory
    return words, letters


def _texts(task: Task, d: Dataset) -> list[str]:
    """Samples and predictions of two validation samples: a random answer (mostly wrong),
    all zeros (the first class everywhere: CTC's blank, nothing written) and the truth
    where the targets are classes (right)."""
    rng = np.random.default_rng(0)
    base = task.baseline_outputs(d)
    out = []
    for i in range(2):
        shape = np.asarray(base[i]).shape
        answers = [rng.standard_normal(shape) * 3, np.zeros(shape)]
        y = np.asarray(d.val.y[i])
        if np.issubdtype(y.dtype, np.integer) and shape[:-1] == y.shape:
            right = np.full(shape, -5.0)
            np.put_along_axis(right, y[..., None].astype(int), 5.0, axis=-1)
            answers.append(right)
        out += [task.render_sample(d, i), task.render_sample(d, i, "train")]
        out += [task.render_prediction(d, i, a) for a in answers]
    return out


def test_every_tasks_texts_are_translated_and_only_its_data_stays(speak):
    """In the pseudo-language every translated letter is accented: a plain English word
    left is a word of the data or a sentence that skipped ``tr``.  German differs from
    English in every text that has words, with the same numbers (in the window, German's
    decimal comma in its sentences; the data's own numbers, a list of readings, as they
    are)."""
    commas = 0
    for task in all_tasks():
        cfg = task.default_config().task
        cfg.n_samples = 200
        d = task.make(cfg, 0)
        words, letters = _data_words(task, d)
        english = _texts(task, d)
        speak("pseudo")
        pseudo = _texts(task, d)
        for text in pseudo:
            left = [w for w in WORD.findall(text)
                    if w not in words and not set(w) <= letters]
            assert not left, (task.name, left, text)
        speak("de")
        translation.number_marks(lambda: (",", "."))  # as the window's German locale
        german = _texts(task, d)
        translation.number_marks(None)
        speak("en")
        # (A sample of tagged or translated words alone is data, the same in every language.)
        assert all(g != e for g, e, p in zip(german, english, pseudo, strict=True) if p != e)
        assert sum(p != e for p, e in zip(pseudo, english, strict=True)) >= 4, task.name
        # The same numbers, those in sentences with German's decimal comma.
        german_numbers = re.findall(r"[-+]?\d+[.,]\d+", "".join(german))
        assert [n.replace(",", ".") for n in german_numbers] == re.findall(
            r"[-+]?\d+\.\d+", "".join(english)), task.name
        commas += sum("," in n for n in german_numbers)
    assert commas >= 10
    # The attention table of `rnn-sandbox predict` and a caption's prompt in the Sample panel.
    speak("ja")
    table = alignment_table(np.full((1, 2), 0.5), ["anna"], ["a", "b"])
    assert table.splitlines()[0] == "書いた語    a    b"  # 書いた語 takes 8 columns
    caption = get_task("caption")
    exp = Experiment(caption.default_config())
    prompt, _ = caption.writer(exp.network, exp.dataset, "2 red circles", 0.0, 0)
    assert prompt == "場面：two red circles\n説明文："
