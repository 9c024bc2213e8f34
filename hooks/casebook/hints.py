"""Glossary hints: on a case page, the first use of each glossary term links to its entry and
shows its short definition on hover and on keyboard focus (CSS only: no script needed).

Hints are added to the sanitised HTML of record prose, in text only: never inside a link
(a link in a link is invalid) or code, never twice for one term on a page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import Markup

from . import markup
from .languages import Conventions, Language
from .vocab import GlossaryTerm

_TAG = re.compile(r"(<[^>]*>)")
_QUOTES = "“”\"‘’'"


class TermFinder:
    """Finds glossary terms in a text, as one regex of the terms, longest first, would: leftmost
    match first, the longest term where several start at one place, matches never overlapping.

    A substring test picks the few terms the text can hold, and each of those is found with its
    own regex, compiled once: one regex of every term is slow to search, and one regex of just
    the terms present would be compiled again for nearly every text."""

    def __init__(self, terms: tuple[tuple[str, str], ...], lang: Conventions):
        self.terms = terms  # (glossary key, term) pairs
        self.lang = lang
        # A one-character Chinese term (旗, banner) is part of too many other words (红旗, flag) to be found by itself.
        self._folded = [(index, self._fold(term)) for index, (_, term) in enumerate(terms) if len(term) >= 2]

    def _fold(self, text: str) -> str:
        return text.casefold() if self.lang == "en" else text

    def uses(self, text: str) -> list[Use]:
        """The terms' uses in the text, from left to right."""
        folded = self._fold(text)
        candidates = sorted(
            (match.start(), -len(self.terms[index][1]), index, match.end())
            for index, term in self._folded
            if term in folded
            for match in _term_pattern(self.terms[index][1], self.lang).finditer(text)
        )
        uses: list[Use] = []
        for start, _, index, end in candidates:
            if not uses or start >= uses[-1].end:
                uses.append(Use(start, end, self.terms[index][0]))
        return uses


class Use(NamedTuple):
    start: int
    end: int
    key: str  # the glossary key of the term used


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str, lang: Conventions) -> re.Pattern[str]:
    if lang == "en":  # whole words, any case, a plural too: "grid workers" is a use of "grid worker"
        return re.compile(rf"\b{re.escape(term)}(?:e?s)?\b", re.IGNORECASE)
    return re.compile(re.escape(term))


class HintTerms:
    """A language's glossary terms as hints find and show them: made once, shared by the case pages."""

    def __init__(self, glossary: Sequence[GlossaryTerm], language: Language):
        lang = language.code
        entries = [entry for entry in glossary if entry.term.get(lang) and entry.definition.get(lang)]
        terms = tuple((entry.key, (entry.term.get(lang) or "").strip(_QUOTES)) for entry in entries)
        self.finder = TermFinder(terms, language.conventions)
        self.definitions = {entry.key: markup.inline(entry.definition.get(lang) or "") for entry in entries}


class Hinter:
    """Marks the first use of each term across the texts of one page, in the order they are given."""

    def __init__(self, terms: HintTerms, link: Callable[[str], str]):
        self._finder = terms.finder
        self._definitions = terms.definitions  # escaped for HTML
        self._link = link
        self._seen: set[str] = set()

    def apply(self, html: Markup) -> Markup:
        out: list[str] = []
        inside = 0  # open <a> and <code> elements around the current text
        for part in _TAG.split(str(html)):
            if part.startswith("<"):
                name = re.match(r"</?([a-z0-9]+)", part)
                if name and name.group(1) in ("a", "code"):
                    inside += -1 if part.startswith("</") else 1
                out.append(part)
            else:
                out.append(self._mark(part) if part and not inside else part)
        return Markup("".join(out))

    def _mark(self, text: str) -> str:
        out: list[str] = []
        done = 0  # where the text not yet copied starts
        for use in self._finder.uses(text):
            if use.key in self._seen:
                continue
            self._seen.add(use.key)
            out += [text[done : use.start], self._hint(use.key, text[use.start : use.end])]
            done = use.end
        return "".join(out) + text[done:] if out else text

    def _hint(self, key: str, words: str) -> str:
        definition = self._definitions[key]
        return (
            f'<a class="cb-hint" href="{self._link(key)}">{words}'
            f'<span class="cb-hint-text" role="tooltip" data-pagefind-ignore>{definition}</span></a>'
        )
