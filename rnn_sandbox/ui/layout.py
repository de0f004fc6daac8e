"""Where the panels sit, and what the window remembers between sessions: its geometry,
the docks, the plot theme, the captions and the pace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from rnn_sandbox.ui.main_window import MainWindow

LAYOUT_VERSION = 1  # raise when the docks change, so an old saved layout is not applied


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
    theme = settings.value("plotTheme", "light", str)
    window.dark_action.setChecked(theme == "dark")
    window.set_plot_theme(theme)
    captions = settings.value("plotCaptions", "true", str) != "false"
    window.captions_action.setChecked(captions)
    window.set_captions(captions)
    pace = settings.value("pace", 0, int)  # (before: "speed", with other choices)
    if 0 <= pace < window.speed_combo.count():
        window.speed_combo.setCurrentIndex(pace)


def save(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("windowState", window.saveState(LAYOUT_VERSION))
    settings.setValue("lastConfig", window.controller.config.to_json(indent=None))
    settings.setValue("plotTheme", "dark" if window.dark_action.isChecked() else "light")
    settings.setValue("pace", window.speed_combo.currentIndex())
    settings.setValue("plotCaptions", "true" if window.captions_action.isChecked() else "false")
    settings.sync()


def reset(window: MainWindow, default_state: QByteArray) -> None:
    """Every dock back where it was at the first start, shown and docked."""
    window.restoreState(default_state, LAYOUT_VERSION)
    for d in window.docks:
        d.setFloating(False)
        d.show()
