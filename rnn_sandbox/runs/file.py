"""Several runs in one file, to keep a comparison: ``.rnns``.

A runs file is a zip archive holding

* ``runs.json`` — format name and version, program version, and per run (in order) its
  name, colour, group, whether it is hidden, and the entry holding it;
* ``run-<i>.rnnx`` — each run as a complete experiment file (settings, weights, optimizer
  and trainer state, history with wall-clock seconds, gradient summaries).

Each run is an experiment file inside, read by the very code that reads experiment files,
so a runs file is exactly as safe: declared sizes checked before anything is decompressed,
no pickle, every run checked (settings, history, trainer state, each array's shape against
its settings, every byte against its CRC) before the file counts as read (a bad file
changes nothing and says why), and saving is atomic and verified by checking the file
read back.

Reading costs what is read: the runs are read one at a time, and only their settings,
histories and gradient summaries are kept; a run's weights are read again from the file
(kept open) only when it is restored or saved elsewhere.
"""

from __future__ import annotations

import io
import json
import os
import time
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from rnn_sandbox.files import SaveRefused, atomic_write, reads_back
from rnn_sandbox.io.experiment_file import (
    EXTENSION as EXPERIMENT_EXTENSION,
)
from rnn_sandbox.io.experiment_file import (
    MAX_FILE_BYTES,
    app_version,
    check_version,
    named,
    open_file,
    summary_from_file,
)
from rnn_sandbox.io.safe_zip import (
    CHUNK,
    ExperimentFileError,
    check_entries,
    damaged,
    open_zip,
    read_entry,
)
from rnn_sandbox.runs.book import MAX_NAME, Run, RunBook, StoredState, give_colours
from rnn_sandbox.translation import tr

FORMAT_NAME = "rnn-sandbox-runs"
FORMAT_VERSION = 1
EXTENSION = ".rnns"
JSON_NAME = "runs.json"
MAX_RUNS = 200
MAX_JSON_BYTES = 1 << 20
MAX_COLOUR = 10_000


def _entry_name(i: int) -> str:
    return f"run-{i}{EXPERIMENT_EXTENSION}"


# -- saving ---------------------------------------------------------------------------------
def write_runs(f: IO[bytes], runs: Sequence[Run]) -> None:
    """Write the runs file to an open binary file, each run's state streamed from where
    it lies (memory or the file it was read from), never all at once."""
    if not runs:
        raise SaveRefused("there are no runs to save")
    if len(runs) > MAX_RUNS:
        raise SaveRefused(f"a runs file holds at most {MAX_RUNS} runs, not {len(runs)}")
    header = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": [
            {"name": r.name, "colour": r.colour, "group": r.group, "hidden": r.hidden,
             "entry": _entry_name(i)}
            for i, r in enumerate(runs)
        ],
    }
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr(JSON_NAME, json.dumps(header, indent=1), zipfile.ZIP_DEFLATED)
        for i, run in enumerate(runs):
            # Stored as they are (their weights are stored too: deflate would take
            # minutes for a large network and spare little); a runs file cut short where
            # one of them shows through is refused by open_zip as truncated.
            info = zipfile.ZipInfo(_entry_name(i), time.localtime()[:6])
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o600 << 16  # as writestr gives an entry
            state = run.state
            if isinstance(state, bytes):
                info.file_size = len(state)
                with zf.open(info, "w") as out:
                    out.write(state)
                continue
            info.file_size = state.size  # sizes the entry (zip64 or not) before writing
            try:
                with state.open() as src, zf.open(info, "w") as out:
                    while chunk := src.read(CHUNK):
                        out.write(chunk)
            except OSError:
                raise
            except Exception as e:  # its file damaged or changed since it was read
                raise SaveRefused(f"run {run.name!r} cannot be read from the file it came "
                                  f"from ({e})") from None


def runs_to_bytes(runs: Sequence[Run]) -> bytes:
    """The whole runs file in memory."""
    buf = io.BytesIO()
    write_runs(buf, runs)
    return buf.getvalue()


