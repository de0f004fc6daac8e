"""Render the documented screens of the real application into PNG files.

    python scripts/screenshots.py [--out docs/screenshots] [--steps 40] [--only NAME ...]

Every screen is the real ``MainWindow`` (offscreen, with throw-away settings) after a few
training steps, so the pictures in the documentation show what the program shows today.
``SCREENS`` lists them; README.md refers to the files by these names.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from rnn_sandbox.config import ExperimentConfig  # noqa: E402
from rnn_sandbox.lessons import get_lesson  # noqa: E402
from rnn_sandbox.tasks import get_task  # noqa: E402
from rnn_sandbox.ui import i18n  # noqa: E402
from rnn_sandbox.ui.main_window import MainWindow  # noqa: E402

SIZE = (1500, 950)
TIMEOUT = 120.0  # seconds to wait for training on a busy machine


def wait_for(app: QApplication, done: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the application did not get there in time")
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def open_window(app: QApplication, cfg: ExperimentConfig, settings: QSettings) -> MainWindow:
    w = MainWindow(config=cfg, settings=settings)
    w.confirm = lambda title, text: True  # no question boxes in pictures
    w.modal_messages = False
    w.resize(*SIZE)
    w.arrange("Wide screen")  # every panel in the picture
    w.show()
    app.processEvents()
    return w


def train(app: QApplication, w: MainWindow, steps: int) -> None:
    """Train ``steps`` batches the way the Step button does, and draw the results."""
    target = w.controller.step + steps
    w.controller.worker.step_once(steps)
    wait_for(app, lambda: w.controller.step >= target)
    with w.controller.worker.paused():
        pass
    w.controller.training.poll()
    app.processEvents()


def settle(app: QApplication, w) -> None:
    for _ in range(5):
        app.processEvents()
        # What a rearranged layout leaves behind goes when the loop turns; here, now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.02)


def click_neuron(app: QApplication, diagram, role: str, t: int, unit: int) -> None:
    """Click a neuron of the diagram like a learner would, opening its panel of numbers."""
    item = next((it for it in diagram.scene.neurons
                 if (it.role, it.t, it.unit) == (role, t, unit)), None)
    if item is None:
        raise LookupError(f"no {role} neuron {unit} at step {t} in the diagram")
    pos = diagram.view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(diagram.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, pos)
    app.processEvents()


def save(widget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


# -- the screens --------------------------------------------------------------------------
def _main_window(task: str, size: tuple[int, int] = SIZE, preset: str = "Wide screen",
                 theme: str = "light", language: str = "en") -> Callable:
    """The window on ``task``, at a screen's size, arranged as a first start there
    arranges it, in ``language``."""
    def shoot(app: QApplication, settings: QSettings, out: Path, steps: int) -> Path:
        i18n.install(language, app)
        w = open_window(app, get_task(task).default_config(), settings)
        try:
            w.resize(*size)
            w.arrange(preset)
            w.set_theme(theme)
            train(app, w, steps)
            settle(app, w)
            return save(w, out)
        finally:
            w.shutdown()
            w.close()
            i18n.install("en", app)

    return shoot


def _tiny_window(app: QApplication, settings: QSettings, steps: int) -> MainWindow:
    w = open_window(app, get_lesson("bptt").preset(), settings)
    train(app, w, steps)
    return w


def shoot_diagram(app: QApplication, settings: QSettings, out: Path, steps: int) -> Path:
    w = _tiny_window(app, settings, steps * 5)
    try:
        w.diagram.resize(1100, 600)
        settle(app, w)
        return save(w.diagram, out)
    finally:
        w.shutdown()
        w.close()


def shoot_stepthrough(app: QApplication, settings: QSettings, out: Path, steps: int) -> Path:
    w = _tiny_window(app, settings, steps * 5)
    try:
        # A large window, so the diagram has room beside its formula panel.
        w.resize(2600, 1400)
        w.arrange("Wide screen")
        bar = w.diagram.stepper
        bar.set_mode("backward", emit=True)
        bar.advance(+1)  # from the last step one step back through time
        settle(app, w)
        click_neuron(app, w.diagram, role="hidden", t=2, unit=0)  # its numbers in a panel
        settle(app, w)
        return save(w.diagram, out)
    finally:
        w.shutdown()
        w.close()


def shoot_lessons(app: QApplication, settings: QSettings, out: Path, steps: int) -> Path:
    w = open_window(app, get_task("sine_forecast").default_config(), settings)
    try:
        # The window's own lessons panel, used the learner's way: open a lesson, press
        # "Load this setup" (which goes through the undo stack), train.
        w.start_tour()
        w.lessons.show_lesson("bptt")
        QTest.mouseClick(w.lessons.load_btn, Qt.MouseButton.LeftButton)
        train(app, w, steps)
        settle(app, w)
        w.lessons_dock.raise_()
        w.resizeDocks([w.lessons_dock], [420], Qt.Orientation.Horizontal)
        settle(app, w)
        return save(w, out)
    finally:
        w.shutdown()
        w.close()


def shoot_gradient_sources(app: QApplication, settings: QSettings, out: Path,
                           steps: int) -> Path:
    """The Gradient sources panel on a tagging task: the (output step, step) table."""
    w = open_window(app, get_task("named_entities").default_config(), settings)
    try:
        w.resize(2300, 1000)  # the panel's column a third of the width: 700 px
        w.arrange("Focus on gradients")
        w.itemized_dock.raise_()
        settle(app, w)
        train(app, w, steps * 3)
        settle(app, w)
        return save(w.itemized_dock, out)
    finally:
        w.shutdown()
        w.close()


def shoot_compare_runs(app: QApplication, settings: QSettings, out: Path, steps: int) -> Path:
    """A simple RNN against an LSTM on long_memory, and the LSTM with three seeds: the
    Runs panel and the comparison, as the learner gets there (a settings change keeps the
    trained run; Repeat with N seeds trains the group in worker processes)."""
    cfg = get_task("long_memory").default_config()
    cfg.network.cell = "rnn"
    # A planned run of 300 steps at the default --steps 40: the LSTM is ahead by then.
    cfg.training.epochs = max(1, steps // 2)
    w = open_window(app, cfg, settings)
    try:
        w.resize(1920, 1080)
        w.arrange("Laptop")
        c = w.controller
        planned = c.epoch_target()
        train(app, w, planned)
        c.runs.rename_run(None, "simple RNN")  # as a learner names a run in the Runs panel
        c.apply_config({"network.cell": "lstm"}, "Cell: LSTM")
        train(app, w, planned)
        c.runs.rename_run(None, "LSTM")
        c.runs.repeat_with_seeds(3)
        wait_for(app, lambda: c.runs.job is None)
        w.show_comparison()
        settle(app, w)
        w.runs_panel.flush()  # the comparison drawn whole (the window draws it in pieces)
        settle(app, w)
        return save(w, out)
    finally:
        w.shutdown()
        w.close()


SCREENS: dict[str, tuple[str, Callable]] = {
    "main_many_to_one": ("Main window: weather forecast (many-to-one)",
                         _main_window("weather")),
    "main_one_to_many": ("Main window: captions (one-to-many)", _main_window("caption")),
    "main_many_to_many": ("Main window: name tagging, bidirectional (many-to-many)",
                          _main_window("named_entities")),
    "main_seq2seq": ("Main window: word-order translation (sequence-to-sequence)",
                     _main_window("translation")),
    "main_ctc": ("Main window: spelling spoken words (CTC)", _main_window("speech_ctc")),
    "diagram": ("The network diagram of the tiny BPTT network", shoot_diagram),
    "stepthrough": ("Step-through of backpropagation through time", shoot_stepthrough),
    "lessons": ("The lessons panel of the main window", shoot_lessons),
    "gradient_sources": ("Where each step's gradient comes from (itemized BPTT)",
                         shoot_gradient_sources),
    "laptop_1366x768": ("The window on a 1366×768 laptop (the Laptop layout)",
                        _main_window("weather", (1366, 768), "Laptop")),
    "laptop_1366x768_de": ("The window in German on a 1366×768 laptop",
                           _main_window("weather", (1366, 768), "Laptop", language="de")),
    "laptop_1366x768_ja": ("The window in Japanese on a 1366×768 laptop",
                           _main_window("weather", (1366, 768), "Laptop", language="ja")),
    "presentation": ("Presentation: a 1920×1080 projector, 150 % zoom, dark theme",
                     _main_window("weather", (1920, 1080), "Projector", "dark")),
    "compare_runs": ("Runs compared: simple RNN against LSTM, and the LSTM with 3 seeds",
                     shoot_compare_runs),
}


def run(out_dir: Path, steps: int = 40, only: list[str] | None = None) -> list[Path]:
    """Render the screens (all, or ``only`` those) into ``out_dir``; returns the files."""
    unknown = set(only or []) - set(SCREENS)
    if unknown:
        raise SystemExit(f"unknown screen(s): {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(SCREENS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (_title, shoot) in SCREENS.items():
            if only and name not in only:
                continue
            # Fresh settings per screen: no remembered layout, lesson or last experiment.
            settings = QSettings(str(Path(tmp) / f"{name}.ini"), QSettings.Format.IniFormat)
            path = out_dir / f"{name}.png"
            shoot(app, settings, path, steps)
            written.append(path)
            print(f"{path}  {_title}")
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--steps", type=int, default=40, help="training steps before each picture")
    p.add_argument("--only", nargs="*", help="render only these screens")
    args = p.parse_args(argv)
    run(args.out, args.steps, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
