"""The site's search index: Pagefind, run over the built HTML, one bundle per language.

Pagefind splits the index into small chunks, so a reader's first search
downloads a few hundred kilobytes whatever the size of the casebook, and its
extended build segments Chinese. Only elements marked data-pagefind-body
(case and hand-written pages: overrides/main.html) are indexed. Case pages mark
their region, themes and ethnic groups with data-pagefind-filter, which the
search page offers as filters.

Chinese is indexed one character a word: Pagefind 1.5 segments the index with
a dictionary and the reader's query with the browser's segmenter, and where
they disagree a page is missed (Pagefind/pagefind#1237: 网格员 found 3 of 6
pages). So each Chinese page is indexed from a copy with a zero-width space
beside every Han character (indexed_copy), and the search page asks for a Chinese
query as exact phrases of characters (casebook-search.js): every page that
holds the string is found (tests/test_search_recall.py).

Each language has its own index (/pagefind/, /en/pagefind/). Pagefind keeps
every page of a run in memory, so a language of more than PART_PAGES pages is
indexed in parts, one run after another (/en/pagefind/, /en/pagefind-2/, …),
and the search page merges them (mergeIndex, overrides/assets/javascripts/
casebook-search.js, told the parts by pagefind/casebook-parts.json). The runs
go on in a background thread: the Chinese ones while MkDocs builds the
English pages (the machine's second core).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import cbor2

BUNDLE = "pagefind"  # the folder under each language's root: /pagefind/, /en/pagefind/
# Heading permalinks (¶), the edit button and the translation notice above the
# summary are chrome, not text. One flag per selector: Pagefind 1.5.2 ignores a
# comma-separated list.
IGNORED = (".headerlink", ".md-content__button", ".cb-translation")
FRAGMENT_MAGIC = b"pagefind_dcd"  # what a gzipped fragment or metadata file starts with once unzipped
INDEXED_MARK = b"<div data-pagefind-body>"  # overrides/main.html; in page text it would be &lt;div
MANIFEST = "casebook-parts.json"
# Pagefind holds every page of a run in memory (no setting for it:
# Pagefind/pagefind#842), so a language is indexed in parts of this many pages,
# merged by the search page (docs/benchmark.md, "Kept trade-offs").
PART_PAGES = 1_000
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RUNS = re.compile(f"[{_HAN}]+")
ZERO_WIDTH_SPACE = "\u200b"  # Pagefind's own word separator in Chinese text
# Pagefind segments the text of pages in these languages (by <html lang>), and only there
# reads a zero-width space as a gap between words: other pages are indexed as built.
SEGMENTED = re.compile(rb'<html lang="(zh|ja|th)\b')
_TEXTS_JOINED = "\x00"  # joins the texts between tags for one pass; never in a page (HTML forbids it)
# Tags and the stretches whose text must stay as it is: scripts, styles, and the
# search filters of a case page (their values are what the search page offers).
_KEPT = re.compile(
    r'(<script\b.*?</script>|<style\b.*?</style>|<div class="cb-search-filters"[^>]*>.*?</div>|<[^>]*>)', re.S
)


class SearchIndexError(RuntimeError):
    pass


def plan_parts(
    site_dir: Path, prefix: str, other_prefixes: tuple[str, ...], part_pages: int = PART_PAGES
) -> list[list[str]]:
    """One language's indexed pages (paths from its folder), in parts of at most
    `part_pages`: those marked data-pagefind-body, in the order of their paths."""
    root = site_dir / prefix
    skipped = set() if prefix else set(other_prefixes)
    pages = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not _skipped(path.relative_to(root).parts[0], skipped) and INDEXED_MARK in path.read_bytes()
    )
    return _chunks(pages, part_pages)


def _skipped(top: str, other_languages: set[str]) -> bool:
    return top in other_languages or top == BUNDLE or top.startswith(f"{BUNDLE}-")


def _chunks(pages: list[str], part_pages: int) -> list[list[str]]:
    # As few parts as part_pages allows, of even size: 1,063 pages make two of 532
    # and 531, not 1,000 and 63 (each part costs a reader's first search a few KB).
    if not pages:
        return []
    count = -(-len(pages) // part_pages)
    size = -(-len(pages) // count)
    return [pages[start : start + size] for start in range(0, len(pages), size)]


def bundle_name(part: int) -> str:
    """pagefind/ for the first part (the one the search page loads), pagefind-2/ and on for the others."""
    return BUNDLE if part == 1 else f"{BUNDLE}-{part}"


PAGEFIND = (sys.executable, "-m", "pagefind")  # the pinned extended build (pyproject.toml)
Copy = Callable[[Path, list[str], Path], None]  # (language root, pages, target): what Pagefind reads


class Indexing:
    """Pagefind runs, one after another in a background thread, so that only one
    indexer holds pages at a time and MkDocs goes on meanwhile."""

    def __init__(
        self,
        site_dir: Path,
        languages: list[tuple[str, list[list[str]]]],
        pagefind: Sequence[str] = PAGEFIND,
        copy: Copy | None = None,
    ):
        # `pagefind` and `copy`: another engine or segmentation, for tests/search_engines.py.
        self._copy = copy or indexed_copy
        self._commands = [
            (site_dir / prefix, pages, _command(site_dir / prefix, number, pagefind))
            for prefix, parts in languages
            for number, pages in enumerate(parts, start=1)
        ]
        self._languages = [(site_dir / prefix, len(parts)) for prefix, parts in languages]
        for language_root, parts in self._languages:
            write_manifest(language_root, parts)
        self._errors: list[str] = []
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # The next part's copy is made while Pagefind indexes this one: the copy's time
        # (spacing every Chinese page) would otherwise add to the build's.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind-copy") as copier:
            upcoming: Future[tempfile.TemporaryDirectory[str]] | None = None
            for number, (_, _, command) in enumerate(self._commands):
                copy = (upcoming or copier.submit(self._copied, number)).result()
                upcoming = copier.submit(self._copied, number + 1) if number + 1 < len(self._commands) else None
                with copy:
                    result = subprocess.run(
                        [*command, "--site", copy.name], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
                    )
                if result.returncode != 0:
                    self._errors.append(f"Pagefind failed ({result.returncode}):\n{result.stdout}")
                    break
            if upcoming:
                upcoming.result().cleanup()
        if not self._errors:
            for language_root, parts in self._languages:
                write_manifest(language_root, parts, chunk_starts(language_root, parts))

    def _copied(self, number: int) -> tempfile.TemporaryDirectory[str]:
        """The pages of run `number` as Pagefind reads them, in a temporary folder."""
        language_root, pages, _ = self._commands[number]
        copy = tempfile.TemporaryDirectory(prefix="casebook-index-")
        self._copy(language_root, pages, Path(copy.name))
        return copy

    def wait(self) -> None:
        """Waits for every run; raises SearchIndexError with Pagefind's own message."""
        self._thread.join()
        if self._errors:
            raise SearchIndexError("\n".join(self._errors))


