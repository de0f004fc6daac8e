"""What the commands write, and the checks made before any long work: every output is of
a kind the command writes and can be written, and none replaces an input or another
output of the same command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from rnn_sandbox.cli.errors import CliError
from rnn_sandbox.files import (
    SaveConflict,
    SaveRefused,
    Stamp,
    atomic_write,
    check_writable,
    reads_back,
    stamp,
)
from rnn_sandbox.runs.file import EXTENSION as RUNS_EXTENSION
from rnn_sandbox.translation import tr
from rnn_sandbox.wording import printable

if TYPE_CHECKING:
    from rnn_sandbox.runs.book import Run
    from rnn_sandbox.session import Experiment

_SAVE_KINDS = (".npz", ".rnnx")


def _bad_save(path: Path) -> CliError:
    return CliError(tr("--save: use a .rnnx (experiment) or .npz (weights) file, not '{file}'"
                       ).format(file=path))


# -- checks ------------------------------------------------------------------------------------
def _writable(path: Path, option: str) -> None:
    """A place where a file can be created (tried, so permissions and read-only disks show)."""
    try:
        check_writable(path)
    except SaveRefused as e:
        raise CliError(f"{option}: {e}") from None


def check_target(path: Path | None, option: str = "--save") -> None:
    """Refuse a file we could not write before training, not after: a wrong kind, or a
    place where no file can be created."""
    if path is None:
        return
    if option == "--save" and path.suffix.lower() not in _SAVE_KINDS:
        raise _bad_save(path)
    _writable(path, option)


def same_file(a: Path, b: Path) -> bool:
    """``a`` and ``b`` name one file (also through links), as far as can be told."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_outputs(inputs: dict[str, Path], outputs: dict[str, Path]) -> None:
    """Every output of a command is writable, and none replaces an input of the same
    command or another of its outputs."""
    seen: dict[str, Path] = dict(inputs)
    for option, path in outputs.items():
        for other, earlier in seen.items():
            if same_file(path, earlier):
                raise CliError(tr("{option} {file} would overwrite {other} {earlier}").format(
                    option=option, file=path, other=other, earlier=earlier))
        check_target(path, option)
        seen[option] = path


def check_runs_save(path: Path, n: int, data: object) -> None:
    """Before training ``n`` seeds: a runs file (an experiment file holds one run),
    writable, and not ``data``, the data file (task option ``path``) the runs read."""
    allowed = (RUNS_EXTENSION, ".rnnx") if n == 1 else (RUNS_EXTENSION,)
    if path.suffix.lower() not in allowed:
        text = (tr("--save: with --seeds {n} save the runs in a {kind} file (an experiment "
                   "file holds one run), not '{file}'") if n > 1 else
                tr("--save: with --seeds {n} save the runs in a {kind} file or a .rnnx file, "
                   "not '{file}'"))
        raise CliError(text.format(n=n, kind=RUNS_EXTENSION, file=path))
    if isinstance(data, str) and data.strip() and same_file(Path(data).expanduser(), path):
        raise CliError(tr("--save {file} would overwrite the data file {data}").format(
            file=path, data=data))
    _writable(path, "--save")


# -- writing -----------------------------------------------------------------------------------
class Saved(NamedTuple):
    """Where a result went: the line to print, and ``moved`` (why it is not where it was
    asked to go) when another program saved the target while this command worked."""

    line: str
    moved: str | None = None


def save(exp: Experiment, path: Path, since: Stamp) -> Saved:
    """Save an experiment file (.rnnx) or its weights with PyTorch names (.npz).

    ``since``: the target as it was when the command started (:func:`stamp`).  Printing
    comes after saving, so a result is never lost to a failed print."""
    from rnn_sandbox.io import export_weights, save_experiment

    suffix = path.suffix.lower()
    if suffix == ".npz":
        where, moved = _keep(path, since, lambda p: export_weights(p, exp.network))
        return Saved(tr("weights saved to {file} (PyTorch state_dict names)").format(
            file=printable(where)), moved)
    if suffix == ".rnnx":
        where, moved = _keep(path, since, lambda p: save_experiment(p, exp))
        return Saved(tr("experiment saved to {file}").format(file=printable(where)), moved)
    raise _bad_save(path)


def save_runs(path: Path, runs: Sequence[Run], since: Stamp) -> Saved:
    """Save a runs file, or one run as an experiment file (.rnnx)."""
    if path.suffix.lower() == RUNS_EXTENSION:
        from rnn_sandbox.runs.file import save_runs as save_runs_file

        where, moved = _keep(path, since, lambda p: save_runs_file(p, runs))
        return Saved(tr("%n run(s) saved to {file}", n=len(runs)).format(
            file=printable(where)), moved)
    from rnn_sandbox.io import save_experiment

    where, moved = _keep(path, since, lambda p: save_experiment(p, runs[0].experiment()))
    return Saved(tr("experiment saved to {file}").format(file=printable(where)), moved)


def _keep(path: Path, since: Stamp, save_to: Callable[[Path], object]) -> tuple[Path, str | None]:
    """``save_to(path)``; but if another program saved ``path`` since the command began
    (two commands saving to one file at once), the work goes beside it (``name-2.rnnx``)
    instead of over the other's, and the reason is returned."""
    target = path if stamp(path) == since else _beside(path)
    try:
        save_to(target)
    except SaveConflict:  # the other save landed while this one was writing
        if target != path:
            raise
        target = _beside(path)
        save_to(target)
    if target == path:
        return path, None
    return target, tr("{file} was saved by another program while this command worked; this "
                      "result is in {other} instead").format(file=printable(path),
                                                             other=printable(target))


def _beside(path: Path) -> Path:
    """``name-2.ext``, ``name-3.ext``…: the first that does not exist."""
    k = 2
    while (other := path.with_name(f"{path.stem}-{k}{path.suffix}")).exists():
        k += 1
    return other


def write_csv(path: Path, runs: Sequence[Run]) -> Path:
    """:func:`~rnn_sandbox.runs.book.comparison_csv`, written atomically and read back."""
    from rnn_sandbox.runs.book import comparison_csv

    text = comparison_csv(runs)

    def write(f: IO[bytes]) -> None:
        f.write(text.encode("utf-8"))

    def same(written: Path) -> None:
        if written.read_bytes().decode("utf-8") != text:
            raise ValueError("the text read back differs")

    return atomic_write(path, write, verify=reads_back(path, same))
