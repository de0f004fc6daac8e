"""Exports for use outside the program: weights, a PyTorch script, the training history.

* :func:`export_weights` — ``.npz`` with PyTorch ``state_dict`` names, loadable with
  ``np.load`` and then ``module.load_state_dict`` (after ``torch.from_numpy``).
* :func:`torch_script` / :func:`export_torch` — a stand-alone Python file that builds the
  equivalent ``torch.nn.RNN`` + ``nn.Linear`` module for the network's architecture,
  loads the weights and a sample input from the ``.npz`` and prints its prediction.
  Sample arrays are stored as ``sample.x``, ``sample.mask``, ``sample.y`` and
  ``sample.steps``: ``sample.`` never begins a parameter name.
* :func:`export_history_csv` — one row per training step.
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.network import Network
from rnn_sandbox.io.safe_zip import (
    atomic_write,
    atomic_write_bytes,
    npz_bytes,
    read_npz,
    read_regular_file,
    reads_back,
)

SAMPLE_PREFIX = "sample."
HISTORY_COLUMNS = ("step", "epoch", "train_loss", "val_loss", "val_metric")


def sample_arrays(network: Network, batch: Batch) -> dict[str, np.ndarray]:
    """The arrays the generated script feeds its module (``sample.*``)."""
    out = {"sample.x": np.asarray(batch.x, dtype=network.dtype)}
    if batch.mask is not None:
        out["sample.mask"] = np.asarray(batch.mask, dtype=network.dtype)
    out["sample.y"] = np.asarray(batch.y)
    if network.generative:
        out["sample.steps"] = np.array(batch.y.shape[1], dtype=np.int64)
    return out


def export_weights(
    path: str | os.PathLike[str], network: Network, sample: Batch | None = None
) -> Path:
    """Write the parameters (and optionally a sample input) to ``path`` as ``.npz``."""
    arrays = network.state_dict()
    if sample is not None:
        arrays.update(sample_arrays(network, sample))
    data = npz_bytes(arrays)
    return atomic_write_bytes(
        path, [data], verify=reads_back(path, lambda p: read_npz(_read(p), "the weights"))
    )


def export_torch(
    experiment: Any,
    script_path: str | os.PathLike[str],
    weights_path: str | os.PathLike[str] | None = None,
    index: int = 0,
    count: int = 4,
) -> tuple[Path, Path]:
    """Write the PyTorch script and its ``.npz`` (weights plus ``count`` validation samples
    starting at ``index``).  ``experiment`` is a :class:`rnn_sandbox.session.Experiment`."""
    script_path = Path(script_path)
    weights_path = (
        Path(weights_path) if weights_path is not None else script_path.with_suffix(".npz")
    )
    val = experiment.trainer.data.val
    if not 0 <= index < len(val):
        raise IndexError(f"sample index {index} is outside 0..{len(val) - 1}")
    sample = val.subset(slice(index, min(index + max(count, 1), len(val))))
    export_weights(weights_path, experiment.network, sample)
    text = torch_script(experiment.network.config, weights_path.name)
    atomic_write_bytes(
        script_path, [text.encode("utf-8")],
        verify=reads_back(script_path, lambda p: compile(_read(p), script_path.name, "exec")),
    )
    return script_path, weights_path


def export_history_csv(path: str | os.PathLike[str], history: list[dict[str, float]]) -> Path:
    """The training history as CSV; steps without validation leave those cells empty."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HISTORY_COLUMNS)
    for row in history:
        w.writerow([_csv_cell(row.get(k)) for k in HISTORY_COLUMNS])
    text = buf.getvalue()

    def same_rows(written: Path) -> None:
        if list(csv.reader(io.StringIO(_read(written).decode("utf-8")))) != list(
            csv.reader(io.StringIO(text))
        ):
            raise ValueError("the rows read back differ")

    return atomic_write(
        path, lambda f: f.write(text.encode("utf-8")), verify=reads_back(path, same_rows)
    )


def _read(path: Path) -> bytes:
    """A file just written, read back for its check (exports have no size cap of their own)."""
    return read_regular_file(path, 1 << 40)


def _csv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, int | np.integer):
        return str(int(v))
    f = float(v)
    return repr(f) if math.isfinite(f) else ""


