"""Batches: which steps are real."""

from __future__ import annotations

import numpy as np

from rnn_sandbox.engine.data import Batch


def test_real_steps_follow_the_mask_and_are_all_real_without_one():
    x = np.zeros((2, 3, 4))
    mask = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    assert Batch(x, np.zeros(2), mask).real_steps().tolist() == [
        [True, True, False],
        [True, False, False],
    ]
    assert Batch(x, np.zeros(2)).real_steps().tolist() == [[True] * 3, [True] * 3]
