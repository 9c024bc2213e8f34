"""Citations of a case or a practice: GB/T 7714-2015 and APA 7, through citeproc-py.

The styles are the Citation Style Language's own (csl/README.md). citeproc-py
takes about 20 ms to read a style and a few to format one entry, and a case
page cites its case and every practice in two styles: so a style is read once,
and an entry is formatted once per style, language and date with markers for
the title and the address, which are then put in (escaped) for each citation.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from dataclasses import dataclass
from importlib import resources

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup

from . import markup
from .formatting import MONTHS
from .model import Lang

STYLE_FILES = {
    "gbt7714": "china-national-standard-gb-t-7714-2015-numeric.csl",
    "apa": "apa.csl",
}
# GB/T 7714 is written in the language of the page. APA is formatted with the English locale in
# both (its zh-CN locale writes "2026, 二月 1", which no Chinese reference list uses); on Chinese
# pages its date is then written as Chinese reference lists in APA style write it: 2026年2月1日.
_LOCALES = {("gbt7714", "zh"): "zh-CN", ("gbt7714", "en"): "en-US", ("apa", "zh"): "en-US", ("apa", "en"): "en-US"}
_TITLE = "CASEBOOKTITLEMARK"
_URL = "https://casebook.invalid/CASEBOOKURLMARK"
# GB/T 7714 asks for the date the reader consulted the page ([引用日期]), which a
# static page cannot know: a marker date becomes a span that the copy script
# fills with today's date, and that says "date accessed" without JavaScript.
_ACCESSED = dt.date(1900, 1, 1)
_NUMBER = re.compile(r"^\[\d+\]\s*")  # the numeric style's list number: a single entry has none


@dataclass(frozen=True)
class Cited:
    """What a citation names: the casebook as publisher, a title, the last update, the permanent address."""

    publisher: str
    title: str
    updated: dt.date
    url: str


def printable_url(url: str) -> Markup:
    """An address as HTML that may wrap after a slash or a #, never at a hyphen,
    where a reader of the printout could not tell whether the hyphen belongs to it."""
    parts = re.split(r"(?<=[/#])", url)
    return Markup("<wbr>".join(f'<span class="cb-nobr">{html.escape(part)}</span>' for part in parts if part))


def cite(style: str, lang: Lang, cited: Cited, accessed_label: str, printed: bool = True) -> Markup:
    """One citation as HTML: the title and address escaped, the access date a fillable span.

    printed: the address may wrap as on paper (printable_url); citations that
    never print leave that markup out, a sixth of a case page's size.
    """
    pattern = _pattern(style, lang, cited.publisher, cited.updated)
    accessed = f'<span class="cb-accessed">{html.escape(accessed_label)}</span>'
    url = str(printable_url(cited.url)) if printed else html.escape(cited.url)
    text = pattern.replace(_TITLE, str(markup.inline(cited.title))).replace(_URL, url)
    return Markup(text.replace(_ACCESSED.isoformat(), accessed))


@functools.lru_cache(maxsize=4096)
def _pattern(style: str, lang: Lang, publisher: str, updated: dt.date) -> str:
    entry = {
        "id": "cited",
        "type": "webpage",
        "title": _TITLE,
        "author": [{"literal": publisher}],
        "issued": {"date-parts": [[updated.year, updated.month, updated.day]]},
        "accessed": {"date-parts": [[_ACCESSED.year, _ACCESSED.month, _ACCESSED.day]]},
        "URL": _URL,
        "language": _LOCALES[(style, lang)],
    }
    bibliography = CitationStylesBibliography(_style(style, lang), CiteProcJSON([entry]), formatter.html)
    bibliography.register(Citation([CitationItem("cited")]))
    text = _NUMBER.sub("", str(bibliography.bibliography()[0]))
    if style == "apa" and lang == "zh":
        english = f"({updated.year}, {MONTHS[updated.month - 1]} {updated.day})"
        text = text.replace(english, f"({updated.year}年{updated.month}月{updated.day}日)")
    return text


@functools.cache
def _style(style: str, lang: Lang) -> CitationStylesStyle:
    path = resources.files("casebook").joinpath("csl", STYLE_FILES[style])
    with resources.as_file(path) as file:
        return CitationStylesStyle(str(file), locale=_LOCALES[(style, lang)], validate=False)
