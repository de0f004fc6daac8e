"""Experiment and runs files keep a network's attention; files from before it open as
today's network (attention "none")."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np

from rnn_sandbox.io import experiment_file as ef
from rnn_sandbox.io import load_experiment, save_experiment
from rnn_sandbox.runs.book import Run
from rnn_sandbox.runs.file import load_runs, save_runs
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task


def _translation(attention: str) -> Experiment:
    cfg = get_task("translation").default_config()
    cfg.task.n_samples = 40
    cfg.network.hidden_size = 5
    cfg.network.bidirectional = attention != "dot"
    cfg.network.attention = attention
    cfg.training.batch_size = 8
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=3):
        pass
    return exp


def _losses(exp: Experiment, steps: int) -> list[float]:
    return [s.train_loss for s in exp.trainer.run(steps=steps)]


def test_experiment_and_runs_files_carry_attention(tmp_path):
    a = _translation("additive")
    save_experiment(tmp_path / "a.rnnx", a)
    save_runs(tmp_path / "a.rnns", [Run.of(a, "attending", 0)])
    b = load_experiment(tmp_path / "a.rnnx")
    (run,) = load_runs(tmp_path / "a.rnns")
    c = run.experiment()
    assert b.config.network.attention == run.config.network.attention == "additive"
    assert "attention.key.weight" in b.network.params
    for k, v in a.network.params.items():
        assert np.array_equal(b.network.params[k], v) and np.array_equal(c.network.params[k], v)
    la = _losses(a, 3)
    assert _losses(b, 3) == la and _losses(c, 3) == la  # bit for bit, attention included


def test_files_written_before_attention_open_as_none(tmp_path):
    a = _translation("none")
    path = tmp_path / "old.rnnx"
    save_experiment(path, a)
    with zipfile.ZipFile(path) as zf:  # the file as an older version wrote it
        entries = {n: zf.read(n) for n in zf.namelist()}
    header = json.loads(entries[ef.JSON_NAME])
    del header["config"]["network"]["attention"]
    entries[ef.JSON_NAME] = json.dumps(header).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, blob in entries.items():
            zf.writestr(n, blob)
    path.write_bytes(buf.getvalue())
    b = load_experiment(path)
    assert b.config.network.attention == "none"
    assert not any(k.startswith("attention") for k in b.network.params)
    assert _losses(b, 2) == _losses(a, 2)
