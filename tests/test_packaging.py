"""The program as a user installs it: the wheel carries every package and every resource,
and works from a folder outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["packages"]


def test_every_package_and_resource_folder_is_listed_for_the_wheel():
    code = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "rnn_sandbox").rglob("__init__.py")
    }
    data = {"rnn_sandbox.resources"} | {
        "rnn_sandbox.resources." + ".".join(p.relative_to(ROOT / "resources").parts)
        for p in (ROOT / "resources").rglob("*") if p.is_dir()
    }
    assert sorted(_packages()) == sorted(code | data)


# Run by the installed program, from a folder outside the checkout.
APP_SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from rnn_sandbox.ui import app, main_window

    windows = []

    class Recorded(main_window.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            windows.append(self)

    def close():
        for w in windows:
            w.close()
        QApplication.instance().exit(0)

    if __name__ == "__main__":
        app.MainWindow = Recorded
        QApplication([])
        QTimer.singleShot(1500, close)
        code = app.main(sys.argv[1:])
        print("window", windows[0].windowTitle(), "task", windows[0].controller.config.task.name)
        print("menu", windows[0].menuBar().actions()[0].text())
        sys.exit(code)
""")

LESSONS_SCRIPT = textwrap.dedent("""
    import rnn_sandbox
    from rnn_sandbox.lessons import load_lessons
    from rnn_sandbox.tasks import all_tasks

    print("package", rnn_sandbox.__file__)
    lessons = load_lessons()
    setups = [s.config() for lesson in lessons for s in lesson.setups]
    texts = [lesson.text() for lesson in lessons]
    print("lessons", len(lessons), "setups", len(setups), "chars", sum(map(len, texts)))
    print("task texts", sum(len(t.description()) > 100 for t in all_tasks()))
""")


@pytest.mark.slow
def test_the_built_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
         "--no-build-isolation", "--wheel-dir", str(wheels), str(ROOT)],
        check=True, cwd=tmp_path, capture_output=True,
    )
    (wheel,) = wheels.glob("rnn_sandbox-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "rnn_sandbox/resources/" + p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    assert shipped <= names, f"missing from the wheel: {sorted(shipped - names)}"

    # A fresh environment with the wheel; its dependencies are borrowed from this one
    # (a path line in a .pth file adds the folder only, not this environment's own
    # editable install of the checkout).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(wheel)],
        check=True, capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "borrowed_dependencies.pth").write_text("\n".join(deps) + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen")

    def run(*cmd: str) -> str:
        done = subprocess.run(cmd, cwd=elsewhere, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, f"{cmd}: {done.stderr[-2000:]}"
        return done.stdout

    cli = str(venv / "bin" / "rnn-sandbox")
    listed = run(cli, "--language", "de", "tasks")  # the messages from the installed .ts
    assert "text_generation" in listed and "weather" in listed and "Wetterstation" in listed
    for task in ("text_generation", "weather"):
        out = run(cli, "train", "--task", task, "--steps", "3", "--save", f"{task}.rnnx")
        assert "loss" in out
        assert (elsewhere / f"{task}.rnnx").is_file()
    out = run(str(python), "-c", LESSONS_SCRIPT)
    assert f"package {site}" in out  # the installed copy, not the checkout
    # Every lesson and task text of the checkout, read from the installed copy.
    from rnn_sandbox.lessons import load_lessons
    from rnn_sandbox.tasks import all_tasks

    assert f"lessons {len(load_lessons())} " in out
    assert f"task texts {len(all_tasks())}" in out
    (elsewhere / "start.py").write_text(APP_SCRIPT)
    out = run(str(python), "start.py")
    assert "— RNN Sandbox task " in out and "menu &File" in out
    # In Japanese, from the translations and the font the wheel carries.
    out = run(str(python), "start.py", "--language", "ja")
    assert "無題[*] — RNN Sandbox task " in out and "menu ファイル(&F)" in out
