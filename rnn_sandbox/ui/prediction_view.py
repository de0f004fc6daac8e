"""What the network answers for the watched validation sample, shown the task's way.

The text comes from ``task.render_prediction``; a small plot is chosen from the network's
loss and architecture: forecast vs truth (regression), class probabilities
(classification), probabilities over time with the true labels (tagging, generation,
seq2seq), frame-level probabilities with the best path (CTC).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QTextEdit, QWidget

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import Batch, Dataset, Snapshot, softmax
from rnn_sandbox.session import Score, baseline_for
from rnn_sandbox.tasks import Task
from rnn_sandbox.ui.i18n import QT_TR_NOOP, score_short, score_text, tr
from rnn_sandbox.ui.label_axis import LabelAxis
from rnn_sandbox.ui.plots import PALETTE, PlotPanel, marked_curve

# Colours that read on each theme's background: the probabilities (unlikely = the
# background, certain = its opposite), the true class's box, the network's choice and a
# wrong word in the text.
HEAT = {"light": ((255, 255, 255), (20, 20, 20)), "dark": ((27, 29, 33), (235, 235, 235))}
TRUE_COLOUR = {"light": "#009E73", "dark": "#3EE6A8"}
CHOICE_COLOUR = {"light": "#D55E00", "dark": "#FF9A4D"}
WRONG_COLOUR = {"light": "#C62828", "dark": "#FF6E6E"}
WRONG_MARK = re.compile(r"✗\S*")  # a task marks a wrong word or tag with ✗ (translation)
# Classes shown per output step: the true and chosen ones, then the likeliest others up
# to this many rows, so that their names can be read.
CLASS_ROWS = 12


class PredictionView(PlotPanel):
    CAPTION = (QT_TR_NOOP("What the network answers now for the watched validation sample, and "
                          "the truth "
               "(the input in grey)."))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        # Lines as the task wrote them: a guess stands under its character.
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        self.text.setPlaceholderText(tr("Train a step to see what the network predicts."))
        split = QSplitter()
        split.setOrientation(pg.QtCore.Qt.Orientation.Vertical)
        split.addWidget(self.text)
        # In a scroll area: a short dock scrolls the chart rather than making the window
        # taller than a 720 px projector (the chart keeps its readable size).
        split.addWidget(self.graphics_area())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        # The task's further numbers on the validation set (Task.extra_metrics), when it
        # has any: they arrive with the snapshots (``extra_metrics``, set by the worker).
        self.extra_label = QLabel()
        self.extra_label.setToolTip(
            tr("Further measures of this task on the validation set, from the last validation")
        )
        self.extra_label.setVisible(False)
        self.extra_label.setWordWrap(True)  # a long list of measures must not widen the dock
        self._layout.addWidget(self.extra_label)
        self._layout.addWidget(split, 1)
        self._layout.addWidget(self.caption)
        # The title names the markers (no legend over data); the axes name steps and
        # classes by their characters or words, every k-th one when crowded.
        self.step_axis, self.class_axis = LabelAxis("bottom"), LabelAxis("left")
        self.plot = self._add_plot(0, axisItems={"bottom": self.step_axis,
                                                 "left": self.class_axis})
        # Items for every mode exist once; a mode shows the ones it needs.
        self.input_curve = self.plot.plot(pen=pg.mkPen(PALETTE[7], width=1.5))
        self.truth_curve = marked_curve(self.plot, PALETTE[2], size=7)
        self.pred_curve = marked_curve(self.plot, PALETTE[3], "x", size=9, outlined=True)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=PALETTE[0])
        self.true_bar = pg.BarGraphItem(x=[], height=[], width=0.7, brush=PALETTE[2])
        self.plot.addItem(self.bars)
        self.plot.addItem(self.true_bar)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        self.image.setZValue(-10)
        self.task: Task | None = None
        self.baselines: list = []  # Task.baselines of the experiment shown
        self.dataset: Dataset | None = None
        self.mode = "regression"
        self.outputs: np.ndarray | None = None
        self.target: np.ndarray | None = None
        self.last_text = ""
        self.box_size = 15.0  # the true class's box, in pixels: a cell, at most 15
        self.probs: np.ndarray | None = None  # (step, class) of the last drawing
        self.rows: list[int] = []  # the classes its rows show, in order
        # What each item was last given, so data that did not change (the watched sample's
        # input and truth, the axis ticks) are not handed over again on every refresh.
        self._drawn: dict[str, object] = {}
        self.set_theme(self.theme)

    def set_zoom(self, factor: float) -> None:
        super().set_zoom(factor)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * factor)
        self.text.setFont(font)

    def set_theme(self, name: str) -> None:
        super().set_theme(name)
        # Unlikely is the background, certain its opposite (a new map each time:
        # pg.colormap.get's maps are shared).
        self.image.setColorMap(pg.ColorMap([0.0, 1.0], list(HEAT[name])))
        self._style_markers()
        self._mark_wrong()

    def _style_markers(self) -> None:
        """Curves with markers for values; for classes only a box around the true class
        and a cross on the chosen one (a line between classes means nothing)."""
        true, chosen = TRUE_COLOUR[self.theme], CHOICE_COLOUR[self.theme]
        if self.mode in ("class_seq", "ctc"):
            self.truth_curve.setPen(None)
            self.truth_curve.setSymbol("s")
            self.truth_curve.setSymbolSize(self.box_size)
            self.truth_curve.setSymbolBrush(None)
            self.truth_curve.setSymbolPen(pg.mkPen(true, width=2.5))
            self.pred_curve.setPen(None)
        else:
            self.truth_curve.setPen(pg.mkPen(true, width=2))
            self.truth_curve.setSymbol("o")
            self.truth_curve.setSymbolSize(7)
            self.truth_curve.setSymbolBrush(true)
            self.truth_curve.setSymbolPen(None)
            self.pred_curve.setPen(pg.mkPen(chosen, width=2))
        self.pred_curve.setSymbolBrush(chosen)
        self.pred_curve.setSymbolPen(pg.mkPen(chosen))
        self.true_bar.setOpts(brush=true)

    def _mark_wrong(self) -> None:
        """Colour what the task marked wrong (``✗word``) in the prediction's text."""
        marks = []
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(WRONG_COLOUR[self.theme]))
        fmt.setFontWeight(QFont.Weight.Bold)
        for m in WRONG_MARK.finditer(self.text.toPlainText()):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(m.start())
            cursor.setPosition(m.end(), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            marks.append(sel)
        self.text.setExtraSelections(marks)

    def marked(self) -> list[str]:
        """The parts of the text shown as wrong."""
        return [sel.cursor.selectedText() for sel in self.text.extraSelections()]

    def set_experiment(self, task: Task, dataset: Dataset, net: NetworkConfig) -> None:
        self.task, self.dataset = task, dataset
        # Each further number is shown beside its baseline (the rule scored the same way).
        self.baselines = task.baselines(dataset)
        if net.loss == "ctc":
            self.mode = "ctc"
        elif net.loss == "ce":
            self.mode = "class" if net.architecture == "many_to_one" else "class_seq"
        else:
            self.mode = "regression" if net.architecture == "many_to_one" else "regression_seq"
        titles = {
            "regression": tr("Forecast × and truth ●"),
            "regression_seq": tr("Output × and target ●"),
            "class": tr("P(class), green: true"),
            "class_seq": tr("P(class) per step: □ true, × network"),
            "ctc": tr("P(label) per frame × best"),
        }
        self.plot.setTitle(titles[self.mode])
        self._labels()
        # Nothing of the previous task stays: its class names on either axis, the fixed
        # probability range of the bars.
        for axis in (self.step_axis, self.class_axis):
            axis.set_labels(None)
        curves = (self.input_curve, self.truth_curve, self.pred_curve)
        used: tuple[Any, ...] = {"class": (self.bars, self.true_bar)}.get(self.mode, curves)
        if self.mode in ("class_seq", "ctc"):
            used = (self.image, *curves)
        for item in (*curves, self.bars, self.true_bar, self.image):
            item.setVisible(item in used)  # hidden items do not count for the axes' range
        self.plot.enableAutoRange()
        self.clear()
        self.set_theme(self.theme)

    def _labels(self) -> None:
        left, bottom = {
            "regression": (tr("value"), tr("time step")),
            "regression_seq": (tr("value"), tr("time step")),
            "class": (tr("probability"), tr("class")),
            "class_seq": (tr("class"), tr("output step")),
            "ctc": (tr("label (0 = blank)"), tr("frame")),
        }[self.mode]
        self.plot.setLabel("left", left)
        self.plot.setLabel("bottom", bottom)

    def clear(self) -> None:
        for c in (self.input_curve, self.truth_curve, self.pred_curve):
            c.setData([], [])
        self.bars.setOpts(x=[], height=[])
        self.true_bar.setOpts(x=[], height=[])
        self.image.clear()
        self.text.setPlainText("")
        self.text.setExtraSelections([])
        self.outputs = None
        self.probs, self.rows = None, []
        self.last_text = ""
        self._drawn = {}
        self.extra_label.setText("")
        self.extra_label.setVisible(False)

    def _once(self, what: str, key: object) -> bool:
        """True (and remembered) when ``what`` must be drawn for ``key``; False when it
        already shows it."""
        if self._drawn.get(what) == key:
            return False
        self._drawn[what] = key
        return True

    def update_snapshot(self, snap: Snapshot) -> None:
        if snap.outputs is None or self.task is None or self.dataset is None:
            return
        self.show_extra_metrics(snap.extra_metrics, snap.extra_step)
        idx = snap.sample_index
        self.outputs = np.asarray(snap.outputs)
        try:
            text = self.task.render_prediction(self.dataset, idx, self.outputs)
        except Exception as e:  # a task's rendering bug must not stop training
            text = tr("(cannot show this prediction: {e})").format(e=e)
        if text != self.last_text:
            self.text.setPlainText(text)
            self.last_text = text
            self._mark_wrong()
        val = self.dataset.val
        y = np.asarray(val.y[idx])
        self.target = y
        getattr(self, f"_draw_{self.mode}")(self.outputs, y, val, idx, snap)

    def show_extra_metrics(self, metrics: list | None, step: int | None = None) -> None:
        """One line with the task's further numbers (``Metric`` list); none hides it."""
        shown = [m for m in metrics or [] if np.isfinite(m.value)]
        text = ""
        if shown:
            scores = [Score(m, baseline_for(m.name, self.baselines)) for m in shown]
            numbers = "  ·  ".join(score_short(s) for s in scores)
            text = (tr("Validation: {numbers}").format(numbers=numbers) if step is None else
                    tr("Validation (step {step}): {numbers}").format(step=step, numbers=numbers))
            self.extra_label.setToolTip("\n".join(score_text(s) for s in scores))
        if text != self.extra_label.text():
            self.extra_label.setText(text)
            self.extra_label.setVisible(bool(text))

    # -- one method per mode --------------------------------------------------------------
    def _draw_regression(self, out: np.ndarray, y: np.ndarray, val: Batch, idx: int,
                         snap: Snapshot) -> None:
        x = np.asarray(snap.inputs if snap.inputs is not None else val.x[idx])
        T = len(x)
        meta = self.dataset.meta if self.dataset else {}
        horizon = meta.get("horizon") or meta.get("horizon_hours", 1) * meta.get(
            "steps_per_hour", 1
        )
        horizon = int(horizon)
        at = np.array([T - 1 + horizon], dtype=float)
        if self._once("sample", idx):  # the input and the truth change with the sample only
            self.input_curve.setData(np.arange(T), x[:, 0])
            self.truth_curve.setData(at, np.ravel(y)[:1])
        self.pred_curve.setData(at, np.ravel(out)[:1])

    def _draw_regression_seq(self, out: np.ndarray, y: np.ndarray, val: Batch, idx: int,
                         snap: Snapshot) -> None:
        n = self._length(val, idx, len(out))
        y = y.reshape(len(y), -1) if y.ndim else y.reshape(1, 1)
        t = np.arange(n)
        if self._once("sample", idx):
            self.truth_curve.setData(t, y[:n, 0])
            self.input_curve.setData([], [])
        self.pred_curve.setData(t, out[:n, 0])

    def _draw_class(self, out: np.ndarray, y: np.ndarray, val: Batch, idx: int,
                         snap: Snapshot) -> None:
        p = softmax(np.asarray(out, dtype=float)[None])[0]
        k = np.arange(len(p))
        true = int(np.ravel(y)[0])
        other = k != true
        self.bars.setOpts(x=k[other], height=p[other], width=0.7)
        self.true_bar.setOpts(x=[true], height=[p[true]], width=0.7)
        if self._once("yrange", 1):
            self.plot.setYRange(0, 1, padding=0.02)
        self.probs, self.rows = p[None], list(range(len(p)))
        if self._once("ticks", len(p)):
            self.step_axis.set_labels(self._class_names(len(p)))

    def _draw_class_seq(self, out: np.ndarray, y: np.ndarray, val: Batch, idx: int,
                         snap: Snapshot) -> None:
        n = self._length(val, idx, len(out))
        p = softmax(np.asarray(out[:n], dtype=float))
        m = min(n, len(y))
        truth = np.asarray(y[:m], dtype=int)
        chosen = p.argmax(axis=1)
        rows = self._rows(p, truth, chosen)
        row_of = {c: r for r, c in enumerate(rows)}
        self.probs, self.rows = p, rows
        self.image.setImage(p[:, rows], autoLevels=False, levels=(0.0, 1.0))
        if self._once("rect", (n, len(rows))):
            self.image.setRect(QRectF(-0.5, -0.5, n, len(rows)))
            # Rows exactly fill the height: the class names get all of it.
            self.plot.setYRange(-0.5, len(rows) - 0.5, padding=0)
        # A box as large as a cell (never over its neighbours), at most 15 pixels.
        cell = min(self.plot.vb.width() / max(n, 1), self.plot.vb.height() / len(rows))
        size = float(np.clip(round(cell) - 2, 5, 15))
        if size != self.box_size:
            self.box_size = size
            self.truth_curve.setSymbolSize(size)
        self.truth_curve.setData(np.arange(m), [float(row_of[int(c)]) for c in truth])
        self.pred_curve.setData(np.arange(n), [float(row_of[int(c)]) for c in chosen])
        if self._once("rows", tuple(rows)):
            names = self._class_names(p.shape[1])
            self.class_axis.set_labels([names[c] for c in rows])
            self.plot.setLabel("left", tr("class") if len(rows) == p.shape[1] else
                               tr("class ({shown} of {classes})").format(shown=len(rows),
                                                                         classes=p.shape[1]))
        if self._once("steps", idx):
            self.step_axis.set_labels(self._step_names(idx))

    def _draw_ctc(self, out: np.ndarray, y: np.ndarray, val: Batch, idx: int,
                         snap: Snapshot) -> None:
        n = self._length(val, idx, len(out), target=False)
        p = softmax(np.asarray(out[:n], dtype=float))
        self.probs, self.rows = p, list(range(p.shape[1]))
        self.image.setImage(p, autoLevels=False, levels=(0.0, 1.0))
        if self._once("rect", p.shape):
            self.image.setRect(QRectF(-0.5, -0.5, p.shape[0], p.shape[1]))
            self.plot.setYRange(-0.5, p.shape[1] - 0.5, padding=0)
        self.pred_curve.setData(np.arange(n), p.argmax(axis=1).astype(float))
        if self._once("sample", idx):
            self.truth_curve.setData([], [])
        if self._once("ticks", p.shape[1]):
            self.class_axis.set_labels(self._class_names(p.shape[1]))

    def _rows(self, p: np.ndarray, truth: np.ndarray, chosen: np.ndarray) -> list[int]:
        """The classes worth a row: every true and every chosen one, then the likeliest
        others (by their highest probability at any step) while their names fit, up to
        :data:`CLASS_ROWS`; in the classes' own order, so a row keeps its place from one
        refresh to the next."""
        keep = {int(c) for c in truth} | {int(c) for c in chosen}
        room = int(self.plot.vb.height() // self.class_axis.extent())  # names that fit
        for c in np.argsort(-p.max(axis=0), kind="stable"):
            if len(keep) >= min(CLASS_ROWS, room, p.shape[1]):
                break
            keep.add(int(c))
        return sorted(keep)

    def _step_names(self, idx: int) -> list[str] | None:
        """The output steps' names for the sample (its characters or words), if any."""
        if self.task is None or self.dataset is None:
            return None
        try:
            names = self.task.step_labels(self.dataset, idx).get("outputs")
        except Exception:  # noqa: BLE001 (a task's naming bug must not stop training)
            return None
        return [_tick(c) for c in names] if names else None

    def _length(self, val: Batch, idx: int, default: int, target: bool = True) -> int:
        """Real (unpadded) length of the sample's output sequence."""
        if self.mode == "class_seq" or self.mode == "regression_seq":
            mask = val.y_mask if val.y_mask is not None else val.mask
        else:
            mask = val.mask
        if mask is None:
            return default
        return int(min(default, np.asarray(mask[idx]).sum()))

    def _class_names(self, n: int) -> list[str]:
        """The names of the ``n`` classes when the task says what they are (in the learner's
        language where they are words), else their numbers."""
        meta = self.dataset.meta if self.dataset else {}
        named = self.task.class_names(self.dataset) if self.task and self.dataset else []
        names = named if len(named) == n else next(
            (meta[k] for k in ("tags", "symbols", "vocab")
             if isinstance(meta.get(k), list | tuple) and len(meta[k]) == n),
            None,
        )
        return [_tick(c) for c in names] if names is not None else [str(i) for i in range(n)]

    def has_data(self) -> bool:
        return self.outputs is not None

    def table(self) -> tuple[list[str], list[list[object]]]:
        """One row per output step: the raw outputs (values or logits) and the target."""
        if self.outputs is None:
            return ["t"], []
        out = np.atleast_2d(self.outputs)
        target = np.ravel(self.target) if self.target is not None else np.zeros(0)
        aligned = len(target) == out.shape[0] or (out.shape[0] == 1 and len(target) >= 1)
        header = ["t"] + [f"output{j}" for j in range(out.shape[1])]
        rows: list[list[object]] = [[t, *map(float, row)] for t, row in enumerate(out)]
        if aligned:
            header.append("target")
            if out.shape[0] == 1:
                rows[0].append(" ".join(f"{v:g}" for v in target))
            else:
                for row, v in zip(rows, target, strict=True):
                    row.append(float(v))
        return header, rows


def _tick(label: object) -> str:
    """A class name short enough for an axis; blanks and spaces made visible."""
    text = str(label)
    if text == "":
        return "∅"
    if text == " ":
        return "␣"
    return text if len(text) <= 8 else text[:7] + "…"
