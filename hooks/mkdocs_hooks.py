"""MkDocs wiring: one call into the casebook package per event, no data logic here."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from material.plugins.search import plugin as search_plugin

from casebook import site
from casebook.problems import DataError
from casebook.search_index import split_index

STATS_PLACEHOLDER = "<!-- casebook:stats -->"
OTHER_LANGUAGES = ("en",)  # languages served under their own prefix; zh is at the root


def _data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def on_config(config: MkDocsConfig) -> None:
    # Material segments Chinese for search only if jieba imports, and is silent
    # when it does not: fail instead of publishing an index without it.
    if search_plugin.jieba is None:  # Material sets it to None when `import jieba` fails
        raise PluginError("jieba is not importable: Chinese search would not be segmented")


def on_pre_build(config: MkDocsConfig) -> None:
    # Runs before MkDocs discovers files, so generated pages are real files
    # (static-i18n drops File.generated() pages: its issue #263).
    try:
        site.generate(_data_dir(config), Path(config.docs_dir))
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


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    split_index(Path(config.site_dir), OTHER_LANGUAGES)