def torch_script(config: NetworkConfig, weights_file: str = "model.npz") -> str:
    """Source of a runnable script that rebuilds the network in PyTorch."""
    c = config
    if c.cell not in ("rnn", "lstm", "gru"):
        raise ValueError(f"exporting '{c.cell}' cells is not supported")
    arch = c.architecture
    seq2seq = arch == "seq2seq"
    values = {
        "ARCH": repr(arch),
        "INPUT": c.input_size,
        "OUTPUT": c.output_size,
        "HIDDEN": c.hidden_size,
        "LAYERS": c.num_layers,
        "BIDIRECTIONAL": c.bidirectional,
        "CELL": repr(c.cell),
        "NONLINEARITY": repr(c.nonlinearity),
        "CLASSES": c.loss in ("ce", "ctc"),
        "FEEDBACK": repr(c.feedback),
        "WEIGHTS": repr(weights_file),
    }
    head = "\n".join(f"{k} = {v}" for k, v in values.items())
    if seq2seq:
        body = _SEQ2SEQ
    elif arch == "one_to_many":
        body = _ONE_TO_MANY
    elif arch == "many_to_many":
        body = _MANY_TO_MANY
    else:
        body = _MANY_TO_ONE
    return _TEMPLATE.format(arch=arch, head=head, body=body.strip("\n"))


_TEMPLATE = '''\
"""A {arch} recurrent network exported from RNN Sandbox, rebuilt in PyTorch.

Run:  python this_file.py [--weights FILE.npz] [--out prediction.npy]

The .npz holds the parameters under PyTorch's state_dict names and a sample input
(arrays whose names start with "sample.").  The module computes what the sandbox
computes: nn.RNN (h_t = act(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh)), nn.GRU or
nn.LSTM with PyTorch's gate order, a linear read-out, in the dtype of the stored
weights (float64 unless the network used float32).
Padded steps (mask 0) must come after the real ones; their outputs are not meaningful.
"""

import argparse
import os

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

{head}
D = 2 if BIDIRECTIONAL else 1


def rnn(input_size, bidirectional):
    kw = dict(num_layers=LAYERS, batch_first=True, bidirectional=bidirectional)
    if CELL == "lstm":
        return nn.LSTM(input_size, HIDDEN, **kw)
    if CELL == "gru":
        return nn.GRU(input_size, HIDDEN, **kw)
    return nn.RNN(input_size, HIDDEN, nonlinearity=NONLINEARITY, **kw)


def final_h(state):
    """h_n of the final state (an LSTM's state is the pair (h_n, c_n))."""
    return state[0] if CELL == "lstm" else state


def run_rnn(module, x, mask, h0=None):
    """Run ``module`` over ``x`` (batch, time, features); padded steps are skipped, so the
    final state is each sequence's state at its last real step."""
    if mask is None:
        return module(x, h0)
    lengths = mask.sum(dim=1).round().long()
    steps = torch.arange(x.shape[1])[None, :]
    if not torch.equal(mask != 0, steps < lengths[:, None]):
        raise ValueError("the mask must mark real steps first, padding after them")
    packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
    out, h_n = module(packed, h0)
    out, _ = torch.nn.utils.rnn.pad_packed_sequence(
        out, batch_first=True, total_length=x.shape[1]
    )
    return out, h_n


def feed_back(out):
    """What the next step receives: the chosen token as one-hot, or the value itself."""
    if CLASSES:
        return nn.functional.one_hot(out.argmax(dim=-1), OUTPUT).to(out.dtype)[:, None]
    return out[:, None]


{body}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default=os.path.join(here, WEIGHTS))
    parser.add_argument("--out", help="save the prediction to this .npy file")
    args = parser.parse_args()

    arrays = np.load(args.weights, allow_pickle=False)
    state = {{k: torch.from_numpy(arrays[k]) for k in arrays.files if not k.startswith("sample.")}}
    dtype = state["head.weight"].dtype
    model = Model().to(dtype)
    model.load(state)
    model.eval()

    x = torch.from_numpy(arrays["sample.x"]).to(dtype)
    mask = torch.from_numpy(arrays["sample.mask"]).to(dtype) if "sample.mask" in arrays else None
    steps = int(arrays["sample.steps"]) if "sample.steps" in arrays else None
    with torch.no_grad():
        prediction = model(x, mask, steps) if steps is not None else model(x, mask)
    prediction = prediction.numpy()
    np.set_printoptions(precision=4, suppress=True)
    print("prediction", prediction.shape)
    print(prediction)
    if CLASSES:
        print("chosen classes (argmax)")
        print(prediction.argmax(axis=-1))
    if "sample.y" in arrays:
        print("target", arrays["sample.y"].shape)
        print(arrays["sample.y"])
    if args.out:
        np.save(args.out, prediction)


if __name__ == "__main__":
    main()
'''

