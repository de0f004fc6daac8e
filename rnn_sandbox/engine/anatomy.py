"""What a network is made of, by name: its cell, its gates, its states and its parameters.

The one place where PyTorch's parameter names (``weight_hh_l1_reverse``, ``head.weight``,
``encoder.bias_ih_l0``, ``fc1.weight``) and the names of the states in the engine's cache
(``l0``, ``encoder.l1_reverse``, ``fc1``) are made.  The networks name their parameters with
:func:`param_name` and :func:`state_name`; the views read an :class:`Anatomy` (what each name
stands for and how to title it) and never take a name apart.

>>> a = anatomy_of(NetworkConfig(cell="lstm", num_layers=2, bidirectional=True))
>>> a.state("l1_reverse").title, a.param("weight_hh_l1_reverse").label
('layer 2 ←', 'W_hh 2←')
>>> [g.letter for g in a.gates], a.param_of("l0", "weight_ih")
(['i', 'f', 'g', 'o'], 'weight_ih_l0')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.cell_table import CELL_TABLE, Gate

# Per layer and direction, in PyTorch's state_dict order (a cell has all or some of them:
# CELL_TABLE[cell].kinds).
RECURRENT_KINDS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
HEAD = "head"  # the read-out, an nn.Linear
DENSE = "fc1"  # the dense baseline's hidden layer, an nn.Linear; also its state's name
PARTS = {"seq2seq": ("encoder", "decoder")}  # other architectures: one unnamed stack


def gates_of(cell: str) -> tuple[Gate, ...]:
    """A cell's gates in PyTorch's order of the stacked weight rows (read from the table
    each time, so a cell the table gains is known everywhere); none for the dense layer."""
    return () if cell == "dense" else CELL_TABLE[cell].gates


def gate_count(cell: str) -> int:
    """Blocks of rows in a recurrent weight matrix: one per gate, one for a simple RNN."""
    return len(gates_of(cell)) or 1


def _prefix(part: str) -> str:
    return f"{part}." if part else ""


def _suffix(reverse: bool) -> str:
    return "_reverse" if reverse else ""


def state_name(layer: int, reverse: bool = False, part: str = "") -> str:
    """``"encoder.l1_reverse"``: the key of a layer/direction's states in the cache."""
    return f"{_prefix(part)}l{layer}{_suffix(reverse)}"


def param_name(kind: str, layer: int = 0, reverse: bool = False, part: str = "") -> str:
    """PyTorch's name of a recurrent parameter, ``kind`` one of :data:`RECURRENT_KINDS`:
    ``param_name("weight_hh", 1, True, "encoder") == "encoder.weight_hh_l1_reverse"``."""
    if kind not in RECURRENT_KINDS:
        raise ValueError(f"'{kind}' is not one of {RECURRENT_KINDS}")
    return f"{_prefix(part)}{kind}_l{layer}{_suffix(reverse)}"


def linear_name(module: str, kind: str) -> str:
    """PyTorch's name of an ``nn.Linear`` parameter: ``linear_name("head", "bias")``."""
    return f"{module}.{kind}"


HEAD_WEIGHT, HEAD_BIAS = linear_name(HEAD, "weight"), linear_name(HEAD, "bias")

# A seq2seq decoder's attention over the encoder's outputs (see .attention): PyTorch's
# names of its parameters per score, then those of the layer that combines context and
# state, with the symbols of the equations.
ATTENTION = "attention"
ATTENTION_PARAMS: dict[str, tuple[tuple[str, str], ...]] = {
    "none": (),
    "dot": (),
    "general": ((linear_name(ATTENTION, "weight"), "W_a"),),
    "additive": (
        (linear_name(f"{ATTENTION}.query", "weight"), "W_q"),
        (linear_name(f"{ATTENTION}.key", "weight"), "W_k"),
        (linear_name(f"{ATTENTION}.v", "weight"), "v"),
    ),
}
COMBINE_WEIGHT = linear_name(f"{ATTENTION}.combine", "weight")
COMBINE_BIAS = linear_name(f"{ATTENTION}.combine", "bias")


