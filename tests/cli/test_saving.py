"""Saves as a user expects them: through a link into the file it points to, never two saves
reporting success over each other, a full disk named with the file, a script and its weights
replaced together or not at all, and run names that always stay savable."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from rnn_sandbox.cli import commands, main
from rnn_sandbox.files import SaveConflict, atomic_write, is_temp_name
from rnn_sandbox.io import load_experiment, save_experiment
from rnn_sandbox.runs.book import MAX_NAME, Run
from rnn_sandbox.runs.file import load_comparison, load_runs, save_runs
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

SMALL = ["--task", "tiny_bptt", "--hidden", "3", "--samples", "40", "--batch-size", "8"]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def experiment(steps: int = 0) -> Experiment:
    cfg = get_task("tiny_bptt").default_config()
    cfg.task.n_samples, cfg.network.hidden_size, cfg.training.batch_size = 40, 3, 8
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=steps, validate_every=1):
        pass
    return exp


def no_temps(folder: Path) -> bool:
    return not any(is_temp_name(p.name) for p in folder.iterdir())


def test_resume_through_a_link_updates_the_file_it_points_to(capsys, tmp_path):
    real = save_experiment(tmp_path / "real.rnnx", experiment(2))
    link = tmp_path / "link.rnnx"
    link.symlink_to(real.name)
    code, out, err = run(capsys, "resume", link, "--steps", "3", "--quiet")
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "real.rnnx"
    assert load_experiment(real).trainer.step_count == 5
    assert f"experiment saved to {link}" in out
    assert no_temps(tmp_path)


def test_a_file_another_program_saved_meanwhile_is_kept_and_the_work_saved_beside(
        capsys, tmp_path, monkeypatch):
    """Two commands saving to one file: the second does not replace the first's file
    while saying "saved"; its work goes beside it and it says where (exit code 1)."""
    target = tmp_path / "p.rnnx"
    train = commands._train

    def other_program_saves_meanwhile(exp, steps, quiet):
        code = train(exp, steps, quiet)
        save_experiment(target, experiment(1))
        return code

    monkeypatch.setattr(commands, "_train", other_program_saves_meanwhile)
    code, out, err = run(capsys, "train", *SMALL, "--steps", "4", "--save", target, "--quiet")
    assert code == 1
    beside = tmp_path / "p-2.rnnx"
    assert load_experiment(target).trainer.step_count == 1  # the other program's
    assert load_experiment(beside).trainer.step_count == 4  # this command's work
    assert f"experiment saved to {beside}" in out
    assert err.startswith("error: ") and "another program" in err and str(beside) in err


def test_two_saves_at_once_never_both_succeed(tmp_path):
    """A save that another save overtakes while it writes is refused, and the other's
    file stays; no temporary file is left."""
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")

    def slow(f):
        f.write(b"first")
        atomic_write(target, lambda g: g.write(b"second"))  # overtakes this one

    with pytest.raises(SaveConflict, match="another program saved it"):
        atomic_write(target, slow)
    assert target.read_bytes() == b"second"
    assert no_temps(tmp_path)


def _disk_full_at(monkeypatch, call: int) -> None:
    """The ``call``-th fsync of a save reports a full disk (as a write may)."""
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == call:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_full_disk_is_reported_with_the_file_it_was_saving(capsys, tmp_path, monkeypatch):
    target = tmp_path / "x.rnnx"
    _disk_full_at(monkeypatch, 1)
    code, out, err = run(capsys, "train", *SMALL, "--steps", "2", "--save", target, "--quiet")
    assert code == 2
    assert err == f"error: {target}: No space left on device\n"
    assert not target.exists() and no_temps(tmp_path)


def test_a_full_disk_during_the_torch_export_leaves_the_previous_pair(
        capsys, tmp_path, monkeypatch):
    saved = save_experiment(tmp_path / "e.rnnx", experiment(2))
    script, weights = tmp_path / "t.py", tmp_path / "t.npz"
    code, _, err = run(capsys, "export", saved, "--torch", script, "--weights", weights)
    assert code == 0, err
    before = script.read_bytes(), weights.read_bytes()
    resumed = save_experiment(tmp_path / "f.rnnx", experiment(5))  # other weights
    _disk_full_at(monkeypatch, 2)  # the weights are written, the script is not
    code, _, err = run(capsys, "export", resumed, "--torch", script, "--weights", weights)
    assert code == 2 and "No space left on device" in err
    assert (script.read_bytes(), weights.read_bytes()) == before
    assert no_temps(tmp_path)


def test_names_of_the_longest_length_stay_savable_when_opened_twice(tmp_path):
    exp = experiment(1)
    long = tmp_path / "long.rnns"
    save_runs(long, [Run.of(exp, "n" * MAX_NAME, colour=0)])
    runs = load_comparison([long, long, long])
    names = [r.name for r in runs]
    assert len(set(names)) == 3 and all(len(n) <= MAX_NAME for n in names), names
    assert names[1].endswith(" (2)") and names[2].endswith(" (3)")
    again = save_runs(tmp_path / "again.rnns", runs)
    assert [r.name for r in load_runs(again)] == names
