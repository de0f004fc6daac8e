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
from rnn_sandbox.ui.i18n import task_summary, task_title, tr

APP_NAME = "RNN Sandbox"
SEEDS_DEFAULT, SEEDS_MIN, SEEDS_MAX = 5, 2, 10


def task_help(parent: QWidget, task: Task) -> QDialog:
    """The task's own Markdown text in a window of its own (not modal: the learner reads
    it beside the diagram)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("About the task: {title}").format(title=task_title(task)))
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    try:
        browser.setMarkdown(task.description())
    except OSError:
        browser.setMarkdown(tr("# {title}\n\n{summary}").format(
            title=task_title(task), summary=task_summary(task)))
    QVBoxLayout(dialog).addWidget(browser)
    dialog.resize(640, 560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def seed_count(parent: QWidget) -> int | None:
    """How many seeds "Repeat with N seeds" trains (``None``: cancelled)."""
    n, ok = QInputDialog.getInt(
        parent, tr("Repeat with N seeds"),
        tr("Train the current settings with this many seeds, side by side in worker processes;\n"
        "their mean and spread show which differences between runs are real.\n\nSeeds:"),
        SEEDS_DEFAULT, SEEDS_MIN, SEEDS_MAX)
    return n if ok else None


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, tr("About {app}").format(app=APP_NAME),
        tr("<h3>{app}</h3><p>Build a recurrent network neuron by neuron, train it live and "
           "watch its loss, hidden states and the gradient flowing back through time.</p>"
           "<p>The engine is plain NumPy with backpropagation through time written out by "
           "hand; trained weights load into <code>torch.nn.RNN</code>.</p>").format(app=APP_NAME),
    )
