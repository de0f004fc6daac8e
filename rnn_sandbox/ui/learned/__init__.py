"""*What it learned*: hidden units on the text, what each unit tracks, select and match,
the state space and how far back each answer looks."""

from rnn_sandbox.ui.learned.panel import LearnedView
from rnn_sandbox.ui.learned.view import LearnedPanelView, network_label, render_learned

__all__ = ["LearnedPanelView", "LearnedView", "network_label", "render_learned"]
