"""The window survives what a learner throws at it: unexpected errors and restless clicking.

An exception in a slot or in the training process is shown, logged, and the program goes
on; a training process that dies is replaced;
many cycles of open, play, pause, step, reset and close-while-training (40 in every suite, as
many as ``RNN_SANDBOX_SOAK_CYCLES`` says for a longer soak) leave no thread running and no
memory behind.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import resource
import threading
import time
import weakref
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from rnn_sandbox.lessons import get_lesson
from rnn_sandbox.ui import errors
from rnn_sandbox.ui.main_window import MainWindow

WAIT = 20_000  # ms
DOCS = Path(__file__).resolve().parents[2] / "docs" / "robustness.md"


def tiny_config():
    """The three-neuron network of the BPTT lesson on 100 short sequences: fast to build."""
    cfg = get_lesson("bptt").preset()
    cfg.task.n_samples = 100
    cfg.training.epochs = 100_000
    return cfg


def open_window(settings: QSettings, config=None, show: bool = True) -> MainWindow:
    w = MainWindow(config=config or tiny_config(), settings=settings)
    w.confirm = lambda title, text: True
    w.modal_messages = False
    if show:
        w.show()
    return w


def dispose(w: MainWindow) -> None:
    """Close (if still open) and delete the window now, as the event loop would later."""
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def reporter(tmp_path: Path):
    """The program's error reporter, logging into a temporary folder."""
    rep = errors.install(tmp_path / "logs")
    yield rep
    if rep.dialog is not None:
        rep.dialog.close()
    errors.uninstall()


def log_text(rep: errors.ErrorReporter) -> str:
    return rep.log_file.read_text(encoding="utf-8") if rep.log_file.exists() else ""


# -- unexpected errors ---------------------------------------------------------------------
@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_shown_logged_and_the_window_goes_on(qtbot, settings, reporter):
    w = open_window(settings)
    qtbot.addWidget(w)
    try:
        def broken_slot():
            raise ValueError("the knob fell off")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(),
                        timeout=WAIT)
        dialog = reporter.dialog
        assert "the knob fell off" in dialog.message.text()
        assert "ValueError" in dialog.message.text()
        assert not dialog.isModal()
        # "Copy details" puts the whole traceback on the clipboard.
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        copied = QGuiApplication.clipboard().text()
        assert "Traceback" in copied and "broken_slot" in copied
        assert "the knob fell off" in copied
        # The log file has it too, with the traceback.
        text = log_text(reporter)
        assert "ValueError" in text and "broken_slot" in text
        assert "the knob fell off" in w.statusBar().currentMessage()
        dialog.grab().save(str(Path(reporter.log_folder) / "dialog.png"))
        # The program did not end: the window answers and training still starts.
        w.commands.step.trigger()
        qtbot.waitUntil(lambda: w.controller.step == 1, timeout=WAIT)
        w.controller.play()
        qtbot.waitUntil(lambda: w.controller.step > 5, timeout=WAIT)
        w.controller.pause()
        assert w.isVisible()
    finally:
        w.shutdown()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_the_training_process_pauses_training_which_goes_on(
        qtbot, settings, reporter):
    w = open_window(settings)
    qtbot.addWidget(w)
    try:
        # A metric that fails when the validation calls it, and that can travel to the
        # training process (a local function could not).
        broken_metric = functools.partial(int, "metric exploded")
        with w.controller.worker.paused() as exp:
            good_metric = exp.trainer.metric_fn
            exp.trainer.metric_fn = broken_metric
        process = w.controller.worker.process
        w.controller.play()
        qtbot.waitUntil(lambda: bool(reporter.reports), timeout=WAIT)
        report = reporter.reports[-1]
        assert report.thread == "training" and "int()" in report.message
        assert "training/loop.py" in report.details  # the traceback from the training process
        assert "int()" in log_text(reporter)
        qtbot.waitUntil(lambda: not w.commands.play.isChecked(), timeout=WAIT)
        assert not w.controller.worker.is_running()
        # The same process serves on: put the metric back and train.
        with w.controller.worker.paused() as exp:
            exp.trainer.metric_fn = good_metric
        before = w.controller.step
        w.controller.play()
        qtbot.waitUntil(lambda: w.controller.step > before + 5, timeout=WAIT)
        assert w.controller.worker.process is process and process.is_alive()
        w.controller.pause()
        w.close()
        assert w.controller.training.relay.isFinished() and not process.is_alive()
    finally:
        w.shutdown()


