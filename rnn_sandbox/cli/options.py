"""The command line's options: every command's parser, the setting options made from the
schema (:mod:`rnn_sandbox.fields`), and the checks of option values that several commands
share (sizes, counts of steps)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from rnn_sandbox.cli.errors import CliError
from rnn_sandbox.fields import SETTING, Setting
from rnn_sandbox.runs.seeds import MAX_SEEDS

# The --size defaults: the window's step-through export and its comparison view.
ANIMATE_SIZE = "1280x720"
COMPARE_SIZE = "1280x800"
UNITS_SIZE = "1200x700"

# Which settings each group of options offers, in the order they are listed; the options
# themselves come from the schema (rnn_sandbox.fields).
NETWORK_OPTIONS = ("network.hidden_size", "network.num_layers", "network.bidirectional",
                   "network.attention",
                   "network.cell", "network.nonlinearity", "network.init",
                   "network.spectral_radius", "network.dtype")
TASK_OPTIONS = ("task.seq_len", "task.n_samples")
TRAINING_OPTIONS = ("training.learning_rate", "training.optimizer", "training.momentum",
                    "training.batch_size", "training.clip_norm", "training.bptt_truncation")

_Group = argparse.ArgumentParser | argparse._ArgumentGroup | argparse._MutuallyExclusiveGroup


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` decides the exit code."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message}")


# -- values checked after parsing ------------------------------------------------------------
def parse_size(text: str, like: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` (or ``W×H``) in pixels, for every command with ``--size``; ``like``
    is the command's default, shown as the example when ``text`` is not a size."""
    w, sep, h = text.lower().replace("×", "x").partition("x")
    # isdecimal: only what int() reads, and no sign
    if sep and w.strip().isdecimal() and h.strip().isdecimal():
        return int(w), int(h)
    raise CliError(f"--size: write the size as WIDTHxHEIGHT, like {like}, not '{text}'")


def at_least_one(option: str, value: int | None) -> None:
    """Refuse a count below 1 (``--steps``, ``--epochs``, ``--processes``); ``None`` is
    "not given"."""
    if value is not None and value < 1:
        raise CliError(f"{option} must be at least 1")


def check_length(args: argparse.Namespace) -> None:
    """``--steps`` and ``--epochs`` of ``train``, as given (either may be missing)."""
    for name in ("steps", "epochs"):
        at_least_one(f"--{name}", getattr(args, name, None))


def check_steps(steps: int, already: int = 0) -> None:
    """Refuse, before training, more steps than a file can record (the count of a saved
    experiment or run is refused above it when it is read, so the work could never be
    saved): ``already`` steps trained plus ``steps`` more."""
    from rnn_sandbox.io.checks import MAX_STEPS

    if already + steps > MAX_STEPS:
        more = f" more after the {already} already trained" if already else ""
        raise CliError(f"--steps: at most {MAX_STEPS - already} steps{more} (files record "
                       f"up to {MAX_STEPS} steps), not {steps}")


# -- the parser ------------------------------------------------------------------------------
def dest(s: Setting) -> str:
    """The attribute of the parsed arguments that holds a setting's option."""
    return s.cli.replace("-", "_")


def _add_setting(g: _Group, key: str) -> None:
    """The option of one setting, as the schema declares it (name, help, type, choices)."""
    s = SETTING[key]
    flag, help_text = f"--{s.cli}", s.describe(while_training=False)
    if s.kind == "bool":
        g.add_argument(flag, action="store_true", default=None, dest=dest(s), help=help_text)
    elif s.kind == "choice":
        g.add_argument(flag, choices=s.choices, dest=dest(s), help=help_text)
    else:
        g.add_argument(flag, type=int if s.kind == "int" else float, metavar=s.metavar,
                       dest=dest(s), help=help_text)


def _network_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("network (defaults: the task's)")
    for key in NETWORK_OPTIONS:
        _add_setting(g, key)
    t = p.add_argument_group("task")
    which = t.add_mutually_exclusive_group(required=True)
    which.add_argument("--task", help="task name (see `rnn-sandbox tasks`)")
    which.add_argument(
        "--setup", metavar="LINE",
        help="a whole setup as one line, as Edit → Copy setup as text writes it, e.g. "
        "'long_memory;cell=rnn;hidden=32;seed=3'; the options given beside it change it")
    for key in TASK_OPTIONS:
        _add_setting(t, key)
    t.add_argument(
        "--option", action="append", default=[], metavar="KEY=VALUE",
        help="task-specific setting; VALUE is read as JSON if it parses (5, 0.1, true), "
        "else as text; may repeat",
    )
    _add_setting(t, "training.seed")


