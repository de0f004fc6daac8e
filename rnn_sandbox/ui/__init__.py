"""The desktop application (PySide6 + pyqtgraph): main window, live training and plots."""

from __future__ import annotations

import ctypes
import sys


def _guard_singleton_refcounts() -> None:
    """Work around PySide6 6.12 on Python 3.11: it releases one reference to ``None``,
    ``True`` or ``False`` too many on every signal emission and several other calls, so
    after some thousand signals their count reaches zero and Python aborts ("deallocating
    None").  Python 3.12 made these objects immortal; here we give them a count that
    cannot run out, which is what immortality amounts to.  Versions before 6.12 (and any
    Python from 3.12) are left alone.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if hasattr(sys, "getobjects"):  # a trace-refs build: the count is not the first field
        return
    import PySide6

    try:
        version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    except ValueError:
        return
    if version < (6, 12):
        return
    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if refcnt.value < 1 << 40:
            refcnt.value += 1 << 60


_guard_singleton_refcounts()
