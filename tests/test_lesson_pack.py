"""A teacher's lessons (folder or .zip): the sample pack reads with its setups, links and
picture, and hostile packs are refused whole, saying which file and why."""

from __future__ import annotations

import os
import shutil
import stat
import struct
import zipfile
from pathlib import Path

import pytest

from rnn_sandbox import lesson_pack
from rnn_sandbox.lesson_pack import PackError, read_pack
from rnn_sandbox.setup_line import parse_setup_line

SAMPLE = Path(__file__).resolve().parents[1] / "docs" / "lesson-pack-sample"
PNG = (SAMPLE / "memory.png").read_bytes()
LESSON = "# A lesson\n\n[An LSTM](setup:long_memory;cell=lstm;hidden=8)\n"


def _zip(path: Path, members: dict[str, bytes | str], **kw) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data, **kw)
    return path


def _folder(path: Path, members: dict[str, bytes | str]) -> Path:
    for name, data in members.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _refused(path: Path, *fragments: str) -> str:
    with pytest.raises(PackError) as e:
        read_pack(path)
    message = str(e.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_the_sample_pack_reads_as_a_folder_a_lesson_of_it_and_a_zip(tmp_path):
    folder = read_pack(SAMPLE)
    assert read_pack(SAMPLE / "02_gates.md").lessons == folder.lessons
    zipped = _zip(tmp_path / "sample.zip", {
        f"lesson-pack-sample/{p.name}": p.read_bytes() for p in SAMPLE.iterdir()})
    assert [le.text() for le in read_pack(zipped).lessons] == [le.text() for le in
                                                                folder.lessons]
    first, second = folder.lessons
    assert first.title == "How far back can a network remember?"
    assert first.id == "lesson-pack-sample/01_how_long.md" and first.pack == folder.name
    assert [s.label for s in first.setups] == [
        "A simple RNN over 10 steps", "The same network over 30 steps",
        "An LSTM over 30 steps"]
    short = first.preset()  # the first setup link is the preset
    assert (short.task.seq_len, short.network.cell) == (10, "rnn")
    assert first.preset(first.setups[2].id).to_dict() == parse_setup_line(
        "long_memory;cell=lstm;hidden=16").to_dict()
    assert first.images == {"memory.png": PNG}
    assert ("lesson", second.id) in first.links(folder.lessons)
    assert second.preset(second.setups[2].id).network.output_size == 4


@pytest.mark.parametrize("members,fragments", [
    ({"01.md": "# x\n<script>alert(1)</script>\n"}, ("01.md, line 2", "without HTML")),
    ({"01.md": "# x\n\nsee <img src=http://evil/x.png>"}, ("line 3", "HTML")),
    ({"01.md": "# x\n![tracker](https://evil.example/p.png)"}, ("from elsewhere",)),
    ({"01.md": "# x\n![t][r]\n\n[r]: //evil.example/p.png"}, ("from elsewhere",)),
    ({"01.md": "# x\n![t](../../secret.png)"}, ("outside the pack",)),
    ({"01.md": "# x\n![t](/etc/a.png)"}, ("outside the pack",)),
    ({"01.md": "# x\n![t](missing.png)"}, ("not in the pack",)),
    ({"01.md": "# x\n![t](fake.png)", "fake.png": b"<svg onload=alert(1)>"},
     ("not the picture",)),
    ({"01.md": "# x\n[go](setup:long_memory;hidden=lots)"}, ("01.md", "hidden")),
    ({"01.md": "# x\n[go](setup:no_such_task)"}, ("no task 'no_such_task'",)),
    ({"01.md": b"# caf\xe9 in Latin-1\n"}, ("01.md is not UTF-8",)),
    ({"01.md": "# x", "run.js": "alert(1)"}, ("run.js", "only lessons")),
    ({"01.md": "# x", "page.html": "<p>"}, ("page.html",)),
    ({"notes.txt": "hello"}, ("notes.txt",)),
    ({"01.md": "x" * (lesson_pack.MAX_LESSON_BYTES + 1)},
     (f"at most {lesson_pack.MAX_LESSON_BYTES}",)),
])
def test_a_hostile_folder_or_zip_is_refused_saying_why(tmp_path, members, fragments):
    _refused(_folder(tmp_path / "folder", members), *fragments)
    _refused(_zip(tmp_path / "pack.zip", members), *fragments)


def test_a_refusal_is_said_in_the_language_in_use(tmp_path):
    from rnn_sandbox import language

    try:
        language.use("ja")
        _refused(_folder(tmp_path / "folder", {"01.md": LESSON, "notes.txt": "hello"}),
                 "'notes.txt' はレッスンでも画像でもありません: パックに入れられるのは"
                 "レッスン（.md）と画像（.png、.jpg、.gif）だけです")
    finally:
        language.use("en")


def test_code_may_show_markup_and_links_may_go_to_the_web(tmp_path):
    text = ("# Code\n\n```html\n<script>shown, not run</script>\n```\n\nInline `<b>` and "
            "<https://example.org> and [a page](https://example.org) and x < y.\n")
    (lesson,) = read_pack(_folder(tmp_path / "p", {"01.md": text})).lessons
    assert lesson.setups == () and lesson.title == "Code"


def test_zip_bombs_traversal_links_and_too_many_files_are_refused(tmp_path):
    # A bomb: a few kB that would inflate to more than a lesson may hold.
    _refused(_zip(tmp_path / "bomb.zip", {"01.md": "a" * (50 * 2**20)}), "declares")
    # An entry that declares less than it holds inflates no further, and is refused.
    data = bytearray((_zip(tmp_path / "lie.zip", {"01.md": "a" * 10**6})).read_bytes())
    struct.pack_into("<I", data, 22, 100)  # the local header's size
    struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, 100)  # the directory's
    (tmp_path / "lie.zip").write_bytes(bytes(data))
    _refused(tmp_path / "lie.zip", "lie.zip is damaged")
    # Many small entries each within bounds, more than a pack holds in all.
    many = {f"{i:03}.png": PNG for i in range(lesson_pack.MAX_FILES + 1)}
    _refused(_zip(tmp_path / "many.zip", {"01.md": LESSON, **many}), "at most")
    _refused(_folder(tmp_path / "many", {"01.md": LESSON, **many}), "more than")
    for name in ("../evil.md", "/abs.md", "a/../../evil.md", "C:/x.md", "a\\b.md"):
        _refused(_zip(tmp_path / "t.zip", {"01.md": LESSON, name: LESSON}), "outside")
    # A symbolic link stored in a zip, and one in a folder.
    info = zipfile.ZipInfo("02.md")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(tmp_path / "link.zip", "w") as zf:
        zf.writestr("01.md", LESSON)
        zf.writestr(info, "/etc/passwd")
    _refused(tmp_path / "link.zip", "02.md", "is a link")
    folder = _folder(tmp_path / "linked", {"01.md": LESSON})
    os.symlink("/etc/hostname", folder / "02.md")
    _refused(folder, "02.md", "is a link")
    (folder / "02.md").unlink()
    os.symlink(tmp_path, folder / "up")
    _refused(folder, "up", "is a link")
    # Too deep, a huge zip, something that is not a zip, no lessons at all.
    _refused(_folder(tmp_path / "deep", {"a/b/c/d/01.md": LESSON}), "deep")
    huge = tmp_path / "huge.zip"
    with huge.open("wb") as f:
        f.truncate(lesson_pack.MAX_PACK_BYTES + 1)
    _refused(huge, "too large")
    (tmp_path / "fake.zip").write_text("not a zip")
    _refused(tmp_path / "fake.zip", "not a zip")
    _refused(_zip(tmp_path / "pictures.zip", {"a.png": PNG}), "no lessons")
    _refused(tmp_path / "missing.zip", "cannot read")


def test_a_zip_from_a_mac_or_of_a_folder_reads_without_its_clutter(tmp_path):
    pack = read_pack(_zip(tmp_path / "course.zip", {
        "course/01_a.md": LESSON, "course/pics/x.png": PNG,
        "course/02_b.md": "# B\n![x](pics/x.png)\n",
        "__MACOSX/course/._01_a.md": b"\x00\x05", "course/.DS_Store": b"\x00"}))
    assert [le.file for le in pack.lessons] == ["01_a.md", "02_b.md"]
    assert pack.lessons[1].images == {"pics/x.png": PNG}
    assert pack.name == "course" and pack.lessons[0].id == "course/01_a.md"
    shutil.rmtree(tmp_path / "course", ignore_errors=True)
