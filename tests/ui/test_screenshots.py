"""The screenshot script renders every documented screen of the real app offscreen."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "screenshots.py"


def _script():
    spec = importlib.util.spec_from_file_location("screenshots_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _screens() -> dict:
    return _script().SCREENS


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, env=env, timeout=600, cwd=ROOT)


def _distinct_colours(img: QImage) -> int:
    step_x, step_y = max(1, img.width() // 40), max(1, img.height() // 40)
    return len({img.pixel(x, y) for x in range(0, img.width(), step_x)
                for y in range(0, img.height(), step_y)})


# One screen of each way the script draws: a main window (the others differ by task or
# layout preset, whose windows are tested elsewhere), the diagram with a clicked neuron
# (the plain diagram is the same window without the click), the lessons, a laptop screen
# in another language and the comparison of runs; `make screenshots` renders them all.
EACH_KIND = ["main_seq2seq", "stepthrough", "lessons", "laptop_1366x768_ja", "compare_runs"]


@pytest.mark.slow
def test_each_kind_of_documented_screen_is_rendered(tmp_path):
    screens = _screens()
    assert set(EACH_KIND) <= set(screens)
    result = _run("--out", str(tmp_path), "--steps", "3", "--only", *EACH_KIND)
    assert result.returncode == 0, result.stderr[-2000:]
    written = {p.stem for p in tmp_path.glob("*.png")}
    assert written == set(EACH_KIND)
    for name in EACH_KIND:
        img = QImage(str(tmp_path / f"{name}.png"))
        assert not img.isNull(), name
        assert img.width() >= 600 and img.height() >= 400, (name, img.size())
        assert _distinct_colours(img) > 20, f"{name} looks blank"


def test_the_documentation_shows_every_screen():
    screens = _screens()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"docs/screenshots/(\w+)\.png", text))
    assert shown == set(screens)
    for name in screens:
        assert (ROOT / "docs" / "screenshots" / f"{name}.png").stat().st_size > 10_000


def test_unknown_screens_are_refused(tmp_path):
    with pytest.raises(SystemExit, match="no_such_screen"):
        _script().main(["--out", str(tmp_path / "out"), "--only", "no_such_screen"])
    assert not list(tmp_path.rglob("*.png"))
