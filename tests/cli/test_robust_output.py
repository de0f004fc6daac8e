"""Trained work is never thrown away by a print: results are saved before anything is
printed, and output that cannot be written (a pipe whose reader left, a full disk, a closed
standard output) is reported at the end instead of ending the command.  Texts read from
files are printed escaped."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rnn_sandbox.cli import main
from rnn_sandbox.cli.errors import EXIT_BROKEN_PIPE, EXIT_FAILED
from rnn_sandbox.io import load_experiment, save_experiment
from rnn_sandbox.runs.file import load_runs
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

SMALL = ["--task", "tiny_bptt", "--hidden", "3", "--samples", "40", "--batch-size", "8"]


class Failing(io.StringIO):
    """Standard output that takes ``lines`` writes, then fails as ``error`` says."""

    def __init__(self, error: OSError, lines: int = 1) -> None:
        super().__init__()
        self.error, self.left = error, lines

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise self.error
        self.left -= 1
        return super().write(text)


BROKEN_PIPE = BrokenPipeError(errno.EPIPE, "Broken pipe")
DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


def run_into(monkeypatch, capsys, stdout, *argv) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdout", stdout)
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


@pytest.fixture
def trained(tmp_path) -> Path:
    cfg = get_task("tiny_bptt").default_config()
    cfg.task.n_samples, cfg.network.hidden_size, cfg.training.batch_size = 40, 3, 8
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=3, validate_every=1):
        pass
    return save_experiment(tmp_path / "trained.rnnx", exp)


@pytest.mark.parametrize("stdout, code, said", [
    (lambda: Failing(BROKEN_PIPE), EXIT_BROKEN_PIPE, None),  # `| head -1`
    (lambda: Failing(DISK_FULL, lines=0), EXIT_FAILED, "No space left on device"),  # /dev/full
    (lambda: None, EXIT_FAILED, "standard output"),  # `>&-`
])
def test_train_and_resume_save_although_the_output_is_lost(
        monkeypatch, capsys, tmp_path, trained, stdout, code, said):
    saved = tmp_path / "p.rnnx"
    got, err = run_into(monkeypatch, capsys, stdout(), "train", *SMALL, "--steps", "7",
                        "--save", saved, "--quiet")
    assert got == code and "Traceback" not in err
    assert load_experiment(saved).trainer.step_count == 7
    got, err = run_into(monkeypatch, capsys, stdout(), "resume", trained, "--steps", "2",
                        "--quiet")
    assert got == code
    assert load_experiment(trained).trainer.step_count == 5
    if said is None:
        assert err == ""  # the reader of a pipe has all it wanted: nothing to complain of
    else:
        assert err.count("\n") == 1 and err.startswith("error:") and said in err, err


def test_compare_writes_its_csv_and_seeds_their_runs_file_before_printing(
        monkeypatch, capsys, tmp_path, trained):
    csv = tmp_path / "o.csv"
    code, _ = run_into(monkeypatch, capsys, Failing(BROKEN_PIPE, lines=0), "compare",
                       trained, "--csv", csv)
    assert code == EXIT_BROKEN_PIPE and csv.read_text().startswith("step,")
    runs = tmp_path / "p.rnns"
    code, err = run_into(monkeypatch, capsys, Failing(DISK_FULL), "train", *SMALL,
                         "--steps", "2", "--seeds", "2", "--processes", "1", "--save", runs,
                         "--quiet")
    assert code == EXIT_FAILED and "No space left on device" in err
    assert [r.name for r in load_runs(runs)] == ["seed 0", "seed 1"]


def test_a_real_pipe_closed_by_its_reader(tmp_path):
    """`rnn-sandbox train … --save p.rnnx | head -1`, with the reader gone before the
    first line: the file is saved, and no traceback or "Exception ignored" follows."""
    saved = tmp_path / "p.rnnx"
    proc = subprocess.Popen(
        [sys.executable, "-m", "rnn_sandbox", "train", *SMALL, "--steps", "30",
         "--save", str(saved), "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves at once
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == EXIT_BROKEN_PIPE, err
    assert err == ""
    assert load_experiment(saved).trainer.step_count == 30


def test_a_real_closed_standard_output(tmp_path):
    """`rnn-sandbox train … --save p.rnnx >&-`: saved, one line on standard error."""
    saved = tmp_path / "p.rnnx"
    done = subprocess.run(
        [sys.executable, "-m", "rnn_sandbox", "train", *SMALL, "--steps", "3",
         "--save", str(saved), "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path, timeout=60,
        preexec_fn=lambda: os.close(1),  # noqa: PLW1509 (the shell's >&-)
    )
    err = done.stderr.decode()
    assert done.returncode == EXIT_FAILED, err
    assert err == "error: the output could not be printed: standard output: it is closed\n"
    assert load_experiment(saved).trainer.step_count == 3


def _hostile(src: Path, dst: Path, change) -> Path:
    """A copy of the experiment file ``src`` whose settings ``change`` edited."""
    with zipfile.ZipFile(src) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    header = json.loads(entries["experiment.json"])
    change(header)
    entries["experiment.json"] = json.dumps(header).encode()  # \ud800 as a JSON escape
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return dst


def test_texts_from_files_are_printed_escaped(monkeypatch, capsys, tmp_path, trained):
    """A lone surrogate or a terminal control in the version, the date, an option key or a
    run name is printed as an escape: no UnicodeEncodeError, no forged row or title."""
    def change(h):
        h["app_version"] = "\ud800\x1b]0;owned\x07"
        h["saved_at"] = "2026\ud800\nforged row"
        h["config"]["task"]["options"]["k\ud800\x1b[2J"] = 1

    hostile = _hostile(trained, tmp_path / "x\x1b]0;t\x07\nrow.rnnx", change)
    for argv in (["info", hostile], ["compare", hostile, trained]):
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, as a terminal
        code, err = run_into(monkeypatch, capsys, stdout, *argv)
        assert code == 0, err
        stdout.seek(0)
        printed = stdout.read()
        assert "\x1b" not in printed and "\x07" not in printed and "\ud800" not in printed
        assert "\\ud800" in printed and "\\x1b" in printed
        lines = printed.splitlines()
        assert not any(line.startswith(("forged", "row")) for line in lines), printed
        if argv[0] == "info":
            assert "RNN Sandbox \\ud800\\x1b]0;owned\\x07, 2026\\ud800\\nforged row)" in lines[1]
        else:  # the run's name is the file's: one row, escaped
            assert lines[1].startswith("x\\x1b]0;t\\x07\\nrow ")


def test_a_prediction_is_printed_line_by_line_escaped(monkeypatch, capsys, trained):
    """A task's rendering can quote the file's own data (a text's characters)."""
    task_class = type(get_task("tiny_bptt"))
    monkeypatch.setattr(task_class, "render_prediction",
                        lambda self, *args: "input \x1b]0;t\x07\nanswer \ud800")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    code, err = run_into(monkeypatch, capsys, stdout, "predict", trained)
    assert code == 0, err
    stdout.seek(0)
    assert stdout.read() == "input \\x1b]0;t\\x07\nanswer \\ud800\n"
