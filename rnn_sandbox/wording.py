"""Counts in words, by one rule for every message of the window and the command line:
"1 step", "2 steps", "1 process", "3 processes"."""

from __future__ import annotations


def count(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun in the number ``n`` asks for (``many`` defaults to ``one + "s"``)."""
    return f"{n} {one if n == 1 else (many if many is not None else one + 's')}"
