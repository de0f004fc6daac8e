"""Careful reading of the zip containers the program stores (written atomically by
``rnn_sandbox.files``).

Files come from anywhere (mail, downloads), so reading trusts nothing: entry names and
declared sizes are checked before a byte is decompressed, arrays are parsed from their
``.npy`` header without pickle and without allocating more than the bytes present.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable

import numpy as np

from rnn_sandbox.files import FileError

# The io package's name for a file that cannot be read as an experiment or runs file.
ExperimentFileError = FileError

# Dtype kinds an array in our files may have: float, signed and unsigned integers, bool.
_ARRAY_KINDS = "fiub"


def check_entries(
    zf: zipfile.ZipFile,
    limit: Callable[[str], int | None],
    max_total: int,
    max_entries: int,
    what: str,
) -> dict[str, zipfile.ZipInfo]:
    """Names and declared sizes of every entry, refused before anything is decompressed.

    ``limit(name)`` is the most bytes entry ``name`` may expand to, or ``None`` for a name
    that does not belong.  Sizes are absolute, not ratios: data of repeated values
    compresses very well and is no bomb, while an entry may never expand beyond what the
    settings it belongs to can produce.
    """
    infos = zf.infolist()
    if len(infos) > max_entries:
        raise ExperimentFileError(f"{what} has {len(infos)} entries (at most {max_entries})")
    out: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name in out:
            raise ExperimentFileError(f"{what} contains '{name}' twice")
        max_entry = limit(name)
        if max_entry is None:
            raise ExperimentFileError(f"{what} contains an unexpected entry '{name[:80]}'")
        if info.flag_bits & 0x1:
            raise ExperimentFileError(f"{what} entry '{name}' is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExperimentFileError(f"{what} entry '{name}' uses an unsupported compression")
        if info.file_size > max_entry:
            raise ExperimentFileError(
                f"{what} entry '{name}' declares {info.file_size} bytes (at most {max_entry} "
                "for its settings)"
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
            lambda n: max_bytes if n.endswith(".npy") and len(n) < 512 else None,
            max_bytes,
            max_arrays,
            what,
        )
        return {name[: -len(".npy")]: parse_npy(read_entry(zf, i), name) for name, i in
                infos.items()}


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An ``.npz`` archive (what ``np.savez`` writes) in memory."""
    buf = io.BytesIO()
    # The stub reads any keyword as savez's allow_pickle flag; these are array names.
    np.savez(buf, **arrays)  # type: ignore[arg-type]
    return buf.getvalue()


