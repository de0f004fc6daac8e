"""Python's cyclic garbage collector, confined to the GUI thread while training runs.

Python collects reference cycles in whichever thread happens to allocate when a threshold
is crossed.  If that is another thread (the one relaying the training process's reports,
which allocates as it unpickles them) and the garbage holds Qt wrappers (a closed window,
a replaced plot), Qt objects are destroyed in the wrong thread: the destructor takes a Qt
lock and then waits for the interpreter, while the GUI thread holds the interpreter and
waits for the same lock, and both wait for ever.  So while such a thread exists the
automatic collector is switched off and a timer in the GUI thread collects instead,
generation by generation, with the interpreter's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QThread, QTimer

CHECK_MS = 250  # how often the GUI thread looks whether a collection is due

_holders = 0
_was_enabled = True
_timer: QTimer | None = None


def collect_due() -> int:
    """Collect the generations whose thresholds are crossed (GUI thread); objects freed."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    found = 0
    generation = -1
    for g in range(3):
        if counts[g] > thresholds[g]:
            generation = g
        else:
            break
    if generation >= 0:
        found = gc.collect(generation)
    return found


def acquire() -> None:
    """Start collecting in the GUI thread only (counted; call from the GUI thread)."""
    global _holders, _was_enabled, _timer
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("the collector is switched from the GUI thread only")
    if _holders == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
        if _timer is None:
            _timer = QTimer()
            _timer.setInterval(CHECK_MS)
            _timer.timeout.connect(collect_due)
        _timer.start()
    _holders += 1


def release() -> None:
    """Undo one :func:`acquire`; the last one gives collection back to the interpreter."""
    global _holders
    if _holders == 0:
        return
    _holders -= 1
    if _holders == 0:
        if _timer is not None:
            _timer.stop()
        if _was_enabled:
            gc.enable()


def active() -> bool:
    """True while collection is confined to the GUI thread."""
    return _holders > 0
