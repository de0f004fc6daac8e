"""Character-level text generation on the shipped texts: held-out data, next-character
metric and its baseline, prompting, and a default run that learns words and keeps its promise."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rnn_sandbox.cli.reports import steps_for_epochs, train_steps
from rnn_sandbox.engine import Network
from rnn_sandbox.engine.data import Dataset
from rnn_sandbox.engine.train import Trainer
from rnn_sandbox.session import Experiment, Score
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.text_generation import (
    N_BLOCKS,
    alphabet,
    held_out_spans,
    load_text,
    show,
)

TASK = get_task("text_generation")


def make(seed=0, **options):
    cfg = TASK.default_config().copy().task
    cfg.options.update(options)
    return TASK.make(cfg, seed)


def pieces(batch, vocab):
    """Each sample as text: its start character and the characters that follow."""
    return [
        vocab[int(batch.x[i, 0].argmax())] + "".join(vocab[k] for k in batch.y[i])
        for i in range(len(batch))
    ]


def test_the_texts_ship_with_the_program():
    text = load_text()
    assert 90_000 < len(text) < 300_000
    for line in ("humpty dumpty sat on a wall,", "there was an old man with a beard,",
                 "i have a little shadow", "the fox and the grapes"):
        assert line in text
    assert "  " not in text and "\n\n\n" not in text and " \n" not in text
    assert alphabet() == sorted(set(text)) and {" ", "\n"} <= set(alphabet())
    assert len(alphabet(False)) > len(alphabet(True))  # capitals only without lowercasing
    # Verse keeps its lines: most lines of the rhymes are short.
    assert np.median([len(line) for line in text[:20_000].split("\n") if line]) < 45


def test_the_small_text_is_read_as_before_the_option_came():
    # Experiment files saved before the ``text`` option have none, and their networks
    # were built for the small text with every line break a space: they must still fit.
    small = load_text(True, "rhymes")
    assert 3000 < len(small) < 4000 and "\n" not in small
    assert small.split() == load_text().split()[: len(small.split())]  # the first file
    cfg = TASK.default_config().copy().task
    del cfg.options["text"]
    assert TASK.shape(cfg)["input_size"] == len(alphabet(True, "rhymes")) == len(set(small))
    d = TASK.make(cfg, 0)
    assert d.meta["text"] == "rhymes" and all(
        p in small for p in pieces(d.val.subset(slice(0, 20)), d.meta["vocab"]))
    net_cfg = TASK.default_config().network
    TASK.apply_shape(net_cfg, cfg)
    net_cfg.hidden_size = 8
    written = TASK.generate_text(Network(net_cfg, 0), "The ", 5, vocab=d.meta["vocab"])
    assert written.startswith("the ") and set(written) <= set(small)
    cfg.options["text"] = "psalms"
    with pytest.raises(TaskError, match="no text 'psalms'"):
        TASK.make(cfg, 0)


@pytest.mark.parametrize("fraction", [0.05, 0.1, 0.2, 0.9])
def test_held_out_blocks_cover_the_text_once_and_spread_out(fraction):
    n = 100_003
    spans = held_out_spans(n, fraction)
    cover = np.zeros(n, int)
    for part in spans.values():
        for a, b in part:
            cover[a:b] += 1
    assert np.all(cover == 1)
    val = sum(b - a for a, b in spans["val"])
    assert val == pytest.approx(n * fraction, rel=0.25)
    assert spans["train"] and spans["val"]
    if fraction <= 0.2:  # validation blocks are apart, from the whole text, not its end
        assert len(spans["val"]) == round(N_BLOCKS * fraction)
        assert spans["val"][0][0] < n / 4 and spans["val"][-1][1] < n


def test_samples_are_slices_of_their_own_part_of_the_text():
    d = make(0)
    vocab, text = d.meta["vocab"], load_text()
    T = d.train.y.shape[1]
    spans = held_out_spans(len(text), 0.1)
    # A separator outside the alphabet, so no piece can straddle two stretches.
    own = {split: "\0".join(text[a:b] for a, b in spans[split]) for split in spans}
    for split in ("train", "val"):
        b = getattr(d, split)
        assert b.x.shape == (len(b), 1, len(vocab)) and b.y.shape == b.y_mask.shape
        assert np.all(b.y_mask == 1) and np.all(b.x.sum(-1) == 1)
        for piece in pieces(b.subset(slice(0, 200)), vocab):
            assert len(piece) == T + 1 and piece in own[split]
    # Validation text is text the network never trains on: most validation pieces
    # appear nowhere in the training stretches.
    unseen = [p not in own["train"] for p in pieces(d.val.subset(slice(0, 200)), vocab)]
    assert np.mean(unseen) > 0.9
    whole = make(0, held_out=False)
    assert all(p in text for p in pieces(whole.val.subset(slice(0, 50)), vocab))
    starts = make(0, word_starts=True)
    for p in pieces(starts.train.subset(slice(0, 50)), vocab):
        i = text.find(p)
        assert p[0] not in " \n" and (i == 0 or text[i - 1] in " \n")


def test_deterministic_for_a_seed():
    a, b, c = make(2), make(2), make(3)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.train.y, b.train.y)
    assert not np.array_equal(a.train.y, c.train.y)


def small_experiment(seed=0, hidden=8):
    cfg = TASK.default_config()
    cfg.network.hidden_size = hidden
    cfg.task.n_samples = 300
    cfg.training.seed = seed
    return Experiment(cfg)


def test_the_metric_reads_guesses_made_after_the_true_text():
    exp = small_experiment()
    val = exp.dataset.val.subset(slice(0, 20))
    out = exp.trainer.predict(val)
    teacher = exp.network.forward(val.x, y=val.y, y_mask=val.y_mask)
    assert np.array_equal(out, teacher)
    # Changing the true character at step 5 changes the guesses after it, never before.
    y = val.y.copy()
    y[:, 5] = (y[:, 5] + 1) % len(exp.dataset.meta["vocab"])
    changed = exp.network.forward(val.x, y=y, y_mask=val.y_mask)
    assert np.array_equal(changed[:, :6], out[:, :6])
    assert not np.allclose(changed[:, 6:], out[:, 6:])
    # Data that do not ask for it (files saved before) are scored on free writing.
    d = exp.dataset
    meta = {k: v for k, v in d.meta.items() if k != "predict"}
    free = Trainer(exp.network, Dataset(d.train, d.val, meta), exp.config.training)
    assert np.array_equal(free.predict(val), exp.network.predict(val.x, steps=val.y.shape[1]))
    metric = TASK.metric(out, val)
    assert metric.name == "next-character accuracy"
    assert metric.value == pytest.approx(np.mean(out.argmax(-1) == val.y))


def test_the_baseline_is_the_rule_scored_by_the_metric():
    exp = small_experiment()
    d, vocab = exp.dataset, exp.dataset.meta["vocab"]
    right = np.eye(len(vocab))[d.val.y] * 4.0
    assert TASK.metric(right, d.val).value == 1.0
    rule = TASK.baseline_outputs(d)
    assert rule.shape == exp.trainer.predict(d.val).shape
    assert np.all(rule.argmax(-1) == vocab.index(" "))
    base = TASK.baseline(d)
    assert base.name == "always a space: next-character accuracy"
    assert base.value == TASK.metric(rule, d.val).value == pytest.approx(
        np.mean(d.val.y == vocab.index(" ")))
    assert 0.1 < base.value < 0.25
    # A network that always answers a space, whatever it reads, scores the baseline exactly.
    net = exp.network
    params = net.state_dict()
    params["head.weight"][:] = 0.0
    params["head.bias"][:] = 0.0
    params["head.bias"][vocab.index(" ")] = 1.0
    net.load_state_dict(params)
    assert TASK.metric(exp.trainer.predict(d.val), d.val).value == base.value
    assert [m.value for m in TASK.baselines(d)] == [base.value]


def test_rendering_shows_the_text_and_the_guesses_under_it():
    exp = small_experiment()
    d = exp.dataset
    V, T = len(d.meta["vocab"]), d.val.y.shape[1]
    sample = TASK.render_sample(d, 0)
    assert sample.startswith('start "') and "\n" not in sample
    right = np.eye(V)[d.val.y[0]]
    text, guesses = TASK.render_prediction(d, 0, right).split("\n")
    assert f"({T}/{T} next characters right)" in guesses
    truth = show(pieces(d.val.subset(slice(0, 1)), d.meta["vocab"])[0])
    # Each guess stands under the character it guesses.
    assert text.index(truth) + 1 == len("guesses:   ")
    assert guesses[len("guesses:   "):].startswith(truth[1:])
    assert "⏎" in d.meta["classes"] and "␣" in d.meta["classes"]


@pytest.mark.learning
def test_half_the_default_run_writes_real_words_and_the_whole_keeps_the_promise(
        seed, record_property):
    # Half of the default run (400 steps) must already be far above the baseline and write
    # words; the rest of it, as ``rnn-sandbox train`` runs it (the checks in between take
    # nothing from training's random streams), must beat the baseline by the task's margin:
    # test_promises leaves this task to this test, so the network is trained once.
    cfg = TASK.default_config()
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=400):
        pass
    val = exp.dataset.val
    better = TASK.metric(exp.trainer.predict(val), val).value - TASK.baseline(exp.dataset).value
    record_property("better_by", better)
    net = exp.network
    a = TASK.generate_text(net, "The ", length=60, temperature=0.8, seed=1)
    assert a == TASK.generate_text(net, "the ", length=60, temperature=0.8, seed=1)
    assert a.startswith("the ") and len(a) == 64 and set(a) <= set(alphabet())
    assert a != TASK.generate_text(net, "the ", length=60, temperature=0.8, seed=2)
    greedy = TASK.generate_text(net, "the ", length=40, temperature=0.0, seed=5)
    assert greedy == TASK.generate_text(net, "the ", length=40, temperature=0.0, seed=6)
    # It writes the text's words, not letter soup: the share of written words (first and
    # last, perhaps cut, left out) that occur in the text, at a cautious temperature, is
    # 0.81-0.90 over seeds 0-4 (about 0.05 before training).
    words = set(re.findall(r"[a-z']+", load_text()))
    written = [w for prompt in ("the ", "a ", "and ", "he ", "she ", "there was ", "when ")
               for w in re.findall(r"[a-z']+", TASK.generate_text(net, prompt, 100, 0.5, 3))
               [1:-1]]
    real = sum(w in words for w in written) / len(written)
    record_property("real_words", real)
    assert better > 0.25  # 0.297-0.304 over seeds 0-4
    assert len(written) > 80 and real > 0.7
    with pytest.raises(TaskError, match="alphabet"):
        TASK.generate_text(net, "the €", length=5)
    train_steps(exp, steps_for_epochs(exp, cfg.training.epochs) - 400, quiet=True)
    promise = Score(TASK.metric(exp.trainer.predict(val), val), TASK.baseline(exp.dataset))
    record_property("promise_better_by", promise.margin)
    assert promise.margin >= TASK.margin, promise


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_prompting_carries_the_state_for_every_cell(cell):
    cfg = TASK.default_config()
    cfg.network.cell = cell
    cfg.network.hidden_size = 8
    net = Network(cfg.network, seed=0)
    vocab = alphabet()
    # Priming with "ab" then writing one character greedily is the same as the network's
    # own teacher-forced pass over "a", "b" and looking at the last step's output.
    text = TASK.generate_text(net, "ab", length=1, temperature=0.0)
    x = np.eye(len(vocab))[[vocab.index("a")]][:, None, :]
    y = np.array([[vocab.index("b"), 0]])
    logits = net.forward(x, y=y, y_mask=np.ones((1, 2)))
    assert text == "ab" + vocab[int(logits[0, 1].argmax())]
    cfg.network.architecture = "many_to_one"
    with pytest.raises(TaskError, match="one-to-many"):
        TASK.generate_text(Network(cfg.network, seed=0), "ab")


@pytest.mark.parametrize("n,frac", [(4, 0.9), (5, 0.05)])
def test_tiny_datasets_keep_both_splits(n, frac):
    cfg = TASK.default_config().copy().task
    cfg.n_samples, cfg.val_fraction = n, frac
    d = TASK.make(cfg, 0)
    assert len(d.train) >= 1 and len(d.val) >= 1


def test_a_sequence_longer_than_a_validation_block_is_refused():
    cfg = TASK.default_config().copy().task
    cfg.seq_len = len(load_text()) // N_BLOCKS + 10
    with pytest.raises(TaskError, match="seq_len"):
        TASK.make(cfg, 0)


def test_steps_are_named_by_the_sample_s_characters():
    d = make(0)
    labels = TASK.step_labels(d, 3)
    text = TASK.render_sample(d, 3)  # start "c" → "…"
    first, rest = re.match(r'start "(.)" → "(.*)"$', text).groups()
    rest = rest.replace("⏎", "\n")
    shown = ["␣" if c == " " else c.replace("\n", "⏎") for c in first + rest]
    assert labels["outputs"] == shown[1:]  # what each step should guess
    assert labels[""] == shown[:-1]  # what each step reads (the truth before it)
    assert len(labels[""]) == d.val.y.shape[1]


def test_the_writer_checks_the_prompt_before_writing():
    d = make(0)
    net = Network(TASK.default_config().network, seed=0)
    prompt, chars = TASK.writer(net, d, "The Fox", 0.5, 7)
    assert prompt == "the fox"
    first = "".join(next(chars) for _ in range(30))
    _, again = TASK.writer(net, d, "the fox", 0.5, 7)
    assert "".join(next(again) for _ in range(30)) == first
    assert TASK.generate_text(net, "the fox", 30, 0.5, 7, d.meta["vocab"]) == prompt + first
    with pytest.raises(TaskError, match="not in the text's alphabet: © €"):
        TASK.writer(net, d, "the €©", 0.5, 0)
    with pytest.raises(TaskError, match="temperature"):
        TASK.writer(net, d, "the", -1.0, 0)
    assert not get_task("sine_forecast").writes and TASK.writes
    with pytest.raises(TaskError, match="does not write"):
        get_task("sine_forecast").writer(net, d, "the", 0.5, 0)
