"""Exports: weights under PyTorch names, a PyTorch script that reproduces our outputs,
and the history as CSV."""

from __future__ import annotations

import csv
import runpy
import subprocess
import sys

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine.data import Batch
from rnn_sandbox.engine.network import Network
from rnn_sandbox.io import export_history_csv, export_torch, export_weights, torch_script
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

# (architecture, loss, bidirectional, layers, nonlinearity, feedback, masked[, cell, dtype,
# attention])
CASES = [
    ("many_to_one", "ce", True, 2, "tanh", "output", True, "lstm"),
    ("many_to_one", "mse", False, 1, "tanh", "output", True, "gru"),
    ("many_to_many", "ce", True, 2, "tanh", "output", True, "gru"),
    ("many_to_many", "mse", True, 1, "tanh", "output", True, "lstm"),
    ("one_to_many", "ce", False, 2, "tanh", "output", False, "lstm"),
    ("one_to_many", "mse", False, 1, "tanh", "zero", False, "gru"),
    ("seq2seq", "ce", True, 2, "tanh", "output", True, "lstm"),
    ("seq2seq", "mse", True, 1, "tanh", "output", True, "gru"),
    ("many_to_one", "mse", False, 1, "tanh", "output", False),
    ("many_to_one", "ce", True, 2, "tanh", "output", True),
    ("many_to_one", "mse", True, 1, "relu", "output", False),
    ("many_to_many", "ce", True, 2, "tanh", "output", True),
    ("many_to_many", "mse", False, 3, "relu", "output", False),
    ("many_to_many", "ctc", True, 1, "tanh", "output", True),
    ("one_to_many", "ce", False, 2, "tanh", "output", False),
    ("one_to_many", "mse", False, 1, "relu", "output", False),
    ("one_to_many", "mse", False, 1, "tanh", "zero", False),
    ("seq2seq", "ce", True, 2, "tanh", "output", True),
    ("seq2seq", "mse", False, 1, "relu", "output", False),
    ("seq2seq", "ce", True, 2, "tanh", "output", True, "gru", "float64", "additive"),
    ("seq2seq", "mse", False, 1, "tanh", "output", True, "lstm", "float64", "dot"),
    ("seq2seq", "ce", True, 1, "relu", "output", False, "rnn", "float64", "general"),
    ("many_to_one", "ce", True, 2, "tanh", "output", True, "mingru"),
    ("many_to_many", "mse", True, 1, "tanh", "output", True, "minlstm"),
    ("one_to_many", "ce", False, 2, "tanh", "output", False, "minlstm"),
    ("seq2seq", "ce", True, 2, "tanh", "output", True, "mingru", "float64", "additive"),
]


def _case(arch, loss, bidir, layers, act, feedback, masked, cell="rnn", dtype="float64",
          attention="none"):
    """A network with lively (not tiny) weights and a batch of prefix-masked sequences."""
    n_in, n_out = (3, 3) if arch == "one_to_many" and feedback == "output" else (3, 4)
    cfg = NetworkConfig(
        input_size=n_in, output_size=n_out, hidden_size=5, num_layers=layers,
        bidirectional=bidir, cell=cell, nonlinearity=act, architecture=arch, loss=loss,
        feedback=feedback, dtype=dtype, attention=attention,
    )
    net = Network(cfg, seed=3)
    rng = np.random.default_rng(7)
    net.load_state_dict({k: v * 2.5 for k, v in net.state_dict().items()})
    B, T = 4, 6
    if arch == "one_to_many":
        x = rng.standard_normal((B, 1, n_in))
    else:
        x = rng.standard_normal((B, T, n_in))
    mask = None
    if masked:
        lengths = np.array([T, 3, 1, 5])
        mask = (np.arange(T)[None, :] < lengths[:, None]).astype(float)
        x = x * mask[..., None]
    steps = 5
    if loss in ("ce", "ctc"):
        y = rng.integers(0, n_out, (B, steps) if net.generative else (B, T))
        if arch == "many_to_one":
            y = y[:, 0]
    else:
        y = rng.standard_normal((B, steps, n_out) if net.generative else (B, T, n_out))
        if arch == "many_to_one":
            y = y[:, 0]
    return net, Batch(x, y, mask)


