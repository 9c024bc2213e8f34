"""The glossary page's order: terms grouped by theme, and an A–Z (English) or 拼音 (Chinese) index.

A term's theme is worked out from the records, not written by hand: the theme whose practices
use the term most (title or description, in either language), the vocabulary's first on a tie.
Terms no practice uses come last, as other terms.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .hints import TermFinder
from .languages import Conventions, Language, Languages
from .memo import per_record_in
from .model import Case
from .vocab import GlossaryTerm, Theme, Vocabularies

_QUOTES = "“”\"‘’'"
OTHER = "#"  # the index letter of terms that start with neither a letter nor a Chinese character


@dataclass(frozen=True)
class Group:
    theme: Theme | None  # None: terms that no practice uses
    terms: tuple[GlossaryTerm, ...]


@dataclass(frozen=True)
class Letter:
    letter: str  # "A" … "Z", or OTHER
    terms: tuple[GlossaryTerm, ...]


def ordered(vocab: Vocabularies, language: Language) -> list[GlossaryTerm]:
    """Chinese readers get the file's pinyin order; readers of other languages an alphabetical one."""
    entries = list(vocab.glossary)
    if language.conventions != "zh":
        entries.sort(key=lambda entry: _shown(entry, language.code).strip(_QUOTES).casefold())
    return entries


def _shown(entry: GlossaryTerm, lang: str) -> str:
    return entry.term.get(lang) or entry.term.en or entry.term.zh or ""


def groups(vocab: Vocabularies, themes: Mapping[str, str], language: Language) -> tuple[Group, ...]:
    """The terms under the theme each belongs to (`themes`: term_themes())."""
    found: dict[str | None, list[GlossaryTerm]] = {}
    for entry in ordered(vocab, language):
        found.setdefault(themes.get(entry.key), []).append(entry)
    result = [Group(theme, tuple(found[theme.key])) for theme in vocab.themes if theme.key in found]
    return tuple(result) + ((Group(None, tuple(found[None])),) if None in found else ())


def index(vocab: Vocabularies, language: Language) -> tuple[Letter, ...]:
    letters: dict[str, list[GlossaryTerm]] = {}
    for entry in ordered(vocab, language):
        term = entry.term.get(language.code) or entry.term.zh or entry.term.en or ""
        letters.setdefault(initial(term, language.conventions), []).append(entry)
    return tuple(
        Letter(letter, tuple(letters[letter])) for letter in sorted(letters, key=lambda key: (key == OTHER, key))
    )


def initial(term: str, lang: Conventions) -> str:
    """The index letter of a term: its first letter, or for Chinese the first letter of its pinyin."""
    term = term.strip(_QUOTES)
    first = term[:1]
    if lang == "zh" and "\u4e00" <= first <= "\u9fff":
        first = _pinyin_initial(term)  # the whole word: 重 reads chóng in 重阳节, zhòng alone
    return first.upper() if first.isascii() and first.isalpha() else OTHER


@functools.lru_cache(maxsize=4096)
def _pinyin_initial(word: str) -> str:
    from pypinyin import Style, lazy_pinyin  # loads its dictionaries: only when a glossary page is made

    return lazy_pinyin(word, style=Style.FIRST_LETTER)[0][:1]


def term_themes(vocab: Vocabularies, cases: Sequence[Case], languages: Languages) -> dict[str, str]:
    """Glossary key -> the theme whose practices use the term most (a practice counts once).
    Pages read it as `Catalog.term_themes`, worked out once for every language."""
    context = (vocab, languages)
    pairs = Counter(itertools.chain.from_iterable(_term_theme_pairs(context, case) for case in cases))
    rank = {theme.key: position for position, theme in enumerate(vocab.themes)}
    best: dict[str, tuple[int, int, str]] = {}
    for (key, theme), count in pairs.items():
        best[key] = min(best.get(key, (0, len(rank), "")), (-count, rank[theme], theme))
    return {key: theme for key, (_, _, theme) in best.items()}


@per_record_in
def _term_theme_pairs(context: tuple[Vocabularies, Languages], case: Case) -> list[tuple[str, str]]:
    """(glossary key, theme) for each term a practice uses and each of its themes, once per case
    while serving (memo.py)."""
    finders = _finders(context[1], context[0])
    pairs = []
    for practice in case.practices:
        keys: set[str] = set()
        for lang, finder in finders:
            text = f"{practice.title.get(lang) or ''}\n{practice.description.get(lang) or ''}"
            keys.update(use.key for use in finder.uses(text))
        pairs += [(key, theme) for key in sorted(keys) for theme in practice.themes]
    return pairs


@per_record_in
def _finders(languages: Languages, vocab: Vocabularies) -> list[tuple[str, TermFinder]]:
    """A term finder per language, once per vocabularies and languages."""
    return [
        (
            lang,
            TermFinder(
                tuple((e.key, (e.term.get(lang) or "").strip(_QUOTES)) for e in vocab.glossary if e.term.get(lang)),
                languages[lang].conventions,
            ),
        )
        for lang in languages.codes
    ]
