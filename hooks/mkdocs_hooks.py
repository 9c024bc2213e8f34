"""MkDocs wiring: one call into the casebook package per event, plus the build's orchestration
(the other languages built in a forked process, Pagefind runs, memory hand-back), which
issue 18 moves into the package."""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from casebook import site
from casebook.html_blocks import GeneratedHtmlBlocks
from casebook.memory import return_freed_memory
from casebook.problems import DataError
from casebook.search import PART_PAGES, Indexing, SearchIndexError, start_indexing

STATS_PLACEHOLDER = "<!-- casebook:stats -->"
FILTER_KEYS_PLACEHOLDER = "<!-- casebook:filter-keys -->"
SITE_WIDE_TEMPLATES = {"404.html", "sitemap.xml"}
PREVIEW = "CASEBOOK_PREVIEW"  # `make preview CASE=<id>`: build only these records
# `make build LOW_MEMORY=1`: render in one process and index after the last page,
# one Pagefind run at a time, so that no two hold memory at once (slower).
LOW_MEMORY = "CASEBOOK_LOW_MEMORY"
PART_PAGES_VARIABLE = "CASEBOOK_SEARCH_PART_PAGES"  # pages per Pagefind run (the tests use a few)


@dataclass
class _LanguageFork:
    child: int = 0  # in the default language's process: the one building the other languages
    in_child: bool = False  # in that one


# What one MkDocs process knows between events.
_command: list[str] = []  # "build", "serve" or "gh-deploy"
_indexing: list[Indexing] = []  # the Pagefind runs started in this build
_site_root: list[Path] = []  # the site folder of the default language (the inner passes build into <root>/<lang>)
_fork = _LanguageFork()
_section: list[Page] = []  # the navigation page marked active for the page being rendered (on_page_context)


def _data_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


def on_config(config: MkDocsConfig) -> None:
    if not config.use_directory_urls:  # generated listings link to "cases/<id>/" (render.page_url)
        raise PluginError("the casebook needs use_directory_urls: true in mkdocs.yml")
    config.markdown_extensions.append(GeneratedHtmlBlocks())  # type: ignore[arg-type]  # an instance is fine
    config.theme.static_templates.difference_update(_site_wide_files_skipped(config))


def _site_wide_files_skipped(config: MkDocsConfig) -> set[str]:
    """The theme's site-wide pages this pass must not write."""
    # 404.html and sitemap.xml sit at the site root, once: the default language
    # writes them. Another language's build would overwrite them (an English
    # 404 page at the Chinese root), or race the default one when forked.
    skipped = set(SITE_WIDE_TEMPLATES) if _inner_pass(config) else set()
    if not config.site_url:  # a sitemap lists absolute URLs: without site_url it would say "None./"
        skipped.add("sitemap.xml")
    return skipped


def on_pre_build(config: MkDocsConfig) -> None:
    # Runs before MkDocs discovers files, so generated pages are real files
    # (static-i18n drops File.generated() pages: its issue #263).
    try:
        workers = 1 if _low_memory() else None
        site.generate(_data_dir(config), Path(config.docs_dir), os.environ.get(PREVIEW, ""), workers, config.site_url)
    except DataError as error:
        raise PluginError(f"the case data has problems:\n{error}") from None
    if not _inner_pass(config):
        _indexing.clear()
        _site_root[:] = [Path(config.site_dir)]
    elif not (_indexing or _low_memory() or _fork.in_child):  # static-i18n's loop: index Chinese while English builds
        _indexing.append(_start(config, ("",)))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Left out of static_templates (on_config), the theme's sitemap.xml would be
    # copied as a file: its template text would be published as the sitemap.
    for name in _site_wide_files_skipped(config):
        if theme_file := files.get_file_from_path(name):
            files.remove(theme_file)
    if _can_fork(config):
        # After MkDocs has emptied site/ (it does so after on_pre_build) and before
        # the first page: the other languages can be built beside this one from here.
        _fork.child = _fork_other_languages(config)
    return files


def _can_fork(config: MkDocsConfig) -> bool:
    # `serve` rebuilds from a server thread: a fork must not copy other threads
    # (their locks stay held in the child), and Windows has no fork.
    if _command != ["build"] or _low_memory() or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    return not _inner_pass(config) and bool(_other_languages(config))


