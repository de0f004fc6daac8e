"""Overlays of several runs: loss, validation metric and the gradient reaching each time
step, one colour per run.  A group of runs (the seeds of one setup) is drawn as its mean
with the spread shaded around it and its single runs faint, so a learner sees whether two
setups differ by more than the seed does."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from rnn_sandbox.runs import book as runs_module
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.plots.base import (
    PALETTE,
    THEMES,
    LogAxis,
    PlotPanel,
    StepAxis,
    safe_log10,
)
from rnn_sandbox.ui.plots.loss import SMOOTHING
from rnn_sandbox.ui.runs.baselines import Baselines, Line

if TYPE_CHECKING:
    from rnn_sandbox.runs.book import Run

GREY = PALETTE[7]
FAINT = "55"  # alpha (hex) of a group's single runs
BAND = "40"  # alpha of a group's band
X_LABELS = {"step": QT_TR_NOOP("training step"), "seconds": QT_TR_NOOP("wall time (s)")}
SMOOTH_FROM = 50  # training losses from this many batches on are drawn with their trend
BAND_POINTS = 400  # a seed band is drawn with at most this many points
_GRADIENT = "\0gradient"  # first part of the keys of the gradient plot's lines


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
    def setup(run: Run) -> dict[str, Any]:
        d = run.config.to_dict()
        d["training"] = {k: v for k, v in d["training"].items() if k != "seed"}
        return d

    first = setup(runs[0])
    return all(setup(r) == first for r in runs[1:])


def entries_of(runs: Sequence[Run]) -> list[Entry]:
    """The runs as drawn, in their order: runs sharing a ``group`` and differing only in
    the seed become one entry where the first of them stands (in its colour; its runs
    sorted by seed); any other run, a group with one run left among them, is drawn on
    its own."""
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
            seeds = sorted(members[group], key=lambda r: r.seed)  # not as they finished
            out.append(Entry(group, run_colour(run), seeds, group))
        else:
            out.append(Entry(run.name, run_colour(run), [run]))
    return out


def legend_text(entry: Entry) -> str:
    """An entry's name in the legend; a group says what its line and band are."""
    if entry.is_group:
        return tr("{name}: mean ± std of %n seed(s)", n=len(entry.runs)).format(name=entry.name)
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
    # One legend row per distinct baseline, by metric plot: (the row's label, its text).
    baseline_labels: dict[str, list[tuple[pg.LabelItem, str]]] = field(default_factory=dict)
    gradients: dict[str, pg.PlotDataItem] = field(default_factory=dict)
    gradient_steps: dict[str, int] = field(default_factory=dict)


@dataclass
class _Kept:
    """A drawn item, the plot it is in and what it was drawn from (``sign``): a redraw
    with the same sign leaves it alone."""

    plot: pg.PlotItem
    item: pg.GraphicsObject
    sign: tuple[object, ...]


def metric_key(run: Run) -> str:
    """Which metric plot a run's validation metric goes to: its metric's name."""
    return run.metric_name or ""


LEFT_AXIS = 64  # px for the left axes' numbers and name (fixed: see ComparisonPlots)


