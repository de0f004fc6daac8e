"""The task catalogue as a tree grouped by task type, with each task's explanation.

Selecting a task shows its text; "Use this task" (or a double-click) asks the window to
switch, so browsing the catalogue never throws away a trained model by accident.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.tasks import Task, all_tasks
from rnn_sandbox.ui import fit, i18n
from rnn_sandbox.ui.i18n import task_summary, task_title, task_type, tr

NAME_ROLE = Qt.ItemDataRole.UserRole


class TaskPicker(QWidget):
    taskChosen = Signal(str)  # task name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.text = QTextBrowser()
        self.text.setWordWrapMode(fit.text_wrap(i18n.current()))  # whole words only
        self.text.setOpenExternalLinks(True)
        self.use_button = QPushButton(tr("Use this task"))
        self.use_button.setToolTip(tr("Build a new experiment for the selected task"))
        self.use_button.clicked.connect(self._use)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.text)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(split, 1)
        layout.addWidget(self.use_button)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.current = ""
        self._populate()
        self.tree.currentItemChanged.connect(self._selected)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._use())

    def _populate(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        for task in all_tasks():
            group = groups.get(task.kind)
            if group is None:
                group = QTreeWidgetItem([task_type(task.kind)])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[task.kind] = group
            item = QTreeWidgetItem([task_title(task)])
            item.setData(0, NAME_ROLE, task.name)
            item.setToolTip(0, task_summary(task))
            group.addChild(item)
            self.items[task.name] = item
        self.tree.expandAll()

    def tasks(self) -> list[Task]:
        return all_tasks()

    def set_current(self, name: str) -> None:
        """Mark the experiment's task (bold ▸) and select it."""
        self.current = name
        for n, item in self.items.items():
            font = item.font(0)
            font.setBold(n == name)
            item.setFont(0, font)
        chosen = self.items.get(name)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
            self._show(name)

    def selected(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, NAME_ROLE)

    def select(self, name: str) -> None:
        self.tree.setCurrentItem(self.items[name])

    def _selected(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        name = None if item is None else item.data(0, NAME_ROLE)
        if name:
            self._show(name)
        self.use_button.setEnabled(bool(name) and name != self.current)

    def _show(self, name: str) -> None:
        task = next(t for t in all_tasks() if t.name == name)
        try:
            text = task.description()
        except OSError:
            text = tr("# {title}\n\n{summary}").format(title=task_title(task),
                                                     summary=task_summary(task))
        self.text.setMarkdown(text)
        fit.modest_headings(self.text.document())
        fit.prose_scrolls_down_only(self.text)
        self.use_button.setEnabled(name != self.current)

    def _use(self) -> None:
        name = self.selected()
        if name and name != self.current:
            self.taskChosen.emit(name)
