"""Reading and writing files without surprises: only regular files of a bounded size are
read, and a save goes to a temporary file in the same folder that replaces the target only
once it is complete, on disk and (where a check is given) reopens, so a crash or a bad
result mid-save leaves the previous file as it was.

Every package that reads or writes files (tasks' CSV series, experiment and runs files,
exports, the command line, the window) uses these; they know nothing of what the bytes mean.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from rnn_sandbox.translation import QT_TR_NOOP, tr


class FileError(ValueError):
    """A file that cannot be read or written as asked; the message says why."""


# The system's reasons most often met, translated (the system writes them in English).
SYSTEM_REASONS = (QT_TR_NOOP("No such file or directory"), QT_TR_NOOP("Permission denied"),
                  QT_TR_NOOP("Is a directory"), QT_TR_NOOP("Read-only file system"),
                  QT_TR_NOOP("No space left on device"))


def reason(e: OSError) -> str:
    """Why ``e`` happened, in the program's language where the reason is a common one."""
    text = e.strerror or str(e)
    return tr(text) if text in SYSTEM_REASONS else text


def cannot_read(path: object, why: str) -> FileError:
    """``cannot read PATH: WHY``, one sentence in the program's language."""
    return FileError(tr("cannot read {path}: {reason}").format(path=path, reason=why))


def cannot_save(path: object, why: str) -> SaveRefused:
    """``cannot save PATH: WHY``, one sentence in the program's language."""
    return SaveRefused(tr("cannot save {path}: {reason}").format(path=path, reason=why))


class SaveRefused(FileError):
    """A save that was not made (the written file would not reopen, or the place cannot be
    written); the previous file at the target is unchanged."""


# Temporary files of a save: short (a 245-character target name still leaves room) and of
# one pattern, so those an interrupted save left behind can be recognised and removed.
TEMP_PREFIX = ".rnnsandbox-"
TEMP_SUFFIX = ".tmp"
# A temporary file this old belongs to no save in progress (saves take seconds).
STALE_TEMP_SECONDS = 3600


def open_regular(path: str | os.PathLike[str], max_bytes: int) -> IO[bytes]:
    """The regular file at ``path`` opened for reading (the caller closes it), refusing
    anything else before a byte is read: a FIFO or device would block or never end, a
    folder is not a file, and a file larger than ``max_bytes`` is refused from its size."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    except OSError as e:
        raise cannot_read(path, reason(e)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise cannot_read(path, tr("it is not a regular file"))
        if st.st_size > max_bytes:
            raise FileError(tr("{path}: the file is too large ({size} bytes, at most {limit})"
                               ).format(path=path, size=st.st_size, limit=max_bytes))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``, refused as :func:`open_regular` refuses
    before reading, and read in bounded chunks."""
    with open_regular(path, max_bytes) as f:
        try:
            data = _read_at_most(f, max_bytes + 1, os.fstat(f.fileno()).st_size)
        except OSError as e:
            raise cannot_read(path, reason(e)) from None
    if len(data) > max_bytes:  # it grew while being read
        raise FileError(tr("{path}: the file is too large (at most {limit} bytes)").format(
            path=path, limit=max_bytes))
    return data


def _read_at_most(f: IO[bytes], limit: int, expected: int) -> bytes:
    """Up to ``limit`` bytes, read in chunks (``read(limit)`` would allocate ``limit``
    bytes at once, and a file may hold more or less than its size said)."""
    parts, size = [], 0
    while size < limit:
        chunk = f.read(min(limit - size, max(expected - size + 1, 1 << 20), 64 << 20))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


class SaveConflict(SaveRefused):
    """A save that was not made because another save (another window, another command)
    replaced the target while this one was being written: the other file is kept."""


Stamp = tuple[int, int, int, int] | None  # device, inode, size, mtime; None: no file


def stamp(path: str | os.PathLike[str]) -> Stamp:
    """What identifies the file at ``path`` now (a save always makes a new file, so any
    save in between changes it); ``None`` if there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def save_target(path: str | os.PathLike[str]) -> Path:
    """Where a save to ``path`` writes: the file a symbolic link points to (the link stays
    a link), else ``path`` itself."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


Writer = Callable[[IO[bytes]], object]  # what it returns is not used
Verifier = Callable[[Path], None]


def atomic_write(
    path: str | os.PathLike[str],
    write: Writer,
    verify: Verifier | None = None,
) -> Path:
    """Call ``write(f)`` on a temporary file next to ``path`` and move it into place.

    The data is flushed and fsynced, then ``verify(temporary path)`` (if given) must accept
    it, before ``os.replace`` swaps the names atomically: readers see either the old
    complete file or the new complete file, never a mix, and a file that ``verify`` refuses
    never replaces the old one.  The temporary file is removed on any failure, and ones an
    interrupted save left in the folder long ago are removed too.

    A symbolic link is followed: the file it points to is replaced.  If another save
    replaced the target while this one was writing, :class:`SaveConflict` is raised and
    the other file kept (two saves at once never both report success).  An ``OSError``
    (a full disk) names the target, not the temporary file.
    """
    return atomic_write_all([(path, write, verify)])[0]


