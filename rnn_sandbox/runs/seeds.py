"""The same settings trained with several seeds, in parallel worker processes.

A difference between two runs means something only if it is larger than the spread
between seeds of one setup.  :class:`RunJob` trains (name, config) pairs in worker
processes (all cores by default) and hands each finished :class:`~rnn_sandbox.runs.book.Run`
over through :meth:`RunJob.poll`, which never blocks, so a window can poll it from a
timer and stay responsive; :func:`train_seeds` does the same for a script or the command
line, and :func:`summary` gives the mean and the spread of the final metric.

Workers start from the training process's multiprocessing context (a fork server, or a
fresh interpreter: never a fork of a process with Qt threads) and use one BLAS thread
each, as the in-process path does, so seeds trained in parallel give the very numbers of
the same seeds trained one after another, and do not fight over the cores.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import wait as wait_for
from typing import Any

import numpy as np

from rnn_sandbox import language
from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.engine import TrainingDiverged
from rnn_sandbox.runs.book import Run, give_colours, run_from_message, run_to_message
from rnn_sandbox.session import Experiment
from rnn_sandbox.translation import tr

MAX_SEEDS = 32
# How many validations a run gets (plus one at its last step): enough points for the
# curves without validation dominating a short run.
VALIDATIONS = 50
_SEP = b"\n"  # between a worker's message kind and its body
_BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


class RunJobError(RuntimeError):
    """A run of a :class:`RunJob` failed; the message names the run and the reason."""


# -- one run, in this process ---------------------------------------------------------------
def planned_steps(config: ExperimentConfig) -> int:
    """The steps of the configured epochs, as the command line's default run takes."""
    return _planned(Experiment(config))


def _planned(exp: Experiment) -> int:
    return exp.config.training.epochs * exp.steps_per_epoch()


