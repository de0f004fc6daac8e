"""How long the event loop keeps the window waiting: the gaps between ticks of a timer.

A timer set to a few milliseconds fires late when the GUI thread is busy; the gaps between
its ticks are what a user feels as stutter.  A measuring tool, not part of the program:
used by the GUI benchmark and the window's responsiveness test.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer


class LatencyProbe:
    """Records the gaps between the ticks of a ``interval_ms`` timer while started."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.gaps: list[float] = []  # seconds
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self, keep: bool = False) -> None:
        """Start (again); ``keep`` adds to the gaps recorded so far."""
        if not keep:
            self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def worst_ms(self, skip: int = 0) -> float:
        """The longest gap, leaving out the first ``skip`` ones (start-up)."""
        return 1000 * max(self.gaps[skip:], default=0.0)

    def median_ms(self) -> float:
        return 1000 * float(np.median(self.gaps)) if self.gaps else 0.0
