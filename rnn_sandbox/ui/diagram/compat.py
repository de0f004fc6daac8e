"""Work-arounds for the Qt binding in use."""

from __future__ import annotations

import ctypes
import sys


def keep_none_alive() -> None:
    """Guard against PySide6 6.12.0 on Python 3.11 releasing ``None`` too often.

    That binding returns ``None`` from every void method (``setPos``, ``setText``, an
    item's ``paint``...) without taking a reference, so ``None``'s count falls by one per
    call and the interpreter aborts ("deallocating None") after some ten thousand calls.
    From Python 3.12 on ``None`` is immortal and this does nothing; before, it lifts the
    count far out of reach, which is what 3.12 does.
    """
    if sys.version_info >= (3, 12):
        return
    ref = ctypes.c_ssize_t.from_address(id(None))
    if ref.value < 1 << 40:
        ref.value += 1 << 50
