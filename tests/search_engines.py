"""Which search engine: each option measured on the same query set (`make search-engines`, not part of `make test`).

An option is a Pagefind version, the segmentation its index is built from, and
how a query is asked:
- segmentation "own": the pages as built, segmented by Pagefind itself (its
  extended build: a dictionary for the index, and, from 1.5 on, the browser's
  segmenter for the query);
- segmentation "chars": ours, a copy of each page with a zero-width space beside
  every Han character (hooks/casebook/search.py), so that each character is a word;
- query "plain": the query as typed, to Pagefind's search; "phrase": the query
  in quotes, Pagefind's exact phrase; "finder": the site's finder
  (casebook-search.js), which asks for Chinese as phrases of characters.

For each option: recall and precision per language on the query set of
tests/test_search_recall.py over the real casebook (every query, the pages that
hold it known from the index the build made), and the first-search download per
language (gzip) on a synthetic casebook of 1,000 cases. The engines other than
the pinned one are installed into .search-engines/ from the package registries
(1.4 from PyPI with its extended binary, 1.6 from npm, where alone it is published),
never into the product's lock. Writes docs/assets/search-engines.json and the
benchmark page's "Search engine" section (benchmark_report.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from benchmark import FIRST_SEARCH, first_search, search_quality
from benchmark_report import write_pages
from sitebuild import ROOT, build_site, make_project
from test_search_recall import FINDER, searchable

from casebook.search import BUNDLE, PAGEFIND, ZERO_WIDTH_SPACE, indexed_copy, start_indexing
from casebook.synthetic import write_synthetic_data

ENGINES = ROOT / ".search-engines"  # git-ignored: engines measured, not shipped
PINNED = "1.5.2"  # pyproject.toml
CASES = 1_000  # the first-search target is set at 1,000 cases
JSON = ROOT / "docs" / "assets" / "search-engines.json"
BENCHMARK_JSON = ROOT / "docs" / "assets" / "benchmark.json"
PAGE_SIZE = 20  # results the finder shows at once (casebook-search.js): their fragments are part of a first search


@dataclass(frozen=True)
class Option:
    version: str
    segmentation: str  # "own" or "chars"
    query: str  # "plain", "phrase" or "finder"

    @property
    def key(self) -> str:
        return f"{self.version}-{self.segmentation}-{self.query}"


OPTIONS = tuple(
    Option(version, segmentation, query)
    for version in ("1.4.0", PINNED, "1.6.0")
    for segmentation, queries in (("own", ("plain", "phrase", "filtered")), ("chars", ("finder",)))
    for query in queries
)


# What the text of a page must hold (test_search_recall.holds, in JavaScript): Chinese as
# written, other words in a row, each starting a word.
HOLDS = (
    r"(text, q) => /[\u3400-\u9fff\uf900-\ufaff]/.test(q) ? text.includes(q) : new RegExp('(?<![\\p{L}\\p{N}_])'"
    r" + q.split(/[^\p{L}\p{N}_]+/u).filter(Boolean).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))"
    r".join('[^\\p{L}\\p{N}_]+'), 'iu').test(text)"
)
CANDIDATES = 200  # pages read to filter, at most (the finder read as many before it found words by their places)


def pagefind_search(query: str, limit: int | None = None, filtered: bool = False) -> str:
    """A JavaScript function of the query: the pages Pagefind's own search finds for `query`
    (a JavaScript expression of `q`), as {urls, apart, count}, the shape the finder answers in;
    `filtered`: of the first CANDIDATES, only those whose text holds the query (each page read for it)."""
    read = f".slice(0, {CANDIDATES})" if filtered else (f".slice(0, {limit})" if limit else "")
    keep = (
        f" const holds = {HOLDS}; pages = pages.filter(page => holds("
        "`${page.meta.title || ''}. ${page.content}`.replace(/\\u200b/g, ''), q));"
        if filtered
        else ""
    )
    shown = f" pages = pages.slice(0, {limit});" if filtered and limit else ""
    return (
        f"async q => {{ const search = await window.casebookFinder.pagefind.search({query});"
        f" let pages = await Promise.all(search.results{read}.map(result => result.data()));{keep}"
        f"{shown}"
        " return { urls: pages.map(page => page.url), apart: false, count: pages.length }; }"
    )


QUERIES = {"plain": "q", "phrase": '`"${q}"`', "filtered": "q"}


def ask(option: Option, limit: int | None = None) -> str:
    if option.query == "finder":
        return FINDER
    return pagefind_search(QUERIES[option.query], limit, filtered=option.query == "filtered")


def engine(version: str) -> list[str]:
    """The command that runs Pagefind `version` (extended), installed into ENGINES on first use."""
    if version == PINNED:
        return list(PAGEFIND)
    folder = ENGINES / f"pagefind-{version}"
    if version.startswith("1.4."):
        python = folder / "bin" / "python"
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
            pip = [str(folder / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
            subprocess.run([*pip, f"pagefind[extended]=={version}"], check=True)
        return [str(python), "-m", "pagefind"]
    runner = folder / "node_modules" / ".bin" / "pagefind"  # runs the extended binary of its platform package
    if not runner.exists():
        npm = ["npm", "install", "--prefix", str(folder), "--ignore-scripts", "--no-audit", "--no-fund"]
        subprocess.run([*npm, "--loglevel=error", f"pagefind@{version}"], check=True)
    return [str(runner)]


def as_built(language_root: Path, pages: list[str], target: Path) -> None:
    """The pages Pagefind reads for its own segmentation: each as built."""
    for page in pages:
        (target / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(language_root / page, target / page)


def reindex(site: Path, command: Sequence[str], segmentation: str) -> None:
    """Both languages' bundles built again by `command`, from the pages as built or spaced."""
    for language_root in (site, site / "en"):
        for bundle in language_root.glob(f"{BUNDLE}*"):
            shutil.rmtree(bundle)
    copy = indexed_copy if segmentation == "chars" else as_built
    start_indexing(site, ("", "en"), ("en",), pagefind=command, copy=copy).wait()


