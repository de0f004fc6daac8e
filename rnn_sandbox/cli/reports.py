"""What the commands print: the progress bar while training, the scores after it (each
beside its baseline), and the tables of compared runs and of seeds."""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rnn_sandbox.wording import count, printable

if TYPE_CHECKING:
    from rnn_sandbox.runs.book import Run
    from rnn_sandbox.session import Experiment


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
        line = f"[{bar}] {frac:4.0%} step {done}/{self.total}  loss {loss:.4g}"
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
    out.write(f"step {k} ({k / steps_for_epochs(exp, 1):.3g} epochs)\n")
    out.write(f"train loss {_train_loss(exp):.6g}\n")
    out.write(f"val loss   {val_loss:.6g}\n")
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
    lines = [Score(m, baseline_for(m.name, baselines)).text() for m in extras]
    return [*lines, Score(task.metric(outputs, data.val), task.baseline(data)).text()]


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
    metric = next((r.metric_name for r in runs if r.metric_name), None) or "metric"
    header = ["run", "differs", "steps", f"final {printable(metric)}", "baseline"]
    table = [header]
    for run, row in zip(runs, rows, strict=True):
        what = ", ".join(f"{keys[i].rsplit('.', 1)[-1]} {row[i]}" for i in shown) or "-"
        base = "-" if run.baseline is None else (
            f"{float(run.baseline.value):.4g} ({baseline_rule(run.baseline)})")
        table.append([printable(cell) for cell in  # names and values read from files
                      (run.name, what, str(run.steps()), _number(run.final_metric()), base)])
    widths = [max(len(r[c]) for r in table) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in table]
    if runs and not differ:
        lines.append("the runs have the same settings")
    return lines


def seed_lines(runs: Sequence[Run]) -> list[str]:
    """One line per seed, then the final metric's mean ± standard deviation (min–max),
    the baselines' mean and how far the mean is from it."""
    from rnn_sandbox.runs.seeds import summary
    from rnn_sandbox.session import baseline_rule

    metric = printable(next((r.metric_name for r in runs if r.metric_name), None) or "metric")
    lines = []
    names = [printable(r.name) for r in runs]  # read from files: shown escaped
    width = max(len(name) for name in names)
    for r, name in zip(runs, names, strict=True):
        seconds = r.history[-1].get("seconds") if r.history else None
        base = "" if r.baseline is None else f"  baseline {float(r.baseline.value):.4g}"
        lines.append(
            f"{name:<{width}}  {metric} {_number(r.final_metric())}  "
            f"loss {_number(r.final_loss())}{base}"
            + ("" if seconds is None else f"  ({seconds:.1f} s)")
        )
    s = summary(runs)
    better = "higher" if runs[0].higher_is_better else "lower"
    lines.append(f"{metric} over {count(int(s['n']), 'seed')}: {_number(s['mean'])} ± "
                 f"{_number(s['std'])} (min {_number(s['min'])}, max {_number(s['max'])}; "
                 f"{better} is better)")
    if math.isfinite(s["baseline"]):
        rule = next(baseline_rule(r.baseline) for r in runs if r.baseline is not None)
        margin = s["margin"]
        verdict = ("as good as the baseline" if f"{abs(margin):.3g}" == "0" else
                   f"{'better' if margin > 0 else 'worse'} than the baseline by "
                   f"{abs(margin):.3g}")
        lines.append(f'baseline "{printable(rule)}": mean {_number(s["baseline"])}; the mean is '
                     f"{verdict}")
    return lines
