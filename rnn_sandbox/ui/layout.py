"""Where the panels sit, and what the window remembers between sessions: its geometry,
the docks, the plot theme, the captions and the pace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from rnn_sandbox.ui import presentation, sample_panel

if TYPE_CHECKING:
    from rnn_sandbox.ui.main_window import MainWindow

LAYOUT_VERSION = 3  # raise when the docks change, so an old saved layout is not applied


def first_size(window: MainWindow) -> QSize:
    """The window's size at a first start: roomy, but never larger than the screen."""
    size = QSize(1500, 950)
    screen = window.screen()
    if screen is not None:
        size = size.boundedTo(screen.availableGeometry().size())
    return size


def dock(window: MainWindow, title: str, name: str, widget: QWidget, area) -> QDockWidget:
    """A panel in a dock the learner can close, move and float."""
    d = QDockWidget(title, window)
    d.setObjectName(name)
    d.setWidget(widget)
    d.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(area, d)
    return d


def restore(window: MainWindow, settings: QSettings) -> None:
    """The layout and preferences of the last session (the default ones the first time)."""
    geometry = settings.value("geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value("windowState")
    if isinstance(state, QByteArray):
        window.restoreState(state, LAYOUT_VERSION)
    theme = settings.value("theme", "light", str)
    window.dark_action.setChecked(theme == "dark")
    presentation.set_theme(window, theme)
    zoom = settings.value("zoom", 1.0, float)
    if zoom != window.zoom:
        presentation.set_zoom(window, zoom)
    captions = settings.value("plotCaptions", "true", str) != "false"
    window.captions_action.setChecked(captions)
    presentation.set_captions(window, captions)
    pace = settings.value("pace", 0, int)  # (before: "speed", with other choices)
    if 0 <= pace < window.speed_combo.count():
        window.speed_combo.setCurrentIndex(pace)


def save(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("windowState", window.saveState(LAYOUT_VERSION))
    settings.setValue("lastConfig", window.controller.config.to_json(indent=None))
    settings.setValue("theme", window.theme)
    settings.setValue("zoom", window.zoom)
    settings.setValue("pace", window.speed_combo.currentIndex())
    settings.setValue("plotCaptions", "true" if window.captions_action.isChecked() else "false")
    settings.sync()


# The arrangements a learner or a teacher can pick from View → Layout.  All but the wide
# one keep the side columns full height (the gradient flow's three plots need it at 720
# px) and put panels in tabs rather than squeezing them when the window is small.
PRESETS = {
    "Laptop": "Side columns of tabs, the gradient flow at full height on the right",
    "Projector": "As Laptop, at 150 % zoom with captions hidden: readable from the back",
    "Focus on gradients": "Gradient flow and hidden states side by side, large",
    "Wide screen": "Every plot at once in a row under the diagram (1920 px and wider)",
}
DEFAULT_PRESET = "Laptop"


def arrange(window: MainWindow, preset: str = DEFAULT_PRESET) -> None:
    """Put every dock where ``preset`` wants it, sized for the window as it is now."""
    L, R, B = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
               Qt.DockWidgetArea.BottomDockWidgetArea)
    w = window
    for corner, area in ((Qt.Corner.TopLeftCorner, L), (Qt.Corner.BottomLeftCorner, L),
                         (Qt.Corner.TopRightCorner, R), (Qt.Corner.BottomRightCorner, R)):
        w.setCorner(corner, area)
    # Every dock leaves the layout first: splitting docks that are still tabbed from an
    # earlier preset crashes Qt (Focus on gradients, then Laptop, then Wide screen).
    for d in w.docks:
        d.setFloating(False)
        w.removeDockWidget(d)
    for d in w.docks:
        d.show()
    w.addDockWidget(L, w.tasks_dock)
    for d in (w.lessons_dock, w.settings_dock):
        w.addDockWidget(L, d)
        w.tabifyDockWidget(w.tasks_dock, d)
    width, height = w.width(), w.height()
    if preset == "Wide screen":
        for corner in (Qt.Corner.BottomLeftCorner, Qt.Corner.BottomRightCorner):
            w.setCorner(corner, B)  # the row of plots spans the whole width
        w.addDockWidget(R, w.settings_dock)
        w.addDockWidget(B, w.loss_dock)
        for left, right in ((w.loss_dock, w.hidden_dock), (w.hidden_dock, w.gradient_dock),
                            (w.gradient_dock, w.itemized_dock),
                            (w.itemized_dock, w.prediction_dock)):
            w.splitDockWidget(left, right, Qt.Orientation.Horizontal)
        w.tabifyDockWidget(w.settings_dock, w.compare_dock)
        w.tabifyDockWidget(w.prediction_dock, w.runs_dock)
        w.settings_dock.raise_()
        w.prediction_dock.raise_()
        w.resizeDocks([w.tasks_dock, w.settings_dock], [int(0.17 * width), int(0.21 * width)],
                      Qt.Orientation.Horizontal)
        w.resizeDocks([w.loss_dock], [int(0.45 * height)], Qt.Orientation.Vertical)
    elif preset == "Focus on gradients":
        w.addDockWidget(R, w.gradient_dock)
        w.splitDockWidget(w.gradient_dock, w.hidden_dock, Qt.Orientation.Horizontal)
        w.tabifyDockWidget(w.hidden_dock, w.itemized_dock)
        w.tabifyDockWidget(w.itemized_dock, w.compare_dock)
        w.hidden_dock.raise_()
        w.addDockWidget(B, w.loss_dock)
        w.tabifyDockWidget(w.loss_dock, w.prediction_dock)
        w.tabifyDockWidget(w.prediction_dock, w.runs_dock)
        w.resizeDocks([w.tasks_dock], [int(0.17 * width)], Qt.Orientation.Horizontal)
        w.resizeDocks([w.gradient_dock, w.hidden_dock], [int(0.3 * width)] * 2,
                      Qt.Orientation.Horizontal)
        w.resizeDocks([w.loss_dock], [int(0.38 * height)], Qt.Orientation.Vertical)
        w.loss_dock.raise_()
    else:
        w.addDockWidget(R, w.gradient_dock)
        w.tabifyDockWidget(w.gradient_dock, w.hidden_dock)
        w.tabifyDockWidget(w.hidden_dock, w.itemized_dock)
        w.tabifyDockWidget(w.itemized_dock, w.compare_dock)  # tall: its plots in a column
        w.addDockWidget(B, w.loss_dock)
        w.splitDockWidget(w.loss_dock, w.prediction_dock, Qt.Orientation.Horizontal)
        w.tabifyDockWidget(w.prediction_dock, w.runs_dock)  # beside the comparison
        w.prediction_dock.raise_()
        w.resizeDocks([w.tasks_dock], [max(240, int(0.2 * width))], Qt.Orientation.Horizontal)
        w.resizeDocks([w.gradient_dock], [max(380, int(0.3 * width))],
                      Qt.Orientation.Horizontal)
        w.resizeDocks([w.loss_dock], [int(0.45 * height)], Qt.Orientation.Vertical)
        w.gradient_dock.raise_()
    # The Sample panel shares the prediction's place, for tasks that write only.
    w.removeDockWidget(w.sample_dock)
    sample_panel.offer(w, w.sample_dock, w.prediction_dock, bool(w.sample_panel.applies))
    w.tasks_dock.raise_()
    presentation.set_zoom(w, 1.5 if preset == "Projector" else 1.0)
    w.captions_action.setChecked(preset != "Projector")
    presentation.set_captions(w, preset != "Projector")
    # Docks sized before the window is first shown widen it to the sum of their wishes: it
    # keeps the size it had (at a first start on a small screen, the screen's).
    w.resize(width, height)


def reset(window: MainWindow) -> None:
    """View → Reset layout: the standard arrangement for the window's size now."""
    arrange(window, DEFAULT_PRESET)
