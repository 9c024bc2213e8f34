"""The theme's site-wide pages (404.html, sitemap.xml): which pass writes them."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

SITE_WIDE_TEMPLATES = frozenset({"404.html", "sitemap.xml"})


def skipped_templates(config: MkDocsConfig, inner_pass: bool) -> set[str]:
    """The theme's site-wide pages this pass must not write."""
    # 404.html and sitemap.xml sit at the site root, once: the default language
    # writes them. Another language's build would overwrite them (an English
    # 404 page at the Chinese root), or race the default one when forked.
    skipped = set(SITE_WIDE_TEMPLATES) if inner_pass else set()
    if not config.site_url:  # a sitemap lists absolute URLs: without site_url it would say "None./"
        skipped.add("sitemap.xml")
    return skipped


def skip_site_wide_templates(config: MkDocsConfig, inner_pass: bool) -> None:
    config.theme.static_templates.difference_update(skipped_templates(config, inner_pass))


def remove_skipped_templates(files: Files, config: MkDocsConfig, inner_pass: bool) -> None:
    # Left out of static_templates (on_config), the theme's sitemap.xml would be
    # copied as a file: its template text would be published as the sitemap.
    for name in skipped_templates(config, inner_pass):
        if theme_file := files.get_file_from_path(name):
            files.remove(theme_file)
