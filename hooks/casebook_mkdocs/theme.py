"""What the casebook asks of the theme beyond its settings: which pass writes the site-wide
pages (404.html, sitemap.xml), which section a page the navigation does not list sits in, and
its templates compiled once per process (a served rebuild compiled them again)."""

from __future__ import annotations

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from casebook import site

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


class ActiveSection:
    """The navigation page marked active while a page it does not list renders (a case, theme
    or region page), so that the theme highlights its tab and lists its section beside it.
    Listing every case in the navigation would do the same, but makes MkDocs' build quadratic."""

    def __init__(self) -> None:
        self._marked: Page | None = None

    def mark(self, page: Page, nav: Navigation) -> None:
        home = nav.homepage.url if nav.homepage else ""
        position = site.section_of(page.url, [listed.url for listed in nav.pages], home)
        if position is not None:
            self._marked = nav.pages[position]
            self._marked.active = True  # and its sections above it, as MkDocs does for the page it renders

    def unmark(self) -> None:
        """After the page is written, as MkDocs deactivates the page it rendered."""
        if self._marked is not None:
            self._marked.active = False
            self._marked = None


SECTION = ActiveSection()  # this process's: one page renders at a time


class _KeptBytecode(jinja2.BytecodeCache):
    """The theme's templates compiled once per process. MkDocs makes a new Jinja environment for
    every build (Theme.get_env), which compiled Material's templates again at every served
    rebuild, in each language; Jinja checks each kept compilation against the template's
    source (a checksum), so an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (compiled := self._compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _KeptBytecode()


def compiled_once(env: jinja2.Environment) -> jinja2.Environment:
    """The build's theme environment, with the templates this process compiled before."""
    env.bytecode_cache = _BYTECODE
    return env