def start_indexing(
    site_dir: Path,
    prefixes: tuple[str, ...],
    other_prefixes: tuple[str, ...],
    part_pages: int = PART_PAGES,
    pagefind: Sequence[str] = PAGEFIND,
    copy: Copy | None = None,
) -> Indexing:
    """Indexes the languages under `prefixes` ("" is the default language, at the
    root, beside the other languages' folders), each into its own bundles."""
    languages = [(prefix, plan_parts(site_dir, prefix, other_prefixes, part_pages)) for prefix in prefixes]
    return Indexing(site_dir, languages, pagefind, copy)


def _command(language_root: Path, part: int, pagefind: Sequence[str]) -> list[str]:
    # Each language's folder is its own Pagefind site (here, its indexed copy, given
    # with --site when it is made): result URLs are relative to it, which is what
    # the search page expects of a bundle at <folder>/pagefind/.
    return [
        *pagefind,
        "--output-path",
        str(language_root / bundle_name(part)),
        *(arg for selector in IGNORED for arg in ("--exclude-selectors", selector)),
        "--silent",
    ]


def indexed_copy(language_root: Path, pages: list[str], target: Path) -> None:
    """The pages Pagefind reads: each Chinese page as built, with a zero-width space on
    either side of every Han character in its text, so that every character is a word
    of the index; the others as built (a link to the page where the file system allows)."""
    for page in pages:
        source, copy = language_root / page, target / page
        copy.parent.mkdir(parents=True, exist_ok=True)
        html = source.read_bytes()
        if SEGMENTED.search(html, 0, 1000):
            copy.write_text(spaced_han(html.decode("utf-8")), "utf-8")
        else:
            _link_or_copy(source, copy)


