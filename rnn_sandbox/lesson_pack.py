"""A teacher's own lessons: a folder or one ``.zip`` of Markdown lessons (no Qt).

A lesson is a Markdown file like the shipped ones; its title is its first ``#`` heading and
its setups are its ``setup:`` links, each carrying a setup line
(``[An LSTM](setup:long_memory;cell=lstm)``, see :mod:`rnn_sandbox.setup_line`), labelled
by the link's text, the first one its preset.  Lessons are taken in the order of their
file names (``01_intro.md``, ``02_memory.md``); pictures (PNG, JPEG, GIF) may sit beside
them.  ``docs/teachers.md`` describes the format for teachers.

A pack comes from anywhere, so it is read as carefully as an experiment file, and all of
it is checked before anything is returned: sizes and counts are capped, links and zip
entries that lead elsewhere, HTML and remote pictures are refused, every text must be
UTF-8 and every setup line must read.  What is refused raises :class:`PackError` saying
which file and why, so a bad pack changes nothing.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rnn_sandbox.files import FileError, open_regular, read_regular_file, reason
from rnn_sandbox.io.safe_zip import check_entries, open_zip, read_entry
from rnn_sandbox.lessons import Lesson, LessonError, Setup, resolve_link
from rnn_sandbox.setup_line import SetupLineError, parse_setup_line, setup_line
from rnn_sandbox.translation import QT_TR_NOOP, tr
from rnn_sandbox.wording import printable

MAX_FILES = 200  # files in a pack (lessons and pictures)
MAX_LESSONS = 100
MAX_LESSON_BYTES = 256 * 1024  # a lesson's Markdown; the shipped ones are under 10 kB
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_PACK_BYTES = 20 * 1024 * 1024  # everything in a pack, unpacked
MAX_DEPTH = 3  # folders inside a pack
MAX_NAME = 200
LESSON_SUFFIX = ".md"
# A picture's first bytes, by the suffix it is named with (SVG can hold scripts: none).
IMAGES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",),
          ".jpeg": (b"\xff\xd8\xff",), ".gif": (b"GIF87a", b"GIF89a")}
KINDS = QT_TR_NOOP("lessons (.md) and pictures (.png, .jpg, .gif)")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>")
_HTML = re.compile(r"<(?:/?[A-Za-z]|[!?])")
_INLINE_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]*)")
_REF_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?:\[([^\]]*)\])?(?!\()")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)", re.MULTILINE)
_SETUP_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(\s*<?(setup:[^)\s>]+)>?")


class PackError(LessonError):
    """A lesson pack that cannot be opened; the message says which file and why."""


@dataclass(frozen=True)
class LessonPack:
    """The checked lessons of one folder or zip, in order; ``name``: the folder's or the
    zip's name, which the lessons' ids start with."""

    name: str
    path: Path
    lessons: tuple[Lesson, ...]


def read_pack(path: str | os.PathLike[str]) -> LessonPack:
    """The lessons of the folder or ``.zip`` at ``path`` (a lesson file stands for its
    folder), all checked; raises :class:`PackError` saying why not."""
    path = Path(os.path.abspath(path))  # remembered to open again at the next start
    try:
        if path.is_file() and path.suffix.lower() == LESSON_SUFFIX:
            path = path.parent
        if path.is_dir():
            name, members = path.name, _folder_members(path)
        elif path.suffix.lower() == ".zip":
            name, members = path.stem, _zip_members(path)
        else:
            raise PackError(tr("{file}: lessons come as a folder of .md files or one .zip of "
                               "them").format(file=path.name))
    except FileError as e:
        raise PackError(str(e)) from None
    except OSError as e:  # a file that went away or cannot be opened while being read
        raise PackError(tr("cannot read {path}: {reason}").format(
            path=e.filename or path, reason=reason(e))) from None
    name = printable(name or "lessons")[:60]
    return LessonPack(name, path, _lessons(members, name))


# -- the files of a pack ---------------------------------------------------------------------
def _limit(rel: str) -> int | None:
    """The most bytes a member named ``rel`` may hold, or ``None``: not a kind a pack
    holds."""
    suffix = posixpath.splitext(rel)[1].lower()
    if suffix == LESSON_SUFFIX:
        return MAX_LESSON_BYTES
    return MAX_IMAGE_BYTES if suffix in IMAGES else None


def _skipped(rel: str) -> bool:
    """Hidden files and folders (.DS_Store, .git) and a Mac's __MACOSX folder: not read."""
    return any(p.startswith(".") and p not in (".", "..") or p == "__MACOSX"
               for p in rel.split("/"))


