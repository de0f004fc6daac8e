"""Extract the strings of the window and of the command line into
``resources/i18n/rnn_sandbox_<code>.ts`` and compile every ``.ts`` into the ``.qm`` the
window loads (the command line reads the ``.ts`` itself: rnn_sandbox/translation.py).

    python scripts/update_translations.py            # every language already there
    python scripts/update_translations.py fr         # and start French
    python scripts/update_translations.py --release  # only compile (after translating)
    python scripts/update_translations.py --fill words.json  # translations from a file

``--fill`` reads ``{"<English source>": {"de": "…", "ja": "…"}}`` (a plural: a list of the
language's forms; a source with a disambiguation: ``"<source>|<disambiguation>"``) and
writes those translations into the ``.ts`` files, so translations kept beside a change
survive the ``.ts`` files being regenerated.

It runs ``pyside6-lupdate`` over ``rnn_sandbox/ui``, ``rnn_sandbox/cli`` and every module
that imports ``rnn_sandbox.translation`` (every ``tr("…")``), marks messages
with ``%n`` as plural (Qt's Python parser does not), and ``pyside6-lrelease``.  Messages
that disappeared from the code are kept as obsolete (``-no-obsolete`` drops them).
See docs/translating.md.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "i18n"
PACKAGE = ROOT / "rnn_sandbox"
SOURCES = PACKAGE / "ui"  # the window
CLI = PACKAGE / "cli"  # the command line


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python, else on the PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6")
    return found


def translated_modules() -> list[Path]:
    """The modules without Qt that translate their messages (``rnn_sandbox.translation``):
    the command line and the lower layers' errors (settings, files)."""
    return sorted(f for f in PACKAGE.rglob("*.py")
                  if not f.is_relative_to(SOURCES)
                  and (f.is_relative_to(CLI) or "from rnn_sandbox.translation import"
                       in f.read_text(encoding="utf-8")))


def sources(scratch: Path) -> list[str]:
    """What lupdate reads: every module of the window and of the command line, those of
    the lower layers that translate their errors, and a file written into ``scratch``
    listing the strings of the lower layers that are data, not ``tr("…")``: settings'
    labels, help and the reasons a value is refused, choices, task titles and summaries."""
    sys.path.insert(0, str(ROOT))
    from rnn_sandbox.fields import SETTINGS
    from rnn_sandbox.ui.i18n import lower_layer_strings

    reasons = [r for s in SETTINGS for r in (s.too_low, s.too_high) if r]
    strings = dict.fromkeys([*lower_layer_strings(), *reasons])
    listing = scratch / "lower_layers.py"
    listing.write_text("".join(f"QT_TR_NOOP({s!r})\n" for s in strings), encoding="utf-8")
    return [*sorted(str(f) for f in SOURCES.rglob("*.py")),
            *(str(f) for f in translated_modules()), str(listing)]