def atomic_write_all(
    items: Sequence[tuple[str | os.PathLike[str], Writer, Verifier | None]],
) -> list[Path]:
    """:func:`atomic_write` for files that belong together (a script and its weights):
    every one is written and verified before any replaces its target, so a failure (a full
    disk at the second) leaves all the previous files as they were, never a mixed pair."""
    staged: list[tuple[Path, Path, Path, Stamp]] = []  # given, target, temporary, before
    try:
        for path, write, verify in items:
            given = Path(path)
            target = save_target(given)
            folder = target.parent if str(target.parent) else Path(".")
            remove_stale_temps(folder)
            before = stamp(target)
            try:
                fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
            except OSError as e:
                raise _naming(e, given) from None
            temp = Path(name)
            staged.append((given, target, temp, before))
            try:
                with os.fdopen(fd, "wb") as f:
                    write(f)
                    f.flush()
                    os.fsync(f.fileno())
                if verify is not None:
                    verify(temp)
                os.chmod(temp, _mode_for(target))
            except OSError as e:
                raise _naming(e, given) from None
        folders = sorted({t.parent for _, t, _, _ in staged}, key=str)
        with contextlib.ExitStack() as locks:  # no other save between check and rename
            for folder in folders:
                locks.enter_context(_folder_lock(folder))
            for given, target, _, before in staged:
                if stamp(target) != before:
                    raise SaveConflict(
                        f"{given.name} was not saved: another program saved it while this "
                        "one was writing (its file is kept)")
            for given, target, temp, _ in staged:
                try:
                    os.replace(temp, target)
                except OSError as e:
                    raise _naming(e, given) from None
    except BaseException:
        for _, _, temp, _ in staged:
            try:
                os.unlink(temp)
            except OSError:
                pass
        raise
    for folder in {t.parent for _, t, _, _ in staged}:
        _fsync_dir(folder)
    return [given for given, _, _, _ in staged]


def _naming(e: OSError, path: Path) -> OSError:
    """``e`` about the target (``path``), so the message names the file being saved."""
    named = OSError(e.errno, e.strerror or str(e), str(path))
    return named if e.errno is not None else e


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` among our saves (POSIX ``flock``; elsewhere, or on
    a file system without locks, none)."""
    try:
        import fcntl

        fd = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass
        yield
    finally:
        os.close(fd)  # releases the lock


def reads_back(
    target: str | os.PathLike[str], read: Callable[[Path], object]
) -> Callable[[Path], None]:
    """A ``verify`` for :func:`atomic_write`: ``read(temporary path)`` must succeed, else
    the save is refused with :class:`SaveRefused` saying why."""

    def verify(tmp: Path) -> None:
        try:
            read(tmp)
        except Exception as e:
            message = str(e).removeprefix(f"{tmp.name}: ")
            raise SaveRefused(
                tr("{name} was not saved: the written file would not reopen ({reason}); the "
                   "previous file is unchanged").format(name=Path(target).name, reason=message)
            ) from None

    return verify


def atomic_write_bytes(
    path: str | os.PathLike[str],
    chunks: Iterable[bytes],
    verify: Callable[[Path], None] | None = None,
) -> Path:
    def write(f: IO[bytes]) -> None:
        for chunk in chunks:
            f.write(chunk)

    return atomic_write(path, write, verify)


def is_temp_name(name: str) -> bool:
    """Whether ``name`` is one of our temporary files (see ``TEMP_PREFIX``)."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def remove_stale_temps(
    folder: str | os.PathLike[str], max_age: float = STALE_TEMP_SECONDS
) -> None:
    """Remove our temporary files in ``folder`` older than ``max_age`` seconds: left by a
    save that was killed or lost its power, since younger ones may belong to a save in
    progress (of this or another window)."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime >= max_age:
                os.unlink(entry.path)
        except OSError:
            pass


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Refuse, before any long work, a target that cannot be saved: a missing folder, a
    folder as target, or a folder where no file can be created (tried, not guessed, so
    read-only mounts and permissions are seen as they are)."""
    given, path = Path(path), save_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise cannot_save(path, tr("the folder {folder} does not exist").format(folder=folder))
    if path.is_dir():
        raise cannot_save(path, tr("it is a folder"))
    if path.exists() and not path.is_file():
        raise cannot_save(path, tr("it is not a regular file"))
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as e:
        raise cannot_save(path, reason(e)) from None
    os.close(fd)
    os.unlink(tmp)
    return given


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
