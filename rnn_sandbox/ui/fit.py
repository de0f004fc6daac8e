"""Widgets that give up width gracefully on a small screen: a drop-down too narrow for its
text shows it shortened with "…" and the whole text in its tooltip, rows of controls wrap,
headings stay modest, so a 1280×720 projector never cuts a word without a way to read it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QWidget,
)

# Marks a widget that may show its text shortened because the whole text is in its tooltip
# (the screen-size tests accept such a widget as readable).
SHORTENS = "shortensWithTooltip"


class _WholeTextTip(QObject):
    """Puts a drop-down's whole current text first in its tooltip when the tooltip is about
    to show, so the tip is right whatever changed the items (even with signals blocked)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.description = combo.toolTip()
        combo.installEventFilter(self)

    def tip(self, combo: QComboBox) -> str:
        text = combo.currentText()
        if text and self.description:
            return f"{text}\n{self.description}"
        return text or self.description

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QComboBox):
            watched.setToolTip(self.tip(watched))
        return False


def shrinkable(combo: QComboBox, min_chars: int = 8) -> QComboBox:
    """Let ``combo`` be narrower than its longest item (Qt then draws the current text
    shortened with "…"), with the whole current text first in its tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
    _WholeTextTip(combo)
    combo.setProperty(SHORTENS, True)
    return combo


class ElidedLabel(QLabel):
    """A one-line label for a secondary number (the status bar's metric): with less room
    than its text it shows the text shortened with "…" rather than cut, down to ``least``
    pixels, and its tooltip keeps the whole text (the caller's own tooltip if it has one,
    which then says it whole)."""

    def __init__(self, least: int = 60, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.least = least
        self.setProperty(SHORTENS, True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.least), hint.height())

    def elided(self) -> str:
        """The text as it is drawn now."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()),
                                  self.palette(), self.isEnabled(), self.elided(),
                                  self.foregroundRole())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() \
                and self.elided() != self.text() and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.text(), self)
            return True
        return super().event(event)


# Languages written without spaces between words: a line breaks between any two characters.
UNSPACED = ("ja", "zh", "ko")


def text_wrap(language: str) -> QTextOption.WrapMode:
    """How a column of prose wraps in ``language``: at word boundaries only (a narrow
    column must never show a title as "Bidirectio|nal"), but anywhere in Japanese, where a
    line of kana and kanji with a Latin name in it otherwise ran past its column and
    scrolled sideways."""
    if language.split("_")[0] in UNSPACED:
        return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    return QTextOption.WrapMode.WordWrap


def prose_scrolls_down_only(browser: QTextEdit) -> None:
    """No horizontal scroll bar under a text without code: Qt's wrapping of Japanese can
    run a line a fraction of a pixel into the document's margin, and the bar then offered
    to scroll one pixel sideways.  Code (``<pre>``) keeps its whole lines and scrolls."""
    code = "<pre" in browser.toHtml()
    browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if code
                                         else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def fit_to_screen(window: QWidget) -> None:
    """A shown window whose frame is larger than its screen's free area is maximized, so a
    first start on a 1280×720 projector shows every edge of it."""
    screen = window.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > free.width() or frame.height() > free.height():
        window.showMaximized()


class FlowLayout(QLayout):
    """Widgets in a row that wraps onto more rows when the row is too narrow for them, so
    no button is ever squeezed below its text (a toolbar of the diagram at 150 % zoom on a
    1280 px screen).  A widget that expands horizontally shares the spare width of its row
    and needs only its minimum width there."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt's name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """All in one row."""
        widths = [self._width(i) for i in self._visible()]
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        gaps = self.spacing() * max(len(widths) - 1, 0)
        return QSize(sum(widths) + gaps + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        """The widest single widget: every other one can go to a row of its own."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(QSize(self._width(item), item.minimumSize().height()))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _expands(item: QLayoutItem) -> bool:
        return bool(item.expandingDirections() & Qt.Orientation.Horizontal)

    def _width(self, item: QLayoutItem) -> int:
        """What ``item`` needs in a row: its size hint, or its minimum if it expands."""
        if self._expands(item):
            return item.minimumSize().width()
        return max(item.sizeHint().width(), item.minimumSize().width())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            need = self._width(item)
            if rows[-1] and used + self.spacing() + need > area.width():
                rows.append([])
                used = 0
            used += (self.spacing() if rows[-1] else 0) + need
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(i.sizeHint().height() for i in row)
            widths = [self._width(i) for i in row]
            spare = area.width() - sum(widths) - self.spacing() * (len(row) - 1)
            growing = [k for k, i in enumerate(row) if self._expands(i)]
            for k in growing:
                widths[k] += max(spare, 0) // len(growing)
            x = area.x()
            for item, width in zip(row, widths, strict=True):
                if move:
                    item.setGeometry(QRect(x, y, width, height))
                x += width + self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - area.y() + m.top() + m.bottom()


HEADING_SCALE = {1: 1.25, 2: 1.12, 3: 1.05}  # of the body text: a narrow column keeps whole words


def modest_headings(doc: QTextDocument) -> None:
    """Headings of a Markdown text at sizes a narrow column holds: Qt's own are up to twice
    the body text, so a long word of a title ("Backpropagation") would not fit a laptop's
    side column and break or scroll."""
    base = doc.defaultFont().pointSizeF()
    block = doc.begin()
    while block.isValid():
        scale = HEADING_SCALE.get(block.blockFormat().headingLevel())
        if scale is not None:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setFontPointSize(base * scale)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)  # Qt's heading size
            cursor.mergeCharFormat(fmt)
        block = block.next()