def attention_params(score: str) -> tuple[tuple[str, str], ...]:
    """``(name, symbol)`` of every parameter of attention with ``score`` ("none": none),
    in PyTorch's ``state_dict`` order."""
    if score == "none":
        return ()
    return (*ATTENTION_PARAMS[score], (COMBINE_WEIGHT, "W_c"), (COMBINE_BIAS, "b_c"))
DENSE_WEIGHT, DENSE_BIAS = linear_name(DENSE, "weight"), linear_name(DENSE, "bias")


@dataclass(frozen=True)
class StateInfo:
    """One layer/direction: the states it computes and the titles the views give it."""

    name: str  # "encoder.l1_reverse" (the cache's key); the dense layer: "fc1"
    part: str  # "", "encoder" or "decoder"
    layer: int
    reverse: bool
    slot: str  # the name without the part: the diagram's row, shared by encoder and decoder
    layer_title: str  # "layer 2 ←" (the dense layer: "dense layer")
    title: str  # "encoder layer 2 ←"
    label: str  # "encoder layer 2 (backward)"; the dense layer: "fc1"
    recurrent: bool = True


@dataclass(frozen=True)
class ParamInfo:
    """One parameter: which module, layer and direction it belongs to and what it does."""

    name: str  # "encoder.weight_hh_l1_reverse"
    # "rnn" (a recurrent layer), "head" (the read-out), "fc1" (dense layer) or "attention"
    # (a seq2seq decoder's look back at the encoder; used at every decoder step)
    module: str
    kind: str  # one of RECURRENT_KINDS; "weight" or "bias" of an nn.Linear
    part: str = ""  # "", "encoder" or "decoder"
    layer: int = 0
    reverse: bool = False
    state: str | None = None  # the state it computes ("encoder.l1_reverse", "fc1")
    symbol: str = ""  # "W_hh", "b_ih", "W", "b"
    label: str = ""  # short, for a plot's key: "enc W_hh 2←", "head"

    @property
    def is_weight(self) -> bool:
        return self.kind in ("weight", "weight_ih", "weight_hh")

    @property
    def recurrent_weight(self) -> bool:
        """W_ih or W_hh of a recurrent layer (stacked per gate in gated cells)."""
        return self.kind in ("weight_ih", "weight_hh")

    @property
    def reads_input(self) -> bool:
        """Its columns read the network's input (or the decoder's fed-back output), not a
        hidden layer."""
        return self.module == DENSE or (self.kind == "weight_ih" and self.layer == 0)


@dataclass(frozen=True)
class Anatomy:
    """Names, roles and titles of a network's states and parameters, in the engine's order
    (``params`` is ``state_dict``'s order)."""

    cell: str  # the ``cell`` setting: a cell of the cell table, or "dense"
    architecture: str
    num_layers: int
    num_directions: int  # of the (encoder) stack; a seq2seq decoder runs forward only
    parts: tuple[str, ...]  # ("",) or ("encoder", "decoder")
    states: tuple[StateInfo, ...]
    params: tuple[ParamInfo, ...]

    @property
    def gates(self) -> tuple[Gate, ...]:
        """The gates in PyTorch's row order (LSTM i, f, g, o; GRU r, z, n); none for a
        simple RNN or the dense layer."""
        return gates_of(self.cell)

    @property
    def gate_count(self) -> int:
        return gate_count(self.cell)

    @property
    def gated(self) -> bool:
        return bool(self.gates)

    @property
    def cell_state(self) -> bool:
        """Whether each recurrent unit carries a cell state c beside h (an LSTM's)."""
        cell = CELL_TABLE.get(self.cell)
        return cell is not None and cell.cell_state

    @property
    def state_names(self) -> list[str]:
        return [s.name for s in self.states]

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    @property
    def weights(self) -> tuple[ParamInfo, ...]:
        """The weight matrices (no biases)."""
        return tuple(p for p in self.params if p.is_weight)

    @cached_property
    def _states(self) -> dict[str, StateInfo]:
        return {s.name: s for s in self.states}

    @cached_property
    def _params(self) -> dict[str, ParamInfo]:
        return {p.name: p for p in self.params}

    @cached_property
    def _by_state(self) -> dict[tuple[str | None, str], str]:
        return {(p.state, p.kind): p.name for p in self.params}

    def state(self, name: str) -> StateInfo:
        return self._states[name]

    def param(self, name: str) -> ParamInfo:
        return self._params[name]

    def param_of(self, state: str, kind: str) -> str:
        """The name of the ``kind`` parameter computing ``state``:
        ``param_of("encoder.l0", "weight_hh") == "encoder.weight_hh_l0"``."""
        return self._by_state[(state, kind)]

    def find(self, state: str, kind: str) -> str | None:
        """As :meth:`param_of`, or ``None`` where the cell has no such parameter (minGRU and
        minLSTM have no ``weight_hh``: their gates read only x_t)."""
        return self._by_state.get((state, kind))

    def states_of(self, part: str) -> tuple[StateInfo, ...]:
        """The states of one stack (``""``, ``"encoder"`` or ``"decoder"``), in order."""
        return tuple(s for s in self.states if s.part == part)

    def layer_states(self, part: str, layer: int) -> tuple[StateInfo, ...]:
        """The directions of one layer of a stack: forward, then backward."""
        return tuple(s for s in self.states_of(part) if s.layer == layer)


