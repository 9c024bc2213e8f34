"""The pipeline with one of its kept speed tricks switched off, for `make benchmark`'s
"Kept trade-offs" table: each gain is measured, not remembered in a comment.

Run as `python tests/tradeoffs.py VARIANT PROJECT`; it generates PROJECT's pages in one
process (workers=1, so that the trick alone differs) and prints the wall seconds.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from casebook import pipeline, render


def _collector_left_on() -> None:
    # pipeline pauses the cycle collector while the catalog is built.
    pipeline._collector_paused = contextlib.nullcontext  # type: ignore[assignment]


def _relative_urls_not_cached() -> None:
    render._relative_url = render._relative_url.__wrapped__  # type: ignore[assignment]


def _template_files_checked() -> None:
    render.environment().auto_reload = True  # Jinja's default: every include checks its file's time


VARIANTS: dict[str, Callable[[], None]] = {
    "as-shipped": lambda: None,
    "collector-left-on": _collector_left_on,
    "relative-urls-not-cached": _relative_urls_not_cached,
    "template-files-checked": _template_files_checked,
}


def main() -> None:
    variant, project = sys.argv[1], Path(sys.argv[2])
    VARIANTS[variant]()
    start = time.perf_counter()
    pipeline.generate(project / "data", project / "docs", workers=1)
    print(f"{time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    main()
