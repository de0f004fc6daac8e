"""The program's language for the parts without Qt: which one is in use (the window sets it
when it installs its translators, the command line from ``--language`` or the system's),
and texts read from ``resources/`` in it: a lesson, a task's text.

A translated text sits beside the English one in a folder named by the language's code
(``resources/lessons/de/01_mappings.md``, ``resources/tasks/ja/sentiment.md``); where there
is none, the English one is read.  It imports nothing of the program (the lowest layer).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

SOURCE = "en"  # the language the program is written in
SHIPPED = ("en", "de", "ja")
PSEUDO = "pseudo"  # the window's test language: texts from files stay English
# A language code as a folder name: "de", "pt_BR"; never a path ("..", "a/b").
_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})?")
_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current = SOURCE


def resource_folder() -> Path:
    """The ``resources/`` folder: the copy an installed wheel carries inside the package
    (``rnn_sandbox/resources``), or the top-level folder of a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def use(code: str) -> None:
    """Speak ``code`` from now on (``"de"``, ``"ja"``, ``"pseudo"``; a language a teacher
    added has folders of its own).  A code that cannot name a folder raises ValueError."""
    global _current
    code = code.strip()
    if code != PSEUDO and not _CODE.fullmatch(code):
        raise ValueError(f"not a language code: {code!r}")
    _current = code


def current() -> str:
    """The language in use (English until :func:`use` says otherwise)."""
    return _current


def from_system(environ: Mapping[str, str] = os.environ) -> str:
    """The first language of ``LANGUAGE`` (a colon list), ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that the program ships (``de_DE.UTF-8`` is German), else English.  ``C`` and
    ``POSIX`` name no language and are passed over."""
    for variable in _VARIABLES:
        for entry in environ.get(variable, "").split(":"):
            code = entry.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
            if code in SHIPPED:
                return code
    return SOURCE


def localized_path(folder: str, name: str) -> Path:
    """``resources/<folder>/<current language>/<name>`` when that file exists, else the
    English ``resources/<folder>/<name>``."""
    root = resource_folder() / folder
    if _current not in (SOURCE, PSEUDO):
        translated = root / _current / name
        if translated.is_file():
            return translated
    return root / name


def localized(folder: str, name: str) -> str:
    """The text of ``resources/<folder>/<name>`` in the language in use: its translation
    (``resources/<folder>/<code>/<name>``) if there is one, else the English file (also
    when the translation cannot be read: it never costs the learner the text)."""
    path, english = localized_path(folder, name), resource_folder() / folder / name
    if path != english:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass
    return english.read_text(encoding="utf-8")
