"""The settings panel says what the settings cost beside the network's size, and a
change that needs more memory than there is is refused there, with nothing lost."""

from __future__ import annotations

import numpy as np

from rnn_sandbox.engine.budget import MEMORY_VARIABLE, estimate

WAIT = 20_000  # ms


def test_the_cost_is_shown_and_a_setting_that_cannot_fit_is_refused(
        qtbot, make_window, monkeypatch):
    w = make_window()
    panel = w.settings_panel
    shown = panel.size_label.text()
    est = estimate(w.controller.config)
    assert f"{est.parameters:,} parameters" in shown
    assert "needs about" in shown and "of memory" in shown and "per step" in shown
    assert "is available now" in panel.size_label.toolTip()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.step > 3, timeout=WAIT)
    w.controller.pause()
    with w.controller.worker.paused() as exp:
        trained = exp.network.state_dict()
        steps = exp.trainer.step_count
    old = w.controller.experiment

    monkeypatch.setenv(MEMORY_VARIABLE, "120M")
    reason = panel.request("network.hidden_size", 1024)
    assert reason and "need about" in reason and "120 MB is available" in reason
    assert panel.error_label.isVisibleTo(panel)
    assert panel.error_label.text().startswith("Not changed — these settings need about")
    assert panel.controls["network.hidden_size"].value() == 16  # put back
    assert w.controller.experiment is old and w.controller.undo_stack.count() == 0
    with w.controller.worker.paused() as exp:
        assert exp.trainer.step_count == steps
        for k, v in exp.network.state_dict().items():
            np.testing.assert_array_equal(v, trained[k])

    monkeypatch.delenv(MEMORY_VARIABLE)
    assert panel.request("network.hidden_size", 24) is None  # what fits is built
    assert f"{estimate(w.controller.config).parameters:,} parameters" in (
        panel.size_label.text())
