"""Seeds of one setup in parallel worker processes against one after another.

``python -m benchmarks seeds`` trains 5 seeds of long_memory (the task's defaults, its
planned epochs) twice: one after another in this process, then in parallel worker
processes (``rnn_sandbox.runs.seeds.train_seeds``), both with one BLAS thread per run, and
prints the seconds each took, the speed-up and whether both gave the same numbers.
``--quick`` trains 100 steps per seed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

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
    args = p.parse_args(argv)
    steps = args.steps if args.steps is not None else (QUICK_STEPS if args.quick else None)
    r = bench(args.task, args.seeds, steps, args.processes)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores, load average {load:.1f} at the end")
    cells = row_cells(r)
    if args.markdown:
        print("| " + " | ".join(COLUMNS) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(COLUMNS))) + "|")
        print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(c), len(v)) for c, v in zip(COLUMNS, cells, strict=True)]
        print("  ".join(c.rjust(w) for c, w in zip(COLUMNS, widths, strict=True)))
        print("  ".join(v.rjust(w) for v, w in zip(cells, widths, strict=True)))
    return 0 if r["same"] else 1


if __name__ == "__main__":
    sys.exit(main())
