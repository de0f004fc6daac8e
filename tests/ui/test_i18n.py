"""The window's languages: the choice, the translators, every message translated, the
pseudo-language, numbers, and Japanese glyphs drawn rather than boxes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from rnn_sandbox.ui import i18n
from rnn_sandbox.ui.i18n import tr

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["de", "ja"]
FIELDS = re.compile(r"%n|%\d|\{[a-z_0-9]*(?::[^}]*)?\}")


@pytest.fixture
def speak(qapp):
    """Install a language for one test; English again afterwards."""
    yield lambda code: i18n.install(code, qapp)
    i18n.install(i18n.SOURCE, qapp)


def messages(ts: Path) -> list[tuple[str, list[str], str | None]]:
    """(source, translations, type) of each message of a .ts file still in use."""
    out = []
    for m in ET.parse(ts).getroot().iter("message"):
        t = m.find("translation")
        assert t is not None
        kind = t.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in t.findall("numerusform")] or [t.text or ""]
        out.append((m.findtext("source") or "", forms, kind))
    return out


def test_the_shipped_languages_and_the_choice_between_them(tmp_path):
    assert i18n.shipped() == ["en", "de", "ja"]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    fallback = i18n.system_language()
    assert fallback in i18n.shipped()
    assert i18n.chosen(settings) == fallback
    i18n.remember(settings, "ja")
    assert i18n.chosen(settings) == "ja"
    assert i18n.chosen(settings, "de") == "de"  # --language wins over the setting
    assert i18n.chosen(settings, "xx") == "ja"  # one not shipped falls through
    assert i18n.chosen(settings, "pseudo") == "pseudo"


def test_a_language_translates_the_window_qt_dialogs_and_numbers(speak):
    assert tr("&File") == "&File"
    assert tr("%n step(s)/s", n=1) == "1 step/s" and tr("%n step(s)/s", n=3) == "3 steps/s"
    assert speak("de") == "de"
    assert tr("&File") == "&Datei"
    assert tr("%n step(s)/s", n=1) == "1 Schritt/s" and tr("%n step(s)/s", n=3) == "3 Schritte/s"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own
    assert QLocale().toString(0.5) == "0,5" and i18n.number(1234.5, 1) == "1.234,5"
    speak("ja")
    assert tr("&File") == "ファイル(&F)"
    assert tr("%n step(s)/s", n=3) == "3 ステップ/秒"
    speak("en")
    assert tr("&File") == "&File" and QLocale().toString(0.5) == "0.5"


def test_every_message_of_the_window_is_translated_in_every_shipped_language(tmp_path):
    """The .ts files hold exactly the strings the code has (scripts/update_translations.py
    was run), each translated with the same fields, and the .qm files are compiled from
    them.  Extracting again keeps every finished translation finished: lupdate used to
    mark each German plural unfinished with its first form only."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("update", ROOT / "scripts" /
                                                  "update_translations.py")
    assert spec is not None and spec.loader is not None
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    extracted = tmp_path / "now.ts"
    german = ROOT / "resources" / "i18n" / "rnn_sandbox_de.ts"
    extracted.write_bytes(german.read_bytes())  # a run of the script on the German file
    update.extract(extracted, tmp_path)
    now = messages(extracted)
    in_code = {source for source, _, _ in now}
    assert len(in_code) > 50
    before = {s: (forms, kind) for s, forms, kind in messages(german)}
    plurals = [s for s, (forms, kind) in before.items() if len(forms) == 2 and kind is None]
    assert len(plurals) > 5
    assert all(before[s] == (forms, kind) for s, forms, kind in now if s in plurals)
    for code in SHIPPED:
        ts = ROOT / "resources" / "i18n" / f"rnn_sandbox_{code}.ts"
        found = messages(ts)
        sources = {s for s, _, _ in found}
        assert in_code <= sources, (
            f"{code}: not extracted, run scripts/update_translations.py: "
            f"{sorted(in_code - sources)[:10]}")
        bad = [s for s, forms, kind in found
               if s in in_code and (kind == "unfinished" or not all(f.strip() for f in forms))]
        assert not bad, f"{code}: {len(bad)} untranslated, such as {bad[:10]}"
        for source, forms, _ in found:
            for form in forms:
                assert sorted(FIELDS.findall(form)) == sorted(FIELDS.findall(source)), (
                    f"{code}: the fields of {source!r} differ in {form!r}")
                assert form.count("&") - form.count("&&") <= source.count("&"), form
        qm = ts.with_suffix(".qm")
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, f"{qm.name} is older: --release"


