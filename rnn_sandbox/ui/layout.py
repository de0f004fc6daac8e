"""Where the panels sit, and what the window remembers between sessions: its geometry,
the docks, the plot theme, the captions and the pace.

Each layout preset is data (:class:`Preset`): which docks share a place as tabs, which
stand side by side in which area, how wide or tall they start; :func:`arrange` reads it
and knows no preset by name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QTabWidget, QWidget

from rnn_sandbox.ui.i18n import QT_TR_NOOP

LAYOUT_VERSION = 6  # raise when the docks change, so an old saved layout is not applied

# The docks' object names: what the presets and the saved window state call them.
TASKS, LESSONS, SETTINGS = "tasksDock", "lessonsDock", "settingsDock"
LOSS, HIDDEN, GRADIENT, ITEMIZED = "lossDock", "hiddenDock", "gradientDock", "itemizedDock"
PREDICTION, RUNS, COMPARE = "predictionDock", "runsDock", "compareDock"
SAMPLE = "sampleDock"  # the network writes: beside the prediction, for tasks that write
LEARNED = "learnedDock"  # what the hidden units learned
ATTENTION = "attentionDock"  # where the decoder looks: shown while the network attends
EIGEN = "eigenDock"  # the eigenvalues of a simple RNN's W_hh

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea

Stack = tuple[str, ...]
"""Docks in one place as tabs, the first one in front."""


@dataclass(frozen=True)
class Size:
    """A dock's starting size: ``share`` of the window's width (a side column) or height
    (the bottom row), and at least ``least`` pixels."""

    dock: str
    share: float
    least: int = 0

    def pixels(self, extent: int) -> int:
        return max(self.least, int(self.share * extent))


@dataclass(frozen=True)
class Preset:
    """One arrangement of every dock.  Each area holds its stacks side by side, left to
    right; then the first dock of each stack comes to the front (the tab in front sets
    the least size of its place), then ``widths`` and ``heights`` apply, one by one."""

    tip: str
    left: tuple[Stack, ...]
    right: tuple[Stack, ...]
    bottom: tuple[Stack, ...]
    widths: tuple[Size, ...] = ()
    heights: tuple[Size, ...] = ()
    bottom_spans: bool = False  # the bottom row runs under the side columns too
    zoom: float = 1.0
    captions: bool = True
    closed: tuple[str, ...] = ()  # placed, then closed: one click away in View
    side_tabs: tuple[Qt.DockWidgetArea, ...] = ()  # areas with their tabs on the outer side
    least_width: int = 0  # screens narrower than this cannot show the preset

    def areas(self) -> Iterator[tuple[Qt.DockWidgetArea, tuple[Stack, ...]]]:
        """The areas in the order they are filled."""
        yield from ((LEFT, self.left), (RIGHT, self.right), (BOTTOM, self.bottom))

    def docks(self) -> list[str]:
        """Every dock the preset places, in the order it places them."""
        return [name for _area, stacks in self.areas() for stack in stacks for name in stack]

    def fronts(self) -> list[str]:
        """The dock in front of each stack."""
        return [stack[0] for _area, stacks in self.areas() for stack in stacks]

    def fits(self, screen_width: int) -> bool:
        """Whether a screen this wide can show the preset."""
        return screen_width >= self.least_width


# The arrangements a learner or a teacher can pick from View → Layout.  All but the wide
# one keep the side columns full height (the gradient flow's three plots need it at 720
# px) and put panels in tabs rather than squeezing them when the window is small; a stack
# shows every tab's whole title on a 1280 px laptop (beside the stack when they are many).
LAPTOP = Preset(
    QT_TR_NOOP("Side columns of tabs, the gradient flow at full height on the right"),
    left=((TASKS, LESSONS, SETTINGS),),
    # tall: the comparison's plots in a column
    right=((GRADIENT, HIDDEN, ITEMIZED, EIGEN, COMPARE),),
    # the runs beside the comparison
    bottom=((LOSS, LEARNED, ATTENTION), (PREDICTION, SAMPLE, RUNS)),
    widths=(Size(TASKS, 0.2, 240), Size(GRADIENT, 0.3, 380)),
    heights=(Size(LOSS, 0.45),),
    side_tabs=(RIGHT,),  # five whole titles fit the column's height, not its width
)
PRESETS: dict[str, Preset] = {
    "Laptop": LAPTOP,
    "Projector": Preset(
        QT_TR_NOOP("The lesson, the diagram, the gradient flow and the loss at 150 % zoom, "
                   "readable from the back; the other panels are in the View menu"),
        left=((LESSONS, TASKS, SETTINGS),),
        right=((GRADIENT, HIDDEN, ITEMIZED, EIGEN, COMPARE),),
        bottom=((LOSS, PREDICTION, SAMPLE, RUNS, LEARNED, ATTENTION),),
        widths=(Size(LESSONS, 0.22, 240), Size(GRADIENT, 0.3, 380)),
        heights=(Size(LOSS, 0.42),),
        zoom=1.5, captions=False,
        closed=(TASKS, SETTINGS, ITEMIZED, EIGEN, COMPARE, RUNS, LEARNED),
    ),
    "Focus on gradients": Preset(
        QT_TR_NOOP("Gradient flow and hidden states side by side, large"),
        left=((TASKS, LESSONS, SETTINGS),),
        right=((GRADIENT,), (HIDDEN, ITEMIZED, EIGEN, COMPARE)),
        bottom=((LOSS, PREDICTION, SAMPLE, RUNS, LEARNED, ATTENTION),),
        widths=(Size(TASKS, 0.17), Size(GRADIENT, 0.3), Size(HIDDEN, 0.3)),
        heights=(Size(LOSS, 0.38),),
        closed=(LEARNED,),  # no room beside the loss: one click away in View
    ),
    "Wide screen": Preset(
        QT_TR_NOOP("Every plot at once in a row under the diagram (1920 px and wider)"),
        left=((TASKS, LESSONS),),
        right=((SETTINGS, COMPARE), (EIGEN,)),
        bottom=((LOSS, LEARNED), (HIDDEN,), (GRADIENT,), (ITEMIZED,),
                (PREDICTION, SAMPLE, RUNS, ATTENTION)),
        widths=(Size(TASKS, 0.17), Size(SETTINGS, 0.21), Size(EIGEN, 0.14, 260)),
        heights=(Size(LOSS, 0.45),),
        bottom_spans=True,
        least_width=1920,
    ),
}
DEFAULT_PRESET = "Laptop"
# The presets' names for extraction: the menu shows them translated (``tr(name)``).
PRESET_NAMES = [QT_TR_NOOP("Laptop"), QT_TR_NOOP("Projector"), QT_TR_NOOP("Focus on gradients"),
                QT_TR_NOOP("Wide screen")]


def first_size(frame: QWidget) -> QSize:
    """The window's size at a first start: roomy, but never larger than the screen."""
    size = QSize(1500, 950)
    screen = frame.screen()
    if screen is not None:
        size = size.boundedTo(screen.availableGeometry().size())
    return size