def _fork_other_languages(config: MkDocsConfig) -> int:
    """Builds the other languages in a forked process while this one builds the default.

    static-i18n builds them one after another in its on_post_build, on one
    core; MkDocs and the theme are single-threaded, so the machine's second
    core was idle (docs/benchmark.md). The child does what static-i18n's loop
    does (mkdocs_static_i18n/plugin.py, on_post_build, version 1.3.1, pinned):
    switch its current language, keep the site folder, call MkDocs' build.
    Only for `mkdocs build` (_can_fork).
    """
    i18n = config.plugins["i18n"]
    i18n.building = True  # in both processes: static-i18n's on_post_build then builds nothing more
    child = os.fork()
    if child:
        return child
    status = 1
    try:
        from mkdocs import utils
        from mkdocs.commands.build import build

        _fork.in_child = True
        utils.clean_directory = lambda path: path  # as static-i18n does: the default language's pages stay
        for locale in _other_languages(config):
            i18n.current_language = locale
            build(config)
        status = 0
    except Abort as error:  # strict mode's warnings, already logged: say which build stopped
        print(f"{', '.join(_other_languages(config))}: {error}", file=sys.stderr)
    except BaseException:  # reported by the parent's build as a failure
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def on_build_error(error: Exception) -> None:
    if _fork.child:  # the default language failed: the other languages' build is of no use
        os.kill(_fork.child, signal.SIGTERM)
        os.waitpid(_fork.child, 0)
        _fork.child = 0


def _other_languages_failed(config: MkDocsConfig) -> list[str]:
    """Waits for the child building the other languages: [] if it succeeded, else why not."""
    _, status = os.waitpid(_fork.child, 0)
    _fork.child = 0
    config.plugins["i18n"].building = False
    if os.waitstatus_to_exitcode(status) == 0:
        return []
    return [f"building the other languages ({', '.join(_other_languages(config))}) failed: see above"]


def _low_memory() -> bool:
    return os.environ.get(LOW_MEMORY, "") not in ("", "0")


def _start(config: MkDocsConfig, prefixes: tuple[str, ...]) -> Indexing:
    part_pages = int(os.environ.get(PART_PAGES_VARIABLE) or PART_PAGES)
    return start_indexing(_site_root[0], prefixes, _other_languages(config), part_pages)


def _inner_pass(config: MkDocsConfig) -> bool:
    """A build of another language: static-i18n's, inside the default language's
    post-build, or the forked child's (_fork_other_languages)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building and not _fork.child)


def _other_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages mkdocs.yml has static-i18n build under their own folder (the default is at the root)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ()
    return tuple(locale for locale in i18n.build_languages if locale != i18n.default_language)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: object) -> str:
    # Hand-written pages that show what the data holds: the home page's counts, the search page's filter keys.
    for placeholder, snippet in ((STATS_PLACEHOLDER, site.home_stats), (FILTER_KEYS_PLACEHOLDER, site.filter_keys)):
        if placeholder in markdown:
            markdown = markdown.replace(placeholder, snippet(config.theme["language"]))
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.edit_url = site.edit_url(config.edit_uri, page.meta, page.edit_url)
    # A case, theme or region page sits in its section as if listed there: tab and navigation beside it.
    home = nav.homepage.url if nav.homepage else ""
    position = site.section_of(page.url, [listed.url for listed in nav.pages], home)
    if position is not None:
        _section[:] = [nav.pages[position]]
        _section[0].active = True  # and its sections above it; MkDocs does the same for the page it renders
    return context


@event_priority(-200)  # last, once every plugin has had the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The page is written and no later step reads its text (no search plugin,
    # no sitemap content). MkDocs would keep every page's Markdown and HTML to
    # the end of the build, and static-i18n builds English while it still
    # holds the Chinese pages.
    page.markdown = page.content = ""  # not None: Page.title reads None as "no title yet"
    for section in _section:  # as MkDocs deactivates the page it rendered
        section.active = False
    _section.clear()
    return output


@event_priority(-200)  # after static-i18n (-100), whose on_post_build builds the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _inner_pass(config):
        return  # index once every language is built
    site.write_files(Path(config.site_dir))
    if _low_memory():
        return_freed_memory()  # MkDocs is done with its pages: let Pagefind have the memory
    errors = []
    if _fork.child:  # the default language is written: index it while the child builds the others
        _indexing.append(_start(config, ("",)))
        errors += _other_languages_failed(config)
    if not errors:
        others = _other_languages(config)
        _indexing.append(_start(config, others if _indexing else ("", *others)))  # Chinese may be running
    for indexing in _indexing:  # wait for every one, so none outlives the build
        try:
            indexing.wait()
        except SearchIndexError as error:
            errors.append(str(error))
    _indexing.clear()
    if errors:
        raise PluginError("\n".join(errors))
