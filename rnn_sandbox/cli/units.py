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
from rnn_sandbox.cli.reports import ljust
from rnn_sandbox.translation import tr
from rnn_sandbox.wording import printable


def cmd_units(args: argparse.Namespace, out: TextIO) -> int:
    from rnn_sandbox.tasks.units import look_inside

    size = parse_size(args.size, like=UNITS_SIZE)
    if not 1 <= args.samples <= 1000:
        raise CliError(tr("--samples must lie between 1 and 1000"))
    if args.top < 0:
        raise CliError(tr("--top must be 0 (every unit) or more"))
    if args.png is not None:
        if args.png.suffix.lower() != ".png":
            raise CliError(tr("{option}: use a .{kind} file, not '{file}'").format(
                option="--png", kind="png", file=args.png))
        check_outputs({tr("the experiment"): args.file}, {"--png": args.png})
    exp = load(args.file)
    n_val = len(exp.dataset.val)
    if not 0 <= args.index < n_val:
        raise CliError(tr("--index must lie in 0..{last}").format(last=n_val - 1))
    try:
        learned = look_inside(exp.task, exp.network, exp.dataset, args.index,
                              exp.trainer.step_count, args.samples, connectivity=False)
    except ValueError as e:
        raise CliError(str(e)) from None
    names = learned.names
    layer = args.layer or names[-1]
    if layer not in names:
        raise CliError(tr("--layer must be one of {names}").format(names=", ".join(names)))
    hidden = learned.states[layer].shape[-1]
    if args.unit is not None and not 0 <= args.unit < hidden:
        raise CliError(tr("--unit must lie in 0..{last}").format(last=hidden - 1))
    best = learned.best(layer)
    net = exp.config.network
    out.write(tr("{file}: {task}, {cell}, state {layer} ({units}), step {step}, {samples}"
                 ).format(file=printable(args.file), task=exp.task.name, cell=net.cell,
                          layer=layer, units=tr("%n unit(s)", n=hidden), step=learned.step,
                          samples=tr("%n validation sample(s)", n=len(learned.indices)))
              + "\n\n")
    unit_word, feature_word = tr("unit", "a column"), tr("best feature", "a column")
    out.write(f"{ljust(unit_word, 4)}  {ljust(feature_word, 27)} r\n")
    for uf in best[: args.top or None]:
        out.write(f"{uf.unit:>4}  {uf.feature:<24} {uf.r:+.2f}\n")
    feature_word, closest = tr("feature", "a column"), tr("closest unit", "a column")
    out.write(f"\n{ljust(feature_word, 24)}  {ljust(closest, 12)}      r\n")
    corr = learned.correlations[layer]
    for k, feature in enumerate(learned.features):
        u = int(abs(corr[k]).argmax())
        out.write(f"{feature:<24}  {u:>12}  {corr[k, u]:+.2f}\n")
    if args.png is not None:
        unit = args.unit if args.unit is not None else best[0].unit
        path = _draw(exp, learned, layer, unit, args.png, size)
        out.write("\n" + tr("unit {unit} on the text and the projection written to {file}"
                            ).format(unit=unit, file=printable(path)) + "\n")
    return EXIT_OK


def _draw(exp: Any, learned: Any, layer: str, unit: int, path: Path,
          size: tuple[int, int]) -> Path:
    try:
        from rnn_sandbox.ui import offscreen
        from rnn_sandbox.ui.learned import render_learned
    except ImportError as e:
        raise CliError(tr("--png needs the app's dependencies (PySide6): {reason}").format(
            reason=e)) from None
    offscreen.application()
    return Path(render_learned(exp, learned, layer, unit, path, size))