def train_run(config: ExperimentConfig, name: str, steps: int | None = None) -> Run:
    """Train ``config`` in this process for ``steps`` steps (default: its epochs),
    validating every ``max(1, steps // 50)`` steps and at the last step.  A run that
    diverges raises :class:`RunJobError` saying so."""
    exp = Experiment(config)
    steps = _planned(exp) if steps is None else steps
    if steps < 1:
        raise ValueError("a run needs at least one step")
    every = max(1, steps // VALIDATIONS)
    trainer = exp.trainer
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            for k in range(1, steps + 1):
                trainer.step(validate=k % every == 0 or k == steps)
    except TrainingDiverged as e:
        raise RunJobError(tr("{run}: training diverged: {reason}").format(run=name, reason=e)
                          ) from None
    return Run.of(exp, name, colour=0)


# -- one BLAS thread ---------------------------------------------------------------------------
def _openblas_setters() -> list[tuple[Any, Any]]:
    """(set, get) of every OpenBLAS loaded in this process (Linux: read from the memory
    map; elsewhere none is found and the environment variables alone apply)."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = sorted({line.split()[-1] for line in f if "openblas" in line.lower()
                            and line.split()[-1].startswith("/")})
    except OSError:
        return []
    found = []
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in (("scipy_", "64_"), ("", "64_"), ("", ""), ("scipy_", "")):
            setter = getattr(lib, f"{prefix}openblas_set_num_threads{suffix}", None)
            getter = getattr(lib, f"{prefix}openblas_get_num_threads{suffix}", None)
            if setter is not None and getter is not None:
                found.append((setter, getter))
                break
    return found


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Let BLAS use one thread inside the block (and restore it after): what workers do
    for their whole life, so a run trained here has the same numbers as in a worker."""
    setters = _openblas_setters()
    before = [get() for _, get in setters]
    for set_threads, _ in setters:
        set_threads(1)
    try:
        yield
    finally:
        for (set_threads, _), n in zip(setters, before, strict=True):
            set_threads(n)


# -- workers end with their job ------------------------------------------------------------
_PR_SET_PDEATHSIG = 1  # prctl option (Linux): a signal for this process when its parent ends


def _die_with_parent() -> None:
    """Linux: have the kernel kill this process when its parent (the fork server) ends."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the owner watch below still holds


def _watch_owner(conn: Any) -> None:
    """End this worker as soon as the process that started the job is gone, however it
    ended (killed, terminated, its terminal hung up): a thread waits on the worker's end
    of the result pipe, which reports an error once nobody can read it any more.  (A
    worker's parent is the fork server, not the job's owner, so a death signal from the
    parent alone would not see the owner go.)"""
    try:
        fd = conn.fileno()
        watch = select.poll()
    except (AttributeError, OSError, ValueError):
        return  # no poll() on this platform
    watch.register(fd, select.POLLERR | select.POLLHUP)

    def wait() -> None:
        while True:
            try:
                events = watch.poll()
            except InterruptedError:
                continue
            for _, event in events:
                if event & select.POLLNVAL:  # the worker closed it: its run is sent
                    return
                if event & (select.POLLERR | select.POLLHUP):
                    os._exit(1)  # the owner is gone: nobody wants this run

    threading.Thread(target=wait, name="owner watch", daemon=True).start()


def lower_priority(pid: int, by: int) -> None:
    """Lower process ``pid``'s scheduling priority by ``by`` nice levels, where the system
    allows it (POSIX; a process may always lower its own children's priority)."""
    if not hasattr(os, "setpriority"):
        return
    try:
        now = os.getpriority(os.PRIO_PROCESS, pid)
        os.setpriority(os.PRIO_PROCESS, pid, min(19, now + by))
    except OSError:  # already gone, or the system refuses: the run goes on all the same
        pass


def _worker(conn: Any, name: str, config: dict[str, Any], steps: int | None,
            speaking: str = language.SOURCE) -> None:
    """A worker process: one run, sent back as bytes (no pickle): ``b"run"`` and the
    run's message (:func:`~rnn_sandbox.runs.book.run_to_message`: what the table and the
    plots need, computed here, and the undecoded state), or ``b"error"`` and the reason,
    said in the owner's language (``speaking``).
    It ends with the job's owner or its fork server, whichever goes first."""
    language.use(speaking)
    _die_with_parent()
    _watch_owner(conn)
    for variable in _BLAS_THREAD_VARIABLES:  # for anything that loads a BLAS from now on
        os.environ[variable] = "1"
    for set_threads, _ in _openblas_setters():  # NumPy's, already loaded by the server
        set_threads(1)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    try:
        message = b"run" + _SEP + run_to_message(
            train_run(ExperimentConfig.from_dict(config), name, steps))
    except RunJobError as e:
        message = b"error" + _SEP + str(e).encode("utf-8")
    except Exception as e:  # a task or setting that fails: the reason, not a hang
        message = b"error" + _SEP + f"{name}: {type(e).__name__}: {e}".encode()
    try:
        conn.send_bytes(message)
    finally:
        conn.close()


# -- several runs in worker processes ----------------------------------------------------------
class RunJob:
    """Trains several ``(name, config)`` pairs in worker processes, at most ``processes``
    (default: all cores) at a time.

    :meth:`start` launches; :meth:`poll` (never blocks; call it from a timer) hands over
    the runs finished since the last call and starts the next workers; :meth:`wait` blocks
    until all are done; :meth:`cancel` stops every worker.  A run that fails (an exception,
    a worker that died) stops the job with ``error`` saying which and why.
    """

    def __init__(
        self,
        items: Sequence[tuple[str, ExperimentConfig]],
        processes: int | None = None,
        group: str | None = None,
        steps: int | None = None,
        nice: int = 0,
    ) -> None:
        if processes is not None and processes < 1:
            raise ValueError("processes must be at least 1")
        self.items = [(name, config.copy()) for name, config in items]
        self.processes = processes or os.cpu_count() or 1
        self.group = group
        self.steps = steps
        # How much lower the workers' scheduling priority is than this process's: a window
        # passes some, so that its own thread gets the core it needs to stay responsive
        # while the workers keep every core busy (they still use all the time it leaves).
        self.nice = nice
        self.total = len(self.items)
        self.finished = 0
        self.done = self.total == 0
        self.error: str | None = None
        self.cancelled = False
        self._next = 0
        self._running: dict[int, tuple[Any, Any]] = {}  # index → (process, connection)
        self._results: dict[int, Run] = {}
        self._given: set[int] = set()  # indices of the runs poll has handed out
        self._exiting: list[Any] = []  # workers that sent their run and are ending
        self._started = False

    def start(self) -> None:
        if self._started:
            raise RuntimeError("the job has started already")
        self._started = True
        self._launch()

    def _launch(self) -> None:
        from rnn_sandbox.training.proxy import context

        ctx = context()
        while (not self.done and self._next < self.total
               and len(self._running) < self.processes):
            i = self._next
            self._next += 1
            name, config = self.items[i]
            receive, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=_worker,
                args=(send, name, config.to_dict(), self.steps, language.current()),
                name=f"rnn-sandbox {name}", daemon=True,
            )
            proc.start()
            send.close()  # the worker holds the other end: EOF when it dies
            if self.nice > 0:
                lower_priority(proc.pid, self.nice)
            self._running[i] = (proc, receive)

    def processes_alive(self) -> list[Any]:
        """The worker processes still alive (training, or ending after their run)."""
        procs = [proc for proc, _ in self._running.values()] + self._exiting
        return [p for p in procs if p.is_alive()]

    def poll(self) -> list[Run]:
        """The runs finished since the last call, in the order of the items: a run waits
        for those before it (so a lesson's setups and a group's seeds are listed in their
        order, however the machine's load made them finish); once the job is done (or
        cancelled, or failed) every finished run is handed out."""
        self._exiting = [p for p in self._exiting if p.exitcode is None]  # reaps the rest
        if self._started and not self.done:
            for i, (proc, conn) in list(self._running.items()):
                if conn.poll():
                    self._take(i, proc, conn)
                elif proc.exitcode is not None and not conn.poll():
                    self._fail(f"{self.items[i][0]}: the worker process ended without a "
                               f"result (exit code {proc.exitcode})")
                if self.done:
                    break
            if not self.done:
                self._launch()
                if not self._running and self._next >= self.total:
                    self.done = True
        return self._ready()

    def _ready(self) -> list[Run]:
        ready = []
        for i in range(self.total):
            if i not in self._results:
                if not self.done:
                    break
                continue
            if i not in self._given:
                self._given.add(i)
                ready.append(self._results[i])
        return ready

    def _take(self, i: int, proc: Any, conn: Any) -> None:
        """The run worker ``i`` sent: its numbers read from JSON, its state left as bytes
        (nothing is unpickled and no experiment is rebuilt here: this runs in the GUI
        thread of a window)."""
        lost = f"{self.items[i][0]}: the worker process ended without a result"
        try:
            kind, _, body = conn.recv_bytes().partition(_SEP)
            value: Run | str = (run_from_message(body) if kind == b"run"
                                else body.decode("utf-8", "replace"))
        except (EOFError, OSError, ValueError, KeyError, TypeError):
            kind, value = b"error", lost
        conn.close()
        del self._running[i]
        self._exiting.append(proc)  # it has said all; reaped once it has ended
        if not isinstance(value, Run):
            self._fail(value)
            return
        run = value
        run.group = self.group
        self._results[i] = run
        self.finished += 1

    def _fail(self, message: str) -> None:
        self.error = message
        self._stop()

    def wait(self, progress: Callable[[Run], None] | None = None) -> list[Run]:
        """Block until every run is done; all runs in the order of the items (``progress``
        is called with each as it finishes).  Raises :class:`RunJobError` if one failed,
        and stops the workers if interrupted."""
        if not self._started:
            self.start()
        try:
            while not self.done:
                handles = [h for proc, conn in self._running.values()
                           for h in (conn, proc.sentinel)]
                if handles:
                    wait_for(handles, timeout=1.0)
                for run in self.poll():
                    if progress is not None:
                        progress(run)
        except BaseException:
            self.cancel()
            raise
        for proc in self._exiting:  # all done: wait for the last workers to end
            proc.join(timeout=5)
        self._exiting = [p for p in self._exiting if p.exitcode is None]
        if self.error is not None:
            raise RunJobError(self.error)
        if self.cancelled:
            raise RunJobError(tr("the runs were cancelled"))
        return [self._results[i] for i in range(self.total)]

    def cancel(self) -> None:
        """Stop every worker (no process is left behind); finished runs stay finished."""
        if not self.done:
            self.cancelled = True
        self._stop()

    def _stop(self) -> None:
        self.done = True
        procs = [proc for proc, _ in self._running.values()] + self._exiting
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)
        for _, conn in self._running.values():
            conn.close()
        self._running.clear()
        self._exiting.clear()

    def __del__(self) -> None:
        if getattr(self, "_running", None) or getattr(self, "_exiting", None):
            self._stop()


