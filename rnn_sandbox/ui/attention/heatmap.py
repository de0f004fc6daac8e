"""The alignment a decoder learns, as a heatmap: one row per word it wrote, one column per
source word, the colour the weight α the row gave the column (each row sums to 1).  A slider
replays the snapshots collected while training, so the learner sees the diagonal (or the
moved verb) form; and the sentence accuracy by source length, the plot that shows where
attention matters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr
from rnn_sandbox.ui.label_axis import LabelAxis
from rnn_sandbox.ui.plots.base import (
    AXIS_W,
    MIN_DATA,
    PALETTE,
    PlotPanel,
    StepAxis,
    csv_value,
    on_screen,
    plots_height,
)

ALPHA_MAP = pg.colormap.get("viridis")  # 0 dark, 1 bright
MAX_FRAMES = 400  # snapshots kept for the replay; older ones thinned to every other


@dataclass(frozen=True)
class Alignment:
    """The weights of one written sentence at one training step, with its words."""

    step: int
    alpha: np.ndarray  # (written words, source words)
    written: list[str]  # the rows' words
    source: list[str]  # the columns' words


def fit_title(label: pg.LabelItem, forms: Sequence[str]) -> str:
    """Show the first of ``forms`` (the whole title, then shorter ones) that fits the
    title's width, else the last shortened with "…"; returns what is shown.  A title wider
    than its plot was cut at both edges, its start and end lost in a narrow dock."""
    room = label.width()

    def fits(text: str) -> bool:  # on one line: a title wider than the label wraps
        label.setText(text)
        return (label.item.document().firstBlock().layout().lineCount() <= 1
                and label.item.boundingRect().width() <= room)

    shown = forms[0]
    if room > 0 and not any(fits(shown := form) for form in forms):
        last = forms[-1]
        lo, hi = 0, len(last)  # the longest start of it that fits with "…"
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if fits(last[:mid].rstrip() + "…") else (lo, mid - 1)
        shown = last[:lo].rstrip() + "…"
    label.setText(shown)
    return shown


class AlignmentPlot(PlotPanel):
    """Heatmap of α for the watched sample, rows labelled by the words written, columns by
    the source words; a slider replays how it formed over training (at its right end it
    follows training live)."""

    CAPTION = QT_TR_NOOP("Each row is a word the decoder wrote, each column a source word; "
                         "the brighter, the more that word looked at it (α, each row sums "
                         "to 1). Drag the slider to replay how the alignment formed.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption.setText(tr(self.CAPTION))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Training step:")))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(80)
        self.slider.setToolTip(tr("Replay the alignment as it formed; right end: live"))
        self.slider.valueChanged.connect(self._slid)
        bar.addWidget(self.slider, 1)
        self.step_label = QLabel()
        bar.addWidget(self.step_label)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)
        self.source_axis = LabelAxis("bottom")
        self.written_axis = LabelAxis("left")
        # The title in full, else without "Attention" (the dock says it), else shortened.
        self.titles = (tr("Attention α of the watched sample"), tr("α of the watched sample"))
        self.plot = self._add_plot(0, title=self.titles[0],
                                   axisItems={"bottom": self.source_axis,
                                              "left": self.written_axis})
        # The rows need no axis title (the caption and the words say it): room for the words.
        self.plot.setLabel("bottom", tr("source word"))
        self.plot.invertY(True)  # the first word written on top, as a sentence reads
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=ALPHA_MAP, width=10,
                                        interactive=False)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        title = self.plot.titleLabel  # over the colour bar too: more of it fits
        self.plot.layout.removeItem(title)
        self.plot.layout.addItem(title, 0, 0, 1, 6)
        # The colour bar is shown only where the data area keeps its least width beside
        # it: a narrow dock (German at 1280×720) gets the heatmap without sideways
        # scrolling, and the caption and the tooltip say what the brightness means.
        self.bar_shown = True
        self._bar_w = 0.0  # what the bar and its gap took when last shown
        self.brightness = tr("Brightness: α from 0 (dark) to 1 (bright)")
        self.graphics.setToolTip(self.brightness)
        self.set_min_graphics(AXIS_W + MIN_DATA[0], plots_height(1))
        self.frames: list[Alignment] = []
        self.live = True  # the slider at its right end follows new frames

    # -- the colour bar --------------------------------------------------------------------
    def _fit_data_areas(self) -> None:
        self._fit_title()
        if on_screen(self) and self._place_bar():
            self._fit_due = False
            self._schedule_fit()  # measured again with the bar in or out
            return
        super()._fit_data_areas()

    def _place_bar(self) -> bool:
        """Show the colour bar when the data area stays :data:`MIN_DATA` wide beside it,
        hide it when not; whether it moved.  The layout's unzoomed width is compared, so
        any zoom decides alike."""
        data_w = self.plot.vb.width()
        if self.bar_shown:
            self._bar_w = self.colorbar.width() + 5  # the 5-px gap pyqtgraph puts before it
            show = data_w >= MIN_DATA[0]
        else:
            show = data_w - self._bar_w >= MIN_DATA[0]
        if show == self.bar_shown:
            return False
        self.set_bar_shown(show)
        return True

    def _fit_title(self) -> None:
        shown = fit_title(self.plot.titleLabel, self.titles)
        self.graphics.setToolTip(self.brightness if shown == self.titles[0]
                                 else f"{self.titles[0]}\n{self.brightness}")

    def set_bar_shown(self, show: bool) -> None:
        """Put the colour bar in the plot's layout (its column right of the data) or take
        it out, so that a hidden bar leaves its width to the data."""
        layout = self.plot.layout
        if show:
            layout.addItem(self.colorbar, 2, 5)
            layout.setColumnFixedWidth(4, 5)
        else:
            layout.removeItem(self.colorbar)
            layout.setColumnFixedWidth(4, 0)
        self.colorbar.setVisible(show)
        self.bar_shown = show

    # -- frames ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.frames = []
        self.live = True
        self.image.clear()
        self.source_axis.set_labels(None)
        self.written_axis.set_labels(None)
        self._sync_slider()

    def add(self, frame: Alignment) -> None:
        """One more frame (a later training step); drawn when the slider is live."""
        if self.frames and frame.step <= self.frames[-1].step:
            self.frames[-1] = frame  # the same step looked at again (paused, new sample)
        else:
            self.frames.append(frame)
        if len(self.frames) > MAX_FRAMES:  # keep the start and the end, thin the middle
            self.frames = self.frames[:1] + self.frames[1:-1:2] + self.frames[-1:]
        self._sync_slider()

    def _sync_slider(self) -> None:
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(self.frames) - 1))
        if self.live:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(self.frames) > 1)

    def _slid(self, value: int) -> None:
        self.live = value >= self.slider.maximum()
        self.draw()

    def shown_frame(self) -> Alignment | None:
        if not self.frames:
            return None
        return self.frames[min(self.slider.value(), len(self.frames) - 1)]

    def draw(self) -> None:
        frame = self.shown_frame()
        if frame is None:
            self.step_label.setText("")
            return
        a = frame.alpha
        self.image.setImage(a, levels=(0.0, 1.0))
        self.image.setRect(-0.5, -0.5, a.shape[1], a.shape[0])
        self.source_axis.set_labels(frame.source)
        self.written_axis.set_labels(frame.written)
        self.plot.setXRange(-0.5, a.shape[1] - 0.5, padding=0)
        self.plot.setYRange(-0.5, a.shape[0] - 0.5, padding=0)
        self.step_label.setText(tr("step {0}").format(frame.step))

    # -- export ----------------------------------------------------------------------------
    def table(self) -> tuple[list[str], list[list[object]]]:
        frame = self.shown_frame()
        if frame is None:
            return [tr("word written")], []
        header = [tr("word written"), *frame.source]
        return header, [[w, *(csv_value(v) for v in row)]
                        for w, row in zip(frame.written, frame.alpha, strict=True)]

    def has_data(self) -> bool:
        return bool(self.frames)


class LengthPlot(PlotPanel):
    """The share of validation sentences written exactly right, by source length."""

    CAPTION = QT_TR_NOOP("How many sentences of each length the network writes exactly "
                         "right: without attention, the long ones fail first.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption.setText(tr(self.CAPTION))
        self._layout.addWidget(self.graphics_area(), 1)
        self._layout.addWidget(self.caption)
        self.titles: tuple[str, ...] = (tr("Sentence accuracy by source length"),)
        self.plot = self._add_plot(0, title=self.titles[0],
                                   axisItems={"bottom": StepAxis("bottom")})
        self.plot.setLabel("bottom", tr("source words"))
        self.plot.setLabel("left", tr("accuracy"))
        self.plot.setYRange(0, 1.02, padding=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=PALETTE[0])
        self.plot.addItem(self.bars)
        self.rows: list[tuple[int, int, float]] = []
        self.step = 0
        self.set_min_graphics(AXIS_W + 120, plots_height(1))

    def show_rows(self, rows: list[tuple[int, int, float]], step: int) -> None:
        self.rows, self.step = list(rows), step
        if not rows:
            self.bars.setOpts(x=[], height=[])
            return
        n = [r[0] for r in rows]
        self.bars.setOpts(x=n, height=[r[2] for r in rows], width=0.7)
        self.plot.setXRange(min(n) - 0.6, max(n) + 0.6, padding=0)
        # Narrow, shorter, at last the step alone: the axes say what is plotted.
        self.titles = (tr("Sentence accuracy by source length (step {0})").format(step),
                       tr("Accuracy by length (step {0})").format(step),
                       tr("step {0}").format(step))
        self._fit_title()

    def _fit_data_areas(self) -> None:
        self._fit_title()
        super()._fit_data_areas()

    def _fit_title(self) -> None:
        shown = fit_title(self.plot.titleLabel, self.titles)
        self.graphics.setToolTip("" if shown == self.titles[0] else self.titles[0])

    def table(self) -> tuple[list[str], list[list[object]]]:
        return ([tr("source words"), tr("sentences"), tr("accuracy")],
                [[n, c, csv_value(a)] for n, c, a in self.rows])

    def has_data(self) -> bool:
        return bool(self.rows)
