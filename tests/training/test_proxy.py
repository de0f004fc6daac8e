"""The window's handle on the training process declares what it passes on."""

from __future__ import annotations

import typing

from rnn_sandbox.training import messages
from rnn_sandbox.training.loop import TrainingLoop
from rnn_sandbox.training.proxy import TrainingWorker


def test_every_forwarded_request_is_declared_with_the_loops_signature():
    declared = typing.get_type_hints(TrainingWorker)
    for name in messages.FORWARDED:
        assert callable(getattr(TrainingWorker, name)), name
        loop_hints = typing.get_type_hints(getattr(TrainingLoop, name))
        loop_params = [t for key, t in loop_hints.items() if key != "return"]
        params, result = typing.get_args(declared[name])  # Callable[[params], result]
        assert (params, result) == (loop_params, None), name
