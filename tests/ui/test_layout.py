"""The window is readable from a 1280×720 laptop to a projector: every plot in view keeps a
data area one can read, no title or status text is cut, and the presets, the zoom, full
screen and the dark theme do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QMainWindow

from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import controller, layout, views
from rnn_sandbox.ui.fit import SHORTENS
from rnn_sandbox.ui.main_window import MainWindow

WAIT = 20_000
SCREENSHOTS = Path(__file__).resolve().parents[1] / "_screenshots"
MIN_W, MIN_H = 120, 80  # px of data area a plot needs to be read


def settle(qtbot, w: QMainWindow) -> None:
    """Let the docks take their places (rearranging leaves widgets to delete later)."""
    qtbot.wait(50)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)


def open_at(qtbot, settings, size: tuple[int, int], preset: str = layout.DEFAULT_PRESET,
            task: str = "weather") -> MainWindow:
    """A first start at this screen size: the window arranged for it, a few steps trained."""
    w = MainWindow(config=get_task(task).default_config(), settings=settings)
    w.confirm = lambda title, text: True
    w.modal_messages = False
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.arrange(preset)
    settle(qtbot, w)
    c = w.controller
    c.worker.step_once(20)
    qtbot.waitUntil(lambda: c.step >= 20, timeout=WAIT)
    with c.worker.paused():
        pass
    c.training.poll()
    settle(qtbot, w)
    return w


def plot_areas(w: MainWindow) -> dict[str, list[tuple[float, float]]]:
    """Data area (pixels on the screen) of every plot of every panel in view."""
    areas = {}
    for name, panel in w.plots.items():
        if not views.shown(panel):
            continue
        zoom = panel.graphics.zoom
        areas[name] = [
            (p.getViewBox().sceneBoundingRect().width() * zoom,
             p.getViewBox().sceneBoundingRect().height() * zoom)
            for p in panel._plots if p.isVisible()
        ]
    return areas


def cut_titles(w: MainWindow) -> list[str]:
    """Titles of plots in view that do not fit their place."""
    cut = []
    for panel in w.plots.values():
        if not views.shown(panel):
            continue
        for p in panel._plots:
            title = p.titleLabel
            text_width = title.item.boundingRect().width()
            if p.isVisible() and text_width > title.boundingRect().width() + 1:
                cut.append(title.text)
    return cut


def cut_status(w: MainWindow) -> list[str]:
    """Status-bar texts wider than their label, and a passing message wider than the room
    the numbers leave it."""
    labels = [lab for lab in w.status_view.labels.values() if lab.isVisible() and lab.text()]
    cut = [lab.text() for lab in labels if not lab.property(SHORTENS)  # "…", a tooltip
           and lab.fontMetrics().horizontalAdvance(lab.text()) > lab.contentsRect().width()]
    bar = w.statusBar()
    message = bar.currentMessage()
    if message:
        # The message is drawn from the bar's left edge to the first number's label.
        shown = [lab for lab in w.status_view.labels.values() if lab.isVisible()]
        room = min((lab.x() for lab in shown), default=bar.width()) - 12
        if bar.fontMetrics().horizontalAdvance(message) > room:
            cut.append(message)
    return cut


SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_plot_in_view_is_readable_at_laptop_and_desktop_sizes(qtbot, settings, size):
    w = open_at(qtbot, settings, size)
    areas = plot_areas(w)
    # The gradient flow, the product's reason to be, is in view from the start.
    assert "Gradient flow" in areas and "Loss" in areas and "Prediction" in areas
    small = {n: a for n, a in areas.items() for (x, y) in a if x < MIN_W or y < MIN_H}
    assert not small, f"plots too small at {size}: {small}"
    assert not cut_titles(w)
    w.statusBar().showMessage(controller.finished_text(400, 3200))
    assert not cut_status(w)
    # Every panel is one click away: the tabbed ones are in tabs, none is closed.
    assert all(d.isVisible() or w.tabifiedDockWidgets(d) for d in w.docks)
    SCREENSHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SCREENSHOTS / f"window_{size[0]}x{size[1]}.png"))


def test_a_projector_at_150_percent_zoom(qtbot, settings):
    w = open_at(qtbot, settings, (1920, 1080), preset="Projector")
    assert w.presentation.zoom == 1.5 and not w.commands.captions.isChecked()
    base = w.presentation.base_font.pointSizeF()
    assert w.font().pointSizeF() == pytest.approx(1.5 * base)
    assert w.diagram.font().pointSizeF() == pytest.approx(1.5 * base)
    small = {n: a for n, a in plot_areas(w).items() for (x, y) in a if x < MIN_W or y < MIN_H}
    assert not small, small
    assert not cut_titles(w)
    assert not cut_status(w)
    SCREENSHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SCREENSHOTS / "window_projector_150.png"))


def test_zoom_full_screen_and_dark_theme_from_the_view_menu(qtbot, settings):
    w = open_at(qtbot, settings, (1366, 768))
    look, do = w.presentation, w.commands
    zoom_in, zoom_out, actual = do.zoom_in, do.zoom_out, do.actual_size
    zoom_in.trigger()
    assert w.presentation.zoom == pytest.approx(1.25)
    for panel in w.panels():  # the comparison of runs included
        assert panel.graphics.zoom == pytest.approx(1.25)
        assert "10.0pt" in panel.caption.styleSheet()
    zoom_out.trigger()
    zoom_out.trigger()
    assert w.presentation.zoom == pytest.approx(0.8)
    actual.trigger()
    assert look.zoom == 1.0 and w.font().pointSizeF() == look.base_font.pointSizeF()
    w.commands.full_screen.trigger()
    assert w.isFullScreen()
    w.commands.full_screen.trigger()
    assert not w.isFullScreen()
    w.commands.dark.trigger()
    assert w.presentation.theme == "dark" and all(p.theme == "dark" for p in w.panels())
    assert w.comparison in w.panels()
    assert w.palette().window().color().lightness() < 80
    assert w.settings_panel.palette().window().color().lightness() < 80  # everywhere
    w.commands.dark.trigger()
    assert w.palette().window().color().lightness() > 180


def test_presets_and_reset_layout_put_every_panel_back(qtbot, settings):
    w = open_at(qtbot, settings, (1366, 768))
    w.gradient_dock.close()
    w.loss_dock.setFloating(True)
    w.commands.reset_layout.trigger()
    settle(qtbot, w)
    assert not w.loss_dock.isFloating() and views.shown(w.gradient_plot)
    w.arrange("Focus on gradients")
    settle(qtbot, w)
    assert views.shown(w.gradient_plot) and views.shown(w.hidden_plot)
    w.arrange("Wide screen")
    settle(qtbot, w)
    # (The attention's plots are drawn only for a network that attends: this one does not.)
    attention = (w.attention_panel.alignment, w.attention_panel.lengths, w.attention_panel.beam)
    assert all(views.shown(p) for p in w.plots.values() if p not in attention)


def test_zoom_and_theme_are_remembered(qtbot, settings):
    w = open_at(qtbot, settings, (1366, 768))
    w.presentation.set_zoom(1.5)
    w.set_theme("dark")
    w.close()
    again = MainWindow(config=get_task("weather").default_config(), settings=settings)
    qtbot.addWidget(again)
    assert again.presentation.zoom == 1.5 and again.presentation.theme == "dark"
    assert again.commands.dark.isChecked()
    again.controller.shutdown()



@pytest.mark.parametrize("size", [SIZES[0], SIZES[-1]], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_runs_and_their_comparison_are_readable(qtbot, settings, size):
    """Raised together (as Repeat with N seeds or a lesson's comparison raises them), the
    Runs table and the comparison have readable plots and whole buttons, and the window
    keeps its size."""
    w = open_at(qtbot, settings, size)
    c = w.controller
    c.apply_config({"network.cell": "lstm"}, "Cell: LSTM")  # the trained RNN becomes a run
    w.show_comparison()
    settle(qtbot, w)
    assert (w.width(), w.height()) == size
    assert views.shown(w.comparison) and views.shown(w.runs_panel)
    zoom = w.comparison.graphics.zoom
    areas = [(p.getViewBox().sceneBoundingRect().width() * zoom,
              p.getViewBox().sceneBoundingRect().height() * zoom)
             for p in w.comparison._plots if p.isVisible() and w.comparison.graphics.isVisible()]
    assert areas and all(x >= MIN_W and y >= MIN_H for x, y in areas), areas
    table = w.runs_panel.table
    assert table.rowCount() == 2 and table.viewport().height() >= 2 * table.rowHeight(0)
    for b in w.runs_panel.buttons.values():
        assert b.fontMetrics().horizontalAdvance(b.text()) <= b.contentsRect().width(), b.text()
    cmp = w.comparison  # the comparison's bar fits its dock: nothing cut at the right
    for control in cmp.controls:
        right = control.mapTo(cmp, control.rect().topRight()).x()
        assert right <= cmp.width(), control
    for control in (cmp.x_box, cmp.log_check, cmp.step_label, cmp.step_spin):  # texts whole
        assert control.sizeHint().width() <= control.width() + 1, control
    # The other panels keep their places: the gradient flow is still one click away.
    assert w.tabifiedDockWidgets(w.compare_dock) and views.shown(w.loss_plot)
    SCREENSHOTS.mkdir(exist_ok=True)
    w.grab().save(str(SCREENSHOTS / f"runs_{size[0]}x{size[1]}.png"))


# -- the presets as data -------------------------------------------------------------------
DOCKS = [layout.TASKS, layout.LESSONS, layout.SETTINGS, layout.LOSS, layout.HIDDEN, layout.EIGEN,
         layout.GRADIENT, layout.ITEMIZED, layout.PREDICTION, layout.RUNS, layout.COMPARE,
         layout.SAMPLE, layout.LEARNED, layout.ATTENTION]
UPSIDE_DOWN = layout.Preset(  # not one of the menu's: arrange knows presets only as data
    "The plots on the left, the controls on the right",
    left=((layout.GRADIENT, layout.HIDDEN), (layout.ITEMIZED, layout.COMPARE)),
    right=((layout.TASKS, layout.LESSONS, layout.SETTINGS),),
    bottom=((layout.PREDICTION, layout.RUNS), (layout.LOSS,)),
    widths=(layout.Size(layout.TASKS, 0.2),), heights=(layout.Size(layout.LOSS, 0.3),),
    zoom=1.25, captions=False)


def test_every_preset_places_every_dock_once():
    for name, preset in layout.PRESETS.items():
        assert sorted(preset.docks()) == sorted(DOCKS), name
        assert {s.dock for s in preset.widths + preset.heights} <= set(DOCKS), name
    assert layout.DEFAULT_PRESET in layout.PRESETS


@pytest.mark.parametrize("name", [*layout.PRESETS, "Upside down"])
def test_arrange_puts_each_dock_where_the_preset_says(qtbot, monkeypatch, name):
    monkeypatch.setitem(layout.PRESETS, "Upside down", UPSIDE_DOWN)
    frame = QMainWindow()
    qtbot.addWidget(frame)
    frame.setCentralWidget(QLabel("diagram"))
    docks = [layout.dock(frame, d, d, QLabel(d), layout.LEFT) for d in DOCKS]
    frame.resize(1920, 1080)
    frame.show()
    qtbot.waitExposed(frame)
    docks[1].setFloating(True)  # wherever the docks were, the preset decides
    docks[4].close()
    width, height = frame.width(), frame.height()
    p = layout.arrange(frame, docks, name)
    settle(qtbot, frame)
    assert p is layout.PRESETS[name]
    named = {d.objectName(): d for d in docks}
    for area, stacks in p.areas():
        for stack in stacks:
            open_ = [d for d in stack if d not in p.closed]
            for d in stack:
                dock = named[d]
                assert not dock.isFloating() and frame.dockWidgetArea(dock) == area, d
                assert dock.isHidden() == (d in p.closed), d  # closed: one click away
                if d in open_:
                    assert set(frame.tabifiedDockWidgets(dock)) == {
                        named[other] for other in open_ if other != d}, d
            assert views.shown(named[open_[0]].widget())  # the first one in front
            assert not any(views.shown(named[d].widget()) for d in stack[1:])
        lefts = [named[stack[0]].x() for stack in stacks]  # side by side, left to right
        assert lefts == sorted(set(lefts)), (area, lefts)
    for size in p.widths:
        assert named[size.dock].width() == pytest.approx(size.pixels(width), rel=0.1)
    for size in p.heights:
        assert named[size.dock].height() == pytest.approx(size.pixels(height), rel=0.1)
    row = [named[stack[0]] for stack in p.bottom]
    spans = row[0].x() == 0 and row[-1].geometry().right() == frame.width() - 1
    assert spans == p.bottom_spans


def test_the_window_takes_a_presets_zoom_and_captions(qtbot, settings, monkeypatch):
    monkeypatch.setitem(layout.PRESETS, "Upside down", UPSIDE_DOWN)
    w = MainWindow(config=get_task("sine_forecast").default_config(), settings=settings)
    qtbot.addWidget(w)
    try:
        w.arrange("Upside down")
        assert w.presentation.zoom == 1.25 and not w.commands.captions.isChecked()
        assert not any(p.caption.isVisibleTo(p) for p in w.panels())
        assert w.dockWidgetArea(w.tasks_dock) == layout.RIGHT
        offered = w.commands.layout_menu.actions()  # View → Layout is read from the data
        assert [a.text() for a in offered] == list(layout.PRESETS)
        w.commands.reset_layout.trigger()
        assert w.presentation.zoom == 1.0 and w.commands.captions.isChecked()
        assert w.dockWidgetArea(w.tasks_dock) == layout.LEFT
    finally:
        w.shutdown()


def test_preferences_come_back_as_they_were_saved(qtbot, settings):
    frame = QMainWindow()
    qtbot.addWidget(frame)
    assert layout.restore(frame, settings) == layout.Preferences()  # a first start
    chosen = layout.Preferences(theme="dark", zoom=1.25, captions=False, pace=3)
    layout.save(frame, settings, chosen, '{"task": {}}')
    again = QMainWindow()
    qtbot.addWidget(again)
    assert layout.restore(again, settings) == chosen
    assert settings.value("lastConfig") == '{"task": {}}'


def test_the_projector_closes_what_a_class_does_not_watch_one_click_away(qtbot, settings):
    w = MainWindow(config=get_task("weather").default_config(), settings=settings)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.arrange("Projector")
    settle(qtbot, w)
    assert views.shown(w.lessons) and views.shown(w.gradient_plot) and views.shown(w.loss_plot)
    assert w.tasks_dock.isHidden() and w.runs_dock.isHidden() and w.compare_dock.isHidden()
    w.tasks_dock.toggleViewAction().trigger()  # View → Tasks: back in its column
    settle(qtbot, w)
    assert w.tasks_dock.isVisible() and not w.tasks_dock.isFloating()
    assert w.dockWidgetArea(w.tasks_dock) == layout.LEFT
    w.show_comparison()  # Repeat with N seeds brings the closed runs back in view
    settle(qtbot, w)
    assert views.shown(w.runs_panel) and views.shown(w.comparison)
    assert not w.runs_dock.isFloating() and not w.compare_dock.isFloating()
    w.controller.shutdown()