def _link_or_copy(source: Path, copy: Path) -> None:
    try:
        os.link(source, copy)
    except OSError:  # another file system
        shutil.copyfile(source, copy)


def spaced_han(html: str) -> str:
    """Text between tags with a zero-width space on either side of each Han character
    (网格员“五微” -> 网 格 员 “ 五 微 ”, each gap one), also at either end of a text between
    tags ("等<a>基层治理</a>工作", a glossary hint, would otherwise be read as the words 等基
    and 理工); tags, scripts, styles and search filters unchanged. The texts are spaced in one
    pass, joined: this runs on every page of the casebook (docs/benchmark.md, search index)."""
    parts = _KEPT.split(html)
    parts[0::2] = _HAN_RUNS.sub(_spaced_run, _TEXTS_JOINED.join(parts[0::2])).split(_TEXTS_JOINED)
    return "".join(parts)


def _spaced_run(run: re.Match[str]) -> str:
    # None beside a space: Pagefind would drop the space with the zero-width one
    # ("社区 培育" would be stored as 社区培育).
    text, start, end = run.string, run.start(), run.end()
    before = "" if start and text[start - 1].isspace() else ZERO_WIDTH_SPACE
    after = "" if end < len(text) and text[end].isspace() else ZERO_WIDTH_SPACE
    return before + ZERO_WIDTH_SPACE.join(run.group()) + after


def write_manifest(language_root: Path, parts: int, starts: list[str] | None = None) -> None:
    """<bundle>/casebook-parts.json: the other parts' bundles, for the search page
    to merge (casebook-search.js), as URLs relative to the first bundle, and, once
    they are indexed, the first word of every chunk of their indexes (`starts`)."""
    bundle = language_root / BUNDLE
    bundle.mkdir(parents=True, exist_ok=True)
    merge = [f"../{bundle_name(part)}/" for part in range(2, parts + 1)]
    manifest = {"merge": merge, "starts": starts or []}
    (bundle / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")


def chunk_starts(language_root: Path, parts: int) -> list[str]:
    """The first word of each chunk of each part's index. Pagefind 1.5 loads, for a
    word, only the chunk where the word itself would stand, not the next ones that
    hold longer words it starts; the search page loads those by these words. Read
    from each bundle's metadata (pagefind-entry.json names it): gzipped CBOR whose
    third item lists the chunks as [first word, last word, file]."""
    starts: set[str] = set()
    for bundle in (language_root / bundle_name(part) for part in range(1, parts + 1)):
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        for language in entry["languages"].values():
            data = gzip.decompress((bundle / f"pagefind.{language['hash']}.pf_meta").read_bytes())
            if not data.startswith(FRAGMENT_MAGIC):
                raise SearchIndexError(f"{bundle}: not Pagefind metadata")
            starts.update(chunk[0] for chunk in cbor2.loads(data[len(FRAGMENT_MAGIC) :])[2])
    return sorted(starts)


def fragments(site_dir: Path) -> Iterator[tuple[Path, dict]]:
    """Each indexed page as Pagefind stored it (content, meta with the title, anchors),
    with its url as a path from the site root, whichever language's part holds it."""
    folders = [site_dir, *(folder for folder in sorted(site_dir.iterdir()) if (folder / BUNDLE).is_dir())]
    for folder in folders:
        prefix = "" if folder == site_dir else f"/{folder.name}"
        bundles = sorted(path for path in folder.iterdir() if path.is_dir() and _skipped(path.name, set()))
        for path in (path for bundle in bundles for path in sorted((bundle / "fragment").glob("*.pf_fragment"))):
            fragment = read_fragment(path)
            yield path, {**fragment, "url": prefix + fragment["url"]}


def read_fragment(path: Path) -> dict:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(FRAGMENT_MAGIC):
        raise SearchIndexError(f"{path}: not a Pagefind fragment")
    return json.loads(data[len(FRAGMENT_MAGIC) :])
