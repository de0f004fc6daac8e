"""Overlays of several runs: loss, validation metric and the gradient reaching each time
step, one colour per run.  A group of runs (the seeds of one setup) is drawn as its mean
with the spread shaded around it and its single runs faint, so a learner sees whether two
setups differ by more than the seed does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from rnn_sandbox.runs import book as runs_module
from rnn_sandbox.ui.plots.base import (
    PALETTE,
    THEMES,
    LogAxis,
    PlotPanel,
    StepAxis,
    safe_log10,
)
from rnn_sandbox.ui.plots.loss import SMOOTHING

if TYPE_CHECKING:
    from rnn_sandbox.runs.book import Run

# What a group's shaded band spans, as ``runs.band`` computes it (said in the legend).
BAND_TEXT = "mean ± std"
GREY = PALETTE[7]
FAINT = "55"  # alpha (hex) of a group's single runs
BAND = "40"  # alpha of a group's band
X_LABELS = {"step": "training step", "seconds": "wall time (s)"}
SMOOTH_FROM = 50  # training losses from this many batches on are drawn with their trend
BAND_POINTS = 400  # a seed band is drawn with at most this many points


def run_colour(run: Run) -> str:
    """The run's colour: its palette index, the same in the Runs panel and every plot."""
    return PALETTE[run.colour % len(PALETTE)]


@dataclass
class Entry:
    """What is drawn as one line: a single run, or a group of runs (seeds) with a band."""

    name: str
    colour: str
    runs: list[Run]
    group: str | None = None

    @property
    def is_group(self) -> bool:
        return self.group is not None


def seeds_of_one_setup(runs: Sequence[Run]) -> bool:
    """Whether ``runs`` differ in nothing but the seed: only then is their mean with a
    spread meaningful (a group of different setups is drawn run by run)."""
    first = runs[0].config
    return all(set(runs_module.differences(first, r.config)) <= {"training.seed"}
               for r in runs[1:])


def entries_of(runs: Sequence[Run]) -> list[Entry]:
    """The runs as drawn, in their order: runs sharing a ``group`` and differing only in
    the seed become one entry where the first of them stands (in its colour); any other
    run, a group with one run left among them, is drawn on its own."""
    members: dict[str, list[Run]] = {}
    for run in runs:
        if run.group is not None:
            members.setdefault(run.group, []).append(run)
    members = {g: rs for g, rs in members.items() if len(rs) > 1 and seeds_of_one_setup(rs)}
    out: list[Entry] = []
    seen: set[str] = set()
    for run in runs:
        group = run.group
        if group in members:
            if group in seen:
                continue
            seen.add(group)
            out.append(Entry(group, run_colour(run), members[group], group))
        else:
            out.append(Entry(run.name, run_colour(run), [run]))
    return out


def legend_text(entry: Entry) -> str:
    """An entry's name in the legend; a group says what its line and band are."""
    if entry.is_group:
        return f"{entry.name}: {BAND_TEXT} of {len(entry.runs)} seeds"
    return entry.name


@dataclass
class Band:
    """A group's shaded spread: the low and high edges and the fill between them."""

    low: pg.PlotDataItem
    high: pg.PlotDataItem
    fill: pg.FillBetweenItem


@dataclass
class Drawn:
    """The items of the last drawing, by (entry or run name, quantity), for reading back."""

    curves: dict[tuple[str, str], pg.PlotDataItem] = field(default_factory=dict)
    bands: dict[tuple[str, str], Band] = field(default_factory=dict)
    baselines: list[pg.InfiniteLine] = field(default_factory=list)
    gradients: dict[str, pg.PlotDataItem] = field(default_factory=dict)
    gradient_steps: dict[str, int] = field(default_factory=dict)


