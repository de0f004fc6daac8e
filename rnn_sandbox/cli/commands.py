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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rnn_sandbox.cli.configuration import config_from_args, experiment, load, memory_check
from rnn_sandbox.cli.errors import EXIT_FAILED, EXIT_OK, CliError, error_line
from rnn_sandbox.cli.options import ANIMATE_SIZE, check_length, check_steps, parse_size
from rnn_sandbox.cli.outputs import Saved, check_outputs, check_target, save
from rnn_sandbox.cli.reports import (
    Diverged,
    comparison_lines,
    display_width,
    epoch_words,
    ljust,
    report,
    score_lines,
    score_text,
    setup_line,
    steps_for_epochs,
    train_steps,
)
from rnn_sandbox.files import stamp
from rnn_sandbox.translation import tr
from rnn_sandbox.wording import printable, printable_lines

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
        out.write(f"{tr(title)}\n")
        for t in group:
            about = tr("{title} — {summary}").format(title=tr(t.title) if t.title else t.name,
                                                   summary=tr(t.summary) if t.summary else "")
            out.write(f"  {t.name:<{width}}  {about}\n")
    return EXIT_OK


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    """``train`` with one seed (``--seeds`` is :func:`rnn_sandbox.cli.runs.cmd_train_seeds`)."""
    if args.processes is not None:  # without --seeds it would be silently ignored
        raise CliError(tr("--processes goes with --seeds (how many seeds train at once)"))
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
    out.write(setup_line(exp.config, exp.network.num_parameters(), steps, needs) + "\n")
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
    sys.stderr.write(error_line(saved.moved))
    return code if code != EXIT_OK else EXIT_FAILED


def _train(exp: Experiment, steps: int, quiet: bool) -> int:
    try:
        train_steps(exp, steps, quiet)
    except Diverged as e:
        sys.stderr.write(error_line(tr("training diverged: {reason}").format(reason=e)))
        return EXIT_FAILED
    return EXIT_OK


