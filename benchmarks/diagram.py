"""Speed of the network diagram: building, live updates, repaints and step-through.

``python -m benchmarks.diagram`` prints one row per network size.  The live update
(``show_snapshot`` plus a full repaint of the view) must stay under a frame (16 ms) for
H=64, T=20, since snapshots arrive up to 30 times a second.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from rnn_sandbox.config import ExperimentConfig  # noqa: E402
from rnn_sandbox.engine import Batch, Network, Snapshot  # noqa: E402

SIZES = [
    # (hidden, steps, layers, bidirectional)
    (4, 10, 1, False),
    (16, 20, 1, False),
    (16, 20, 2, True),
    (64, 20, 1, False),
    (64, 20, 2, True),
    (256, 200, 3, True),
]


def make_case(H: int, T: int, L: int, bi: bool, seed: int = 0):
    cfg = ExperimentConfig()
    n = cfg.network
    n.architecture, n.loss, n.input_size, n.output_size = "many_to_many", "ce", 3, 4
    n.hidden_size, n.num_layers, n.bidirectional = H, L, bi
    cfg.task.seq_len = T
    rng = np.random.default_rng(seed)
    sample = Batch(rng.normal(size=(1, T, 3)), rng.integers(0, 4, (1, T)))
    net = Network(n, seed=seed)
    _, grads = net.loss_and_grads(sample.x, sample.y)
    snap = Snapshot(
        step=1, epoch=0, train_loss=1.0, learning_rate=0.01, grad_norm=1.0,
        hidden={k: v[0] for k, v in net.cache["hidden"].items()},
        sample_grad_h={k: v[0] for k, v in net.cache["grad_h"].items()},
        inputs=sample.x[0], outputs=net.forward(sample.x)[0],
        weights=net.state_dict(), grads=grads,
    )
    return cfg, sample, snap


def best_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * min(times)


def run(repeat: int = 5) -> list[dict]:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from rnn_sandbox.ui.diagram import DiagramWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    w = DiagramWidget()
    w.resize(1400, 800)
    w.show()
    app.processEvents()
    # The format of a window's backing store; plain ARGB32 would be slower than any screen.
    img = QImage(w.view.viewport().size(), QImage.Format_ARGB32_Premultiplied)

    def repaint():
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        w.view.render(p)
        p.end()

    rows = []
    for H, T, L, bi in SIZES:
        cfg, sample, snap = make_case(H, T, L, bi)

        def build(cfg=cfg, sample=sample):
            w.set_config(cfg)
            w.set_context(cfg, sample)

        build_ms = best_ms(build, max(1, repeat // 2))
        items = len(w.scene.items())
        live_ms = best_ms(lambda snap=snap: w.show_snapshot(snap), repeat)
        paint_ms = best_ms(repaint, repeat)
        frame_ms = best_ms(lambda snap=snap: (w.show_snapshot(snap), repaint()), repeat)
        w.stepper.mode_buttons["backward"].click()

        def step():
            if not w.stepper.advance(+1):
                w.stepper.set_step(w.stepper.n - 1, emit=True)
            repaint()

        step_ms = best_ms(step, repeat)

        def retrace(snap=snap):
            w._trace_time = -1e9  # as if the last trace were old: trace again
            w.show_snapshot(snap)

        trace_ms = best_ms(retrace, repeat)
        w.stepper.mode_buttons["live"].click()
        rows.append(dict(H=H, T=T, L=L, bi=bi, items=items, build=build_ms, live=live_ms,
                         paint=paint_ms, frame=frame_ms, step=step_ms, trace=trace_ms))
    w.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    args = parser.parse_args(argv)
    rows = run(args.repeat)
    head = (f"{'hidden':>6} {'steps':>5} {'layers':>6} {'bidir':>5} {'items':>6} "
            f"{'build ms':>9} {'snapshot ms':>11} {'repaint ms':>10} {'frame ms':>9} "
            f"{'bwd step ms':>11} {'retrace ms':>10}")
    print("Network diagram (many-to-many, 6 steps drawn; frame = snapshot + repaint; "
          "retrace = snapshot during the step-through, at most 4 times a second)")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['H']:>6} {r['T']:>5} {r['L']:>6} {'yes' if r['bi'] else 'no':>5} "
              f"{r['items']:>6} {r['build']:>9.1f} {r['live']:>11.2f} {r['paint']:>10.1f} "
              f"{r['frame']:>9.1f} {r['step']:>11.1f} {r['trace']:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
