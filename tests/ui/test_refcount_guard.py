"""The guard against PySide6 6.12's lost references to None/True/False on Python 3.11."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal

import rnn_sandbox.ui  # noqa: F401  (installs the guard)


class Emitter(QObject):
    changed = Signal(object)
    toggled = Signal(bool)


def test_many_signals_do_not_exhaust_none_true_false(qtbot):
    e = Emitter()
    got = []
    e.changed.connect(lambda v: None)
    e.toggled.connect(got.append)
    for i in range(20_000):  # on 6.12 each emission releases one reference too many
        e.changed.emit(None)
        e.toggled.emit(i % 2 == 0)
    assert len(got) == 20_000 and got[:2] == [True, False]
    affected = sys.version_info < (3, 12) and tuple(
        int(p) for p in PySide6.__version__.split(".")[:2]
    ) >= (6, 12)
    for o in (None, True, False):
        if affected:
            assert sys.getrefcount(o) > 2**59  # counts that cannot run out
        assert sys.getrefcount(o) > 0
