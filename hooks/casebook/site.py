"""What the MkDocs hooks need from the package, in terms free of MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .incremental import ServeCache
from .pipeline import Result
from .pipeline import generate as _generate
from .render import GENERATED_DIRS

# edit_uri in mkdocs.yml points into docs/; a generated page edits its record.
EDIT_ROOT_MARKER = "/docs/"
STATS_PLACEHOLDER = "<!-- casebook:stats -->"
FILTER_KEYS_PLACEHOLDER = "<!-- casebook:filter-keys -->"


def generate(
    data_dir: Path,
    docs_dir: Path,
    preview: str = "",
    workers: int | None = None,
    site_url: str | None = None,
    cache: ServeCache | None = None,
) -> Result:
    """preview: the CASEBOOK_PREVIEW value, case ids or record paths separated by commas;
    workers: processes that render pages (None: every core, for a large casebook);
    site_url: mkdocs.yml's, for the printed pages' permanent addresses and QR codes;
    cache: while serving, what the last build made (incremental.py)."""
    return _generate(data_dir, docs_dir, preview_ids(preview), workers, site_url, cache)


def preview_ids(preview: str) -> tuple[str, ...] | None:
    """'a, data/cases/b.yaml' -> ('a', 'b'); an empty value means the whole casebook."""
    ids = tuple(Path(part.strip()).name.removesuffix(".yaml") for part in preview.split(",") if part.strip())
    return ids or None


def shows_data(src_uri: str, path: Path) -> bool:
    """A hand-written page (not under a generated folder) with a placeholder the data fills."""
    if src_uri.split("/", 1)[0] in GENERATED_DIRS:
        return False
    text = path.read_text("utf-8")
    return STATS_PLACEHOLDER in text or FILTER_KEYS_PLACEHOLDER in text


def filled_placeholders(markdown: str, generated: Result, language: str) -> str:
    """A hand-written page with what the data holds: the home page's counts, the search page's filter keys."""
    for placeholder, snippets in (
        (STATS_PLACEHOLDER, generated.home_stats),
        (FILTER_KEYS_PLACEHOLDER, generated.filter_keys),
    ):
        markdown = markdown.replace(placeholder, snippets.get(language, ""))
    return markdown


def write_files(generated: Result, site_dir: Path, written: Mapping[str, bytes] | None = None) -> None:
    """Writes the open data and the feeds of this build into the built site; `written`: what
    the last build wrote there (while serving), which is not written again."""
    for path, content in generated.files.items():
        if written is not None and written.get(path) == content:
            continue
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def section_of(page_url: str, nav_urls: list[str], home_url: str) -> int | None:
    """For a page the navigation does not list (a case, theme, region or collection page), the
    position in nav_urls of the page it lies under (the longest such address, not the home page):
    the build marks that page active, so the theme highlights its tab and shows its section beside
    the page. None for a page the navigation lists, or one under no page but the home page.
    (Listing every case in the navigation would show it too, but makes MkDocs' build quadratic.)"""
    if page_url in nav_urls:
        return None
    best: int | None = None
    for position, url in enumerate(nav_urls):
        if url != home_url and page_url.startswith(url) and (best is None or len(url) > len(nav_urls[best])):
            best = position
    return best


def edit_url(edit_uri: str | None, meta: Mapping[str, Any], default: str | None) -> str | None:
    """The record's YAML for generated pages; MkDocs' own link for hand-written ones."""
    if not meta.get("casebook_generated"):
        return default
    source = meta.get("casebook_source")
    if not source or not edit_uri or EDIT_ROOT_MARKER not in edit_uri:
        return None  # a listing built from many records has no one file to edit
    repository_root = edit_uri.rsplit(EDIT_ROOT_MARKER, 1)[0] + "/"
    return repository_root + source
