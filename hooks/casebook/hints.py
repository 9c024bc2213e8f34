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


@functools.lru_cache(maxsize=8)
def term_pattern(terms: tuple[tuple[str, str], ...], lang: Lang) -> re.Pattern[str] | None:
    """One regex for every (key, term) pair, longest term first, each in a group named by its position."""
    # A one-character Chinese term (旗, banner) is part of too many other words (红旗, flag) to be found by itself.
    ordered = sorted(((i, t) for i, t in enumerate(terms) if len(t[1]) >= 2), key=lambda item: -len(item[1][1]))
    if not ordered:
        return None
    if lang == "en":  # whole words, any case, a plural too: "grid workers" is a use of "grid worker"
        parts = [rf"(?P<t{index}>\b{re.escape(term)}(?:e?s)?\b)" for index, (_, term) in ordered]
        return re.compile("|".join(parts), re.IGNORECASE)
    return re.compile("|".join(rf"(?P<t{index}>{re.escape(term)})" for index, (_, term) in ordered))


class Hinter:
    """Marks the first use of each term across the texts of one page, in the order they are given."""

    def __init__(self, glossary: Sequence[GlossaryTerm], lang: Lang, link: Callable[[str], str]):
        entries = [entry for entry in glossary if entry.term.get(lang) and entry.definition.get(lang)]
        self._terms = tuple((entry.key, (entry.term.get(lang) or "").strip(_QUOTES)) for entry in entries)
        self._definitions = {entry.key: entry.definition.get(lang) or "" for entry in entries}
        self._pattern = term_pattern(self._terms, lang)
        self._link = link
        self._seen: set[str] = set()

    def apply(self, html: Markup) -> Markup:
        if self._pattern is None:
            return html
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
        assert self._pattern is not None
        return self._pattern.sub(self._hint, text)

    def _hint(self, match: re.Match[str]) -> str:
        key = self._terms[int((match.lastgroup or "t0")[1:])][0]
        if key in self._seen:
            return match.group(0)
        self._seen.add(key)
        definition = markup.inline(self._definitions[key])
        return (
            f'<a class="cb-hint" href="{self._link(key)}">{match.group(0)}'
            f'<span class="cb-hint-text" role="tooltip" data-pagefind-ignore>{definition}</span></a>'
        )
