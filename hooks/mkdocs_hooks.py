"""MkDocs wiring: one call into the casebook package per event, no data logic here."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from casebook import site
from casebook.memory import return_freed_memory
from casebook.html_blocks import GeneratedHtmlBlocks
from casebook.problems import DataError
from casebook.search import PART_PAGES, Indexing, SearchIndexError, start_indexing

STATS_PLACEHOLDER = "<!-- casebook:stats -->"
PREVIEW = "CASEBOOK_PREVIEW"  # `make preview CASE=<id>`: build only these records
# `make build LOW_MEMORY=1`: render in one process and index after the last page,
# one Pagefind run at a time, so that no two hold memory at once (slower).
LOW_MEMORY = "CASEBOOK_LOW_MEMORY"
PART_PAGES_VARIABLE = "CASEBOOK_SEARCH_PART_PAGES"  # pages per Pagefind run (the tests use a few)


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
        workers = 1 if _low_memory() else None
        site.generate(_data_dir(config), Path(config.docs_dir), os.environ.get(PREVIEW, ""), workers)
    except DataError as error:
        raise PluginError(f"the case data has problems:\n{error}") from None
    if not _inner_pass(config):
        _indexing.clear()
        _site_root[:] = [Path(config.site_dir)]  # the inner passes build into <root>/<lang>
    elif not _indexing and not _low_memory():  # the Chinese pages are written: index them while English builds
        _indexing.append(_start(config, ("",)))


_indexing: list[Indexing] = []  # the Pagefind runs started in this build
_site_root: list[Path] = []


def _low_memory() -> bool:
    return os.environ.get(LOW_MEMORY, "") not in ("", "0")


def _start(config: MkDocsConfig, prefixes: tuple[str, ...]) -> Indexing:
    part_pages = int(os.environ.get(PART_PAGES_VARIABLE) or PART_PAGES)
    return start_indexing(_site_root[0], prefixes, _other_languages(config), part_pages)


def _inner_pass(config: MkDocsConfig) -> bool:
    """static-i18n builds each other language inside the default language's post-build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def _other_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages mkdocs.yml has static-i18n build under their own folder (the default is at the root)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ()
    return tuple(locale for locale in i18n.build_languages if locale != i18n.default_language)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: object) -> str:
    if STATS_PLACEHOLDER not in markdown:
        return markdown
    stats = site.home_stats(config.theme["language"])
    return markdown.replace(STATS_PLACEHOLDER, stats)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    page.edit_url = site.edit_url(config.edit_uri, page.meta, page.edit_url)
    return context


@event_priority(-200)  # last, once every plugin has had the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written and no later step reads its text (no search plugin,
    # no sitemap content). MkDocs would keep every page's Markdown and HTML to
    # the end of the build, and static-i18n builds English while it still
    # holds the Chinese pages.
    page.markdown = page.content = ""  # not None: Page.title reads None as "no title yet"
    return output


@event_priority(-200)  # after static-i18n (-100), whose on_post_build builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _inner_pass(config):
        return  # index once every language is built
    others = _other_languages(config)
    if _low_memory():
        return_freed_memory()  # MkDocs is done with its pages: let Pagefind have the memory
    pending = others if _indexing else ("", *others)  # the Chinese index may be running already
    _indexing.append(_start(config, pending))
    errors = []
    for indexing in _indexing:  # wait for every one, so none outlives the build
        try:
            indexing.wait()
        except SearchIndexError as error:
            errors.append(str(error))
    _indexing.clear()
    if errors:
        raise PluginError("\n".join(errors))
