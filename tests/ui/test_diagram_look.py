"""How the diagram reads on a laptop and in a dark room: every text at least 11 pixels
at 100 % zoom (and larger with the window's zoom), a slider that stays a slider, and a
canvas that follows the window's dark theme with readable contrast."""

import pytest
from PySide6.QtGui import QColor, QFontInfo, QImage
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSimpleTextItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnn_sandbox.lessons import get_lesson
from rnn_sandbox.session import Experiment
from rnn_sandbox.ui.diagram import look
from rnn_sandbox.ui.diagram.stepthrough import SLIDER_MIN
from rnn_sandbox.ui.presentation import dark_palette
from tests.ui.test_diagram import SHOTS, make_cfg, make_sample, show


def texts(widget) -> list[QGraphicsSimpleTextItem]:
    return [it for it in widget.scene.items() if isinstance(it, QGraphicsSimpleTextItem)
            and it.isVisible()]


def pixels(item: QGraphicsSimpleTextItem) -> float:
    """The text's height on the screen at the view's scale, in pixels."""
    size = QFontInfo(item.font()).pixelSize()
    return size * item.sceneTransform().m22()


def lesson6(widget, qtbot):
    exp = Experiment(get_lesson("bptt").preset())
    show(widget, qtbot, exp.config, exp.dataset.val.subset(slice(0, 1)))


@pytest.mark.parametrize("case", ["lesson6", "lstm", "seq2seq_long", "folded", "dense"])
def test_every_text_is_at_least_11_pixels_at_100_percent(widget, qtbot, case):
    if case == "lesson6":
        lesson6(widget, qtbot)
    elif case == "lstm":
        cfg = make_cfg("many_to_many", layers=2)
        cfg.network.cell = "lstm"
        show(widget, qtbot, cfg)
        widget.model.on_click(widget.neuron("hidden", "l0", 1, 0))  # opens its gates
    elif case == "seq2seq_long":
        cfg = make_cfg("seq2seq", bi=True)
        show(widget, qtbot, cfg, make_sample(cfg, steps=14))  # an ellipsis of left-out steps
    elif case == "folded":
        show(widget, qtbot, make_cfg("many_to_one"))
        widget.folded_btn.click()
    else:
        cfg = make_cfg("many_to_one")
        cfg.network.cell = "dense"
        show(widget, qtbot, cfg)
    if case != "dense":
        widget.stepper.mode_buttons["forward"].click()
        widget.stepper.numbers_btn.setChecked(True)  # the numbers on neurons and lines
    items = texts(widget)
    assert len(items) > 5
    small = [(it.text(), QFontInfo(it.font()).pixelSize()) for it in items
             if QFontInfo(it.font()).pixelSize() < look.MIN_TEXT_PX]
    assert not small
    # The view does not shrink the drawing below its size, so on the screen too.
    assert widget.view.transform().m11() >= 1.0
    assert min(pixels(it) * widget.view.transform().m11() for it in items) >= look.MIN_TEXT_PX
    for b in widget.scene.buttons.values():  # the ± buttons: a target a mouse can hit
        assert b.boundingRect().height() >= 20 and b.boundingRect().width() >= 20


def test_text_grows_with_the_windows_zoom(widget, qtbot):
    lesson6(widget, qtbot)
    try:
        widget.set_zoom(1.5)
        sizes = [QFontInfo(it.font()).pixelSize() for it in texts(widget)]
        assert min(sizes) >= 1.5 * look.MIN_TEXT_PX - 1
    finally:
        widget.set_zoom(1.0)
    assert min(QFontInfo(it.font()).pixelSize() for it in texts(widget)) == look.MIN_TEXT_PX


def test_the_walk_keeps_the_current_step_in_view(widget, qtbot):
    cfg = make_cfg("many_to_many")
    show(widget, qtbot, cfg, make_sample(cfg, steps=12))
    widget.resize(600, 400)
    qtbot.wait(20)
    widget.stepper.mode_buttons["forward"].click()
    for _ in range(11):
        widget.stepper.advance(+1)
        col = next(c for c in widget.scene.columns if widget.model.column_highlighted(c))
        seen = widget.view.mapToScene(widget.view.viewport().rect()).boundingRect()
        assert seen.left() <= col.rect.center().x() <= seen.right()


@pytest.mark.parametrize("width", [560, 640, 1300])
def test_the_step_slider_keeps_a_usable_width(widget, qtbot, width):
    lesson6(widget, qtbot)
    widget.resize(width, 420)
    qtbot.waitUntil(lambda: widget.width() == width)
    qtbot.wait(20)
    slider = widget.stepper.slider
    assert slider.width() >= SLIDER_MIN
    assert slider.height() < slider.width() / 4  # a bar, not a square
    buttons = widget.stepper.mode_buttons["live"]
    one_row = slider.mapTo(widget, slider.rect().center()).y() < \
        buttons.mapTo(widget, buttons.rect().bottomLeft()).y()
    assert one_row == (width >= 1300)
    for b in widget.stepper.findChildren(QToolButton):  # no button below its text
        assert b.width() >= b.fontMetrics().horizontalAdvance(b.text()), b.text()


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_canvas_follows_the_dark_theme(qtbot):
    """The window's dark palette (View → Theme) reaches the diagram as it reaches every
    widget: the canvas turns dark, text and outlines stay readable, and back."""
    from rnn_sandbox.ui.diagram import DiagramWidget

    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window)
    widget = DiagramWidget(window)
    window.layout().addWidget(widget)
    window.resize(900, 500)
    lesson6(widget, qtbot)
    window.show()
    try:
        window.setPalette(dark_palette())
        qtbot.waitUntil(lambda: look.theme == "dark")
        canvas = widget.view.backgroundBrush().color()
        assert canvas == look.DARK.canvas and canvas.lightness() < 60
        for it in texts(widget):
            assert contrast(it.brush().color(), canvas) >= 4.5, it.text()
        assert contrast(look.OUTLINE_PEN.color(), look.INK.neutral) >= 3
        for level in (-look.LEVELS, look.LEVELS):  # the strongest weights stand out
            assert contrast(look.level_color(level), canvas) >= 3
        img = widget.view.viewport().grab().toImage()
        corner = img.pixelColor(2, img.height() - 3)
        assert corner.lightness() < 80  # drawn dark, not white
        widget.grab().save(str(SHOTS / "diagram_dark.png"))
        # Exports keep the canvas they were drawn on.
        path = SHOTS / "diagram_dark_export.png"
        widget.export_image(str(path))
        assert QImage(str(path)).pixelColor(1, 1) == look.DARK.canvas
    finally:
        window.setPalette(QApplication.style().standardPalette())
        qtbot.waitUntil(lambda: look.theme == "light")
    assert widget.view.backgroundBrush().color() == look.LIGHT.canvas
    for it in texts(widget):
        assert contrast(it.brush().color(), look.LIGHT.canvas) >= 4.5, it.text()
