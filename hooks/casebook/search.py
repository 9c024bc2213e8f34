"""The site's search index: Pagefind, run over the built HTML of every language.

Pagefind splits the index into small chunks, so a reader's first search
downloads a few hundred kilobytes whatever the size of the casebook; it keeps
one index per `<html lang>`, so each language searches only its own pages, and
its extended build segments Chinese. Only elements marked data-pagefind-body
(case and hand-written pages: overrides/main.html) are indexed.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

BUNDLE = "pagefind"  # the folder under the site root, shared by both languages
# Heading permalinks (¶), the edit button and the translation notice above the
# summary are chrome, not text. One flag per selector: Pagefind 1.5.2 ignores a
# comma-separated list.
IGNORED = (".headerlink", ".md-content__button", ".cb-translation")
FRAGMENT_MAGIC = b"pagefind_dcd"  # what a gzipped fragment starts with once unzipped


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    """Writes site_dir/pagefind/; raises SearchIndexError with Pagefind's own message."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", BUNDLE,
        *(arg for selector in IGNORED for arg in ("--exclude-selectors", selector)),
        "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed ({result.returncode}):\n{result.stderr or result.stdout}")


def fragments(site_dir: Path) -> Iterator[tuple[Path, dict]]:
    """Each indexed page as Pagefind stored it: url, content, meta (title), anchors."""
    for path in sorted((site_dir / BUNDLE / "fragment").glob("*.pf_fragment")):
        yield path, read_fragment(path)


def read_fragment(path: Path) -> dict:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(FRAGMENT_MAGIC):
        raise SearchIndexError(f"{path}: not a Pagefind fragment")
    return json.loads(data[len(FRAGMENT_MAGIC):])
