"""The command line in the learners' language: every message it can print translated in
each shipped language with the same fields, ``--language`` and the system's language
followed by every command, plurals, errors, and the reader of the ``.ts`` files."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest

from rnn_sandbox import language
from rnn_sandbox.cli import EXIT_OK, EXIT_USAGE, main
from rnn_sandbox.translation import (
    catalogue,
    number,
    number_marks,
    plural_form,
    read_ts,
    tr,
    ts_path,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("de", "ja")
PLURAL_FORMS = {"de": 2, "ja": 1}
# Python's {name} fields, Qt's %n, argparse's %s, %r and %(name)s
FIELDS = re.compile(r"%n|%\(\w+\)[sr]|%[sr]|\{[a-z_0-9]*(?::[^}]*)?\}")


def _script():
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _literal_calls(path: Path) -> list[tuple[str, str]]:
    """(source, disambiguation) of every ``tr("…")`` and ``QT_TR_NOOP("…")`` in a module,
    as lupdate reads them (string literals only)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "QT_TR_NOOP") and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            second = node.args[1] if len(node.args) > 1 else None
            comment = second.value if isinstance(second, ast.Constant) else ""
            found.append((node.args[0].value, comment or ""))
    return found


def messages() -> list[tuple[str, str]]:
    """Every message the command line and the lower layers' errors can print: the
    ``tr("…")`` of their modules, the settings' reasons, and the words of the schema and
    the tasks that ``--help`` and ``tasks`` show."""
    from rnn_sandbox.fields import SETTINGS
    from rnn_sandbox.tasks import TASK_TYPES, all_tasks

    found = [m for f in _script().translated_modules() for m in _literal_calls(f)]
    for s in SETTINGS:
        found += [(x, "") for x in (s.label, s.help, s.unit, s.too_low, s.too_high) if x]
    found += [(x, "") for x in TASK_TYPES.values()]
    found += [(x, "") for t in all_tasks() for x in (t.title, t.summary) if x]
    return list(dict.fromkeys(found))


def test_every_message_of_the_command_line_is_translated_with_the_same_fields():
    found = messages()
    assert len(found) > 250
    assert ("usage: ", "") in found and ("must be a whole number", "") in found
    for code in SHIPPED:
        table = read_ts(ts_path(code))
        missing = [m for m in found if m not in table]
        assert not missing, (f"{code}: not translated (scripts/update_translations.py, then "
                             f"--fill): {missing[:10]}")
        for (source, _), forms in ((m, table[m]) for m in found):
            if "%n" in source:
                assert len(forms) == PLURAL_FORMS[code], (code, source, forms)
            for form in forms:
                assert sorted(FIELDS.findall(form)) == sorted(FIELDS.findall(source)), (
                    f"{code}: the fields of {source!r} differ in {form!r}")


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_language_option_translates_a_command_and_its_help(capsys):
    de = catalogue("de")
    code, out, err = run(capsys, "--language", "de", "tasks")
    assert (code, err) == (EXIT_OK, "")
    title = de[("Many-to-one", "")][0]
    assert title != "Many-to-one" and out.startswith(title + "\n")
    assert de[("Tiny network for BPTT", "")][0] in out and "Tiny network for BPTT" not in out
    assert language.current() == "en"  # main gives the language back when it returns
    code, out, _ = run(capsys, "train", "--help", "--language", "de")  # after the command too
    assert code == EXIT_OK and out.startswith("Aufruf: rnn-sandbox train")
    assert "Optionen:" in out and "kein Fortschrittsbalken" in out
    assert "Verborgene Neuronen pro Schicht und Richtung; 1 bis 1024 Neuronen" in " ".join(
        out.split())  # the setting's help: the window's translation, bounds without a comma


def test_plurals_follow_each_language():
    try:
        assert [tr("%n step(s)", n=k) for k in (1, 3)] == ["1 step", "3 steps"]
        assert [tr("%n process(es)", n=k) for k in (1, 4)] == ["1 process", "4 processes"]
        language.use("de")
        assert [tr("%n step(s)", n=k) for k in (0, 1, 3)] == ["0 Schritte", "1 Schritt",
                                                              "3 Schritte"]
        language.use("ja")
        assert [tr("%n run(s) saved to {file}", n=k).format(file="a.rnns") for k in (1, 2)] == [
            "1 個の実行を a.rnns に保存しました", "2 個の実行を a.rnns に保存しました"]
    finally:
        language.use("en")
    from rnn_sandbox.engine.budget import size_text

    try:
        language.use("de")
        assert (size_text(1), size_text(500), size_text(2.5e6)) == ("1 Byte", "500 Byte",
                                                                    "2.5 MB")
        # The command line writes numbers as Python does in every language (a script reads
        # them alike); the window hands the messages its locale's marks, as German writes.
        assert tr("{x:.3f} s").format(x=0.125) == "0.125 s" and number(0.51, ".0%") == "51%"
        number_marks(lambda: (",", "."))
        assert tr("{x:.3f} s").format(x=0.125) == "0,125 s" and size_text(2.5e6) == "2,5 MB"
        assert number(1234.5, ",.1f") == "1.234,5"
    finally:
        language.use("en")
        number_marks(None)
    assert (plural_form("fr", 0, 2), plural_form("fr", 2, 2), plural_form("de", 0, 2),
            plural_form("xx", 5, 1)) == (0, 1, 1, 0)


