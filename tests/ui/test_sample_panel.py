"""The Sample panel: the network writes after a prompt, in the window, without freezing it."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QFont

from benchmarks.latency import LatencyProbe
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui.sample_panel import SLICE_SECONDS, SamplePanel

TASK = get_task("text_generation")


@pytest.fixture(scope="module")
def experiment():
    """Text generation with its default network (128 GRU neurons), briefly trained."""
    cfg = TASK.default_config()
    cfg.task.n_samples = 300
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=5):
        pass
    return exp


@pytest.fixture
def panel(qtbot, experiment):
    p = SamplePanel()
    qtbot.addWidget(p)
    p.resize(600, 300)
    exp = experiment
    p.set_source(exp.task, exp.dataset, exp.config.network, exp.network.state_dict(), 5)
    return p


def written(qtbot, panel: SamplePanel, prompt="the fox", temperature=0.5, length=60, seed=0):
    panel.prompt.setText(prompt)
    panel.temperature.setValue(temperature)
    panel.length.setValue(length)
    panel.seed.setValue(seed)
    assert panel.write()
    qtbot.waitUntil(lambda: not panel.writing(), timeout=20_000)
    return panel.text


def test_it_writes_the_asked_length_after_the_prompt_as_the_script_does(qtbot, panel,
                                                                        experiment):
    text = written(qtbot, panel, "The Fox", length=80)
    assert text.startswith("the fox") and len(text) == len("the fox") + 80
    assert panel.output.toPlainText() == text  # all of it shown
    assert "80 characters after the prompt" in panel.status.text()
    assert "step 5" in panel.status.text()
    # The same function a script calls (one implementation of writing).
    vocab = experiment.dataset.meta["vocab"]
    assert text == TASK.generate_text(experiment.network, "The Fox", 80, 0.5, 0, vocab)


def test_same_seed_same_text_and_temperature_or_seed_change_it(qtbot, panel):
    a = written(qtbot, panel, seed=3)
    assert written(qtbot, panel, seed=3) == a
    assert written(qtbot, panel, seed=4) != a
    assert written(qtbot, panel, seed=3, temperature=1.5) != a
    greedy = written(qtbot, panel, seed=3, temperature=0.0)
    assert written(qtbot, panel, seed=9, temperature=0.0) == greedy  # nothing is drawn


def test_a_prompt_outside_the_alphabet_is_refused_with_the_reason(qtbot, panel):
    panel.prompt.setText("the €uro")
    assert not panel.write()
    assert not panel.writing()
    message = panel.status.text()
    assert message.startswith("Cannot write: not in the text's alphabet: €")
    panel.prompt.setText("")
    assert not panel.write()
    assert "at least one" in panel.status.text()


def test_the_latest_reported_weights_write(qtbot, panel, experiment):
    """Weights a snapshot brings replace the experiment's (training never pauses)."""
    before = written(qtbot, panel, seed=1)
    changed = {k: v * 0.0 for k, v in experiment.network.state_dict().items()}

    class Report:  # what the panel reads of a Progress
        snapshot = type("Snap", (), {"weights": changed, "step": 42})()

    panel.show_progress(Report())
    after = written(qtbot, panel, seed=1, temperature=0.0)
    assert after != before and "step 42" in panel.status.text()
    # All-zero weights give the same scores to every character: the first one wins.
    assert set(after[len("the fox"):]) == {experiment.dataset.meta["vocab"][0]}