def _ours(net: Network, batch: Batch) -> np.ndarray:
    steps = batch.y.shape[1] if net.generative else None
    return net.predict(batch.x, batch.mask, steps=steps)


def _compare(net, batch, pred, tol):
    ours = _ours(net, batch)
    assert pred.shape == ours.shape
    if batch.mask is not None and net.arch == "many_to_many":
        m = batch.mask > 0  # padded steps carry no meaning in either program
        pred, ours = pred[m], ours[m]
    np.testing.assert_allclose(pred, ours, rtol=0, atol=tol)


def test_weights_npz_has_pytorch_names(tmp_path):
    net, batch = _case("many_to_one", "ce", True, 2, "tanh", "output", True)
    path = export_weights(tmp_path / "w.npz", net)
    with np.load(path, allow_pickle=False) as z:
        assert z.files == list(net.param_shapes())
        assert "weight_ih_l1_reverse" in z.files and "head.bias" in z.files
        for k, v in net.params.items():
            assert np.array_equal(z[k], v) and z[k].dtype == np.float64
    path = export_weights(tmp_path / "s.npz", net, batch)
    with np.load(path, allow_pickle=False) as z:
        assert {"sample.x", "sample.mask", "sample.y"} <= set(z.files)
        assert not any(k.startswith("sample.") for k in net.params)


def test_script_text_is_valid_python_for_each_architecture():
    for case in CASES:
        net, _ = _case(*case)
        text = torch_script(net.config, "m.npz")
        compile(text, "exported.py", "exec")
        assert f"NONLINEARITY = '{case[4]}'" in text
        assert f"CELL = '{net.config.cell}'" in text
        assert "allow_pickle=False" in text


