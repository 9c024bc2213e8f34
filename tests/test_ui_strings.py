"""The words the page templates use (hooks/casebook/ui.yaml, ui-trainers.yaml):
every language has every key, and every key is used somewhere."""

from __future__ import annotations

import re
from pathlib import Path

from casebook.render import ui_strings

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "casebook"
OVERRIDES = PACKAGE.parent.parent / "overrides"
# Keys looked up by a prefix and a value: ui["state_" ~ state], ui["lang_" ~ language] …
BUILT_KEYS = re.compile(r"""ui\[\s*["'](\w+_)["']\s*[~+]""")


def _code() -> str:
    files = [*PACKAGE.glob("*.py"), *PACKAGE.glob("templates/*"), *OVERRIDES.rglob("*.html")]
    return "\n".join(path.read_text("utf-8") for path in files)


def test_every_language_has_every_key():
    strings = ui_strings()
    keys = {lang: set(words) for lang, words in strings.items()}
    everything = set().union(*keys.values())
    assert {lang: sorted(everything - have) for lang, have in keys.items()} == {lang: [] for lang in strings}


def test_every_key_is_used():
    code = _code()
    prefixes = tuple(BUILT_KEYS.findall(code))
    unused = [
        key
        for key in sorted(ui_strings()["zh"])
        if not key.startswith(prefixes) and not re.search(rf"""ui(\.|\[["']){key}\b""", code)
    ]
    assert unused == []