def test_writing_a_long_text_never_freezes_the_window(qtbot, panel, record_property):
    """2000 characters of a 128-neuron GRU take about half a second or more; written a
    slice at a time, the event loop turns every few milliseconds meanwhile."""
    probe = LatencyProbe(5)
    probe.start()
    started = time.perf_counter()
    text = written(qtbot, panel, length=2000)
    took = time.perf_counter() - started
    probe.stop()
    worst, median = probe.worst_ms(skip=2), probe.median_ms()
    record_property("sample_worst_gap_ms", round(worst, 1))
    print(f"2000 characters in {took:.2f} s; the event loop's gaps: median {median:.1f} ms, "
          f"worst {worst:.1f} ms")
    assert len(text) == len("the fox") + 2000
    assert took > 4 * SLICE_SECONDS  # long enough that one block would be felt
    # Measured on an idle-ish machine: median 16-20 ms, worst 20-33 ms (15 ms slices);
    # written in one go the loop would stop for the whole time (about 1.1-1.4 s).  The
    # worst gap's bound leaves room for a machine shared with other busy processes.
    assert median < 50, f"the event loop turns every {median:.0f} ms while writing"
    assert worst < min(500, 1000 * took / 2), f"the window froze for {worst:.0f} ms"
    assert len(probe.gaps) > 10


def test_other_tasks_do_not_write(qtbot):
    p = SamplePanel()
    qtbot.addWidget(p)
    seen = []
    p.appliesChanged.connect(seen.append)
    task = get_task("sine_forecast")
    cfg = task.default_config()
    exp = Experiment(cfg)
    p.set_source(task, exp.dataset, cfg.network, exp.network.state_dict())
    assert seen == [False] and not p.isEnabled()
    assert not p.write()


def test_the_window_offers_the_panel_for_tasks_that_write_only(qtbot, make_window, small):
    w = make_window(small(TASK.default_config()))
    qtbot.waitUntil(lambda: w.sample_dock.isVisible(), timeout=5_000)
    assert w.sample_panel.applies and w.prediction_dock in w.tabifiedDockWidgets(w.sample_dock)
    w.sample_panel.length.setValue(20)
    assert w.sample_panel.write()
    qtbot.waitUntil(lambda: not w.sample_panel.writing(), timeout=10_000)
    assert len(w.sample_panel.text) == len(w.sample_panel.prompt_read) + 20
    # Closed, it comes back from the View menu.
    entry = w.sample_dock.toggleViewAction()
    view = next(a.menu() for a in w.menuBar().actions() if a.menu() and entry in a.menu().actions())
    assert entry.isEnabled() and view is not None
    w.sample_dock.close()
    assert not w.sample_dock.isVisible()
    entry.trigger()
    assert w.sample_dock.isVisible()
    w.choose_task("sine_forecast")
    qtbot.waitUntil(lambda: not w.sample_dock.isVisible(), timeout=5_000)
    assert not w.sample_panel.applies and not entry.isEnabled()


def test_the_written_text_follows_the_window_s_zoom(qtbot, panel):
    fixed = panel.output.font()
    assert fixed.fixedPitch() or fixed.styleHint() == QFont.StyleHint.Monospace
    bigger = QFont(panel.font())
    bigger.setPointSizeF(panel.font().pointSizeF() * 1.5)
    panel.setFont(bigger)  # what the window's zoom does to every panel
    assert panel.output.font().pointSizeF() == pytest.approx(bigger.pointSizeF())
    assert panel.output.font().family() == fixed.family()


def test_a_caption_is_written_for_a_typed_scene_and_ends_by_itself(qtbot):
    task = get_task("caption")
    cfg = task.default_config()
    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=300):
        pass
    p = SamplePanel()
    qtbot.addWidget(p)
    p.set_source(task, exp.dataset, cfg.network, exp.network.state_dict(), 300)
    assert p.applies and p.prompt.text() == task.prompt_example
    p.prompt.setText("3 small green squares")
    p.temperature.setValue(0.0)
    assert p.write()
    qtbot.waitUntil(lambda: not p.writing(), timeout=10_000)
    scene, caption = p.text.split("\n")
    assert scene == "scene: three small green squares"
    words = caption.split()[1:]
    assert words[-1] == "<end>" and len(words) <= exp.dataset.val.y.shape[1]
    assert f"{len(words)} words after the prompt" in p.status.text()
    _, again = task.writer(exp.network, exp.dataset, "3 small green squares", 0.0, 0)
    assert "".join(again).split() == words  # the same writer as a script's
    p.prompt.setText("a purple blob")
    assert not p.write() and "unknown words: purple blob" in p.status.text()
