"""The site's languages, read from configuration: which there are, where their pages go, their page words.

The one list is mkdocs.yml's (the i18n plugin's `languages`, which static-i18n builds from); the
generator reads the same file, with or without MkDocs. A language's page words are its table in the
package's ui.yaml and ui-trainers.yaml, or, for a language the package does not ship, the project's
data/translations/<code>.yaml. Each table names the `conventions` its pages follow (zh or en:
punctuation, numbers, sorting, sentence ends), so a third language is configuration plus translations.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from .snapshot import Snapshot

Conventions = Literal["zh", "en"]  # the two sets of typographic conventions the code knows
CONFIG_FILE = "mkdocs.yml"
TRANSLATIONS_DIR = "translations"  # under data/: the page words of languages the package does not ship
UI_FILES = ("ui.yaml", "ui-trainers.yaml")  # the trainers' pages keep their words apart
# Without a mkdocs.yml beside the data (a test's data folder): the two editions the package ships.
SHIPPED = ({"locale": "zh", "name": "简体中文", "default": True}, {"locale": "en", "name": "English"})


@dataclass(frozen=True)
class Language:
    code: str  # static-i18n's locale: the page suffix (.en.md) and folder (/en/)
    name: str  # its own name, as the language menu shows it
    default: bool  # the default language is published at the site's root, its pages without a suffix
    ui: dict[str, str] = field(hash=False, compare=False, repr=False)  # its page words

    @property
    def conventions(self) -> Conventions:
        return "zh" if self.ui["conventions"] == "zh" else "en"

    @property
    def prefix(self) -> str:
        """Its folder under the site's root: "" for the default language, else "en/"."""
        return "" if self.default else f"{self.code}/"

    @property
    def suffix(self) -> str:
        """The suffix of its Markdown pages (static-i18n's suffix structure)."""
        return ".md" if self.default else f".{self.code}.md"


@dataclass(frozen=True)
class Languages:
    all: tuple[Language, ...]  # the default language first, then mkdocs.yml's order

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    def __getitem__(self, code: str) -> Language:
        return next(language for language in self.all if language.code == code)

    def others(self, code: str) -> tuple[str, ...]:
        """The other languages, the default first: where a missing translation's text is taken from."""
        return tuple(other for other in self.codes if other != code)

    def name(self, code: str, in_language: str) -> str:
        """A language's name in another's words (its ui key lang_<code>), else its own name."""
        return self[in_language].ui.get(f"lang_{code}") or self[code].name


def read_languages(data_dir: Path, files: Snapshot | None = None) -> Languages:
    """The languages configured in the mkdocs.yml beside data_dir, or the shipped two without one.
    `files`: the build's snapshot, which the files are read from (once a build)."""
    files = files or Snapshot()
    config = data_dir.parent / CONFIG_FILE
    entries = _configured(files.read_bytes(config).decode("utf-8")) if config.is_file() else SHIPPED
    return _languages(tuple(entries), data_dir / TRANSLATIONS_DIR, files)


def shipped() -> Languages:
    return _languages(SHIPPED, Path(), Snapshot())


def _languages(entries: tuple[dict[str, Any], ...], translations: Path, files: Snapshot) -> Languages:
    built = [entry for entry in entries if entry.get("build", True)]
    ordered = sorted(built, key=lambda entry: not entry.get("default", False))
    return Languages(
        tuple(
            Language(
                entry["locale"], entry["name"], bool(entry.get("default")), _ui(entry["locale"], translations, files)
            )
            for entry in ordered
        )
    )


def _configured(text: str) -> list[dict[str, Any]]:
    """The i18n plugin's languages in mkdocs.yml's text."""
    plugins = yaml.load(text, Loader=_ConfigLoader).get("plugins") or []
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return list(plugin["i18n"]["languages"])
    return list(SHIPPED)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !relative): their values are not needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _ui(code: str, translations: Path, files: Snapshot) -> dict[str, str]:
    shipped = _shipped_ui()
    if code in shipped:
        return shipped[code]
    return dict(yaml.safe_load(files.read_bytes(translations / f"{code}.yaml").decode("utf-8")))


@functools.cache
def _shipped_ui() -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    for name in UI_FILES:
        for lang, words in yaml.safe_load(resources.files("casebook").joinpath(name).read_text("utf-8")).items():
            strings.setdefault(lang, {}).update(words)
    return strings
