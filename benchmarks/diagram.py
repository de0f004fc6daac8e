"""Speed of the network diagram: building, live updates, repaints and step-through.

``python -m benchmarks.diagram`` prints one row per network size.  A live frame is
``show_snapshot`` of a new snapshot (one training step after the last, so colours do change)
plus a synchronous repaint of the whole view (``viewport().repaint()``).  Training shares
the interpreter with drawing, so this must stay small: under 5 ms for H=16, T=20, two
bidirectional layers, and under a frame (16 ms) for H=64, T=20.  Times are CPU time of the
drawing thread; medians of ``--repeat`` runs (build and retrace: best).

Measured on the 2-core development machine (offscreen, 1400×800 view), CPU ms, before
(437c493: Python ``paint()`` per neuron and per line block, translucent antialiased
ribbons) and after (Qt-drawn and sprite-blitted units, lines stamped per fan, opaque
ribbons, recolouring only what changed):

======================  ================  ================  ================
network                 frame before      frame after       repaint after
======================  ================  ================  ================
H=16 T=20 L=1           14.5              3.4               1.2
H=16 T=20 L=2 bidir     21.9              3.4               1.7
H=64 T=20 L=1           4.7               1.7               0.6
H=64 T=20 L=2 bidir     10.5              3.7               1.3
LSTM H=16 L=2 bidir     18.6 (no gates)   3.9 (2 opened)    1.6
GRU H=16 L=2 bidir      18.5 (no gates)   4.0 (2 opened)    1.7
H=256 T=200 L=3 bidir   28.1              8.5               2.0
======================  ================  ================  ================

With the machine loaded by others (load 4 on 2 cores) the "after" frames read up to 5 ms.
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
    # (hidden, steps, layers, bidirectional, cell)
    (4, 10, 1, False, "rnn"),
    (16, 20, 1, False, "rnn"),
    (16, 20, 2, True, "rnn"),
    (64, 20, 1, False, "rnn"),
    (64, 20, 2, True, "rnn"),
    (16, 20, 2, True, "lstm"),  # with one neuron opened up to its gates
    (16, 20, 2, True, "gru"),
    (256, 200, 3, True, "rnn"),
]


def make_case(H: int, T: int, L: int, bi: bool, cell: str = "rnn", seed: int = 0):
    """A configuration, a watched sample and two snapshots one training step apart."""
    cfg = ExperimentConfig()
    n = cfg.network
    n.architecture, n.loss, n.input_size, n.output_size = "many_to_many", "ce", 3, 4
    n.hidden_size, n.num_layers, n.bidirectional, n.cell = H, L, bi, cell
    cfg.task.seq_len = T
    rng = np.random.default_rng(seed)
    sample = Batch(rng.normal(size=(1, T, 3)), rng.integers(0, 4, (1, T)))
    net = Network(n, seed=seed)
    snaps = []
    for _ in range(2):
        _, grads = net.loss_and_grads(sample.x, sample.y)
        c = net.cache
        snaps.append(Snapshot(
            step=1, epoch=0, train_loss=1.0, learning_rate=0.01, grad_norm=1.0,
            hidden={k: v[0].copy() for k, v in c["hidden"].items()},
            sample_grad_h={k: v[0].copy() for k, v in c["grad_h"].items()},
            gates={k: v[0].copy() for k, v in c["gates"].items()} if "gates" in c else None,
            cell={k: v[0].copy() for k, v in c["cell"].items()} if "cell" in c else None,
            inputs=sample.x[0], outputs=net.forward(sample.x)[0],
            weights=net.state_dict(), grads=grads,
        ))
        for k, g in grads.items():  # one plain gradient step, as training would take
            net.params[k] -= 0.5 * g
    return cfg, sample, snaps[0], snaps[1]


# CPU time of this thread (Qt paints the offscreen view in it): what drawing takes away
# from training, and steady on a machine that others load too.
clock = time.thread_time


def best_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return 1000 * min(times)


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return 1000 * float(np.median(times))


def run(repeat: int = 5, sizes=SIZES) -> list[dict]:
    from PySide6.QtWidgets import QApplication

    from rnn_sandbox.ui.diagram import DiagramWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    w = DiagramWidget()
    w.resize(1400, 800)
    w.show()
    app.processEvents()
    viewport = w.view.viewport()

    rows = []
    for H, T, L, bi, cell in sizes:
        cfg, sample, snap_a, snap_b = make_case(H, T, L, bi, cell)

        def build(cfg=cfg, sample=sample):
            w.set_config(cfg)
            w.set_context(cfg, sample)

        build_ms = best_ms(build, max(1, repeat // 2))
        expanded = getattr(w.scene, "expanded", None)
        if cell != "rnn" and expanded is not None:  # open one neuron of every layer
            expanded.update((f"l{k}{s}", 1) for k in range(L) for s in ("", "_reverse")[:1 + bi])
            w._rebuild()
        items = len(w.scene.items())
        flip = [snap_a, snap_b]

        def next_snap(flip=flip):
            flip.reverse()
            w.show_snapshot(flip[0])

        w.show_snapshot(snap_a)
        viewport.repaint()
        live_ms = median_ms(next_snap, repeat)
        paint_ms = median_ms(viewport.repaint, repeat)  # nothing changed since the last one
        frame_ms = median_ms(lambda: (next_snap(), viewport.repaint()), repeat)
        w.stepper.mode_buttons["backward"].click()

        def step():
            if not w.stepper.advance(+1):
                w.stepper.set_step(w.stepper.n - 1, emit=True)
            viewport.repaint()

        step_ms = median_ms(step, repeat)

        def retrace():
            w._trace_time = -1e9  # as if the last trace were old: trace again
            next_snap()

        trace_ms = best_ms(retrace, repeat)
        w.stepper.mode_buttons["live"].click()
        if expanded is not None:
            expanded.clear()
        rows.append(dict(H=H, T=T, L=L, bi=bi, cell=cell, items=items, build=build_ms,
                         live=live_ms, paint=paint_ms, frame=frame_ms, step=step_ms,
                         trace=trace_ms))
    w.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per measurement")
    args = parser.parse_args(argv)
    rows = run(args.repeat)
    head = (f"{'cell':>4} {'hidden':>6} {'steps':>5} {'layers':>6} {'bidir':>5} {'items':>6} "
            f"{'build ms':>9} {'snapshot ms':>11} {'repaint ms':>10} {'frame ms':>9} "
            f"{'bwd step ms':>11} {'retrace ms':>10}")
    print("Network diagram (many-to-many, 6 steps drawn; frame = new snapshot + repaint; "
          "retrace = snapshot during the step-through, at most 4 times a second)")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['cell']:>4} {r['H']:>6} {r['T']:>5} {r['L']:>6} "
              f"{'yes' if r['bi'] else 'no':>5} "
              f"{r['items']:>6} {r['build']:>9.1f} {r['live']:>11.2f} {r['paint']:>10.1f} "
              f"{r['frame']:>9.1f} {r['step']:>11.1f} {r['trace']:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
