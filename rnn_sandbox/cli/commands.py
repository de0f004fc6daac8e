"""The commands on one experiment: ``tasks``, ``train`` (one seed), ``gradcheck``,
``resume``, ``export``, ``predict``, ``info`` and ``animate``.

Each takes the parsed arguments and the stream to print to and returns the exit code; a
mistake of the person at the terminal is raised as :class:`~rnn_sandbox.cli.errors.CliError`.
Only ``animate`` imports Qt, when it runs.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rnn_sandbox.cli.configuration import config_from_args, experiment, load, memory_check
from rnn_sandbox.cli.errors import EXIT_FAILED, EXIT_OK, CliError
from rnn_sandbox.cli.options import ANIMATE_SIZE, check_length, check_steps, parse_size
from rnn_sandbox.cli.outputs import Saved, check_outputs, check_target, save
from rnn_sandbox.cli.reports import (
    Diverged,
    comparison_lines,
    report,
    score_lines,
    steps_for_epochs,
    train_steps,
)
from rnn_sandbox.files import stamp
from rnn_sandbox.wording import count, printable, printable_lines

if TYPE_CHECKING:
    from rnn_sandbox.config import ExperimentConfig
    from rnn_sandbox.session import Experiment

GRADCHECK_TOLERANCE = 1e-6


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


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    """``train`` with one seed (``--seeds`` is :func:`rnn_sandbox.cli.runs.cmd_train_seeds`)."""
    if args.processes is not None:  # without --seeds it would be silently ignored
        raise CliError("--processes goes with --seeds (how many seeds train at once)")
    check_target(args.save)
    since = stamp(args.save) if args.save is not None else None
    check_length(args)
    cfg = config_from_args(args)
    data_path = cfg.task.options.get("path")
    if args.save is not None and isinstance(data_path, str) and data_path.strip():
        check_outputs({"the data file": Path(data_path).expanduser()}, {"--save": args.save})
    needs = memory_check(cfg)
    exp = experiment(cfg)
    steps = args.steps if args.steps is not None else steps_for_epochs(exp, cfg.training.epochs)
    check_steps(steps)
    net = exp.network
    out.write(
        f"{exp.task.name}: {net.config.architecture}, {net.config.cell} "
        f"{net.config.hidden_size}x{net.config.num_layers}"
        f"{' bidirectional' if net.config.bidirectional else ''}, "
        f"{net.num_parameters()} parameters, {count(steps, 'step')}; {needs}\n"
    )
    code = _train(exp, steps, args.quiet)
    saved = save(exp, args.save, since) if args.save is not None else None  # before printing
    if code == EXIT_OK:
        report(exp, out)
    return code if saved is None else said(saved, code, out)


def said(saved: Saved, code: int, out: TextIO) -> int:
    """Print where a result was saved; a result saved elsewhere than asked is said on
    standard error too, and the exit code is 1 (a script must not take the other's file)."""
    out.write(saved.line + "\n")
    if saved.moved is None:
        return code
    sys.stderr.write(f"error: {saved.moved}\n")
    return code if code != EXIT_OK else EXIT_FAILED


def _train(exp: Experiment, steps: int, quiet: bool) -> int:
    try:
        train_steps(exp, steps, quiet)
    except Diverged as e:
        sys.stderr.write(f"error: training diverged: {e}\n")
        return EXIT_FAILED
    return EXIT_OK


def cmd_gradcheck(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.engine import gradcheck

    if args.batch < 1 or args.entries < 0:
        raise CliError("--batch must be at least 1 and --entries at least 0")
    args.dtype = "float64"  # finite differences need double precision
    cfg = config_from_args(args)
    exp = experiment(cfg)
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
    check_length(args)
    target: Path = args.save if args.save is not None else args.file
    check_target(target)
    since = stamp(target)  # before reading: a save by another program after it is seen
    needs = memory_check(_saved_config(args.file))  # refused before the file is built
    exp = load(args.file)
    check_steps(args.steps, already=exp.trainer.step_count)
    if args.lr is not None:
        from rnn_sandbox.fields import SETTING

        reason = SETTING["training.learning_rate"].check(args.lr)
        if reason is not None:
            raise CliError(f"--lr {reason}")
        exp.trainer.learning_rate = args.lr
    out.write(f"{exp.task.name}: resuming at step {exp.trainer.step_count}; {needs}\n")
    code = _train(exp, args.steps, args.quiet)
    if code == EXIT_OK:
        saved = save(exp, target, since)  # before printing: a failed print loses nothing
        report(exp, out)
        code = said(saved, code, out)
    return code


def _saved_config(path: Path) -> ExperimentConfig:
    """The settings a file holds, read without building its experiment."""
    from rnn_sandbox.config import ExperimentConfig
    from rnn_sandbox.io.experiment_file import read_header

    return ExperimentConfig.from_dict(read_header(path).get("config"))


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.io import export_history_csv, export_torch, export_weights
    from rnn_sandbox.io.export import torch_weights_path

    if args.torch is None and args.weights is None and args.csv is None:
        raise CliError("export: say what to write: --torch OUT.py, --weights OUT.npz, --csv")
    outputs = {"--torch": args.torch, "--weights": args.weights, "--csv": args.csv}
    if args.torch is not None and args.weights is None:  # where export_torch puts them
        outputs["the weights file"] = torch_weights_path(args.torch)
    keep = {"the experiment": args.file}
    check_outputs(keep, {k: v for k, v in outputs.items() if v is not None})
    exp = load(args.file)
    if args.torch is not None:
        try:
            script, weights = export_torch(
                exp, args.torch, args.weights, index=args.index, keep=keep
            )
        except IndexError as e:
            raise CliError(f"--index: {e}") from None
        except ValueError as e:
            raise CliError(str(e)) from None
        out.write(f"PyTorch script written to {printable(script)}, weights and sample to "
                  f"{printable(weights)}\n")
        out.write(f"run it with: python {printable(script)}\n")
    elif args.weights is not None:
        export_weights(args.weights, exp.network)
        out.write(f"weights written to {printable(args.weights)}\n")
    if args.csv is not None:
        export_history_csv(args.csv, exp.trainer.history)
        steps = count(len(exp.trainer.history), "step")
        out.write(f"history ({steps}) written to {printable(args.csv)}\n")
    return EXIT_OK


def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    exp = load(args.file)
    data = getattr(exp.trainer.data, args.split)
    if not 0 <= args.index < len(data):
        raise CliError(f"--index must lie in 0..{len(data) - 1} for the {args.split} set")
    sample = data.subset(slice(args.index, args.index + 1))
    outputs = exp.trainer.predict(sample)[0]
    # the task's words can come from the file (a text's characters): each line escaped
    out.write(printable_lines(
        exp.task.render_prediction(exp.trainer.data, args.index, outputs, args.split)))
    out.write("\n")
    if exp.config.network.attention != "none":  # where it looked while writing
        _, alpha = exp.network.generate_with_attention(sample.x, sample.mask, len(outputs))
        out.write("\nattention (% of each written word's look at the source words)\n")
        out.write(printable_lines(exp.task.render_alignment(
            exp.trainer.data, args.index, outputs, alpha[0], args.split)) + "\n")
    return EXIT_OK


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    """What the file says (settings, progress, last losses), every entry checked; the
    saved weights scored beside the baselines when the experiment is small enough to
    rebuild (:data:`~rnn_sandbox.io.experiment_file.REBUILD_BYTES`), else the last
    validation beside the baselines the file keeps."""
    from rnn_sandbox.io.experiment_file import check_file, load_experiment, small_enough
    from rnn_sandbox.session import Score, epoch_text
    from rnn_sandbox.tasks import Metric

    if args.file.suffix.lower() == ".rnns":
        return _runs_info(args, out)
    summary = check_file(args.file)  # structure, checksums, shapes: nothing is built
    header, c = summary.header, summary.config
    n, tr = c.network, c.training
    saved_at = header.get("saved_at")
    out.write(f"file        {printable(args.file)}\n")
    out.write(  # the file's own words, escaped: they could hold terminal controls
        f"format      {printable(header.get('format_version'))} "
        f"(written by RNN Sandbox {printable(header.get('app_version', '?'))}"
        f"{', ' + printable(saved_at) if isinstance(saved_at, str) else ''})\n"
    )
    out.write(f"task        {c.task.name}, {c.task.n_samples} samples of "
              f"{count(c.task.seq_len, 'step')}, seed {tr.seed}\n")
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
    step, epoch = summary.step, summary.epoch  # as the window counts them
    out.write(f"progress    step {step}, {epoch_text(step, epoch, tr.epochs)}\n")
    exp = load_experiment(args.file) if small_enough(c) else None  # the full check
    history = summary.history
    if history:
        out.write(f"last loss   {history[-1]['train_loss']:.6g} (training batch)\n")
        vals = [h for h in history if not math.isnan(h["val_loss"])]
        if vals:
            v = vals[-1]
            out.write(f"last val    loss {v['val_loss']:.6g} at step {v['step']}")
            if not math.isnan(v["val_metric"]):
                out.write(f", metric {v['val_metric']:.6g}")
            out.write("\n")
    out.write(f"parameters  {summary.parameters}"
              f"{', data stored in the file' if summary.has_data else ''}\n")
    if exp is not None:
        for line in score_lines(exp):  # the saved weights now, beside the baselines
            out.write(line + "\n")
        return EXIT_OK
    last = next((h for h in reversed(history) if math.isfinite(h["val_metric"])), None)
    if last is not None and summary.metric_name is not None:
        metric = Metric(summary.metric_name, last["val_metric"], summary.higher_is_better)
        base = summary.baselines[0] if summary.baselines else None
        score = printable(Score(metric, base).text())
        out.write(f"{score} (at step {last['step']}; the network is too large to rebuild "
                  "here: checked, not rebuilt)\n")
    return EXIT_OK


def _runs_info(args: argparse.Namespace, out: TextIO) -> int:
    """``info`` of a runs file: every run checked in full, one at a time and streamed
    (nothing is built), then the table ``compare`` prints."""
    from rnn_sandbox.io.experiment_file import named, open_file
    from rnn_sandbox.runs.file import runs_from_file

    with open_file(args.file) as f:
        runs = named(args.file, runs_from_file, f)
    out.write(f"file        {printable(args.file)}\n")
    out.write(f"runs        {len(runs)}, each checked (not rebuilt)\n")
    for line in comparison_lines(runs):
        out.write(line + "\n")
    return EXIT_OK


def cmd_animate(args: argparse.Namespace, out: TextIO) -> int:
    """Render the step-through without a window (Qt's offscreen platform if no display)."""
    size = parse_size(args.size, like=ANIMATE_SIZE)
    if not 0.01 <= args.seconds <= 60:
        raise CliError("--seconds must lie between 0.01 and 60")
    if args.out.suffix.lower() not in (".gif", ".png", ".pdf"):
        raise CliError(f"--out: use a .gif, .png (animated) or .pdf file, not '{args.out}'")
    check_outputs({"the experiment": args.file}, {"--out": args.out})
    exp = load(args.file)
    n_val = len(exp.dataset.val)
    if not 0 <= args.index < n_val:
        raise CliError(f"--index must lie in 0..{n_val - 1}")
    try:
        from rnn_sandbox.ui import animation, offscreen
    except ImportError as e:
        raise CliError(f"animate needs the app's dependencies (PySide6, Pillow): {e}") from None
    offscreen.application()
    if args.mode == "alignment":
        from rnn_sandbox.ui.attention.forming import forming_frames

        try:
            frames = forming_frames(exp, args.index, size)
            path = animation.write_animation(frames, args.out, args.seconds)
        except ValueError as e:
            raise CliError(str(e)) from None
        out.write(f"{len(frames)} frames of the alignment forming written to "
                  f"{printable(path)}\n")
        return EXIT_OK
    widget = animation.diagram_for(exp, args.index)
    try:
        frames = animation.render_frames(widget, args.mode, size)
        path = animation.write_animation(frames, args.out, args.seconds)
    except ValueError as e:
        raise CliError(str(e)) from None
    finally:
        widget.deleteLater()
    out.write(f"{len(frames)} frames ({args.mode} walk) written to {printable(path)}\n")
    return EXIT_OK