def build(project: Path, data: Path | None) -> Path:
    """A site built as the product builds it: the real data, or `CASES` synthetic cases."""
    project.mkdir(parents=True)
    make_project(project, ROOT / "data")
    if data is None:
        shutil.rmtree(project / "data")
        write_synthetic_data(project / "data", ROOT / "data", CASES)
    result = build_site(project)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr[-3000:]}")
    return project / "site"


def truth(site: Path) -> dict[str, dict[str, str]]:
    """Each language's searchable text, read from the index the build made (the
    zero-width spaces taken out): what decides which pages hold a query, whatever the option."""
    return {
        lang: {url: text.replace(ZERO_WIDTH_SPACE, "") for url, text in searchable(site, lang).items()}
        for lang in ("zh", "en")
    }


def measure(option: Option, real: Path, real_truth: dict, synthetic: Path) -> dict:
    command = engine(option.version)
    reindex(real, command, option.segmentation)
    quality = search_quality(real, ROOT / "data", sample=None, ask=ask(option), truth=real_truth)
    reindex(synthetic, command, option.segmentation)
    searches = {
        lang: first_search(synthetic, start, query, ask=None if option.query == "finder" else ask(option, PAGE_SIZE))
        for lang, (start, query) in FIRST_SEARCH.items()
    }
    return {
        "key": option.key,
        "version": option.version,
        "segmentation": option.segmentation,
        "query": option.query,
        "quality": quality,
        "first_search_kb_gzip": {lang: kb for lang, (kb, _, _) in searches.items()},
        "first_search_results": {lang: found for lang, (_, found, _) in searches.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="measure only these options (keys, e.g. 1.6.0-own-plain,1.4.0-own-plain)")
    parser.add_argument("--work", type=Path, help="keep the built sites here and reuse them on the next run")
    parser.add_argument("--json", type=Path, default=JSON)
    parser.add_argument("--page", type=Path, default=ROOT / "docs" / "benchmark.md")
    args = parser.parse_args()
    options = [option for option in OPTIONS if not args.only or option.key in args.only.split(",")]
    with tempfile.TemporaryDirectory(prefix="casebook-engines-") as temporary:
        work = args.work or Path(temporary)
        sites = {}
        for name, data in (("real", ROOT / "data"), ("synthetic", None)):
            site = work / name / "site"
            sites[name] = site if site.is_dir() else build(work / name, data)
        # The build's own index (the pinned engine, our segmentation) says which pages hold a query.
        reindex(sites["real"], engine(PINNED), "chars")
        real_truth = truth(sites["real"])
        results = []
        for option in options:
            print(f"measuring {option.key}", file=sys.stderr, flush=True)
            results.append(measure(option, sites["real"], real_truth, sites["synthetic"]))
    if args.only and args.json.exists():  # the options not measured again stay as last measured
        measured = {result["key"]: result for result in json.loads(args.json.read_text("utf-8"))["options"]}
        measured.update((result["key"], result) for result in results)
        results = [measured[option.key] for option in OPTIONS if option.key in measured]
    report = {"environment": environment(), "cases": CASES, "options": results}
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    benchmark = json.loads(BENCHMARK_JSON.read_text("utf-8"))
    write_pages(benchmark, args.page, report)
    print(json.dumps(report, indent=2, ensure_ascii=False))


def environment() -> dict[str, str]:
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }


if __name__ == "__main__":
    main()
