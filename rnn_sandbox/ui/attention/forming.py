"""The alignment forming, as frames for ``rnn-sandbox animate --alignment``: the run of a
saved experiment trained again from its seed (the same settings give the same run), the
watched sample's α drawn as the Attention panel draws it at evenly spaced steps."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from rnn_sandbox.session import Experiment
from rnn_sandbox.ui.attention.heatmap import Alignment, AlignmentPlot


def alignment_at(exp: Experiment, index: int) -> Alignment:
    """α of validation sample ``index`` as ``exp``'s network writes it now, with its words."""
    val = exp.dataset.val
    sample = val.subset(slice(index, index + 1))
    outputs, alpha = exp.network.generate_with_attention(sample.x, sample.mask,
                                                         steps=sample.y.shape[1])
    if alpha is None:
        raise ValueError("this network has no attention: set Attention to draw its alignment")
    task, data = exp.task, exp.dataset
    source = task.step_labels(data, index).get("encoder") or [
        str(j + 1) for j in range(alpha.shape[2])]
    written = task.written_tokens(data, outputs[0]) or [str(t + 1) for t in range(len(alpha[0]))]
    a = np.asarray(alpha[0], float)[: len(written), : len(source)]
    return Alignment(exp.trainer.step_count, a, list(written), list(source))


def forming_frames(saved: Experiment, index: int, size: tuple[int, int],
                   frames: int = 24) -> list[QImage]:
    """``frames`` pictures of the alignment from step 0 to the saved run's last step (the
    run trained again from its initial weights).  Needs a QApplication."""
    if saved.config.network.attention == "none":
        raise ValueError("this network has no attention: set Attention to draw its alignment")
    if not 0 <= index < len(saved.dataset.val):
        raise ValueError(f"the sample must lie in 0..{len(saved.dataset.val) - 1}")
    total = saved.trainer.step_count
    exp = Experiment(saved.config)
    steps = sorted({int(round(s)) for s in np.linspace(0, total, max(1, frames))})
    plot = AlignmentPlot()
    plot.set_theme("light")
    plot.resize(*size)
    # Laid out and painted as on a screen, never shown on one: a widget never shown keeps
    # stale pictures of its axes.
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.show()
    images = []
    try:
        for target in steps:
            while exp.trainer.step_count < target:
                exp.trainer.step()
            plot.add(alignment_at(exp, index))
            plot.draw()
            QApplication.processEvents()
            images.append(plot.grab().toImage())
    finally:
        plot.deleteLater()
    return images