class ComparisonPlots:
    """The overlay plots of a :class:`PlotPanel`: the loss, one plot per metric (an
    accuracy and an MAE never share an axis) and the gradient, redrawn from runs on request.

    A redraw keeps every item whose run has not changed since the last one and makes
    only what is new: when a seed of a group finishes, its curves are added and the
    group's mean and band follow, and nothing else is touched (the window stays
    responsive while seeds come in)."""

    def __init__(self, panel: PlotPanel) -> None:
        self.panel = panel
        self.loss_plot = panel._add_plot(0, 0, title=tr("Loss"), axisItems={"left": LogAxis("left")}
                                         )
        self.grad_plot = panel._add_plot(
            0, 2, title=tr("Gradient reaching each time step"),
            axisItems={"left": LogAxis("left"), "bottom": StepAxis("bottom")},
        )
        self.loss_plot.setLabel("left", tr("loss"))
        self.grad_plot.setLabel("left", "|dL/dh<sub>t</sub>|")
        self.grad_plot.setLabel("bottom", tr("time step t"))
        self.grad_plot.setLogMode(y=True)
        # Room for "5e-05" beside the axis name, whatever the ticks were when laid out: an
        # axis that widens itself while painting lays the plots out and paints them again.
        self.grad_plot.getAxis("left").setWidth(LEFT_AXIS)
        self.loss_plot.getAxis("left").setWidth(LEFT_AXIS)
        self.loss_plot.setDownsampling(auto=True, mode="peak")  # long histories draw quickly
        self._metric_pool: list[pg.PlotItem] = []  # made when needed, kept for reuse
        self.metric_plots: dict[str, pg.PlotItem] = {}  # metric name → its plot, in order
        self._new_metric_plot()
        self.metric_plots[""] = self._metric_pool[0]
        self.drawn = Drawn()
        self.entries: list[Entry] = []  # what the last drawing drew, in the legend's order
        self.x = "step"
        self.log_loss = True
        self.runs: list[Run] = []
        self.narrow = False  # short titles
        self._shown: dict[str, object] = {}  # what the ranges were last fitted to
        self._cache: dict[tuple[object, ...], object] = {}  # arrays of the last drawing
        self._next_cache: dict[tuple[object, ...], object] = {}
        self._kept: dict[tuple[str, ...], _Kept] = {}  # the curves' items (see _keep)
        self._used: set[tuple[str, ...]] = set()
        self.baselines = Baselines(panel, self.drawn.baselines, self.drawn.baseline_labels)
        self._texts: dict[tuple[int, str], object] = {}  # titles and axis labels as set
        self._layout: tuple[str, str, int] | None = None
        self._how, self._what = "row", "all"
        self.arrange("row")

    def _new_metric_plot(self) -> pg.PlotItem:
        plot = self.panel._add_plot(0, 1 + len(self._metric_pool), title=tr("Validation metric"))
        self.panel.graphics.ci.removeItem(plot)  # placed by arrange
        plot.setXLink(self.loss_plot)
        plot.getAxis("left").setWidth(LEFT_AXIS)
        plot.setDownsampling(auto=True, mode="peak")
        self._metric_pool.append(plot)
        self.theme_plot(plot)
        return plot

    def _set_title(self, plot: pg.PlotItem, title: str, colour: object) -> None:
        """A plot's title, set only when it changes: setting even the same text lays the
        plot out and repaints it again."""
        if self._texts.get((id(plot), "title")) != (title, colour):
            self._texts[(id(plot), "title")] = (title, colour)
            plot.setTitle(title, color=colour)

    def _set_label(self, plot: pg.PlotItem, side: str, text: str | None) -> None:
        """An axis name, set only when it changes (as :meth:`_set_title`)."""
        if (id(plot), side) not in self._texts or self._texts[(id(plot), side)] != text:
            self._texts[(id(plot), side)] = text
            plot.setLabel(side, text)

    def theme_plot(self, plot: pg.PlotItem) -> None:
        """The panel's theme on one plot (a metric plot made after the theme was set)."""
        t = THEMES[self.panel.theme]
        for side in ("left", "bottom", "right", "top"):
            plot.getAxis(side).setPen(t["fg"])
            plot.getAxis(side).setTextPen(t["fg"])
        plot.showGrid(x=True, y=True, alpha=t["grid"])

    @property
    def metric_plot(self) -> pg.PlotItem:
        """The (first) metric plot."""
        return next(iter(self.metric_plots.values()))

    @property
    def plots(self) -> tuple[pg.PlotItem, ...]:
        """Loss, the metric plots in use, gradient."""
        return (self.loss_plot, *self.metric_plots.values(), self.grad_plot)

    def count(self, shown: str = "all") -> int:
        """How many plots ``shown`` ("all", "curves", "gradient", "curve:N") stands for."""
        curves = 1 + len(self.metric_plots)
        return 1 if shown.startswith("curve:") else {
            "all": curves + 1, "curves": curves, "gradient": 1}[shown]

    def curve_names(self) -> list[str]:
        """The names of the curves' plots, the loss first, as tabs name them one by one."""
        return [tr("Loss")] + [tr(key) if key else tr("validation metric")
                               for key in self.metric_plots]

    def arrange(self, how: str, narrow: bool = False, shown: str = "all") -> None:
        """Where the plots stand.  ``shown``: "all", "curves" (loss and metrics) or
        "gradient", or "curve:N" (the Nth of the curves alone: the loss, then the metrics);
        ``how``: "row" (side by side, a wide area), "grid" (the curves above, the gradient
        below across) or "column" (one above the other, a tall dock).
        ``narrow``: a plot is too narrow for long titles."""
        curves = (self.loss_plot, *self.metric_plots.values())
        if shown.startswith("curve:"):  # (fewer metrics now: the last of them)
            shown = f"curve:{min(int(shown[6:]), len(curves) - 1)}"
        self._how, self._what = how, shown
        if narrow != self.narrow:
            self.narrow = narrow
            self._titles(self.runs)
        plots = (curves[int(shown[6:])],) if shown.startswith("curve:") else {
            "all": (*curves, self.grad_plot), "curves": curves,
            "gradient": (self.grad_plot,)}[shown]
        if how == "grid" and shown != "all":
            how = "row"
        if (how, shown, len(plots)) == self._layout:
            return
        self._layout = (how, shown, len(plots))
        ci = self.panel.graphics.ci
        for plot in (self.loss_plot, *self._metric_pool, self.grad_plot):
            if plot in ci.items:
                ci.removeItem(plot)
        if how == "grid":
            places = [(0, i, 1) for i in range(len(curves))] + [(1, 0, len(curves))]
        elif how == "row":
            places = [(0, i, 1) for i in range(len(plots))]
        else:
            places = [(i, 0, 1) for i in range(len(plots))]
        for plot, (row, col, span) in zip(plots, places, strict=True):
            ci.addItem(plot, row=row, col=col, colspan=span)
        rows = max(p[0] for p in places)
        cols = max(p[1] + p[2] - 1 for p in places)
        # Only the rows and columns in use: a stretch set on an empty row gives it the
        # layout's spacing, and a dozen of them took a single plot's room in a short dock.
        for r in range(rows + 1):
            ci.layout.setRowStretchFactor(r, 1)
        for c in range(cols + 1):
            ci.layout.setColumnStretchFactor(c, 1)
        self._label_x()

    def shown(self) -> list[pg.PlotItem]:
        """The plots in the layout now."""
        return [p for p in self.plots if p in self.panel.graphics.ci.items]

    def _label_x(self) -> None:
        """The x axis named under each plot, but once under curves stacked in a column."""
        name = tr(X_LABELS[self.x])
        stacked = self._layout is not None and self._layout[0] == "column" and (
            self._layout[1] != "gradient")
        metrics = list(self.metric_plots.values())
        for plot in (self.loss_plot, *metrics):
            last = plot is metrics[-1]
            self._set_label(plot, "bottom", name if last or not stacked else None)

    def _metric_plots_for(self, runs: Sequence[Run]) -> None:
        """One metric plot per metric name of ``runs``, in their order."""
        # A run that has not validated yet (no metric name) joins the first plot.
        names = list(dict.fromkeys(k for r in runs if (k := metric_key(r)))) or [""]
        if names == list(self.metric_plots):
            return
        while len(self._metric_pool) < len(names):
            self._new_metric_plot()
        self.metric_plots = dict(zip(names, self._metric_pool, strict=False))
        for plot in self._metric_pool[len(names):]:
            self._clear_plot(plot)
        self._titles(runs)  # a plot taken from the pool is named at once, as its tab is
        self._layout = None
        self.arrange(self._how, self.narrow, self._what)

    def key_of(self, run: Run) -> str:
        """The key of the metric plot that shows ``run``'s metric."""
        key = metric_key(run)
        return key if key in self.metric_plots else next(iter(self.metric_plots))

    def _clear_plot(self, plot: pg.PlotItem) -> None:
        for key in [k for k, kept in self._kept.items() if kept.plot is plot]:
            plot.removeItem(self._kept.pop(key).item)

    # -- drawing --------------------------------------------------------------------------
    def draw(self, runs: Sequence[Run], x: str, log_loss: bool) -> list[Entry]:
        """Loss and metrics of ``runs`` against ``x`` ("step" or "seconds"); the gradient
        plot is drawn by :meth:`draw_gradients`."""
        for _ in self.drawing(runs, x, log_loss):
            pass
        return self.entries

    def drawing(self, runs: Sequence[Run], x: str, log_loss: bool) -> Iterator[None]:
        """:meth:`draw` one entry (a run or a group of seeds) at a time: it pauses after
        each, so that a window can turn its event loop in between; :attr:`entries` holds
        what was drawn once it ends."""
        if x not in X_LABELS:
            raise ValueError(f"x must be 'step' or 'seconds', not {x!r}")
        self._metric_plots_for(runs)
        self.drawn.curves.clear()
        self.drawn.bands.clear()
        self.x, self.log_loss = x, log_loss
        if self.loss_plot.ctrl.logYCheck.isChecked() != log_loss:
            self.loss_plot.setLogMode(y=log_loss)
        self._label_x()
        entries = entries_of(runs)
        self._next_cache = {}
        self._used = {k for k in self._used if k[0] == _GRADIENT}
        for entry in entries:
            if entry.is_group:
                yield from self._draw_group(entry)
            else:
                self._draw_run(entry.runs[0], entry.colour, faint=False)
            yield
        for key in [k for k in self._kept if k not in self._used and k[0] != _GRADIENT]:
            kept = self._kept.pop(key)
            kept.plot.removeItem(kept.item)
        self._cache = self._next_cache  # what the next drawing may reuse
        self._draw_baselines(entries)
        self.runs = list(runs)
        self._titles(runs)
        # Other runs or axes: fit them.  The same runs grown (the current one training):
        # the ranges follow only if the learner has not zoomed or panned.
        shown = (tuple(r.name for r in runs), x, log_loss)
        if shown != self._shown.get("curves"):
            self._shown["curves"] = shown
            for plot in (self.loss_plot, *self.metric_plots.values()):
                plot.enableAutoRange()
        self.entries = entries

    def _cached(self, key: tuple[object, ...], make: Callable[[], Any]) -> Any:
        """``make()``, or what it gave for ``key`` at the last drawing: while one run
        trains the others are redrawn every second, and reading long histories again is
        most of the cost."""
        value = self._cache[key] if key in self._cache else make()
        self._next_cache[key] = value
        return value

    def _keep(self, key: tuple[str, ...], plot: pg.PlotItem, sign: tuple[object, ...],
              make: Callable[[], pg.GraphicsObject],
              update: Callable[[pg.GraphicsObject], None] | None) -> pg.GraphicsObject:
        """The item drawn under ``key``: left as it is when drawn from the same ``sign``
        in the same plot, updated in place (``update``) when only its data changed, made
        (``make``) when it is new (or changed and cannot be updated: ``update`` None)."""
        self._used.add(key)
        kept = self._kept.get(key)
        if kept is not None and kept.plot is plot and (kept.sign == sign or update):
            if kept.sign != sign and update is not None:
                update(kept.item)
                kept.sign = sign
            return kept.item
        if kept is not None:
            kept.plot.removeItem(kept.item)
        item = make()
        self._kept[key] = _Kept(plot, item, sign)
        return item

    def curve(self, run: Run, quantity: str) -> tuple[np.ndarray, np.ndarray]:
        """``runs.curve`` of the run against the current x (cached)."""
        return self._cached((_version(run), quantity, self.x),
                            lambda: runs_module.curve(run, quantity, self.x))

    def _line(self, plot: pg.PlotItem, key: tuple[str, ...], sign: tuple[object, ...],
              data: Callable[[], tuple[np.ndarray, np.ndarray]] | tuple[np.ndarray, np.ndarray],
              pen: Any,
              symbol_colour: str | None = None, **extra: Any) -> pg.PlotDataItem:
        """A line in ``plot`` of ``data`` (x and y, or what gives them when needed), kept
        between drawings (:meth:`_keep`); markers while there are few points (a validation
        every few steps stays visible)."""
        values = data

        def xy() -> tuple[np.ndarray, np.ndarray]:
            return values() if callable(values) else values

        def opts(x: np.ndarray) -> dict[str, Any]:
            few = symbol_colour is not None and 0 < len(x) <= 30
            return {"pen": pen, "symbol": "o" if few else None, "symbolSize": 4,
                    "symbolBrush": symbol_colour, "symbolPen": None, **extra}

        def make() -> pg.PlotDataItem:
            x, y = xy()
            return plot.plot(x, y, **opts(x))

        def update(item: pg.GraphicsObject) -> None:
            x, y = xy()
            item.setData(x, y, **opts(x))

        return self._keep(key, plot, (*sign, _pen_sign(pen)), make, update)

    def _draw_run(self, run: Run, colour: str, faint: bool) -> None:
        c = colour + FAINT if faint else colour
        width = 1 if faint else 2
        sign = (_version(run), self.x)
        x, y = self.curve(run, "train_loss")
        trend = not faint and len(y) > SMOOTH_FROM
        # Many noisy batches: each faint, their trend solid on top (as the loss plot).
        raw_pen = pg.mkPen(colour + FAINT if trend else c, width=1 if trend else width)
        self.drawn.curves[(run.name, "train_loss")] = self._line(
            self.loss_plot, (run.name, "train_loss"), sign,
            lambda: self.curve(run, "train_loss"), raw_pen)
        if trend:
            def smooth() -> tuple[np.ndarray, np.ndarray]:
                return x, self._cached((_version(run), "trend", self.x), lambda: smoothed(y))

            self.drawn.curves[(run.name, "train_loss smoothed")] = self._line(
                self.loss_plot, (run.name, "train_loss smoothed"), sign, smooth,
                pg.mkPen(colour, width=2))
        dotted = pg.mkPen(c, width=1 if faint else 1.5, style=Qt.PenStyle.DotLine)
        self.drawn.curves[(run.name, "val_loss")] = self._line(
            self.loss_plot, (run.name, "val_loss"), sign,
            lambda: self.curve(run, "val_loss"), dotted, c)
        self.drawn.curves[(run.name, "val_metric")] = self._line(
            self.metric_plots[self.key_of(run)], (run.name, "val_metric"), sign,
            lambda: self.curve(run, "val_metric"), pg.mkPen(c, width=width), c)

    def _draw_group(self, entry: Entry) -> Iterator[None]:
        """A group's seeds faint, then its mean and band per quantity, pausing after each
        (a group of many seeds is the largest piece of a drawing)."""
        for run in entry.runs:
            self._draw_run(run, entry.colour, faint=True)
            yield
        metric = self.metric_plots[self.key_of(entry.runs[0])]
        versions = tuple(_version(r) for r in entry.runs)
        for plot, quantity, shaded in ((self.loss_plot, "train_loss", True),
                                       (self.loss_plot, "val_loss", False),
                                       (metric, "val_metric", True)):
            x, mean, low, high = self._cached(
                (versions, quantity, self.x),
                partial(runs_module.band, entry.runs, quantity, self.x))
            if not len(x):
                continue
            sign = (versions, self.x, self.log_loss, entry.colour)
            if shaded:
                if plot is self.loss_plot and self.log_loss and np.any(low <= 0):
                    lowest = self._cached((versions, quantity, "lowest"),
                                          partial(_lowest, entry.runs, quantity))
                    if len(lowest) != len(low):  # some steps lack a time: leave gaps
                        lowest = np.full(len(low), np.nan)
                    low = np.where(low > 0, low, lowest)
                bx, lo_y, hi_y = _envelope(x, low, high)
                edge = pg.mkPen(entry.colour + "80", width=0.5)
                lo = self._line(plot, (entry.name, quantity, "low"), sign,
                                (bx, lo_y), edge)
                hi = self._line(plot, (entry.name, quantity, "high"), sign,
                                (bx, hi_y), edge)

                def fill(lo: pg.PlotDataItem = lo, hi: pg.PlotDataItem = hi,
                         plot: pg.PlotItem = plot) -> pg.FillBetweenItem:
                    item = pg.FillBetweenItem(lo, hi, brush=pg.mkBrush(entry.colour + BAND))
                    plot.addItem(item)
                    return item

                # The fill follows its edges by itself; a new edge needs a new fill.
                filled = self._keep((entry.name, quantity, "fill"), plot,
                                    (id(lo), id(hi), entry.colour), fill, None)
                self.drawn.bands[(entry.name, quantity)] = Band(lo, hi, filled)
            style = Qt.PenStyle.DotLine if quantity == "val_loss" else Qt.PenStyle.SolidLine
            pen = pg.mkPen(entry.colour, width=2.5 if shaded else 2, style=style)
            self.drawn.curves[(entry.name, quantity)] = self._line(
                plot, (entry.name, quantity, "mean"), sign,
                (x, mean), pen)
            yield

    def _draw_baselines(self, entries: Sequence[Entry]) -> None:
        """Each run's baseline dashed in its colour, in its metric's plot (a group's: the
        mean over its seeds' data); one grey line when they are all equal (the same data:
        only the network or the training differ).  The values are named in a legend of
        the plot, one row per distinct baseline, so that no two labels ever overlap."""
        by_plot: dict[str, dict[tuple[str, float], list[Entry]]] = {}
        for entry in entries:
            found = [r.baseline for r in entry.runs if r.baseline is not None]
            if not found:
                continue
            value = round(float(np.mean([b.value for b in found])), 12)
            lines = by_plot.setdefault(self.key_of(entry.runs[0]), {})
            lines.setdefault((found[0].name, value), []).append(entry)
        planned: dict[str, list[Line]] = {}
        for key, lines in by_plot.items():
            for (name, value), owners in sorted(lines.items(), key=lambda item: item[0][1]):
                colour = owners[0].colour if len(owners) == 1 and len(lines) > 1 else GREY
                text = tr("baseline {value:.3g}").format(value=value)
                if len(lines) > 1:  # whose line is whose
                    text += f" ({', '.join(e.name for e in owners)})"
                planned.setdefault(key, []).append(Line(name, value, colour, text))
        self.baselines.draw(planned, self.metric_plots)

    def _titles(self, runs: Sequence[Run]) -> None:
        """Titles that fit: short in a narrow plot (a title wider than its plot runs into
        the next one)."""
        fg = THEMES[self.panel.theme]["fg"]
        short = self.narrow
        for key, plot in self.metric_plots.items():
            mine = [r for r in runs if self.key_of(r) == key]
            better = {r.higher_is_better for r in mine}
            title = tr(key) if key else tr("validation metric")
            if len(better) == 1:
                up = better.pop()
                title += (" ↑" if up else " ↓") if short else (
                    tr(" (higher is better)") if up else tr(" (lower is better)"))
            self._set_title(plot, title, fg)
        losses = {r.config.network.loss.upper() for r in runs}
        title = tr("Loss ({name})").format(name=losses.pop()) if len(losses) == 1 else tr("Loss")
        self._set_title(self.loss_plot, title, fg)
        self._set_label(self.loss_plot, "left", tr("loss (log)") if self.log_loss else tr("loss"))
        steps = sorted(set(self.drawn.gradient_steps.values()))
        if not steps:
            title = tr("Gradient per time step: none recorded") if runs else tr("Gradient")
        else:
            at = (tr("step {step}").format(step=steps[0]) if len(steps) == 1 else
                  tr("steps {first}–{last}").format(first=steps[0], last=steps[-1]))
            title = (tr("Gradient at {at}").format(at=at) if short
                     else tr("Gradient reaching each time step, at {at}").format(at=at))
        self._set_title(self.grad_plot, title, fg)

    def draw_gradients(self, runs: Sequence[Run], step: int) -> None:
        """The gradient reaching each time step of every run at training step ``step``
        (the nearest recorded step at or before it), on a log scale; a group adds its
        mean over the seeds.  Lines whose run and step are unchanged are kept."""
        self.drawn.gradients.clear()
        self.drawn.gradient_steps.clear()
        before = {k for k in self._kept if k[0] == _GRADIENT}
        self._used -= before
        longest = 0
        for entry in entries_of(runs):
            profiles = []
            for run in entry.runs:
                found = runs_module.gradient_at(run, step)
                if found is None:
                    continue
                at, g = found
                g = np.asarray(g, dtype=float)
                colour = entry.colour + FAINT if entry.is_group else entry.colour
                pen = pg.mkPen(colour, width=1 if entry.is_group else 2)
                self.drawn.gradients[run.name] = self._line(
                    self.grad_plot, (_GRADIENT, run.name), (_version(run), int(at)),
                    (np.arange(1, len(g) + 1), _positive(g)), pen,
                    connect="finite")  # time steps counted from 1, as the other plots
                self.drawn.gradient_steps[run.name] = int(at)
                profiles.append(g)
                longest = max(longest, len(g))
            if entry.is_group and len(profiles) > 1 and len({len(p) for p in profiles}) == 1:
                def mean_of(profiles: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
                    # The mean of the logs: the typical size, as the log axis shows it.
                    logs = np.vstack([safe_log10(p) for p in profiles])
                    counted = np.isfinite(logs).sum(axis=0)
                    mean = 10 ** (np.nansum(logs, axis=0) / np.maximum(counted, 1))
                    mean[counted == 0] = np.nan
                    return np.arange(1, len(mean) + 1), _positive(mean)

                sign = (tuple(_version(r) for r in entry.runs), step)
                self.drawn.gradients[entry.name] = self._line(
                    self.grad_plot, (_GRADIENT, entry.name, "mean"), sign,
                    partial(mean_of, profiles),
                    pg.mkPen(entry.colour, width=2.5), connect="finite")
        for key in before - self._used:
            kept = self._kept.pop(key)
            kept.plot.removeItem(kept.item)
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


def _pen_sign(pen: Any) -> tuple[object, ...]:
    """What a pen draws like: a changed colour, width or style redraws the line."""
    return (pen.color().name(QColor.NameFormat.HexArgb), pen.widthF(), int(pen.style().value))


def _version(run: Run) -> tuple[object, ...]:
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
