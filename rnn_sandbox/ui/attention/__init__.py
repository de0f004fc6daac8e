"""Attention, seen: where the decoder looks as it writes (the alignment heatmap, replayed
over training), its choices word by word (top candidates, what if), the tree beam search
keeps and the accuracy by source length."""

from rnn_sandbox.ui.attention.beam import BeamTreePlot
from rnn_sandbox.ui.attention.decoding import DecodingPanel
from rnn_sandbox.ui.attention.heatmap import Alignment, AlignmentPlot, LengthPlot
from rnn_sandbox.ui.attention.panel import AttentionPanel, AttentionView, attends

__all__ = ["Alignment", "AlignmentPlot", "AttentionPanel", "AttentionView", "BeamTreePlot",
           "DecodingPanel", "LengthPlot", "attends"]
