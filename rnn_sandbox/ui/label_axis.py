"""An axis that names whole positions: a time step by its character or word, a class by
its name.  When the names would touch, it shows every k-th one (k as small as the room
allows), so they never overlap however narrow the plot or long the sample."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

GAP = 6.0  # pixels between two neighbouring names


class LabelAxis(pg.AxisItem):
    """Names at whole positions ``first``, ``first + 1``, ...; without names the usual
    pyqtgraph ticks."""

    def __init__(self, orientation: str, **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.labels: list[str] | None = None
        self.first = 0.0
        self.every = 1  # the k of the names last shown (every k-th)

    def set_labels(self, labels: Sequence[str] | None, first: float = 0.0) -> None:
        """Name position ``first + i`` by ``labels[i]``; ``None``: plain numbers again."""
        new = None if labels is None else [str(s) for s in labels]
        if new == self.labels and first == self.first:
            return
        self.labels, self.first = new, float(first)
        self.picture = None  # pyqtgraph redraws the axis from scratch
        self.update()

    def _font(self) -> QFont:
        font = self.style.get("tickFont")
        return font if isinstance(font, QFont) else QApplication.font()

    def extent(self) -> float:
        """Room one name needs along the axis, in pixels (the widest or one line high)."""
        fm = QFontMetricsF(self._font())
        if self.orientation in ("left", "right"):
            return fm.height() + GAP / 2
        return max((fm.horizontalAdvance(s) for s in self.labels or [""]), default=0.0) + GAP

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802
        if not self.labels:
            return super().tickValues(minVal, maxVal, size)
        n = len(self.labels)
        lo = max(0, math.ceil(min(minVal, maxVal) - self.first))
        hi = min(n - 1, math.floor(max(minVal, maxVal) - self.first))
        if hi < lo:
            return []
        span = max(abs(maxVal - minVal), 1e-9)
        per_position = size / span  # pixels between two neighbouring positions
        self.every = max(1, math.ceil(self.extent() / max(per_position, 1e-9)))
        k = self.every
        # Multiples of k, so the names do not jump from one to the next while panning.
        return [(float(k), [self.first + i for i in range(lo, hi + 1) if i % k == 0])]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:  # noqa: N802
        if not self.labels:
            return super().tickStrings(values, scale, spacing)
        n = len(self.labels)
        out = []
        for v in values:
            i = int(round(v - self.first))
            out.append(self.labels[i] if 0 <= i < n else "")
        return out

    def shown(self, minVal: float, maxVal: float, size: float) -> list[str]:  # noqa: N803
        """The names drawn for this range and length (for tests and tooltips)."""
        levels = self.tickValues(minVal, maxVal, size)
        values = [v for _, vs in levels for v in vs]
        return self.tickStrings(values, 1.0, 1.0)
