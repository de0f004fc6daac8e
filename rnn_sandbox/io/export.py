"""Exports for use outside the program: weights, a PyTorch script, the training history.

* :func:`export_weights` — ``.npz`` with PyTorch ``state_dict`` names, loadable with
  ``np.load`` and then ``module.load_state_dict`` (after ``torch.from_numpy``).
* :func:`torch_script` / :func:`export_torch` — a stand-alone Python file that builds the
  equivalent ``torch.nn.RNN`` + ``nn.Linear`` module for the network's architecture,
  loads the weights and a sample input from the ``.npz``, prints its prediction (as words
  or labels when the task names its tokens) and checks it against the sandbox's own.
  Sample arrays are stored as ``sample.x``, ``sample.mask``, ``sample.y``,
  ``sample.y_mask``, ``sample.steps``, ``sample.expected`` (the sandbox's output) and
  ``sample.input_names`` / ``sample.output_names`` (plain string arrays): ``sample.``
  never begins a parameter name.
  :func:`torch_export` reads all this from an experiment; :meth:`TorchExport.write`
  writes it, the weights next to the script (:func:`torch_weights_path`) unless told, and
  never over a file it is asked to keep (:func:`torch_targets`).
* :func:`export_history_csv` — one row per training step.
"""

from __future__ import annotations

import copy
import csv
import io
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.cell_table import CELL_TABLE
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.network import Network
from rnn_sandbox.files import (
    atomic_write,
    atomic_write_all,
    atomic_write_bytes,
    read_regular_file,
    reads_back,
)
from rnn_sandbox.io.safe_zip import npz_bytes
from rnn_sandbox.translation import tr

SAMPLE_PREFIX = "sample."
HISTORY_COLUMNS = ("step", "epoch", "train_loss", "val_loss", "val_metric")


# Meta entries that name a task's tokens, in the order the prediction view reads them.
NAME_KEYS = ("classes", "tags", "symbols", "vocab")


def sample_arrays(network: Network, batch: Batch) -> dict[str, np.ndarray]:
    """The arrays the generated script feeds its module (``sample.*``), with the
    sandbox's own output for them (``sample.expected``) for the script to check."""
    x = np.array(batch.x, dtype=network.dtype)
    mask = None if batch.mask is None else np.array(batch.mask, dtype=network.dtype)
    out = {"sample.x": x}
    if mask is not None:
        out["sample.mask"] = mask
    out["sample.y"] = np.array(batch.y)
    if batch.y_mask is not None:
        out["sample.y_mask"] = np.array(batch.y_mask, dtype=network.dtype)
    steps = int(batch.y.shape[1]) if network.generative else None
    if steps is not None:
        out["sample.steps"] = np.array(steps, dtype=np.int64)
    out["sample.expected"] = np.array(network.predict(x, mask, steps=steps))
    return out


def name_arrays(meta: Mapping[str, Any], config: NetworkConfig) -> dict[str, np.ndarray]:
    """The task's token names as plain string arrays: ``sample.output_names`` for the
    classes a classifier chooses among, ``sample.input_names`` for one-hot input words."""

    def names(keys: tuple[str, ...], n: int) -> np.ndarray | None:
        for k in keys:
            v = meta.get(k)
            if isinstance(v, list | tuple) and len(v) == n:
                return np.array([str(t) for t in v], dtype=str)
        return None

    out = {}
    if config.loss in ("ce", "ctc"):
        found = names(NAME_KEYS, config.output_size)
        if found is not None:
            out["sample.output_names"] = found
    found = names(("vocab",), config.input_size)
    if found is not None:
        out["sample.input_names"] = found
    return out


def export_weights(
    path: str | os.PathLike[str], network: Network, sample: Batch | None = None
) -> Path:
    """Write the parameters (and optionally a sample input) to ``path`` as ``.npz``."""
    arrays = network.state_dict()
    if sample is not None:
        arrays.update(sample_arrays(network, sample))
    return _write_npz(path, arrays)


def _write_npz(path: str | os.PathLike[str], arrays: dict[str, np.ndarray]) -> Path:
    return atomic_write_bytes(path, [npz_bytes(arrays)],
                              verify=reads_back(path, _same_arrays(arrays)))


def _same_arrays(arrays: dict[str, np.ndarray]) -> Callable[[Path], None]:
    """A check that a written ``.npz`` holds exactly ``arrays``."""
    def same_arrays(written: Path) -> None:
        with np.load(written, allow_pickle=False) as z:
            if z.files != list(arrays) or not all(
                np.array_equal(z[k], v) and z[k].dtype == v.dtype for k, v in arrays.items()
            ):
                raise ValueError("the arrays read back differ")

    return same_arrays


