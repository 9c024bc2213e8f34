"""Write generated pages under docs/: only files whose content changed, stale ones pruned."""

from __future__ import annotations

from pathlib import Path

from .render import GENERATED_DIRS, Page

MARKER = "<!-- "  # every generated page has the generated-by comment after its front matter


def write_pages(docs_dir: Path, pages: list[Page]) -> tuple[int, int]:
    """Returns (files written, files deleted)."""
    planned = {docs_dir / page.path: page.content for page in pages}
    written = 0
    for path, content in planned.items():
        if path.is_file() and path.read_text("utf-8") == content:
            continue  # unchanged: keep its mtime so `serve` does not rebuild for nothing
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")
        written += 1
    deleted = 0
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).glob("*.md")):
            if path not in planned:
                path.unlink()
                deleted += 1
    return written, deleted
