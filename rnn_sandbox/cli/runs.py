"""The commands on several runs: ``compare`` and ``train --seeds``.

::

    rnn-sandbox compare a.rnnx b.rnnx runs.rnns [--png out.png] [--svg out.svg]
                        [--csv out.csv] [--x step|seconds] [--size 1280x800]
    rnn-sandbox train --task NAME … --seeds 5 [--processes K] [--save runs.rnns]

``compare`` prints the runs side by side (what differs, steps, final metric, baseline)
and writes the overlay the window shows, drawn offscreen (Qt is imported only when a
picture is asked for).  ``--seeds`` trains one setup with several seeds in parallel worker
processes and prints the final metric as mean ± spread beside the baseline, so a
difference between two setups can be weighed against the spread of one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rnn_sandbox.cli.commands import said
from rnn_sandbox.cli.configuration import config_from_args
from rnn_sandbox.cli.errors import EXIT_FAILED, EXIT_OK, CliError, error_line
from rnn_sandbox.cli.options import (
    COMPARE_SIZE,
    at_least_one,
    check_length,
    check_steps,
    parse_size,
)
from rnn_sandbox.cli.outputs import check_outputs, check_runs_save, save_runs, write_csv
from rnn_sandbox.cli.reports import comparison_lines, network_words, seed_lines
from rnn_sandbox.config import ConfigError
from rnn_sandbox.files import stamp
from rnn_sandbox.runs.book import Run, give_colours
from rnn_sandbox.runs.file import load_comparison
from rnn_sandbox.runs.seeds import MAX_SEEDS, RunJob, RunJobError, planned_steps
from rnn_sandbox.translation import tr
from rnn_sandbox.wording import printable

if TYPE_CHECKING:
    from rnn_sandbox.config import ExperimentConfig


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    """Print the runs of ``args.files`` side by side; write the CSV and the pictures."""
    outputs = {opt: path for opt, path in (("--png", args.png), ("--svg", args.svg),
                                           ("--csv", args.csv)) if path is not None}
    for opt, path in outputs.items():
        if path.suffix.lower() != "." + opt[2:]:
            raise CliError(tr("{option}: use a .{kind} file, not '{file}'").format(
                option=opt, kind=opt[2:], file=path))
    size = parse_size(args.size, like=COMPARE_SIZE)
    check_outputs({tr("the input {file}").format(file=p): p for p in args.files}, outputs)
    runs = load_comparison(args.files)
    written = []  # every file first: a failed print loses nothing
    if args.csv is not None:
        path = write_csv(args.csv, runs)
        written.append(tr("histories of %n run(s) written to {file}", n=len(runs)).format(
            file=printable(path)))
    for opt in ("--png", "--svg"):
        if opt in outputs:
            path = _render(runs, outputs[opt], size, args.x)
            written.append(tr("comparison drawn to {file} ({width}x{height})").format(
                file=printable(path), width=size[0], height=size[1]))
    for line in [*comparison_lines(runs), *written]:
        out.write(line + "\n")
    return EXIT_OK


def _render(runs: Sequence[Run], path: Path, size: tuple[int, int], x: str) -> Path:
    """Draw with the window's comparison view, offscreen when there is no display."""
    try:
        from rnn_sandbox.ui.runs.compare_view import render_comparison
    except ImportError as e:
        raise CliError(tr("--png/--svg need the app's dependencies (PySide6, pyqtgraph): "
                          "{reason}").format(reason=e)) from None
    try:
        return Path(render_comparison(runs, path, size=size, x=x))
    except ValueError as e:
        raise CliError(str(e)) from None


def _processes_that_fit(config: ExperimentConfig, n: int, wanted: int) -> tuple[int, str]:
    """As many of the ``wanted`` processes as the memory holds, and the estimate's line;
    settings of which not even one run fits are refused."""
    from rnn_sandbox.engine.budget import available_memory, estimate, seeds_plan, size_text

    have = available_memory()
    processes, refused = seeds_plan(config, n, wanted, have)
    if refused is not None:
        raise CliError(refused)
    each = estimate(config, timed=True).text()
    if processes < wanted:
        note = tr("each {estimate} ({memory} available: {processes} at a time, not {wanted})")
    else:
        note = tr("each {estimate} ({memory} available)")
    return processes, note.format(estimate=each, memory=size_text(have), processes=processes,
                                  wanted=wanted)


def cmd_train_seeds(args: argparse.Namespace, out: TextIO) -> int:
    """Train the setup with ``args.seeds`` seeds in parallel, print each and the spread."""
    config = config_from_args(args)
    n, processes = args.seeds, args.processes
    if not 1 <= n <= MAX_SEEDS:
        raise CliError(tr("--seeds must lie between 1 and {most}").format(most=MAX_SEEDS))
    at_least_one("--processes", processes)
    check_length(args)
    if args.save is not None:
        check_runs_save(args.save, n, config.task.options.get("path"))
    since = stamp(args.save) if args.save is not None else None
    try:
        steps = args.steps if args.steps is not None else planned_steps(config)
    except (ValueError, TypeError, OverflowError) as e:  # a task option it cannot use
        raise CliError(tr("the task cannot use these settings: {reason}").format(
            reason=e)) from None
    check_steps(steps)
    first = config.training.seed
    seeds = list(range(first, first + n))
    items = []
    for seed in seeds:  # every seed checked before anything starts
        cfg = config.copy()
        cfg.training.seed = seed
        try:
            cfg.validate()
        except ConfigError as e:
            raise CliError(tr("--seeds {n} from --seed {first}: seed {seed}: {reason}").format(
                n=n, first=first, seed=seed, reason=e)) from None
        items.append((tr("seed {seed}").format(seed=seed), cfg))
    processes, note = _processes_that_fit(config, n, min(processes or os.cpu_count() or 1, n))
    out.write(tr("{task}: {network}, %n step(s), seeds {first}..{last} in {processes}; {note}",
                 n=steps).format(task=config.task.name, network=network_words(config),
                                 first=first, last=seeds[-1], note=note,
                                 processes=tr("%n process(es)", n=processes)) + "\n")
    group = tr("{task}, seeds {first}..{last}").format(task=config.task.name, first=first,
                                                        last=seeds[-1])
    job = RunJob(items, processes, group=group, steps=steps)

    def done(run: Run) -> None:
        if not args.quiet:
            sys.stderr.write(tr("{run} done ({finished}/{total})").format(
                run=printable(run.name), finished=job.finished, total=job.total) + "\n")
            sys.stderr.flush()

    try:
        runs = job.wait(progress=done)
    except RunJobError as e:
        sys.stderr.write(error_line(printable(e)))
        return EXIT_FAILED
    give_colours(runs)
    saved = save_runs(args.save, runs, since) if args.save is not None else None  # first
    for line in seed_lines(runs):
        out.write(line + "\n")
    return EXIT_OK if saved is None else said(saved, EXIT_OK, out)
