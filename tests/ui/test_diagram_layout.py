"""The diagram on a laptop's screen: the formula and the neuron's panel sit beside the
drawing, never over it, and stay readable."""

import pytest
from PySide6.QtCore import QRect

from rnn_sandbox.lessons import get_lesson
from rnn_sandbox.ui.main_window import MainWindow
from tests.ui.test_diagram import SHOTS
from tests.ui.test_layout import settle


@pytest.fixture
def laptop(qtbot, settings):
    """Lesson 6 in a window opened at a laptop's size, arranged for it."""
    made = []

    def open_at(size):
        w = MainWindow(config=get_lesson("bptt").preset(), settings=settings)
        w.confirm = lambda title, text: True
        w.modal_messages = False
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        w.arrange()
        settle(qtbot, w)
        made.append(w)
        return w

    yield open_at
    for w in made:
        w.shutdown()


def global_rect(w) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_formula_sits_beside_the_diagram(laptop, qtbot, size):
    window = laptop(size)
    assert (window.width(), window.height()) == size
    d = window.diagram
    d.stepper.mode_buttons["backward"].click()
    d.stepper.advance(+1)
    d.model.on_click(d.neuron("hidden", "l0", 2, 0))
    panel = d.formulas.panel
    qtbot.waitUntil(panel.isVisible)
    view, side = global_rect(d.view), global_rect(panel)
    assert not view.intersects(side)
    assert view.width() >= 150 and side.width() >= 250  # both still of use
    assert panel.browser.width() >= 230
    window.grab().save(str(SHOTS / f"formula_beside_{size[0]}x{size[1]}.png"))
    # Closing it gives the drawing its room back; live, the neuron's panel takes the side.
    panel.hide()
    assert d.side.isHidden()
    d.stepper.mode_buttons["live"].click()
    d.model.on_click(d.neuron("hidden", "l0", 1, 0))
    assert d.panel.isVisible() and not global_rect(d.view).intersects(global_rect(d.panel))


def test_the_window_s_theme_and_zoom_reach_the_diagram(laptop, qtbot):
    """View → Theme and View → Zoom of the window: the diagram's canvas turns dark with
    the window, its text grows with the zoom, and the step slider stays a slider."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from rnn_sandbox.ui.diagram import look
    from rnn_sandbox.ui.diagram.stepthrough import SLIDER_MIN

    window = laptop((1366, 768))
    d = window.diagram
    assert d.stepper.slider.width() >= SLIDER_MIN
    try:
        window.set_theme("dark")
        qtbot.waitUntil(lambda: d.view.backgroundBrush().color() == look.DARK.canvas)
        window.presentation.set_zoom(1.5)
        sizes = [QFontInfo(it.font()).pixelSize() for it in d.scene.items()
                 if isinstance(it, QGraphicsSimpleTextItem)]
        assert sizes and min(sizes) >= 16
        window.grab().save(str(SHOTS / "window_dark_zoom150.png"))
    finally:
        window.presentation.set_zoom(1.0)
        window.set_theme("light")
    qtbot.waitUntil(lambda: d.view.backgroundBrush().color() == look.LIGHT.canvas)
    assert look.theme == "light"
