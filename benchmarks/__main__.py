"""Run every benchmark: ``python -m benchmarks`` (``--help`` for options)."""

from __future__ import annotations

import sys

from benchmarks import engine


def main(argv: list[str] | None = None) -> int:
    return engine.main(argv)


if __name__ == "__main__":
    sys.exit(main())