def save_runs(path: str | os.PathLike[str], runs: Sequence[Run]) -> Path:
    """Save ``runs`` atomically and verified: the file replaces ``path`` only once it
    reads back as a runs file (:func:`check_runs`: every run checked, one at a time);
    otherwise :class:`SaveRefused` says why and the old file stays as it was."""
    if not runs:
        raise SaveRefused("there are no runs to save")
    return atomic_write(path, lambda f: write_runs(f, runs),
                        verify=reads_back(path, check_runs))


# -- loading --------------------------------------------------------------------------------
def load_runs(path: str | os.PathLike[str]) -> list[Run]:
    """The runs of a runs file: their settings, histories and gradient summaries, each
    checked as an experiment file's are; their weights are read (and checked) only when
    a run is restored.  Raises :class:`ExperimentFileError` for anything that is not a
    valid runs file."""
    f = open_file(path)
    try:
        return named(path, lambda g: runs_from_file(g, arrays=False), f)
    except BaseException:
        f.close()
        raise


def check_runs(path: str | os.PathLike[str]) -> None:
    """Whether the file at ``path`` reads as a runs file, every run's every entry checked
    (its structure, CRCs and shapes): what a save is verified by."""
    with open_file(path) as f:
        named(path, runs_from_file, f)


def runs_from_bytes(data: bytes) -> list[Run]:
    """:func:`runs_from_file` on bytes in memory, every entry checked."""
    return runs_from_file(io.BytesIO(data))


def runs_from_file(f: IO[bytes], arrays: bool = True) -> list[Run]:
    """The loader behind :func:`load_runs`: all runs, or an error and nothing.  The runs'
    states stay in ``f``, which must stay open as long as they are used.  ``arrays``:
    check every array of every run too (streamed, not kept), not only what a comparison
    reads."""
    zf = open_zip(f, "a runs file")
    try:
        with zf:
            if "experiment.json" in zf.namelist():
                raise ExperimentFileError(
                    tr("this is an experiment file (.rnnx), not a runs file (.rnns)"))
            infos = check_entries(
                zf,
                lambda n: MAX_JSON_BYTES if n == JSON_NAME else (
                    MAX_FILE_BYTES if _is_run_entry(n) else None
                ),
                MAX_FILE_BYTES, MAX_RUNS + 1, "the runs file",
            )
            if JSON_NAME not in infos:
                raise ExperimentFileError(tr("this is not a runs file (missing {entry})").format(
                    entry=JSON_NAME))
            records = _records(_parse(read_entry(zf, infos[JSON_NAME])), infos)
    except ExperimentFileError:
        raise
    except Exception as e:  # CRC mismatch, bad deflate stream, bad local headers, …
        raise damaged(e) from None
    runs = []
    for rec in records:  # one at a time: only one run's JSON part is held while reading
        info = infos[rec["entry"]]
        state = StoredState(f, rec["entry"], info.file_size, info.CRC)
        try:
            with state.open() as member:
                summary = summary_from_file(member, arrays=arrays)
        except SaveRefused:
            raise
        except ExperimentFileError as e:
            raise ExperimentFileError(tr("run {name}: {reason}").format(
                name=repr(rec["name"]), reason=e)) from None
        except Exception as e:  # a damaged outer entry (bad deflate stream, CRC, …)
            raise ExperimentFileError(tr("run {name}: {reason}").format(
                name=repr(rec["name"]), reason=damaged(e))) from None
        run = Run.from_summary(summary, rec["name"], rec["colour"], state, rec["group"])
        run.hidden = rec["hidden"]
        runs.append(run)
    return runs


