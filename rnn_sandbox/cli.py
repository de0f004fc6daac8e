"""The ``rnn-sandbox`` command: the app without arguments, scripting with sub-commands.

::

    rnn-sandbox [FILE.rnnx]                      start the app (opening FILE)
    rnn-sandbox tasks                            list the tasks by type
    rnn-sandbox train --task NAME [options]      train, optionally --save run.rnnx / run.npz
    rnn-sandbox gradcheck --task NAME [network options]
    rnn-sandbox resume FILE --steps N [--save FILE]
    rnn-sandbox export FILE --torch OUT.py [--weights OUT.npz] [--csv history.csv]
    rnn-sandbox predict FILE [--index i]
    rnn-sandbox info FILE
    rnn-sandbox animate FILE [--forward|--backward|--both] --out OUT.gif|.png|.pdf
    rnn-sandbox compare FILE… [--png OUT.png] [--svg OUT.svg] [--csv OUT.csv]
    rnn-sandbox train --task NAME --seeds N [--processes K] [--save runs.rnns]

Bad settings end with a one-line message and exit code 2, never a traceback.  Nothing
here imports Qt unless the app itself is started.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rnn_sandbox.session import Experiment

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but the result is bad (diverged, gradient check failed)
EXIT_USAGE = 2  # bad settings or an unreadable file

GRADCHECK_TOLERANCE = 1e-6


class CliError(Exception):
    """A one-line message for the person at the terminal; exit code 2."""


# -- argument parsing ---------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` decides the exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{self.prog}: {message}")


def _add_setting(g: Any, key: str) -> None:
    """The option of one setting, as the schema declares it (name, help, type, choices)."""
    from rnn_sandbox.fields import SETTING

    s = SETTING[key]
    flag, help_text = f"--{s.cli}", s.describe(while_training=False)
    if s.kind == "bool":
        g.add_argument(flag, action="store_true", default=None, dest=_dest(s), help=help_text)
    elif s.kind == "choice":
        g.add_argument(flag, choices=s.choices, dest=_dest(s), help=help_text)
    else:
        g.add_argument(flag, type=int if s.kind == "int" else float, metavar=s.metavar,
                       dest=_dest(s), help=help_text)


def _dest(s: Any) -> str:
    return s.cli.replace("-", "_")


# Which settings each group of options offers, in the order they are listed; the options
# themselves come from the schema (rnn_sandbox.fields).
NETWORK_OPTIONS = ("network.hidden_size", "network.num_layers", "network.bidirectional",
                   "network.cell", "network.nonlinearity", "network.init",
                   "network.spectral_radius", "network.dtype")
TASK_OPTIONS = ("task.seq_len", "task.n_samples")
TRAINING_OPTIONS = ("training.learning_rate", "training.optimizer", "training.momentum",
                    "training.batch_size", "training.clip_norm", "training.bptt_truncation")


def _network_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("network (defaults: the task's)")
    for key in NETWORK_OPTIONS:
        _add_setting(g, key)
    t = p.add_argument_group("task")
    t.add_argument("--task", required=True, help="task name (see `rnn-sandbox tasks`)")
    for key in TASK_OPTIONS:
        _add_setting(t, key)
    t.add_argument(
        "--option", action="append", default=[], metavar="KEY=VALUE",
        help="task-specific setting; VALUE is read as JSON if it parses (5, 0.1, true), "
        "else as text; may repeat",
    )
    _add_setting(t, "training.seed")


def build_parser() -> argparse.ArgumentParser:
    from rnn_sandbox import cli_runs

    p = _Parser(
        prog="rnn-sandbox",
        description="Build, train and watch recurrent neural networks. "
        "Without a command, the app starts.",
    )
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
    cli_runs.add_seed_options(tr)

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

    inf = sub.add_parser("info", help="describe a saved experiment")
    inf.add_argument("file", type=Path)

    an = sub.add_parser(
        "animate", help="the diagram's step-through as an animation (GIF, APNG) or a PDF "
        "with one page per step")
    an.add_argument("file", type=Path)
    walk = an.add_mutually_exclusive_group()
    for name, text in (("forward", "walk the forward pass (the default)"),
                       ("backward", "walk backpropagation through time, last step first"),
                       ("both", "the forward walk, then the backward one")):
        walk.add_argument(f"--{name}", dest="mode", action="store_const", const=name,
                          help=text)
    an.set_defaults(mode="forward")
    an.add_argument("--size", default="1280x720", metavar="WxH",
                    help="picture size in pixels (1280x720)")
    an.add_argument("--seconds", type=float, default=0.8, metavar="S",
                    help="seconds each step is shown (0.8)")
    an.add_argument("--index", type=int, default=0, metavar="I",
                    help="validation sample to walk through (0)")
    an.add_argument("--out", type=Path, required=True, metavar="OUT",
                    help=".gif, animated .png or .pdf (one page per step)")

    cli_runs.add_compare_parser(sub)
    return p


def _output_options(p: argparse.ArgumentParser, save_help: str | None = None) -> None:
    p.add_argument(
        "--save", type=Path, metavar="FILE",
        help=save_help or "experiment file (.rnnx) or weights with PyTorch names (.npz)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")


# -- building the experiment ---------------------------------------------------------------
def parse_option(text: str) -> tuple[str, Any]:
    """``key=value`` with the value read as JSON when it is JSON, else kept as text."""
    from rnn_sandbox.config import MAX_OPTION_DEPTH

    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise CliError(f"--option expects KEY=VALUE, got '{text[:80]}'")
    if _nesting(raw) > MAX_OPTION_DEPTH:  # measured first: parsing deep JSON recurses
        raise CliError(f"--option {key}: nested more than {MAX_OPTION_DEPTH} levels deep")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return key, value


def _nesting(text: str) -> int:
    """The deepest nesting of brackets in ``text`` outside JSON strings."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def config_from_args(args: argparse.Namespace):
    """The task's default configuration with the command line's changes, validated."""
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.fields import SETTINGS
    from rnn_sandbox.tasks import TaskError, get_task

    task = get_task(args.task)
    cfg = task.default_config()
    t, n = cfg.task, cfg.network
    for key, value in map(parse_option, args.option):
        t.options[key] = value
    for s in SETTINGS:  # the options this command offers that were given
        value = getattr(args, _dest(s), None) if s.cli else None
        if value is not None:
            setattr(getattr(cfg, s.section), s.name, value)
    try:
        task.apply_shape(n, t)
    except (ValueError, TypeError, KeyError) as e:
        if isinstance(e, ConfigError | TaskError):
            raise
        raise CliError(f"the task cannot use these settings: {e}") from None
    cfg.validate()
    return cfg


