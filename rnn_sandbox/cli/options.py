"""The command line's options: every command's parser, the setting options made from the
schema (:mod:`rnn_sandbox.fields`), and the checks of option values that several commands
share (sizes, counts of steps)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

from rnn_sandbox.cli.errors import CliError
from rnn_sandbox.fields import SETTING, Setting
from rnn_sandbox.runs.seeds import MAX_SEEDS
from rnn_sandbox.translation import QT_TR_NOOP, columns, tr

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        # argparse names these when the parser is made, through its own gettext
        self._positionals.title = tr("positional arguments")
        self._optionals.title = tr("options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = tr("show this help message and exit")


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its headings translated and lines wrapped by the columns a
    terminal gives them: a Japanese character takes two, and a line may break between
    any two of them (Japanese leaves no spaces between words)."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        if text.isascii():
            return super()._split_lines(text, width)
        return wrap_columns(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.isascii():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_columns(" ".join(text.split()), width))


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns (a wide character takes
    two), broken at a space where there is one near the end, else between characters."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = columns(ch)
        if used + w > width and line:
            cut = line.rfind(" ")
            if cut > len(line) // 2:  # a word that began on this line moves on whole
                lines.append(line[:cut])
                line = line[cut + 1:]
            else:
                lines.append(line)
                line = ""
            used = columns(line)
        if line or ch != " ":
            line += ch
            used += w
    if line.strip():
        lines.append(line)
    return lines


# What argparse itself says on a mistake, extracted from here and translated by
# :func:`argparse_words` (argparse asks gettext for each when it says it).
ARGPARSE_WORDS = (
    QT_TR_NOOP("the following arguments are required: %s"),
    QT_TR_NOOP("one of the arguments %s is required"),
    QT_TR_NOOP("argument %(argument_name)s: %(message)s"),
    QT_TR_NOOP("unrecognized arguments: %s"),
    QT_TR_NOOP("not allowed with argument %s"),
    QT_TR_NOOP("expected one argument"),
    QT_TR_NOOP("expected at most one argument"),
    QT_TR_NOOP("expected at least one argument"),
    QT_TR_NOOP("ignored explicit argument %r"),
    QT_TR_NOOP("ambiguous option: %(option)s could match %(matches)s"),
    QT_TR_NOOP("invalid %(type)s value: %(value)r"),
    QT_TR_NOOP("invalid choice: %(value)r (choose from %(choices)s)"),
)


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """While parsing, argparse's own messages (its ``_``, gettext) come in the program's
    language: a translation of :data:`ARGPARSE_WORDS`, else argparse's English."""
    own = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: tr(text) if text in ARGPARSE_WORDS else own(text)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = own  # type: ignore[attr-defined]


def _size_help(default: str) -> str:
    return tr("picture size in pixels ({default})").format(default=default)


# -- values checked after parsing ------------------------------------------------------------
def parse_size(text: str, like: str) -> tuple[int, int]:
    """``WIDTHxHEIGHT`` (or ``W×H``) in pixels, for every command with ``--size``; ``like``
    is the command's default, shown as the example when ``text`` is not a size."""
    w, sep, h = text.lower().replace("×", "x").partition("x")
    # isdecimal: only what int() reads, and no sign
    if sep and w.strip().isdecimal() and h.strip().isdecimal():
        return int(w), int(h)
    raise CliError(tr("--size: write the size as WIDTHxHEIGHT, like {example}, not '{text}'"
                      ).format(example=like, text=text))


def at_least_one(option: str, value: int | None) -> None:
    """Refuse a count below 1 (``--steps``, ``--epochs``, ``--processes``); ``None`` is
    "not given"."""
    if value is not None and value < 1:
        raise CliError(tr("{option} must be at least 1").format(option=option))


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
        text = tr("--steps: at most {most} steps more after the {already} already trained "
                  "(files record up to {limit} steps), not {steps}") if already else tr(
            "--steps: at most {most} steps (files record up to {limit} steps), not {steps}")
        raise CliError(text.format(most=MAX_STEPS - already, already=already, limit=MAX_STEPS,
                                   steps=steps))


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
    g = p.add_argument_group(tr("network (defaults: the task's)"))
    for key in NETWORK_OPTIONS:
        _add_setting(g, key)
    t = p.add_argument_group(tr("task", "a group of options"))
    which = t.add_mutually_exclusive_group(required=True)
    which.add_argument("--task", help=tr("task name (see `rnn-sandbox tasks`)"))
    which.add_argument(
        "--setup", metavar="LINE",
        help=tr("a whole setup as one line, as Edit → Copy setup as text writes it, e.g. "
        "'long_memory;cell=rnn;hidden=32;seed=3'; the options given beside it change it"))
    for key in TASK_OPTIONS:
        _add_setting(t, key)
    t.add_argument(
        "--option", action="append", default=[], metavar="KEY=VALUE",
        help=tr("task-specific setting; VALUE is read as JSON if it parses (5, 0.1, true), "
        "else as text; may repeat"),
    )
    _add_setting(t, "training.seed")