def test_a_training_process_that_dies_is_replaced(qtbot, settings):
    w = open_window(settings)
    qtbot.addWidget(w)
    try:
        w.controller.play()
        qtbot.waitUntil(lambda: w.controller.step > 3, timeout=WAIT)
        with w.controller.worker.paused() as exp:  # the window's copy is brought up to date here
            kept = exp.trainer.step_count
            kept_weights = exp.network.state_dict()
        w.controller.play()
        qtbot.waitUntil(lambda: w.controller.step > kept + 3, timeout=WAIT)
        old = w.controller.training
        old.worker.process.kill()  # as if the system had ended it
        qtbot.waitUntil(lambda: w.controller.training is not old, timeout=WAIT)
        assert old.relay.isFinished() and not old.worker.alive()
        assert w.last_message[0] == "Training stopped"
        assert "ended unexpectedly" in w.last_message[1]
        # The new process starts from the copy: the steps since the pause are gone.
        assert w.controller.step == kept and not w.commands.play.isChecked()
        with w.controller.worker.paused() as exp:
            assert exp.trainer.step_count == kept
            for k, v in kept_weights.items():
                np.testing.assert_array_equal(exp.network.params[k], v)
        w.controller.play()
        qtbot.waitUntil(lambda: w.controller.step > kept + 3, timeout=WAIT)
        w.close()
        assert w.controller.training.relay.isFinished() and not w.controller.worker.alive()
    finally:
        w.shutdown()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_python_thread_is_reported(qtbot, reporter):
    def work():
        raise KeyError("lost")

    t = threading.Thread(target=work, name="loader")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(),
                    timeout=WAIT)
    report = reporter.reports[-1]
    assert report.thread == "loader" and "KeyError" in report.title
    assert "in the loader thread" in reporter.dialog.message.text()
    assert "[thread loader]" in log_text(reporter)


