"""Reference cycles are collected in the GUI thread while a relay thread runs.

Collected in the thread that relays the training process's reports, garbage holding Qt
wrappers would destroy Qt objects there, and that can deadlock the two threads (see
rnn_sandbox.ui.collector).
"""

from __future__ import annotations

import gc
import threading
import time
import weakref

from rnn_sandbox.ui import collector
from rnn_sandbox.ui.worker import TrainingThread

WAIT = 20_000


class Cycle:
    """Garbage only the cyclic collector can free."""

    def __init__(self) -> None:
        self.me = self


def test_cycles_die_in_the_gui_thread_while_training_runs(qtbot, sine_experiment):
    was_enabled = gc.isenabled()
    t = TrainingThread(sine_experiment())
    try:
        assert collector.active() and not gc.isenabled()
        steps: list[int] = []
        t.progress.connect(lambda p: steps.extend(p.steps))
        t.worker.play()
        qtbot.waitUntil(lambda: len(steps) > 5, timeout=WAIT)
        threads: list[str] = []
        for _ in range(500):
            weakref.finalize(Cycle(), lambda: threads.append(threading.current_thread().name))
        # Only the relay thread allocates now: the GUI thread runs no event loop and only
        # lets the training loop send more snapshots, which the relay unpickles.  Left to
        # itself, the interpreter would collect there once its allocations cross the
        # threshold.
        box = t.worker.outbox
        start, deadline = len(box), time.monotonic() + WAIT / 1000
        while len(box) < start + 40 and time.monotonic() < deadline:
            t.worker.drawn(2)
            time.sleep(0.005)
        assert len(box) >= start + 40
        qtbot.waitUntil(lambda: len(threads) == 500, timeout=WAIT)
        assert set(threads) == {threading.main_thread().name}
    finally:
        assert t.shutdown()
    assert not collector.active()
    assert gc.isenabled() == was_enabled


def test_holders_are_counted(qtbot):
    was_enabled = gc.isenabled()
    collector.acquire()
    collector.acquire()
    collector.release()
    assert collector.active() and not gc.isenabled()
    collector.release()
    assert not collector.active() and gc.isenabled() == was_enabled
    collector.release()  # one too many changes nothing
    assert gc.isenabled() == was_enabled


def test_collect_due_frees_cycles_once_the_threshold_is_crossed(qtbot):
    collector.acquire()
    try:
        gc.collect()
        refs = [weakref.ref(Cycle()) for _ in range(gc.get_threshold()[0] + 50)]
        assert all(r() is not None for r in refs)  # nothing collects by itself
        assert collector.collect_due() >= len(refs)
        assert all(r() is None for r in refs)
    finally:
        collector.release()
