"""`rnn-sandbox predict` shows where an attending network looked: a table of the written
words against the source words, each weight in percent."""

from __future__ import annotations

import numpy as np

from rnn_sandbox.cli import main
from rnn_sandbox.io import save_experiment
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task


def test_predict_prints_the_alignment_as_a_table_of_tokens(capsys, tmp_path):
    cfg = get_task("translation").default_config()
    cfg.task.n_samples = 40
    cfg.network.hidden_size = 6
    cfg.network.attention = "general"
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=2):
        pass
    save_experiment(tmp_path / "t.rnnx", exp)
    assert main(["predict", str(tmp_path / "t.rnnx"), "--index", "1"]) == 0
    out = capsys.readouterr().out
    head, _, table = out.partition("attention (% of each written word's look at the source")
    assert head.startswith("source ") and table
    lines = table.strip().splitlines()[1:]
    val = exp.trainer.data.val.subset(slice(1, 2))
    source = head.splitlines()[0].split()[1:]
    assert lines[0].split() == ["wrote", *source]
    outputs, alpha = exp.network.generate_with_attention(val.x, val.mask, val.y.shape[1])
    written = exp.task.written_tokens(exp.trainer.data, outputs[0])
    assert [line.split()[0] for line in lines[1:]] == written
    for line, weights in zip(lines[1:], alpha[0], strict=False):
        percents = [int(p) for p in line.split()[1:]]
        assert percents == [round(100 * w) for w in weights[: len(source)]]
        assert abs(sum(percents) - 100) <= len(source)  # each row is the whole of its look
    # A network without attention prints no table.
    cfg.network.attention = "none"
    save_experiment(tmp_path / "n.rnnx", Experiment(cfg))
    assert main(["predict", str(tmp_path / "n.rnnx"), "--index", "1"]) == 0
    assert "attention" not in capsys.readouterr().out
    assert np.isclose(alpha[0].sum(axis=-1), 1).all()