def _run_script_in_process(script, weights, out, monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(script), "--weights", str(weights), "--out", str(out)])
    runpy.run_path(str(script), run_name="__main__")
    return np.load(out, allow_pickle=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_torch_script_matches_our_outputs(case, tmp_path, monkeypatch, capsys):
    pytest.importorskip("torch")
    net, batch = _case(*case)
    weights = export_weights(tmp_path / "model.npz", net, batch)
    script = tmp_path / "model.py"
    script.write_text(torch_script(net.config, weights.name))
    pred = _run_script_in_process(script, weights, tmp_path / "pred.npy", monkeypatch)
    assert pred.dtype == np.float64
    _compare(net, batch, pred, 1e-10)
    assert "reproduces the sandbox's prediction" in capsys.readouterr().out


def test_torch_script_float32(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    net, batch = _case("seq2seq", "mse", True, 2, "tanh", "output", True, "lstm", "float32")
    weights = export_weights(tmp_path / "model.npz", net, batch)
    script = tmp_path / "model.py"
    script.write_text(torch_script(net.config, weights.name))
    pred = _run_script_in_process(script, weights, tmp_path / "pred.npy", monkeypatch)
    assert pred.dtype == np.float32
    _compare(net, batch, pred, 1e-5)


def test_exported_experiment_runs_as_a_standalone_script(tmp_path):
    """The real thing: a separate Python process runs the written file next to its .npz."""
    pytest.importorskip("torch")
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples = 20
    cfg.network.bidirectional = True
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=3):
        pass
    script, weights = export_torch(exp, tmp_path / "forecast.py", index=1, count=3)
    assert weights == tmp_path / "forecast.npz"
    out = tmp_path / "p.npy"
    done = subprocess.run(
        [sys.executable, str(script), "--out", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "prediction (3, 1)" in done.stdout
    val = exp.trainer.data.val.subset(slice(1, 4))
    np.testing.assert_allclose(
        np.load(out), exp.network.predict(val.x, val.mask), rtol=0, atol=1e-10
    )


def test_export_torch_refuses_a_bad_index(tmp_path):
    exp = Experiment(get_task("sine_forecast").default_config())
    with pytest.raises(IndexError):
        export_torch(exp, tmp_path / "m.py", index=len(exp.trainer.data.val))
    assert list(tmp_path.iterdir()) == []


def test_history_csv(tmp_path):
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples = 20
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=4, validate_every=2):
        pass
    path = export_history_csv(tmp_path / "h.csv", exp.trainer.history)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["step", "epoch", "train_loss", "val_loss", "val_metric"]
    assert [r["step"] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0]["val_loss"] == "" and rows[1]["val_loss"] != ""
    for r, h in zip(rows, exp.trainer.history, strict=True):
        assert float(r["train_loss"]) == h["train_loss"]  # exact: repr round-trips
    assert float(rows[3]["val_metric"]) == exp.trainer.history[3]["val_metric"]


def _trained(task: str, steps: int = 3) -> Experiment:
    cfg = get_task(task).default_config()
    cfg.task.n_samples = 40
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=steps):
        pass
    return exp


def _run(script, *args, cwd=None):
    """The exported script in a Python process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )


def test_token_names_are_stored_as_plain_strings(tmp_path):
    exp = _trained("named_entities", steps=1)
    _, weights = export_torch(exp, tmp_path / "ner.py", count=2)
    meta = exp.trainer.data.meta
    with np.load(weights, allow_pickle=False) as z:
        assert z["sample.output_names"].dtype.kind == "U"
        assert list(z["sample.output_names"]) == list(meta["tags"])
        assert list(z["sample.input_names"]) == list(meta["vocab"])
        val = exp.trainer.data.val.subset(slice(0, 2))
        np.testing.assert_array_equal(
            z["sample.expected"], exp.network.predict(val.x, val.mask)
        )
    exp = _trained("sine_forecast", steps=1)
    _, weights = export_torch(exp, tmp_path / "sine.py")
    with np.load(weights, allow_pickle=False) as z:
        assert not any(k.endswith("_names") for k in z.files)


@pytest.mark.parametrize("task", ["named_entities", "translation"])
def test_exported_script_speaks_the_task_s_words(task, tmp_path):
    """Run alone, the script names the input and its prediction in the task's words and
    says that it computed what the sandbox computed."""
    pytest.importorskip("torch")
    exp = _trained(task)
    script, _ = export_torch(exp, tmp_path / f"{task}.py", count=3)
    done = _run(script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "reproduces the sandbox's prediction" in out.splitlines()[-1]
    meta, val = exp.trainer.data.meta, exp.trainer.data.val
    first = [meta["vocab"][i] for i in val.x[0].argmax(axis=-1)[: int(val.mask[0].sum())]]
    assert f'sample 0: input "{" ".join(first)}"' in out
    names = meta["tags"] if task == "named_entities" else meta["vocab"]
    lines = out.splitlines()
    said = lines[lines.index("in words") + 2].split('"')[1].split()
    assert said and set(said) <= set(names), said


def test_exported_regression_script_checks_its_numbers(tmp_path):
    pytest.importorskip("torch")
    exp = _trained("sine_forecast")
    script, _ = export_torch(exp, tmp_path / "sine.py", count=2)
    done = _run(script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "reproduces the sandbox's prediction" in done.stdout
    assert "in words" not in done.stdout  # nothing to name


def test_exported_script_finds_tampered_weights(tmp_path):
    pytest.importorskip("torch")
    exp = _trained("named_entities")
    script, weights = export_torch(exp, tmp_path / "ner.py", count=2)
    with np.load(weights, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["head.bias"] = arrays["head.bias"] + 1e-3
    np.savez(weights, **arrays)
    done = _run(script, cwd=tmp_path)
    assert done.returncode != 0
    assert "reproduces" not in done.stdout
    assert "differs from the sandbox's by up to 0.001" in done.stderr


def test_export_torch_keeps_the_files_it_is_told_to(tmp_path):
    exp = _trained("sine_forecast", steps=1)
    kept = tmp_path / "run.npz"
    kept.write_bytes(b"precious")
    with pytest.raises(ValueError, match="would overwrite the experiment"):
        export_torch(exp, tmp_path / "run.py", keep={"the experiment": kept})
    with pytest.raises(ValueError, match="would overwrite the script"):
        export_torch(exp, tmp_path / "m.py", tmp_path / "m.py")
    assert kept.read_bytes() == b"precious" and sorted(tmp_path.iterdir()) == [kept]
