"""Run the learning tests for several seeds and OpenBLAS kernels; print what each measured.

A learning test states a claim about a task or a lesson, so it must hold for any training
seed and on any CPU.  Each run is ``pytest -m learning`` in a subprocess with
``RNN_SANDBOX_TEST_SEED`` and ``OPENBLAS_CORETYPE`` set (other variables, such as
``OPENBLAS_L2_SIZE``, are passed on as they are).  The exit status is non-zero if any test
failed in any run.

    python scripts/learning_matrix.py                       # seeds 0-4 x 3 kernels
    python scripts/learning_matrix.py --seeds 0-9 --kernels Haswell tests/tasks
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KERNELS = ("Haswell", "SkylakeX", "Sandybridge")

# Asks OpenBLAS which kernel it runs: threadpoolctl if present, else NumPy's bundled library.
_CORENAME = r"""
import ctypes, glob, os
import numpy as np
try:
    from threadpoolctl import threadpool_info
    print(next(i["architecture"] for i in threadpool_info() if i["internal_api"] == "openblas"))
except Exception:
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs",
                                  "lib*openblas*.so*"))
    lib = ctypes.CDLL(libs[0])
    name = next(n for n in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename",
                            "openblas_get_corename64_", "openblas_get_corename")
                if hasattr(lib, n))
    getattr(lib, name).restype = ctypes.c_char_p
    print(getattr(lib, name)().decode())
"""


@dataclass
class Run:
    seed: int
    kernel: str
    returncode: int = -1
    results: dict[str, str] = field(default_factory=dict)  # test id -> "ok" / "FAIL" / "skip"
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # test id -> properties
    output: str = ""

    @property
    def label(self) -> str:
        return f"{self.seed}/{self.kernel[:3]}"


def _env(seed: int, kernel: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(RNN_SANDBOX_TEST_SEED=str(seed), OPENBLAS_CORETYPE=kernel,
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return env


def kernel_in_use(kernel: str) -> str:
    """The kernel OpenBLAS reports when asked for ``kernel`` (``?`` if it cannot say)."""
    done = subprocess.run([sys.executable, "-c", _CORENAME], env=_env(0, kernel),
                          capture_output=True, text=True, cwd=ROOT)
    return done.stdout.strip() or "?"


def run_one(run: Run, pytest_args: list[str], xml_dir: Path) -> Run:
    xml = xml_dir / f"seed{run.seed}-{run.kernel}.xml"
    cmd = [sys.executable, "-m", "pytest", "-m", "learning", "-q", "-p", "no:cacheprovider",
           f"--junitxml={xml}", "-o", "junit_family=xunit1", *pytest_args]
    done = subprocess.run(cmd, env=_env(run.seed, run.kernel), capture_output=True, text=True,
                          cwd=ROOT)
    run.returncode, run.output = done.returncode, done.stdout + done.stderr
    if xml.exists():
        for case in ET.parse(xml).iter("testcase"):
            test = f"{case.get('file') or case.get('classname')}::{case.get('name')}"
            test = test.removeprefix("tests/")
            if case.find("failure") is not None or case.find("error") is not None:
                run.results[test] = "FAIL"
            elif case.find("skipped") is not None:
                run.results[test] = "skip"
            else:
                run.results[test] = "ok"
            run.values[test] = {p.get("name"): p.get("value") for p in case.iter("property")}
    return run


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _short(value: str) -> str:
    try:
        return f"{float(value):.3g}"
    except ValueError:
        return value


def print_table(runs: list[Run]) -> None:
    tests = sorted({t for r in runs for t in r.results})
    lengths = [len(_short(v)) for r in runs for p in r.values.values() for v in p.values()]
    width = min(12, max([8, *lengths]))
    header = " " * 22 + " ".join(f"{r.label:>{width}}" for r in runs) + "   min .. max"
    for test in tests:
        print(f"\n{test}\n{header}")
        cells = [r.results.get(test, "-") for r in runs]
        print(f"  {'result':<20}" + " ".join(f"{c:>{width}}" for c in cells))
        names = list(dict.fromkeys(n for r in runs for n in r.values.get(test, {})))
        for name in names:
            raw = [r.values.get(test, {}).get(name, "-") for r in runs]
            cells = " ".join(f"{_short(c):>{width}}" for c in raw)
            numbers = [float(c) for c in raw if _is_number(c)]
            spread = f"   {min(numbers):.3g} .. {max(numbers):.3g}" if numbers else ""
            print(f"  {name[:20]:<20}{cells}{spread}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="0-4", help="e.g. 0-4 or 0,3,7 (default 0-4)")
    parser.add_argument("--kernels", default=",".join(KERNELS),
                        help=f"OPENBLAS_CORETYPE values (default {','.join(KERNELS)})")
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time (default 2)")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (e.g. test paths)")
    args = parser.parse_args(argv)
    if "-" in args.seeds:
        lo, hi = (int(s) for s in args.seeds.split("-"))
        seeds = list(range(lo, hi + 1))
    else:
        seeds = [int(s) for s in args.seeds.split(",")]
    kernels = [k for k in args.kernels.split(",") if k]

    for kernel in kernels:
        used = kernel_in_use(kernel)
        note = "" if used.lower() == kernel.lower() else "  <- not the kernel asked for"
        print(f"OPENBLAS_CORETYPE={kernel}: OpenBLAS runs {used}{note}")
    l2 = os.environ.get("OPENBLAS_L2_SIZE")
    print(f"OPENBLAS_L2_SIZE={l2 or '(unset)'}; {len(seeds) * len(kernels)} runs, "
          f"{args.jobs} at a time")

    runs = [Run(s, k) for s, k in itertools.product(seeds, kernels)]
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(args.jobs) as pool:
        for run in pool.map(lambda r: run_one(r, args.pytest_args, Path(tmp)), runs):
            status = "ok" if run.returncode == 0 else f"FAILED (pytest exit {run.returncode})"
            print(f"seed {run.seed} {run.kernel}: {len(run.results)} tests, {status}",
                  flush=True)
    print_table(runs)
    failed = [r for r in runs if r.returncode != 0]
    for r in failed:
        lines = [ln for ln in r.output.splitlines() if ln.startswith(("FAILED", "ERROR"))]
        print(f"\nseed {r.seed} {r.kernel}:", *(lines or r.output.splitlines()[-5:]), sep="\n  ")
    print(f"\n{len(runs) - len(failed)}/{len(runs)} runs passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