def _output_options(p: argparse.ArgumentParser, save_help: str | None = None) -> None:
    p.add_argument(
        "--save", type=Path, metavar="FILE",
        help=save_help or tr("experiment file (.rnnx) or weights with PyTorch names (.npz)"),
    )
    p.add_argument("--quiet", action="store_true", help=tr("no progress bar"))


def _seed_options(p: argparse.ArgumentParser) -> None:
    """``--seeds`` and ``--processes`` of ``train``."""
    g = p.add_argument_group(tr("seeds", "a group of options"))
    g.add_argument("--seeds", type=int, metavar="N",
                   help=tr("train seeds SEED..SEED+N-1 in parallel (1..{most}) and report the "
                           "metric as mean ± spread; --save then writes a runs file (.rnns)"
                           ).format(most=MAX_SEEDS))
    g.add_argument("--processes", type=int, metavar="K",
                   help=tr("worker processes for --seeds (default: all cores)"))


def _language_option(p: argparse.ArgumentParser, command: bool = False) -> None:
    if command:  # beside the command's own options; the one before the command is kept
        p.add_argument("--language", metavar="CODE", default=argparse.SUPPRESS,
                       help=tr("the language of the messages: en, de, ja (default: the "
                               "system's)"))
        return
    p.add_argument("--language", metavar="CODE",
                   help=tr("the language of the window and the messages: en, de, ja "
                           "(default: the one chosen in View → Language, else the "
                           "system's)"))


def _with_language(add_parser: Any) -> Any:
    """``add_parser`` whose commands each take ``--language`` too."""
    def add(*args: Any, **kwargs: Any) -> argparse.ArgumentParser:
        p = add_parser(*args, **kwargs)
        _language_option(p, command=True)
        return p
    return add


