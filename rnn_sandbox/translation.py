"""Messages of the parts without Qt (the command line, the errors of settings and files) in
the program's language (:func:`rnn_sandbox.language.current`).

They are written ``tr("…")`` as the window's are, extracted by
``scripts/update_translations.py`` into the same ``resources/i18n/rnn_sandbox_<code>.ts``
files (one context: a phrase the window and the command line share is translated once),
and read here from that XML without Qt: the compiled ``.qm`` is Qt's format, the ``.ts``
is plain XML any program can read.  A message without a translation stays English.  In the
pseudo-language (the window's test) every message is wrapped and lengthened
(:func:`pseudo`) as the window's are, so English left in a task's text shows there too.

It imports only :mod:`rnn_sandbox.language` (the lowest layer), so every package may use
it; a module-level string is marked ``QT_TR_NOOP("…")`` and translated where it is shown.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from rnn_sandbox import language

MAX_TS_BYTES = 16 * 2**20  # a shipped .ts is about 0.2 MB; anything far larger is not one
Catalogue = dict[tuple[str, str], list[str]]  # (source, disambiguation) → forms

# Which plural form ``n`` takes (Qt's rules for these languages): English and German have
# one and many, Japanese one form for every count, French counts 0 and 1 as one.
_ONE_AND_MANY: Callable[[int], int] = lambda n: 0 if n == 1 else 1  # noqa: E731
PLURAL_RULES: dict[str, Callable[[int], int]] = {
    "en": _ONE_AND_MANY, "de": _ONE_AND_MANY, "nl": _ONE_AND_MANY, "sv": _ONE_AND_MANY,
    "es": _ONE_AND_MANY, "it": _ONE_AND_MANY,
    "fr": lambda n: 0 if n <= 1 else 1, "pt": lambda n: 0 if n <= 1 else 1,
    "ja": lambda n: 0, "zh": lambda n: 0, "ko": lambda n: 0,
}
# What Qt writes: no internal DTD subset, no entity declarations; a file with them is not
# read (an entity could expand without end).
_DECLARATIONS = re.compile(r"<!ENTITY|<!DOCTYPE[^>]*\[")


def ts_path(code: str) -> Path:
    """The translation source of language ``code`` (the window's .qm is compiled from it)."""
    return language.resource_folder() / "i18n" / f"rnn_sandbox_{code}.ts"


def read_ts(path: Path) -> Catalogue:
    """The translations of a ``.ts`` file: each message's forms (one, or one per plural
    form), keyed by its source and disambiguation.  Obsolete messages and empty
    translations are left out, as ``lrelease`` leaves them out of a ``.qm``; a file that
    is missing, too large or not what Qt writes gives no translations."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_TS_BYTES:
            return {}
        text = path.read_bytes().decode("utf-8")
        if _DECLARATIONS.search(text):
            return {}
        root = ET.fromstring(text)
    except (OSError, UnicodeDecodeError, ET.ParseError):
        return {}
    table: Catalogue = {}
    for m in root.iter("message"):
        t = m.find("translation")
        if t is None or t.get("type") in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in t.findall("numerusform")] or [t.text or ""]
        if all(f.strip() for f in forms):
            table[(m.findtext("source") or "", m.findtext("comment") or "")] = forms
    return table


@lru_cache(maxsize=4)
def catalogue(code: str) -> Catalogue:
    """The translations of ``code`` (read once); English and the pseudo-language have none
    here (the pseudo-language is the window's test)."""
    if code in (language.SOURCE, language.PSEUDO):
        return {}
    return read_ts(ts_path(code))


def plural_form(code: str, n: int, forms: int) -> int:
    """The index of the plural form ``n`` takes in language ``code`` (``forms`` of them)."""
    rule = PLURAL_RULES.get(code.split("_")[0], _ONE_AND_MANY)
    return min(max(rule(n), 0), forms - 1)


# Where a number set into a message gets its decimal point and thousands separator: the
# window hands over its locale's (ui/i18n.py: 0,125 in German); without it (the command
# line) numbers stay as Python writes them in every language, so a script reads every
# language's output alike.
Marks = Callable[[], tuple[str, str] | None]
_marks: Marks | None = None


def number_marks(marks: Marks | None) -> None:
    """Take the decimal point and thousands separator from ``marks()`` (``None``: keep
    Python's)."""
    global _marks
    _marks = marks


class _LocaleFormatter(string.Formatter):
    """``str.format`` writing numbers with the marks :func:`number_marks` set: ``{loss:.3f}``
    is ``0,125`` in the window in German."""

    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        marks = _marks() if _marks is not None else None
        if marks is not None and isinstance(value, float | int) and not isinstance(value, bool):
            text = text.translate({ord("."): marks[0], ord(","): marks[1]})
        return text


_FORMATTER = _LocaleFormatter()


def number(value: float, spec: str = "") -> str:
    """``value`` written by ``spec`` (``"+.3f"``, ``".0%"``) as the messages write numbers
    (:func:`number_marks`): for a number set into a sentence as text."""
    return _FORMATTER.format_field(float(value), spec)


class Text(str):
    """A translated message whose :meth:`format` writes numbers as :func:`number_marks`
    says."""

    def format(self, *args: object, **kwargs: object) -> str:
        return _FORMATTER.vformat(str(self), args, kwargs)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the program's language; with ``n``, ``%n`` in it is ``n`` and the plural
    form is the one ``n`` asks for (``tr("%n step(s)", n=3)``).  Fill ``{name}`` fields
    with ``.format`` afterwards: the translation may order them differently."""
    code = language.current()
    forms = catalogue(code).get((text, disambiguation or ""))
    if code == language.PSEUDO:
        out = pseudo(text)
    elif forms is None:
        out, code = text, language.SOURCE
    else:
        out = forms[plural_form(code, n, len(forms)) if n >= 0 else 0]
    if n >= 0:
        out = out.replace("%n", str(n))
        if code == language.SOURCE:  # English needs no file: "1 step", "2 processes"
            out = out.replace("(s)", "" if n == 1 else "s").replace(
                "(es)", "" if n == 1 else "es")
    return Text(out)


def columns(text: str) -> int:
    """The columns ``text`` takes on a terminal: a wide character (kanji, kana) takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns (:func:`columns`), so
    translated labels line up in a fixed-width text whatever their script."""
    return text + " " * max(width - columns(text), 0)


def whole(x: float) -> str:
    """A whole number with thousands grouped by commas in English (``1,024``); without
    grouping in other languages, where a comma may be the decimal point (German)."""
    english = language.current() in (language.SOURCE, language.PSEUDO)
    return f"{x:,.0f}" if english else f"{x:.0f}"


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for extraction where it is defined; translated where it is shown."""
    return text


# -- the pseudo-language -------------------------------------------------------------------
_ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥíĵķĺɱñöþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÚṼŴẊÝŽ", strict=True))
# Kept as they are: Qt's %1 and %n, Python's {name} fields, HTML tags and entities, and a
# Markdown link's target.
_KEEP = re.compile(r"%(?:n|L?\d)|\{[A-Za-z_0-9]*(?::[^}]*)?\}|<[^>]*>|&[a-z]+;|&#\d+;|\]\([^)]*\)")


def pseudo(text: str) -> str:
    """``text`` with its letters accented, wrapped in brackets and lengthened by a third
    (what German often takes), placeholders and markup left intact: ``"Play"`` →
    ``"[Þĺáý ~]"``.  A learner would read it; a test finds the English that escaped."""
    if not text.strip():
        return text
    out: list[str] = []
    pos = 0
    for m in _KEEP.finditer(text):
        out.append("".join(_ACCENTED.get(c, c) for c in text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append("".join(_ACCENTED.get(c, c) for c in text[pos:]))
    body = "".join(out)
    letters = len(_KEEP.sub("", text))
    n = max(1, math.ceil(letters / 3) - 2)
    pad = " ".join("~" * min(5, n - i) for i in range(0, n, 6))  # breaks like words do
    return f"[{body} {pad}]"
