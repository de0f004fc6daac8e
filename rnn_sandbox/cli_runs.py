"""The command line's comparisons: ``rnn-sandbox compare`` and ``rnn-sandbox train --seeds``.

::

    rnn-sandbox compare a.rnnx b.rnnx runs.rnns [--png out.png] [--svg out.svg]
                        [--csv out.csv] [--x step|seconds] [--size 1280x800]
    rnn-sandbox train --task NAME … --seeds 5 [--processes K] [--save runs.rnns]

``compare`` prints the runs side by side (what differs, steps, final metric, baseline)
and writes the overlay the window shows, drawn offscreen (Qt is imported only when a
picture is asked for).  ``--seeds`` trains one setup with several seeds in parallel worker
processes and prints the final metric as mean ± spread beside the baseline, so a
difference between two setups can be weighed against the spread of one.

:mod:`rnn_sandbox.cli` hooks these in; what they need from it (its check that no output
replaces an input) is handed over, so the imports run one way.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.files import SaveRefused, atomic_write, check_writable, reads_back
from rnn_sandbox.runs.book import Run, comparison_csv, give_colours, settings_table
from rnn_sandbox.runs.file import EXTENSION as RUNS_EXTENSION
from rnn_sandbox.runs.file import load_comparison, save_runs
from rnn_sandbox.runs.seeds import MAX_SEEDS, RunJob, RunJobError, planned_steps, summary
from rnn_sandbox.session import baseline_rule

EXIT_OK = 0
EXIT_FAILED = 1
DEFAULT_SIZE = (1280, 800)

CheckOutputs = Callable[[dict[str, Path], dict[str, Path]], None]


class UsageError(Exception):
    """A bad option of ``compare`` or ``--seeds``: one line, exit code 2."""


# -- the options ----------------------------------------------------------------------------
def add_compare_parser(sub: argparse._SubParsersAction) -> None:
    """``compare`` and its options, in the command line's parser."""
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
    cp.add_argument("--size", default="x".join(map(str, DEFAULT_SIZE)), metavar="WxH",
                    help="picture size in pixels (1280x800)")


def add_seed_options(p: argparse.ArgumentParser) -> None:
    """``--seeds`` and ``--processes`` of ``train``."""
    g = p.add_argument_group("seeds")
    g.add_argument("--seeds", type=int, metavar="N",
                   help=f"train seeds SEED..SEED+N-1 in parallel (1..{MAX_SEEDS}) and report "
                   "the metric as mean ± spread; --save then writes a runs file (.rnns)")
    g.add_argument("--processes", type=int, metavar="K",
                   help="worker processes for --seeds (default: all cores)")


# -- compare --------------------------------------------------------------------------------
def cmd_compare(args: argparse.Namespace, out: TextIO, check_outputs: CheckOutputs) -> int:
    """Print the runs of ``args.files`` side by side; write the CSV and the pictures."""
    outputs = {opt: path for opt, path in (("--png", args.png), ("--svg", args.svg),
                                           ("--csv", args.csv)) if path is not None}
    for opt, path in outputs.items():
        if path.suffix.lower() != "." + opt[2:]:
            raise UsageError(f"{opt}: use a .{opt[2:]} file, not '{path}'")
    size = _size(args.size)
    check_outputs({f"the input {p}": p for p in args.files}, outputs)
    runs = load_comparison(args.files)
    for line in comparison_lines(runs):
        out.write(line + "\n")
    if args.csv is not None:
        path = write_csv(args.csv, runs)
        out.write(f"histories of {len(runs)} runs written to {path}\n")
    for opt in ("--png", "--svg"):
        if opt in outputs:
            path = _render(runs, outputs[opt], size, args.x)
            out.write(f"comparison drawn to {path} ({size[0]}x{size[1]})\n")
    return EXIT_OK


def _size(text: str) -> tuple[int, int]:
    w, sep, h = text.lower().replace("×", "x").partition("x")
    if sep and w.strip().isdigit() and h.strip().isdigit():
        return int(w), int(h)
    raise UsageError(f"--size: write the size as WIDTHxHEIGHT, like 1280x800, not '{text}'")


def _number(v: float | None) -> str:
    return "-" if v is None or not math.isfinite(v) else f"{v:.4g}"


def comparison_lines(runs: Sequence[Run]) -> list[str]:
    """A table of the runs: name, the settings that differ between them, steps, final
    metric and the baseline of each run's data."""
    keys, rows, differ = settings_table(runs)
    shown = [i for i, k in enumerate(keys) if k in differ]
    metric = next((r.metric_name for r in runs if r.metric_name), None) or "metric"
    header = ["run", "differs", "steps", f"final {metric}", "baseline"]
    table = [header]
    for run, row in zip(runs, rows, strict=True):
        what = ", ".join(f"{keys[i].rsplit('.', 1)[-1]} {row[i]}" for i in shown) or "-"
        base = "-" if run.baseline is None else (
            f"{float(run.baseline.value):.4g} ({baseline_rule(run.baseline)})")
        table.append([run.name, what, str(run.steps()), _number(run.final_metric()), base])
    widths = [max(len(r[c]) for r in table) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in table]
    if runs and not differ:
        lines.append("the runs have the same settings")
    return lines


def write_csv(path: Path, runs: Sequence[Run]) -> Path:
    """:func:`~rnn_sandbox.runs.book.comparison_csv`, written atomically and read back."""
    text = comparison_csv(runs)

    def same(written: Path) -> None:
        if written.read_bytes().decode("utf-8") != text:
            raise ValueError("the text read back differs")

    return atomic_write(path, lambda f: f.write(text.encode("utf-8")),
                        verify=reads_back(path, same))


