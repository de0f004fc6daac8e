"""What the commands write, and the checks made before any long work: every output is of
a kind the command writes and can be written, and none replaces an input or another
output of the same command."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rnn_sandbox.cli.errors import CliError
from rnn_sandbox.files import SaveRefused, atomic_write, check_writable, reads_back
from rnn_sandbox.runs.file import EXTENSION as RUNS_EXTENSION
from rnn_sandbox.wording import count, printable

if TYPE_CHECKING:
    from rnn_sandbox.runs.book import Run
    from rnn_sandbox.session import Experiment

_SAVE_KINDS = (".npz", ".rnnx")


def _bad_save(path: Path) -> CliError:
    return CliError(f"--save: use a .rnnx (experiment) or .npz (weights) file, not '{path}'")


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
                raise CliError(f"{option} {path} would overwrite {other} {earlier}")
        check_target(path, option)
        seen[option] = path


def check_runs_save(path: Path, n: int, data: object) -> None:
    """Before training ``n`` seeds: a runs file (an experiment file holds one run),
    writable, and not ``data``, the data file (task option ``path``) the runs read."""
    allowed = (RUNS_EXTENSION, ".rnnx") if n == 1 else (RUNS_EXTENSION,)
    if path.suffix.lower() not in allowed:
        raise CliError(
            f"--save: with --seeds {n} save the runs in a {RUNS_EXTENSION} file"
            + (" (an experiment file holds one run)" if n > 1 else " or a .rnnx file")
            + f", not '{path}'"
        )
    if isinstance(data, str) and data.strip() and same_file(Path(data).expanduser(), path):
        raise CliError(f"--save {path} would overwrite the data file {data}")
    _writable(path, "--save")


# -- writing -----------------------------------------------------------------------------------
def save(exp: Experiment, path: Path) -> str:
    """Save an experiment file (.rnnx) or its weights with PyTorch names (.npz); the line
    to print once everything is saved (printing comes after saving: a result is never
    lost to a failed print)."""
    from rnn_sandbox.io import export_weights, save_experiment

    suffix = path.suffix.lower()
    if suffix == ".npz":
        export_weights(path, exp.network)
        return f"weights saved to {printable(path)} (PyTorch state_dict names)"
    if suffix == ".rnnx":
        save_experiment(path, exp)
        return f"experiment saved to {printable(path)}"
    raise _bad_save(path)


def save_runs(path: Path, runs: Sequence[Run]) -> str:
    """Save a runs file, or one run as an experiment file (.rnnx); the line to print."""
    if path.suffix.lower() == RUNS_EXTENSION:
        from rnn_sandbox.runs.file import save_runs as save_runs_file

        save_runs_file(path, runs)
        return f"{count(len(runs), 'run')} saved to {printable(path)}"
    from rnn_sandbox.io import save_experiment

    save_experiment(path, runs[0].experiment())
    return f"experiment saved to {printable(path)}"


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
