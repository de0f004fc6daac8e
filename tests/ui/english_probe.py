"""The pseudo-language walk of screen_probe.py: every text the window shows in its docks
(each tab raised), menus, a few dialogs, plots and the diagram, and which of them still
hold English.  In the pseudo-language every translated letter is accented
(``[Þĺáý ~]``), so a plain word of three ASCII letters or more is a string that did not go
through ``tr``, unless it is a name (a technical term, a key, a file type)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

# Names, not English: cells, file types, optimizers, functions, keys Qt writes itself.
NAMES = {
    "lstm", "gru", "rnn", "csv", "png", "svg", "pdf", "gif", "apng", "bptt", "ctc", "sgd",
    "adam", "rmsprop", "mse", "tanh", "relu", "softmax", "sigmoid", "pytorch", "numpy",
    "xavier", "glorot", "rnns", "rnnx", "sandbox", "ctrl", "shift", "space", "right", "left",
    "del", "delete", "alt", "meta", "torch", "seq", "rms", "std", "log", "max", "min", "nan",
    "inf", "exp", "sqrt", "abs", "html", "http", "https", "lang", "pseudo", "dot", "sub",
    "sup", "enc", "dec", "english", "deutsch",
    # Qt's own words (the standard buttons): its qtbase translation says them in German or
    # Japanese; the pseudo-language translates only the program's.
    "cancel", "close", "yes",
}
_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{3,}(?![A-Za-z0-9_])")
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")


_QUOTED = re.compile(r"“[^”]*”")
DATA_WORDS: set[str] = set()  # words of the task's data (its features' names): not English
DATA_LETTERS: set[str] = set()  # what a network spells with (text generation's, CTC's letters)


def english(text: str) -> list[str]:
    """The plain English words in ``text`` (markup, names and quoted data left out)."""
    text = _QUOTED.sub(" ", _MARKUP.sub(" ", text))
    return [w for w in _WORD.findall(text)
            if w.lower() not in NAMES and w.lower() not in DATA_WORDS
            and not (DATA_LETTERS and set(w) <= DATA_LETTERS)]


def texts_of(root: QWidget, skip: set[QWidget] | None = None) -> list[tuple[str, str]]:
    """(where, text) of every text ``root`` shows that a translator writes: labels,
    buttons, drop-downs, tabs, group and dock titles, headers, tree items, tooltips,
    placeholders, suffixes, the text items of plots and the diagram, and the plain texts
    a task writes (the Prediction panel's, the Sample panel's prompt: their data's words
    are :data:`DATA_WORDS`).  Documents the program reads from files (lessons, task texts,
    in a QTextBrowser) are data."""
    out: list[tuple[str, str]] = []

    def add(w: QWidget, text: str) -> None:
        if text and text.strip():
            out.append((f"{type(w).__name__} {w.objectName()}".strip(), text))

    for w in [root, *root.findChildren(QWidget)]:
        if (not w.isVisibleTo(root.window()) and w is not root) or w in (skip or ()):
            continue
        add(w, w.toolTip())
        if isinstance(w, QLabel) and not w.property("data"):
            add(w, w.text())
        elif isinstance(w, QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, w.tabText(i))
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QDockWidget):
            add(w, w.windowTitle())
        elif isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QPlainTextEdit):
            add(w, w.toPlainText())
            add(w, w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            add(w, getattr(w, "suffix", lambda: "")())
        elif isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                if item is not None:
                    add(w, item.text())
            for r in range(w.rowCount()):
                item = w.verticalHeaderItem(r)
                if item is not None:
                    add(w, item.text())
        elif isinstance(w, QTreeWidget):
            for i in range(w.topLevelItemCount()):
                top = w.topLevelItem(i)
                add(w, top.text(0))
                for j in range(top.childCount()):
                    add(w, top.child(j).text(0))
                    add(w, top.child(j).toolTip(0))
        elif isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                if not item.isVisible():
                    continue
                if isinstance(item, QGraphicsTextItem):
                    add(w, item.toPlainText())
                elif isinstance(item, QGraphicsSimpleTextItem):
                    add(w, item.text())
                tip = item.toolTip()
                if tip:
                    add(w, tip)
    return out


def menu_texts(window: QMainWindow) -> list[tuple[str, str]]:
    """(menu, text) of every action of the menu bar, its submenus and their tips."""
    out: list[tuple[str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        menu.aboutToShow.emit()  # menus filled when they open (Open Recent)
        for a in menu.actions():
            for text in (a.text(), a.statusTip(), a.toolTip()):
                if text:
                    out.append((where, text))
            if a.menu() is not None:
                walk(a.menu(), f"{where} → {a.text()}")

    for a in window.menuBar().actions():
        out.append(("menu bar", a.text()))
        if a.menu() is not None:
            walk(a.menu(), a.text())
    return out


def walk(app: QApplication, window: QMainWindow,
         settle: Callable[..., None]) -> dict[str, list[str]]:
    """English left in the window: per place, ``where: the words (the text)``."""
    from rnn_sandbox.tasks import get_task
    from rnn_sandbox.ui import animation, dialogs, errors

    found: dict[str, list[str]] = {}
    # What a hidden unit may follow is named by the task's data ("input: value", "step"):
    # the task's own words, translated with the task texts later.  The prediction's text
    # shows the data's words (a sentence to tag, its tags): those of the data's description,
    # but for the classes' names, which are words for the learner.
    exp = window.controller.experiment
    for name in exp.task.unit_features(exp.dataset, [0]):
        DATA_WORDS.update(w.lower() for w in _WORD.findall(name))
    for key, value in exp.dataset.meta.items():
        names = [value] if isinstance(value, str) else value
        if key != "classes" and isinstance(names, list | tuple):
            DATA_WORDS.update(w.lower() for n in names if isinstance(n, str)
                              for w in _WORD.findall(n))
            DATA_LETTERS.update(n for n in names if isinstance(n, str) and len(n) == 1)

    def check(scene: str, texts: list[tuple[str, str]]) -> None:
        bad = {f"{where}: {' '.join(words)} ({text[:90]!r})"
               for where, text in texts if (words := english(text))}
        found[f"english: {scene}"] = sorted(bad)

    check("menus", menu_texts(window))
    check("toolbar and status bar", [*texts_of(window.statusBar()),
                                     *[t for tb in window.findChildren(QWidget)
                                       if type(tb).__name__ == "QToolBar"
                                       for t in texts_of(tb)]])
    # The lessons' titles and setups are read from their files (translated later, with the
    # lessons themselves).
    lessons = {window.lessons.lesson_combo, window.lessons.setup_combo}
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
        settle(app, 40)
        check(f"dock {dock.objectName()}", texts_of(dock, skip=lessons))
    check("diagram", texts_of(window.centralWidget()))
    # Dialogs: the task's help, the animation export, the error dialog.
    help_dialog = dialogs.task_help(window, get_task(window.controller.config.task.name))
    check("task help dialog", [(w, t) for w, t in texts_of(help_dialog)])
    help_dialog.close()
    export = animation.AnimationDialog(window)
    check("animation dialog", texts_of(export))
    export.close()
    box = errors.ErrorDialog(window)
    box.show_report(errors.ErrorReport("ValueError", "x", "details", ""), None)
    check("error dialog", [(w, t) for w, t in texts_of(box) if "ValueError" not in t])
    box.close()
    return found
