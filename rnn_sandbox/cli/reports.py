"""What the commands print: the progress bar while training, the scores after it (each
beside its baseline), and the tables of compared runs and of seeds."""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rnn_sandbox.translation import columns, tr
from rnn_sandbox.wording import printable

if TYPE_CHECKING:
    from rnn_sandbox.config import ExperimentConfig
    from rnn_sandbox.runs.book import Run
    from rnn_sandbox.session import Experiment, Score


# -- words ---------------------------------------------------------------------------------
display_width = columns  # the columns a text takes on a terminal (a kanji: two)


def ljust(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (:func:`display_width`)."""
    return text + " " * max(0, width - display_width(text))


def network_words(cfg: ExperimentConfig) -> str:
    """``many_to_one, lstm 8x2 bidirectional``: the network by its settings' values."""
    net = cfg.network
    text = f"{net.architecture}, {net.cell} {net.hidden_size}x{net.num_layers}"
    return tr("{network} bidirectional").format(network=text) if net.bidirectional else text


def setup_line(cfg: ExperimentConfig, parameters: int, steps: int, needs: str) -> str:
    """What ``train`` says before it starts: task, network, size, length and memory."""
    return tr("{task}: {network}, {parameters} parameters, %n step(s); {needs}", n=steps).format(
        task=cfg.task.name, network=network_words(cfg), parameters=parameters, needs=needs)


def epoch_words(step: int, epoch: int, planned: int) -> str:
    """``epoch 3 of 20`` or ``epoch 25 (past the 20 set)`` (``session.epoch_text``, in the
    program's language)."""
    current = epoch + 1 if step else 0  # the trainer counts from 0
    if current > planned:
        return tr("epoch {current} (past the {planned} set)").format(current=current,
                                                                     planned=planned)
    return tr("epoch {current} of {planned}").format(current=current, planned=planned)


def score_text(score: Score) -> str:
    """``val accuracy 0.931 (higher is better) · baseline "always O" 0.802 · better by
    0.129`` (``Score.text``, in the program's language: the window's words)."""
    return score.words()


# -- training --------------------------------------------------------------------------------
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
        line = f"[{bar}] {frac:4.0%} " + tr("step {done}/{total}  loss {loss}").format(
            done=done, total=self.total, loss=f"{loss:.4g}")
        self.stream.write(f"\r{line}" if self.tty else f"{line}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


class Diverged(Exception):
    """Training stopped on a divergence; the message says what to change."""


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
        raise Diverged(str(e)) from None
    bar.close()


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
    """Step, losses, the task's tables (a breakdown of its metric), then every metric
    beside its baseline; the task's main metric last."""
    val_loss, _ = exp.trainer.evaluate()
    k = exp.trainer.step_count
    out.write(tr("step {step} ({epochs} epochs)").format(
        step=k, epochs=f"{k / steps_for_epochs(exp, 1):.3g}") + "\n")
    losses = [(tr("train loss"), _train_loss(exp)), (tr("val loss"), val_loss)]
    width = max(display_width(label) for label, _ in losses)
    for label, value in losses:
        out.write(f"{ljust(label, width)} {value:.6g}\n")
    val = exp.trainer.data.val
    for table in exp.task.report_tables(exp.trainer.predict(val), val):
        out.write(f"{table}\n\n")
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
    lines = [score_text(Score(m, baseline_for(m.name, baselines))) for m in extras]
    return [*lines, score_text(Score(task.metric(outputs, data.val), task.baseline(data)))]


# -- runs and seeds ----------------------------------------------------------------------------
def _number(v: float | None) -> str:
    return "-" if v is None or not math.isfinite(v) else f"{v:.4g}"


def comparison_lines(runs: Sequence[Run]) -> list[str]:
    """A table of the runs: name, the settings that differ between them, steps, final
    metric and the baseline of each run's data."""
    from rnn_sandbox.runs.book import settings_table
    from rnn_sandbox.session import baseline_rule

    keys, rows, differ = settings_table(runs)
    shown = [i for i, k in enumerate(keys) if k in differ]
    metric = next((r.metric_name for r in runs if r.metric_name), None)
    header = [tr("run", "a column"), tr("differs", "a column"), tr("steps", "a column"),
              tr("final {metric}", "a column").format(metric=printable(tr(metric))) if metric
              else tr("final metric", "a column"), tr("baseline", "a column")]
    table = [header]
    for run, row in zip(runs, rows, strict=True):
        what = ", ".join(f"{keys[i].rsplit('.', 1)[-1]} {row[i]}" for i in shown) or "-"
        base = "-" if run.baseline is None else (
            f"{float(run.baseline.value):.4g} ({tr(baseline_rule(run.baseline))})")
        table.append([printable(cell) for cell in  # names and values read from files
                      (run.name, what, str(run.steps()), _number(run.final_metric()), base)])
    widths = [max(display_width(r[c]) for r in table) for c in range(len(header))]
    lines = ["  ".join(ljust(cell, w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in table]
    if runs and not differ:
        lines.append(tr("the runs have the same settings"))
    return lines


def seed_lines(runs: Sequence[Run]) -> list[str]:
    """One line per seed, then the final metric's mean ± standard deviation (min–max),
    the baselines' mean and how far the mean is from it."""
    from rnn_sandbox.runs.seeds import summary
    from rnn_sandbox.session import baseline_rule

    name = next((r.metric_name for r in runs if r.metric_name), None)
    metric = printable(tr(name)) if name else tr("metric")
    lines = []
    names = [printable(r.name) for r in runs]  # read from files: shown escaped
    width = max(display_width(name) for name in names)
    for r, name in zip(runs, names, strict=True):
        seconds = r.history[-1].get("seconds") if r.history else None
        parts = [ljust(name, width), f"{metric} {_number(r.final_metric())}",
                 tr("loss {value}").format(value=_number(r.final_loss()))]
        if r.baseline is not None:
            parts.append(tr("baseline {value}").format(value=f"{float(r.baseline.value):.4g}"))
        if seconds is not None:
            parts.append(tr("({seconds} s)").format(seconds=f"{seconds:.1f}"))
        lines.append("  ".join(parts))
    s = summary(runs)
    spread = (tr("{metric} over %n seed(s): {mean} ± {std} (min {min}, max {max}; higher is "
                 "better)", n=int(s["n"])) if runs[0].higher_is_better else
              tr("{metric} over %n seed(s): {mean} ± {std} (min {min}, max {max}; lower is "
                 "better)", n=int(s["n"])))
    lines.append(spread.format(metric=metric, mean=_number(s["mean"]), std=_number(s["std"]),
                               min=_number(s["min"]), max=_number(s["max"])))
    if math.isfinite(s["baseline"]):
        rule = next(baseline_rule(r.baseline) for r in runs if r.baseline is not None)
        margin = s["margin"]
        if f"{abs(margin):.3g}" == "0":
            verdict = tr('baseline "{rule}": mean {mean}; the mean is as good as the baseline')
        elif margin > 0:
            verdict = tr('baseline "{rule}": mean {mean}; the mean is better than the baseline '
                         "by {margin}")
        else:
            verdict = tr('baseline "{rule}": mean {mean}; the mean is worse than the baseline '
                         "by {margin}")
        lines.append(verdict.format(rule=printable(tr(rule)), mean=_number(s["baseline"]),
                                    margin=f"{abs(margin):.3g}"))
    return lines
