"""Run the benchmarks.

``python -m benchmarks`` runs every module of this package (engine first), each in its own
process, so that one benchmark's thread or Qt settings cannot leak into the next;
``python -m benchmarks --quick`` asks each for a short run; ``python -m benchmarks NAME
[options]`` runs one of them with its own options (``python -m benchmarks engine --help``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = ("engine",)
QUICK = {"engine": ["--quick"], "ui": ["--quick"], "diagram": ["--repeat", "2"],
         "seeds": ["--quick"], "memory": ["--quick"]}


def names() -> list[str]:
    found = sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_"))
    return [n for n in FIRST if n in found] + [n for n in found if n not in FIRST]


def run(name: str, args: list[str]) -> int:
    cmd = [sys.executable, "-m", f"{__package__ or 'benchmarks'}.{name}", *args]
    return subprocess.call(cmd, cwd=HERE.parent)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    available = names()
    if argv and argv[0] in available:
        return run(argv[0], argv[1:])
    if argv not in ([], ["--quick"]):
        print(__doc__.strip(), file=sys.stderr)
        print(f"\nbenchmarks: {', '.join(available)}", file=sys.stderr)
        return 2
    quick = argv == ["--quick"]
    status = 0
    for name in available:
        print(f"== {name} ==", flush=True)
        status = max(status, run(name, QUICK.get(name, []) if quick else []))
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