def _check_name(rel: str, is_dir: bool = False) -> None:
    shown = printable(rel)[:80]
    if len(rel) > MAX_NAME:
        raise PackError(tr("the name '{name}…' is too long").format(name=shown))
    if "\\" in rel or rel.startswith("/") or re.match(r"[A-Za-z]:", rel):
        raise PackError(tr("'{name}' is a path outside the pack").format(name=shown))
    parts = rel.split("/")
    if any(p in ("..", ".") for p in parts) or "" in parts:
        raise PackError(tr("'{name}' is a path outside the pack").format(name=shown))
    if any(not c.isprintable() for c in rel):
        raise PackError(tr("the name '{name}' has control characters").format(name=shown))
    if len(parts) - (0 if is_dir else 1) > MAX_DEPTH:
        raise PackError(tr("'{name}' lies more than {depth} folders deep").format(
            name=shown, depth=MAX_DEPTH))
    if not is_dir and _limit(rel) is None:
        raise PackError(tr("'{name}' is not a lesson or a picture: a pack holds only {kinds}"
                           ).format(name=shown, kinds=tr(KINDS)))


def _add(members: dict[str, bytes], rel: str, data: bytes, total: int) -> int:
    total += len(data)
    if total > MAX_PACK_BYTES:
        raise PackError(tr("the pack holds more than {size} MB").format(
            size=MAX_PACK_BYTES // 2**20))
    members[rel] = data
    return total


def _folder_members(root: Path) -> dict[str, bytes]:
    """Every lesson and picture under ``root``, read; links are refused (they may lead
    anywhere), and so is a folder with more files than a pack holds."""
    members: dict[str, bytes] = {}
    total = count = 0

    def refuse(e: OSError) -> None:
        raise PackError(tr("cannot read {path}: {reason}").format(path=e.filename,
                                                                  reason=reason(e)))

    for folder, dirs, files in os.walk(root, onerror=refuse):
        here = Path(folder).relative_to(root).as_posix()
        prefix = "" if here == "." else here + "/"
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        for name in sorted(dirs) + sorted(f for f in files if not _skipped(f)):
            rel = prefix + name
            full = os.path.join(folder, name)
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                raise PackError(tr("'{name}' is a link: a pack holds its files themselves"
                                   ).format(name=printable(rel)))
            is_dir = stat.S_ISDIR(st.st_mode)
            _check_name(rel, is_dir)
            if is_dir:
                continue
            count += 1
            if count > MAX_FILES:
                raise PackError(tr("the folder holds more than {most} files: is it a folder "
                                   "of lessons?").format(most=MAX_FILES))
            limit = _limit(rel)
            assert limit is not None  # _check_name refused the rest
            total = _add(members, rel, read_regular_file(full, limit), total)
    return members


def _zip_members(path: Path) -> dict[str, bytes]:
    """Every lesson and picture of the zip at ``path``: names, kinds and declared sizes
    checked before a byte is inflated, and never more inflated than declared."""
    try:
        return _unzip(path)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
            RuntimeError) as e:  # an entry that lies about its size, bad data, …
        raise PackError(tr("{file} is damaged ({detail})").format(file=path.name, detail=e)
                        ) from None


def _unzip(path: Path) -> dict[str, bytes]:
    with open_regular(path, MAX_PACK_BYTES) as f, open_zip(f, "a lesson pack") as zf:
        infos = zf.infolist()
        if len(infos) > 2 * MAX_FILES:
            raise PackError(tr("the pack has {entries} entries (at most {most} files)").format(
                entries=len(infos), most=MAX_FILES))
        for info in infos:
            if stat.S_ISLNK(info.external_attr >> 16):
                raise PackError(tr("'{name}' is a link: a pack holds its files themselves"
                                   ).format(name=printable(info.filename)[:80]))
            if not _skipped(info.filename):
                _check_name(info.filename.removesuffix("/"), info.is_dir())
        entries = check_entries(
            zf, lambda n: 0 if n.endswith("/") else (_limit(n) or MAX_IMAGE_BYTES),
            MAX_PACK_BYTES, 2 * MAX_FILES, "the lesson pack")
        files = [n for n, i in entries.items() if not i.is_dir() and not _skipped(n)]
        if len(files) > MAX_FILES:
            raise PackError(tr("the pack holds {count} files (at most {most})").format(
                count=len(files), most=MAX_FILES))
        # A zip of a folder holds its files under the folder's name.
        top = {n.split("/", 1)[0] for n in files}
        strip = len(top) == 1 and all("/" in n for n in files)
        members: dict[str, bytes] = {}
        total = 0
        for n in files:
            rel = n.split("/", 1)[1] if strip else n
            total = _add(members, rel, read_entry(zf, entries[n]), total)
    return members


# -- the lessons -----------------------------------------------------------------------------
def _lessons(members: dict[str, bytes], pack: str) -> tuple[Lesson, ...]:
    files = sorted(n for n in members if n.lower().endswith(LESSON_SUFFIX))
    if not files:
        raise PackError(tr("the pack holds no lessons: a lesson is a Markdown file (.md); a "
                           "pack holds only {kinds}").format(kinds=tr(KINDS)))
    if len(files) > MAX_LESSONS:
        raise PackError(tr("the pack holds {count} lessons (at most {most})").format(
            count=len(files), most=MAX_LESSONS))
    images = {n: data for n, data in members.items() if n not in files}
    for name, data in images.items():
        if not data.startswith(IMAGES[posixpath.splitext(name)[1].lower()]):
            raise PackError(tr("'{name}' is not the picture its name says").format(
                name=printable(name)))
    lessons = []
    for number, file in enumerate(files, start=1):
        try:
            text = members[file].decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise PackError(tr("{file} is not UTF-8 text (byte {byte} cannot be read); save it "
                               "as UTF-8").format(file=printable(file), byte=e.start)) from None
        lessons.append(_lesson(pack, file, text, images, number))
    return tuple(lessons)


def _lesson(pack: str, file: str, text: str, images: dict[str, bytes],
            number: int) -> Lesson:
    where = printable(file)
    if "\x00" in text:
        raise PackError(tr("{file} is not text (it holds NUL characters)").format(file=where))
    prose = _prose(text)
    html = _HTML.search(prose)
    if html:
        row = prose.count("\n", 0, html.start()) + 1
        raise PackError(tr("{file}, line {row}: lessons are Markdown without HTML (found "
                           "'{found}…'); write a lone < as &lt;").format(
            file=where, row=row, found=printable(prose[html.start():html.start() + 12])))
    shown = {dest: _picture(where, file, dest, images) for dest in _image_targets(prose)}
    setups: list[Setup] = []
    for label, url in _SETUP_LINK.findall(prose):
        link = resolve_link(url, ())
        assert link is not None  # a setup: link
        try:
            cfg = parse_setup_line(link[1])
        except SetupLineError as e:
            raise PackError(tr("{file}: the setup link '{link}' cannot be read: {reason}").format(
                file=where, link=printable(url)[:60], reason=e)) from None
        line = setup_line(cfg)
        if all(s.id != line for s in setups):
            setups.append(Setup(line, printable(label.strip()) or line, cfg.task.name,
                                line=line))
    title = next((ln[2:].strip() for ln in text.splitlines() if ln.startswith("# ")), "")
    title = printable(title or posixpath.splitext(posixpath.basename(file))[0])[:120]
    return Lesson(f"{pack}/{file}", number, title, file, tuple(setups), markdown=text,
                  images=shown, pack=pack)


def _prose(text: str) -> str:
    """The text outside code (fenced blocks and code spans blank), lines kept in place:
    code shows what it says, so only the rest can be markup."""
    out, fence = [], ""
    for line in text.splitlines():
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            out.append("")
        elif m:
            fence = m.group(1)
            out.append("")
        else:
            out.append(_AUTOLINK.sub("", _CODE_SPAN.sub("", line)))
    return "\n".join(out)


def _image_targets(prose: str) -> set[str]:
    """Where every picture of the text comes from, as written (inline and by reference)."""
    targets = {m.strip("<>") for m in _INLINE_IMAGE.findall(prose)}
    defs = {label.strip().lower(): dest.strip("<>") for label, dest in _REF_DEF.findall(prose)}
    for alt, ref in _REF_IMAGE.findall(prose):
        dest = defs.get((ref or alt).strip().lower())
        if dest is not None:
            targets.add(dest)
    return targets


def _picture(where: str, file: str, dest: str, images: dict[str, bytes]) -> bytes:
    """The bytes of the pack's picture ``dest`` (as the lesson ``file`` names it)."""
    shown = printable(dest)[:80]
    parts = urlsplit(dest)
    if parts.scheme or parts.netloc or dest.startswith("//"):
        raise PackError(tr("{file} shows a picture from elsewhere ({picture}): pictures must be "
                           "files in the pack").format(file=where, picture=shown))
    target = posixpath.normpath(posixpath.join(posixpath.dirname(file), unquote(parts.path)))
    if unquote(parts.path).startswith("/") or target == ".." or target.startswith("../"):
        raise PackError(tr("{file} shows a picture outside the pack ({picture})").format(
            file=where, picture=shown))
    if target not in images:
        raise PackError(tr("{file} shows the picture '{picture}', which is not in the pack"
                           ).format(file=where, picture=shown))
    return images[target]
