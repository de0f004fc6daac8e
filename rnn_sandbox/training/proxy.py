"""The window's handle on its training process (no Qt: the relay thread that runs
:meth:`TrainingWorker.relay` and the signals are in :mod:`rnn_sandbox.ui.worker`).

:class:`TrainingWorker` sends requests down a pipe and keeps a copy of the experiment that
``with worker.paused() as exp:`` brings up to date: the loop pauses, sends its state, and
gets back whatever the block changed.
"""

from __future__ import annotations

import collections
import multiprocessing
import pickle
import queue
import sys
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import Any

from rnn_sandbox import language
from rnn_sandbox.session import Experiment
from rnn_sandbox.training import messages
from rnn_sandbox.training.loop import StateLink, TrainingLoop, serve

SYNC_TIMEOUT = 60.0  # seconds paused() waits for the loop to finish a step and answer
# Reports left untaken this long mean the GUI thread's event loop is not running (a window
# that no longer polls): said once on stderr rather than going unnoticed.
STALL_AFTER = 10.0

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
            _context.set_forkserver_preload(["__main__", "rnn_sandbox.training.loop"])
        else:
            _context = multiprocessing.get_context("spawn")
    return _context


class TrainingWorker:
    """The window's handle on the training process (used from the GUI thread).

    ``outbox`` collects, in order, ``("progress", Progress)``, ``("running", bool)``,
    ``("diverged", str)``, ``("error", (type name, message, details))`` and
    ``("died", exit code)``.
    """

    # The requests passed on as they are (messages.FORWARDED): made into methods below the
    # class, declared here with the signatures of the loop's methods of the same names.
    set_learning_rate: Callable[[float], None]
    set_sample_index: Callable[[int], None]
    set_speed: Callable[[float | None], None]
    set_stop_at: Callable[[int | None], None]
    set_itemize: Callable[[Collection[str] | None], None]
    set_learned: Callable[[bool], None]
    set_look_back_runs: Callable[[list[tuple[str, bytes]]], None]
    set_look_back: Callable[[bool], None]
    drawn: Callable[[int], None]

    def __init__(self, experiment: Experiment, generation: int = 0) -> None:
        self._experiment = experiment
        self._generation = generation
        self._running = False
        self._stopping = False
        self._request_id = 0
        self._run_request = 0  # id of the latest request that decides if the loop runs
        self._depth = 0  # paused() blocks entered
        self._link = StateLink()
        self._replies: queue.Queue[messages.State | None] = queue.Queue()
        self.outbox: collections.deque[tuple[str, Any]] = collections.deque()
        self.on_request: Callable[[], None] | None = None  # called after each request
        self.taken_at = time.monotonic()  # when the GUI thread last looked at the outbox
        self.stalled = False  # reports waited longer than STALL_AFTER (relay thread sets)
        ctx = context()
        requests_in, self._requests = ctx.Pipe(duplex=False)
        self._reports, reports_out = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=serve, name="rnn-sandbox training", daemon=True,
            args=(requests_in, reports_out, _dumps(experiment), generation,
                  language.current()),
        )
        self.process.start()
        # Only the child keeps these ends, so either side sees the other one go.
        requests_in.close()
        reports_out.close()

    # -- requests (GUI thread) ---------------------------------------------------------------
    def _send(self, name: str, *args: Any) -> int:
        self._request_id += 1
        if name in messages.RUN_REQUESTS:
            self._run_request = self._request_id
        try:
            self._requests.send(messages.request(name, self._request_id, *args))
        except (OSError, ValueError):
            pass  # the process is gone; the relay reports it
        if self.on_request is not None:
            self.on_request()
        return self._request_id

    def play(self) -> None:
        # The window hears "running" before the request leaves: a short run may end (and
        # its "stopped" be queued by the relay) before this thread runs its next line.
        self._running = True
        self.outbox.append(("running", True))
        self._send("play")

    def pause(self) -> None:
        was = self._running
        self._running = False
        if was:
            self.outbox.append(("running", False))
        self._send("pause")

    def step_once(self, n: int = 1) -> None:
        """Train exactly ``n`` more batches (only while paused)."""
        if not self._running:
            self._send("step_once", n)

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
            if reply.seen >= wanted and reply.generation == self._generation:
                self._link.load(self._experiment, reply.blob)
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
                if isinstance(msg, messages.State):
                    self._replies.put(msg)
                elif msg.generation != self._generation:
                    continue  # from an experiment replaced meanwhile
                elif isinstance(msg, messages.Out):
                    current = msg.seen >= self._run_request
                    if current:
                        self._running = msg.running and not self._stopping
                    for item in msg.items:
                        if item[0] != "running" or current:
                            self.outbox.append(item)
                    self._notice_stall()
                elif isinstance(msg, messages.Failure):
                    self.outbox.append(("error", (msg.type_name, msg.message, msg.details)))
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


def _forward(name: str) -> Callable[..., None]:
    """A method that passes request ``name`` on to the loop as it is."""

    def send(self: TrainingWorker, *args: Any) -> None:
        self._send(name, *args)

    send.__name__ = send.__qualname__ = name
    send.__doc__ = getattr(TrainingLoop, name).__doc__
    return send


for _name in messages.FORWARDED:  # set_learning_rate, set_speed, drawn, ...
    setattr(TrainingWorker, _name, _forward(_name))
