"""The build's orchestration (casebook_mkdocs/orchestration.py) decided without a build:
which pass is the default language's, when the other languages may be forked, and
what a failed build stops. Whole builds through it: test_site_build.py."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest

from casebook.search import PART_PAGES
from casebook_mkdocs import orchestration, theme
from casebook_mkdocs.orchestration import Settings, SiteBuild


def config(building: bool = False, languages: tuple[str, ...] = ("zh", "en")) -> Any:
    i18n = SimpleNamespace(building=building, build_languages=list(languages), default_language="zh")
    return SimpleNamespace(plugins={"i18n": i18n}, site_dir="/tmp/site")


@pytest.mark.parametrize(
    ("environment", "settings"),
    [
        ({}, Settings("", False, PART_PAGES)),
        ({"CASEBOOK_LOW_MEMORY": "0"}, Settings("", False, PART_PAGES)),
        (
            {"CASEBOOK_LOW_MEMORY": "1", "CASEBOOK_PREVIEW": "a,b", "CASEBOOK_SEARCH_PART_PAGES": "7"},
            Settings("a,b", True, 7),
        ),
    ],
)
def test_settings_come_from_the_environment(monkeypatch, environment, settings):
    for name in ("CASEBOOK_LOW_MEMORY", "CASEBOOK_PREVIEW", "CASEBOOK_SEARCH_PART_PAGES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    build = SiteBuild()
    build.start("build")
    assert build.settings == settings
    assert build.workers() == (1 if settings.low_memory else None)


def test_the_default_language_pass_is_not_an_inner_pass():
    build = SiteBuild()
    assert not build.inner_pass(config(building=False))
    assert build.inner_pass(config(building=True))
    build.child = 1234  # the parent of the forked build holds static-i18n's loop off itself
    assert not build.inner_pass(config(building=True))


def test_the_default_language_pass_records_the_site_root():
    build = SiteBuild()
    build._pages_generated(config())
    assert build.site_root == Path("/tmp/site")
    assert build.indexing == []


@pytest.mark.parametrize(
    ("command", "low_memory", "languages", "threads", "forks"),
    [
        ("build", False, ("zh", "en"), 1, True),
        ("serve", False, ("zh", "en"), 1, False),  # serve rebuilds from a server thread
        ("build", True, ("zh", "en"), 1, False),  # one process at a time
        ("build", False, ("zh",), 1, False),  # nothing else to build
        ("build", False, ("zh", "en"), 2, False),  # a fork would copy the other thread's held locks
    ],
)
def test_only_a_full_build_forks(monkeypatch, command, low_memory, languages, threads, forks):
    monkeypatch.setattr(orchestration.threading, "active_count", lambda: threads)
    build = SiteBuild(command=command, settings=Settings(low_memory=low_memory))
    assert build._can_fork(config(languages=languages)) is forks


def test_a_result_is_asked_for_only_after_generating():
    with pytest.raises(RuntimeError, match="a page event before on_pre_build"):
        SiteBuild().result()


def test_a_failed_build_stops_the_other_languages():
    child = os.fork()
    if child == 0:  # stands in for the process building English
        time.sleep(60)
        os._exit(0)
    build = SiteBuild(child=child)
    started = time.monotonic()
    build.failed()
    assert build.child == 0
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped: nothing left behind


def test_the_background_index_yields_to_builds():
    """While serving, the search index is brought up to date by a thread of low priority (the
    Pagefind processes it starts inherit it), so that the next save's build gets the cores."""
    seen: list[int] = []

    def background() -> None:
        orchestration._yield_to_builds()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    before = os.getpriority(os.PRIO_PROCESS, 0)
    thread = threading.Thread(target=background)
    thread.start()
    thread.join()
    # The thread's priority, not the process's: the serving thread keeps its own.
    assert (seen, os.getpriority(os.PRIO_PROCESS, 0)) == ([max(before, orchestration.BACKGROUND_NICENESS)], before)


def test_theme_templates_are_compiled_once_per_process():
    """MkDocs makes a new Jinja environment every build: a served rebuild reuses the compiled
    templates (theme.compiled_once), and a template whose source changed is compiled again."""
    sources = {"page.html": "<p>{{ text }}</p>"}
    compiled: list[str] = []

    def environment() -> jinja2.Environment:
        env = theme.compiled_once(jinja2.Environment(loader=jinja2.DictLoader(sources)))
        compile_source = env.compile

        def spy(source: str, *args: Any, **kwargs: Any) -> Any:
            compiled.append(source)
            return compile_source(source, *args, **kwargs)

        env.compile = spy  # type: ignore[method-assign,assignment]  # a spy on the one method
        return env

    shown = [environment().get_template("page.html").render(text="a") for _ in range(2)]
    sources["page.html"] = "<p>{{ text }}!</p>"
    shown.append(environment().get_template("page.html").render(text="a"))
    assert (shown, compiled) == (["<p>a</p>", "<p>a</p>", "<p>a!</p>"], ["<p>{{ text }}</p>", "<p>{{ text }}!</p>"])
