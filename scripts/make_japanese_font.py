"""Make ``resources/fonts/rnn-sandbox-jp.ttf``: the glyphs Japanese needs, cut from
IPAexGothic so that the program carries a font of ~2 MB instead of 6.

    pip install fonttools japanize-matplotlib   # the latter carries ipaexg.ttf
    python scripts/make_japanese_font.py [path/to/ipaexg.ttf]

Kept: ASCII and Latin-1, general punctuation, CJK symbols and punctuation, hiragana,
katakana, full- and half-width forms, the 2,965 kanji of JIS X 0208 level 1, and every
character of ``resources/i18n/rnn_sandbox_ja.ts``.  The IPA Font License asks a derived
font to carry another name (no "IPA" in it) and the same licence: the family is "RNN
Sandbox JP", and the licence text lies beside it (resources/fonts/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts" / "rnn-sandbox-jp.ttf"
FAMILY = "RNN Sandbox JP"


def jis_level1() -> set[str]:
    """The kanji of JIS X 0208 level 1 (Shift_JIS rows 0x889F..0x9872)."""
    chars: set[str] = set()
    for lead in range(0x88, 0x99):
        for trail in [*range(0x40, 0x7F), *range(0x80, 0xFD)]:
            try:
                ch = bytes([lead, trail]).decode("shift_jis")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff":
                chars.add(ch)
    return chars


def wanted() -> set[str]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x2190, 0x21FF),
              (0x2200, 0x22FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x3000, 0x30FF),
              (0xFF00, 0xFFEF)]
    chars = {chr(c) for a, b in ranges for c in range(a, b + 1)} | jis_level1()
    ts = ROOT / "resources" / "i18n" / "rnn_sandbox_ja.ts"
    if ts.is_file():
        chars |= set(ts.read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable()}


def main(argv: list[str]) -> int:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    if argv:
        source = Path(argv[0])
    else:
        import japanize_matplotlib  # type: ignore[import-not-found]

        source = Path(japanize_matplotlib.__file__).parent / "fonts" / "ipaexg.ttf"
    font = TTFont(str(source))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in wanted()])
    sub.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 21):
            record.string = FAMILY if record.nameID != 4 else FAMILY + " Regular"
        elif record.nameID == 6:
            record.string = "RNNSandboxJP-Regular"
        elif record.nameID == 3:
            record.string = "RNN Sandbox JP: a subset of IPAexGothic 00301"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
