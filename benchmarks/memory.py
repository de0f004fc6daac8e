"""Peak memory of each command, at the default and at the largest sizes, beside the estimate.

``python -m benchmarks memory`` runs the command line as a new user would, each command in
a process of its own (``python -m rnn_sandbox …``), and reads that process's peak resident
memory from the operating system (``wait4``'s ``ru_maxrss``: the process or the largest of
the worker processes it waited for, as ``/usr/bin/time -v`` reports it).  For each size it
runs: ``train --save``, ``resume``, ``info``, ``compare``, ``predict``, ``export
--weights``, ``animate`` and ``train --seeds 3 --processes 1 --save`` (a runs file), and
prints the peak, the seconds, and the estimate ``rnn_sandbox.engine.budget`` gives for
training these settings (what ``train`` prints and the settings panel shows; a peak above
it would be refused on a machine that has only the estimate free).

Sizes: ``default`` is each task's defaults; ``largest`` is the issue's: a 3-layer
bidirectional LSTM of 1,024 units on tiny_bptt (about 59 million parameters), and
text_generation with 3 layers of 1,024 LSTM units.  ``--quick`` runs the default sizes
only; the largest take minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rnn_sandbox.engine.budget import estimate, size_text
from rnn_sandbox.tasks import get_task

ROOT = Path(__file__).resolve().parents[1]

# name → (task, options of train): the settings of each size.
SIZES: dict[str, list[tuple[str, list[str]]]] = {
    "default": [("tiny_bptt", []), ("text_generation", ["--steps", "5"])],
    "largest": [
        ("tiny_bptt", ["--cell", "lstm", "--bidirectional", "--hidden", "1024",
                       "--layers", "3", "--batch-size", "1", "--steps", "1"]),
        ("text_generation", ["--cell", "lstm", "--hidden", "1024", "--layers", "3",
                             "--steps", "1"]),
    ],
}
COMMANDS = ("train", "resume", "info", "compare", "predict", "export", "animate", "seeds")


def measure(argv: list[str], cwd: Path) -> tuple[int, float, int]:
    """``(exit code, seconds, peak resident bytes)`` of ``python -m rnn_sandbox argv``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rnn_sandbox", *argv], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    peak = usage.ru_maxrss
    # Worker processes are forked by a fork server the command started, which outlives
    # it: as the subreaper this process inherits the server and reads its peak, which
    # holds its workers' (it waited for them).
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.05)
            continue
        peak = max(peak, usage.ru_maxrss)
    if proc.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace")[-500:])
    return proc.returncode, seconds, peak * 1024


def become_subreaper() -> None:
    """Inherit the orphaned descendants of the commands (Linux), see :func:`measure`."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def config_of(task: str, options: list[str]):
    """The settings ``train --task task *options`` trains (for the estimate)."""
    from rnn_sandbox.cli.configuration import config_from_args
    from rnn_sandbox.cli.options import build_parser

    args = build_parser().parse_args(["train", "--task", task, *options])
    return config_from_args(args)


def command_lines(task: str, options: list[str]) -> dict[str, list[str]]:
    train = ["train", "--task", task, *options, "--quiet"]
    return {
        "train": [*train, "--save", "a.rnnx"],
        "resume": ["resume", "a.rnnx", "--steps", "1", "--quiet", "--save", "b.rnnx"],
        "info": ["info", "a.rnnx"],
        "compare": ["compare", "a.rnnx", "b.rnnx", "--csv", "c.csv"],
        "predict": ["predict", "a.rnnx"],
        "export": ["export", "a.rnnx", "--weights", "w.npz"],
        "animate": ["animate", "a.rnnx", "--out", "a.gif", "--size", "640x400"],
        "seeds": [*train, "--seeds", "3", "--processes", "1", "--save", "r.rnns"],
    }


def bench(sizes: list[str], commands: list[str], tasks: list[str] | None = None
          ) -> list[dict]:
    rows = []
    for size in sizes:
        for task, options in SIZES[size]:
            if tasks and task not in tasks:
                continue
            est = estimate(config_of(task, options), timed=True)
            with tempfile.TemporaryDirectory(prefix="rnn-memory-") as folder:
                lines = command_lines(task, options)
                for name in commands:
                    code, seconds, peak = measure(lines[name], Path(folder))
                    row = {"size": size, "task": task, "command": name, "code": code,
                           "seconds": seconds, "peak": peak, "estimate": est.total,
                           "parameters": est.parameters}
                    rows.append(row)
                    print(line(row), flush=True)
    return rows


def line(r: dict) -> str:
    return (f"{r['size']:<8} {r['task']:<16} {r['command']:<8} "
            f"{size_text(r['peak']):>8} {r['seconds']:8.1f} s  "
            f"estimate {size_text(r['estimate']):>8}  peak/estimate "
            f"{r['peak'] / r['estimate']:5.2f}{'' if r['code'] == 0 else '  FAILED'}")


def markdown(rows: list[dict]) -> str:
    out = ["| size | task | command | peak | seconds | estimate | peak/estimate |",
           "|---|---|---|---:|---:|---:|---:|"]
    for r in rows:
        out.append(f"| {r['size']} | {r['task']} | {r['command']} | {size_text(r['peak'])} "
                   f"| {r['seconds']:.1f} | {size_text(r['estimate'])} "
                   f"| {r['peak'] / r['estimate']:.2f}"
                   f"{'' if r['code'] == 0 else ' (failed)'} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks memory", description=__doc__)
    p.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    p.add_argument("--commands", nargs="+", choices=COMMANDS, default=list(COMMANDS))
    p.add_argument("--tasks", nargs="+", help="only these of each size's tasks")
    p.add_argument("--quick", action="store_true", help="the default sizes only")
    p.add_argument("--markdown", action="store_true", help="the table as Markdown")
    args = p.parse_args(argv)
    sizes = ["default"] if args.quick else args.sizes
    for task, _ in (t for s in sizes for t in SIZES[s]):
        get_task(task)  # a misspelt task fails here, not after minutes
    become_subreaper()
    rows = bench(sizes, args.commands, args.tasks)
    if args.markdown:
        print()
        print(markdown(rows))
    return 0 if all(r["code"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