def _is_run_entry(name: str) -> bool:
    stem = name.removeprefix("run-").removesuffix(EXPERIMENT_EXTENSION)
    return (name.startswith("run-") and name.endswith(EXPERIMENT_EXTENSION)
            and stem.isdigit() and stem.isascii() and len(stem) <= 4)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        header = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError) as e:
        raise ExperimentFileError(tr("'{entry}' is not valid JSON ({reason})").format(
            entry=JSON_NAME, reason=e)) from None
    if not isinstance(header, dict):
        raise ExperimentFileError(tr("'{entry}' must hold a JSON object").format(
            entry=JSON_NAME))
    check_version(header, FORMAT_NAME, FORMAT_VERSION, "a runs file")
    return header


def _records(header: dict[str, Any], infos: dict[str, Any]) -> list[dict[str, Any]]:
    """The checked list of runs: names unique, every run entry used exactly once."""
    raw = header.get("runs")
    if not isinstance(raw, list) or not raw:
        raise ExperimentFileError(tr("the runs file lists no runs"))
    out: list[dict[str, Any]] = []
    names: set[str] = set()
    entries: set[str] = set()
    for i, rec in enumerate(raw):
        where = tr("run {number}").format(number=i + 1)
        if not isinstance(rec, dict) or set(rec) - {"name", "colour", "group", "hidden",
                                                    "entry"}:
            raise ExperimentFileError(tr("{run} is not a valid record").format(run=where))
        name, colour = rec.get("name"), rec.get("colour")
        group, hidden, entry = rec.get("group"), rec.get("hidden", False), rec.get("entry")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            raise ExperimentFileError(f"{where}: " + tr(
                "the name must be text of 1 to {most} characters").format(most=MAX_NAME))
        if name in names:
            raise ExperimentFileError(tr("two runs are called {name}").format(name=repr(name)))
        if (not isinstance(colour, int) or isinstance(colour, bool)
                or not 0 <= colour <= MAX_COLOUR):
            raise ExperimentFileError(f"{where}: " + tr(
                "the colour must be a whole number in 0..{most}").format(most=MAX_COLOUR))
        if group is not None and (not isinstance(group, str) or len(group) > MAX_NAME):
            raise ExperimentFileError(f"{where}: " + tr("the group must be text or null"))
        if not isinstance(hidden, bool):
            raise ExperimentFileError(f"{where}: " + tr("hidden must be true or false"))
        if not isinstance(entry, str) or entry not in infos or not _is_run_entry(entry):
            raise ExperimentFileError(f"{where}: " + tr("its entry {entry} is not in the file"
                                                        ).format(entry=repr(str(entry)[:80])))
        if entry in entries:
            raise ExperimentFileError(f"{where}: " + tr("the entry {entry} belongs to two runs"
                                                        ).format(entry=repr(entry)))
        names.add(name)
        entries.add(entry)
        out.append({"name": name, "colour": colour, "group": group, "hidden": hidden,
                    "entry": entry})
    unused = sorted(n for n in infos if n != JSON_NAME and n not in entries)
    if unused:
        raise ExperimentFileError(tr("the entry {entry} belongs to no run").format(
            entry=repr(unused[0])))
    return out


def load_comparison(paths: Sequence[str | os.PathLike[str]]) -> list[Run]:
    """The runs of experiment files (``.rnnx``, one run each, named after the file) and
    runs files (``.rnns``), in order; names made unique, colours given in that order
    (one per group).  Raises :class:`ExperimentFileError` naming the file that cannot be
    read.  Each run is checked and summarised (settings, history, gradient summaries) one
    at a time; its weights stay in its file until it is restored."""
    book = RunBook()
    for path in paths:
        p = Path(path)
        if p.suffix.lower() == EXTENSION:
            loaded = load_runs(p)
        else:
            f = open_file(p)
            try:
                summary = named(p, lambda g: summary_from_file(g, arrays=False), f)
                size = os.fstat(f.fileno()).st_size
            except BaseException:
                f.close()
                raise
            loaded = [Run.from_summary(summary, p.stem, 0, StoredState(f, None, size))]
        for run in loaded:
            book.add(run)
    give_colours(book.runs)
    return book.runs
