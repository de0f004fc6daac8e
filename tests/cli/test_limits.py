"""Every limit is checked before any work starts: a run that could never be saved is not
trained, and an option that would be ignored or fail later is refused at once."""

from __future__ import annotations

import pytest

from rnn_sandbox.cli import main
from rnn_sandbox.engine import Trainer
from rnn_sandbox.io import save_experiment
from rnn_sandbox.io.checks import MAX_STEPS
from rnn_sandbox.runs.seeds import RunJob
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

SMALL = ["--task", "tiny_bptt", "--hidden", "3", "--samples", "40", "--batch-size", "8"]


@pytest.fixture
def no_work(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("work started although the command must be refused")

    monkeypatch.setattr(Trainer, "run", refuse)
    monkeypatch.setattr(Trainer, "step", refuse)
    monkeypatch.setattr(RunJob, "start", refuse)


def refused(capsys, *argv) -> str:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 2 and out == "", (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), err
    return lines[0]


def test_more_steps_than_a_file_records_are_refused_before_training(
        capsys, tmp_path, no_work):
    save = tmp_path / "x.rnnx"
    err = refused(capsys, "train", *SMALL, "--steps", MAX_STEPS + 1, "--save", save)
    assert f"at most {MAX_STEPS} steps" in err
    err = refused(capsys, "train", *SMALL, "--steps", MAX_STEPS + 1, "--seeds", "2",
                  "--save", tmp_path / "x.rnns")
    assert f"at most {MAX_STEPS} steps" in err
    assert list(tmp_path.iterdir()) == []
    cfg = get_task("tiny_bptt").default_config()
    cfg.task.n_samples, cfg.network.hidden_size, cfg.training.batch_size = 40, 3, 8
    exp = Experiment(cfg)
    exp.trainer.step_count = 10
    save_experiment(save, exp)
    before = save.read_bytes()
    err = refused(capsys, "resume", save, "--steps", MAX_STEPS - 9)
    assert f"at most {MAX_STEPS - 10} steps more after the 10 already trained" in err
    assert save.read_bytes() == before


def test_every_seed_is_checked_before_a_worker_starts(capsys, no_work):
    err = refused(capsys, "train", *SMALL, "--steps", "3", "--seeds", "2", "--seed", 2**62)
    assert f"seed {2**62 + 1}" in err and "training.seed" in err


@pytest.mark.parametrize("processes", ["2", "0", "-5"])
def test_processes_without_seeds_is_refused(capsys, no_work, processes):
    err = refused(capsys, "train", *SMALL, "--steps", "3", "--processes", processes)
    assert "--processes goes with --seeds" in err
