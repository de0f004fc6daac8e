"""Toy speech with CTC: frames, labels, decoding, rendering and learning."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.engine.ctc import collapse
from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.speech_ctc import (
    LETTERS,
    N_FEATURES,
    SYMBOLS,
    WORDS,
    edit_distance,
    letter_sounds,
)

TASK = get_task("speech_ctc")


def make(seed=0, **options):
    cfg = TASK.default_config().copy().task
    cfg.options.update(options)
    return TASK.make(cfg, seed)


def test_generator_is_deterministic_for_a_seed():
    a, b = make(2), make(2)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.val.y, b.val.y)
    assert not np.array_equal(a.train.x, make(3).train.x)


def test_shapes_labels_and_masks_are_consistent():
    d = make(0)
    b = d.train
    n, T, F = b.x.shape
    assert F == N_FEATURES and b.mask.shape == (n, T) and b.y.shape == b.y_mask.shape
    assert TASK.default_config().network.output_size == len(LETTERS) + 1 == len(SYMBOLS)
    frames, labels = b.mask.sum(1), b.y_mask.sum(1)
    assert np.all(labels >= 3) and np.all(frames >= 2 * labels + 1)
    assert np.all(b.y[b.y_mask > 0] >= 1)  # labels never use the blank
    assert np.all(b.x[b.mask == 0] == 0)  # padding frames are empty
    spelled = {TASK.spell(t) for t in TASK._targets(b)}
    assert spelled <= set(WORDS) and len(spelled) > len(WORDS) // 2


def test_frames_sound_like_their_letters():
    """Without noise every frame is silence or exactly its letter's sound, in order."""
    d = make(0, noise=0.0)
    sounds = letter_sounds()
    b = d.val
    for i in range(20):
        T = int(b.mask[i].sum())
        frames = b.x[i, :T]
        heard = []
        for f in frames:
            if np.any(f):
                k = int(np.argmin(np.linalg.norm(sounds - f, axis=1)))
                assert np.allclose(f, sounds[k])
                heard.append(k + 1)
            else:
                heard.append(0)
        word = TASK._targets(b.subset(slice(i, i + 1)))[0]
        assert collapse(heard) == word  # the silences keep doubled letters apart


def test_too_few_frames_are_refused():
    cfg = TASK.default_config().copy().task
    cfg.seq_len = 10
    with pytest.raises(TaskError, match="frames"):
        TASK.make(cfg, 0)


def test_edit_distance():
    assert edit_distance([1, 2, 3], [1, 2, 3]) == 0
    assert edit_distance([1, 3], [1, 2, 3]) == 1
    assert edit_distance([], [4, 4]) == 2
    assert edit_distance([1, 2], [2, 1]) == 2


def test_metrics_and_rendering_on_known_outputs():
    d = make(0, noise=0.0)
    v = d.val
    sounds = letter_sounds()
    # An oracle that reads each frame's nearest sound (silence → blank) is always right.
    logits = np.full(v.x.shape[:2] + (len(SYMBOLS),), -5.0)
    for i in range(len(v)):
        for t in range(int(v.mask[i].sum())):
            f = v.x[i, t]
            k = 0 if not np.any(f) else int(np.argmin(np.linalg.norm(sounds - f, axis=1))) + 1
            logits[i, t, k] = 5.0
    assert TASK.metric(logits, v).value == 1.0 and TASK.label_error_rate(logits, v) == 0.0
    text = TASK.render_prediction(d, 0, logits[0])
    word = TASK.spell(TASK._targets(v)[0])
    assert f"collapsed  {word}" in text and "(right)" in text and "frames" in text
    blanks = np.zeros_like(logits[0])
    blanks[:, 0] = 1.0
    assert "(nothing)" in TASK.render_prediction(d, 0, blanks)
    assert TASK.label_error_rate(np.broadcast_to(blanks, logits.shape), v) == 1.0
    (ler,) = TASK.extra_metrics(np.broadcast_to(blanks, logits.shape), v)
    assert ler.name == "letter error rate" and ler.value == 1.0 and not ler.higher_is_better
    assert word in TASK.render_sample(d, 0)
