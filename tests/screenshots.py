"""Screenshots of every kind of page, in both languages, on a desktop and on a phone, for review:
`make screenshots` (not part of `make test`). Builds data/ (or --data) into a scratch copy of the
project and writes PNGs into --out (default screenshots/, git-ignored), one per page, width and
language: e.g. screenshots/phone-en-case.png."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from playwright.sync_api import sync_playwright
from sitebuild import CHROMIUM, CHROMIUM_ARGS, ROOT, built_copy, serving

WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
LANGUAGE_ROOTS = {"zh": "/", "en": "/en/"}
PAGES = {
    "home": "",
    "search": "search/?q=%E7%BD%91%E6%A0%BC",
    "cases": "cases/",
    "practices": "practices/",
    "themes": "themes/",
    "regions": "regions/",
    "glossary": "glossary/",
    "collections": "collections/",
    "about": "about/",
    "contribute": "contribute/",
    "status": "status/",
}
# One page of each kind reached from a listing: the first one the build wrote.
FIRST_OF = {"case": "cases", "theme": "themes", "region": "regions", "collection": "collections", "handout": "handouts"}


def page_paths(site: Path) -> dict[str, str]:
    paths = dict(PAGES)
    for kind, folder in FIRST_OF.items():
        first = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
        if first:
            paths[kind] = f"{folder}/{first[0]}/"
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with built_copy(args.data) as (_, site), serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width_name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang, root in LANGUAGE_ROOTS.items():
                for kind, path in page_paths(site).items():
                    page.goto(base + root + path)
                    page.wait_for_timeout(300)  # the finder's results, the language menu's fonts
                    target = args.out / f"{width_name}-{lang}-{kind}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
