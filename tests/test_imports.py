"""engine, tasks, io, the CLI and the training loop never pull in Qt (they run in scripts,
notebooks and the training process)."""

import subprocess
import sys

import pytest

BLOCK_QT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked: ' + name)
sys.meta_path.insert(0, Block())
import importlib
importlib.import_module(sys.argv[1])
"""


@pytest.mark.parametrize(
    "module", ["rnn_sandbox.engine", "rnn_sandbox.tasks", "rnn_sandbox.io", "rnn_sandbox.cli",
               "rnn_sandbox.session", "rnn_sandbox.training", "rnn_sandbox.lessons"]
)
def test_module_imports_without_qt(module):
    result = subprocess.run([sys.executable, "-c", BLOCK_QT, module], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def test_the_blocker_does_block_qt():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT, "PySide6.QtCore"],
                            capture_output=True, text=True)
    assert result.returncode != 0
