"""The window's language: which one (``--language``, the setting, the system's, English),
the translators that speak it (the program's ``resources/i18n/rnn_sandbox_<code>.qm`` and
Qt's own ``qtbase_<code>.qm`` for the standard dialogs), numbers in its format, a font
that has its characters, and a pseudo-language for tests.

Every visible string of the window is written as ``tr("…")`` (one context for the whole
program, so a phrase is translated once) and extracted by ``scripts/update_translations.py``
into ``resources/i18n/*.ts``; ``docs/translating.md`` tells how a teacher adds a language.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from rnn_sandbox import language
from rnn_sandbox.fields import MAX_INT, Setting, choice_label
from rnn_sandbox.session import Score
from rnn_sandbox.tasks.base import TASK_TYPES, Task, resource_path
from rnn_sandbox.translation import Text, number_marks, pseudo
from rnn_sandbox.ui import words

SOURCE = "en"  # the language the program is written in
PSEUDO = "pseudo"  # every string wrapped and lengthened: finds strings left untranslated
SETTING = "language"  # the QSettings key of the chosen language
# Each language named in itself, as the View → Language menu shows it.
NAMES = {"en": "English", "de": "Deutsch", "ja": "日本語", PSEUDO: "[Þšéúđö]"}
FONT_FILE = "rnn-sandbox-jp.ttf"  # glyphs for Japanese where the system has none
FONT_FAMILY = "RNN Sandbox JP"


def _marks() -> tuple[str, str] | None:
    """The window's decimal point and thousands separator, where they are not English's."""
    loc = QLocale()
    if loc.decimalPoint() == "." and loc.groupSeparator() == ",":
        return None
    return loc.decimalPoint(), loc.groupSeparator()


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; with ``n``, ``%n`` in it is ``n`` and the plural
    form is the one ``n`` asks for (``tr("%n step(s)", n=3)``).  Its ``format`` fills
    ``{name}`` fields, numbers written for the language (it is a
    :class:`~rnn_sandbox.translation.Text`, whose marks :func:`install` hands over)."""
    out = QCoreApplication.translate("", text, disambiguation, n)
    if n >= 0 and "(s)" in out:  # English, which needs no file: "1 step", "2 steps"
        out = out.replace("(s)", "" if n == 1 else "s")
    return Text(out)


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
                  n: int = -1) -> str | None:  # None: not the program's
        # Qt's own strings (context "QShortcut", …) are left to Qt: a null string, not "".
        return pseudo(source) if context == "" else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


words.use(tr)  # the Qt-free parts (the diagram's model, the formulas) speak the same

_installed: list[QTranslator] = []
_current = SOURCE


def current() -> str:
    """The language the translators now installed speak."""
    return _current


def install(code: str, app: QCoreApplication | None = None) -> str:
    """Speak ``code`` from now on: translators for the program and Qt's dialogs, numbers
    formatted for it (``QLocale.setDefault``), lessons and task texts read in it
    (:func:`rnn_sandbox.language.use`) and, for Japanese, a font with its glyphs.
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
    number_marks(_marks)  # the task texts' numbers too
    _current = code
    language.use(code)  # lessons and task texts are read in it too
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


# -- words of the lower layers (settings, tasks), shown in the window ----------------------
# Their English lives in fields.py and tasks/ (no Qt there); scripts/update_translations.py
# extracts them from the objects themselves, and the window translates them where shown.
def setting_label(setting: Setting) -> str:
    """A setting's label ("Hidden size") in the window's language."""
    return tr(setting.label)


def choice_text(value: object) -> str:
    """A choice as the learner reads it ("simple RNN") in the window's language."""
    return tr(choice_label(value)) if isinstance(value, str) else choice_label(value)


def _bound(value: float | None) -> str:
    if value is None:
        return ""
    return number(value) if not float(value).is_integer() else locale().toString(int(value))


def range_text(s: Setting) -> str:
    """The allowed values in words (``1 to 1,024 neurons``), numbers written for the
    language."""
    if s.kind == "choice":
        return ", ".join(choice_text(c) for c in s.choices)
    if s.kind == "bool":
        return tr("on or off")
    unit = tr(s.unit) if s.unit else ""
    lo, hi = s.lo, (None if s.hi == MAX_INT else s.hi)
    if lo is not None and hi is not None and not (s.lo_open or s.hi_open):
        text = tr("{low} to {high}").format(low=_bound(lo), high=_bound(hi))
    elif hi is None and lo is None:
        text = tr("any number")
    elif hi is None:
        text = (tr("above {low}") if s.lo_open else tr("{low} or more")).format(low=_bound(lo))
    else:
        top = (tr("below {high}") if s.hi_open else tr("up to {high}")).format(high=_bound(hi))
        text = top if lo is None else (
            tr("above {low}, {top}") if s.lo_open else tr("from {low}, {top}")).format(
                low=_bound(lo), top=top)
    return tr("{range} {unit}").format(range=text, unit=unit) if unit else text


