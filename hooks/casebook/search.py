"""The site's search index: Pagefind, run over the built HTML, one bundle per language.

Pagefind splits the index into small chunks, so a reader's first search
downloads a few hundred kilobytes whatever the size of the casebook, and its
extended build segments Chinese. Only elements marked data-pagefind-body
(case and hand-written pages: overrides/main.html) are indexed. Case pages mark
their region, themes and ethnic groups with data-pagefind-filter, which the
search page offers as filters.

Each language gets its own bundle (/pagefind/, /en/pagefind/), indexed by its
own Pagefind process: the Chinese one runs while MkDocs builds the English
pages (the machine's second core), and each process holds one language's pages,
not both (measured at 1,000 cases: 526 MB for one run of both, 335 MB for the
larger of two).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

BUNDLE = "pagefind"  # the folder under each language's root: /pagefind/, /en/pagefind/
# Heading permalinks (¶), the edit button and the translation notice above the
# summary are chrome, not text. One flag per selector: Pagefind 1.5.2 ignores a
# comma-separated list.
IGNORED = (".headerlink", ".md-content__button", ".cb-translation")
FRAGMENT_MAGIC = b"pagefind_dcd"  # what a gzipped fragment starts with once unzipped


class SearchIndexError(RuntimeError):
    pass


def start_indexing(site_dir: Path, prefix: str, other_prefixes: tuple[str, ...]) -> subprocess.Popen[str]:
    """Starts Pagefind on one language's pages: those under `prefix` ("" is the default
    language, at the root, beside the other languages' folders)."""
    # Each language's folder is its own Pagefind site: result URLs are relative to it,
    # which is what Pagefind's UI expects of a bundle at <folder>/pagefind/.
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir / prefix),
        "--glob", _language_glob(site_dir, prefix, other_prefixes),
        "--output-subdir", BUNDLE,
        *(arg for selector in IGNORED for arg in ("--exclude-selectors", selector)),
        "--silent",
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_indexing(process: subprocess.Popen[str]) -> None:
    """Waits for Pagefind; raises SearchIndexError with its own message."""
    output, _ = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({process.returncode}):\n{output}")


def _language_glob(site_dir: Path, prefix: str, other_prefixes: tuple[str, ...]) -> str:
    if prefix:
        return "**/*.html"
    skipped = {*other_prefixes, BUNDLE}
    parts = sorted(
        entry.name if entry.is_file() else f"{entry.name}/**/*.html"
        for entry in site_dir.iterdir()
        if entry.name not in skipped and (entry.is_dir() or entry.suffix == ".html")
    )
    return "{" + ",".join(parts) + "}"


def fragments(site_dir: Path) -> Iterator[tuple[Path, dict]]:
    """Each indexed page as Pagefind stored it (content, meta with the title, anchors),
    with its url as a path from the site root, whichever language bundle holds it."""
    folders = [site_dir, *(folder for folder in sorted(site_dir.iterdir()) if (folder / BUNDLE).is_dir())]
    for folder in folders:
        prefix = "" if folder == site_dir else f"/{folder.name}"
        for path in sorted((folder / BUNDLE / "fragment").glob("*.pf_fragment")):
            fragment = read_fragment(path)
            yield path, {**fragment, "url": prefix + fragment["url"]}


def read_fragment(path: Path) -> dict:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(FRAGMENT_MAGIC):
        raise SearchIndexError(f"{path}: not a Pagefind fragment")
    return json.loads(data[len(FRAGMENT_MAGIC):])
