"""The neuron-level network diagram: unrolled or folded, live, editable, step-through."""

from rnn_sandbox.ui.diagram.widget import DiagramWidget

__all__ = ["DiagramWidget"]
