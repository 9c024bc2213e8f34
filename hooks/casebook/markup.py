"""Contributor text made safe for a Markdown page.

Plain fields (names, titles, labels) are escaped for both HTML and Markdown,
so no character can start markup. Prose fields go through a restricted
Markdown renderer and the nh3 allowlist, and reach the page as sanitised HTML.
"""

from __future__ import annotations

import functools
import html
import json
import re

import markdown
import nh3
from markupsafe import Markup

# Characters that can start HTML or Markdown markup become numeric entities,
# which mean the same character in Markdown text and in raw HTML blocks alike.
_ENTITIES = {ord(char): f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]#|"}
_WHITESPACE = re.compile(r"\s+")  # one line: a newline could start a Markdown block
_PROSE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote"}
_PROSE_ATTRIBUTES = {"a": {"href", "title"}}


@functools.lru_cache(maxsize=65536)  # a page repeats its labels and punctuation many times
def inline(text: str) -> Markup:
    """Plain text for a Markdown line: shown exactly as written, never markup."""
    return Markup(_WHITESPACE.sub(" ", text).translate(_ENTITIES))


_MARKDOWN = markdown.Markdown(extensions=[], output_format="html")  # building one costs more than converting


# One line of text that no Markdown rule would touch: no character that starts
# inline markup or an entity, no block marker or digit first (lists, headings,
# quotes, rules), no line separator, no no-break space (nh3 writes &nbsp;).
_MARKUP_CHARS = r"\n\r\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029*_`\[\]<>\\&!|~\u00a0"
_PLAIN_LINE = re.compile(rf"[^\s\d\-+#={_MARKUP_CHARS}][^{_MARKUP_CHARS}]*")


@functools.lru_cache(maxsize=4096)  # a description appears on its case page and on each of its theme pages
def prose(text: str) -> Markup:
    """Restricted Markdown (emphasis, lists, links) rendered and sanitised to HTML."""
    if _PLAIN_LINE.fullmatch(text) and text == text.strip():
        # Most record texts are one plain paragraph: skip the renderer, which
        # costs about half the pipeline; tests/test_properties.py shows both agree.
        return Markup(f"<p>{text}</p>")
    return _rendered_prose(text)


def _rendered_prose(text: str) -> Markup:
    # Raw HTML is shown as text, as written; nh3 is the second line of defence.
    rendered = _MARKDOWN.reset().convert(html.escape(text, quote=False))
    clean = nh3.clean(
        rendered,
        tags=_PROSE_TAGS,
        attributes=_PROSE_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="nofollow noopener noreferrer",
        attribute_filter=_absolute_web_links_only,
    )
    # One line per block: a blank line would end the raw HTML block early.
    return Markup("\n".join(line for line in clean.splitlines() if line.strip()))


def _absolute_web_links_only(element: str, attribute: str, value: str) -> str | None:
    """Relative links in record text would point into our own site: drop them."""
    if attribute == "href" and not value.lower().startswith(("https://", "http://")):
        return None
    return value


def plain(text: str) -> str:
    """Plain text for HTML attributes and <title>: escaped, since Material prints it raw."""
    return html.escape(" ".join(text.split()), quote=True)


def front_matter_string(text: str) -> Markup:
    """A YAML double-quoted scalar (JSON is valid YAML) holding escaped text."""
    return Markup(json.dumps(plain(text), ensure_ascii=False))
