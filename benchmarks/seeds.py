"""Seeds of one setup in parallel worker processes against one after another.

``python -m benchmarks seeds`` trains 5 seeds of long_memory (the task's defaults, its
planned epochs) twice: one after another in this process, then in parallel worker
processes (``rnn_sandbox.runs.seeds.train_seeds``), both with one BLAS thread per run, and
prints the seconds each took, the speed-up and whether both gave the same numbers.
``--quick`` trains 100 steps per seed.

Then it opens the main window (offscreen), starts *Repeat with N seeds* there and measures
how long the event loop kept the window waiting while the seeds trained and came in: the
gaps between ticks of a 10 ms timer (median, worst, and worst within half a second of a
seed finishing).  Goal: no gap over 100 ms.  ``--no-window`` leaves this out.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from rnn_sandbox.runs.seeds import planned_steps, train_seeds
from rnn_sandbox.tasks import get_task

QUICK_STEPS = 100


def bench(task: str, n: int, steps: int | None, processes: int | None) -> dict:
    cfg = get_task(task).default_config()
    seeds = list(range(cfg.training.seed, cfg.training.seed + n))
    steps = planned_steps(cfg) if steps is None else steps
    started = time.perf_counter()
    serial = train_seeds(cfg, seeds, processes=1, steps=steps)
    one_after_another = time.perf_counter() - started
    workers = processes or os.cpu_count() or 1
    started = time.perf_counter()
    parallel = train_seeds(cfg, seeds, processes=workers, steps=steps)
    in_parallel = time.perf_counter() - started
    same = all(
        [h["train_loss"] for h in a.history] == [h["train_loss"] for h in b.history]
        and a.final_metric() == b.final_metric()
        for a, b in zip(serial, parallel, strict=True)
    )
    return {
        "task": task, "seeds": n, "steps": steps, "processes": min(workers, n),
        "serial": one_after_another, "parallel": in_parallel,
        "speedup": one_after_another / in_parallel, "same": same,
    }


GAP_GOAL_MS = 100
NEAR_FINISH_S = 0.5  # a gap this close to a seed's arrival counts as the arrival's


def window_gaps(task: str, n: int, steps: int | None) -> dict:
    """The window's event-loop gaps while ``n`` seeds train in worker processes and
    arrive (the comparison in view, the current run with one step drawn beside them)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    import numpy as np
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from rnn_sandbox.session import Experiment
    from rnn_sandbox.ui.main_window import MainWindow

    cfg = get_task(task).default_config()
    if steps is not None:
        cfg.training.epochs = max(1, round(steps / Experiment(cfg).steps_per_epoch()))
    app = QApplication.instance() or QApplication([])

    def spin(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)  # like the real event loop: wait for events, do not spin

    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(os.path.join(tmp, "bench.ini"), QSettings.Format.IniFormat)
        window = MainWindow(config=cfg, settings=settings)
        window.confirm = lambda *_: True
        window.modal_messages = False
        window.resize(1366, 768)
        window.show()
        window.show_comparison()
        keeper = window.controller.runs
        spin(1.0)
        window.controller.step_once()
        spin(0.5)  # the first drawings are not what is measured
        arrivals: list[float] = []
        keeper.jobChanged.connect(lambda: arrivals.append(time.perf_counter()))
        # A 10 ms timer: the wall time between its ticks is what a user feels, the GUI
        # thread's processor time in between what the window itself spent (the rest of
        # a long gap is the machine giving the core to other work).
        ticks: list[tuple[float, float]] = [(time.perf_counter(), time.thread_time())]
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append((time.perf_counter(), time.thread_time())))
        timer.start()
        keeper.repeat_with_seeds(n)
        while keeper.job is not None:
            app.processEvents()
            time.sleep(0.001)
        spin(1.0)  # the last seeds drawn
        timer.stop()
        window.close()
        window.shutdown()
    t = np.array(ticks)
    gaps, cpu, ends = np.diff(t[:, 0]), np.diff(t[:, 1]), t[1:, 0]
    near = [g for g, e in zip(gaps, ends, strict=True)
            if any(-NEAR_FINISH_S <= e - a <= NEAR_FINISH_S for a in arrivals[1:])]
    worst = int(np.argmax(gaps))
    return {"task": task, "seeds": n, "epochs": cfg.training.epochs,
            "median": 1000 * float(np.median(gaps)), "worst": 1000 * float(gaps[worst]),
            "worst_cpu": 1000 * float(cpu[worst]), "busiest": 1000 * float(cpu.max()),
            "worst_near": 1000 * max(near, default=0.0)}


WINDOW_COLUMNS = ("task", "seeds", "epochs each", "median gap ms", "worst gap ms",
                  "its GUI CPU ms", "worst gap at a finish ms", "busiest gap's GUI CPU ms",
                  "goal")


def window_cells(r: dict) -> list[str]:
    return [r["task"], str(r["seeds"]), str(r["epochs"]), f"{r['median']:.0f}",
            f"{r['worst']:.0f}", f"{r['worst_cpu']:.0f}", f"{r['worst_near']:.0f}",
            f"{r['busiest']:.0f}",
            "met" if r["worst"] <= GAP_GOAL_MS else f"over {GAP_GOAL_MS} ms"]


def print_table(columns: Sequence[str], cells: list[str], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(columns) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(columns))) + "|")
        print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(c), len(v)) for c, v in zip(columns, cells, strict=True)]
        print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
        print("  ".join(v.rjust(w) for v, w in zip(cells, widths, strict=True)))


COLUMNS = ("task", "seeds", "steps each", "processes", "one after another s",
           "in parallel s", "speed-up", "same numbers")


def row_cells(r: dict) -> list[str]:
    return [r["task"], str(r["seeds"]), str(r["steps"]), str(r["processes"]),
            f"{r['serial']:.2f}", f"{r['parallel']:.2f}", f"{r['speedup']:.2f}",
            "yes" if r["same"] else "NO"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks seeds", description=__doc__)
    p.add_argument("--task", default="long_memory")
    p.add_argument("--seeds", type=int, default=5)
    p.add_argument("--steps", type=int, help="steps per seed (default: the task's epochs)")
    p.add_argument("--processes", type=int, help="worker processes (default: all cores)")
    p.add_argument("--quick", action="store_true", help=f"{QUICK_STEPS} steps per seed")
    p.add_argument("--markdown", action="store_true", help="the table as Markdown")
    p.add_argument("--no-window", action="store_true",
                   help="leave out the window's event-loop gaps while seeds come in")
    p.add_argument("--window-only", action="store_true",
                   help="only the window's event-loop gaps while seeds come in")
    args = p.parse_args(argv)
    steps = args.steps if args.steps is not None else (QUICK_STEPS if args.quick else None)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    r = {"same": True}
    if not args.window_only:
        r = bench(args.task, args.seeds, steps, args.processes)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{os.cpu_count()} cores, load average {load:.1f} at the end")
        print_table(COLUMNS, row_cells(r), args.markdown)
    else:
        print(f"{os.cpu_count()} cores, load average {load:.1f} at the start")
    if not args.no_window:
        print(f"\nthe window while {args.seeds} seeds train and come in (offscreen):")
        print_table(WINDOW_COLUMNS, window_cells(window_gaps(args.task, args.seeds, steps)),
                    args.markdown)
    return 0 if r["same"] else 1


if __name__ == "__main__":
    sys.exit(main())