class ComparisonPlots:
    """The three overlay plots of a :class:`PlotPanel`, redrawn from runs on request
    (runs are finished or grow rarely: every item is made anew each time)."""

    def __init__(self, panel: PlotPanel) -> None:
        self.panel = panel
        self.loss_plot = panel._add_plot(0, 0, title="Loss", axisItems={"left": LogAxis("left")})
        self.metric_plot = panel._add_plot(0, 1, title="Validation metric")
        self.grad_plot = panel._add_plot(
            0, 2, title="Gradient reaching each time step",
            axisItems={"left": LogAxis("left"), "bottom": StepAxis("bottom")},
        )
        self.loss_plot.setLabel("left", "loss")
        self.grad_plot.setLabel("left", "|dL/dh<sub>t</sub>|")
        self.grad_plot.setLabel("bottom", "time step t")
        self.grad_plot.setLogMode(y=True)
        # Room for "5e-05" beside the axis name, whatever the ticks were when laid out.
        self.grad_plot.getAxis("left").setWidth(64)
        self.metric_plot.setXLink(self.loss_plot)
        for plot in (self.loss_plot, self.metric_plot):  # long histories draw quickly
            plot.setDownsampling(auto=True, mode="peak")
        self.drawn = Drawn()
        self.x = "step"
        self.log_loss = True
        self.runs: list[Run] = []
        self.narrow = False  # short titles
        self._shown: dict[str, object] = {}  # what the ranges were last fitted to
        self._cache: dict[tuple, object] = {}  # arrays of the last drawing (_cached)
        self._next_cache: dict[tuple, object] = {}
        self._layout: tuple[str, str] | None = None
        self.arrange("row")

    @property
    def plots(self) -> tuple[pg.PlotItem, pg.PlotItem, pg.PlotItem]:
        return self.loss_plot, self.metric_plot, self.grad_plot

    def arrange(self, how: str, narrow: bool = False, shown: str = "all") -> None:
        """Where the plots stand.  ``shown``: "all", "curves" (loss and metric) or
        "gradient"; ``how``: "row" (side by side, a wide area), "grid" (all three: loss
        and metric above, the gradient below across) or "column" (one above the other, a
        tall dock).  ``narrow``: a plot is too narrow for long titles."""
        if narrow != self.narrow:
            self.narrow = narrow
            self._titles(self.runs)
        plots = {"all": self.plots, "curves": self.plots[:2],
                 "gradient": self.plots[2:]}[shown]
        if how == "grid" and len(plots) != 3:
            how = "row"
        if (how, shown) == self._layout:
            return
        self._layout = (how, shown)
        ci = self.panel.graphics.ci
        for plot in self.plots:
            if plot in ci.items:
                ci.removeItem(plot)
        if how == "grid":
            places = [(0, 0, 1), (0, 1, 1), (1, 0, 2)]
        elif how == "row":
            places = [(0, i, 1) for i in range(len(plots))]
        else:
            places = [(i, 0, 1) for i in range(len(plots))]
        for plot, (row, col, span) in zip(plots, places, strict=True):
            ci.addItem(plot, row=row, col=col, colspan=span)
        rows = max(p[0] for p in places)
        cols = max(p[1] + p[2] - 1 for p in places)
        for r in range(3):
            ci.layout.setRowStretchFactor(r, 1 if r <= rows else 0)
        for c in range(3):
            ci.layout.setColumnStretchFactor(c, 1 if c <= cols else 0)
        self._label_x()

    def shown(self) -> list[pg.PlotItem]:
        """The plots in the layout now."""
        return [p for p in self.plots if p in self.panel.graphics.ci.items]

    def _label_x(self) -> None:
        """The x axis named under each plot, but once where loss stands above metric."""
        name = X_LABELS[self.x]
        stacked = self._layout == ("column", "all") or self._layout == ("column", "curves")
        self.loss_plot.setLabel("bottom", None if stacked else name)
        self.metric_plot.setLabel("bottom", name)

    # -- drawing --------------------------------------------------------------------------
    def draw(self, runs: Sequence[Run], x: str, log_loss: bool) -> list[Entry]:
        """Loss and metric of ``runs`` against ``x`` ("step" or "seconds"); the gradient
        plot is drawn by :meth:`draw_gradients`."""
        if x not in X_LABELS:
            raise ValueError(f"x must be 'step' or 'seconds', not {x!r}")
        for plot in (self.loss_plot, self.metric_plot):
            plot.clear()
        self.drawn.curves.clear()
        self.drawn.bands.clear()
        self.drawn.baselines.clear()
        self.x, self.log_loss = x, log_loss
        self.loss_plot.setLogMode(y=log_loss)
        self._label_x()
        entries = entries_of(runs)
        self._next_cache = {}
        for entry in entries:
            if entry.is_group:
                self._draw_group(entry)
            else:
                self._draw_run(entry.runs[0], entry.colour, faint=False)
        self._cache = self._next_cache  # what the next drawing may reuse
        self._draw_baselines(entries)
        self.runs = list(runs)
        self._titles(runs)
        # Other runs or axes: fit them.  The same runs grown (the current one training):
        # the ranges follow only if the learner has not zoomed or panned.
        shown = (tuple(r.name for r in runs), x, log_loss)
        if shown != self._shown.get("curves"):
            self._shown["curves"] = shown
            for plot in (self.loss_plot, self.metric_plot):
                plot.enableAutoRange()
        return entries

    def _cached(self, key: tuple, make: Callable[[], object]) -> object:
        """``make()``, or what it gave for ``key`` at the last drawing: while one run
        trains the others are redrawn every second, and reading long histories again is
        most of the cost."""
        if key in self._cache:
            value = self._cache[key]
        else:
            value = make()
        self._next_cache[key] = value
        return value

    def curve(self, run: Run, quantity: str) -> tuple[np.ndarray, np.ndarray]:
        """``runs.curve`` of the run against the current x (cached)."""
        return self._cached((_version(run), quantity, self.x),
                            lambda: runs_module.curve(run, quantity, self.x))

    def _curve(self, plot: pg.PlotItem, run: Run, quantity: str, colour: str, pen: object,
               key: str) -> pg.PlotDataItem:
        x, y = self.curve(run, quantity)
        # Markers while there are few points (a validation every few steps stays visible).
        symbol = "o" if 0 < len(x) <= 30 and quantity != "train_loss" else None
        item = plot.plot(x, y, pen=pen, symbol=symbol, symbolSize=4,
                         symbolBrush=colour, symbolPen=None)
        self.drawn.curves[(key, quantity)] = item
        return item

    def _draw_run(self, run: Run, colour: str, faint: bool) -> None:
        c = colour + FAINT if faint else colour
        width = 1 if faint else 2
        raw = self._curve(self.loss_plot, run, "train_loss", c, pg.mkPen(c, width=width),
                          run.name)
        x, y = self.curve(run, "train_loss")
        if not faint and len(y) > SMOOTH_FROM:
            # Many noisy batches: each faint, their trend solid on top (as the loss plot).
            raw.setPen(pg.mkPen(colour + FAINT, width=1))
            trend = self._cached((_version(run), "trend", self.x), lambda: smoothed(y))
            self.drawn.curves[(run.name, "train_loss smoothed")] = self.loss_plot.plot(
                x, trend, pen=pg.mkPen(colour, width=2))
        self._curve(self.loss_plot, run, "val_loss", c,
                    pg.mkPen(c, width=1 if faint else 1.5, style=Qt.PenStyle.DotLine), run.name)
        self._curve(self.metric_plot, run, "val_metric", c, pg.mkPen(c, width=width), run.name)

    def _draw_group(self, entry: Entry) -> None:
        for run in entry.runs:
            self._draw_run(run, entry.colour, faint=True)
        for plot, quantity, shaded in ((self.loss_plot, "train_loss", True),
                                       (self.loss_plot, "val_loss", False),
                                       (self.metric_plot, "val_metric", True)):
            versions = tuple(_version(r) for r in entry.runs)
            x, mean, low, high = self._cached(
                (versions, quantity, self.x),
                lambda q=quantity: runs_module.band(entry.runs, q, self.x))
            if not len(x):
                continue
            if shaded:
                if plot is self.loss_plot and self.log_loss and np.any(low <= 0):
                    lowest = self._cached((versions, quantity, "lowest"),
                                          lambda q=quantity: _lowest(entry.runs, q))
                    if len(lowest) != len(low):  # some steps lack a time: leave gaps
                        lowest = np.full(len(low), np.nan)
                    low = np.where(low > 0, low, lowest)
                bx, low, high = _envelope(x, low, high)
                edge = pg.mkPen(entry.colour + "80", width=0.5)
                lo = plot.plot(bx, low, pen=edge)
                hi = plot.plot(bx, high, pen=edge)
                fill = pg.FillBetweenItem(lo, hi, brush=pg.mkBrush(entry.colour + BAND))
                plot.addItem(fill)
                self.drawn.bands[(entry.name, quantity)] = Band(lo, hi, fill)
            style = Qt.PenStyle.DotLine if quantity == "val_loss" else Qt.PenStyle.SolidLine
            pen = pg.mkPen(entry.colour, width=2.5 if shaded else 2, style=style)
            self.drawn.curves[(entry.name, quantity)] = plot.plot(x, mean, pen=pen)

    def _draw_baselines(self, entries: Sequence[Entry]) -> None:
        """Each run's baseline dashed in its colour, on the metric plot (a group's: the
        mean over its seeds' data); one grey line when they are all equal (the same
        data: only the network or the training differ)."""
        lines: dict[tuple[str, float], list[Entry]] = {}
        for entry in entries:
            found = [r.baseline for r in entry.runs if r.baseline is not None]
            if not found:
                continue
            value = round(float(np.mean([b.value for b in found])), 12)
            lines.setdefault((found[0].name, value), []).append(entry)
        ordered = sorted(lines.items(), key=lambda item: item[0][1])
        for i, ((name, value), owners) in enumerate(ordered):
            colour = owners[0].colour if len(owners) == 1 and len(lines) > 1 else GREY
            text = f"baseline {value:.3g}"
            if len(owners) > 1 and len(lines) > 1 and not self.narrow:  # grey: whose?
                text += f" ({', '.join(e.name for e in owners)})"
            pen = pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine)
            # Labels of neighbouring lines at opposite ends, so close baselines stay
            # readable.
            left = i % 2 == 0
            line = pg.InfiniteLine(
                pos=value, angle=0, pen=pen, label=text,
                labelOpts={"position": 0.02 if left else 0.98, "color": colour,
                           "anchors": [(0, 1), (0, 1)] if left else [(1, 1), (1, 1)]},
            )
            line.setToolTip(f"Baseline: {name} = {value:.4g}, what a trivial rule scores")
            self.metric_plot.addItem(line)
            self.drawn.baselines.append(line)

    def _titles(self, runs: Sequence[Run]) -> None:
        """Titles that fit: short in a narrow plot (a title wider than its plot runs into
        the next one)."""
        fg = THEMES[self.panel.theme]["fg"]
        short = self.narrow
        names = {r.metric_name for r in runs if r.metric_name}
        better = {r.higher_is_better for r in runs}
        title = names.pop() if len(names) == 1 else "validation metric"
        if len(better) == 1 and runs:
            up = better.pop()
            title += (" ↑" if up else " ↓") if short else (
                " (higher is better)" if up else " (lower is better)")
        self.metric_plot.setTitle(title, color=fg)
        losses = {r.config.network.loss.upper() for r in runs}
        self.loss_plot.setTitle(f"Loss ({losses.pop()})" if len(losses) == 1 else "Loss",
                                color=fg)
        self.loss_plot.setLabel("left", "loss" + (" (log)" if self.log_loss else ""))
        steps = sorted(set(self.drawn.gradient_steps.values()))
        if not steps:
            title = "Gradient per time step: none recorded" if runs else "Gradient"
        else:
            at = f"step {steps[0]}" if len(steps) == 1 else f"steps {steps[0]}–{steps[-1]}"
            title = (f"Gradient at {at}" if short
                     else f"Gradient reaching each time step, at {at}")
        self.grad_plot.setTitle(title, color=fg)

    def draw_gradients(self, runs: Sequence[Run], step: int) -> None:
        """The gradient reaching each time step of every run at training step ``step``
        (the nearest recorded step at or before it), on a log scale; a group adds its
        mean over the seeds."""
        for item in self.drawn.gradients.values():
            self.grad_plot.removeItem(item)
        self.drawn.gradients.clear()
        self.drawn.gradient_steps.clear()
        longest = 0
        for entry in entries_of(runs):
            profiles = []
            for run in entry.runs:
                found = runs_module.gradient_at(run, step)
                if found is None:
                    continue
                at, g = found
                g = np.asarray(g, dtype=float)
                t = np.arange(1, len(g) + 1)  # counted from 1, as the other plots
                colour = entry.colour + FAINT if entry.is_group else entry.colour
                item = self.grad_plot.plot(
                    t, _positive(g), pen=pg.mkPen(colour, width=1 if entry.is_group else 2),
                    connect="finite",
                )
                self.drawn.gradients[run.name] = item
                self.drawn.gradient_steps[run.name] = int(at)
                profiles.append(g)
                longest = max(longest, len(g))
            if entry.is_group and len(profiles) > 1 and len({len(p) for p in profiles}) == 1:
                # The mean of the logs: the typical size, as the log axis shows it.
                logs = np.vstack([safe_log10(p) for p in profiles])
                counted = np.isfinite(logs).sum(axis=0)
                mean = 10 ** (np.nansum(logs, axis=0) / np.maximum(counted, 1))
                mean[counted == 0] = np.nan
                t = np.arange(1, len(mean) + 1)
                self.drawn.gradients[entry.name] = self.grad_plot.plot(
                    t, _positive(mean), pen=pg.mkPen(entry.colour, width=2.5), connect="finite"
                )
        self.runs = list(runs)
        self._titles(runs)
        shown = (tuple(r.name for r in runs), step, longest)
        if shown != self._shown.get("gradients"):
            self._shown["gradients"] = shown
            if longest:
                self.grad_plot.setXRange(1, max(longest, 2), padding=0.02)
            self.grad_plot.enableAutoRange(y=True)


