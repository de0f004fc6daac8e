"""The NumPy engine: networks, losses, BPTT, optimizers and the training loop (no Qt)."""

from rnn_sandbox.engine.anatomy import Anatomy, ParamInfo, StateInfo, anatomy_of
from rnn_sandbox.engine.build import build_network
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.engine.gradcheck import GradCheckResult, gradcheck
from rnn_sandbox.engine.itemize import itemized_gradients
from rnn_sandbox.engine.losses import cross_entropy, mse, softmax
from rnn_sandbox.engine.network import Network, RNNStack
from rnn_sandbox.engine.optim import clip_grad_norm, make_optimizer
from rnn_sandbox.engine.probe import hidden_states, input_connectivity
from rnn_sandbox.engine.train import Snapshot, Trainer, TrainingDiverged

__all__ = [
    "Anatomy",
    "ParamInfo",
    "StateInfo",
    "anatomy_of",
    "Batch",
    "Dataset",
    "GradCheckResult",
    "Network",
    "RNNStack",
    "Snapshot",
    "Trainer",
    "TrainingDiverged",
    "clip_grad_norm",
    "cross_entropy",
    "gradcheck",
    "hidden_states",
    "input_connectivity",
    "itemized_gradients",
    "make_optimizer",
    "mse",
    "build_network",
    "softmax",
]
