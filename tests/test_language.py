"""The program's language without Qt: chosen from the system's variables, and texts read
in it, English where there is no translation."""

import pytest

from rnn_sandbox import language


def test_the_system_language_is_the_first_shipped_one_named():
    assert language.from_system({}) == "en"
    assert language.from_system({"LANG": "de_DE.UTF-8"}) == "de"
    # LANGUAGE is a list of preferences: the first shipped one wins over LANG.
    assert language.from_system({"LANGUAGE": "fr_FR:ja_JP:de", "LANG": "de_DE.UTF-8"}) == "ja"
    assert language.from_system({"LC_ALL": "C", "LC_MESSAGES": "ja_JP.eucJP",
                                 "LANG": "de_AT"}) == "ja"
    assert language.from_system({"LANG": "pt_BR.UTF-8"}) == "en"
    assert language.from_system({"LANGUAGE": "de-CH", "LANG": "C.UTF-8"}) == "de"


def test_a_text_is_read_in_the_language_in_use_else_in_english(tmp_path, monkeypatch):
    monkeypatch.setattr(language, "resource_folder", lambda: tmp_path)
    (tmp_path / "lessons" / "de").mkdir(parents=True)
    (tmp_path / "lessons" / "01.md").write_text("# Mappings", encoding="utf-8")
    (tmp_path / "lessons" / "02.md").write_text("# Order", encoding="utf-8")
    (tmp_path / "lessons" / "de" / "01.md").write_text("# Abbildungen", encoding="utf-8")
    assert language.current() == "en"
    assert language.localized("lessons", "01.md") == "# Mappings"
    language.use("de")
    assert language.current() == "de"
    assert language.localized("lessons", "01.md") == "# Abbildungen"
    assert language.localized("lessons", "02.md") == "# Order"  # not translated yet
    (tmp_path / "lessons" / "de" / "02.md").write_bytes(b"# Reihenfolge \xff")  # not UTF-8
    assert language.localized("lessons", "02.md") == "# Order"
    language.use("ja")  # no folder of its own
    assert language.localized("lessons", "01.md") == "# Mappings"
    language.use("pseudo")
    assert language.localized("lessons", "01.md") == "# Mappings"


@pytest.mark.parametrize("code", ["", "../de", "de/x", "Deutsch"])
def test_a_code_that_is_no_language_is_refused(code):
    with pytest.raises(ValueError):
        language.use(code)
    assert language.current() == "en"



# -- the shipped translations ---------------------------------------------------------------
RESOURCES = language.resource_folder()
TRANSLATED = [c for c in language.SHIPPED if c != language.SOURCE]


def _english(folder: str) -> list[str]:
    return sorted(p.name for p in (RESOURCES / folder).glob("*.md"))


def _shape(markdown: str) -> tuple[list[str], list[str], int]:
    """What a translation keeps: every link target (pictures too), the heading levels, and
    the code fences."""
    from rnn_sandbox.lessons import _LINK

    lines = markdown.splitlines()
    levels = [line.split(" ")[0] for line in lines if line.startswith("#")]
    return sorted(_LINK.findall(markdown)), levels, sum(ln.startswith("```") for ln in lines)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_lesson_and_task_text_is_translated_with_its_links_and_structure(code):
    from rnn_sandbox.lessons import try_this

    for folder in ("lessons", "tasks"):
        english = _english(folder)
        assert english, folder
        assert sorted(p.name for p in (RESOURCES / folder / code).glob("*.md")) == english
        for name in english:
            source = (RESOURCES / folder / name).read_text(encoding="utf-8")
            translated = (RESOURCES / folder / code / name).read_text(encoding="utf-8")
            assert translated != source, f"{code}/{name} is the English text"
            assert _shape(translated) == _shape(source), f"{code}/{name}"
            if folder == "lessons":
                items = try_this(translated)
                assert items and len(items) == len(try_this(source)), f"{code}/{name}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_lesson_and_setup_has_a_translated_title_and_label(code):
    import json

    from rnn_sandbox.lessons import load_lessons

    english = load_lessons()
    names = json.loads((RESOURCES / "lessons" / code / "index.json").read_text("utf-8"))
    assert set(names["titles"]) == {le.id for le in english}
    assert set(names["setups"]) == {le.id for le in english}
    for le in english:
        assert set(names["setups"][le.id]) == {s.id for s in le.setups}, le.id
    language.use(code)
    for le, there in zip(english, load_lessons(), strict=True):
        assert there.title == names["titles"][le.id] != le.title
        assert there.file == le.file and there.preset() == le.preset()
        assert [s.label for s in there.setups] == [names["setups"][le.id][s.id]
                                                   for s in le.setups]
        assert all(s.label.strip() for s in there.setups)


def test_a_lesson_and_a_task_text_are_read_in_the_language_in_use():
    from rnn_sandbox.lessons import get_lesson
    from rnn_sandbox.tasks import get_task

    lesson, task = get_lesson("mappings"), get_task("sine_forecast")
    english, description = lesson.text(), task.description()
    language.use("de")
    assert lesson.text().startswith("# 1. Netze sind Abbildungen")
    assert get_lesson("mappings").try_this()[0].startswith("Drück ein paarmal auf **Schritt**")
    assert task.description().startswith("# Sinuswellen-Prognose")
    language.use("en")
    assert lesson.text() == english and task.description() == description


def test_a_broken_or_partial_translation_of_the_titles_leaves_them_english(tmp_path, monkeypatch):
    from rnn_sandbox import lessons

    monkeypatch.setattr(lessons, "resource_folder", lambda: tmp_path)
    folder = tmp_path / "lessons" / "fr"
    folder.mkdir(parents=True)
    index = folder / "index.json"
    for broken in (b"{", b"\xff\xfe", b"[1]", b'{"titles": 3, "setups": {"order": 4}}'):
        index.write_bytes(broken)
        assert lessons._translated_names("fr") == ({}, {})
    index.write_text('{"titles": {"order": "Pourquoi", "bptt": ""},'
                     ' "setups": {"order": {"order": "Récurrent", "dense_mean": 5}}}',
                     encoding="utf-8")
    assert lessons._translated_names("fr") == ({"order": "Pourquoi"},
                                               {"order": {"order": "Récurrent"}})
