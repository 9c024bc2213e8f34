"""Atom feeds of new and updated cases, one per language (RFC 4287): /feed.xml, /en/feed.xml and so on.

Links are relative to the feed's own address (RFC 4287 §2: relative references resolve
against it), since the generator does not know where the site is published; entry and
feed ids are name-based UUIDs, which stay the same wherever it is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from xml.etree import ElementTree as ET

from .catalog import Catalog
from .model import Case
from .render import View

LIMIT = 50  # the most recently updated cases a feed lists
ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"  # in each language's folder
_EPOCH = dt.date(1970, 1, 1)  # a feed with no entries still needs an update time


def feed_files(catalog: Catalog) -> dict[str, bytes]:
    return {language.prefix + FEED: atom_feed(catalog, language.code) for language in catalog.languages.all}


def atom_feed(catalog: Catalog, lang: str) -> bytes:
    view = View(catalog, lang)
    ui = view.ui
    cases = sorted(catalog.cases, key=lambda case: (case.updated, case.id), reverse=True)[:LIMIT]
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _text(feed, "title", f"{ui['site']} · {ui['feed_title']}")
    _text(feed, "subtitle", ui["feed_subtitle"])
    _text(feed, "rights", ui["feed_rights"])  # the data's licence (LICENSE-DATA.md), as docs/data.md states it
    _text(feed, "id", _urn(f"casebook/{lang}/feed"))
    _text(feed, "updated", _timestamp(cases[0].updated if cases else _EPOCH))
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": "feed.xml"})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "hreflang": lang, "href": "./"})
    _text(ET.SubElement(feed, "author"), "name", ui["site"])
    for case in cases:
        feed.append(_entry(case, view, catalog))
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def _entry(case: Case, view: View, catalog: Catalog) -> ET.Element:
    entry = ET.Element("entry")
    _text(entry, "title", view.plain(case.name))
    _text(entry, "id", _urn(f"casebook/{view.lang}/cases/{case.id}"))
    _text(entry, "published", _timestamp(case.added))
    _text(entry, "updated", _timestamp(case.updated))
    ET.SubElement(
        entry, "link", {"rel": "alternate", "type": "text/html", "hreflang": view.lang, "href": f"cases/{case.id}/"}
    )
    themes = {theme for practice in case.practices for theme in practice.themes}
    for theme in catalog.vocab.themes:
        if theme.key in themes:
            ET.SubElement(entry, "category", {"term": theme.key, "label": view.plain(theme.label)})
    _text(entry, "summary", view.plain(case.summary))
    return entry


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