def extract(ts: Path, scratch: Path, no_obsolete: bool = False) -> None:
    """Bring ``ts`` up to date with the code's strings (new ones unfinished)."""
    kept = finished(ts) if ts.exists() else {}
    extra = ["-no-obsolete"] if no_obsolete else []
    subprocess.run([tool("lupdate"), *extra, "-locations", "none", *sources(scratch),
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    plural_marks(ts)
    # lupdate's Python parser does not know a plural: it rewrites a finished plural as one
    # unfinished form.  The translations finished before the run are written back.
    fill(ts, kept)


def finished(ts: Path) -> dict[str, dict[str, str | list[str]]]:
    """The finished translations of ``ts``, in :func:`fill`'s form."""
    code = ts.stem.removeprefix("rnn_sandbox_")
    words: dict[str, dict[str, str | list[str]]] = {}
    for m in _MESSAGE.finditer(ts.read_text(encoding="utf-8")):
        t = re.search(r"<translation(?P<attrs>[^>]*)>(?P<inner>.*?)</translation>",
                      m.group(0), flags=re.S)
        if t is None or "unfinished" in t.group("attrs") or "obsolete" in t.group("attrs"):
            continue
        forms = re.findall(r"<numerusform>(.*?)</numerusform>", t.group("inner"), flags=re.S)
        value: str | list[str] = ([html.unescape(f) for f in forms] if forms
                                  else html.unescape(t.group("inner")))
        words[_key(m)] = {code: value}
    return words


_MESSAGE = re.compile(r"<message[^>]*>\s*(?:<location[^>]*/>\s*)*<source>(?P<source>.*?)"
                      r"</source>\s*(?:<comment>(?P<comment>.*?)</comment>)?.*?</message>",
                      flags=re.S)


def _key(m: re.Match[str]) -> str:
    source, comment = html.unescape(m.group("source")), m.group("comment")
    return f"{source}|{html.unescape(comment)}" if comment is not None else source


def ts_files(new: list[str]) -> list[Path]:
    codes = {p.stem.removeprefix("rnn_sandbox_") for p in FOLDER.glob("rnn_sandbox_*.ts")}
    return [FOLDER / f"rnn_sandbox_{c}.ts" for c in sorted(codes | set(new))]


def plural_marks(ts: Path) -> None:
    """Messages whose source has ``%n`` get ``numerus="yes"`` and a numerusform, so each
    language gives its own plural forms (English: one and many)."""
    text = ts.read_text(encoding="utf-8")

    def fix(m: re.Match[str]) -> str:
        block = m.group(0)
        if "%n" not in m.group("source") or 'numerus="yes"' in block:
            return block
        block = block.replace("<message>", '<message numerus="yes">', 1)
        return re.sub(r"<translation([^>]*)>(.*?)</translation>",
                      lambda t: f"<translation{t.group(1)}><numerusform>{t.group(2)}"
                                "</numerusform></translation>"
                      if "<numerusform>" not in t.group(2) else t.group(0),
                      block, flags=re.S)

    text = re.sub(r"<message[^>]*>\s*(?:<location[^>]*/>\s*)*<source>(?P<source>.*?)</source>"
                  r".*?</message>", fix, text, flags=re.S)
    ts.write_text(text, encoding="utf-8")


def fill(ts: Path, words: dict[str, dict[str, str | list[str]]]) -> int:
    """Write the translations of ``words`` for ``ts``'s language into it; returns how many."""
    code = ts.stem.removeprefix("rnn_sandbox_")
    text = ts.read_text(encoding="utf-8")
    done = 0

    def one(m: re.Match[str]) -> str:
        nonlocal done
        given = words.get(_key(m), {}).get(code)
        if given is None:
            return m.group(0)
        done += 1
        if isinstance(given, list):
            inner = "".join(f"<numerusform>{html.escape(f, quote=False)}</numerusform>"
                            for f in given)
        else:
            inner = html.escape(given, quote=False)
        return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>",
                      lambda _: f"<translation>{inner}</translation>", m.group(0),
                      count=1, flags=re.S)

    text = _MESSAGE.sub(one, text)
    ts.write_text(text, encoding="utf-8")
    return done


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("languages", nargs="*", help="codes of languages to start (de, ja, fr…)")
    p.add_argument("--release", action="store_true", help="only compile the .ts files")
    p.add_argument("--fill", metavar="JSON", help="write the translations of this file")
    p.add_argument("--no-obsolete", action="store_true", help="drop messages no longer used")
    args = p.parse_args(argv)
    FOLDER.mkdir(parents=True, exist_ok=True)
    files = ts_files(args.languages)  # English needs none: tr() makes its plurals
    if args.fill:
        words = json.loads(Path(args.fill).read_text(encoding="utf-8"))
        for ts in files:
            print(f"{ts.relative_to(ROOT)}: {fill(ts, words)} translations written")
    elif not args.release:
        with tempfile.TemporaryDirectory() as scratch:
            for ts in files:
                extract(ts, Path(scratch), args.no_obsolete)
                print(f"{ts.relative_to(ROOT)}: updated")
    for ts in files:
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
