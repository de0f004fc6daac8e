"""Which steps the unrolled diagram has: one segment per stack run over time (the whole
network, or the encoder and the decoder), its inputs and read-outs per step, and which
steps of a long sequence are drawn.  No Qt."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine.anatomy import anatomy_of


def network_kind(cfg: ExperimentConfig) -> str:
    """The task type the network is wired for (a key of TASK_TYPES)."""
    n = cfg.network
    return "ctc" if n.loss == "ctc" else n.architecture


def shown_steps(steps: int, max_shown: int, focus: int | None = None) -> list[int | None]:
    """Steps drawn: all, or the first and last ones around a ``None`` (an ellipsis).

    A ``focus`` step (the step-through's current one) that would fall into the ellipsis
    gets a window of steps around it, between the first and the last step.
    """
    if steps <= max_shown:
        return list(range(steps))
    first = math.ceil(max_shown / 2)
    last = max_shown - first
    default = list(range(first)) + [None] + list(range(steps - last, steps))
    if focus is None or focus in default:
        return default
    inner = max(1, max_shown - 2)
    lo = min(max(1, focus - inner // 2), steps - 1 - inner)
    out: list[int | None] = [0]
    if lo > 1:
        out.append(None)
    out += list(range(lo, lo + inner))
    if lo + inner < steps - 1:
        out.append(None)
    out.append(steps - 1)
    return out


@dataclass
class Segment:
    """One stack run over time: the whole network, or the encoder / the decoder."""

    name: str  # "main", "encoder" or "decoder"
    part: str  # the anatomy's part: "", "encoder" or "decoder"
    steps: int
    dirs: int
    layers: int
    in_size: int
    inputs: list[str | None]  # per step: "x", "start", "feedback" or None (no input)
    outputs: list[bool]  # per step: is there a read-out
    offset: int = 0  # index of its first step in the whole forward walk
    states: list[str] = field(default_factory=list)  # the anatomy's, in the engine's order


def make_segments(cfg: ExperimentConfig, steps: tuple[int, int] | None = None) -> list[Segment]:
    """Segments of the unrolled picture; ``steps`` = (input length, output length)."""
    n = cfg.network
    kind = network_kind(cfg)
    segs = _segments(cfg, kind, steps)
    anatomy = anatomy_of(n)
    for seg in segs:
        if seg.layers or seg.name == "dense":
            seg.states = [s.name for s in anatomy.states_of(seg.part)]
    return segs


def _segments(cfg: ExperimentConfig, kind: str, steps: tuple[int, int] | None) -> list[Segment]:
    n = cfg.network
    T_in, T_out = steps if steps is not None else (cfg.task.seq_len, cfg.task.seq_len)
    if n.cell == "dense":
        # The feed-forward baseline: the steps are inputs only, one hidden layer reads them
        # all at once (laid side by side, or averaged), no state passes between steps.
        main = Segment("main", "", T_in, 1, 0, n.input_size, ["x"] * T_in, [False] * T_in)
        dense = Segment("dense", "", 1, 1, 0, n.input_size, [None], [True], offset=T_in)
        return [main, dense]
    D = 2 if n.bidirectional else 1
    L, I, O = n.num_layers, n.input_size, n.output_size
    if kind == "seq2seq":
        enc_in: list[str | None] = ["x"] * T_in
        dec_in: list[str | None] = ["start", *(["feedback"] * (T_out - 1))]
        enc = Segment("encoder", "encoder", T_in, D, L, I, enc_in, [False] * T_in)
        dec = Segment("decoder", "decoder", T_out, 1, L, O, dec_in, [True] * T_out,
                      offset=T_in)
        return [enc, dec]
    if kind == "one_to_many":
        fb = "feedback" if n.feedback == "output" else None
        inputs: list[str | None] = ["x", *([fb] * (T_out - 1))]
        return [Segment("main", "", T_out, D, L, I, inputs, [True] * T_out)]
    outs = [t == T_in - 1 for t in range(T_in)] if kind == "many_to_one" else [True] * T_in
    return [Segment("main", "", T_in, D, L, I, ["x"] * T_in, outs)]