def cmd_gradcheck(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.engine import gradcheck

    if args.batch < 1 or args.entries < 0:
        raise CliError(tr("--batch must be at least 1 and --entries at least 0"))
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
    verdict = (tr("worst: {name} {error} (ok, tolerance {tolerance})") if ok else
               tr("worst: {name} {error} (FAILED, tolerance {tolerance})"))
    out.write(verdict.format(name=result.worst_name, error=f"{result.worst:.3e}",
                             tolerance=f"{GRADCHECK_TOLERANCE:g}") + "\n")
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
    out.write(tr("{task}: resuming at step {step}; {needs}").format(
        task=exp.task.name, step=exp.trainer.step_count, needs=needs) + "\n")
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
        raise CliError(tr("export: say what to write: --torch OUT.py, --weights OUT.npz, "
                          "--csv"))
    outputs = {"--torch": args.torch, "--weights": args.weights, "--csv": args.csv}
    if args.torch is not None and args.weights is None:  # where export_torch puts them
        outputs[tr("the weights file")] = torch_weights_path(args.torch)
    keep = {tr("the experiment"): args.file}
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
        out.write(tr("PyTorch script written to {script}, weights and sample to {weights}"
                     ).format(script=printable(script), weights=printable(weights)) + "\n")
        out.write(tr("run it with: python {script}").format(script=printable(script)) + "\n")
    elif args.weights is not None:
        export_weights(args.weights, exp.network)
        out.write(tr("weights written to {file}").format(file=printable(args.weights)) + "\n")
    if args.csv is not None:
        export_history_csv(args.csv, exp.trainer.history)
        out.write(tr("history (%n step(s)) written to {file}", n=len(exp.trainer.history)
                     ).format(file=printable(args.csv)) + "\n")
    return EXIT_OK


def cmd_predict(args: argparse.Namespace, out: TextIO) -> int:
    exp = load(args.file)
    data = getattr(exp.trainer.data, args.split)
    if not 0 <= args.index < len(data):
        text = (tr("--index must lie in 0..{last} for the validation set") if args.split == "val"
                else tr("--index must lie in 0..{last} for the training set"))
        raise CliError(text.format(last=len(data) - 1))
    sample = data.subset(slice(args.index, args.index + 1))
    outputs = exp.trainer.predict(sample)[0]
    # the task's words can come from the file (a text's characters): each line escaped
    out.write(printable_lines(
        exp.task.render_prediction(exp.trainer.data, args.index, outputs, args.split)))
    out.write("\n")
    if exp.config.network.attention != "none":  # where it looked while writing
        _, alpha = exp.network.generate_with_attention(sample.x, sample.mask, len(outputs))
        out.write("\n" + tr("attention (% of each written word's look at the source words)")
                  + "\n")
        out.write(printable_lines(exp.task.render_alignment(
            exp.trainer.data, args.index, outputs, alpha[0], args.split)) + "\n")
    return EXIT_OK


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    """What the file says (settings, progress, last losses), every entry checked; the
    saved weights scored beside the baselines when the experiment is small enough to
    rebuild (:data:`~rnn_sandbox.io.experiment_file.REBUILD_BYTES`), else the last
    validation beside the baselines the file keeps."""
    from rnn_sandbox.io.experiment_file import check_file, load_experiment, small_enough
    from rnn_sandbox.session import Score
    from rnn_sandbox.tasks import Metric

    if args.file.suffix.lower() == ".rnns":
        return _runs_info(args, out)
    summary = check_file(args.file)  # structure, checksums, shapes: nothing is built
    header, c = summary.header, summary.config
    n, t = c.network, c.training
    saved_at = header.get("saved_at")
    line = _info_line(out)
    line("file", printable(args.file))
    # the file's own words, escaped: they could hold terminal controls
    version = printable(header.get("format_version"))
    app = printable(header.get("app_version", "?"))
    line("format", (
        tr("{version} (written by RNN Sandbox {app}, {date})").format(
            version=version, app=app, date=printable(saved_at)) if isinstance(saved_at, str)
        else tr("{version} (written by RNN Sandbox {app})").format(version=version, app=app)))
    line("task", tr("{task}, {samples} samples of %n step(s), seed {seed}",
                                n=c.task.seq_len).format(task=c.task.name,
                                                         samples=c.task.n_samples, seed=t.seed))
    if c.task.options:
        line("options", json.dumps(c.task.options, sort_keys=True))
    network = (tr("{architecture}, {cell}, hidden {hidden}, layers {layers}, bidirectional, "
                  "{inputs} in / {outputs} out, {loss} loss, {dtype}") if n.bidirectional else
               tr("{architecture}, {cell}, hidden {hidden}, layers {layers}, {inputs} in / "
                  "{outputs} out, {loss} loss, {dtype}"))
    line("network", network.format(
        architecture=n.architecture, cell=n.cell + (" " + n.nonlinearity if n.cell == "rnn"
                                                    else ""),
        hidden=n.hidden_size, layers=n.num_layers, inputs=n.input_size,
        outputs=n.output_size, loss=n.loss, dtype=n.dtype) + (
        tr(", attention: {attention}").format(attention=n.attention)
        if n.attention != "none" else ""))
    line("training", tr("{optimizer} lr {rate}, batch {batch}, clip {clip}, bptt "
                                    "{bptt}").format(
        optimizer=t.optimizer, rate=f"{t.learning_rate:g}", batch=t.batch_size,
        clip=f"{t.clip_norm:g}", bptt=t.bptt_truncation or tr("full", "bptt")))
    step, epoch = summary.step, summary.epoch  # as the window counts them
    line("progress", tr("step {step}, {epoch}").format(
        step=step, epoch=epoch_words(step, epoch, t.epochs)))
    exp = load_experiment(args.file) if small_enough(c) else None  # the full check
    history = summary.history
    if history:
        line("last loss", tr("{loss} (training batch)").format(
            loss=f"{history[-1]['train_loss']:.6g}"))
        vals = [h for h in history if not math.isnan(h["val_loss"])]
        if vals:
            v = vals[-1]
            val_line = (tr("loss {loss} at step {step}") if math.isnan(v["val_metric"]) else
                        tr("loss {loss} at step {step}, metric {metric}"))
            line("last val", val_line.format(
                loss=f"{v['val_loss']:.6g}", step=v["step"], metric=f"{v['val_metric']:.6g}"))
    line("parameters", tr("{parameters}, data stored in the file").format(
        parameters=summary.parameters) if summary.has_data else str(summary.parameters))
    if exp is not None:
        for text in score_lines(exp):  # the saved weights now, beside the baselines
            out.write(text + "\n")
        return EXIT_OK
    last = next((h for h in reversed(history) if math.isfinite(h["val_metric"])), None)
    if last is not None and summary.metric_name is not None:
        metric = Metric(summary.metric_name, last["val_metric"], summary.higher_is_better)
        base = summary.baselines[0] if summary.baselines else None
        out.write(tr("{score} (at step {step}; the network is too large to rebuild here: "
                     "checked, not rebuilt)").format(
            score=printable(score_text(Score(metric, base))), step=last["step"]) + "\n")
    return EXIT_OK


def _info_line(out: TextIO) -> Callable[[str, str], None]:
    """Writes ``label  value`` (the label named in English) with the labels of ``info`` in
    the program's language in one column, two spaces wider than the longest."""
    labels = {"file": tr("file", "info"), "format": tr("format", "info"),
              "task": tr("task", "info"), "options": tr("options", "info"),
              "network": tr("network", "info"), "training": tr("training", "info"),
              "progress": tr("progress", "info"), "last loss": tr("last loss", "info"),
              "last val": tr("last val", "info"), "parameters": tr("parameters", "info"),
              "runs": tr("runs", "info")}
    width = max(display_width(label) for label in labels.values()) + 2

    def line(key: str, value: str) -> None:
        out.write(f"{ljust(labels[key], width)}{value}\n")
    return line


def _runs_info(args: argparse.Namespace, out: TextIO) -> int:
    """``info`` of a runs file: every run checked in full, one at a time and streamed
    (nothing is built), then the table ``compare`` prints."""
    from rnn_sandbox.io.experiment_file import named, open_file
    from rnn_sandbox.runs.file import runs_from_file

    with open_file(args.file) as f:
        runs = named(args.file, runs_from_file, f)
    line = _info_line(out)
    line("file", printable(args.file))
    line("runs", tr("{count}, each checked (not rebuilt)").format(count=len(runs)))
    for text in comparison_lines(runs):
        out.write(text + "\n")
    return EXIT_OK


def cmd_animate(args: argparse.Namespace, out: TextIO) -> int:
    """Render the step-through without a window (Qt's offscreen platform if no display)."""
    size = parse_size(args.size, like=ANIMATE_SIZE)
    if not 0.01 <= args.seconds <= 60:
        raise CliError(tr("--seconds must lie between 0.01 and 60"))
    if args.out.suffix.lower() not in (".gif", ".png", ".pdf"):
        raise CliError(tr("--out: use a .gif, .png (animated) or .pdf file, not '{file}'").format(
            file=args.out))
    check_outputs({tr("the experiment"): args.file}, {"--out": args.out})
    exp = load(args.file)
    n_val = len(exp.dataset.val)
    if not 0 <= args.index < n_val:
        raise CliError(tr("--index must lie in 0..{last}").format(last=n_val - 1))
    try:
        from rnn_sandbox.ui import animation, offscreen
    except ImportError as e:
        raise CliError(tr("animate needs the app's dependencies (PySide6, Pillow): {reason}"
                          ).format(reason=e)) from None
    offscreen.application()
    if args.mode == "alignment":
        from rnn_sandbox.ui.attention.forming import forming_frames

        try:
            frames = forming_frames(exp, args.index, size)
            path = animation.write_animation(frames, args.out, args.seconds)
        except ValueError as e:
            raise CliError(str(e)) from None
        out.write(tr("%n frame(s) of the alignment forming written to {file}", n=len(frames)
                     ).format(file=printable(path)) + "\n")
        return EXIT_OK
    widget = animation.diagram_for(exp, args.index)
    try:
        frames = animation.render_frames(widget, args.mode, size)
        path = animation.write_animation(frames, args.out, args.seconds)
    except ValueError as e:
        raise CliError(str(e)) from None
    finally:
        widget.deleteLater()
    walk = {"forward": tr("%n frame(s) (forward walk) written to {file}", n=len(frames)),
            "backward": tr("%n frame(s) (backward walk) written to {file}", n=len(frames)),
            "both": tr("%n frame(s) (both walks) written to {file}", n=len(frames))}[args.mode]
    out.write(walk.format(file=printable(path)) + "\n")
    return EXIT_OK