def torch_weights_path(script_path: str | os.PathLike[str]) -> Path:
    """Where a script's weights go unless told: next to it, its name ending in ``.npz``."""
    return Path(script_path).with_suffix(".npz")


def torch_targets(
    script_path: str | os.PathLike[str],
    weights_path: str | os.PathLike[str] | None = None,
    keep: Mapping[str, str | os.PathLike[str] | None] | None = None,
) -> tuple[Path, Path]:
    """The script's and its weights' paths; :class:`ValueError` when either would replace
    the other or a file of ``keep`` (what it is → where, e.g. ``{"the experiment": p}``)."""
    script = Path(script_path)
    weights = Path(weights_path) if weights_path is not None else torch_weights_path(script)
    seen = {str(k): Path(v) for k, v in (keep or {}).items() if v is not None}
    for what, path in (("the script", script), ("the weights file", weights)):
        for other, earlier in seen.items():
            if _same_file(path, earlier):
                raise ValueError(f"{what} {path} would overwrite {other} {earlier}")
        seen[what] = path
    return script, weights


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


@dataclass(frozen=True)
class TorchExport:
    """What the PyTorch export takes from an experiment (:func:`torch_export`): its own
    copies, so the experiment may train on while this is written."""

    config: NetworkConfig
    arrays: dict[str, np.ndarray]

    def write(
        self,
        script_path: str | os.PathLike[str],
        weights_path: str | os.PathLike[str] | None = None,
        keep: Mapping[str, str | os.PathLike[str] | None] | None = None,
    ) -> tuple[Path, Path]:
        """Write the script and its ``.npz`` (see :func:`torch_targets` for the paths)."""
        script, weights = torch_targets(script_path, weights_path, keep)
        text = torch_script(self.config, weights.name)  # refuses unsupported cells first
        data = npz_bytes(self.arrays)
        # Both written and checked before either replaces its file: a full disk at the
        # second leaves the previous pair, never new weights beside an old script.
        atomic_write_all([
            (weights, lambda f: f.write(data), reads_back(weights, _same_arrays(self.arrays))),
            (script, lambda f: f.write(text.encode("utf-8")),
             reads_back(script, lambda p: compile(_read(p), script.name, "exec"))),
        ])
        return script, weights


def torch_export(experiment: Any, index: int = 0, count: int = 4) -> TorchExport:
    """Weights, ``count`` validation samples from ``index`` with the network's outputs for
    them, and the task's token names, read from ``experiment``
    (a :class:`rnn_sandbox.session.Experiment`)."""
    data = experiment.trainer.data
    val = data.val
    if not 0 <= index < len(val):
        raise IndexError(tr("sample index {index} is outside 0..{last}").format(
            index=index, last=len(val) - 1))
    network = experiment.network
    torch_script(network.config)  # an unsupported cell is refused before any work
    sample = val.subset(slice(index, min(index + max(count, 1), len(val))))
    arrays = network.state_dict()
    arrays.update(sample_arrays(network, sample))
    arrays.update(name_arrays(data.meta, network.config))
    return TorchExport(copy.deepcopy(network.config), arrays)


def export_torch(
    experiment: Any,
    script_path: str | os.PathLike[str],
    weights_path: str | os.PathLike[str] | None = None,
    index: int = 0,
    count: int = 4,
    keep: Mapping[str, str | os.PathLike[str] | None] | None = None,
) -> tuple[Path, Path]:
    """Write the PyTorch script and its ``.npz`` (weights plus ``count`` validation samples
    starting at ``index``), never over the files of ``keep``.  ``experiment`` is a
    :class:`rnn_sandbox.session.Experiment`."""
    return torch_export(experiment, index, count).write(script_path, weights_path, keep)


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
    cell = CELL_TABLE.get(c.cell)
    if cell is None:
        raise ValueError(tr("exporting '{cell}' cells is not supported").format(cell=c.cell))
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
        "CELL_STATE": cell.cell_state,
        "ROWS": cell.rows,  # blocks of HIDDEN rows in the stacked weights
        "OWN_MODULE": bool(cell.torch_source),  # a module the script defines, not PyTorch's
        "NONLINEARITY": repr(c.nonlinearity),
        "CLASSES": c.loss in ("ce", "ctc"),
        "CTC": c.loss == "ctc",
        "FEEDBACK": repr(c.feedback),
        "ATTENTION": repr(c.attention),
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
    return _TEMPLATE.format(arch=arch, head=head, minimal=cell.torch_source, module=cell.torch,
                            body=body.strip("\n"))


