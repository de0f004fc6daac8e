"""Every task's baseline is its metric of a trivial rule's outputs: the number the network
has to beat is measured the way the network is, for the main metric and every extra one."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.engine.ctc import ctc_greedy_decode
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import all_tasks, get_task
from rnn_sandbox.tasks.translation import END, VOCAB, reorder

NAMES = [t.name for t in all_tasks()]


@pytest.fixture(scope="module")
def experiments() -> dict[str, Experiment]:
    """Each task's default experiment, untrained (seed 3: not the one tests usually use)."""
    out = {}
    for name in NAMES:
        cfg = get_task(name).default_config()
        cfg.training.seed = 3
        out[name] = Experiment(cfg)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_baseline_is_the_metric_of_the_rules_outputs(name, experiments):
    exp = experiments[name]
    task, data = exp.task, exp.dataset
    outputs = task.baseline_outputs(data)
    assert outputs is not None and task.baseline_rule
    # Shaped like what the network answers, so the metric reads both alike.
    assert outputs.shape == exp.trainer.predict(data.val).shape
    metric = task.metric(outputs, data.val)
    base = task.baseline(data)
    assert base.value == metric.value and base.higher_is_better == metric.higher_is_better
    assert base.name.endswith(f": {metric.name}")
    extras = task.extra_metrics(outputs, data.val)
    baselines = task.baselines(data)
    assert baselines[0] == base and len(baselines) == 1 + len(extras)
    for b, m in zip(baselines[1:], extras, strict=True):
        assert b.name == f"{base.name.partition(': ')[0]}: {m.name}"
        assert (b.value, b.higher_is_better) == (m.value, m.higher_is_better)


@pytest.mark.parametrize("target", ["verb_final", "verb_second"])
def test_translation_baseline_is_a_sentence_accuracy(target):
    task = get_task("translation")
    cfg = task.default_config().task
    cfg.options["target"] = target
    d = task.make(cfg, 0)
    sentences, tokens = task.baselines(d)
    # The share of sentences whose copy is exactly right, counted word by word here.
    val = d.val
    right = []
    for i in range(len(val)):
        words = [VOCAB[k] for k in val.x[i, : int(val.mask[i].sum())].argmax(-1)]
        right.append(words + [END] == reorder(words, target))
    assert sentences.value == pytest.approx(np.mean(right))
    assert sentences.name == "copy the source order: sentence accuracy"
    assert tokens.name == "copy the source order: token accuracy"
    assert sentences.value < tokens.value
    if target == "verb_second":  # right exactly when no adverb leads the sentence
        assert 0.3 < sentences.value < 0.7


def test_speech_baseline_spells_the_most_frequent_word_everywhere():
    task = get_task("speech_ctc")
    d = task.make(task.default_config().task, 0)
    words = [tuple(t) for t in task._targets(d.train)]
    decoded = ctc_greedy_decode(task.baseline_outputs(d), d.val.mask, 0)
    assert {tuple(w) for w in decoded} == {max(set(words), key=words.count)}


def test_majority_baselines_use_the_training_set_only():
    task = get_task("long_memory")
    d = task.make(task.default_config().task, 1)
    majority = np.bincount(d.train.y).argmax()
    assert task.baseline(d).value == pytest.approx(np.mean(d.val.y == majority))