def test_the_ctc_blank_has_one_name_in_each_language():
    """CTC's output that writes nothing is named as the diagram names it in every message,
    in lesson 4 and in the speech task's text, and never by the word for a space (German
    called it "Leerzeichen" in places, the word text generation's baseline uses)."""
    space = {"de": "Leerzeichen", "ja": "スペース"}
    for code in SHIPPED:
        found = messages(ROOT / "resources" / "i18n" / f"rnn_sandbox_{code}.ts")
        name = next(forms[0] for s, forms, _ in found if s == "blank")
        about = [form for s, forms, _ in found for form in forms
                 if re.search(r"\bblank\b", s) and "blank line" not in s]
        assert len(about) >= 4 and all(name in f for f in about), (code, name, about)
        assert all(space[code] not in f for f in about)
        assert any(space[code] in f for s, forms, _ in found for f in forms
                   if s == "always a space")
        for text in (ROOT / "resources" / "lessons" / code / "04_task_types.md",
                     ROOT / "resources" / "tasks" / code / "speech_ctc.md"):
            words = text.read_text(encoding="utf-8")
            assert name in words and space[code] not in words, text


def test_the_pseudo_language_wraps_lengthens_and_keeps_fields_and_markup():
    text = "Saved {runs} to <b>{file}</b> &amp; %n more at 50 %"
    p = i18n.pseudo(text)
    assert p.startswith("[") and p.endswith("]")
    assert sorted(FIELDS.findall(p)) == sorted(FIELDS.findall(text))
    assert "<b>" in p and "</b>" in p and "&amp;" in p
    assert not re.search(r"[A-Za-z]{2,}", FIELDS.sub("", re.sub(r"<[^>]*>|&\w+;", "", p)))
    assert len(i18n.pseudo("Play")) >= len("Play") * 4 // 3
    long = "The loss falls as the network learns"
    assert len(i18n.pseudo(long)) >= len(long) * 4 / 3
    assert i18n.pseudo("") == "" and i18n.pseudo("  ") == "  "


def test_view_language_remembers_the_choice_and_offers_a_restart(speak, make_window, settings):
    """A window started in German shows its lessons and task texts in German too; View →
    Language remembers another language for the next start."""
    speak("de")
    w = make_window()
    lessons = w.lessons
    lessons.show_lesson("mappings")
    shown = lessons.browser.toPlainText()
    assert shown.startswith("1. Netze sind Abbildungen") and "Probier es aus" in shown
    items = lessons.current.try_this()
    assert len(items) == 4 and items[0].startswith("Drück ein paarmal auf **Schritt**")
    assert "Drück ein paarmal auf Schritt" in shown
    assert lessons.lesson_combo.currentText().endswith("1. Netze sind Abbildungen")
    assert lessons.setup_combo.itemText(1) == "Sequenz hinein, Sequenz heraus (Namen markieren)"
    assert lessons.load_btn.text() == "Dieses Setup laden"
    w.task_picker.select("weather")
    assert "Wetterstation: die Temperatur morgen" in w.task_picker.text.toPlainText()
    asked: list[str] = []
    w.confirm = lambda title, text: asked.append(text) or False
    names = {a.data(): a for a in w.commands.language_menu.actions()}
    assert list(names) == ["en", "de", "ja"]
    assert names["de"].isChecked() and names["ja"].text() == "日本語"
    names["ja"].trigger()
    assert settings.value(i18n.SETTING) == "ja"
    assert len(asked) == 1 and "日本語" in asked[0]
    assert w.isVisible()  # the learner said no: the window stays as it is


