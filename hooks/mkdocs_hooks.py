"""MkDocs wiring: one call into the casebook package per event, no data logic here."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from casebook import site
from casebook.html_blocks import GeneratedHtmlBlocks
from casebook.problems import DataError
from casebook.search import SearchIndexError, index_site

STATS_PLACEHOLDER = "<!-- casebook:stats -->"
PREVIEW = "CASEBOOK_PREVIEW"  # `make preview CASE=<id>`: build only these records


def _data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def on_config(config: MkDocsConfig) -> None:
    if not config.use_directory_urls:  # generated listings link to "cases/<id>/" (render.page_url)
        raise PluginError("the casebook needs use_directory_urls: true in mkdocs.yml")
    config.markdown_extensions.append(GeneratedHtmlBlocks())  # type: ignore[arg-type]  # an instance is fine


def on_pre_build(config: MkDocsConfig) -> None:
    # Runs before MkDocs discovers files, so generated pages are real files
    # (static-i18n drops File.generated() pages: its issue #263).
    try:
        site.generate(_data_dir(config), Path(config.docs_dir), os.environ.get(PREVIEW, ""))
    except DataError as error:
        raise PluginError(f"the case data has problems:\n{error}") from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: object) -> str:
    if STATS_PLACEHOLDER not in markdown:
        return markdown
    stats = site.home_stats(config.theme["language"])
    return markdown.replace(STATS_PLACEHOLDER, stats)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    page.edit_url = site.edit_url(config.edit_uri, page.meta, page.edit_url)
    return context


@event_priority(-200)  # after static-i18n (-100), whose on_post_build builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an inner, one-language pass: index once, when every language is built
    try:
        index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
