"""Guided lessons: their texts, the setup each one loads, and the links between them (no Qt).

``resources/lessons/index.json`` lists the lessons in teaching order.  Each lesson has a
Markdown file and one or more *setups*: a task plus overrides of that task's default
settings, e.g. ``{"network": {"hidden_size": 3}}``.  The first setup is the lesson's preset.

Inside a lesson, links name other lessons by file (``06_bptt.md``, so they also work when
the folder is browsed on its own) or by id (``lesson:bptt``); ``setup:<id>`` loads another
setup of the same lesson, and ``setup:<line>`` any setup written as a setup line
(``setup:long_memory;cell=rnn``, see :mod:`rnn_sandbox.setup_line`).  A teacher's own
lessons are read by :mod:`rnn_sandbox.lesson_pack`.  The "Try this" list is the bullet
list under a ``Try this`` heading, so the text and the list never disagree.

A lesson is read in the language in use (:mod:`rnn_sandbox.language`) where it is
translated: ``resources/lessons/<code>/<file>``, the same links and structure in other
words, and ``resources/lessons/<code>/index.json`` with the titles and setup labels.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.language import PSEUDO, SOURCE, current, localized, resource_folder
from rnn_sandbox.setup_line import SetupLineError, parse_setup_line
from rnn_sandbox.tasks import get_task
from rnn_sandbox.tasks.base import read_resource

SECTIONS = ("task", "network", "training")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
# The "Try this" heading in each language a lesson is written in (lower case).
TRY_THIS = ("try this", "probier es aus", "やってみよう")


class LessonError(ValueError):
    """A lesson index or setup that does not fit the program (unknown task or setting)."""


@dataclass(frozen=True)
class Setup:
    """A task and the settings that differ from its defaults: ``overrides`` (the shipped
    lessons' index) or a setup line (``line``: a teacher's lesson's ``setup:`` link)."""

    id: str
    label: str
    task: str
    overrides: dict[str, Any] = field(default_factory=dict)
    line: str = ""

    def config(self) -> ExperimentConfig:
        if self.line:
            try:
                return parse_setup_line(self.line)
            except SetupLineError as e:
                raise LessonError(str(e)) from None
        return build_config(self.task, self.overrides)


@dataclass(frozen=True)
class Lesson:
    id: str
    number: int
    title: str
    file: str
    setups: tuple[Setup, ...]
    # A teacher's lesson (rnn_sandbox.lesson_pack) is held in memory, checked: its text,
    # the pictures it shows (by the name its text uses) and the pack it came from.
    markdown: str | None = None
    images: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    pack: str = ""

    def text(self) -> str:
        """The lesson's Markdown, in the language in use where it is translated
        (``resources/lessons/<code>/<file>``)."""
        if self.markdown is not None:
            return self.markdown
        return localized("lessons", self.file)

    def setup(self, setup_id: str | None = None) -> Setup:
        """The named setup, or the lesson's preset (its first setup)."""
        if setup_id is None:
            return self.setups[0]
        for s in self.setups:
            if s.id == setup_id:
                return s
        raise LessonError(f"lesson '{self.id}' has no setup '{setup_id}'")

    def preset(self, setup_id: str | None = None) -> ExperimentConfig:
        return self.setup(setup_id).config()

    def try_this(self) -> list[str]:
        """The items of the bullet list under the lesson's "Try this" heading."""
        return try_this(self.text())

    def links(self, among: Sequence[Lesson] | None = None) -> list[tuple[str, str]]:
        """``(kind, target)`` for every link in the text that points inside the program
        (a file name names a lesson of ``among``, by default the shipped lessons)."""
        found = []
        for url in _LINK.findall(self.text()):
            link = resolve_link(url, among)
            if link is not None:
                found.append(link)
        return found


def build_config(task: str, overrides: dict[str, Any] | None = None) -> ExperimentConfig:
    """``task``'s default settings with ``overrides`` merged in, checked like a file.

    Unknown sections or keys and wrong types raise :class:`LessonError`; task options are
    merged key by key, so an override names only the options it changes.
    """
    overrides = overrides or {}
    t = get_task(task)
    d = t.default_config().to_dict()
    for section, values in overrides.items():
        if section not in SECTIONS or not isinstance(values, dict):
            raise LessonError(f"setup for '{task}': unknown section '{section}'")
        for key, value in values.items():
            if key not in d[section]:
                raise LessonError(f"setup for '{task}': unknown setting '{section}.{key}'")
            if section == "task" and key == "name":
                raise LessonError("a setup names its task outside the overrides")
            if section == "task" and key == "options":
                d[section][key].update(copy.deepcopy(value))
            else:
                d[section][key] = copy.deepcopy(value)
    try:
        cfg = ExperimentConfig.from_dict(d)
        t.apply_shape(cfg.network, cfg.task)
        cfg.validate()
    except ConfigError as e:
        raise LessonError(f"setup for '{task}': {e}") from None
    return cfg


def try_this(markdown: str) -> list[str]:
    """Bullet items (continuation lines joined) under the first "Try this" heading (in a
    translated lesson, its translation: :data:`TRY_THIS`)."""
    items: list[str] = []
    inside = False
    for line in markdown.splitlines():
        if line.startswith("#"):
            if inside:
                break
            heading = line.lstrip("#").strip().lower()
            inside = any(words in heading for words in TRY_THIS)
            continue
        if not inside:
            continue
        stripped = line.strip()
        if stripped.startswith(("- ", "* ")):
            items.append(stripped[2:].strip())
        elif stripped and items and line.startswith(" "):
            items[-1] += " " + stripped
    return items


def resolve_link(url: str, among: Sequence[Lesson] | None = None) -> tuple[str, str] | None:
    """``("lesson", id)`` or ``("setup", id or setup line)`` for a link inside the program,
    else ``None``; a file name names a lesson of ``among`` (by default the shipped ones)."""
    scheme, colon, rest = url.partition(":")
    if colon and scheme.lower() in ("lesson", "setup"):
        # Everything after the colon: a setup line has ';' and '=', which a URL parser
        # would split off as parameters.
        return scheme.lower(), rest.removeprefix("//")
    parsed = urlsplit(url)
    if parsed.scheme or parsed.netloc:
        return None  # http(s), mailto: for the system browser
    name = parsed.path.rsplit("/", 1)[-1]
    for lesson in load_lessons() if among is None else among:
        if lesson.file == name:
            return "lesson", lesson.id
    return None


def _translated_names(code: str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The titles and setup labels of ``resources/lessons/<code>/index.json``
    (``{"titles": {lesson: …}, "setups": {lesson: {setup: …}}}``): none for English, for
    a language without the file, or from a file that cannot be read (a translation never
    keeps the lessons from opening: what it lacks is shown in English)."""
    path = resource_folder() / "lessons" / code / "index.json"
    if code in (SOURCE, PSEUDO) or not path.is_file():
        return {}, {}
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # ValueError: not UTF-8, not JSON
        return {}, {}
    if not isinstance(names, dict):
        return {}, {}

    def texts(value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            return {}
        return {k: v for k, v in value.items() if isinstance(v, str) and v.strip()}

    setups = names.get("setups")
    labels = {k: t for k, v in setups.items() if (t := texts(v))} if isinstance(
        setups, dict) else {}
    return texts(names.get("titles")), labels


@lru_cache(maxsize=4)
def _load(code: str = SOURCE) -> tuple[Lesson, ...]:
    """The shipped lessons, titled and their setups named in language ``code`` (English
    where a name has no translation)."""
    try:
        index = json.loads(read_resource("lessons", "index.json"))
    except (OSError, json.JSONDecodeError) as e:
        raise LessonError(f"the lesson index cannot be read: {e}") from None
    titles, labels_of = _translated_names(code)
    lessons = []
    for number, entry in enumerate(index["lessons"], start=1):
        labels = labels_of.get(entry["id"], {})
        setups = tuple(
            Setup(s["id"], labels.get(s["id"], s["label"]), s["task"], s.get("overrides", {}))
            for s in entry["setups"]
        )
        if not setups:
            raise LessonError(f"lesson '{entry['id']}' has no setup")
        title = titles.get(entry["id"], entry["title"])
        lessons.append(Lesson(entry["id"], number, title, entry["file"], setups))
    if len({le.id for le in lessons}) != len(lessons):
        raise LessonError("two lessons share an id")
    return tuple(lessons)


def _lessons() -> tuple[Lesson, ...]:
    return _load(current())


def load_lessons() -> list[Lesson]:
    """All lessons in teaching order, titled in the language in use."""
    return list(_lessons())


def get_lesson(lesson_id: str) -> Lesson:
    for lesson in _lessons():
        if lesson.id == lesson_id:
            return lesson
    known = ", ".join(le.id for le in _lessons())
    raise LessonError(f"there is no lesson '{lesson_id}' (lessons: {known})")


def neighbours(lesson_id: str) -> tuple[Lesson | None, Lesson | None]:
    """The lessons before and after ``lesson_id`` (``None`` at either end)."""
    lessons = _lessons()
    i = [le.id for le in lessons].index(get_lesson(lesson_id).id)
    return (lessons[i - 1] if i > 0 else None,
            lessons[i + 1] if i + 1 < len(lessons) else None)