def _draw(text: str, base: QFont | None = None) -> QImage:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    font = QFont(base) if base is not None else QFont()
    font.setPixelSize(24)
    p.setFont(font)
    p.setPen(QColor("black"))
    p.drawText(4, 30, text)
    p.end()
    return image


def test_japanese_is_drawn_with_glyphs_not_boxes(qapp, tmp_path):
    """Kanji and kana drawn alone in the fonts the window and its exports use (the
    default, the diagram's, a bold one) differ from each other and from the box a missing
    glyph (a private-use character) is drawn as: the font added for Japanese has them.
    The PDF of an export embeds it."""
    from PySide6.QtGui import QPageSize, QPdfWriter

    from rnn_sandbox.ui.diagram import look

    assert i18n.add_japanese_font() == i18n.FONT_FAMILY
    bold = QFont(look.BUTTON_FONT)
    for base in (None, look.LABEL_FONT, bold):
        tofu = _draw("\ue000", base)
        images = [_draw(ch, base) for ch in "学習率ステ"]
        assert len({img.bits().tobytes() for img in images}) == 5
        for img in images:
            assert img != tofu and img != _draw(" ", base)
    pdf = tmp_path / "ja.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    p = QPainter(writer)
    p.setFont(QFont(look.LABEL_FONT))
    p.drawText(100, 100, "学習率を下げる")
    p.end()
    assert b"RNNSandboxJP" in pdf.read_bytes()  # the glyphs came from the program's font


def test_every_character_of_the_japanese_lessons_and_task_texts_is_in_the_bundled_font(qapp):
    """The font is a subset: a character outside it would be a box where the system has no
    Japanese font.  (supportsCharacter takes the code point: given a str it says False.)"""
    from PySide6.QtGui import QRawFont

    font = QRawFont(str(ROOT / "resources" / "fonts" / i18n.FONT_FILE), 12)
    assert font.isValid() and not font.supportsCharacter(0xE000)
    missing: dict[str, list[str]] = {}
    for folder in ("lessons", "tasks"):
        for path in sorted((ROOT / "resources" / folder / "ja").iterdir()):
            for ch in sorted(set(path.read_text(encoding="utf-8"))):
                if not ch.isspace() and not font.supportsCharacter(ord(ch)):
                    missing.setdefault(ch, []).append(path.name)
    assert missing == {}


def test_the_language_option_reaches_the_window(monkeypatch):
    """``rnn-sandbox --language de`` starts the app with the option; the app takes it out
    of its arguments before Qt and the file list see them."""
    from rnn_sandbox.cli import dispatch
    from rnn_sandbox.ui import app

    seen: list[list[str]] = []
    monkeypatch.setattr(app, "main", lambda argv: seen.append(list(argv)) or 0)
    assert dispatch.main(["--language", "de"]) == 0
    assert seen == [["--language", "de"]]
    assert app.language_option(["prog", "--language", "ja", "run.rnnx"]) == (
        "ja", ["prog", "run.rnnx"])
    assert app.language_option(["prog", "--language=de"]) == ("de", ["prog"])


def test_plot_ticks_follow_the_language(speak):
    """Axis numbers use the language's decimal point, as the window's other numbers do."""
    from rnn_sandbox.ui.plots.base import LogAxis, ShortAxis

    axis, log = ShortAxis("left"), LogAxis("left")
    assert axis.tickStrings([0.5, 1.0], 1, 0.5) == ["0.5", "1.0"]
    speak("de")
    assert axis.tickStrings([0.5, 1.0], 1, 0.5) == ["0,5", "1,0"]
    assert log.logTickStrings([-1.0], 1, 1) == ["0,1"]
