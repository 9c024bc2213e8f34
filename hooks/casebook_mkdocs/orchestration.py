"""The build's orchestration: the other languages built beside the default one,
the search index made while pages are built, memory handed back.

One SiteBuild lives per MkDocs process (BUILD): MkDocs and static-i18n call
the hook file's events once per language pass, and the passes share what was
started in an earlier one (the Pagefind runs, the process building English).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import Files

from casebook import site
from casebook.html_blocks import GeneratedHtmlBlocks
from casebook.incremental import ServeCache
from casebook.memory import return_freed_memory
from casebook.pipeline import Result
from casebook.problems import DataError, Problem
from casebook.search import PART_PAGES, Indexing, SearchIndexError, start_indexing
from casebook.served_problems import problems_panel

from . import static_i18n, theme

PREVIEW = "CASEBOOK_PREVIEW"  # `make preview CASE=<id>`: build only these records
# `make build LOW_MEMORY=1`: render in one process and index after the last page,
# one Pagefind run at a time, so that no two hold memory at once (slower).
LOW_MEMORY = "CASEBOOK_LOW_MEMORY"
PART_PAGES_VARIABLE = "CASEBOOK_SEARCH_PART_PAGES"  # pages per Pagefind run (the tests use a few)


@dataclass(frozen=True)
class Settings:
    """What `make` passes to a build through the environment."""

    preview: str = ""
    low_memory: bool = False
    part_pages: int = PART_PAGES

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(
            preview=os.environ.get(PREVIEW, ""),
            low_memory=os.environ.get(LOW_MEMORY, "") not in ("", "0"),
            part_pages=int(os.environ.get(PART_PAGES_VARIABLE) or PART_PAGES),
        )


@dataclass
class SiteBuild:
    """One MkDocs process's build: `mkdocs build` runs it once, `mkdocs serve` once per change."""

    command: str = "build"  # "build", "serve" or "gh-deploy"
    settings: Settings = field(default_factory=Settings)
    site_root: Path = Path("site")  # the default language's site folder; the others build into <root>/<lang>
    indexing: list[Indexing] = field(default_factory=list)  # the Pagefind runs started in this build
    child: int = 0  # in the default language's process: the one building the other languages
    in_child: bool = False  # in that one
    generated: Result | None = None  # the pages and files this build's data made (on_pre_build)
    problems: tuple[Problem, ...] = ()  # while serving: the data's problems, shown on every page
    dirty: bool = False  # `mkdocs serve --dirty` (`make serve`): MkDocs rebuilds only pages whose source changed
    cache: ServeCache | None = None  # while serving: what the last build loaded and rendered
    served: int = 0  # builds this serving process has finished
    background: threading.Thread | None = None  # while serving: the search index brought up to date
    problems_shown: tuple[Problem, ...] | None = None  # while serving: the problems the served pages show
    files_shown: dict[str, bytes] | None = None  # while serving: the files beside the pages (site.write_files)

    def start(self, command: str, dirty: bool = False) -> None:
        self.command, self.settings, self.dirty = command, Settings.from_environment(), dirty
        self.cache = ServeCache() if command == "serve" else None

    def configure(self, config: MkDocsConfig) -> None:
        """The casebook's needs of the configuration: folder URLs (generated listings link to
        "cases/<id>/", render.page_url), its Markdown extension, and no site-wide page twice."""
        if not config.use_directory_urls:
            raise PluginError("the casebook needs use_directory_urls: true in mkdocs.yml")
        config.markdown_extensions.append(GeneratedHtmlBlocks())  # type: ignore[arg-type]  # an instance is fine
        theme.skip_site_wide_templates(config, self.inner_pass(config))

    def with_problems(self, html: str) -> str:
        """A page's content, under the panel of the data's problems while serving (none otherwise)."""
        return problems_panel(self.problems) + html

    def generate(self, config: MkDocsConfig) -> None:
        """The pages from the data, before MkDocs reads this language pass's pages. Stops the
        build on the data's problems, except while serving: then the last good pages stay and every
        page shows them (casebook.served_problems), so no request waits for a build that cannot succeed."""
        data_dir = Path(config.config_file_path).parent / "data"
        try:
            self.generated = site.generate(
                data_dir, Path(config.docs_dir), self.settings.preview, self.workers(), config.site_url, self.cache
            )
            self.problems = ()
        except DataError as error:
            if self.command != "serve":
                raise PluginError(f"the case data has problems:\n{error}") from None
            self.problems = error.problems
            self.generated = self.generated or Result.nothing()
            # Not through MkDocs' log: mkdocs.yml's strict mode would abort the build on it.
            sys.stderr.write(f"the case data has problems (every served page lists them):\n{error}\n")
        self._pages_generated(config)

    def result(self) -> Result:
        """What on_pre_build generated, for the events that follow it."""
        if self.generated is None:
            raise RuntimeError("a page event before on_pre_build")
        return self.generated

    def workers(self) -> int | None:
        """Processes that render pages: one when memory is short, else every core."""
        return 1 if self.settings.low_memory else None

    def inner_pass(self, config: MkDocsConfig) -> bool:
        """A build of another language: static-i18n's, inside the default language's
        post-build, or the forked child's (fork_other_languages)."""
        return static_i18n.building_other_languages(config) and not self.child

    def _pages_generated(self, config: MkDocsConfig) -> None:
        """Before MkDocs reads the pages of a language pass."""
        if not self.inner_pass(config):
            self.indexing.clear()
            self.site_root = Path(config.site_dir)
        elif not (self.indexing or self.settings.low_memory or self.in_child or self._rebuilding()):
            # static-i18n's loop builds English now: index Chinese meanwhile.
            self.indexing.append(self._index(config, ("",)))

    def files_found(self, files: Files, config: MkDocsConfig) -> None:
        """MkDocs has found this pass's files and emptied site/ (after on_pre_build), and writes
        no page yet: the theme's skipped templates go, and the other languages can be built
        beside this one from here."""
        theme.remove_skipped_templates(files, config, self.inner_pass(config))
        if self._can_fork(config):
            self.child = self._fork_other_languages(config)

    def _can_fork(self, config: MkDocsConfig) -> bool:
        # `serve` rebuilds from a server thread: a fork must not copy other threads
        # (their locks stay held in the child), and Windows has no fork.
        if self.command != "build" or self.settings.low_memory or not hasattr(os, "fork"):
            return False
        if threading.active_count() > 1:
            return False
        return not self.inner_pass(config) and bool(static_i18n.other_languages(config))

    def _fork_other_languages(self, config: MkDocsConfig) -> int:
        """Builds the other languages in a forked process while this one builds the default.

        static-i18n builds them one after another in its on_post_build, on one
        core; MkDocs and the theme are single-threaded, so the second core
        would be idle (docs/benchmark.md, "Kept trade-offs")."""
        static_i18n.set_building(config, True)  # in both processes: static-i18n's own loop builds nothing
        child = os.fork()
        if child:
            return child
        self.in_child = True
        os._exit(self._build_other_languages(config))

    def _build_other_languages(self, config: MkDocsConfig) -> int:
        """The child's work; its exit status."""
        languages = static_i18n.other_languages(config)
        try:
            for locale in languages:
                static_i18n.build_language(config, locale)
            return 0
        except Abort as error:  # strict mode's warnings, already logged: say which build stopped
            print(f"{', '.join(languages)}: {error}", file=sys.stderr)
        except BaseException:  # reported by the parent's build as a failure
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return 1

    def failed(self) -> None:
        """The default language failed: the other languages' build is of no use."""
        if self.child:
            os.kill(self.child, signal.SIGTERM)
            os.waitpid(self.child, 0)
            self.child = 0

    def write_files(self, config: MkDocsConfig) -> None:
        """The open data, feeds and other files beside the pages; while serving with `--dirty`
        (which keeps the served folder), only those that changed."""
        site.write_files(self.result(), Path(config.site_dir), self.files_shown)
        if self.command == "serve" and self.dirty:
            self.files_shown = dict(self.result().files)

    def _rebuilding(self) -> bool:
        """A build of `serve` after its first one."""
        return self.command == "serve" and self.served > 0

    def finish(self, config: MkDocsConfig) -> None:
        """After a language pass's pages. After the default language's (and static-i18n's loop,
        if not forked): writes the files beside the pages, waits for the other languages and
        indexes what is not indexed yet; stops the build on what failed."""
        if self.inner_pass(config):
            return  # index once every language is built
        self.write_files(config)
        if errors := self._finished(config):
            raise PluginError("\n".join(errors))

    def _finished(self, config: MkDocsConfig) -> list[str]:
        if self.command == "serve":
            self.served += 1
            self.problems_shown = self.problems
        if self.served > 1:
            self._index_in_background(config)
            return []
        if self.settings.low_memory:
            return_freed_memory()  # MkDocs is done with its pages: let Pagefind have the memory
        errors = []
        if self.child:  # the default language is written: index it while the child builds the others
            self.indexing.append(self._index(config, ("",)))
            errors += self._other_languages_failed(config)
        if not errors:
            others = static_i18n.other_languages(config)
            self.indexing.append(self._index(config, others if self.indexing else ("", *others)))
        for indexing in self.indexing:  # wait for every one, so none outlives the build
            try:
                indexing.wait()
            except SearchIndexError as error:
                errors.append(str(error))
        self.indexing.clear()
        return errors

    def _other_languages_failed(self, config: MkDocsConfig) -> list[str]:
        """Waits for the child building the other languages: [] if it succeeded, else why not."""
        _, status = os.waitpid(self.child, 0)
        self.child = 0
        static_i18n.set_building(config, False)
        if os.waitstatus_to_exitcode(status) == 0:
            return []
        languages = ", ".join(static_i18n.other_languages(config))
        return [f"building the other languages ({languages}) failed: see above"]

    def _index_in_background(self, config: MkDocsConfig) -> None:
        """While serving, after the first build: the pages are served at once, and the search
        index catches up a few seconds later (a search meanwhile finds the text as it was)."""
        previous, others = self.background, static_i18n.other_languages(config)
        root, part_pages = self.site_root, self.settings.part_pages

        def index() -> None:
            if previous is not None:
                previous.join()  # one index run at a time: they write the same folders
            _yield_to_builds()
            try:
                start_indexing(root, ("", *others), others, part_pages).wait()
            except (SearchIndexError, OSError) as error:  # OSError: the served folder went away
                sys.stderr.write(f"the search index was not brought up to date: {error}\n")

        self.background = threading.Thread(target=index, name="search-index", daemon=True)
        self.background.start()

    def served_pages_kept_current(self, files: Files) -> None:
        """`--dirty` rebuilds only pages whose source changed, or whose output is missing. Two kinds
        of page must follow the data though their source did not change, so their old output is
        removed before MkDocs reads this language pass's pages: hand-written pages that show what
        the data holds (the home page's counts, the search filters: site.shows_data), and every
        page when the data's problems come or go (each page shows them: served_problems.py).
        (The navigation needs nothing: its titles are mkdocs.yml's, not read from the pages.)"""
        if self.dirty:
            self._stale_pages_removed(files)

    def _stale_pages_removed(self, files: Files) -> None:
        every = self.problems != self.problems_shown
        for file in files.documentation_pages():
            if every or (file.abs_src_path and site.shows_data(file.src_uri, Path(file.abs_src_path))):
                Path(file.abs_dest_path).unlink(missing_ok=True)

    def _index(self, config: MkDocsConfig, prefixes: tuple[str, ...]) -> Indexing:
        others = static_i18n.other_languages(config)
        return start_indexing(self.site_root, prefixes, others, self.settings.part_pages)


# The background index run's niceness: a whole-site index takes the cores for tens of seconds
# at 1,000 cases, and the contributor's next save must not wait for it (Linux: per thread,
# inherited by the Pagefind processes the thread starts).
BACKGROUND_NICENESS = 10


def _yield_to_builds() -> None:
    """Lowers this thread's priority, where the system allows it (not on Windows)."""
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


BUILD = SiteBuild()  # this process's: MkDocs loads the hook file once per process