def dock(frame: QMainWindow, title: str, name: str, widget: QWidget,
         area: Qt.DockWidgetArea) -> QDockWidget:
    """A panel in a dock the learner can close, move and float."""
    d = QDockWidget(title, frame)
    d.setObjectName(name)
    d.setWidget(widget)
    d.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    frame.addDockWidget(area, d)
    return d


def arrange(frame: QMainWindow, docks: Sequence[QDockWidget],
            preset: str = DEFAULT_PRESET) -> Preset:
    """Put every dock where ``preset`` wants it, sized for ``frame`` as it is now; the
    preset's zoom and captions are the caller's to apply."""
    p = PRESETS[preset]
    named = {d.objectName(): d for d in docks}
    width, height = frame.width(), frame.height()  # before moving docks can widen it
    for corner, area in ((Qt.Corner.TopLeftCorner, LEFT), (Qt.Corner.BottomLeftCorner, LEFT),
                         (Qt.Corner.TopRightCorner, RIGHT),
                         (Qt.Corner.BottomRightCorner, RIGHT)):
        frame.setCorner(corner, area)
    if p.bottom_spans:
        for corner in (Qt.Corner.BottomLeftCorner, Qt.Corner.BottomRightCorner):
            frame.setCorner(corner, BOTTOM)
    # Every dock leaves the layout first: splitting docks that are still tabbed from an
    # earlier preset crashes Qt (Focus on gradients, then Laptop, then Wide screen).
    for d in docks:
        d.setFloating(False)
        frame.removeDockWidget(d)
    for d in docks:
        d.show()
    for area, side in ((LEFT, QTabWidget.TabPosition.West),
                       (RIGHT, QTabWidget.TabPosition.East),
                       (BOTTOM, QTabWidget.TabPosition.South)):
        outer = area in p.side_tabs
        frame.setTabPosition(area, side if outer else QTabWidget.TabPosition.South)
    for area, stacks in p.areas():
        for i, stack in enumerate(stacks):
            if i == 0:
                frame.addDockWidget(area, named[stack[0]])
            else:
                frame.splitDockWidget(named[stacks[i - 1][0]], named[stack[0]],
                                      Qt.Orientation.Horizontal)
        for stack in stacks:
            for first, second in pairwise(stack):
                frame.tabifyDockWidget(named[first], named[second])
    for name in p.fronts():
        named[name].raise_()
    for name in p.closed:
        named[name].close()
    for sizes, extent, orientation in ((p.widths, width, Qt.Orientation.Horizontal),
                                       (p.heights, height, Qt.Orientation.Vertical)):
        for s in sizes:
            frame.resizeDocks([named[s.dock]], [s.pixels(extent)], orientation)
    # Docks sized before the window is first shown widen it to the sum of their wishes: it
    # keeps the size it had (at a first start on a small screen, the screen's).
    frame.resize(width, height)
    # A tab shows its whole title (longer in German than in English) and the row of tabs
    # scrolls, rather than every title shortened to "…".
    for bar in frame.findChildren(QTabBar):
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)
    return p