def setting_tip(s: Setting) -> str:
    """A setting's help with its allowed values and, for a live one, that it applies at
    the next step (``Setting.describe`` in the window's language)."""
    text = tr("{help}; {range}").format(help=tr(s.help), range=range_text(s)) if s.kind in (
        "int", "float") else tr(s.help)
    if s.live:
        text = tr("{help}; can be changed while training and takes effect at the next step"
                  ).format(help=text)
    return text


def task_type(kind: str) -> str:
    """A task type's name ("Many-to-one") in the window's language."""
    return tr(TASK_TYPES.get(kind, kind))


def task_title(task: Task) -> str:
    """A task's title in the window's language (its name when it has none)."""
    return tr(task.title) if task.title else task.name


def task_summary(task: Task) -> str:
    """A task's one-line summary in the window's language."""
    return tr(task.summary) if task.summary else ""


def lower_layer_strings() -> list[str]:
    """Every string of the lower layers the window shows: for the extraction."""
    from rnn_sandbox.fields import CHOICE_LABELS, SECTIONS, SETTINGS
    from rnn_sandbox.tasks import all_tasks

    out: list[str] = [*TASK_TYPES.values(), *CHOICE_LABELS.values(),
                      *(s.title() for s in SECTIONS)]
    for s in SETTINGS:
        out += [s.label, s.help] + ([s.unit] if s.unit else [])
    for t in all_tasks():
        out += [x for x in (t.title, t.summary) if x]
    out += task_words()
    return list(dict.fromkeys(x for x in out if x.strip()))


def size_words(n: float) -> str:
    """Bytes as people read them (``95 MB``, ``1,9 GB``), as ``engine.budget.size_text``
    in the window's language."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            value = n / scale
            return (tr("{value:.2g} {unit}") if value < 10 else tr("{value:,.0f} {unit}")
                    ).format(value=value, unit=unit)
    return tr("%n byte(s)", n=int(n))


# -- scores: a metric beside its baseline (session.Score in the window's language) --------
def metric_word(name: str) -> str:
    """A metric's name ("accuracy") in the window's language."""
    return tr(name)


def baseline_word(name: str) -> str:
    """A baseline's name ``"<rule>: <metric>"`` in the window's language."""
    rule, sep, metric = name.partition(": ")
    return tr("{rule}: {metric}").format(rule=tr(rule), metric=tr(metric)) if sep else tr(name)


def score_short(score: Score) -> str:
    """``accuracy 0.931 (baseline 0.802)``, as ``Score.short`` in the window's language."""
    m, b = score.metric, score.baseline
    if b is None:
        return tr("{metric} {value:.3g}").format(metric=tr(m.name), value=float(m.value))
    return tr("{metric} {value:.3g} (baseline {baseline:.3g})").format(
        metric=tr(m.name), value=float(m.value), baseline=float(b.value))


def score_text(score: Score) -> str:
    """``val accuracy 0.931 (higher is better) · baseline "always O" 0.802 · better by
    0.129``, as ``Score.text`` in the window's language."""
    return score.words(tr)


def epoch_words(step: int, epoch: int, planned: int) -> str:
    """``epoch 3 of 20`` or ``epoch 25 (past the 20 set)``, as ``session.epoch_text``."""
    current = epoch + 1 if step else 0  # the trainer counts from 0
    if current > planned:
        return tr("epoch {current} (past the {planned} set)").format(current=current,
                                                                     planned=planned)
    return tr("epoch {current} of {planned}").format(current=current, planned=planned)


# The weather task names its rule per data set: the better of these two.
WEATHER_RULES = [QT_TR_NOOP("persistence"), QT_TR_NOOP("same as yesterday")]


def task_words() -> list[str]:
    """Metric names and baseline rules the tasks use (read from their source, since a
    metric is named where it is computed)."""
    from rnn_sandbox.tasks import all_tasks

    words = [t.baseline_rule for t in all_tasks() if t.baseline_rule]
    folder = Path(__file__).resolve().parents[1] / "tasks"
    for path in sorted(folder.glob("*.py")):
        words += re.findall(r'Metric\(\s*"([^"]+)"', path.read_text(encoding="utf-8"))
    return words
