"""What a learner sees on one exact screen: run in a process of its own whose Qt platform is
``offscreen:configfile=screen.json`` (the screen's size is fixed when the application starts,
so one process serves one screen).  It opens the window as the app does, walks the
scenarios a class goes through (first launch, every lesson's setups, every task, every
layout preset, a few training steps each) and prints, as JSON, every place where the window
does not fit the screen or a text, button, tab, plot or diagram label is cut or too small.

Usage: ``python screen_probe.py OUT.json SCENARIO [SCENARIO ...]`` where a scenario is
``launch``, ``lessons``, ``tasks``, ``presets``, ``zoom150`` or ``english`` (the texts of
every dock, dialog and menu that are not translated, for the pseudo-language), walked in
this order; a ``lang=CODE`` among them starts the window in that language, a
``task=NAME`` chooses the task they start from, a ``lesson=ID`` walks that lesson's
setups alone (where ``lessons``, every lesson's, would cost too much).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

MIN_PLOT = (120, 80)  # px of data area a plot needs to be read
MIN_DIAGRAM_FONT_PX = 11  # the diagram's smallest text at 100 % zoom
MIN_SLIDER = 60  # px: narrower, a slider reads as a checkbox


def settle(app: QApplication, ms: int = 60) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def wait_until(app: QApplication, condition, timeout: float = 60.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.005)
    return False


def shown(w: QWidget) -> bool:
    """On the screen: shown, of some size, and inside its window.  Qt keeps a dock behind
    another's tab "visible", parked outside the window at the size it last had, so only
    where it lies tells it from one in view (it is measured when its tab is raised)."""
    if not (w.isVisible() and w.width() > 0 and w.height() > 0):
        return False
    top = w.window()
    return QRect(w.mapTo(top, w.rect().topLeft()), w.size()).intersects(top.rect())


def global_rect(w: QWidget) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


def text_width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


# Japanese (and Chinese) text breaks between any two characters, as Qt wraps it.
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def words(text: str) -> list[str]:
    """The pieces a wrapped label may not break: words, and each CJK character alone."""
    return [p for w in text.split() for p in (_CJK.sub(" ", w).split() + _CJK.findall(w))]


def _label_problem(lab: QLabel) -> str | None:
    text = lab.text()
    if lab.property("shortensWithTooltip"):
        return None  # shortened with "…", the whole text in its tooltip
    if not text or lab.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return None  # rich text wraps as a browser does
    fm = lab.fontMetrics()
    room = lab.contentsRect().width() - 2 * lab.margin() - lab.indent() if lab.indent() > 0 \
        else lab.contentsRect().width() - 2 * lab.margin()
    if lab.wordWrap():
        longest = max((fm.horizontalAdvance(word) for word in words(text)), default=0)
        if longest > room + 1:
            return f"label breaks a word: {text[:60]!r} ({longest} px in {room} px)"
        return None
    if text_width(fm, text) > room + 1:
        return f"label cut: {text[:60]!r} ({text_width(fm, text)} px in {room} px)"
    return None


def _button_problem(b: QAbstractButton) -> str | None:
    text = b.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    fm = b.fontMetrics()
    need = text_width(fm, text)
    if isinstance(b, (QCheckBox, QRadioButton)):
        need += b.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
    else:  # the least padding with which a label still reads whole
        need += 8 + (b.iconSize().width() + 4 if not b.icon().isNull() else 0)
    if b.width() < need:
        return f"button cut: {text[:60]!r} ({b.width()} px, needs {need})"
    return None


def _combo_problem(c: QComboBox) -> str | None:
    text = c.currentText()
    if not text or c.property("shortensWithTooltip"):
        return None  # shortened with "…", and the whole text is a hover away
    opt = QStyleOptionComboBox()
    opt.initFrom(c)
    opt.rect = c.rect()
    opt.editable = c.isEditable()
    field = c.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                     QStyle.SubControl.SC_ComboBoxEditField, c)
    need = c.fontMetrics().horizontalAdvance(text)
    if not c.itemIcon(c.currentIndex()).isNull():
        need += c.iconSize().width() + 4
    if need > field.width() + 1:
        return f"drop-down cut: {text[:60]!r} ({field.width()} px for {need})"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    out = []
    fm = bar.fontMetrics()
    for i in range(bar.count()):
        text = bar.tabText(i).replace("&", "")
        rect = bar.tabRect(i)
        sideways = bar.shape() in (QTabBar.Shape.RoundedEast, QTabBar.Shape.RoundedWest,
                                   QTabBar.Shape.TriangularEast, QTabBar.Shape.TriangularWest)
        length = rect.height() if sideways else rect.width()
        if length <= 0:
            continue
        if fm.horizontalAdvance(text) + 12 > length:
            out.append(f"tab cut: {text!r} ({length} px)")
    return out


def _dock_title_problem(d: QDockWidget) -> str | None:
    if d.isFloating() or not shown(d) or d.titleBarWidget() is not None:
        return None
    fm = d.fontMetrics()
    # Title bar: the title, then the float and close buttons (about 2 × 20 px).
    if fm.horizontalAdvance(d.windowTitle()) + 48 > d.width():
        return f"dock title cut: {d.windowTitle()!r} ({d.width()} px)"
    return None


def plot_areas(window: QWidget) -> list[tuple[str, float, float]]:
    """Data area (screen pixels) of every pyqtgraph plot in view."""
    import pyqtgraph as pg

    out = []
    for view in window.findChildren(pg.GraphicsView):
        if not shown(view):
            continue
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.ColorBarItem):
                continue  # a colour scale, not a plot
            if isinstance(item, pg.PlotItem) and item.isVisible():
                vb = item.getViewBox()
                poly = view.mapFromScene(vb.sceneBoundingRect())
                r = poly.boundingRect()
                visible = r.intersected(view.viewport().rect())
                if visible.width() <= 0 or visible.height() <= 0:
                    continue
                title = item.titleLabel.text if item.titleLabel is not None else ""
                owner = view.parentWidget().objectName() or type(view.parentWidget()).__name__
                out.append((f"{owner}:{title}", float(r.width()), float(r.height())))
    return out


def cut_plot_texts(window: QWidget) -> list[str]:
    """Plot titles and keys whose text is wider than their label: cut at both edges."""
    import re

    import pyqtgraph as pg

    out = []
    for view in window.findChildren(pg.GraphicsView):
        if not shown(view) or view.scene() is None:
            continue
        for item in view.scene().items():
            if not isinstance(item, pg.LabelItem) or not item.isVisible():
                continue
            text = re.sub(r"<[^>]*>", "", str(item.text)).strip()
            room, needs = item.rect().width(), item.item.boundingRect().width()
            if text and room > 0 and needs > room + 1:
                out.append(f"plot text cut: {text[:40]!r} ({needs:.0f} px in {room:.0f})")
    return out


def diagram_fonts(window: QWidget) -> list[tuple[str, float]]:
    """Pixel height on the screen of each text on the network diagram."""
    import pyqtgraph as pg

    out = []
    for view in window.findChildren(QGraphicsView):
        if isinstance(view, pg.GraphicsView) or not shown(view):
            continue
        if view.scene() is None:
            continue
        scale = view.transform().m22()
        for item in view.scene().items():
            if not item.isVisible() or item.opacity() == 0:
                continue
            if isinstance(item, (QGraphicsSimpleTextItem, QGraphicsTextItem)):
                font = item.font()
                px = QFontMetrics(font).ascent() + QFontMetrics(font).descent()
                px *= scale * item.sceneTransform().m22()
                text = item.text() if isinstance(item, QGraphicsSimpleTextItem) \
                    else item.toPlainText()
                if text.strip():
                    out.append((text[:30], float(px)))
    return out


def problems(app: QApplication, window: QMainWindow, zoom: float,
             root: QWidget | None = None) -> list[str]:
    """Everything that does not fit or cannot be read, in the window as it is now (or only
    inside ``root``, one of its docks)."""
    found: list[str] = []
    if root is not None:
        found.extend(_widget_problems(root.findChildren(QWidget), None))
        found.extend(f"plot {name!r} data area {width:.0f}x{height:.0f} px"
                     for name, width, height in plot_areas(root)
                     if width < MIN_PLOT[0] or height < MIN_PLOT[1])
        found.extend(cut_plot_texts(root))
        return sorted(set(found))
    screen = window.screen().availableGeometry()
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() > screen.width() or hint.height() > screen.height():
        found.append(f"window needs {hint.width()}x{hint.height()} on a "
                     f"{screen.width()}x{screen.height()} screen")
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        found.append(f"window is {frame.width()}x{frame.height()} on a "
                     f"{screen.width()}x{screen.height()} screen")
    status = window.statusBar()
    status_rect = global_rect(status) if status is not None and shown(status) else None
    found.extend(_widget_problems(window.findChildren(QWidget), status_rect))
    for name, width, height in plot_areas(window):
        if width < MIN_PLOT[0] or height < MIN_PLOT[1]:
            found.append(f"plot {name!r} data area {width:.0f}x{height:.0f} px")
    found.extend(cut_plot_texts(window))
    for text, px in diagram_fonts(window):
        if px < MIN_DIAGRAM_FONT_PX * zoom - 0.5:
            found.append(f"diagram text {text!r} {px:.1f} px high")
    return sorted(set(found))


def _widest_line(doc, width: int) -> str:
    """The text of a laid-out line wider than ``width``."""
    block = doc.begin()
    while block.isValid():
        lay = block.layout()
        for i in range(lay.lineCount()):
            line = lay.lineAt(i)
            if line.naturalTextWidth() > width:
                return block.text()[line.textStart():line.textStart() + line.textLength()]
        block = block.next()
    return ""


def _owner(w: QWidget) -> str:
    """The dock (or else the widget class) a widget belongs to, to name it in a report."""
    parent = w
    while parent is not None:
        if isinstance(parent, QDockWidget):
            return f"dock {parent.windowTitle()!r}"
        parent = parent.parentWidget()
    return type(w.parentWidget()).__name__ if w.parentWidget() else "the window"


def _widget_problems(widgets: list[QWidget], status_rect: QRect | None) -> list[str]:
    found: list[str] = []
    for w in widgets:
        if not shown(w):
            continue
        problem = None
        if isinstance(w, QLabel) and not isinstance(w.parentWidget(), QTabBar):
            problem = _label_problem(w)
        elif isinstance(w, QAbstractButton) and not isinstance(w.parentWidget(), QTabBar):
            problem = _button_problem(w)
        elif isinstance(w, QComboBox):
            problem = _combo_problem(w)
        elif isinstance(w, QTabBar):
            found.extend(_tab_problems(w))
            if status_rect is not None and global_rect(w).intersects(status_rect):
                found.append("a tab bar sits over the status bar: "
                             + " | ".join(w.tabText(i) for i in range(w.count())))
        elif isinstance(w, QDockWidget):
            problem = _dock_title_problem(w)
        elif isinstance(w, QSlider) and w.orientation() == Qt.Orientation.Horizontal:
            if w.width() < MIN_SLIDER:
                problem = f"slider only {w.width()} px wide in {_owner(w)}"
        elif isinstance(w, QAbstractScrollArea) and not isinstance(
                w, (QGraphicsView, QAbstractItemView)):  # a table may scroll sideways
            bar = w.horizontalScrollBar()
            # Code, and lines kept whole on purpose (a guess under its character), scroll.
            code = (isinstance(w, QTextEdit) and "<pre" in w.toHtml()) or (
                isinstance(w, QPlainTextEdit)
                and w.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap)
            if isinstance(w, QTextEdit) and not code:  # the text as it lays out now
                doc = w.document()
                doc.setTextWidth(w.viewport().width())
                # A line starts after the left margin; it is cut where it passes the
                # viewport's edge (Qt runs Japanese a pixel into the right margin).
                room = w.viewport().width() - doc.documentMargin()
                wide = _widest_line(doc, room + 1)
                if wide:
                    problem = f"a word wider than its text in {_owner(w)}: {wide!r}"
            elif bar is not None and bar.isVisible() and not code:  # code may scroll
                problem = f"horizontal scroll bar in {type(w).__name__} of {_owner(w)}"
            inner = w.widget() if isinstance(w, QScrollArea) else None
            if inner is not None and inner.width() > w.viewport().width() + 1 \
                    and not bar.isVisible():
                problem = f"content of {_owner(w)} cut: {inner.width()} px in " \
                          f"{w.viewport().width()}"
        if problem:
            found.append(problem)
    return found


def step(app: QApplication, window, n: int = 1) -> None:
    c = window.controller
    target = c.step + n
    c.step_once() if n == 1 else c.worker.step_once(n)
    wait_until(app, lambda: c.step >= target)
    settle(app)


def _named(action: QAction, text: str) -> bool:
    """Whether ``action`` reads ``text`` (English, or as the window's language says it)."""
    from rnn_sandbox.ui.i18n import tr

    return action.text().replace("&", "") in (text, tr(text).replace("&", ""))


def enabled(window: QMainWindow, text: str) -> bool:
    return any(_named(a, text) and a.isEnabled() for a in window.findChildren(QAction))


def trigger(window: QMainWindow, text: str) -> None:
    """The window's action whose text (without '&') is ``text``, as a click on it."""
    for action in window.findChildren(QAction):
        if _named(action, text):
            action.trigger()  # a greyed action (a preset the screen cannot show) does nothing
            return
    raise LookupError(f"no action {text!r}")


def main(out_path: str, scenarios: list[str]) -> None:
    """Each ``lang=CODE`` starts a window of its own in that language for the scenarios
    after it (one process, so several languages cost one start of Python and Qt)."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from rnn_sandbox.ui import i18n

    report: dict[str, list[str]] = {}
    groups: list[tuple[str, list[str]]] = [("", [])]
    for s in scenarios:
        if s.startswith("lang="):
            groups.append((s.partition("=")[2], []))
        else:
            groups[-1][1].append(s)
    for code, group in groups:
        if not group:
            continue
        if code:
            i18n.install(code, app)
        found: dict[str, list[str]] = {}
        probe(app, group, found, tag=f"_{code}" if code else "")
        report.update({f"{code}: {k}" if code else k: v for k, v in found.items()})
    Path(out_path).write_text(json.dumps(report, indent=1))


def probe(app: QApplication, scenarios: list[str], report: dict[str, list[str]],
          tag: str = "") -> None:
    """Open the window and walk ``scenarios``, what it finds into ``report``."""
    from rnn_sandbox.tasks import all_tasks
    from rnn_sandbox.ui.fit import fit_to_screen
    from rnn_sandbox.ui.main_window import MainWindow

    shots = Path(tempfile.gettempdir())
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings)
        window.confirm = lambda title, text: True
        window.modal_messages = False
        window.show()
        fit_to_screen(window)  # as the app starts
        settle(app, 150)
        screen = window.screen().size()
        tag = f"{screen.width()}x{screen.height()}{tag}"

        def look(name: str, zoom: float = 1.0, every_tab: bool = False) -> None:
            """The problems in view; with ``every_tab``, also behind each dock's tab, raised
            in turn as a learner clicks through them."""
            settle(app)
            found = set(problems(app, window, zoom))
            if every_tab:
                raised = [d for d in window.findChildren(QDockWidget) if shown(d)]
                for dock in window.findChildren(QDockWidget):
                    if dock.isVisible() and not shown(dock):
                        dock.raise_()
                        settle(app, 30)
                        found.update(f"{p} (tab {dock.windowTitle()})"
                                     for p in problems(app, window, zoom, root=dock))
                for dock in raised:
                    dock.raise_()
            report[name] = sorted(found)
            if found:  # a picture of what was found, to look at
                window.grab().save(str(shots / f"probe_{tag}_problem_{len(report)}.png"))

        for chosen in [s.partition("=")[2] for s in scenarios if s.startswith("task=")]:
            window.choose_task(chosen)  # the task the scenarios below start from
            settle(app)
        if "launch" in scenarios:
            look("first launch", every_tab=True)
            window.grab().save(str(shots / f"probe_{tag}_launch.png"))
            step(app, window)
            look("first launch, one step")
        chosen_lessons = {s.partition("=")[2] for s in scenarios if s.startswith("lesson=")}
        if "lessons" in scenarios or chosen_lessons:
            lessons = window.lessons
            for lesson in lessons.lessons:
                if "lessons" not in scenarios and lesson.id not in chosen_lessons:
                    continue
                lessons.show_lesson(lesson.id)
                for setup in lesson.setups:
                    lessons.load_setup(setup.id)
                    settle(app)
                    # Loaded whole and trained without a word of complaint.
                    wrong = [] if window.controller.config.to_dict() == \
                        setup.config().to_dict() else ["the setup's settings not all applied"]
                    step(app, window)
                    if window.last_message is not None:
                        wrong.append(f"message: {window.last_message}")
                    where = f"lesson {lesson.id}, setup {setup.id}"
                    look(where)
                    report[where] = sorted({*report[where], *wrong})
        if "tasks" in scenarios:
            for task in all_tasks():
                window.choose_task(task.name)
                settle(app)
                step(app, window)
                look(f"task {task.name}")
        if "presets" in scenarios:
            for preset in ("Laptop", "Projector", "Focus on gradients", "Wide screen"):
                if not enabled(window, preset):  # greyed in the menu on this screen
                    report[f"preset {preset}"] = []
                    continue
                trigger(window, preset)
                settle(app, 100)
                step(app, window)
                look(f"preset {preset}", zoom=1.5 if preset == "Projector" else 1.0,
                     every_tab=True)
                window.grab().save(str(shots / f"probe_{tag}_{preset.replace(' ', '_')}.png"))
                trigger(window, "Laptop")
        if "zoom150" in scenarios:
            trigger(window, "Projector")
            settle(app, 100)
            step(app, window)
            look("projector at 150 %", zoom=1.5, every_tab=True)
            window.grab().save(str(shots / f"probe_{tag}_projector.png"))
            trigger(window, "Laptop")
        if "english" in scenarios:
            from english_probe import walk

            step(app, window)
            report.update(walk(app, window, settle))
        window.controller.shutdown()
        window.close()
        settle(app, 30)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