def smoothed(values: np.ndarray, weight: float = SMOOTHING) -> np.ndarray:
    """The exponential moving average the loss plot shows, with Adam's bias correction
    (the trend starts at the data rather than creeping up from zero)."""
    out = np.empty(len(values))
    e = 0.0
    for i, v in enumerate(np.asarray(values, dtype=float)):
        e = weight * e + (1 - weight) * v
        out[i] = e / (1 - weight ** (i + 1))
    return out


def _version(run: Run) -> tuple:
    """What identifies a run's history as drawn: its name (unique in a book), length and
    last row, so a run that trained on is read again and one that did not is not."""
    last = run.history[-1] if run.history else {}
    return (run.name, len(run.history), repr(sorted(last.items())))


def _envelope(x: np.ndarray, low: np.ndarray, high: np.ndarray,
              points: int = BAND_POINTS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A band of at most ``points`` points: each the lowest low and highest high of its
    stretch of steps, so it covers the same spread (filling thousands of points costs
    a redraw a large part of a second)."""
    n = len(x)
    if n <= points:
        return x, low, high
    edges = np.linspace(0, n, points + 1).astype(int)
    starts = edges[:-1]
    with np.errstate(all="ignore"):
        lo = np.fmin.reduceat(low, starts)
        hi = np.fmax.reduceat(high, starts)
    mid = (edges[:-1] + edges[1:] - 1) // 2
    return x[mid], lo, hi


def _lowest(runs: Sequence[Run], quantity: str) -> np.ndarray:
    """The lowest of the runs' values at each step they share (the steps of
    ``runs.band``): where a band's mean - std falls to zero or below, a log axis shows it
    down to the lowest seed instead."""
    tables = [dict(zip(*runs_module.curve(r, quantity, "step"), strict=True)) for r in runs]
    steps = sorted(set.intersection(*(set(t) for t in tables)))
    return np.array([min(t[s] for t in tables) for s in steps])


def _positive(values: np.ndarray) -> np.ndarray:
    """Zeros (steps no gradient reaches, padding) as gaps: a log axis has no place for
    them."""
    v = np.asarray(values, dtype=float)
    return np.where(v > 0, v, np.nan)
