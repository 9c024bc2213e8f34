"""Glossary hints: on a case page, the first use of each glossary term links to its entry and
shows its short definition on hover and on keyboard focus (CSS only: no script needed).

Hints are added to the sanitised HTML of record prose, in text only: never inside a link
(a link in a link is invalid) or code, never twice for one term on a page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from markupsafe import Markup

from . import markup
from .model import Lang
from .vocab import GlossaryTerm

_TAG = re.compile(r"(<[^>]*>)")
_QUOTES = "“”\"‘’'"


class TermFinder:
    """Finds glossary terms in a text. A substring test picks the few terms the text can hold,
    and a regex of just those finds them: one regex of every term took about 2 ms a text
    (50 s for the glossary's themes at 1,000 synthetic cases)."""

    def __init__(self, terms: tuple[tuple[str, str], ...], lang: Lang):
        self.terms = terms  # (glossary key, term) pairs
        self.lang = lang
        # A one-character Chinese term (旗, banner) is part of too many other words (红旗, flag) to be found by itself.
        self._folded = [(index, self._fold(term)) for index, (_, term) in enumerate(terms) if len(term) >= 2]

    def _fold(self, text: str) -> str:
        return text.casefold() if self.lang == "en" else text

    def pattern(self, text: str) -> re.Pattern[str] | None:
        folded = self._fold(text)
        present = tuple((index, self.terms[index][1]) for index, term in self._folded if term in folded)
        return _pattern(present, self.lang) if present else None

    def key(self, match: re.Match[str]) -> str:
        return self.terms[int((match.lastgroup or "t0")[1:])][0]


# Each distinct set of terms a text holds gets its regex: a thousand cases hold about 10,000 sets,
# and a serving process's rebuild finds them all here again.
@functools.lru_cache(maxsize=65536)
def _pattern(terms: tuple[tuple[int, str], ...], lang: Lang) -> re.Pattern[str]:
    """One regex for (position, term) pairs, longest term first, each in a group named by its position."""
    ordered = sorted(terms, key=lambda item: -len(item[1]))
    if lang == "en":  # whole words, any case, a plural too: "grid workers" is a use of "grid worker"
        parts = [rf"(?P<t{index}>\b{re.escape(term)}(?:e?s)?\b)" for index, term in ordered]
        return re.compile("|".join(parts), re.IGNORECASE)
    return re.compile("|".join(rf"(?P<t{index}>{re.escape(term)})" for index, term in ordered))


class Hinter:
    """Marks the first use of each term across the texts of one page, in the order they are given."""

    def __init__(self, glossary: Sequence[GlossaryTerm], lang: Lang, link: Callable[[str], str]):
        entries = [entry for entry in glossary if entry.term.get(lang) and entry.definition.get(lang)]
        terms = tuple((entry.key, (entry.term.get(lang) or "").strip(_QUOTES)) for entry in entries)
        self._finder = TermFinder(terms, lang)
        self._definitions = {entry.key: entry.definition.get(lang) or "" for entry in entries}
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
        pattern = self._finder.pattern(text)
        return pattern.sub(self._hint, text) if pattern else text

    def _hint(self, match: re.Match[str]) -> str:
        key = self._finder.key(match)
        if key in self._seen:
            return match.group(0)
        self._seen.add(key)
        definition = markup.inline(self._definitions[key])
        return (
            f'<a class="cb-hint" href="{self._link(key)}">{match.group(0)}'
            f'<span class="cb-hint-text" role="tooltip" data-pagefind-ignore>{definition}</span></a>'
        )