# -- seeds --------------------------------------------------------------------------------------
def seed_items(config: ExperimentConfig, n: int) -> list[tuple[str, ExperimentConfig]]:
    """``n`` copies of ``config`` with seeds ``config.training.seed + 0..n-1``, named
    "seed 3"."""
    if not 1 <= n <= MAX_SEEDS:
        raise ValueError(f"the number of seeds must be between 1 and {MAX_SEEDS}")
    items = []
    for k in range(n):
        cfg = config.copy()
        cfg.training.seed = config.training.seed + k
        items.append((f"seed {cfg.training.seed}", cfg))
    return items


def train_seeds(
    config: ExperimentConfig,
    seeds: Sequence[int],
    processes: int | None = None,
    steps: int | None = None,
    group: str | None = None,
) -> list[Run]:
    """``config`` trained once per seed, runs in the order of ``seeds`` (one colour: they
    are one group).
    ``processes=1`` trains one after another in this process, more in parallel worker
    processes (default: all cores); the numbers are the same either way."""
    items = []
    for seed in seeds:
        cfg = config.copy()
        cfg.training.seed = int(seed)
        items.append((f"seed {seed}", cfg))
    if group is None and items:
        group = f"{config.task.name}, seeds {seeds[0]}–{seeds[-1]}"
    if processes == 1:
        with one_blas_thread():
            runs = [train_run(cfg, name, steps) for name, cfg in items]
        for run in runs:
            run.group = group
    else:
        runs = RunJob(items, processes, group=group, steps=steps).wait()
    give_colours(runs)
    return runs


def summary(runs: Sequence[Run]) -> dict[str, float]:
    """The final metric over ``runs``: ``n``, ``mean``, ``std`` (sample, ddof 1; 0 for one
    run), ``min``, ``max``; ``baseline`` (the mean of the runs' baselines: each seed makes
    its own data) and ``margin`` (how much the mean beats it; negative: worse) — NaN where
    there is nothing to measure."""
    values = np.array([v for r in runs if (v := r.final_metric()) is not None])
    baselines = [float(r.baseline.value) for r in runs if r.baseline is not None]
    nan = float("nan")
    n = len(values)
    out = {
        "n": float(n),
        "mean": float(values.mean()) if n else nan,
        "std": float(values.std(ddof=1)) if n > 1 else (0.0 if n else nan),
        "min": float(values.min()) if n else nan,
        "max": float(values.max()) if n else nan,
        "baseline": float(np.mean(baselines)) if baselines else nan,
    }
    higher = runs[0].higher_is_better if runs else True
    d = out["mean"] - out["baseline"]
    out["margin"] = d if higher else -d
    return out
