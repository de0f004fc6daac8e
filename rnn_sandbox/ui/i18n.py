"""The window's language: which one (``--language``, the setting, the system's, English),
the translators that speak it (the program's ``resources/i18n/rnn_sandbox_<code>.qm`` and
Qt's own ``qtbase_<code>.qm`` for the standard dialogs), numbers in its format, a font
that has its characters, and a pseudo-language for tests.

Every visible string of the window is written as ``tr("…")`` (one context for the whole
program, so a phrase is translated once) and extracted by ``scripts/update_translations.py``
into ``resources/i18n/*.ts``; ``docs/translating.md`` tells how a teacher adds a language.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from rnn_sandbox.tasks.base import resource_path

SOURCE = "en"  # the language the program is written in
PSEUDO = "pseudo"  # every string wrapped and lengthened: finds strings left untranslated
SETTING = "language"  # the QSettings key of the chosen language
# Each language named in itself, as the View → Language menu shows it.
NAMES = {"en": "English", "de": "Deutsch", "ja": "日本語", PSEUDO: "[Þšéúđö]"}
FONT_FILE = "rnn-sandbox-jp.ttf"  # glyphs for Japanese where the system has none
FONT_FAMILY = "RNN Sandbox JP"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; with ``n``, ``%n`` in it is ``n`` and the plural
    form is the one ``n`` asks for (``tr("%n step(s)", n=3)``)."""
    out = QCoreApplication.translate("", text, disambiguation, n)
    if n >= 0 and "(s)" in out:  # English, which needs no file: "1 step", "2 steps"
        out = out.replace("(s)", "" if n == 1 else "s")
    return out


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for extraction where it is defined (a module-level list, a preset's
    name); it is translated where it is shown, with ``tr(text)``."""
    return text


def folder() -> Path:
    """Where the translations are: ``.ts`` sources and the compiled ``.qm`` files."""
    return resource_path("i18n")


def shipped() -> list[str]:
    """The languages the program speaks, English first, then by code."""
    codes = {p.stem.removeprefix("rnn_sandbox_") for p in folder().glob("rnn_sandbox_*.qm")}
    return [SOURCE, *sorted(codes - {SOURCE})]


def system_language() -> str:
    """The first of the system's preferred languages that is shipped, else English."""
    codes = shipped()
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_").split("_")[0].lower()
        if code in codes:
            return code
    return SOURCE


def chosen(settings: QSettings | None, explicit: str | None = None) -> str:
    """The language to start in: ``explicit`` (``--language``), else the setting, else the
    system's.  One not shipped (a typo, a removed file) falls through to the next."""
    usable = [*shipped(), PSEUDO]
    for code in (explicit, settings.value(SETTING) if settings is not None else None):
        if isinstance(code, str) and code.strip().lower() in usable:
            return code.strip().lower()
    return system_language()


def remember(settings: QSettings, code: str) -> None:
    """``code`` is the language of the next start."""
    settings.setValue(SETTING, code)


class PseudoTranslator(QTranslator):
    """Answers every string of the program with its pseudo-translation (:func:`pseudo`):
    English left in the window is then a string that never went through :func:`tr`."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:  # noqa: D401 - Qt's signature
        return pseudo(source) if context == "" else ""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_installed: list[QTranslator] = []
_current = SOURCE


def current() -> str:
    """The language the translators now installed speak."""
    return _current


def install(code: str, app: QCoreApplication | None = None) -> str:
    """Speak ``code`` from now on: translators for the program and Qt's dialogs, numbers
    formatted for it (``QLocale.setDefault``) and, for Japanese, a font with its glyphs.
    Widgets made before keep their text.  Returns the language installed (English for one
    not shipped)."""
    global _current
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a Qt application")
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if code not in [*shipped(), PSEUDO]:
        code = SOURCE
    if code == PSEUDO:
        _installed.append(PseudoTranslator(app))
    else:
        mine = QTranslator(app)
        if mine.load(str(folder() / f"rnn_sandbox_{code}.qm")):
            _installed.append(mine)
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if code != SOURCE and qt.load(f"qtbase_{code}", qt_folder):
            _installed.append(qt)
    for t in _installed:
        app.installTranslator(t)
    QLocale.setDefault(QLocale(SOURCE if code == PSEUDO else code))
    _current = code
    if code == "ja":
        add_japanese_font()
    return code


def locale() -> QLocale:
    """The locale numbers are written in (that of the language installed)."""
    return QLocale()


def number(value: float, decimals: int = -1) -> str:
    """``value`` written as the window's language writes numbers (``0,5`` in German); with
    ``decimals`` < 0, as short as it takes to be exact."""
    if decimals < 0:
        return QLocale().toString(float(value), "g", QLocale.FloatingPointPrecisionOption
                                  .FloatingPointShortest)
    return QLocale().toString(float(value), "f", decimals)


def add_japanese_font() -> str | None:
    """Make Japanese text render where the system has no Japanese font: the subset of
    IPAexGothic in ``resources/fonts`` joins the fonts Qt falls back on.  A system font
    that has the glyphs is still preferred by Qt's fallback.  Returns the family added, or
    ``None`` when the file is missing."""
    path = resource_path("fonts", FONT_FILE)
    if not path.is_file():
        return None
    if FONT_FAMILY not in QFontDatabase.families():
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            return None
    for family in {QFont().defaultFamily(), QFont().family(), "Sans Serif", "DejaVu Sans"}:
        subs = QFont.substitutes(family)
        if FONT_FAMILY not in subs:
            QFont.insertSubstitution(family, FONT_FAMILY)
    return FONT_FAMILY


# -- the pseudo-language -------------------------------------------------------------------
_ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥíĵķĺɱñöþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÚṼŴẊÝŽ", strict=True))
# Kept as they are: Qt's %1 and %n, Python's {name} fields, HTML tags and entities, and a
# Markdown link's target.
_KEEP = re.compile(r"%(?:n|L?\d)|\{[a-z_0-9]*(?::[^}]*)?\}|<[^>]*>|&[a-z]+;|&#\d+;|\]\([^)]*\)")


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
    pad = "~" * max(1, math.ceil(letters / 3) - 2)
    return f"[{body} {pad}]"
