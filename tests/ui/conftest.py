"""Shared set-up of the GUI tests."""

import gc

import pytest


@pytest.fixture(autouse=True)
def collect_between_tests():
    """Collect garbage between tests, not during them.

    Python's cyclic collector may run at any allocation and then destroys the Qt objects
    of windows closed earlier; doing that while a training thread computes has deadlocked
    the interpreter.  Between tests no training thread runs (every window is closed and
    its thread ended), so collecting there is safe and keeps memory flat.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
