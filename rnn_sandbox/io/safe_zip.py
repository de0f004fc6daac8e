"""Careful reading and atomic writing of the zip containers the program stores.

Files come from anywhere (mail, downloads), so reading trusts nothing: entry names and
declared sizes are checked before a byte is decompressed, arrays are parsed from their
``.npy`` header without pickle and without allocating more than the bytes present.
Writing goes to a temporary file in the same folder that replaces the target only once it
is complete and on disk, so a crash mid-save leaves the previous file as it was.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import numpy as np


class ExperimentFileError(ValueError):
    """A file that cannot be read as an experiment; the message says why."""


# Dtype kinds an array in our files may have: float, signed and unsigned integers, bool.
_ARRAY_KINDS = "fiub"
# A deflated entry expanding more than this ratio is treated as a zip bomb.
MAX_RATIO = 200
# Entries under this size are never refused for their ratio (JSON of zeros compresses well).
_RATIO_FREE = 1 << 20


def check_entries(
    zf: zipfile.ZipFile,
    allowed: Callable[[str], bool],
    max_entry: int,
    max_total: int,
    max_entries: int,
    what: str,
) -> dict[str, zipfile.ZipInfo]:
    """Names and declared sizes of every entry, refused before anything is decompressed."""
    infos = zf.infolist()
    if len(infos) > max_entries:
        raise ExperimentFileError(f"{what} has {len(infos)} entries (at most {max_entries})")
    out: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name in out:
            raise ExperimentFileError(f"{what} contains '{name}' twice")
        if not allowed(name):
            raise ExperimentFileError(f"{what} contains an unexpected entry '{name[:80]}'")
        if info.flag_bits & 0x1:
            raise ExperimentFileError(f"{what} entry '{name}' is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExperimentFileError(f"{what} entry '{name}' uses an unsupported compression")
        if info.file_size > max_entry:
            raise ExperimentFileError(
                f"{what} entry '{name}' declares {info.file_size} bytes (at most {max_entry})"
            )
        if info.file_size > _RATIO_FREE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ExperimentFileError(
                f"{what} entry '{name}' expands {info.file_size} bytes from "
                f"{info.compress_size}: refused as a zip bomb"
            )
        total += info.file_size
        out[name] = info
    if total > max_total:
        raise ExperimentFileError(f"{what} declares {total} bytes in all (at most {max_total})")
    return out


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes; zipfile stops at the declared size and checks the CRC."""
    with zf.open(info) as f:
        data = f.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise ExperimentFileError(f"entry '{info.filename}' is shorter or longer than declared")
    return data


def parse_npy(data: bytes, name: str) -> np.ndarray:
    """One ``.npy`` payload as a numeric array, without pickle, sized by the bytes present."""
    f = io.BytesIO(data)
    try:
        major, _minor = np.lib.format.read_magic(f)
        if major == 1:
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        elif major in (2, 3):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            raise ExperimentFileError(f"array '{name}' has an unknown .npy version {major}")
    except ExperimentFileError:
        raise
    except Exception as e:  # numpy raises ValueError, SyntaxError, … for bad headers
        raise ExperimentFileError(f"array '{name}' has a damaged header: {e}") from None
    if dtype.hasobject or dtype.kind not in _ARRAY_KINDS or dtype.fields is not None:
        raise ExperimentFileError(f"array '{name}' has an unsupported type {dtype}")
    if any(not isinstance(n, int) or n < 0 for n in shape):
        raise ExperimentFileError(f"array '{name}' has an invalid shape {shape}")
    nbytes = math.prod(shape) * dtype.itemsize
    body = data[f.tell() :]
    if len(body) != nbytes:
        raise ExperimentFileError(
            f"array '{name}' should hold {nbytes} bytes but holds {len(body)} (truncated?)"
        )
    arr = np.frombuffer(body, dtype=dtype).reshape(shape, order="F" if fortran else "C")
    return np.array(arr, dtype=arr.dtype.newbyteorder("="))


def read_npz(
    data: bytes, what: str, max_arrays: int = 4096, max_bytes: int = 1 << 31
) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` held in memory, each entry checked before it is read."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise ExperimentFileError(f"{what} is not a readable .npz archive: {e}") from None
    with zf:
        infos = check_entries(
            zf,
            lambda n: n.endswith(".npy") and len(n) < 512,
            max_bytes,
            max_bytes,
            max_arrays,
            what,
        )
        return {name[: -len(".npy")]: parse_npy(read_entry(zf, i), name) for name, i in
                infos.items()}


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An ``.npz`` archive (what ``np.savez`` writes) in memory."""
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write(f)`` on a temporary file next to ``path`` and move it into place.

    The data is flushed and fsynced before ``os.replace``, which swaps names atomically,
    so readers see either the old complete file or the new complete file, never a mix.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)
    return path


def atomic_write_bytes(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> Path:
    def write(f: IO[bytes]) -> None:
        for chunk in chunks:
            f.write(chunk)

    return atomic_write(path, write)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0644."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows syncing a folder."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
