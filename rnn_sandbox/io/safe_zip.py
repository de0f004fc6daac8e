"""Careful reading of the zip containers the program stores (written atomically by
``rnn_sandbox.files``).

Files come from anywhere (mail, downloads), so reading trusts nothing: entry names and
declared sizes are checked before a byte is decompressed, arrays are parsed from their
``.npy`` header without pickle and without allocating more than the bytes present.

Reading costs what is read: archives are read from an open file (or from an entry of
another archive) member by member, never whole into memory, and an array's claimed shape
is checked before its bytes are inflated; what only needs checking is streamed through
in chunks (the CRC is checked at each entry's end) and not kept.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Callable
from typing import IO, Any

import numpy as np

from rnn_sandbox.files import FileError
from rnn_sandbox.translation import QT_TR_NOOP, tr

# The io package's name for a file that cannot be read as an experiment or runs file.
ExperimentFileError = FileError

# Whole sentences for "this is not <what> (<why>)", so each is translated as one.
_NOT_A = {
    ("an experiment file", "not a zip archive"):
        QT_TR_NOOP("this is not an experiment file (not a zip archive)"),
    ("a runs file", "not a zip archive"): QT_TR_NOOP("this is not a runs file (not a zip archive)"),
    ("a lesson pack", "not a zip archive"):
        QT_TR_NOOP("this is not a lesson pack (not a zip archive)"),
    ("an experiment file", "wrong format name"):
        QT_TR_NOOP("this is not an experiment file (wrong format name)"),
    ("a runs file", "wrong format name"): QT_TR_NOOP("this is not a runs file (wrong format name)"),
}


# What the checks below are asked about (``what``), as a subject of their messages.
WHATS = (QT_TR_NOOP("the file"), QT_TR_NOOP("the runs file"), QT_TR_NOOP("the lesson pack"),
         QT_TR_NOOP("the weights"), QT_TR_NOOP("the optimizer state"),
         QT_TR_NOOP("the stored data"), QT_TR_NOOP("the gradient summaries"))


def not_a(what: str, why: str) -> FileError:
    """"this is not <what> (<why>)": a foreign file, in the program's language."""
    sentence = _NOT_A.get((what, why))
    return ExperimentFileError(tr(sentence) if sentence else f"this is not {what} ({why})")


def damaged(detail: object) -> FileError:
    """A file cut short or changed: the reader's own words (``detail``) in brackets."""
    return ExperimentFileError(tr("the file is damaged or truncated ({detail})").format(
        detail=detail))


# Dtype kinds an array in our files may have: float, signed and unsigned integers, bool.
_ARRAY_KINDS = "fiub"
# Bytes read at a time when an entry is streamed through or into an array.
CHUNK = 1 << 20
# A check of an array's name, shape and dtype, called before any of its bytes are read.
Admit = Callable[[str, tuple[int, ...], np.dtype], None]


def open_zip(f: IO[bytes], what: str) -> zipfile.ZipFile:
    """A zip archive read from ``f`` (seekable: a file, or an entry of another archive);
    only its directory is read.  Anything but a zip is refused from its first bytes."""
    try:
        f.seek(0)
        start = f.read(4)
        f.seek(0)
    except Exception as e:  # a damaged outer entry (bad deflate stream, …)
        raise damaged(e) from None
    if not start.startswith(b"PK"):
        raise not_a(what, "not a zip archive")
    try:
        zf = zipfile.ZipFile(f)
    except Exception as e:  # BadZipFile, OSError, EOFError, … from damaged directories
        raise damaged(e) from None
    if any(info.header_offset > 0 for info in zf.infolist()[:1]):
        # The archive found starts inside the file: one of its stored (not deflated)
        # array archives, showing through where a file was cut short.
        zf.close()
        raise ExperimentFileError(tr("the file is damaged or truncated (it ends inside an "
                                     "archive it holds)"))
    return zf


def open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    """An entry opened for reading whose seeks (an archive inside it looks for its
    directory at the end) read ``CHUNK`` bytes at a time, not zipfile's 16 MiB."""
    member = zf.open(info)
    member.MAX_SEEK_READ = CHUNK  # type: ignore[attr-defined]
    return member