def language_given(argv: list[str]) -> str | None:
    """The code of ``--language CODE`` (or ``--language=CODE``) anywhere before ``--``:
    read before the parser is made, so its help is already in that language."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--language" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--language="):
            return arg.partition("=")[2]
    return None


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``rnn-sandbox`` and all its commands."""
    p = _Parser(
        prog="rnn-sandbox",
        description=tr("Build, train and watch recurrent neural networks. Without a command, "
                       "the app starts."),
    )
    _language_option(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser = _with_language(sub.add_parser)  # type: ignore[method-assign]

    sub.add_parser("tasks", help=tr("list the tasks, grouped by type"))

    tn = sub.add_parser("train", help=tr("train a network on a task"))
    _network_options(tn)
    o = tn.add_argument_group(tr("training (defaults: the task's)"))
    for key in TRAINING_OPTIONS:
        _add_setting(o, key)
    length = o.add_mutually_exclusive_group()
    _add_setting(length, "training.epochs")
    length.add_argument("--steps", type=int, metavar="N", help=tr("train N mini-batches"))
    _output_options(tn)
    _seed_options(tn)

    gc = sub.add_parser("gradcheck", help=tr("compare BPTT gradients with finite differences"))
    _network_options(gc)
    gc.add_argument("--batch", type=int, default=3, metavar="N", help=tr("samples used (3)"))
    gc.add_argument(
        "--entries", type=int, default=40, metavar="N",
        help=tr("entries checked per parameter, chosen at random (40; 0 = all)"),
    )

    rs = sub.add_parser("resume", help=tr("continue training a saved experiment"))
    rs.add_argument("file", type=Path)
    rs.add_argument("--steps", type=int, required=True, metavar="N")
    rs.add_argument("--lr", type=float, metavar="RATE", help=tr("change the learning rate"))
    _output_options(rs, tr("write here instead of back into FILE"))

    ex = sub.add_parser("export", help=tr("export a saved experiment"))
    ex.add_argument("file", type=Path)
    ex.add_argument("--torch", type=Path, metavar="OUT.py", help=tr("PyTorch script"))
    ex.add_argument("--weights", type=Path, metavar="OUT.npz",
                    help=tr("weights (PyTorch names)"))
    ex.add_argument("--csv", type=Path, metavar="OUT.csv", help=tr("training history"))
    ex.add_argument("--index", type=int, default=0,
                    help=tr("first validation sample to include"))

    pr = sub.add_parser("predict", help=tr("show the network's answer for one sample"))
    pr.add_argument("file", type=Path)
    pr.add_argument("--index", type=int, default=0, metavar="I")
    pr.add_argument("--split", choices=("val", "train"), default="val")

    inf = sub.add_parser("info", help=tr("describe a saved experiment (or runs file)"))
    inf.add_argument("file", type=Path)

    an = sub.add_parser(
        "animate", help=tr("the diagram's step-through as an animation (GIF, APNG) or a PDF "
        "with one page per step"))
    an.add_argument("file", type=Path)
    walk = an.add_mutually_exclusive_group()
    for name, text in (("forward", tr("walk the forward pass (the default)")),
                       ("backward", tr("walk backpropagation through time, last step first")),
                       ("both", tr("the forward walk, then the backward one")),
                       ("alignment", tr("the attention's alignment of the sample forming over "
                                        "training (the run trained again from its seed)"))):
        walk.add_argument(f"--{name}", dest="mode", action="store_const", const=name,
                          help=text)
    an.set_defaults(mode="forward")
    an.add_argument("--size", default=ANIMATE_SIZE, metavar="WxH",
                    help=_size_help(ANIMATE_SIZE))
    an.add_argument("--seconds", type=float, default=0.8, metavar="S",
                    help=tr("seconds each step is shown (0.8)"))
    an.add_argument("--index", type=int, default=0, metavar="I",
                    help=tr("validation sample to walk through (0)"))
    an.add_argument("--out", type=Path, required=True, metavar="OUT",
                    help=tr(".gif, animated .png or .pdf (one page per step)"))

    cp = sub.add_parser(
        "compare", help=tr("compare runs of experiment (.rnnx) and runs (.rnns) files"))
    cp.add_argument("files", type=Path, nargs="+", metavar="FILE",
                    help=tr("experiment files (one run each) and runs files"))
    cp.add_argument("--png", type=Path, metavar="OUT.png", help=tr("the overlay as a picture"))
    cp.add_argument("--svg", type=Path, metavar="OUT.svg", help=tr("the overlay as SVG"))
    cp.add_argument("--csv", type=Path, metavar="OUT.csv",
                    help=tr("the histories side by side, a column per run and quantity"))
    cp.add_argument("--x", choices=("step", "seconds"), default="step",
                    help=tr("plot against the training step (default) or wall-clock seconds"))
    cp.add_argument("--size", default=COMPARE_SIZE, metavar="WxH",
                    help=_size_help(COMPARE_SIZE))
    un = sub.add_parser("units", help=tr("what the hidden units of a saved network follow"))
    un.add_argument("file", type=Path)
    un.add_argument("--layer", metavar="NAME",
                    help=tr("the state to read, e.g. l0 or l1_reverse (default: the top one)"))
    un.add_argument("--samples", type=int, default=32, metavar="N",
                    help=tr("validation samples looked at (32)"))
    un.add_argument("--index", type=int, default=0, metavar="I",
                    help=tr("validation sample drawn by --png (0)"))
    un.add_argument("--unit", type=int, metavar="U",
                    help=tr("unit the text is coloured by in --png (default: the best follower)"))
    un.add_argument("--top", type=int, default=0, metavar="N",
                    help=tr("print only the N closest followers (0 = every unit)"))
    un.add_argument("--png", type=Path, metavar="OUT.png",
                    help=tr("the text coloured by a unit beside the states' projection"))
    un.add_argument("--size", default=UNITS_SIZE, metavar="WxH",
                    help=_size_help(UNITS_SIZE))
    return p