@pytest.mark.qt_no_exception_capture
def test_a_burst_of_errors_shares_one_dialog_and_the_log_stays_small(qtbot, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr(errors, "MAX_LOG_BYTES", 4_000)
    rep = errors.install(tmp_path / "burst")
    shown_in: list[errors.ErrorDialog] = []  # the dialog each report was shown in
    rep.reported.connect(lambda _report: shown_in.append(rep.dialog))
    try:
        for i in range(40):
            try:
                raise OSError(f"disk {i} is full")
            except OSError as e:
                rep.excepthook(type(e), e, e.__traceback__)
        qtbot.waitUntil(lambda: rep.dialog is not None and rep.dialog.count == 40,
                        timeout=WAIT)
        assert "disk 39 is full" in rep.dialog.message.text()
        assert "40 errors" in rep.dialog.count_label.text()
        assert len(shown_in) == 40 and all(d is rep.dialog for d in shown_in)
        assert rep.dialog.isVisible()
        files = sorted((tmp_path / "burst").iterdir())
        assert len(files) <= 1 + errors.LOG_BACKUPS
        assert all(f.stat().st_size <= 4_000 + 2_000 for f in files)
        assert "disk 39 is full" in (tmp_path / "burst" / errors.LOG_NAME).read_text()
    finally:
        if rep.dialog is not None:
            rep.dialog.close()
        errors.uninstall()


def test_uninstall_gives_the_hooks_back(tmp_path):
    import sys

    before = (sys.excepthook, threading.excepthook)
    rep = errors.install(tmp_path)
    assert sys.excepthook == rep.excepthook
    errors.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    assert errors.current() is None
    assert not any(tmp_path.iterdir())  # no error, no log file


def test_app_main_installs_the_reporter(qtbot, tmp_path, monkeypatch, app_windows):
    """``main()`` installs the reporter for the life of the event loop, then removes it."""
    from rnn_sandbox.ui import app as app_module

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr(errors, "default_log_folder", lambda: tmp_path / "logs")
    seen = []

    def during():
        seen.append(errors.current())
        for x in app_windows:
            x.close()
        QApplication.instance().exit(0)

    QTimer.singleShot(300, during)
    assert app_module.main([]) == 0
    assert seen and isinstance(seen[0], errors.ErrorReporter)
    assert errors.current() is None


# -- restless clicking ---------------------------------------------------------------------
def rss_mb() -> float:
    """Resident memory of this process now (Linux), else the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_cycle(qtbot, settings: QSettings, show: bool) -> weakref.ref:
    """Open, play, pause, step, reset, play and close while training; the relay thread's
    ref.  The window's training process has ended when it returns.

    A window that is not shown runs the same code except the painting of hidden panels.
    """
    w = open_window(settings, show=show)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step >= 3, timeout=WAIT)
    w.controller.pause()
    with w.controller.worker.paused():  # the step under way ends and its report is delivered
        pass
    w.controller.training.poll()
    paused_at = w.controller.step
    w.controller.step_once()
    qtbot.waitUntil(lambda: w.controller.step == paused_at + 1, timeout=WAIT)
    w.controller.reset()
    assert w.controller.step == 0
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step >= 2, timeout=WAIT)
    assert w.controller.worker.is_running()
    thread, process = w.controller.training.relay, w.controller.worker.process
    w.close()  # while training
    assert thread.isFinished(), "the relay thread did not end"
    assert not process.is_alive(), "the training process did not end"
    dispose(w)
    return weakref.ref(thread)


def test_many_cycles_of_play_pause_step_reset_close(qtbot, settings, record_property):
    # 20 keep the suite short; the memory is compared from cycle 10 on, so 10 cycles of
    # growth are measured.  A longer soak: RNN_SANDBOX_SOAK_CYCLES=100 (or more).
    cycles = max(20, int(os.environ.get("RNN_SANDBOX_SOAK_CYCLES", "20")))
    gc.collect()
    threads_before = threading.active_count()
    start = time.perf_counter()
    rss: list[float] = []
    thread_refs: list[weakref.ref] = []
    for cycle in range(cycles):
        # Every tenth window is shown and paints; the rest save the time of drawing so
        # that the cycles fit in well under a minute.
        thread_refs.append(one_cycle(qtbot, settings, show=cycle % 10 == 0))
        if cycle % 10 == 9:
            gc.collect()
            rss.append(rss_mb())
    elapsed = time.perf_counter() - start
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    alive = [t for t in (r() for r in thread_refs) if t is not None]
    threads_after = threading.active_count()
    processes = multiprocessing.active_children()
    growth = rss[-1] - rss[0]
    line = (f"{cycles} cycles in {elapsed:.1f} s; RSS after 10 cycles {rss[0]:.1f} MB, "
            f"after {cycles} {rss[-1]:.1f} MB (growth {growth:+.1f} MB); "
            f"threads before {threads_before}, after {threads_after}; "
            f"QThread objects still alive {len(alive)}; training processes left "
            f"{len(processes)}")
    print(line)
    print("RSS every 10 cycles (MB): " + ", ".join(f"{r:.1f}" for r in rss))
    record_property("robustness", line)
    assert threads_after <= threads_before
    assert processes == []
    assert all(t.isFinished() for t in alive)
    assert len(alive) <= 1  # at most the last one, not yet collected
    assert growth < 60, line


@pytest.mark.qt_no_exception_capture
def test_a_dialog_gone_with_its_window_is_made_anew(qtbot, reporter):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    reporter.dialog = errors.ErrorDialog(owner)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def broken():
        raise ZeroDivisionError("after the window closed")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: bool(reporter.reports), timeout=WAIT)
    qtbot.waitUntil(lambda: reporter.dialog.isVisible(), timeout=WAIT)
    assert "after the window closed" in reporter.dialog.message.text()
