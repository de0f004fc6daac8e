"""Words for messages, by one rule for the window and the command line: counts ("1 step",
"2 steps", "1 process", "3 processes") and text read from a file made safe to show.

It imports nothing of the program, so every package may use it (the lowest layer).
"""

from __future__ import annotations

import unicodedata

# Shown as \x1b, \u202e…: controls (C0, DEL, C1), lone surrogates (which no encoding can
# write), line and paragraph separators, and the marks that reorder text on screen
# (bidirectional overrides and isolates, as in "Trojan source").
_HIDDEN_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}
_BIDI_CONTROLS = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F,
                                                                            0x061C}


def count(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun in the number ``n`` asks for (``many`` defaults to ``one + "s"``)."""
    return f"{n} {one if n == 1 else (many if many is not None else one + 's')}"


def printable(text: object) -> str:
    """``text`` (anything read from a file or given as a path: names, versions, dates,
    option keys) as one line that cannot steer a terminal or a label: control characters
    and lone surrogates are shown as escapes (``\\x1b``, ``\\n``, ``\\ud800``), everything
    else as it is.  Every text that came from a file is printed through this."""
    s = str(text)
    if s.isprintable():  # the usual case, fast: isprintable is False for all we escape
        return s
    return "".join(_escaped(ch) for ch in s)


def printable_lines(text: str) -> str:
    """:func:`printable` for each line of a text that has several (a rendered prediction):
    its line breaks kept, everything else escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _escaped(ch: str) -> str:
    code = ord(ch)
    if unicodedata.category(ch) not in _HIDDEN_CATEGORIES and code not in _BIDI_CONTROLS:
        return ch
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