_TEMPLATE = '''\
"""A {arch} recurrent network exported from RNN Sandbox, rebuilt in PyTorch.

Run:  python this_file.py [--weights FILE.npz] [--out prediction.npy]

The .npz holds the parameters under PyTorch's state_dict names and a sample input
(arrays whose names start with "sample."), with the sandbox's own output for it and the
names of the task's tokens when it has them.  The script prints the prediction (in words
or labels when it can) and checks that it is the sandbox's: it ends with "reproduces the
sandbox's prediction", or exits with status 1 and the difference.  The module computes
what the sandbox computes: nn.RNN (h_t = act(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh)), nn.GRU or
nn.LSTM with PyTorch's gate order, or the cell's own module below (minGRU, minLSTM); a
linear read-out; in the dtype of the stored weights (float64 unless the network used
float32).
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


{minimal}MODULE = {module}


def rnn(input_size, bidirectional):
    if OWN_MODULE:
        return MODULE(input_size, bidirectional)
    kw = dict(num_layers=LAYERS, batch_first=True, bidirectional=bidirectional)
    if MODULE is nn.RNN:
        kw["nonlinearity"] = NONLINEARITY
    return MODULE(input_size, HIDDEN, **kw)


def final_h(state):
    """h_n of the final state (an LSTM's state is the pair (h_n, c_n))."""
    return state[0] if CELL_STATE else state


def run_rnn(module, x, mask, h0=None):
    """Run ``module`` over ``x`` (batch, time, features); padded steps are skipped, so the
    final state is each sequence's state at its last real step."""
    if OWN_MODULE:  # it keeps the state over padded steps itself
        return module(x, h0, mask)
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


def words(names, ids):
    """Tokens by name: characters run together, longer names apart with spaces."""
    sep = "" if all(len(n) == 1 for n in names) else " "
    return sep.join(str(names[int(i)]) for i in ids)


def real_steps(mask, i, default):
    """How many steps of sample ``i`` are real (all of them without a mask)."""
    return default if mask is None else int(round(float(mask[i].sum())))


def input_tokens(x, mask, i):
    """Sample ``i``'s input steps as token indices, or None unless each is one-hot."""
    steps = x[i, : real_steps(mask, i, x.shape[1])]
    if not (np.isin(steps, (0, 1)).all() and (steps.sum(axis=-1) == 1).all()):
        return None
    return steps.argmax(axis=-1)


def show_tokens(arrays, prediction, mask):
    """Each sample's input, chosen classes and target by name, when the task names them."""
    def get(name):
        return arrays[name] if name in arrays.files else None

    in_names, out_names = get("sample.input_names"), get("sample.output_names")
    if not CLASSES:
        out_names = None
    if in_names is None and out_names is None:
        return
    x, y, y_mask = arrays["sample.x"], get("sample.y"), get("sample.y_mask")
    print("in words")
    for i in range(len(x)):
        line = f"sample {{i}}:"
        ids = input_tokens(x, mask, i) if in_names is not None else None
        if ids is not None:
            line += f' input "{{words(in_names, ids)}}"'
        print(line)
        if out_names is None:
            continue
        chosen = np.atleast_1d(prediction[i].argmax(axis=-1))
        target = None if y is None else np.atleast_1d(y[i])
        if ARCH == "many_to_many":
            chosen = chosen[: real_steps(mask, i, len(chosen))]
        if target is not None and y_mask is not None:
            target = target[: real_steps(y_mask, i, len(target))]
            if ARCH != "many_to_many":  # generated: as long as the target
                chosen = chosen[: len(target)]
        elif target is not None and ARCH == "many_to_many":
            target = target[: len(chosen)]
        if CTC:  # merge repeats, then drop the blank (class 0)
            chosen = [t for j, t in enumerate(chosen) if t and (j == 0 or t != chosen[j - 1])]
        print(f'  network: "{{words(out_names, chosen)}}"')
        if target is not None:
            print(f'  target:  "{{words(out_names, target)}}"')


def check(arrays, prediction, mask):
    """Compare with the sandbox's output stored for the sample; exit 1 if they differ."""
    if "sample.expected" not in arrays.files:
        print("(no prediction of the sandbox stored to compare with)")
        return
    expected = arrays["sample.expected"]
    if expected.shape != prediction.shape:
        raise SystemExit(
            f"the prediction has shape {{prediction.shape}}, the sandbox's {{expected.shape}}"
        )
    ours, theirs = prediction, expected
    if ARCH == "many_to_many" and mask is not None:
        real = mask > 0  # outputs at padded steps mean nothing in either program
        ours, theirs = ours[real], theirs[real]
    tol = 1e-8 if prediction.dtype == np.float64 else 1e-4
    diff = np.abs(ours.astype(np.float64) - theirs)
    worst = float(np.max(diff, initial=0.0))
    ok = (diff <= tol * (1 + np.abs(theirs))) | (ours == theirs)
    ok |= np.isnan(ours) & np.isnan(theirs)
    if not ok.all():
        raise SystemExit(
            f"the prediction differs from the sandbox's by up to {{worst:.3g}} "
            f"(tolerance {{tol:g}}): the weights or the sample are not what was exported"
        )
    print(f"largest difference {{worst:.2g}} (tolerance {{tol:g}}): "
          "reproduces the sandbox's prediction")


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
    mask_np = arrays["sample.mask"] if "sample.mask" in arrays.files else None
    mask = torch.from_numpy(mask_np).to(dtype) if mask_np is not None else None
    steps = int(arrays["sample.steps"]) if "sample.steps" in arrays.files else None
    with torch.no_grad():
        prediction = model(x, mask, steps) if steps is not None else model(x, mask)
    prediction = prediction.numpy()
    np.set_printoptions(precision=4, suppress=True)
    print("prediction", prediction.shape)
    print(prediction)
    if CLASSES:
        print("chosen classes (argmax)")
        print(prediction.argmax(axis=-1))
    if "sample.y" in arrays.files:
        print("target", arrays["sample.y"].shape)
        print(arrays["sample.y"])
    show_tokens(arrays, prediction, mask_np)
    if args.out:
        np.save(args.out, prediction)
    check(arrays, prediction, mask_np)


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
class Attention(nn.Module):
    """How the decoder looks back at the encoder (ATTENTION "dot", "general" or
    "additive"; Luong et al. 2015, Bahdanau et al. 2015).  For decoder states s_t and
    encoder outputs h_j (the top layer's directions side by side, as nn.GRU's output):

        dot       e_tj = s_t . h_j
        general   e_tj = s_t . (W_a h_j)                  weight
        additive  e_tj = v . tanh(W_q s_t + W_k h_j)      query, key, v
        alpha_t   = softmax_j(e_tj) over the real source steps (padding weighs 0)
        c_t       = sum_j alpha_tj h_j
        out_t     = tanh(W_c [c_t; s_t] + b_c)           combine; the head reads out_t
    """

    def __init__(self):
        super().__init__()
        width = HIDDEN * D
        if ATTENTION == "general":
            self.weight = nn.Parameter(torch.empty(HIDDEN, width))
        elif ATTENTION == "additive":
            self.query = nn.Linear(HIDDEN, HIDDEN, bias=False)
            self.key = nn.Linear(width, HIDDEN, bias=False)
            self.v = nn.Linear(HIDDEN, 1, bias=False)
        self.combine = nn.Linear(width + HIDDEN, HIDDEN)

    def forward(self, s, h, mask=None):
        """``s`` (batch, steps, HIDDEN), ``h`` (batch, source steps, HIDDEN * D); returns
        what the head reads and the weights alpha (batch, steps, source steps)."""
        if ATTENTION == "dot":
            e = s @ h.transpose(1, 2)
        elif ATTENTION == "general":
            e = s @ (h @ self.weight.T).transpose(1, 2)
        else:
            e = self.v(torch.tanh(self.query(s)[:, :, None] + self.key(h)[:, None]))[..., 0]
        if mask is not None:
            e = e.masked_fill(mask[:, None, :] == 0, float("-inf"))
        alpha = torch.softmax(e, dim=-1)
        context = alpha @ h
        return torch.tanh(self.combine(torch.cat([context, s], dim=-1))), alpha


class Model(nn.Module):
    """Encoder-decoder: the encoder's final state (an LSTM's h and c alike), summed over
    its directions per layer, starts a one-directional decoder fed its previous output
    token (first a zero vector).  With ATTENTION other than "none" the head reads the
    decoder's state combined with the encoder outputs it attends to."""

    def __init__(self):
        super().__init__()
        self.encoder = rnn(INPUT, BIDIRECTIONAL)
        self.decoder = rnn(OUTPUT, False)
        if ATTENTION != "none":
            self.attention = Attention()
        self.head = nn.Linear(HIDDEN, OUTPUT)

    def load(self, state):
        self.load_state_dict(state)

    def forward(self, x, mask=None, steps=1):
        batch = x.shape[0]
        encoded, state = run_rnn(self.encoder, x, mask)

        def merge(s):  # add the two directions of each layer
            return s.reshape(LAYERS, D, batch, HIDDEN).sum(dim=1)

        h = tuple(map(merge, state)) if CELL_STATE else merge(state)
        inp, outs = torch.zeros(batch, 1, OUTPUT, dtype=x.dtype), []
        for _ in range(steps):
            top, h = self.decoder(inp, h)
            if ATTENTION != "none":
                top, _ = self.attention(top, encoded, mask)
            out = self.head(top[:, 0])
            outs.append(out)
            inp = feed_back(out)
        return torch.stack(outs, dim=1)
'''