def test_errors_in_japanese_a_missing_file_a_bad_value_and_a_bad_option(capsys, tmp_path):
    missing = tmp_path / "missing.rnnx"
    code, out, err = run(capsys, "--language", "ja", "info", missing)
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"エラー: {missing} を読めません: ファイルまたはフォルダがありません\n"
    code, _, err = run(capsys, "--language=ja", "train", "--task", "tiny_bptt", "--hidden", "0")
    assert (code, err) == (EXIT_USAGE,
                           "エラー: network.hidden_size: 隠れニューロンは 1 個以上必要です\n")
    code, _, err = run(capsys, "--language", "ja", "predict")  # argparse's own words
    assert (code, err) == (EXIT_USAGE, "エラー: rnn-sandbox predict: 次の引数が必要です: file\n")
    code, _, err = run(capsys, "--language", "ja", "train", "--setup", "nope;hidden=3")
    assert code == EXIT_USAGE
    assert err.startswith("エラー: --setup: タスク 'nope' はありません（タスク: ")
    foreign = tmp_path / "notes.rnnx"
    foreign.write_text("not a zip")
    code, _, err = run(capsys, "--language", "ja", "info", foreign)
    assert code == EXIT_USAGE
    assert "これは実験ファイルではありません（ZIP 形式ではありません）" in err


def test_the_system_language_is_followed_and_the_option_wins(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de")
    bad = ["train", "--task", "tiny_bptt", "--hidden", "0"]
    assert run(capsys, *bad)[2] == (
        "Fehler: network.hidden_size: mindestens ein verborgenes Neuron\n")
    assert run(capsys, "--language", "en", *bad)[2] == (
        "error: network.hidden_size: at least one hidden neuron\n")
    # a language the program does not have falls through to the system's, as the window's
    assert run(capsys, "--language", "xx", *bad)[2].startswith("Fehler: ")
    assert run(capsys, "--language", "ja-JP", *bad)[2].startswith("エラー: ")
    monkeypatch.setenv("LANGUAGE", "fr:ja")
    assert run(capsys, *bad)[2].startswith("エラー: ")
    monkeypatch.setenv("LANGUAGE", "de")  # a learner's own data file, which is missing
    code, _, err = run(capsys, "train", "--task", "csv_series", "--option",
                       "path=/nowhere/data.csv", "--option", "target=t")
    assert (code, err) == (EXIT_USAGE, "Fehler: CSV-Datei nicht gefunden: /nowhere/data.csv\n")


def test_the_reader_takes_only_what_qt_writes(tmp_path):
    good = tmp_path / "good.ts"
    good.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">'
        "<context><name></name>"
        "<message><source>Play &amp; stop</source><translation>Los &amp; halt</translation>"
        "</message>"
        '<message><source>Gone</source><translation type="vanished">Weg</translation></message>'
        '<message><source>Open</source><translation type="unfinished"></translation></message>'
        '<message numerus="yes"><source>%n step(s)</source><comment>x</comment><translation>'
        "<numerusform>%n Schritt</numerusform><numerusform>%n Schritte</numerusform>"
        "</translation></message></context></TS>", encoding="utf-8")
    assert read_ts(good) == {("Play & stop", ""): ["Los & halt"],
                             ("%n step(s)", "x"): ["%n Schritt", "%n Schritte"]}
    bomb = tmp_path / "bomb.ts"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE TS [<!ENTITY a "aaaaaaaa">]>\n'
                    "<TS><context><message><source>a</source><translation>&a;</translation>"
                    "</message></context></TS>", encoding="utf-8")
    assert read_ts(bomb) == {}
    (tmp_path / "broken.ts").write_text("<TS><context>", encoding="utf-8")
    assert read_ts(tmp_path / "broken.ts") == {} and read_ts(tmp_path / "none.ts") == {}


def _exploding():
    """Settings that diverge at the second step (Adam, ReLU, a huge rate, no clipping)."""
    return ["train", "--task", "sine_forecast", "--samples", "64", "--nonlinearity", "relu",
            "--optimizer", "adam", "--lr", "99", "--clip", "0", "--steps", "5", "--quiet"]


def test_a_divergence_is_explained_in_the_language_also_by_a_worker_process(capsys):
    from rnn_sandbox.runs.seeds import RunJob, RunJobError

    code, out, err = run(capsys, "--language", "de", *_exploding())
    assert code == 1 and out.startswith("sine_forecast: many_to_one, rnn ")
    assert err.startswith("Fehler: das Training ist divergiert: die Aktualisierung in Schritt 2")
    assert err.endswith("Versuchen Sie eine kleinere Lernrate, schalten Sie Gradient Clipping "
                        "ein oder nehmen Sie einen kleineren Spektralradius.\n")
    from rnn_sandbox.cli.configuration import config_from_args
    from rnn_sandbox.cli.options import build_parser

    config = config_from_args(build_parser().parse_args(_exploding()))
    try:
        language.use("ja")  # the worker speaks the language of the process that started it
        job = RunJob([("s", config)], processes=1, steps=5)
        with pytest.raises(RunJobError, match="^s: 学習が発散しました: ステップ 2 の更新で"):
            job.wait()
    finally:
        language.use("en")
