"""Redirect pages: a renamed record's former ids (`aliases`) keep their links, in both languages.

A static host cannot answer with an HTTP redirect, so each former address gets a small page
that moves on at once. The script carries the practice anchor (#…) along, which a meta
refresh does not do everywhere; the meta refresh and the link serve readers without
JavaScript. The script is the same on every such page, so the scanner's allowlist holds it once.
"""

from __future__ import annotations

from html import escape

from .catalog import Catalog

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{target}">
<meta name="robots" content="noindex">
<script>location.replace(document.querySelector('link[rel="canonical"]').href + location.hash)</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{text} <a href="{target}">{name}</a></p>
</body>
</html>
"""


def redirect_files(catalog: Catalog) -> dict[str, bytes]:
    """Path under the site folder -> page, for every alias of every case in each language."""
    files: dict[str, bytes] = {}
    for language in catalog.languages.all:
        lang, ui = language.code, language.ui
        others = catalog.languages.others(lang)
        for case in catalog.cases:
            name = next(filter(None, (case.name.get(code) for code in (lang, *others))), case.id)
            for alias in case.aliases:
                page = _PAGE.format(
                    lang=lang,
                    title=escape(ui["moved_title"]),
                    text=escape(ui["moved_text"]),
                    name=escape(name),
                    target=escape(f"../{case.id}/"),
                )
                files[f"{language.prefix}cases/{alias}/index.html"] = page.encode("utf-8")
    return files
