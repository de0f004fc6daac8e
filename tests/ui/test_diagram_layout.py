"""The diagram on a laptop's screen: the formula and the neuron's panel sit beside the
drawing, never over it, and stay readable."""

import pytest
from PySide6.QtCore import QRect

from rnn_sandbox.lessons import get_lesson
from rnn_sandbox.ui import layout
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
        layout.arrange(w)
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
