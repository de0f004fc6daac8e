"""Training in a process of its own, seen from the window (the Qt side).

The training loop (:mod:`rnn_sandbox.training.loop`) runs in a child process, so training
and drawing use two cores instead of taking turns at one interpreter.
:class:`~rnn_sandbox.training.proxy.TrainingWorker` sends it requests; here:

* a relay thread (a ``QThread`` named "training") reads the loop's reports from the pipe
  into ``worker.outbox``; it never calls into Qt;
* :class:`TrainingThread` polls the outbox from the GUI thread and re-emits what it finds
  as ordinary signals there; polling also merges several reports into one redraw when the
  GUI falls behind.

An exception in the loop pauses training and is reported (the loop serves on); a process
that dies is reported by ``died``, and the window starts a new one from its copy.

While a relay thread exists, Python's cyclic garbage collector runs in the GUI thread only
(:mod:`rnn_sandbox.ui.collector`): the relay unpickles reports, and a collection there
could destroy Qt objects in the wrong thread.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal, Slot

from rnn_sandbox.session import Experiment
from rnn_sandbox.training.loop import EMIT_INTERVAL, Progress, merge
from rnn_sandbox.training.proxy import TrainingWorker
from rnn_sandbox.ui import collector, errors
from rnn_sandbox.ui.i18n import tr

__all__ = ["EMIT_INTERVAL", "Progress", "TrainingThread", "TrainingWorker", "merge"]

POLL_MS = 5  # how often the GUI thread looks into the outbox while reports come
IDLE_POLL_MS = 50  # ... and while none came for a while (a laptop need not wake as often)
IDLE_AFTER = 0.5  # seconds without a report after which polling slows down


class _Relay(QThread):
    """The thread that reads the training process's reports."""

    def __init__(self, worker: TrainingWorker) -> None:
        super().__init__()
        self.worker = worker
        self.setObjectName("training")

    def run(self) -> None:
        self.worker.relay()


class TrainingThread(QObject):
    """A training process, its relay thread, and the GUI-side signals fed from the
    outbox."""

    progress = Signal(object)  # Progress (merged since the last poll)
    diverged = Signal(str)  # what happened and what to try
    runningChanged = Signal(bool)
    died = Signal(str)  # the training process ended unexpectedly: what happened

    def __init__(self, experiment: Experiment, generation: int = 0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Garbage must not be collected in the relay thread (see collector).
        collector.acquire()
        self._holds_collector = True
        self.worker = TrainingWorker(experiment, generation)
        self.relay = _Relay(self.worker)
        self.delivering = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._last_report = time.monotonic()
        self.worker.on_request = self._awake
        self.relay.start()
        self.poll_timer.start()

    def _awake(self) -> None:
        """A request went out: its answer is looked for at the fast pace."""
        self._last_report = time.monotonic()
        try:
            if self.poll_timer.interval() != POLL_MS:
                self.poll_timer.setInterval(POLL_MS)
        except RuntimeError:  # the timer went with its window; nothing to hurry
            pass

    @Slot()
    def poll(self) -> None:
        """Deliver what the worker produced (GUI thread).

        Runs from a timer, so by the time it runs again the event loop has painted what
        the last delivery changed: only then may the loop collect another snapshot.
        """
        if self.delivering:
            return  # re-entered from an event loop turned during a delivery
        box = self.worker.outbox
        self.worker.took_reports()
        now = time.monotonic()
        if box or self.worker.is_running():
            self._last_report = now
        idle = now - self._last_report > IDLE_AFTER
        interval = IDLE_POLL_MS if idle else POLL_MS
        if self.poll_timer.interval() != interval:
            self.poll_timer.setInterval(interval)
        progress: list[Progress] = []
        while box:
            kind, value = box.popleft()
            if kind == "progress":
                progress.append(value)
                continue
            if progress:  # keep the order of events
                self._deliver(progress)
                progress = []
            if kind == "running":
                self.runningChanged.emit(value)
            elif kind == "diverged":
                self.diverged.emit(value)
            elif kind == "error":
                self._report(*value)
            elif kind == "died":
                code = self.worker.exit_code()
                self.died.emit(tr("The training process ended unexpectedly (exit code {code})."
                                  ).format(code=code))
        if progress:
            self._deliver(progress)

    def _report(self, type_name: str, message: str, details: str) -> None:
        """An exception in the training process, shown like any unexpected error."""
        reporter = errors.current()
        if reporter is None:
            sys.stderr.write(details)
            return
        reporter.submit(errors.ErrorReport(
            title=tr("Unexpected error: {type_name}").format(
                type_name=type_name), message=message, details=details,
            thread=self.relay.objectName(),
        ))

    def _deliver(self, items: list[Progress]) -> None:
        merged = merge(items)
        drawing = bool(merged.snapshots)
        if not drawing:
            self.progress.emit(merged)
            return
        self.delivering = True
        try:
            self.progress.emit(merged)
            # The slots only scheduled the last repaints (scene updates are queued, then
            # posted to the window): paint them now, so the next snapshot is asked for
            # only once this one is on the screen.
            for _ in range(2):
                QCoreApplication.processEvents(
                    QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
                )
        finally:
            self.delivering = False
            self.worker.drawn(len(merged.snapshots))

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop training, end the process and the relay; True once nothing runs any more."""
        self.worker.on_request = None
        self.worker.stop()
        self.poll_timer.stop()
        ended = self.worker.close(timeout_ms / 1000)
        if ended and self.relay.isRunning():
            ended = self.relay.wait(timeout_ms)
        if ended and self._holds_collector:
            self._holds_collector = False
            collector.release()
        return ended
