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
    language.use("ja")  # no folder of its own
    assert language.localized("lessons", "01.md") == "# Mappings"
    language.use("pseudo")
    assert language.localized("lessons", "01.md") == "# Mappings"


@pytest.mark.parametrize("code", ["", "../de", "de/x", "Deutsch"])
def test_a_code_that_is_no_language_is_refused(code):
    with pytest.raises(ValueError):
        language.use(code)
    assert language.current() == "en"

