"""The diagram's step-through as an animation (GIF, animated PNG) or as slides (PDF).

:func:`render_frames` walks the step-through of a :class:`DiagramWidget` from its first
step to its last and paints one picture per step, with the step's explanation under the
diagram; :func:`write_animation` encodes the pictures with Pillow (GIF, APNG) or Qt's
PDF writer (one page per step), atomically.  :class:`AnimationDialog` is
*File → Export → Animation…*; :func:`diagram_for` builds a diagram without a window for
``rnn-sandbox animate``.  Nothing here needs a window on the screen.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from rnn_sandbox.files import SaveRefused, atomic_write, check_writable
from rnn_sandbox.ui.diagram import DiagramWidget
from rnn_sandbox.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from rnn_sandbox.session import Experiment

MODES = ("forward", "backward", "both")
MODE_TITLES = {"forward": QT_TR_NOOP("Forward pass"),
               "backward": QT_TR_NOOP("Backward pass (BPTT)"),
               "both": QT_TR_NOOP("Forward, then backward")}
SIZES = {"1280 × 720": (1280, 720), "1920 × 1080": (1920, 1080), "960 × 540": (960, 540),
         "1024 × 768": (1024, 768)}
DEFAULT_SIZE = (1280, 720)
DEFAULT_SECONDS = 0.8
FORMATS = {".gif": "GIF animation", ".png": "animated PNG", ".pdf": "PDF, one page per step"}
FILTERS = QT_TR_NOOP("GIF animation (*.gif);;Animated PNG (*.png);;PDF, one page per step (*.pdf)")
MAX_FRAMES = 400
MAX_BYTES = 1 << 30  # the frames held at once: 1 GiB
MIN_SIDE, MAX_SIDE = 64, 4096


# -- frames -----------------------------------------------------------------------------------
def check_size(size: tuple[int, int]) -> tuple[int, int]:
    w, h = (int(v) for v in size)
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise ValueError(f"the size {w}×{h} is outside {MIN_SIDE}..{MAX_SIDE} pixels a side")
    return w, h


def frame_count(widget: DiagramWidget, mode: str) -> int:
    """How many frames ``mode`` makes: one per step of the walk, twice for "both"."""
    if mode not in MODES:
        raise ValueError(f"the mode must be one of {', '.join(MODES)}, not {mode!r}")
    return widget.stepper.n * (2 if mode == "both" else 1)


def render_frames(widget: DiagramWidget, mode: str,
                  size: tuple[int, int] = DEFAULT_SIZE) -> list[QImage]:
    """One picture of ``size`` per step of the step-through, walked from its first step to
    its last ("both": the forward walk, then the backward one).  The step-through is left
    in the mode and at the step it was in."""
    w, h = check_size(size)
    n = frame_count(widget, mode)
    if n > MAX_FRAMES:
        raise ValueError(f"{n} frames are more than {MAX_FRAMES}: choose a shorter sequence "
                         "or one direction")
    if n * w * h * 4 > MAX_BYTES:
        raise ValueError(f"{n} frames of {w}×{h} would take more than "
                         f"{MAX_BYTES >> 20} MB: choose a smaller size")
    bar = widget.stepper
    before_mode, before_step = bar.mode, bar.step
    frames: list[QImage] = []
    try:
        for walk in (("forward", "backward") if mode == "both" else (mode,)):
            bar.set_mode(walk, emit=True)
            if widget.model.mode != walk:  # the step-through refused (no sample, dense)
                raise ValueError(widget.message.text() or "the step-through cannot run")
            while True:
                frames.append(paint_frame(widget, (w, h)))
                if not bar.advance(+1):
                    break
    finally:
        bar.set_mode(before_mode, emit=True)
        bar.set_step(before_step, emit=True)
    return frames


def paint_frame(widget: DiagramWidget, size: tuple[int, int]) -> QImage:
    """The diagram as it is now, on white, with the step's explanation under it."""
    w, h = size
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        margin = max(8, h // 60)
        font = QFont(widget.font())
        font.setPixelSize(max(10, h // 40))
        p.setFont(font)
        caption = widget.message.text()
        text_rect = QRectF(margin, 0, w - 2 * margin, h)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
                    | Qt.TextFlag.TextWordWrap)
        used = p.boundingRect(text_rect, flags, caption) if caption else QRectF()
        caption_h = min(used.height(), h / 4) if caption else 0.0
        top = h - margin - caption_h
        source = widget.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
        widget.render_scene(p, _fitted(source, QRectF(margin, margin, w - 2 * margin,
                                                      top - 2 * margin)), source)
        if caption:
            p.setPen(QColor("#303030"))
            p.drawText(QRectF(margin, top, w - 2 * margin, caption_h), flags, caption)
    finally:
        p.end()
    return img


def _fitted(source: QRectF, box: QRectF) -> QRectF:
    """``box``'s largest part of ``source``'s shape, centred in it."""
    if source.width() <= 0 or source.height() <= 0:
        return box
    scale = min(box.width() / source.width(), box.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)


# -- files ------------------------------------------------------------------------------------
def check_target(path: str | Path) -> Path:
    """A file of a kind we write (.gif, .png, .pdf) in a folder we can write to."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ValueError(tr("cannot write {name}: an animation is a .gif, an animated .png "
                            "or a .pdf file").format(name=path.name))
    try:
        return check_writable(path)
    except SaveRefused as e:
        raise OSError(str(e)) from None


def _pil(img: QImage) -> Any:
    from PIL import Image

    rgba = img.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(rgba.constBits())
    return Image.frombuffer("RGBA", (rgba.width(), rgba.height()), data, "raw", "RGBA",
                            rgba.bytesPerLine(), 1).convert("RGB")


def write_animation(frames: Sequence[QImage], path: str | Path,
                    seconds_per_frame: float = DEFAULT_SECONDS) -> Path:
    """Write ``frames`` to ``path``: .gif and .png (APNG, looping, ``seconds_per_frame``
    each) with Pillow, .pdf with Qt's PDF writer, one page per frame.  The file appears
    whole or not at all."""
    path = check_target(path)
    if not frames:
        raise ValueError("there are no frames to write")
    if not 0.01 <= seconds_per_frame <= 60:
        raise ValueError("the pace must lie between 0.01 and 60 seconds a frame")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        data = _pdf_bytes(frames)
        return atomic_write(path, _writer(data))
    images = [_pil(f) for f in frames]
    ms = max(10, int(round(seconds_per_frame * 1000)))
    buf = io.BytesIO()
    images[0].save(buf, format="GIF" if suffix == ".gif" else "PNG", save_all=True,
                   append_images=images[1:], duration=ms, loop=0)
    return atomic_write(path, _writer(buf.getvalue()))


def _writer(data: bytes) -> Callable[[IO[bytes]], None]:
    def write(f: IO[bytes]) -> None:
        f.write(data)
    return write


def _pdf_bytes(frames: Sequence[QImage]) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(tr("RNN Sandbox step-through"))
    writer.setCreator("RNN Sandbox")
    writer.setResolution(96)
    first = frames[0]
    points = QSizeF(first.width() * 0.75, first.height() * 0.75)  # 96 px to the inch
    writer.setPageSize(QPageSize(points, QPageSize.Unit.Point, "step",
                                 QPageSize.SizeMatchPolicy.ExactMatch))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    p = QPainter(writer)
    try:
        for i, img in enumerate(frames):
            if i:
                writer.newPage()
            page = QRectF(0, 0, writer.width(), writer.height())
            p.drawImage(page, img)
    finally:
        p.end()
    buffer.close()
    return bytes(array.data())


# -- without a window (the command line) -----------------------------------------------------
def diagram_for(exp: Experiment, index: int = 0) -> DiagramWidget:
    """A diagram of ``exp``'s network with its current weights, tracing validation sample
    ``index``, as the window shows it.  Needs a QApplication."""
    from rnn_sandbox.engine.train import Snapshot

    val = exp.dataset.val
    if not 0 <= index < len(val):
        raise IndexError(f"the sample must lie in 0..{len(val) - 1}")
    cfg = exp.config
    widget = DiagramWidget()
    widget.resize(1280, 720)
    widget.set_config(cfg)
    widget.set_context(cfg, val.subset(slice(index, index + 1)))
    trainer = exp.trainer
    trainer.sample_index = index
    snap = Snapshot(step=trainer.step_count, epoch=trainer.epoch, train_loss=float("nan"),
                    learning_rate=trainer.learning_rate, grad_norm=float("nan"))
    trainer.watch(snap)
    widget.show_snapshot(snap)
    return widget


# -- the window's dialog ------------------------------------------------------------------------
class AnimationDialog(QDialog):
    """Which walk, how big and how fast; the file is asked for afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export animation"))
        form = QFormLayout(self)
        self.mode_box = QComboBox(self)
        for key in MODES:
            self.mode_box.addItem(tr(MODE_TITLES[key]), key)
        self.mode_box.setCurrentIndex(MODES.index("backward"))
        self.mode_box.setToolTip(tr("Which walk of the step-through to record, one frame a step"))
        form.addRow(tr("Walk:"), self.mode_box)
        self.size_box = QComboBox(self)
        for name, size in SIZES.items():
            self.size_box.addItem(name, size)
        self.size_box.setToolTip(tr("The picture's size in pixels (a PDF page of that shape)"))
        form.addRow(tr("Size:"), self.size_box)
        self.seconds = QDoubleSpinBox(self)
        self.seconds.setRange(0.1, 10.0)
        self.seconds.setSingleStep(0.1)
        self.seconds.setDecimals(1)
        self.seconds.setValue(DEFAULT_SECONDS)
        self.seconds.setSuffix(tr(" s per step"))
        self.seconds.setToolTip(tr("How long each step stays on screen (GIF and APNG)"))
        form.addRow(tr("Pace:"), self.seconds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mode(self) -> str:
        return self.mode_box.currentData()

    def picture_size(self) -> tuple[int, int]:
        w, h = self.size_box.currentData()
        return int(w), int(h)


def _with_suffix(path: str, chosen_filter: str) -> str:
    if Path(path).suffix:
        return path
    for suffix in FORMATS:
        if f"*{suffix}" in chosen_filter:
            return path + suffix
    return path + ".gif"


def export_animation(parent: QWidget, diagram: DiagramWidget, folder: str,
                     tell: Callable[[str], object]) -> Path | None:
    """*File → Export → Animation…* of ``diagram`` (its experiment and watched sample):
    the dialog and the file dialog over ``parent``, starting in ``folder``; why it failed
    goes to ``tell``.  The file written, or ``None``."""
    dialog = AnimationDialog(parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    mode, size, seconds = dialog.mode(), dialog.picture_size(), dialog.seconds.value()
    dialog.deleteLater()
    if not accepted:
        return None
    path, chosen = QFileDialog.getSaveFileName(parent, tr("Export animation"), folder,
                                               tr(FILTERS))
    if not path:
        return None
    path = _with_suffix(path, chosen)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        check_target(path)
        return write_animation(render_frames(diagram, mode, size), path, seconds)
    except (OSError, ValueError) as e:
        error = str(e)
    finally:
        QGuiApplication.restoreOverrideCursor()
    tell(error)  # with the cursor back
    return None