def _experiment(cfg) -> Experiment:
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import TaskError

    try:
        return Experiment(cfg)
    except (ConfigError, TaskError):
        raise
    except (ValueError, TypeError, OverflowError) as e:  # a task option it cannot use
        raise CliError(f"the task cannot use these settings: {e}") from None


def _load(path: Path) -> Experiment:
    from rnn_sandbox.io import load_experiment

    return load_experiment(path)


# -- progress and training -------------------------------------------------------------------
class Progress:
    """A text progress bar on ``stream``.

    On a terminal one line is redrawn at most ten times a second; into a file or pipe a
    new line is written every tenth of the way, so logs stay readable.
    """

    def __init__(self, total: int, stream: TextIO, enabled: bool = True, width: int = 28):
        self.total, self.stream, self.enabled, self.width = max(total, 1), stream, enabled, width
        isatty = getattr(stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self._last_time = 0.0
        self._last_tenth = -1
        self._drawn = 0

    def update(self, done: int, loss: float) -> None:
        if not self.enabled or done == self._drawn:
            return
        frac = min(done / self.total, 1.0)
        if self.tty:
            now = time.monotonic()
            if now - self._last_time < 0.1 and done < self.total:
                return
            self._last_time = now
        else:
            tenth = int(frac * 10)
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
        self._drawn = done
        filled = int(round(frac * self.width))
        bar = "#" * filled + "." * (self.width - filled)
        line = f"[{bar}] {frac:4.0%} step {done}/{self.total}  loss {loss:.4g}"
        self.stream.write(f"\r{line}" if self.tty else f"{line}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def train_steps(exp: Experiment, steps: int, quiet: bool) -> None:
    """Run ``steps`` steps with a progress bar, validating about twenty times on the way."""
    import numpy as np

    from rnn_sandbox.engine import TrainingDiverged

    bar = Progress(steps, sys.stderr, enabled=not quiet)
    every = max(1, steps // 20)
    loss = math.nan
    try:
        # Overflow on the way to a divergence is reported once, as TrainingDiverged.
        with np.errstate(over="ignore", invalid="ignore"):
            run = enumerate(exp.trainer.run(steps=steps, validate_every=every), 1)
            for i, snap in run:
                loss = snap.train_loss
                bar.update(i, loss)
    except TrainingDiverged as e:
        bar.close()
        raise _Diverged(str(e)) from None
    bar.close()


class _Diverged(Exception):
    pass


def steps_for_epochs(exp: Experiment, epochs: int) -> int:
    return epochs * exp.steps_per_epoch()


def _train_loss(exp: Experiment, max_samples: int = 2000) -> float:
    """Loss on (up to ``max_samples`` of) the training set, with the current weights."""
    train = exp.trainer.data.train
    if len(train) > max_samples:
        train = train.subset(slice(0, max_samples))
    out = exp.network.forward(train.x, train.mask, y=train.y, y_mask=train.y_mask)
    return float(exp.network.loss(out, train.y, train.mask, train.y_mask)[0])


def report(exp: Experiment, out: TextIO) -> None:
    """Step, losses, then every metric beside its baseline; the task's main metric last."""
    val_loss, _ = exp.trainer.evaluate()
    k = exp.trainer.step_count
    out.write(f"step {k} ({k / steps_for_epochs(exp, 1):.3g} epochs)\n")
    out.write(f"train loss {_train_loss(exp):.6g}\n")
    out.write(f"val loss   {val_loss:.6g}\n")
    for line in score_lines(exp):
        out.write(line + "\n")


def score_lines(exp: Experiment) -> list[str]:
    """The task's further numbers, then its metric, on the whole validation set and each
    beside its baseline (scored by the same metric, in the same words as the window's)."""
    from rnn_sandbox.session import Score, baseline_for

    task, data = exp.task, exp.trainer.data
    outputs = exp.trainer.predict(data.val)
    baselines = task.baselines(data)
    extras = task.extra_metrics(outputs, data.val)
    lines = [Score(m, baseline_for(m.name, baselines)).text() for m in extras]
    return [*lines, Score(task.metric(outputs, data.val), task.baseline(data)).text()]


def save(exp: Experiment, path: Path, out: TextIO) -> None:
    from rnn_sandbox.io import export_weights, save_experiment

    suffix = path.suffix.lower()
    if suffix == ".npz":
        export_weights(path, exp.network)
        out.write(f"weights saved to {path} (PyTorch state_dict names)\n")
    elif suffix == ".rnnx":
        save_experiment(path, exp)
        out.write(f"experiment saved to {path}\n")
    else:
        raise CliError(f"--save: use a .rnnx (experiment) or .npz (weights) file, not '{path}'")


# -- commands --------------------------------------------------------------------------------
def cmd_tasks(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.tasks import TASK_TYPES, all_tasks

    tasks = all_tasks()
    width = max((len(t.name) for t in tasks), default=0)
    for kind, title in TASK_TYPES.items():
        group = [t for t in tasks if t.kind == kind]
        if not group:
            continue
        out.write(f"{title}\n")
        for t in group:
            out.write(f"  {t.name:<{width}}  {t.title} — {t.summary}\n")
    return EXIT_OK


def _check_target(path: Path | None, option: str = "--save") -> None:
    """Refuse a file we could not write before training, not after: a wrong kind, or a
    place where no file can be created (tried, so permissions and read-only disks show)."""
    from rnn_sandbox.files import SaveRefused, check_writable

    if path is None:
        return
    if option == "--save" and path.suffix.lower() not in (".npz", ".rnnx"):
        raise CliError(f"--save: use a .rnnx (experiment) or .npz (weights) file, not '{path}'")
    try:
        check_writable(path)
    except SaveRefused as e:
        raise CliError(f"{option}: {e}") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _check_outputs(inputs: dict[str, Path], outputs: dict[str, Path]) -> None:
    """Every output of a command is writable, and none replaces an input of the same
    command or another of its outputs."""
    seen: dict[str, Path] = dict(inputs)
    for option, path in outputs.items():
        for other, earlier in seen.items():
            if _same_file(path, earlier):
                raise CliError(f"{option} {path} would overwrite {other} {earlier}")
        _check_target(path, option)
        seen[option] = path


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "seeds", None) is not None:
        return cmd_train_seeds(args, out)
    _check_target(args.save)
    for name in ("steps", "epochs"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise CliError(f"--{name} must be at least 1")
    cfg = config_from_args(args)
    data_path = cfg.task.options.get("path")
    if args.save is not None and isinstance(data_path, str) and data_path.strip():
        _check_outputs({"the data file": Path(data_path).expanduser()}, {"--save": args.save})
    exp = _experiment(cfg)
    steps = args.steps if args.steps is not None else steps_for_epochs(exp, cfg.training.epochs)
    net = exp.network
    out.write(
        f"{exp.task.name}: {net.config.architecture}, {net.config.cell} "
        f"{net.config.hidden_size}x{net.config.num_layers}"
        f"{' bidirectional' if net.config.bidirectional else ''}, "
        f"{net.num_parameters()} parameters, {steps} steps\n"
    )
    code = _train_and_report(exp, steps, args.quiet, out)
    if args.save is not None:
        save(exp, args.save, out)
    return code


def _train_and_report(exp: Experiment, steps: int, quiet: bool, out: TextIO) -> int:
    try:
        train_steps(exp, steps, quiet)
    except _Diverged as e:
        sys.stderr.write(f"error: training diverged: {e}\n")
        return EXIT_FAILED
    report(exp, out)
    return EXIT_OK


def cmd_gradcheck(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.engine import gradcheck

    if args.batch < 1 or args.entries < 0:
        raise CliError("--batch must be at least 1 and --entries at least 0")
    args.dtype = "float64"  # finite differences need double precision
    cfg = config_from_args(args)
    exp = _experiment(cfg)
    val = exp.trainer.data.val
    sample = val.subset(slice(0, min(args.batch, len(val))))
    result = gradcheck(
        exp.network, sample.x, sample.y, sample.mask, sample.y_mask,
        max_entries=args.entries or None, seed=cfg.training.seed,
    )
    width = max(len(k) for k in result.errors)
    for name, err in result.errors.items():
        out.write(f"{name:<{width}}  {err:.3e}\n")
    ok = result.worst <= GRADCHECK_TOLERANCE
    out.write(
        f"worst: {result.worst_name} {result.worst:.3e} "
        f"({'ok' if ok else 'FAILED'}, tolerance {GRADCHECK_TOLERANCE:g})\n"
    )
    return EXIT_OK if ok else EXIT_FAILED


def cmd_resume(args: argparse.Namespace, out: TextIO) -> int:
    if args.steps < 1:
        raise CliError("--steps must be at least 1")
    target = args.save if args.save is not None else args.file
    _check_target(target)
    exp = _load(args.file)
    if args.lr is not None:
        from rnn_sandbox.fields import SETTING

        reason = SETTING["training.learning_rate"].check(args.lr)
        if reason is not None:
            raise CliError(f"--lr {reason}")
        exp.trainer.learning_rate = args.lr
    out.write(f"{exp.task.name}: resuming at step {exp.trainer.step_count}\n")
    code = _train_and_report(exp, args.steps, args.quiet, out)
    if code == EXIT_OK:
        save(exp, target, out)
    return code


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.io import export_history_csv, export_torch, export_weights
    from rnn_sandbox.io.export import torch_weights_path

    if args.torch is None and args.weights is None and args.csv is None:
        raise CliError("export: say what to write: --torch OUT.py, --weights OUT.npz, --csv")
    outputs = {"--torch": args.torch, "--weights": args.weights, "--csv": args.csv}
    if args.torch is not None and args.weights is None:  # where export_torch puts them
        outputs["the weights file"] = torch_weights_path(args.torch)
    keep = {"the experiment": args.file}
    _check_outputs(keep, {k: v for k, v in outputs.items() if v is not None})
    exp = _load(args.file)
    if args.torch is not None:
        try:
            script, weights = export_torch(
                exp, args.torch, args.weights, index=args.index, keep=keep
            )
        except IndexError as e:
            raise CliError(f"--index: {e}") from None
        except ValueError as e:
            raise CliError(str(e)) from None
        out.write(f"PyTorch script written to {script}, weights and sample to {weights}\n")
        out.write(f"run it with: python {script}\n")
    elif args.weights is not None:
        export_weights(args.weights, exp.network)
        out.write(f"weights written to {args.weights}\n")
    if args.csv is not None:
        export_history_csv(args.csv, exp.trainer.history)
        out.write(f"history ({len(exp.trainer.history)} steps) written to {args.csv}\n")
    return EXIT_OK


def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    exp = _load(args.file)
    data = getattr(exp.trainer.data, args.split)
    if not 0 <= args.index < len(data):
        raise CliError(f"--index must lie in 0..{len(data) - 1} for the {args.split} set")
    sample = data.subset(slice(args.index, args.index + 1))
    outputs = exp.trainer.predict(sample)[0]
    out.write(exp.task.render_prediction(exp.trainer.data, args.index, outputs, args.split))
    out.write("\n")
    return EXIT_OK


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    """What the file says (settings, progress, last losses), then whether it loads."""
    from rnn_sandbox.config import ConfigError, ExperimentConfig
    from rnn_sandbox.io import ExperimentFileError
    from rnn_sandbox.io.experiment_file import (
        experiment_from_bytes,
        has_stored_data,
        header_from_bytes,
        named,
        read_file,
    )
    from rnn_sandbox.session import epoch_text

    data = read_file(args.file)  # read once: the checks below all see the same bytes
    header = named(args.file, header_from_bytes, data)
    try:
        c = ExperimentConfig.from_dict(header.get("config"))
    except ConfigError as e:
        raise ExperimentFileError(f"{args.file.name}: invalid settings: {e}") from None
    n, tr = c.network, c.training
    trainer = header.get("trainer") if isinstance(header.get("trainer"), dict) else {}
    saved_at = header.get("saved_at")
    out.write(f"file        {args.file}\n")
    out.write(
        f"format      {header.get('format_version')} "
        f"(written by RNN Sandbox {header.get('app_version', '?')}"
        f"{', ' + saved_at if isinstance(saved_at, str) else ''})\n"
    )
    out.write(f"task        {c.task.name}, {c.task.n_samples} samples of {c.task.seq_len} steps, "
              f"seed {tr.seed}\n")
    if c.task.options:
        out.write(f"options     {json.dumps(c.task.options, sort_keys=True)}\n")
    out.write(
        f"network     {n.architecture}, {n.cell}"
        f"{' ' + n.nonlinearity if n.cell == 'rnn' else ''}, hidden {n.hidden_size}, "
        f"layers {n.num_layers}{', bidirectional' if n.bidirectional else ''}, "
        f"{n.input_size} in / {n.output_size} out, {n.loss} loss, {n.dtype}\n"
    )
    out.write(
        f"training    {tr.optimizer} lr {tr.learning_rate:g}, batch {tr.batch_size}, "
        f"clip {tr.clip_norm:g}, bptt {tr.bptt_truncation or 'full'}\n"
    )
    step, epoch = trainer.get("step"), trainer.get("epoch")
    if isinstance(step, int) and isinstance(epoch, int):  # as the window counts them
        out.write(f"progress    step {step}, {epoch_text(step, epoch, tr.epochs)}\n")
    else:
        out.write(f"progress    step {step or '?'}, epoch {epoch or '?'}\n")
    exp = named(args.file, experiment_from_bytes, data)  # the full check
    history = exp.trainer.history
    if history:
        out.write(f"last loss   {history[-1]['train_loss']:.6g} (training batch)\n")
        vals = [h for h in history if not math.isnan(h["val_loss"])]
        if vals:
            v = vals[-1]
            out.write(f"last val    loss {v['val_loss']:.6g} at step {v['step']}")
            if not math.isnan(v["val_metric"]):
                out.write(f", metric {v['val_metric']:.6g}")
            out.write("\n")
    out.write(f"parameters  {exp.network.num_parameters()}"
              f"{', data stored in the file' if has_stored_data(data) else ''}\n")
    for line in score_lines(exp):  # the saved weights now, beside the baselines
        out.write(line + "\n")
    return EXIT_OK


def _size(text: str) -> tuple[int, int]:
    w, sep, h = text.lower().replace("×", "x").partition("x")
    try:
        if sep:
            return int(w), int(h)
    except ValueError:
        pass
    raise CliError(f"--size: write the size as WIDTHxHEIGHT, like 1280x720, not '{text}'")


def cmd_animate(args: argparse.Namespace, out: TextIO) -> int:
    """Render the step-through without a window (Qt's offscreen platform if no display)."""

    size = _size(args.size)
    if not 0.01 <= args.seconds <= 60:
        raise CliError("--seconds must lie between 0.01 and 60")
    if args.out.suffix.lower() not in (".gif", ".png", ".pdf"):
        raise CliError(f"--out: use a .gif, .png (animated) or .pdf file, not '{args.out}'")
    _check_outputs({"the experiment": args.file}, {"--out": args.out})
    exp = _load(args.file)
    n_val = len(exp.dataset.val)
    if not 0 <= args.index < n_val:
        raise CliError(f"--index must lie in 0..{n_val - 1}")
    try:
        from rnn_sandbox.ui import animation, offscreen
    except ImportError as e:
        raise CliError(f"animate needs the app's dependencies (PySide6, Pillow): {e}") from None
    offscreen.application()
    widget = animation.diagram_for(exp, args.index)
    try:
        frames = animation.render_frames(widget, args.mode, size)
        path = animation.write_animation(frames, args.out, args.seconds)
    except ValueError as e:
        raise CliError(str(e)) from None
    finally:
        widget.deleteLater()
    out.write(f"{len(frames)} frames ({args.mode} walk) written to {path}\n")
    return EXIT_OK


def cmd_train_seeds(args: argparse.Namespace, out: TextIO) -> int:
    """``train --seeds N``: in :mod:`rnn_sandbox.cli_runs`."""
    from rnn_sandbox import cli_runs

    try:
        return cli_runs.cmd_train_seeds(args, config_from_args(args), out)
    except cli_runs.UsageError as e:
        raise CliError(str(e)) from None


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    """``compare``: in :mod:`rnn_sandbox.cli_runs`, with this module's output checks."""
    from rnn_sandbox import cli_runs

    try:
        return cli_runs.cmd_compare(args, out, _check_outputs)
    except cli_runs.UsageError as e:
        raise CliError(str(e)) from None


def start_gui(files: Sequence[str] = ()) -> int:
    """Import the app only now, so the command line works without Qt installed.

    ``files``: an experiment file to open in the app."""
    try:
        from rnn_sandbox.ui import app
    except ImportError as e:
        sys.stderr.write(
            f"error: the graphical app cannot start ({e}). Install the project with its "
            "dependencies (PySide6, pyqtgraph), or use a command: rnn-sandbox --help\n"
        )
        return EXIT_FAILED
    result = app.main(list(files))
    return int(result) if isinstance(result, int) else EXIT_OK


COMMANDS = {
    "tasks": cmd_tasks,
    "train": cmd_train,
    "gradcheck": cmd_gradcheck,
    "resume": cmd_resume,
    "export": cmd_export,
    "predict": cmd_predict,
    "info": cmd_info,
    "animate": cmd_animate,
    "compare": cmd_compare,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``rnn-sandbox`` and ``python -m rnn_sandbox``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) == 1 and argv[0].lower().endswith(".rnnx"):
        return start_gui(argv)  # `rnn-sandbox run.rnnx` opens the file in the app
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as e:  # --help and --version print and exit 0
            return int(e.code or 0)
        if args.command is None:
            return start_gui()
        return COMMANDS[args.command](args, sys.stdout)
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except Exception as e:
        message = _one_line_error(e)
        if message is None:
            raise
        sys.stderr.write(f"error: {message}\n")
        return EXIT_USAGE


def _one_line_error(e: Exception) -> str | None:
    """The message for errors a person caused (settings, files); ``None`` for bugs."""
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.io import ExperimentFileError
    from rnn_sandbox.tasks import TaskError

    if isinstance(e, CliError | ConfigError | TaskError | ExperimentFileError):
        return str(e)
    if isinstance(e, NotImplementedError):
        return str(e) or "not available yet"
    if isinstance(e, OSError):
        return f"{getattr(e, 'filename', None) or ''}: {e.strerror or e}".lstrip(": ")
    return None


if __name__ == "__main__":
    sys.exit(main())
