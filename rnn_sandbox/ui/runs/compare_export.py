"""The comparison of runs on paper: where it may be written and how a page becomes PNG or
SVG bytes (:func:`~rnn_sandbox.ui.runs.compare_view.render_comparison` draws the page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from rnn_sandbox.runs.book import Run
from rnn_sandbox.ui.i18n import tr

EXPORTS = (".png", ".svg", ".csv")


def check_target(path: str | Path, runs: Sequence[Run]) -> Path:
    """``path`` if the comparison can be written there (a known kind, some run shown)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORTS:
        raise ValueError(f"cannot export to '{suffix}': use .png, .svg or .csv")
    if not [r for r in runs if not r.hidden]:
        raise ValueError("there are no runs to export: train, or show a run")
    return path


def png_bytes(widget: QWidget) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buffer, "PNG"):
        raise OSError(tr("the picture could not be encoded as PNG"))
    buffer.close()
    return bytes(array.data())


def svg_bytes(widget: QWidget, title: str) -> bytes:
    """The widget painted on Qt's SVG generator: lines and text stay vectors."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = widget.size()
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(size)
    gen.setResolution(96)  # a pixel is a CSS pixel: viewers show the page at its size
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title)
    painter = QPainter(gen)
    try:
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    buffer.close()
    return bytes(array.data())