def _render(runs: Sequence[Run], path: Path, size: tuple[int, int], x: str) -> Path:
    """Draw with the window's comparison view, offscreen when there is no display."""
    try:
        from rnn_sandbox.ui.runs.compare_view import render_comparison
    except ImportError as e:
        raise UsageError(f"--png/--svg need the app's dependencies (PySide6, pyqtgraph): "
                         f"{e}") from None
    try:
        return Path(render_comparison(runs, path, size=size, x=x))
    except ValueError as e:
        raise UsageError(str(e)) from None


# -- train --seeds ----------------------------------------------------------------------------
def cmd_train_seeds(args: argparse.Namespace, config: ExperimentConfig, out: TextIO) -> int:
    """Train ``config`` with ``args.seeds`` seeds in parallel, print each and the spread."""
    n, processes = args.seeds, args.processes
    if not 1 <= n <= MAX_SEEDS:
        raise UsageError(f"--seeds must lie between 1 and {MAX_SEEDS}")
    if processes is not None and processes < 1:
        raise UsageError("--processes must be at least 1")
    if args.steps is not None and args.steps < 1:
        raise UsageError("--steps must be at least 1")
    if args.save is not None:
        _check_save(args.save, n, config)
    try:
        steps = args.steps if args.steps is not None else planned_steps(config)
    except (ValueError, TypeError, OverflowError) as e:  # a task option it cannot use
        raise UsageError(f"the task cannot use these settings: {e}") from None
    first = config.training.seed
    seeds = list(range(first, first + n))
    processes = min(processes or os.cpu_count() or 1, n)
    net = config.network
    out.write(
        f"{config.task.name}: {net.architecture}, {net.cell} {net.hidden_size}x"
        f"{net.num_layers}{' bidirectional' if net.bidirectional else ''}, {steps} steps, "
        f"seeds {first}..{seeds[-1]} in {processes} process{'es' if processes > 1 else ''}\n"
    )
    items = []
    for seed in seeds:
        cfg = config.copy()
        cfg.training.seed = seed
        items.append((f"seed {seed}", cfg))
    job = RunJob(items, processes, group=f"{config.task.name}, seeds {first}..{seeds[-1]}",
                 steps=steps)

    def done(run: Run) -> None:
        if not args.quiet:
            sys.stderr.write(f"{run.name} done ({job.finished}/{job.total})\n")
            sys.stderr.flush()

    try:
        runs = job.wait(progress=done)
    except RunJobError as e:
        sys.stderr.write(f"error: {e}\n")
        return EXIT_FAILED
    give_colours(runs)
    for line in seed_lines(runs):
        out.write(line + "\n")
    if args.save is not None:
        _save(args.save, runs, out)
    return EXIT_OK


def _check_save(path: Path, n: int, config: ExperimentConfig) -> None:
    """Before training: a runs file for several seeds (an experiment file holds one run),
    writable, and not the data file the runs read."""
    suffix = path.suffix.lower()
    allowed = (RUNS_EXTENSION, ".rnnx") if n == 1 else (RUNS_EXTENSION,)
    if suffix not in allowed:
        raise UsageError(
            f"--save: with --seeds {n} save the runs in a {RUNS_EXTENSION} file"
            + (" (an experiment file holds one run)" if n > 1 else " or a .rnnx file")
            + f", not '{path}'"
        )
    data = config.task.options.get("path")
    if isinstance(data, str) and data.strip():
        try:
            same = Path(data).expanduser().resolve() == path.resolve()
        except OSError:
            same = False
        if same:
            raise UsageError(f"--save {path} would overwrite the data file {data}")
    try:
        check_writable(path)
    except SaveRefused as e:
        raise UsageError(f"--save: {e}") from None


def _save(path: Path, runs: Sequence[Run], out: TextIO) -> None:
    if path.suffix.lower() == RUNS_EXTENSION:
        save_runs(path, runs)
        out.write(f"{len(runs)} run{'s' if len(runs) > 1 else ''} saved to {path}\n")
    else:
        from rnn_sandbox.io import save_experiment

        save_experiment(path, runs[0].experiment())
        out.write(f"experiment saved to {path}\n")


def seed_lines(runs: Sequence[Run]) -> list[str]:
    """One line per seed, then the final metric's mean ± standard deviation (min–max),
    the baselines' mean and how far the mean is from it."""
    metric = next((r.metric_name for r in runs if r.metric_name), None) or "metric"
    lines = []
    width = max(len(r.name) for r in runs)
    for r in runs:
        seconds = r.history[-1].get("seconds") if r.history else None
        base = "" if r.baseline is None else f"  baseline {float(r.baseline.value):.4g}"
        lines.append(
            f"{r.name:<{width}}  {metric} {_number(r.final_metric())}  "
            f"loss {_number(r.final_loss())}{base}"
            + ("" if seconds is None else f"  ({seconds:.1f} s)")
        )
    s = summary(runs)
    better = "higher" if runs[0].higher_is_better else "lower"
    buf = io.StringIO()
    buf.write(f"{metric} over {int(s['n'])} seeds: {_number(s['mean'])} ± "
              f"{_number(s['std'])} (min {_number(s['min'])}, max {_number(s['max'])}; "
              f"{better} is better)")
    lines.append(buf.getvalue())
    if math.isfinite(s["baseline"]):
        rule = next(baseline_rule(r.baseline) for r in runs if r.baseline is not None)
        margin = s["margin"]
        verdict = ("as good as the baseline" if f"{abs(margin):.3g}" == "0" else
                   f"{'better' if margin > 0 else 'worse'} than the baseline by "
                   f"{abs(margin):.3g}")
        lines.append(f'baseline "{rule}": mean {_number(s["baseline"])}; the mean is '
                     f"{verdict}")
    return lines