_LOAD_PLAIN = '''
    def load(self, state):
        """The sandbox names the recurrent weights as nn.RNN does, without a prefix."""
        self.rnn.load_state_dict({k: v for k, v in state.items() if not k.startswith("head.")})
        self.head.load_state_dict({k[5:]: v for k, v in state.items() if k.startswith("head.")})
'''

_INIT_PLAIN = '''
    def __init__(self):
        super().__init__()
        self.rnn = rnn(INPUT, BIDIRECTIONAL)
        self.head = nn.Linear(HIDDEN * D, OUTPUT)
'''

_MANY_TO_ONE = '''
class Model(nn.Module):
    """Many-to-one: the head reads the final state (bidirectional: forward's last step
    and backward's first, which is nn.RNN's h_n of the top layer)."""
''' + _INIT_PLAIN + _LOAD_PLAIN + '''
    def forward(self, x, mask=None):
        _, state = run_rnn(self.rnn, x, mask)
        top = final_h(state)[-D:]  # (directions, batch, hidden) of the last layer
        return self.head(torch.cat(list(top), dim=-1))
'''

_MANY_TO_MANY = '''
class Model(nn.Module):
    """Many-to-many: the head reads the state of every step."""
''' + _INIT_PLAIN + _LOAD_PLAIN + '''
    def forward(self, x, mask=None):
        out, _ = run_rnn(self.rnn, x, mask)
        return self.head(out)
'''

_ONE_TO_MANY = '''
class Model(nn.Module):
    """One-to-many: the input vector enters at the first step, then the previous output
    (FEEDBACK "output": the chosen token as one-hot, or the value) or a zero vector."""

    def __init__(self):
        super().__init__()
        self.rnn = rnn(INPUT, False)
        self.head = nn.Linear(HIDDEN, OUTPUT)
''' + _LOAD_PLAIN + '''
    def forward(self, x, mask=None, steps=1):
        batch = x.shape[0]
        inp, h, outs = x.reshape(batch, 1, INPUT), None, []
        for _ in range(steps):
            top, h = self.rnn(inp, h)
            out = self.head(top[:, 0])
            outs.append(out)
            if FEEDBACK == "zero":
                inp = torch.zeros(batch, 1, INPUT, dtype=x.dtype)
            else:
                inp = feed_back(out)
        return torch.stack(outs, dim=1)
'''

_SEQ2SEQ = '''
class Model(nn.Module):
    """Encoder-decoder: the encoder's final state (an LSTM's h and c alike), summed over
    its directions per layer, starts a one-directional decoder fed its previous output
    token (first a zero vector)."""

    def __init__(self):
        super().__init__()
        self.encoder = rnn(INPUT, BIDIRECTIONAL)
        self.decoder = rnn(OUTPUT, False)
        self.head = nn.Linear(HIDDEN, OUTPUT)

    def load(self, state):
        self.load_state_dict(state)

    def forward(self, x, mask=None, steps=1):
        batch = x.shape[0]
        _, state = run_rnn(self.encoder, x, mask)

        def merge(s):  # add the two directions of each layer
            return s.reshape(LAYERS, D, batch, HIDDEN).sum(dim=1)

        h = tuple(map(merge, state)) if CELL == "lstm" else merge(state)
        inp, outs = torch.zeros(batch, 1, OUTPUT, dtype=x.dtype), []
        for _ in range(steps):
            top, h = self.decoder(inp, h)
            out = self.head(top[:, 0])
            outs.append(out)
            inp = feed_back(out)
        return torch.stack(outs, dim=1)
'''
