"""Training in a process of its own, seen from the window.

The training loop (:mod:`rnn_sandbox.training_loop`) runs in a child process, so training
and drawing use two cores instead of taking turns at one interpreter.  This module is the
window's side of it:

* :class:`TrainingWorker` sends requests (play, pause, step, learning rate, ...) down a
  pipe and keeps a copy of the experiment that ``with worker.paused() as exp:`` brings up
  to date: the loop pauses, sends its state, and gets back whatever the block changed.
* A relay thread (a ``QThread`` named "training") reads the loop's reports from the other
  pipe into ``worker.outbox``; it never calls into Qt.
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

import collections
import multiprocessing
import pickle
import queue
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal, Slot

from rnn_sandbox.session import Experiment
from rnn_sandbox.training_loop import EMIT_INTERVAL, Progress, StateLink, merge, serve
from rnn_sandbox.ui import collector, errors

__all__ = ["EMIT_INTERVAL", "Progress", "TrainingThread", "TrainingWorker", "merge"]

POLL_MS = 5  # how often the GUI thread looks into the outbox while reports come
IDLE_POLL_MS = 50  # ... and while none came for a while (a laptop need not wake as often)
IDLE_AFTER = 0.5  # seconds without a report after which polling slows down
SYNC_TIMEOUT = 60.0  # seconds paused() waits for the loop to finish a step and answer
# Reports left untaken this long mean the GUI thread's event loop is not running (a window
# that no longer polls): said once on stderr rather than going unnoticed.
STALL_AFTER = 10.0
# Requests that decide whether the loop runs: its reports of running or not count only
# once it has seen the latest of these.
RUN_REQUESTS = frozenset({"play", "pause", "step_once", "sync", "experiment", "renew"})

_context: Any = None


def context() -> Any:
    """The multiprocessing context for training processes.

    A fork server where there is one (Linux, macOS): it imports NumPy and the engine once,
    and each training process is forked from it in milliseconds, without the window's
    threads or Qt.  Elsewhere a fresh interpreter is spawned.
    """
    global _context
    if _context is None:
        methods = multiprocessing.get_all_start_methods()
        if "forkserver" in methods:
            _context = multiprocessing.get_context("forkserver")
            # "__main__": the server imports the program's main script once, so each
            # training process does not import it (and what it imports) again.
            _context.set_forkserver_preload(["__main__", "rnn_sandbox.training_loop"])
        else:
            _context = multiprocessing.get_context("spawn")
    return _context


class TrainingWorker:
    """The window's handle on the training process (used from the GUI thread).

    ``outbox`` collects, in order, ``("progress", Progress)``, ``("running", bool)``,
    ``("diverged", str)``, ``("error", (type name, message, details))`` and
    ``("died", exit code)``.
    """

    def __init__(self, experiment: Experiment, generation: int = 0) -> None:
        self._experiment = experiment
        self._generation = generation
        self._running = False
        self._stopping = False
        self._request_id = 0
        self._run_request = 0  # id of the latest request in RUN_REQUESTS
        self._depth = 0  # paused() blocks entered
        self._link = StateLink()
        self._replies: queue.Queue[tuple | None] = queue.Queue()
        self.outbox: collections.deque[tuple[str, Any]] = collections.deque()
        self.on_request: Callable[[], None] | None = None  # called after each request
        self.taken_at = time.monotonic()  # when the GUI thread last looked at the outbox
        self.stalled = False  # reports waited longer than STALL_AFTER (relay thread sets)
        ctx = context()
        requests_in, self._requests = ctx.Pipe(duplex=False)
        self._reports, reports_out = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=serve, name="rnn-sandbox training", daemon=True,
            args=(requests_in, reports_out, _dumps(experiment), generation),
        )
        self.process.start()
        # Only the child keeps these ends, so either side sees the other one go.
        requests_in.close()
        reports_out.close()

    # -- requests (GUI thread) ---------------------------------------------------------------
    def _send(self, name: str, *args: Any) -> int:
        self._request_id += 1
        if name in RUN_REQUESTS:
            self._run_request = self._request_id
        try:
            self._requests.send((self._request_id, name, *args))
        except (OSError, ValueError):
            pass  # the process is gone; the relay reports it
        if self.on_request is not None:
            self.on_request()
        return self._request_id

    def play(self) -> None:
        self._running = True
        self._send("play")
        self.outbox.append(("running", True))

    def pause(self) -> None:
        was = self._running
        self._running = False
        self._send("pause")
        if was:
            self.outbox.append(("running", False))

    def step_once(self, n: int = 1) -> None:
        """Train exactly ``n`` more batches (only while paused)."""
        if not self._running:
            self._send("step_once", n)

    def set_learning_rate(self, lr: float) -> None:
        """Takes effect at the next step."""
        self._send("set_learning_rate", float(lr))

    def set_sample_index(self, index: int) -> None:
        self._send("set_sample_index", int(index))

    def set_speed(self, steps_per_second: float | None) -> None:
        """Limit the pace so a learner can watch; ``None`` runs as fast as possible."""
        self._send("set_speed", steps_per_second)

    def set_stop_at(self, step: int | None) -> None:
        """Pause by itself once the trainer has made ``step`` steps (``None``: never)."""
        self._send("set_stop_at", step)

    def drawn(self, n: int = 1) -> None:
        """The GUI has drawn ``n`` snapshots: the loop may collect as many more."""
        self._send("drawn", n)

    def is_running(self) -> bool:
        return self._running

    def alive(self) -> bool:
        return self.process.is_alive()

    @contextmanager
    def paused(self) -> Iterator[Experiment]:
        """Pause, wait for the current step to end, and hand out the experiment.

        The experiment is brought up to date from the training process, and whatever the
        block changes goes back to it.  Loss points not yet reported are in the outbox
        before the caller looks at the experiment, so the plots can be complete.
        """
        if self._depth:
            yield self._experiment
            return
        self.pause()
        self._pull()
        self._depth += 1
        try:
            yield self._experiment
        finally:
            self._depth -= 1
            if not self._stopping:
                self._send("load", self._link.dump(self._experiment))

    def _pull(self) -> bool:
        """Bring the window's copy of the experiment up to date; False if the process
        could not answer (then the copy stays as it was last brought up)."""
        if self._stopping or not self.process.is_alive():
            return False
        wanted = self._send("sync")
        while True:
            try:
                reply = self._replies.get(timeout=SYNC_TIMEOUT)
            except queue.Empty:
                return False
            if reply is None:  # the relay ended: the process is gone
                self._replies.put(None)
                return False
            _, generation, seen, blob = reply
            if seen >= wanted and generation == self._generation:
                self._link.load(self._experiment, blob)
                return True

    def set_experiment(self, experiment: Experiment, generation: int) -> None:
        """Switch to another experiment (pauses first).

        The current one is brought up to date before, so an Undo that brings it back
        brings it back as trained.
        """
        self.pause()
        self._pull()
        if experiment is self._experiment:
            self._generation = generation
            self._send("renew", generation)
        else:
            self._experiment = experiment
            self._generation = generation
            self._link = StateLink()
            self._send("experiment", _dumps(experiment), generation)
        self.outbox.clear()

    def stop(self) -> None:
        """End the training process (its state is left as last brought up)."""
        self._stopping = True
        self._running = False
        self._send("stop")

    # -- reports (relay thread) --------------------------------------------------------------
    def relay(self) -> None:
        """Move the process's reports into ``outbox`` until it ends (relay thread)."""
        try:
            while True:
                try:
                    # While the window draws nothing, the loop sends nothing: look at the
                    # outbox now and then all the same.
                    if not self._reports.poll(min(1.0, STALL_AFTER)):
                        self._notice_stall()
                        continue
                    msg = self._reports.recv()
                except (EOFError, OSError):
                    break
                kind, generation = msg[0], msg[1]
                if kind == "state":
                    self._replies.put(msg)
                elif generation != self._generation:
                    continue  # from an experiment replaced meanwhile
                elif kind == "out":
                    _, _, seen, running, items = msg
                    current = seen >= self._run_request
                    if current:
                        self._running = running and not self._stopping
                    for item in items:
                        if item[0] != "running" or current:
                            self.outbox.append(item)
                    self._notice_stall()
                elif kind == "error":
                    self.outbox.append(("error", tuple(msg[2:])))
        finally:
            self._reports.close()
            self._replies.put(None)
            self._running = False
            if not self._stopping:
                self.outbox.append(("died", None))

    def _notice_stall(self) -> None:
        """Say once when reports wait untaken: the window has stopped polling (relay
        thread; Qt cannot be used here, so the notice goes to stderr)."""
        waited = time.monotonic() - self.taken_at
        if self.outbox and waited > STALL_AFTER and not self.stalled:
            self.stalled = True
            sys.stderr.write(
                f"rnn-sandbox: the window has not taken training reports for {waited:.1f} s; "
                "its event loop is not running (training goes on)\n"
            )

    def took_reports(self) -> None:
        """The GUI thread looked at the outbox (a stall, if one was noticed, is over)."""
        self.taken_at = time.monotonic()
        if self.stalled:
            self.stalled = False
            sys.stderr.write("rnn-sandbox: the window takes training reports again\n")

    def exit_code(self) -> int | None:
        """How the process ended (GUI thread; ``None`` while it has not)."""
        self.process.join(1.0)
        return self.process.exitcode

    def close(self, timeout: float) -> bool:
        """Wait for the process to end, end it if it will not; True once it has."""
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(2.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2.0)
        ended = not self.process.is_alive()
        if ended:
            self._requests.close()
        return ended


def _dumps(experiment: Experiment) -> bytes:
    return pickle.dumps(experiment, protocol=pickle.HIGHEST_PROTOCOL)


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
        self.thread = _Relay(self.worker)
        self.delivering = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._last_report = time.monotonic()
        self.worker.on_request = self._awake
        self.thread.start()
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
                self.died.emit(f"The training process ended unexpectedly (exit code {code}).")
        if progress:
            self._deliver(progress)

    def _report(self, type_name: str, message: str, details: str) -> None:
        """An exception in the training process, shown like any unexpected error."""
        reporter = errors.current()
        if reporter is None:
            sys.stderr.write(details)
            return
        reporter.submit(errors.ErrorReport(
            title=f"Unexpected error: {type_name}", message=message, details=details,
            thread=self.thread.objectName(),
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
        if ended and self.thread.isRunning():
            ended = self.thread.wait(timeout_ms)
        if ended and self._holds_collector:
            self._holds_collector = False
            collector.release()
        return ended