@dataclass(frozen=True)
class Preferences:
    """What the window remembers besides where the docks sit."""

    theme: str = "light"
    zoom: float = 1.0
    captions: bool = True
    pace: int = 0  # the chosen pace's place in the Pace box


def restore(frame: QMainWindow, settings: QSettings) -> Preferences:
    """The geometry and docks of the last session (left as they are the first time), and
    the preferences to apply."""
    geometry = settings.value("geometry")
    if isinstance(geometry, QByteArray):
        frame.restoreGeometry(geometry)
    state = settings.value("windowState")
    if isinstance(state, QByteArray):
        frame.restoreState(state, LAYOUT_VERSION)
    return Preferences(
        theme=str(settings.value("theme", "light", str)),
        zoom=float(settings.value("zoom", 1.0, float)),  # type: ignore[arg-type]
        captions=settings.value("plotCaptions", "true", str) != "false",
        # (before: "speed", with other choices)
        pace=int(settings.value("pace", 0, int)),  # type: ignore[call-overload]
    )


def save(frame: QMainWindow, settings: QSettings, preferences: Preferences,
         last_config: str) -> None:
    settings.setValue("geometry", frame.saveGeometry())
    settings.setValue("windowState", frame.saveState(LAYOUT_VERSION))
    settings.setValue("lastConfig", last_config)
    settings.setValue("theme", preferences.theme)
    settings.setValue("zoom", preferences.zoom)
    settings.setValue("pace", preferences.pace)
    settings.setValue("plotCaptions", "true" if preferences.captions else "false")
    settings.sync()
