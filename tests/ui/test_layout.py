"""The window is readable from a 1280×720 laptop to a projector: every plot in view keeps a
data area one can read, no title or status text is cut, and the presets, the zoom, full
screen and the dark theme do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import controller, layout, presentation, views
from rnn_sandbox.ui.main_window import MainWindow

WAIT = 20_000
SCREENSHOTS = Path(__file__).resolve().parents[1] / "_screenshots"
MIN_W, MIN_H = 120, 80  # px of data area a plot needs to be read


def settle(qtbot, w: MainWindow) -> None:
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
    layout.arrange(w, preset)
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
    cut = [lab.text() for lab in labels
           if lab.fontMetrics().horizontalAdvance(lab.text()) > lab.contentsRect().width()]
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
    assert w.zoom == 1.5 and not w.captions_action.isChecked()
    base = w.base_font.pointSizeF()
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
    zoom_in, zoom_out, actual = w.zoom_actions
    zoom_in.trigger()
    assert w.zoom == pytest.approx(1.25)
    for panel in w.panels():  # the comparison of runs included
        assert panel.graphics.zoom == pytest.approx(1.25)
        assert "10.0pt" in panel.caption.styleSheet()
    zoom_out.trigger()
    zoom_out.trigger()
    assert w.zoom == pytest.approx(0.8)
    actual.trigger()
    assert w.zoom == 1.0 and w.font().pointSizeF() == w.base_font.pointSizeF()
    w.full_screen_action.trigger()
    assert w.isFullScreen()
    w.full_screen_action.trigger()
    assert not w.isFullScreen()
    w.dark_action.trigger()
    assert w.theme == "dark" and all(p.theme == "dark" for p in w.panels())
    assert w.comparison in w.panels()
    assert w.palette().window().color().lightness() < 80
    assert w.settings_panel.palette().window().color().lightness() < 80  # everywhere
    w.dark_action.trigger()
    assert w.palette().window().color().lightness() > 180


def test_presets_and_reset_layout_put_every_panel_back(qtbot, settings):
    w = open_at(qtbot, settings, (1366, 768))
    w.gradient_dock.close()
    w.loss_dock.setFloating(True)
    w.reset_layout_action.trigger()
    settle(qtbot, w)
    assert not w.loss_dock.isFloating() and views.shown(w.gradient_plot)
    layout.arrange(w, "Focus on gradients")
    settle(qtbot, w)
    assert views.shown(w.gradient_plot) and views.shown(w.hidden_plot)
    layout.arrange(w, "Wide screen")
    settle(qtbot, w)
    assert all(views.shown(p) for p in w.plots.values())


def test_zoom_and_theme_are_remembered(qtbot, settings):
    w = open_at(qtbot, settings, (1366, 768))
    presentation.set_zoom(w, 1.5)
    presentation.set_theme(w, "dark")
    w.close()
    again = MainWindow(config=get_task("weather").default_config(), settings=settings)
    qtbot.addWidget(again)
    assert again.zoom == 1.5 and again.theme == "dark" and again.dark_action.isChecked()
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
