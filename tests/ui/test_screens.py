"""The window on exact screens, as a class sees it: each check runs in a process of its own
whose offscreen platform has the screen's size (``offscreen:configfile=screen.json``),
because a window only resized in the test process never meets a real screen's limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def screen_env(tmp_path: Path, width: int, height: int) -> dict[str, str]:
    """The environment of a process whose only screen is ``width`` × ``height`` at 96 dpi."""
    config = tmp_path / f"screen_{width}x{height}.json"
    config.write_text(json.dumps({"screens": [
        {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}]}))
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env["OPENBLAS_NUM_THREADS"] = "1"
    return env


def test_switching_layouts_in_any_order_keeps_the_window_alive(tmp_path):
    """View → Layout: Focus on gradients, then Laptop, then Wide screen crashed Qt's dock
    layout (a segmentation fault); every preset after every other one must work."""
    body = """
        L, P, F, W = "Laptop", "Projector", "Focus on gradients", "Wide screen"
        order = [L, P, F, L, W, P, W, F, P, L, F, W, L]  # every preset after every other
        for name in order:
            w.arrange(name)  # as View → Layout does (where the screen offers it)
            for d in w.findChildren(type(w.docks[0])):  # a learner clicks the tabs
                d.raise_()
            for _ in range(3):
                app.processEvents()
                time.sleep(0.002)
        print("survived", len(order))
    """
    assert "survived 13" in in_window(tmp_path, 1366, 768, body)


def in_window(tmp_path: Path, width: int, height: int, body: str) -> str:
    """What ``body`` prints, run with the main window ``w`` shown on a screen of this size
    as the app starts it (``app`` the application)."""
    script = tmp_path / "window.py"
    script.write_text(textwrap.dedent("""
        import sys, tempfile, time
        if __name__ == "__main__":
            from PySide6.QtCore import QSettings
            from PySide6.QtWidgets import QApplication
            app = QApplication([])
            from rnn_sandbox.ui.fit import fit_to_screen
            from rnn_sandbox.ui.main_window import MainWindow
            settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
            w = MainWindow(settings=settings)
            w.confirm = lambda *a: True
            w.modal_messages = False
            w.show()
            fit_to_screen(w)
            app.processEvents()
    """) + textwrap.indent(textwrap.dedent(body), " " * 4) + "\n    w.controller.shutdown()\n")
    result = subprocess.run([sys.executable, str(script)], env=screen_env(tmp_path, width, height),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_a_laptop_greys_the_wide_screen_layout_and_a_wide_screen_offers_it(tmp_path):
    body = """
        layouts = {a.text(): a.isEnabled() for a in w.commands.layout_menu.actions()}
        print(sorted(name for name, on in layouts.items() if not on))
    """
    assert in_window(tmp_path, 1366, 768, body).strip() == "['Wide screen']"
    assert in_window(tmp_path, 1920, 1080, body).strip() == "[]"


def test_the_first_start_on_a_small_screen_fills_it_without_spilling_over(tmp_path):
    body = """
        free, frame = w.screen().availableGeometry(), w.frameGeometry()
        print(frame.width() <= free.width() and frame.height() <= free.height())
    """
    assert in_window(tmp_path, 1280, 720, body).strip() == "True"


# Each scenario runs once, and the languages rotate between the screens (German has the
# longest words, Japanese other glyphs, English the rest): every language on every screen
# would take twice the suite's time.  Every lesson's setups are walked on the smallest
# screen (1280×720), where a setup's docks have least room.  The in-process checks of
# test_layout.py are English.
SCREENS = [  # (width, height, what a class does there)
    (1280, 720, ["lang=ja", "launch", "lessons", "tasks", "presets"]),
    (1366, 768, ["launch", "presets"]),
    (1920, 1080, ["lang=de", "launch", "tasks", "presets"]),
    # Projector: everything at 150 %; then lesson 9's setups, whose Attention dock is
    # narrowest in German on this screen.
    (1280, 720, ["lang=de", "launch", "zoom150", "lesson=attention"]),
]


# The pseudo-language, every string wrapped and a third longer, walks every dock, dialog
# and menu for English left and for texts cut on a laptop, in every layout of View → Layout
# (switched in its one window; a task with further numbers, so the status bar is full;
# Laptop is the launch's layout).
SCREENS.append((1366, 768, ["lang=pseudo", "task=named_entities", "english", "presets"]))


@pytest.mark.parametrize("width,height,scenarios", SCREENS,
                         ids=[f"{w}x{h}-{'+'.join(s)}" for w, h, s in SCREENS])
def test_the_window_fits_the_screen_and_nothing_is_cut(tmp_path, width, height, scenarios):
    """On the screen itself: the first launch, every lesson's setups and every task after a
    training step, every layout preset (each dock's tab raised in turn): the window fits,
    no text, button, tab or drop-down is cut without its whole text in a tooltip, every
    plot keeps a 120×80 px data area and the diagram's text is at least 11 px."""
    out = tmp_path / "report.json"
    probe = Path(__file__).with_name("screen_probe.py")
    result = subprocess.run([sys.executable, str(probe), str(out), *scenarios],
                            env=screen_env(tmp_path, width, height), capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report, "the probe looked at nothing"
    problems = {scene: found for scene, found in report.items() if found}
    assert not problems, json.dumps(problems, indent=1)
