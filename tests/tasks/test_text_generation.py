"""Character-level text generation on the shipped text: samples, metric, prompting."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.text_generation import alphabet, load_text

TASK = get_task("text_generation")


def make(seed=0, **options):
    cfg = TASK.default_config().copy().task
    cfg.options.update(options)
    return TASK.make(cfg, seed)


def test_the_text_ships_with_the_program():
    text = load_text()
    assert 2000 < len(text) < 6000 and "humpty dumpty" in text and "  " not in text
    assert alphabet() == sorted(set(text)) and " " in alphabet()
    assert len(alphabet(False)) > len(alphabet(True))  # capitals only without lowercasing


def test_samples_are_slices_of_the_text():
    d = make(0)
    vocab, text = d.meta["vocab"], load_text()
    T = d.train.y.shape[1]
    for b in (d.train, d.val):
        assert b.x.shape == (len(b), 1, len(vocab)) and b.y.shape == b.y_mask.shape
        assert np.all(b.y_mask == 1) and np.all(b.x.sum(-1) == 1)
    for i in range(30):
        first = vocab[int(d.train.x[i, 0].argmax())]
        piece = first + "".join(vocab[k] for k in d.train.y[i])
        assert len(piece) == T + 1 and piece in text and first != " "
    held = make(0, held_out=True)
    cut = int(round(len(text) * 0.8))
    for i in range(30):
        piece = "".join(vocab[k] for k in held.val.y[i])
        assert piece in text[cut:]


def test_deterministic_for_a_seed():
    a, b, c = make(2), make(2), make(3)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.train.y, b.train.y)
    assert not np.array_equal(a.train.y, c.train.y)


def test_metric_baseline_and_rendering():
    d = make(0)
    V = len(d.meta["vocab"])
    right = np.eye(V)[d.val.y] * 4.0
    assert TASK.metric(right, d.val).value == 1.0
    spaces = np.zeros_like(right)
    spaces[..., d.meta["vocab"].index(" ")] = 1.0
    base = TASK.baseline(d)
    assert base.value == pytest.approx(TASK.metric(spaces, d.val).value)
    assert 0.1 < base.value < 0.3
    assert TASK.render_sample(d, 0).startswith('start "')
    text = TASK.render_prediction(d, 0, right[0])
    assert f"{d.val.y.shape[1]}/{d.val.y.shape[1]} characters right" in text


@pytest.mark.slow
@pytest.mark.learning
def test_default_model_beats_the_most_common_character_and_writes(seed, record_property):
    cfg = TASK.default_config()
    cfg.training.seed = seed
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=2000):
        pass
    _, metric = exp.trainer.evaluate()
    record_property("accuracy-baseline", metric.value - TASK.baseline(exp.dataset).value)
    net = exp.network
    a = TASK.generate_text(net, "The ", length=60, temperature=0.8, seed=1)
    assert a == TASK.generate_text(net, "the ", length=60, temperature=0.8, seed=1)
    assert a.startswith("the ") and len(a) == 64 and set(a) <= set(alphabet())
    assert a != TASK.generate_text(net, "the ", length=60, temperature=0.8, seed=2)
    greedy = TASK.generate_text(net, "the ", length=40, temperature=0.0, seed=5)
    assert greedy == TASK.generate_text(net, "the ", length=40, temperature=0.0, seed=6)
    # A trained model writes words of the text, not random letters: most of the words it
    # writes greedily after a few prompts are real (0.66-0.76 over seeds 0-5; about 0.5
    # with a simple RNN cell).  Several prompts, so one unlucky loop does not decide.
    words = set(load_text().replace(",", " ").replace(".", " ").split())
    written = [w.strip(".,;!?\"'") for prompt in ("the ", "a ", "and ", "he ", "she ", "in ")
               for w in TASK.generate_text(net, prompt, 60, 0.0).split()[1:-1]]
    real = sum(w in words for w in written) / len(written)
    record_property("real_words", real)
    # Free-running accuracy is noisy (one slip shifts every later character): it beats
    # writing spaces by 0.033-0.097 over seeds 0-19 (an untrained net is 0.17 below).
    assert metric.value > TASK.baseline(exp.dataset).value + 0.02
    assert len(written) > 30 and real > 0.55
    with pytest.raises(TaskError, match="alphabet"):
        TASK.generate_text(net, "the €", length=5)


def test_baseline_is_named_after_the_metric():
    d = make(0)
    right = np.eye(len(d.meta["vocab"]))[d.val.y]
    assert TASK.metric(right, d.val).name in TASK.baseline(d).name


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_prompting_carries_the_state_for_every_cell(cell):
    from rnn_sandbox.engine import Network

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