def stream_through(f: IO[bytes], size: int, name: str,
                   finite: np.dtype | None = None) -> None:
    """Read ``size`` bytes of an open entry in chunks, keeping none, then its end: zipfile
    checks the CRC there.  ``finite``: the bytes are numbers of this floating-point dtype,
    each of which must be finite."""
    left, rest = size, b""
    while left > 0:
        chunk = f.read(min(left, CHUNK))
        if not chunk:
            raise ExperimentFileError(tr("entry '{name}' is shorter than declared").format(
                name=name))
        left -= len(chunk)
        if finite is not None:
            chunk = rest + chunk
            whole = len(chunk) - len(chunk) % finite.itemsize
            rest = chunk[whole:]
            if not np.isfinite(np.frombuffer(chunk[:whole], dtype=finite)).all():
                raise ExperimentFileError(tr("array '{name}' contains NaN or infinite values"
                                             ).format(name=name))
    if f.read(1):
        raise ExperimentFileError(tr("entry '{name}' is longer than declared").format(
            name=name))


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
    whole = tr(what)
    if len(infos) > max_entries:
        raise ExperimentFileError(tr("{what} has {count} entries (at most {most})").format(
            what=whole, count=len(infos), most=max_entries))
    out: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name in out:
            raise ExperimentFileError(tr("{what} contains '{name}' twice").format(
                what=whole, name=name))
        max_entry = limit(name)
        if max_entry is None:
            raise ExperimentFileError(tr("{what} contains an unexpected entry '{name}'").format(
                what=whole, name=name[:80]))
        if info.flag_bits & 0x1:
            raise ExperimentFileError(tr("{what} entry '{name}' is encrypted").format(
                what=whole, name=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExperimentFileError(tr("{what} entry '{name}' uses an unsupported compression"
                                         ).format(what=whole, name=name))
        if info.file_size > max_entry:
            raise ExperimentFileError(
                tr("{what} entry '{name}' declares {size} bytes (at most {most} for its "
                   "settings)").format(what=whole, name=name, size=info.file_size,
                                       most=max_entry))
        total += info.file_size
        out[name] = info
    if total > max_total:
        raise ExperimentFileError(tr("{what} declares {size} bytes in all (at most {most})"
                                     ).format(what=whole, size=total, most=max_total))
    return out


def read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes; zipfile stops at the declared size and checks the CRC."""
    with zf.open(info) as f:
        data = f.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise ExperimentFileError(tr("entry '{name}' is shorter or longer than declared").format(
            name=info.filename))
    return data


def _npy_header(f: IO[bytes], name: str) -> tuple[tuple[int, ...], bool, np.dtype]:
    """Shape, Fortran order and dtype from an ``.npy`` header, checked: numeric, no
    pickle, a valid shape."""
    try:
        major, _minor = np.lib.format.read_magic(f)
        if major == 1:
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        elif major in (2, 3):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            raise ExperimentFileError(tr("array '{name}' has an unknown .npy version {version}"
                                         ).format(name=name, version=major))
    except ExperimentFileError:
        raise
    except Exception as e:  # numpy raises ValueError, SyntaxError, … for bad headers
        raise ExperimentFileError(tr("array '{name}' has a damaged header: {reason}").format(
            name=name, reason=e)) from None
    if dtype.hasobject or dtype.kind not in _ARRAY_KINDS or dtype.fields is not None:
        raise ExperimentFileError(tr("array '{name}' has an unsupported type {dtype}").format(
            name=name, dtype=dtype))
    if any(not isinstance(n, int) or n < 0 for n in shape):
        raise ExperimentFileError(tr("array '{name}' has an invalid shape {shape}").format(
            name=name, shape=shape))
    return tuple(shape), bool(fortran), dtype


def _wrong_size(name: str, expected: int, actual: int) -> str:
    return tr("array '{name}' should hold {expected} bytes but holds {actual} (truncated?)"
              ).format(name=name, expected=expected, actual=actual)


def parse_npy(data: bytes, name: str) -> np.ndarray:
    """One ``.npy`` payload as a numeric array, without pickle, sized by the bytes present."""
    f = io.BytesIO(data)
    shape, fortran, dtype = _npy_header(f, name)
    nbytes = math.prod(shape) * dtype.itemsize
    body = data[f.tell() :]
    if len(body) != nbytes:
        raise ExperimentFileError(_wrong_size(name, nbytes, len(body)))
    arr = np.frombuffer(body, dtype=dtype).reshape(shape, order="F" if fortran else "C")
    return np.array(arr, dtype=arr.dtype.newbyteorder("="))


def read_npy(f: IO[bytes], name: str, size: int, admit: Admit | None = None,
             keep: bool = True) -> np.ndarray | None:
    """One ``.npy`` entry of ``size`` bytes read from the open entry ``f``: the header is
    checked (and shown to ``admit``) before the array is allocated, then the bytes go
    straight into it (``keep``) or are streamed through and dropped (``keep=False``: the
    entry is only checked).  The entry must end where its header says."""
    shape, fortran, dtype = _npy_header(f, name)
    nbytes = math.prod(shape) * dtype.itemsize
    header_len = f.tell()
    if header_len + nbytes != size:
        raise ExperimentFileError(_wrong_size(name, nbytes, size - header_len))
    if admit is not None:
        admit(name[: -len(".npy")] if name.endswith(".npy") else name, shape, dtype)
    if not keep:  # checked on the way: every byte (CRC) and every number finite
        stream_through(f, nbytes, name, dtype if dtype.kind == "f" else None)
        return None
    flat = np.empty(math.prod(shape), dtype=dtype)
    view = flat.view(np.uint8)
    pos = 0
    while pos < nbytes:
        chunk = f.read(min(nbytes - pos, CHUNK))
        if not chunk:
            raise ExperimentFileError(tr("array '{name}' is truncated").format(name=name))
        view[pos : pos + len(chunk)] = np.frombuffer(chunk, np.uint8)
        pos += len(chunk)
    if f.read(1):
        raise ExperimentFileError(tr("array '{name}' is longer than its header says").format(
            name=name))
    arr = flat.reshape(shape, order="F" if fortran else "C")
    return arr if dtype.isnative else arr.astype(dtype.newbyteorder("="))


def read_npz_from(
    f: IO[bytes], what: str, max_arrays: int = 4096, max_bytes: int = 1 << 31,
    admit: Admit | None = None, keep: bool = True,
) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` read from ``f`` (a file or an archive's entry), one
    array at a time, each checked before it is read (see :func:`read_npy`).  With
    ``keep=False`` every array is checked and streamed through, and none is returned."""
    try:
        zf = zipfile.ZipFile(f)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise ExperimentFileError(tr("{what} is not a readable .npz archive: {reason}").format(
            what=tr(what), reason=e)) from None
    out: dict[str, np.ndarray] = {}
    with zf:
        infos = check_entries(
            zf,
            lambda n: max_bytes if n.endswith(".npy") and len(n) < 512 else None,
            max_bytes,
            max_arrays,
            what,
        )
        for name, info in infos.items():
            with open_member(zf, info) as member:
                arr = read_npy(member, name, info.file_size, admit, keep)
            if arr is not None:
                out[name[: -len(".npy")]] = arr
    return out


def read_npz(
    data: bytes, what: str, max_arrays: int = 4096, max_bytes: int = 1 << 31
) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` held in memory, each entry checked before it is read."""
    return read_npz_from(io.BytesIO(data), what, max_arrays, max_bytes)


def _reject_constant(name: str) -> Any:
    raise ValueError(tr("{name} is not a number JSON allows").format(name=name))


class _NumberBudget:
    """``parse_float``/``parse_int`` for ``json.loads``: numbers must be finite and
    reasonably short, and there may be at most ``left`` of them."""

    def __init__(self, left: int) -> None:
        self.left = left

    def _count(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise ValueError(tr("it holds too many numbers"))

    def float(self, text: str) -> float:
        self._count()
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(tr("{number} is out of range").format(number=text[:20]))
        return value

    def int(self, text: str) -> int:
        self._count()
        if len(text.lstrip("-")) > 64:  # a generator state holds 128-bit numbers
            raise ValueError(tr("{number} is out of range").format(number=text[:20] + "…"))
        return int(text)


def parse_json(raw: bytes, name: str, max_numbers: int) -> dict[str, Any]:
    """The JSON object in entry ``name``: standard JSON only (no NaN or Infinity), finite
    numbers of sensible length, at most ``max_numbers`` of them."""
    numbers = _NumberBudget(max_numbers)
    try:
        header = json.loads(
            raw.decode("utf-8"),
            parse_constant=_reject_constant,
            parse_float=numbers.float,
            parse_int=numbers.int,
        )
    except (ValueError, RecursionError) as e:
        raise ExperimentFileError(tr("'{entry}' is not valid JSON ({reason})").format(
            entry=name, reason=e)) from None
    if not isinstance(header, dict):
        raise ExperimentFileError(tr("'{entry}' must hold a JSON object").format(entry=name))
    return header


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An ``.npz`` archive (what ``np.savez`` writes) in memory."""
    buf = io.BytesIO()
    # The stub reads any keyword as savez's allow_pickle flag; these are array names.
    np.savez(buf, **arrays)  # type: ignore[arg-type]
    return buf.getvalue()