def _output_options(p: argparse.ArgumentParser, save_help: str | None = None) -> None:
    p.add_argument(
        "--save", type=Path, metavar="FILE",
        help=save_help or "experiment file (.rnnx) or weights with PyTorch names (.npz)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _seed_options(p: argparse.ArgumentParser) -> None:
    """``--seeds`` and ``--processes`` of ``train``."""
    g = p.add_argument_group("seeds")
    g.add_argument("--seeds", type=int, metavar="N",
                   help=f"train seeds SEED..SEED+N-1 in parallel (1..{MAX_SEEDS}) and report "
                   "the metric as mean ± spread; --save then writes a runs file (.rnns)")
    g.add_argument("--processes", type=int, metavar="K",
                   help="worker processes for --seeds (default: all cores)")


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``rnn-sandbox`` and all its commands."""
    p = _Parser(
        prog="rnn-sandbox",
        description="Build, train and watch recurrent neural networks. "
        "Without a command, the app starts.",
    )
    p.add_argument("--language", metavar="CODE",
                   help="the window's language: en, de, ja (default: the one chosen in "
                   "View → Language, else the system's)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("tasks", help="list the tasks, grouped by type")

    tr = sub.add_parser("train", help="train a network on a task")
    _network_options(tr)
    o = tr.add_argument_group("training (defaults: the task's)")
    for key in TRAINING_OPTIONS:
        _add_setting(o, key)
    length = o.add_mutually_exclusive_group()
    _add_setting(length, "training.epochs")
    length.add_argument("--steps", type=int, metavar="N", help="train N mini-batches")
    _output_options(tr)
    _seed_options(tr)

    gc = sub.add_parser("gradcheck", help="compare BPTT gradients with finite differences")
    _network_options(gc)
    gc.add_argument("--batch", type=int, default=3, metavar="N", help="samples used (3)")
    gc.add_argument(
        "--entries", type=int, default=40, metavar="N",
        help="entries checked per parameter, chosen at random (40; 0 = all)",
    )

    rs = sub.add_parser("resume", help="continue training a saved experiment")
    rs.add_argument("file", type=Path)
    rs.add_argument("--steps", type=int, required=True, metavar="N")
    rs.add_argument("--lr", type=float, metavar="RATE", help="change the learning rate")
    _output_options(rs, "write here instead of back into FILE")

    ex = sub.add_parser("export", help="export a saved experiment")
    ex.add_argument("file", type=Path)
    ex.add_argument("--torch", type=Path, metavar="OUT.py", help="PyTorch script")
    ex.add_argument("--weights", type=Path, metavar="OUT.npz", help="weights (PyTorch names)")
    ex.add_argument("--csv", type=Path, metavar="OUT.csv", help="training history")
    ex.add_argument("--index", type=int, default=0, help="first validation sample to include")

    pr = sub.add_parser("predict", help="show the network's answer for one sample")
    pr.add_argument("file", type=Path)
    pr.add_argument("--index", type=int, default=0, metavar="I")
    pr.add_argument("--split", choices=("val", "train"), default="val")

    inf = sub.add_parser("info", help="describe a saved experiment (or runs file)")
    inf.add_argument("file", type=Path)

    an = sub.add_parser(
        "animate", help="the diagram's step-through as an animation (GIF, APNG) or a PDF "
        "with one page per step")
    an.add_argument("file", type=Path)
    walk = an.add_mutually_exclusive_group()
    for name, text in (("forward", "walk the forward pass (the default)"),
                       ("backward", "walk backpropagation through time, last step first"),
                       ("both", "the forward walk, then the backward one"),
                       ("alignment", "the attention's alignment of the sample forming over "
                        "training (the run trained again from its seed)")):
        walk.add_argument(f"--{name}", dest="mode", action="store_const", const=name,
                          help=text)
    an.set_defaults(mode="forward")
    an.add_argument("--size", default=ANIMATE_SIZE, metavar="WxH",
                    help=f"picture size in pixels ({ANIMATE_SIZE})")
    an.add_argument("--seconds", type=float, default=0.8, metavar="S",
                    help="seconds each step is shown (0.8)")
    an.add_argument("--index", type=int, default=0, metavar="I",
                    help="validation sample to walk through (0)")
    an.add_argument("--out", type=Path, required=True, metavar="OUT",
                    help=".gif, animated .png or .pdf (one page per step)")

    cp = sub.add_parser(
        "compare", help="compare runs of experiment (.rnnx) and runs (.rnns) files")
    cp.add_argument("files", type=Path, nargs="+", metavar="FILE",
                    help="experiment files (one run each) and runs files")
    cp.add_argument("--png", type=Path, metavar="OUT.png", help="the overlay as a picture")
    cp.add_argument("--svg", type=Path, metavar="OUT.svg", help="the overlay as SVG")
    cp.add_argument("--csv", type=Path, metavar="OUT.csv",
                    help="the histories side by side, a column per run and quantity")
    cp.add_argument("--x", choices=("step", "seconds"), default="step",
                    help="plot against the training step (default) or wall-clock seconds")
    cp.add_argument("--size", default=COMPARE_SIZE, metavar="WxH",
                    help=f"picture size in pixels ({COMPARE_SIZE})")
    un = sub.add_parser("units", help="what the hidden units of a saved network follow")
    un.add_argument("file", type=Path)
    un.add_argument("--layer", metavar="NAME",
                    help="the state to read, e.g. l0 or l1_reverse (default: the top one)")
    un.add_argument("--samples", type=int, default=32, metavar="N",
                    help="validation samples looked at (32)")
    un.add_argument("--index", type=int, default=0, metavar="I",
                    help="validation sample drawn by --png (0)")
    un.add_argument("--unit", type=int, metavar="U",
                    help="unit the text is coloured by in --png (default: the best follower)")
    un.add_argument("--top", type=int, default=0, metavar="N",
                    help="print only the N closest followers (0 = every unit)")
    un.add_argument("--png", type=Path, metavar="OUT.png",
                    help="the text coloured by a unit beside the states' projection")
    un.add_argument("--size", default=UNITS_SIZE, metavar="WxH",
                    help=f"picture size in pixels ({UNITS_SIZE})")
    return p
