"""The command line, called in-process through ``main([...])`` (fast), plus one real
``python -m rnn_sandbox`` run that also proves the command line never imports Qt."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types

import numpy as np
import pytest

from rnn_sandbox.cli import main
from rnn_sandbox.cli.configuration import parse_option
from rnn_sandbox.cli.reports import Progress
from rnn_sandbox.engine.network import Network
from rnn_sandbox.io import load_experiment
from rnn_sandbox.session import epoch_text
from rnn_sandbox.tasks import TASK_TYPES, all_tasks, get_task

TASK_NAMES = [t.name for t in all_tasks()]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("error:") or "rnn-sandbox" in lines[0]
    return lines[0]


# -- tasks -------------------------------------------------------------------------------
def test_tasks_lists_every_task_under_its_type(capsys):
    code, out, _ = run(capsys, "tasks")
    assert code == 0
    lines = out.splitlines()
    headings = {TASK_TYPES[t.kind] for t in all_tasks()}
    for task in all_tasks():
        row = next(i for i, line in enumerate(lines) if line.split()[:1] == [task.name])
        heading = max(i for i, line in enumerate(lines[:row]) if line in headings)
        assert lines[heading] == TASK_TYPES[task.kind]
        assert task.title in lines[row]
    assert sum(line in headings for line in lines) == len(headings)  # each type once


# -- train ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", TASK_NAMES)
def test_train_works_for_every_task(capsys, name):
    code, out, err = run(capsys, "train", "--task", name, "--steps", "3", "--hidden", "4")
    assert code == 0, err
    assert f"{name}:" in out and "step 3 " in out
    for label in ("train loss", "val loss"):
        value = float(next(line for line in out.splitlines() if line.startswith(label)).split()[2])
        assert np.isfinite(value)
    assert "100% step 3/3" in err  # the progress bar
    # It ends with the task's metric beside its baseline and the difference.
    assert SCORE.match(out.splitlines()[-1]), out


# `val accuracy 0.931 (higher is better) · baseline "always O" 0.802 · better by 0.129`
SCORE = re.compile(
    r'^val (?P<metric>.+) (?P<value>\S+) \((?P<better>higher|lower) is better\) · '
    r'baseline "(?P<rule>.+)" (?P<baseline>\S+) · '
    r'(?:(?P<sign>better|worse) by (?P<by>\S+)|as good as the baseline)$'
)


def test_train_resume_and_info_end_with_metric_baseline_and_difference(capsys, tmp_path):
    path = tmp_path / "run.rnnx"
    code, out, _ = run(capsys, "train", "--task", "named_entities", "--steps", "30",
                       "--hidden", "6", "--save", str(path), "--quiet")
    assert code == 0
    exp = load_experiment(path)
    task, data = exp.task, exp.dataset
    outputs = exp.trainer.predict(data.val)
    numbers = [*task.extra_metrics(outputs, data.val), task.metric(outputs, data.val)]
    baselines = task.baselines(data)  # the same order: the extra number, then the metric
    assert baselines[0] == task.baseline(data)
    baselines = [*baselines[1:], baselines[0]]

    def check(text: str) -> None:
        lines = text.splitlines()[-len(numbers):]
        for line, m, b in zip(lines, numbers, baselines, strict=True):
            got = SCORE.match(line)
            assert got, line
            assert got["metric"] == m.name and float(got["value"]) == float(f"{m.value:.3g}")
            assert got["rule"] == "each word's most common tag"
            assert float(got["baseline"]) == float(f"{b.value:.3g}")
            d = m.value - b.value
            assert got["sign"] == ("better" if d > 0 else "worse")
            assert float(got["by"]) == float(f"{abs(d):.3g}")

    check(out.split("experiment saved")[0])
    assert out.splitlines()[-2].startswith("val token accuracy ")  # the main metric last
    code, out, _ = run(capsys, "info", str(path))
    assert code == 0
    check(out)
    code, out, _ = run(capsys, "resume", str(path), "--steps", "1", "--quiet")
    assert code == 0 and SCORE.match(out.split("experiment saved")[0].splitlines()[-1])


def test_train_learns_and_saves_an_experiment(capsys, tmp_path):
    path = tmp_path / "run.rnnx"
    code, out, _ = run(
        capsys, "train", "--task", "sine_forecast", "--hidden", "8", "--epochs", "3",
        "--lr", "0.02", "--seed", "1", "--save", str(path), "--quiet",
    )
    assert code == 0 and "experiment saved" in out
    exp = load_experiment(path)
    cfg = exp.config
    assert (cfg.network.hidden_size, cfg.training.learning_rate, cfg.training.seed) == (8, 0.02, 1)
    # 3 epochs of the default 640 training windows in batches of 32.
    assert exp.trainer.step_count == 3 * 20
    val_loss = float(next(x for x in out.splitlines() if x.startswith("val loss")).split()[2])
    assert val_loss < 0.15  # the untrained network's loss is about 0.3


def test_train_options_reach_the_config(capsys, tmp_path):
    path = tmp_path / "o.rnnx"
    code, _, err = run(
        capsys, "train", "--task", "sine_forecast", "--steps", "2", "--layers", "2",
        "--bidirectional", "--nonlinearity", "relu", "--optimizer", "momentum",
        "--batch-size", "7", "--clip", "0", "--bptt", "5", "--seq-len", "12", "--samples", "50",
        "--option", "horizon=3", "--option", "noise=0", "--save", str(path), "--quiet",
    )
    assert code == 0, err
    c = load_experiment(path).config
    assert (c.network.num_layers, c.network.bidirectional, c.network.nonlinearity) == (
        2, True, "relu",
    )
    assert (c.training.optimizer, c.training.batch_size, c.training.clip_norm) == (
        "momentum", 7, 0.0,
    )
    assert (c.training.bptt_truncation, c.task.seq_len, c.task.n_samples) == (5, 12, 50)
    assert c.task.options == {"horizon": 3, "noise": 0}
    # The task's own defaults are untouched for whoever builds the next experiment.
    assert get_task("sine_forecast").default_config().task.options["horizon"] == 5


def test_train_save_npz_has_pytorch_names(capsys, tmp_path):
    path = tmp_path / "w.npz"
    code, out, _ = run(
        capsys, "train", "--task", "sine_forecast", "--steps", "2", "--bidirectional",
        "--save", str(path), "--quiet",
    )
    assert code == 0 and "PyTorch" in out
    with np.load(path, allow_pickle=False) as z:
        assert "weight_hh_l0_reverse" in z.files and "head.weight" in z.files
        assert z["head.weight"].shape == (1, 32)


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--hidden", "0"], "hidden_size"),
        (["--layers", "9"], "num_layers"),
        (["--lr", "-1"], "learning_rate"),
        (["--optimizer", "nadam"], "optimizer"),
        (["--cell", "transformer"], "cell"),
        (["--nonlinearity", "sigmoid"], "nonlinearity"),
        (["--batch-size", "0"], "batch_size"),
        (["--seq-len", "0"], "seq_len"),
        (["--steps", "0"], "--steps"),
        (["--option", "horizon=abc"], "horizon|abc|invalid"),
        (["--option", "novalue"], "KEY=VALUE"),
        (["--save", "out.txt"], ".rnnx"),
        (["--save", "no/such/folder/run.rnnx"], "does not exist"),
        (["--init", "zeros"], "invalid choice"),
        (["--hidden", "many"], "invalid int"),
        (["--steps", "3", "--epochs", "2"], "not allowed"),
    ],
)
def test_bad_settings_give_one_line_and_exit_2(capsys, tmp_path, monkeypatch, argv,
                                               fragment):
    monkeypatch.chdir(tmp_path)  # where the relative --save paths would be written
    code, out, err = run(capsys, "train", "--task", "sine_forecast", *argv)
    assert code == 2
    assert re.search(fragment, _one_line_error(err)), err
    assert not list(tmp_path.iterdir())  # nothing written, not even a folder or a temp


def test_diverging_training_exits_1_with_advice(capsys):
    code, out, err = run(
        capsys, "train", "--task", "sine_forecast", "--nonlinearity", "relu", "--lr", "90",
        "--optimizer", "sgd", "--clip", "0", "--steps", "50", "--quiet",
    )
    assert code == 1
    assert "diverged" in _one_line_error(err) and "learning rate" in err
    assert "RuntimeWarning" not in err


def test_unknown_task_and_missing_task(capsys):
    code, _, err = run(capsys, "train", "--task", "nope")
    assert code == 2 and "no task named 'nope'" in _one_line_error(err)
    code, _, err = run(capsys, "train")
    assert code == 2 and "--task" in _one_line_error(err)
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "invalid choice" in _one_line_error(err)


def test_help_exits_cleanly(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "train" in out and "gradcheck" in out
    code, out, _ = run(capsys, "train", "--help")
    assert code == 0 and "--bidirectional" in out


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.text, self.tty = "", tty

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty


def test_progress_bar_redraws_on_a_terminal_and_writes_lines_to_logs():
    term = _Stream(tty=True)
    bar = Progress(1000, term)
    for i in range(1, 1001):  # far faster than ten redraws a second
        bar.update(i, 0.5)
    bar.close()
    frames = term.text.split("\r")[1:]
    assert len(frames) == 2 and frames[-1].startswith("[" + "#" * 28 + "] 100% step 1000/1000")
    log = _Stream(tty=False)
    bar = Progress(1000, log)
    for i in range(1, 1001):
        bar.update(i, 0.25)
    lines = log.text.splitlines()
    assert "\r" not in log.text and len(lines) == 11  # 0%, 10%, …, 100%
    assert lines[-1].endswith("step 1000/1000  loss 0.25")


# -- gradcheck -------------------------------------------------------------------------
def test_gradcheck_passes_and_lists_every_parameter(capsys):
    code, out, err = run(
        capsys, "gradcheck", "--task", "sine_forecast", "--layers", "2", "--bidirectional",
        "--hidden", "3", "--seq-len", "6",
    )
    assert code == 0, err
    lines = out.splitlines()
    names = [line.split()[0] for line in lines[:-1]]
    assert "weight_hh_l1_reverse" in names and "head.bias" in names and len(names) == 18
    errors = [float(line.split()[1]) for line in lines[:-1]]
    assert max(errors) < 1e-6
    assert lines[-1].startswith("worst:") and "ok" in lines[-1]


@pytest.mark.parametrize("name", TASK_NAMES)
def test_gradcheck_passes_for_every_task(capsys, name):
    code, out, err = run(capsys, "gradcheck", "--task", name, "--hidden", "3", "--entries", "8")
    assert code == 0, out + err
    assert out.splitlines()[-1].startswith("worst:")


def test_gradcheck_fails_with_wrong_gradients(capsys, monkeypatch):
    real = Network.loss_and_grads

    def off_by_ten_percent(self, *a, **k):
        loss, grads = real(self, *a, **k)
        grads["weight_hh_l0"] = grads["weight_hh_l0"] * 1.1
        return loss, grads

    monkeypatch.setattr(Network, "loss_and_grads", off_by_ten_percent)
    code, out, _ = run(capsys, "gradcheck", "--task", "sine_forecast", "--hidden", "3")
    assert code == 1
    assert "worst: weight_hh_l0" in out and "FAILED" in out


# -- working with saved files --------------------------------------------------------------
@pytest.fixture
def saved(capsys, tmp_path):
    path = tmp_path / "run.rnnx"
    code, _, _ = run(
        capsys, "train", "--task", "sine_forecast", "--steps", "4", "--hidden", "5",
        "--save", str(path), "--quiet",
    )
    assert code == 0
    return path


def test_resume_continues_exactly_where_training_stopped(capsys, tmp_path, saved):
    resumed = tmp_path / "resumed.rnnx"
    code, out, _ = run(
        capsys, "resume", str(saved), "--steps", "5", "--save", str(resumed), "--quiet"
    )
    assert code == 0 and "resuming at step 4" in out
    straight = tmp_path / "straight.rnnx"
    run(capsys, "train", "--task", "sine_forecast", "--steps", "9", "--hidden", "5",
        "--save", str(straight), "--quiet")
    a, b = load_experiment(resumed), load_experiment(straight)
    assert a.trainer.step_count == b.trainer.step_count == 9
    for k, v in b.network.params.items():
        assert np.array_equal(a.network.params[k], v)
    assert load_experiment(saved).trainer.step_count == 4  # --save left the original


def test_resume_without_save_writes_back(capsys, saved):
    code, _, _ = run(capsys, "resume", str(saved), "--steps", "2", "--lr", "0.001", "--quiet")
    assert code == 0
    exp = load_experiment(saved)
    assert exp.trainer.step_count == 6 and exp.config.training.learning_rate == 0.001


def test_info_and_predict(capsys, saved):
    code, out, _ = run(capsys, "info", str(saved))
    assert code == 0
    assert "sine_forecast" in out and "step 4" in out and "hidden 5" in out
    assert "attention" not in out
    exp = load_experiment(saved)
    t = exp.trainer  # the epoch counted as the window counts it
    assert f"{epoch_text(t.step_count, t.epoch, exp.config.training.epochs)}\n" in out
    code, out, _ = run(capsys, "predict", str(saved), "--index", "2")
    assert code == 0
    sample = exp.trainer.data.val.subset(slice(2, 3))
    expected = exp.task.render_prediction(
        exp.trainer.data, 2, exp.trainer.predict(sample)[0], "val"
    )
    assert out.strip() == expected.strip()
    code, out, _ = run(capsys, "--language", "de", "predict", str(saved), "--index", "2")
    assert code == 0 and out.startswith("Prognose ") and "  Wahrheit " in out  # the task's too
    code, _, err = run(capsys, "predict", str(saved), "--index", "100000")
    assert code == 2 and "--index" in _one_line_error(err)
    # A decoder that looks back says how in its network line.
    attending = saved.with_name("attends.rnnx")
    code, _, _ = run(capsys, "train", "--task", "translation", "--attention", "additive",
                     "--layers", "2", "--hidden", "4", "--samples", "20", "--steps", "1",
                     "--save", str(attending), "--quiet")
    assert code == 0
    code, out, _ = run(capsys, "info", str(attending))
    network = next(ln for ln in out.splitlines() if ln.startswith("network"))
    assert code == 0 and network.endswith(", attention: additive"), network
    assert "seq2seq, gru, hidden 4, layers 2" in network


def test_export_writes_script_weights_and_csv(capsys, tmp_path, saved):
    script, csv_path = tmp_path / "model.py", tmp_path / "history.csv"
    code, out, _ = run(
        capsys, "export", str(saved), "--torch", str(script), "--csv", str(csv_path)
    )
    assert code == 0
    compile(script.read_text(), str(script), "exec")
    with np.load(tmp_path / "model.npz", allow_pickle=False) as z:
        assert "sample.x" in z.files and "weight_ih_l0" in z.files
    assert csv_path.read_text().splitlines()[0] == "step,epoch,train_loss,val_loss,val_metric"
    assert len(csv_path.read_text().splitlines()) == 1 + 4
    code, _, err = run(capsys, "export", str(saved))
    assert code == 2 and "--torch" in _one_line_error(err)


def test_bad_files_give_one_line_and_exit_2(capsys, tmp_path):
    junk = tmp_path / "junk.rnnx"
    junk.write_bytes(b"not an experiment at all")
    for command in (["info"], ["predict"], ["resume", "--steps", "1"], ["export", "--csv", "x"]):
        code, _, err = run(capsys, command[0], str(junk), *command[1:])
        assert code == 2, command
        assert "junk.rnnx" in _one_line_error(err)
    code, _, err = run(capsys, "info", str(tmp_path / "missing.rnnx"))
    assert code == 2 and "cannot read" in _one_line_error(err)
    assert junk.read_bytes() == b"not an experiment at all"


# -- the app and the module entry point ---------------------------------------------------
def test_no_command_starts_the_app(capsys, monkeypatch):
    import rnn_sandbox.ui as ui

    calls = []
    fake = types.ModuleType("rnn_sandbox.ui.app")
    fake.main = lambda argv=None: calls.append(argv) or 3
    monkeypatch.setitem(sys.modules, "rnn_sandbox.ui.app", fake)
    monkeypatch.setattr(ui, "app", fake, raising=False)
    assert main([]) == 3 and calls == [[]]  # the app's exit code is the command's
    assert main(["my run.rnnx"]) == 3 and calls[-1] == ["my run.rnnx"]


def test_no_command_without_the_app_says_so(capsys, monkeypatch):
    import rnn_sandbox.ui as ui

    monkeypatch.setitem(sys.modules, "rnn_sandbox.ui.app", None)  # import fails
    monkeypatch.delattr(ui, "app", raising=False)
    code, _, err = run(capsys)
    assert code == 1
    assert "graphical app cannot start" in err and "Traceback" not in err


def test_python_dash_m_runs_without_importing_qt(tmp_path):
    probe = (
        "import runpy, sys\n"
        "import rnn_sandbox.io, rnn_sandbox.cli\n"
        "sys.argv = ['rnn-sandbox', 'train', '--task', 'sine_forecast', '--steps', '2',"
        " '--quiet']\n"
        "try:\n"
        "    runpy.run_module('rnn_sandbox', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
        "print('QT', qt)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "val loss" in done.stdout
    assert "QT []" in done.stdout


def test_installed_console_script(tmp_path):
    """``rnn-sandbox`` as pyproject declares it (skipped where the project is not installed)."""
    import shutil
    from pathlib import Path

    exe = shutil.which("rnn-sandbox", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the rnn-sandbox command is not installed in this environment")
    done = subprocess.run([exe, "tasks"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and all(name in done.stdout for name in TASK_NAMES)
    done = subprocess.run([exe, "train", "--task", "nope"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("error: there is no task")


def test_no_module_of_the_command_line_imports_qt_or_the_app_at_import_time():
    """Each module on its own (not only through the package), with Qt blocked."""
    import pkgutil

    import rnn_sandbox.cli
    from tests.test_imports import BLOCK_QT

    modules = [m.name for m in pkgutil.iter_modules(rnn_sandbox.cli.__path__, "rnn_sandbox.cli.")
               if not m.name.endswith("__main__")]
    assert {"rnn_sandbox.cli.commands", "rnn_sandbox.cli.runs"} <= set(modules)
    probe = BLOCK_QT.replace(
        "importlib.import_module(sys.argv[1])",
        "[importlib.import_module(m) for m in sys.argv[1:]]\n"
        "print(sorted(m for m in sys.modules if m.startswith('rnn_sandbox.ui')))",
    )
    done = subprocess.run([sys.executable, "-c", probe, *modules], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_own_csv_run_survives_the_csv_being_moved(capsys, tmp_path):
    import shutil

    from rnn_sandbox.tasks.base import resource_path

    csv_file = tmp_path / "mine.csv"
    shutil.copy(resource_path("data", "example_series.csv"), csv_file)
    run_file = tmp_path / "csv.rnnx"
    code, _, err = run(
        capsys, "train", "--task", "csv_series", "--option", f"path={csv_file}",
        "--steps", "3", "--hidden", "3", "--save", str(run_file), "--quiet",
    )
    assert code == 0, err
    csv_file.unlink()
    code, out, _ = run(capsys, "info", str(run_file))
    assert code == 0 and "data stored in the file" in out and "step 3" in out
    code, out, _ = run(capsys, "predict", str(run_file))
    assert code == 0 and "forecast" in out
    code, out, _ = run(capsys, "resume", str(run_file), "--steps", "2", "--quiet")
    assert code == 0 and load_experiment(run_file).trainer.step_count == 5


# -- robustness: files it writes reopen, inputs are never overwritten, no hangs ----------
def _occupancy_csv(tmp_path, rows: int = 5000):
    """Hourly rows with a 0/1 column: repetitive data that compresses extremely well."""
    hours = np.arange(rows)
    occupied = ((hours % 24 >= 8) & (hours % 24 < 18)).astype(int)
    path = tmp_path / "occupancy.csv"
    path.write_text("hour,occupied\n" + "".join(
        f"{h % 24},{o}\n" for h, o in zip(hours, occupied, strict=True)))
    return path


def test_repetitive_csv_data_save_and_reopen(capsys, tmp_path, monkeypatch):
    """It used to save this file and then refuse it as a zip bomb (ratio 200:1)."""
    monkeypatch.chdir(tmp_path)
    _occupancy_csv(tmp_path)
    code, _, err = run(
        capsys, "train", "--task", "csv_series", "--option", "path=occupancy.csv",
        "--option", 'features=["occupied"]', "--option", "target=occupied",
        "--seq-len", "168", "--steps", "3", "--save", "occ.rnnx", "--quiet",
    )
    assert code == 0, err
    code, out, err = run(capsys, "info", "occ.rnnx")
    assert code == 0, err
    assert "data stored in the file" in out
    assert run(capsys, "predict", "occ.rnnx")[0] == 0


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
def test_adaptive_optimizers_report_divergence_and_save_a_file_that_reopens(
    capsys, tmp_path, optimizer
):
    path = tmp_path / "adam.rnnx"
    code, _, err = run(
        capsys, "train", "--task", "sine_forecast", "--nonlinearity", "relu", "--lr", "99",
        "--clip", "0", "--steps", "200", "--optimizer", optimizer, "--save", str(path),
        "--quiet",
    )
    assert code == 1 and "training diverged" in err and "buffer" in err
    assert run(capsys, "predict", str(path))[0] == 0


def test_float32_divergence_is_reported(capsys, tmp_path):
    path = tmp_path / "f32.rnnx"
    code, _, err = run(
        capsys, "train", "--task", "sine_forecast", "--dtype", "float32", "--nonlinearity",
        "relu", "--init", "spectral", "--spectral-radius", "10", "--seq-len", "12", "--clip",
        "0", "--steps", "300", "--save", str(path), "--quiet",
    )
    assert code == 1 and "training diverged" in err
    assert run(capsys, "predict", str(path))[0] == 0


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--samples", "1000000", "--seq-len", "10000"], "MB of memory"),
        (["--samples", "200000", "--seq-len", "1000"], "MB of memory"),
        (["--option", "x=" + "[" * 900 + "]" * 900], "nested"),
        (["--option", "x=" + "[" * 5000 + "]" * 5000], "nested"),
        (["--option", 'x={"a":' * 40 + "1" + "}" * 40], "nested"),
    ],
)
def test_settings_too_large_or_too_deep_are_one_line_errors(capsys, argv, fragment):
    code, _, err = run(capsys, "train", "--task", "sine_forecast", "--steps", "1", *argv)
    assert code == 2 and fragment in _one_line_error(err)


def test_option_values_with_brackets_inside_strings_are_not_nesting():
    assert parse_option('x="' + "[" * 100 + '"') == ("x", "[" * 100)
    assert parse_option('x=["a]", ["b"]]') == ("x", ["a]", ["b"]])


def test_a_fifo_or_device_is_refused_without_reading(capsys, tmp_path):
    fifo = tmp_path / "p.rnnx"
    os.mkfifo(fifo)  # reading it would block forever: no one writes
    for command in ("info", "predict"):
        code, _, err = run(capsys, command, str(fifo))
        assert code == 2 and "not a regular file" in _one_line_error(err)
    code, _, err = run(capsys, "info", "/dev/zero")  # endless: was read for 2 GB
    assert code == 2 and "not a regular file" in _one_line_error(err)


def test_export_never_overwrites_its_input_or_its_own_outputs(capsys, tmp_path, saved):
    before = saved.read_bytes()
    code, _, err = run(capsys, "export", str(saved), "--csv", str(saved))
    assert code == 2 and "would overwrite" in _one_line_error(err)
    weights = tmp_path / "x.npz"
    weights.write_bytes(b"precious")
    code, _, err = run(capsys, "export", str(saved), "--torch", str(weights))
    assert code == 2 and "would overwrite" in _one_line_error(err)
    code, _, err = run(capsys, "export", str(saved), "--torch", str(tmp_path / "m.py"),
                       "--csv", str(tmp_path / "m.py"))
    assert code == 2 and "would overwrite" in _one_line_error(err)
    assert saved.read_bytes() == before and weights.read_bytes() == b"precious"


def test_an_unwritable_target_is_found_before_training(capsys, tmp_path, monkeypatch):
    import errno
    import tempfile

    from rnn_sandbox.engine import Trainer

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    def no_training(*args, **kwargs):
        raise AssertionError("trained although the result could not be saved")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    monkeypatch.setattr(Trainer, "run", no_training)
    code, out, err = run(capsys, "train", "--task", "sine_forecast", "--steps", "5",
                         "--save", str(tmp_path / "run.rnnx"))
    assert code == 2 and "Read-only file system" in _one_line_error(err)
    assert out == ""


def test_a_long_file_name_can_be_saved(capsys, tmp_path):
    path = tmp_path / ("r" * 240 + ".rnnx")  # 245 characters: the old temporary name was longer
    code, _, err = run(capsys, "train", "--task", "sine_forecast", "--steps", "2",
                       "--save", str(path), "--quiet")
    assert code == 0, err
    assert load_experiment(path).trainer.step_count == 2
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_the_setting_options_come_from_the_schema(capsys):
    """Each option a command offers for a setting is the schema's: its help with the
    allowed values, its type and choices, and it sets that setting."""
    from rnn_sandbox.cli.configuration import config_from_args
    from rnn_sandbox.cli.options import build_parser
    from rnn_sandbox.fields import SETTINGS

    code, out, _ = run(capsys, "train", "--help")
    assert code == 0
    offered = [s for s in SETTINGS if s.cli]
    assert {s.cli for s in offered} == {
        "hidden", "layers", "bidirectional", "attention", "cell", "nonlinearity", "init",
        "spectral-radius", "dtype", "seq-len", "samples", "seed", "lr", "optimizer",
        "momentum", "batch-size", "epochs", "clip", "bptt",
    }
    flat = " ".join(out.split())
    for s in offered:
        assert f"--{s.cli}" in out
        if s.kind in ("int", "float"):
            assert s.range_text() in flat, s.key
    args = build_parser().parse_args([
        "train", "--task", "sine_forecast", "--hidden", "7", "--layers", "2", "--lr", "0.5",
        "--bidirectional", "--cell", "gru", "--spectral-radius", "2", "--seq-len", "12",
        "--samples", "50", "--seed", "3", "--batch-size", "4", "--clip", "0", "--bptt", "5",
        "--optimizer", "momentum", "--momentum", "0.5", "--epochs", "2",
    ])
    cfg = config_from_args(args)
    n, t, tr = cfg.network, cfg.task, cfg.training
    assert (n.hidden_size, n.num_layers, n.bidirectional, n.cell, n.spectral_radius) == (
        7, 2, True, "gru", 2.0)
    assert (t.seq_len, t.n_samples) == (12, 50)
    assert (tr.learning_rate, tr.seed, tr.batch_size, tr.clip_norm, tr.bptt_truncation,
            tr.optimizer, tr.momentum, tr.epochs) == (0.5, 3, 4, 0.0, 5, "momentum", 0.5, 2)
    assert build_parser().parse_args(["train", "--task", "x"]).bidirectional is None
