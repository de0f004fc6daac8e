"""Small dialogs of the window: a task's explanation, how many seeds, and what the program
is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.tasks import Task

APP_NAME = "RNN Sandbox"
SEEDS_DEFAULT, SEEDS_MIN, SEEDS_MAX = 5, 2, 10


def task_help(parent: QWidget, task: Task) -> QDialog:
    """The task's own Markdown text in a window of its own (not modal: the learner reads
    it beside the diagram)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"About the task: {task.title}")
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    try:
        browser.setMarkdown(task.description())
    except OSError:
        browser.setMarkdown(f"# {task.title}\n\n{task.summary}")
    QVBoxLayout(dialog).addWidget(browser)
    dialog.resize(640, 560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def seed_count(parent: QWidget) -> int | None:
    """How many seeds "Repeat with N seeds" trains (``None``: cancelled)."""
    n, ok = QInputDialog.getInt(
        parent, "Repeat with N seeds",
        "Train the current settings with this many seeds, side by side in worker processes;\n"
        "their mean and spread show which differences between runs are real.\n\nSeeds:",
        SEEDS_DEFAULT, SEEDS_MIN, SEEDS_MAX)
    return n if ok else None


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, f"About {APP_NAME}",
        f"<h3>{APP_NAME}</h3><p>Build a recurrent network neuron by neuron, train it "
        "live and watch its loss, hidden states and the gradient flowing back through "
        "time.</p><p>The engine is plain NumPy with backpropagation through time written "
        "out by hand; trained weights load into <code>torch.nn.RNN</code>.</p>",
    )
