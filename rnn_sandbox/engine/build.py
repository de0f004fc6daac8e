"""The model a configuration describes, recurrent or dense (the one place that knows both)."""

from __future__ import annotations

from typing import Any

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.dense import DenseNetwork
from rnn_sandbox.engine.network import Network


def build_network(config: NetworkConfig, seed: int = 0, seq_len: int | None = None) -> Any:
    """The model a config describes: a recurrent :class:`Network`, or the dense baseline
    (``cell == "dense"``; ``seq_len`` fixes its input size when it flattens)."""
    if config.cell == "dense":
        return DenseNetwork(config, seed=seed, pooling=config.pooling, seq_len=seq_len)
    return Network(config, seed=seed)
