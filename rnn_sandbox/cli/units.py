"""``rnn-sandbox units run.rnnx``: what the saved network's hidden units follow.

Prints each unit of a layer with the simple feature it follows best (its correlation over
the steps of some validation samples) and, per feature, the unit that follows it most
closely; ``--png`` draws the watched text coloured by a unit and the states' projection
(Qt is imported only then).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from rnn_sandbox.cli.configuration import load
from rnn_sandbox.cli.errors import EXIT_OK, CliError
from rnn_sandbox.cli.options import UNITS_SIZE, parse_size
from rnn_sandbox.cli.outputs import check_outputs
from rnn_sandbox.wording import count, printable


def cmd_units(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.tasks.units import look_inside

    size = parse_size(args.size, like=UNITS_SIZE)
    if not 1 <= args.samples <= 1000:
        raise CliError("--samples must lie between 1 and 1000")
    if args.top < 0:
        raise CliError("--top must be 0 (every unit) or more")
    if args.png is not None:
        if args.png.suffix.lower() != ".png":
            raise CliError(f"--png: use a .png file, not '{args.png}'")
        check_outputs({"the experiment": args.file}, {"--png": args.png})
    exp = load(args.file)
    n_val = len(exp.dataset.val)
    if not 0 <= args.index < n_val:
        raise CliError(f"--index must lie in 0..{n_val - 1}")
    try:
        learned = look_inside(exp.task, exp.network, exp.dataset, args.index,
                              exp.trainer.step_count, args.samples, connectivity=False)
    except ValueError as e:
        raise CliError(str(e)) from None
    names = learned.names
    layer = args.layer or names[-1]
    if layer not in names:
        raise CliError(f"--layer must be one of {', '.join(names)}")
    hidden = learned.states[layer].shape[-1]
    if args.unit is not None and not 0 <= args.unit < hidden:
        raise CliError(f"--unit must lie in 0..{hidden - 1}")
    best = learned.best(layer)
    net = exp.config.network
    out.write(f"{printable(args.file)}: {exp.task.name}, {net.cell}, state {layer} "
              f"({count(hidden, 'unit')}), step {learned.step}, "
              f"{count(len(learned.indices), 'validation sample')}\n\n")
    out.write("unit  best feature                r\n")
    for uf in best[: args.top or None]:
        out.write(f"{uf.unit:>4}  {uf.feature:<24} {uf.r:+.2f}\n")
    out.write("\nfeature                   closest unit      r\n")
    corr = learned.correlations[layer]
    for k, feature in enumerate(learned.features):
        u = int(abs(corr[k]).argmax())
        out.write(f"{feature:<24}  {u:>12}  {corr[k, u]:+.2f}\n")
    if args.png is not None:
        unit = args.unit if args.unit is not None else best[0].unit
        path = _draw(exp, learned, layer, unit, args.png, size)
        out.write(f"\nunit {unit} on the text and the projection written to "
                  f"{printable(path)}\n")
    return EXIT_OK


def _draw(exp: Any, learned: Any, layer: str, unit: int, path: Path,
          size: tuple[int, int]) -> Path:
    try:
        from rnn_sandbox.ui import offscreen
        from rnn_sandbox.ui.learned import render_learned
    except ImportError as e:
        raise CliError(f"--png needs the app's dependencies (PySide6): {e}") from None
    offscreen.application()
    return Path(render_learned(exp, learned, layer, unit, path, size))
