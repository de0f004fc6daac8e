"""File → Export → PyTorch script… writes what the CLI's export writes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.main_window import MainWindow


def _menu_action(w: MainWindow, *path: str):
    actions = w.menuBar().actions()
    for name in path[:-1]:
        actions = next(a for a in actions if a.text() == name).menu().actions()
    return next(a for a in actions if a.text() == path[-1])


def _export_to(w: MainWindow, monkeypatch, target) -> None:
    """Choose File → Export → PyTorch script… and answer the file dialog with ``target``."""
    asked = []

    def answer(parent, title, folder, filters):
        asked.append((title, filters))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    _menu_action(w, "&File", "&Export", "PyTorch script…").trigger()
    assert asked == [("Export PyTorch script", "Python script (*.py)")]


def test_the_menu_writes_a_script_and_its_weights(make_window, small, monkeypatch, tmp_path):
    w = make_window(small(get_task("named_entities").default_config()))
    _export_to(w, monkeypatch, tmp_path / "ner.py")
    assert w.last_message is None or w.last_message[0] != "Cannot export"
    script = tmp_path / "ner.py"
    compile(script.read_text(), str(script), "exec")
    assert "WEIGHTS = 'ner.npz'" in script.read_text()
    with np.load(tmp_path / "ner.npz", allow_pickle=False) as z:
        assert "weight_ih_l0" in z.files and "sample.expected" in z.files
        assert list(z["sample.output_names"]) == ["O", "B-PER", "I-PER"]
    pytest.importorskip("torch")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "reproduces the sandbox's prediction" in done.stdout


def test_the_menu_never_writes_over_the_experiment(make_window, monkeypatch, tmp_path):
    w = make_window()
    saved = tmp_path / "run.rnnx"
    assert w.controller.document.save(saved)
    before = saved.read_bytes()
    _export_to(w, monkeypatch, saved)
    assert w.last_message[0] == "Cannot export" and "would overwrite" in w.last_message[1]
    assert saved.read_bytes() == before and not (tmp_path / "run.npz").exists()
    w.message_box.close()
