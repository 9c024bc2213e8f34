"""MkDocs wiring: one call per event into the core (casebook) or the build's orchestration (casebook_mkdocs)."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from casebook import site
from casebook_mkdocs import theme
from casebook_mkdocs.orchestration import BUILD
from casebook_mkdocs.watch import watch_sources


def on_startup(command: str, dirty: bool) -> None:
    BUILD.start(command, dirty)


def on_config(config: MkDocsConfig) -> None:
    BUILD.configure(config)


def on_pre_build(config: MkDocsConfig) -> None:
    # Before MkDocs finds files: generated pages are real files (static-i18n #263 drops File.generated()).
    BUILD.generate(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    BUILD.files_found(files, config)
    return files


@event_priority(-150)  # after static-i18n (-100), which gives this language pass its files and navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    BUILD.served_pages_kept_current(files)
    return nav


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    watch_sources(server, config.docs_dir)  # not the generated folders: our own writes set off no rebuild
    return server


def on_build_error(error: Exception) -> None:
    BUILD.failed()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return theme.compiled_once(env)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site.filled_placeholders(markdown, BUILD.result(), config.theme["language"])


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BUILD.with_problems(html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.edit_url = site.edit_url(config.edit_uri, page.meta, page.edit_url)
    theme.SECTION.mark(page, nav)  # a case page shows its tab and section, as if listed there
    return context


@event_priority(-200)  # last, once every plugin has had the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.markdown = page.content = ""  # read no more: MkDocs would keep it to the end; None means "no title yet"
    theme.SECTION.unmark()
    return output


@event_priority(-200)  # after static-i18n (-100), whose on_post_build builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    BUILD.finish(config)
