"""What the window costs while training: ``python -m benchmarks.ui``.

For each configuration it measures, over the same wall-clock time,

* engine alone: train steps per second of the window's training loop
  (:class:`~rnn_sandbox.training.loop.TrainingLoop`) run here with no window;
* with the GUI: steps per second while the main window trains (in its training process)
  and draws (offscreen);
* refreshes per second: snapshots the window actually drew;
* the event loop's worst stall: the longest gap between two ticks of a 5 ms timer;
* GUI CPU per refresh: processor time of the GUI thread while measuring, divided by the
  refreshes (what one refresh costs; it hardly depends on other load of the machine);
* training core: the share of one core the training process got while the window trained
  (below 100 % it waited for a core: the machine, not the loop, limited it).

The engine alone is measured for half the time before and half after the GUI run, so a
change of the machine's load during a row affects both sides alike.

Goals: GUI overhead under 20 % of the engine's throughput, at least 30 refreshes a
second, no stall over 50 ms.  On a machine shared with other work the numbers vary from run
to run; the table says what was measured, it does not judge a single run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from rnn_sandbox.config import ExperimentConfig  # noqa: E402
from rnn_sandbox.session import Experiment  # noqa: E402
from rnn_sandbox.tasks import get_task  # noqa: E402
from rnn_sandbox.training.loop import TrainingLoop  # noqa: E402

CONFIGS = [
    # (task, hidden, layers, bidirectional, the What it learned panel in view)
    ("sine_forecast", 16, 1, False, False),
    ("sine_forecast", 64, 2, True, False),
    ("named_entities", 32, 1, True, False),
    ("long_memory", 16, 1, False, True),
    ("text_generation", 128, 1, False, True),
]


def make_config(task: str, hidden: int, layers: int, bidirectional: bool) -> ExperimentConfig:
    cfg = get_task(task).default_config()
    cfg.network.hidden_size = hidden
    cfg.network.num_layers = layers
    cfg.network.bidirectional = bidirectional
    cfg.training.epochs = 100_000  # Play pauses after the set epochs: never while measuring
    return cfg


class EngineAlone:
    """The window's training loop with no window: the same validation by time and
    snapshots at up to ~30 a second, each taken (as if drawn) at once."""

    def __init__(self, cfg: ExperimentConfig) -> None:
        self.loop = TrainingLoop(Experiment(cfg))
        for _ in range(3):  # warm-up
            self.loop.experiment.trainer.step()
        self.loop.play()

    def run(self, seconds: float) -> tuple[int, float]:
        """Train for ``seconds``; the steps made and the time taken."""
        trainer = self.loop.experiment.trainer
        step0, start = trainer.step_count, time.perf_counter()
        while time.perf_counter() - start < seconds:
            self.loop.advance()
            self.loop.outbox.clear()
            self.loop.drawn()
        return trainer.step_count - step0, time.perf_counter() - start


def process_cpu(pid: int) -> float:
    """Processor seconds a process has used (Linux; NaN elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def measure(cfg: ExperimentConfig, seconds: float, rounds: int,
            learned: bool = False, page: int = 0) -> dict[str, float]:
    """Alternate the engine alone and the window training, ``rounds`` times each, so a
    change of the machine's load hits both sides alike; with ``learned``, the *What it
    learned* panel is in view at ``page`` (its looks inside come about once a second)."""
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.latency import LatencyProbe
    from rnn_sandbox.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    engine = EngineAlone(cfg)
    engine_steps = engine_time = 0.0
    gui_steps = gui_time = gui_cpu = train_cpu = drawn_time = 0.0
    refreshes, drawn = [0], 0
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(os.path.join(tmp, "bench.ini"), QSettings.Format.IniFormat)
        window = MainWindow(config=cfg, settings=settings)
        window.controller.set_pace(None)  # measured at full speed, not a class's pace
        window.confirm = lambda *_: True
        window.modal_messages = False
        window.show()
        if learned:
            window.learned_dock.show()
            window.learned_dock.raise_()
            window.learned_view.page_combo.setCurrentIndex(page)
        window.controller.training.progress.connect(
            lambda p: refreshes.__setitem__(0, refreshes[0] + bool(p.snapshots))
        )
        probe = LatencyProbe(5)
        # Settle (first paint, first snapshot) before measuring.
        window.controller.play()
        end = time.perf_counter() + 0.5
        while time.perf_counter() < end:
            app.processEvents()
        window.controller.pause()
        for _ in range(rounds):
            n, t = engine.run(seconds / rounds / 2)
            engine_steps, engine_time = engine_steps + n, engine_time + t
            with window.controller.worker.paused() as exp:
                step0 = exp.trainer.step_count
            window.controller.play()
            probe.start(keep=True)
            refreshes[0] = 0
            start = time.perf_counter()
            cpu0 = time.thread_time()
            train0 = process_cpu(window.controller.worker.process.pid)
            while time.perf_counter() - start < seconds / rounds:
                app.processEvents()
                time.sleep(0.001)  # like the real event loop: wait for events, do not spin
            # Refreshes drawn while measuring (not those delivered by the pause below).
            drawn += refreshes[0]
            drawn_time += time.perf_counter() - start
            gui_cpu += time.thread_time() - cpu0
            train_cpu += process_cpu(window.controller.worker.process.pid) - train0
            with window.controller.worker.paused() as exp:
                gui_steps += exp.trainer.step_count - step0
            gui_time += time.perf_counter() - start
            probe.stop()
            window.controller.training.poll()  # the last reports, so none counts in the next round
        window.close()
        window.shutdown()
    return {
        "engine_per_s": engine_steps / engine_time,
        "steps_per_s": gui_steps / gui_time,
        "refreshes_per_s": drawn / drawn_time,
        "worst_stall_ms": probe.worst_ms(skip=2),
        "median_gap_ms": probe.median_ms(),
        "cpu_per_refresh_ms": 1000 * gui_cpu / max(drawn, 1),
        "train_core": train_cpu / gui_time,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="measuring time per row")
    parser.add_argument("--rounds", type=int, default=4,
                        help="turns of engine alone and window, alternating")
    parser.add_argument("--quick", action="store_true", help="first configuration only")
    parser.add_argument("--learned", action="store_true",
                        help="only the rows with the What it learned panel in view, each "
                        "after the same row without it")
    parser.add_argument("--page", type=int, default=0,
                        help="the panel's page in view with --learned (0: Units on the text, "
                        "4: How far back it looks)")
    args = parser.parse_args(argv)
    rows = CONFIGS
    if args.learned:  # each with the panel, right after the same without it
        rows = [(*c[:4], shown) for c in CONFIGS if c[4] for shown in (False, True)]
    rows = rows[: 1 + args.learned] if args.quick else rows
    header = (f"{'configuration':34} {'engine/s':>9} {'GUI/s':>8} {'overhead':>9} "
              f"{'refresh/s':>10} {'worst stall':>12} {'median gap':>11} "
              f"{'GUI CPU/refresh':>16} {'training core':>14}")
    print(header)
    print("-" * len(header))
    for task, hidden, layers, bidi, learned in rows:
        cfg = make_config(task, hidden, layers, bidi)
        gui = measure(cfg, args.seconds, args.rounds, learned, args.page)
        alone = gui["engine_per_s"]
        overhead = 1.0 - gui["steps_per_s"] / alone
        name = (f"{task} H={hidden} L={layers}{' bi' if bidi else ''}"
                f"{(' + learned' + (f' p{args.page}' if args.page else '')) if learned else ''}")
        print(f"{name:34} {alone:9.0f} {gui['steps_per_s']:8.0f} {overhead:9.0%} "
              f"{gui['refreshes_per_s']:10.1f} {gui['worst_stall_ms']:10.0f} ms "
              f"{gui['median_gap_ms']:8.1f} ms {gui['cpu_per_refresh_ms']:13.1f} ms "
              f"{gui['train_core']:13.0%}")
    print("\ngoals: overhead < 20 %, refresh >= 30/s, worst stall < 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
