"""The words of the diagram's Qt-free parts (the model's tooltips, the formulas) in the
window's language.  They promise not to import Qt, so the window hands them its
translation (:func:`rnn_sandbox.ui.i18n.tr`) through :func:`use`; until then, English.
The strings are written ``tr("…")`` as everywhere, so they are extracted the same way."""

from __future__ import annotations

import re
from collections.abc import Callable

from rnn_sandbox.engine.anatomy import Anatomy
from rnn_sandbox.engine.cell_table import CELL_TABLE

Translate = Callable[..., str]
_translate: Translate | None = None


def use(translate: Translate) -> None:
    """Translate with ``translate`` (``tr(text, disambiguation=None, n=-1)``) from now on."""
    global _translate
    _translate = translate


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language (English until :func:`use`)."""
    if _translate is not None:
        return _translate(text, disambiguation, n)
    if n >= 0:
        text = text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
    return text


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for extraction; translated where shown."""
    return text


def units_text(cell: str, n: int) -> str:
    """A layer's size in words: ``8 LSTM cells`` (a cell with a cell state), ``4 GRU units``,
    ``16 neurons`` (a simple RNN)."""
    entry = CELL_TABLE.get(cell)
    if entry is None or not entry.gates:
        return tr("%n neuron(s)", n=n)
    if entry.cell_state:
        return tr("%n {cell} cell(s)", n=n).format(cell=entry.title)
    return tr("%n {cell} unit(s)", n=n).format(cell=entry.title)


def gated_help(anatomy: Anatomy) -> str:
    """The diagram's hint for a gated cell: what opening one of its neurons shows."""
    if not anatomy.gated:
        return ""
    title = CELL_TABLE[anatomy.cell].title
    letters = " ".join(g.letter for g in anatomy.gates)
    if anatomy.cell_state:
        return tr(" Click any {cell} neuron to open it: gates {gates} below, the cell state c "
                  "beside.").format(cell=title, gates=letters)
    return tr(" Click any {cell} neuron to open it: its gates {gates} below.").format(
        cell=title, gates=letters)


# Titles the engine makes (engine/anatomy.py) from parts, shown whole in the window.
_LAYER = re.compile(r"^(?:(encoder|decoder) )?layer (\d+)(?: ([←→])| \(backward\))?$")
GATE_WORDS = [QT_TR_NOOP("input"), QT_TR_NOOP("forget"), QT_TR_NOOP("cell"),
              QT_TR_NOOP("output"), QT_TR_NOOP("reset"), QT_TR_NOOP("update"),
              QT_TR_NOOP("new")]
GATE_TITLES = [QT_TR_NOOP("input gate"), QT_TR_NOOP("forget gate"), QT_TR_NOOP("candidate"),
               QT_TR_NOOP("output gate"), QT_TR_NOOP("reset gate"), QT_TR_NOOP("update gate"),
               QT_TR_NOOP("dense layer"), QT_TR_NOOP("head"), QT_TR_NOOP("head bias")]


def part_name(part: str) -> str:
    """``"encoder"`` or ``"decoder"`` (a segment of a sequence-to-sequence network, as the
    diagram heads it) in the window's language."""
    if part == "encoder":
        return tr("encoder", "the diagram's heading")
    return tr("decoder", "the diagram's heading") if part == "decoder" else part


def engine_title(text: str) -> str:
    """A title the engine made ("encoder layer 2 ←", "layer 1 (backward)", "forget gate",
    "forget f", "attn W_a") in the window's language."""
    m = _LAYER.match(text)
    if m:
        part, n, arrow = m.group(1), int(m.group(2)), m.group(3)
        backward = text.endswith("(backward)")
        if part == "encoder":
            s = (tr("encoder layer {n} (backward)") if backward else tr("encoder layer {n}"))
        elif part == "decoder":
            s = (tr("decoder layer {n} (backward)") if backward else tr("decoder layer {n}"))
        else:
            s = tr("layer {n} (backward)") if backward else tr("layer {n}")
        s = s.format(n=n)
        return f"{s} {arrow}" if arrow else s
    word, _, letter = text.rpartition(" ")
    if word in GATE_WORDS and len(letter) == 1:  # a gate's name: "forget f"
        return f"{tr(word)} {letter}"
    if text in ("head", "head bias"):  # the output layer's weights and bias
        return tr("head") if text == "head" else tr("head bias")
    if text.startswith("attn "):  # the attention's weights: "attn W_a", "attn b_c"
        return tr("attn {symbol}", "the attention's weights").format(symbol=text[5:])
    return tr(text) if text in GATE_TITLES else text
