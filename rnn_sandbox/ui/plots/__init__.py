"""Live plots: loss, hidden states, gradient flow, gradient sources and the eigenvalues of
W_hh.

Every plot item is created once (or once per network shape) and then updated in place with
``setData``/``setImage``; nothing is recreated per snapshot.  Each panel can export itself
as PNG/SVG (pyqtgraph's exporters, also on right-click) and its data as CSV.  The panels
showing states and parameters read their names and titles from the network's
:class:`~rnn_sandbox.engine.anatomy.Anatomy`.
"""

from rnn_sandbox.ui.plots.base import (
    HISTORY_REDRAW_INTERVAL,
    PALETTE,
    THEMES,
    GrowingSeries,
    LogAxis,
    PlotPanel,
    marked_curve,
    on_screen,
)
from rnn_sandbox.ui.plots.gradient import GradientFlowPlot, GradientHistory
from rnn_sandbox.ui.plots.hidden import HiddenStatePlot
from rnn_sandbox.ui.plots.itemized import ItemizedPlot
from rnn_sandbox.ui.plots.loss import LossPlot
from rnn_sandbox.ui.plots.spectrum import EigenvaluePlot

__all__ = [
    "HISTORY_REDRAW_INTERVAL",
    "PALETTE",
    "THEMES",
    "EigenvaluePlot",
    "GradientFlowPlot",
    "GradientHistory",
    "GrowingSeries",
    "HiddenStatePlot",
    "ItemizedPlot",
    "LogAxis",
    "LossPlot",
    "PlotPanel",
    "marked_curve",
    "on_screen",
]
