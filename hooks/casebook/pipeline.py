"""The whole generator as one call, memoised on a fingerprint of its inputs.

static-i18n runs the MkDocs build once per language, hooks included; the
memo makes the second pass cost nothing and report nothing twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import CASES_DIR, VOCAB_DIR, Catalog, build_catalog, fingerprint, input_files
from .compare import compare_files
from .feed import feed_files
from .history import head, read_history
from .incremental import ServeCache
from .memo import digest
from .opendata import open_data_files
from .overview import chart_files
from .problems import DataError, Problem, msg
from .redirects import redirect_files
from .render import DATA_PREFIX, View, filter_keys, home_stats, page_paths, render_pages
from .snapshot import Snapshot
from .vocab import VOCAB_FILES
from .write import write_pages


@dataclass(frozen=True)
class Result:
    """What the build needs after generating: not the catalog, which is let go
    before MkDocs fills memory with pages."""

    cases: int
    home_stats: dict[str, str]  # the home page's counts and latest cases, per language
    # Files beside the pages, path under the site folder -> content: the open data, the
    # feeds, the redirect pages of renamed records, the overview's charts and the compare
    # page's data. MkDocs empties the site folder after the generator runs, so the build
    # hook writes them once the pages are built (site.write_files).
    files: dict[str, bytes]
    written: int
    deleted: int
    filter_keys: dict[str, str]  # the search page's filter names and values with their keys, per language

    @classmethod
    def nothing(cls) -> Result:
        """What a served site shows before the data has ever generated."""
        return cls(0, {}, {}, 0, 0, {})


_memo: dict[tuple[Path, Path, tuple[str, ...] | None, str | None], tuple[str, Result]] = {}


def generate(
    data_dir: Path,
    docs_dir: Path,
    only: tuple[str, ...] | None = None,
    workers: int | None = None,
    site_url: str | None = None,
    cache: ServeCache | None = None,
) -> Result:
    """Validate data_dir and write its pages into docs_dir; raises DataError.

    `only` (case ids) is the preview: just those records are read and published,
    so a contributor sees a change in seconds however many cases there are.
    `workers`: processes that render pages (parallel.fork_imap).
    `site_url`: where the site is published, for permanent addresses and QR codes.
    `cache`: while serving, what the last build made: only what changed is loaded and rendered again.
    """
    key = (data_dir.resolve(), docs_dir.resolve(), only, site_url)
    # While serving, every data file is read once a build, here, and kept for the build
    # (snapshot.py); a build without a cache keeps no bytes (thousands of records).
    snapshot = Snapshot(input_files(data_dir)) if cache is not None else Snapshot(keep=False)
    stamp = fingerprint(data_dir, snapshot) + head(data_dir)  # a commit changes the change logs
    if key in _memo and _memo[key][0] == stamp:
        return _memo[key][1]
    with _collector_paused():
        paths = None if only is None else _record_paths(data_dir, only)
        catalog = build_catalog(data_dir, only=paths, cache=cache, files=snapshot)
        catalog = dataclasses.replace(catalog, site_url=site_url, history=read_history(data_dir))
        page_keys = {} if cache is None else _page_keys(catalog, _vocabulary_bytes(data_dir, snapshot))
        suffixes = tuple(language.suffix for language in catalog.languages.all)
        unchanged = {
            path for path, key in page_keys.items() if cache and cache.unchanged(docs_dir, path, key, suffixes)
        }
        pages = render_pages(catalog, workers, skip=unchanged)
        written, deleted = write_pages(docs_dir, page_paths(catalog), pages)
        if cache is not None:
            cache.pages = page_keys  # only now: the pages are written
        langs = catalog.languages.codes
        stats = {lang: home_stats(catalog, lang) for lang in langs}
        files = open_data_files(catalog) | feed_files(catalog) | redirect_files(catalog)
        files |= chart_files(catalog, {lang: View(catalog, lang) for lang in langs}) | compare_files(catalog)
        keys = {lang: filter_keys(catalog, lang) for lang in langs}
    result = Result(len(catalog.cases), stats, files, written, deleted, keys)
    _memo[key] = (stamp, result)
    return result


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while the catalog is built.

    Loading allocates many small objects that live until the build ends, so
    the collector kept re-scanning a growing heap and found nothing to free
    (measured: docs/benchmark.md, "Kept trade-offs").
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _page_keys(catalog: Catalog, vocab_bytes: bytes) -> dict[str, str]:
    """The key of each page made from some records only: path under docs/ (without language
    suffix) -> key. The case pages, and the theme and region pages (each lists its own
    cases); the other listings show every case, so they are rendered every time.
    `vocab_bytes`: the vocabularies but the themes, which a case page names by its own
    themes' entries (and their order): a changed theme label renders only the pages that show it."""
    # The languages and their page words (data/translations/) reach every page too; a Language's
    # repr leaves its words out, so they are named here.
    languages = [(language, sorted(language.ui.items())) for language in catalog.languages.all]
    themes = {theme.key: digest(repr(theme).encode()) for theme in catalog.vocab.themes}
    common = (digest(vocab_bytes), catalog.site_url, digest(repr(languages).encode()), tuple(themes))
    every_theme = (common, digest(repr(themes).encode()))  # the theme and region pages: every theme
    history, digests = catalog.history, catalog.digests
    keys = {}
    for case in catalog.cases:
        related = [(item.case.id, digests[item.case.id], item.themes) for item in catalog.related[case.id]]
        shown = sorted({key for practice in case.practices for key in practice.themes}.union(*(r[2] for r in related)))
        changes: Any = None if history is None else history.get(f"cases/{case.id}.yaml", ())
        keys[f"cases/{case.id}"] = _key(common, digests[case.id], changes, related, [themes[key] for key in shown])
    for theme, practices in catalog.practices_by_theme().items():
        keys[f"themes/{theme}"] = _key(every_theme, [(case.id, digests[case.id]) for case, _ in practices])
    for region, cases in catalog.cases_by_region().items():
        keys[f"regions/{region}"] = _key(every_theme, [(case.id, digests[case.id]) for case in cases])
    return keys


def _key(*parts: object) -> str:
    return digest(repr(parts).encode())


def _vocabulary_bytes(data_dir: Path, files: Snapshot) -> bytes:
    """Every vocabulary file's bytes but the themes' (_page_keys keys pages by their theme entries)."""
    names = [name for name, field in VOCAB_FILES.items() if field != "themes"]
    return b"".join(files.bytes_or(data_dir / VOCAB_DIR / name, b"<missing>") for name in names)


def _record_paths(data_dir: Path, ids: tuple[str, ...]) -> list[Path]:
    paths = [data_dir / CASES_DIR / f"{case_id}.yaml" for case_id in ids]
    missing = [path for path in paths if not path.is_file()]
    if missing:
        shown = ", ".join(f"{DATA_PREFIX}/{CASES_DIR}/{path.name}" for path in missing)
        raise DataError([Problem(shown, 1, 1, "", msg("preview.no_record"))])
    return paths