_SHORT_PART = {"encoder": "enc ", "decoder": "dec "}


def _state(part: str, layer: int, reverse: bool) -> StateInfo:
    layer_title = f"layer {layer + 1} {'←' if reverse else '→'}"
    label = f"layer {layer + 1}" + (" (backward)" if reverse else "")
    return StateInfo(
        state_name(layer, reverse, part), part, layer, reverse, state_name(layer, reverse),
        layer_title, f"{part} {layer_title}" if part else layer_title,
        f"{part} {label}" if part else label,
    )


def _recurrent_param(kind: str, state: StateInfo) -> ParamInfo:
    k, reverse, part = state.layer, state.reverse, state.part
    symbol = ("W" if kind.startswith("weight") else "b") + kind[kind.index("_"):]
    label = f"{_SHORT_PART.get(part, '')}{symbol} {k + 1}{'←' if reverse else ''}"
    return ParamInfo(
        param_name(kind, k, reverse, part), "rnn", kind, part, k, reverse, state.name,
        symbol, label,
    )


def _linear_params(module: str, state: str | None) -> tuple[ParamInfo, ParamInfo]:
    weight_label = "head" if module == HEAD else f"{module} weight"
    return (
        ParamInfo(linear_name(module, "weight"), module, "weight", state=state, symbol="W",
                  label=weight_label),
        ParamInfo(linear_name(module, "bias"), module, "bias", state=state, symbol="b",
                  label=f"{module} bias"),
    )


def anatomy_of(config: NetworkConfig) -> Anatomy:
    """The anatomy of the network ``config`` describes (recurrent or the dense baseline)."""
    c = config
    if c.cell == "dense":
        fc = StateInfo(DENSE, "", 0, False, DENSE, "dense layer", "dense layer", DENSE,
                       recurrent=False)
        dense = (*_linear_params(DENSE, DENSE), *_linear_params(HEAD, None))
        return Anatomy("dense", c.architecture, 1, 1, ("",), (fc,), dense)
    if c.cell not in CELL_TABLE:
        raise ValueError(f"unknown cell '{c.cell}'")
    D = 2 if c.bidirectional else 1
    parts = PARTS.get(c.architecture, ("",))
    states: list[StateInfo] = []
    params: list[ParamInfo] = []
    for part in parts:
        dirs = 1 if part == "decoder" else D
        for k in range(c.num_layers):
            for reverse in (False, True)[:dirs]:
                s = _state(part, k, reverse)
                states.append(s)
                params += [_recurrent_param(kind, s) for kind in CELL_TABLE[c.cell].kinds]
    if c.architecture == "seq2seq":
        params += [
            ParamInfo(name, ATTENTION, "bias" if symbol.startswith("b") else "weight",
                      "decoder", symbol=symbol, label=f"attn {symbol}")
            for name, symbol in attention_params(c.attention)
        ]
    params += _linear_params(HEAD, None)
    return Anatomy(c.cell, c.architecture, c.num_layers, D, parts, tuple(states),
                   tuple(params))
