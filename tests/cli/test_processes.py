"""No process outlives ``train --seeds``: however the command ends (killed, terminated, its
terminal hung up, or its fork server killed), the workers, the fork server and the resource
tracker end too instead of training on, reparented to init."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="reads the process tree from /proc")

ARGV = ["-m", "rnn_sandbox", "train", "--task", "tiny_bptt", "--hidden", "3",
        "--samples", "40", "--batch-size", "8", "--steps", "100000000", "--seeds", "2",
        "--processes", "1", "--quiet"]


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a process, or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rpartition(")")[2].split()
    return int(fields[1]), fields[0]


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (st := _stat(int(entry))) is not None:
            tree.setdefault(st[0], []).append(int(entry))
    return tree


def _descendants(pid: int) -> set[int]:
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    st = _stat(pid)
    return st is not None and st[1] != "Z"  # a zombie has ended (init may reap it late)


def test_workers_fork_server_and_tracker_end_with_the_command(tmp_path):
    ways = ("SIGKILL", "SIGTERM", "SIGHUP", "fork server SIGKILL")
    errs = [tmp_path / f"err{i}.txt" for i in range(len(ways))]
    procs = []
    for err in errs:
        with open(err, "wb") as f:  # a file: a worker left behind cannot block a read
            procs.append(subprocess.Popen([sys.executable, *ARGV], stdout=subprocess.DEVNULL,
                                          stderr=f))
    trees: list[set[int]] = [set() for _ in ways]
    try:
        deadline = time.monotonic() + 60
        # each: resource tracker, fork server and a worker that trains (its child)
        while not all(len(t) >= 3 for t in trees) and time.monotonic() < deadline:
            time.sleep(0.05)
            trees = [_descendants(p.pid) for p in procs]
        assert all(len(t) >= 3 for t in trees), trees
        for way, proc, tree in zip(ways, procs, trees, strict=True):
            if way.startswith("fork server"):
                server = next(pid for pid in tree if _stat(pid)[0] == proc.pid  # type: ignore[index]
                              and _descendants(pid))
                os.kill(server, signal.SIGKILL)
            else:
                proc.send_signal(getattr(signal, way))
        codes = [proc.wait(timeout=30) for proc in procs]
        assert codes[:3] == [-signal.SIGKILL, -signal.SIGTERM, -signal.SIGHUP]
        assert codes[3] == 1  # its workers died: said, not waited for forever
        assert "ended without a result" in errs[3].read_text()
        deadline = time.monotonic() + 20
        left = set().union(*trees)
        while left and time.monotonic() < deadline:
            time.sleep(0.05)
            left = {pid for pid in left if _alive(pid)}
        assert not left, {pid: Path(f"/proc/{pid}/cmdline").read_bytes()[:120] for pid in left}
    finally:
        for proc, tree in zip(procs, trees, strict=False):
            for pid in [proc.pid, *tree]:  # only what this test started
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
            proc.wait()
