"""Benchmark of the whole pipeline on synthetic data: `make benchmark` (not part of `make test`).

For each N it measures, in one run: the full bilingual build (wall, CPU, peak
memory; up to 1,000 cases the median of three runs) and the same with
LOW_MEMORY=1, our pipeline alone, the same Markdown built with our hooks switched
off and built by Hugo (the alternative generator), output and case-page sizes,
the first-search download per language, and the time `mkdocs serve` takes to
show a changed record. It writes a JSON file and the Markdown page the docs publish.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sitebuild import CHROMIUM, CHROMIUM_ARGS, GENERATED, ROOT, make_project, mkdocs_serve, serving, wait_for_page

from casebook.publish import MKDOCS_ENVIRONMENT
from casebook.synthetic import write_synthetic_data

BIN = Path(sys.executable).parent
ENV = {**os.environ, **MKDOCS_ENVIRONMENT}
# Words from the middle of synthetic case texts (casebook.synthetic): a first
# search must still find them, whatever else makes the download small.
TRADEOFF_VARIANTS = ("as-shipped", "collector-left-on", "relative-urls-not-cached", "template-files-checked")
CASE_PAGE = re.compile(r"^(/en)?/cases/synthetic-\d+/$")
FIRST_SEARCH = {"zh": ("/search/", "萌芽"), "en": ("/en/search/", "stairwells")}
SEARCH_FILES = re.compile(
    r"(/en)?/pagefind(-\d+)?/|/assets/javascripts/casebook-search\.js$"
)  # what only the search page loads


REPEAT_UP_TO = 1_000  # cases; builds this small are timed three times


def median_run(count: int, once: Callable[[], dict[str, float]]) -> dict[str, float]:
    """The run of median wall time out of three (one for large N): two runs of the
    same 1,000-case build on this machine have differed by a third."""
    runs = sorted((once() for _ in range(3 if count <= REPEAT_UP_TO else 1)), key=lambda measured: measured["wall_s"])
    return runs[len(runs) // 2]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall and CPU seconds and memory of one child process and everything it starts.

    peak_mb is the largest single process (its own peak RSS); peak_all_mb the
    most that all of them held at once (PSS summed, so pages that forked
    workers share with their parent count once), sampled every 0.2 s.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**ENV, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    sampler = MemorySampler(process.pid)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    peak_all = sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-3000:] if process.stderr else ''}"
        )
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "peak_all_mb": peak_all,
    }


class MemorySampler:
    """The largest summed PSS (MB) of the processes in one session, sampled in a thread."""

    def __init__(self, session: int, every: float = 0.2):
        self.session, self.every, self.peak_kb = session, every, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return round(self.peak_kb / 1024)

    def _sample(self) -> None:
        while not self._done.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in self._members()))

    def _members(self) -> list[str]:
        members = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue  # ended meanwhile
            fields = stat[stat.rindex(")") + 2 :].split()  # state, ppid, pgrp, session, ...
            if int(fields[3]) == self.session:
                members.append(pid)
        return members


def _pss_kb(pid: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass  # ended meanwhile
    return 0


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def without_hooks(config: str) -> str:
    """mkdocs.yml text with its `hooks:` entry removed."""
    return re.sub(r"\nhooks:\n  - [^\n]+\n", "\n", config)


def clean_generated(project: Path) -> None:
    for folder in GENERATED:
        shutil.rmtree(project / "docs" / folder, ignore_errors=True)


def tradeoffs(project: Path) -> dict[str, float]:
    """Pipeline seconds with each kept trick switched off (tests/tradeoffs.py): the variants
    run in turn, three rounds, and each keeps its median (the machine drifts)."""
    rounds: dict[str, list[float]] = {variant: [] for variant in TRADEOFF_VARIANTS}
    for _ in range(3):
        for variant in TRADEOFF_VARIANTS:
            clean_generated(project)
            command = [sys.executable, str(ROOT / "tests" / "tradeoffs.py"), variant, str(project)]
            printed = subprocess.run(command, capture_output=True, text=True, check=True, env=ENV).stdout
            rounds[variant].append(float(printed.split()[-1]))
    return {variant: round(statistics.median(values), 1) for variant, values in rounds.items()}


def measure(count: int, workdir: Path, serve: bool, port: int = 0, tradeoffs_at: int = 0) -> dict:
    project = workdir / f"n{count}"
    project.mkdir()
    make_project(project, ROOT / "tests" / "fixtures" / "data")
    shutil.rmtree(project / "data")
    write_synthetic_data(project / "data", ROOT / "data", count)
    result: dict = {"cases": count}

    result["pipeline"] = run([str(BIN / "casebook"), "--root", str(project), "generate"], project)
    if count == tradeoffs_at:
        result["tradeoffs"] = tradeoffs(project)

    def fresh_build() -> dict[str, float]:
        clean_generated(project)  # every run generates every page, as a clone's first build does
        return run([str(BIN / "mkdocs"), "build", "--strict"], project)

    result["build"] = median_run(count, fresh_build)
    # `make build LOW_MEMORY=1`: the same site, rendered in one process and indexed after the last page.
    low_memory = [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "site-low-memory"]
    clean_generated(project)
    result["build_low_memory"] = run(low_memory, project, env={"CASEBOOK_LOW_MEMORY": "1"})
    shutil.rmtree(project / "site-low-memory")

    # The same Markdown (already generated) built by MkDocs with our hooks switched off.
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs-nohooks.yml").write_text(without_hooks(config), "utf-8")
    nohooks = [str(BIN / "mkdocs"), "build", "-f", "mkdocs-nohooks.yml", "--site-dir", "site-nohooks"]
    result["build_without_hooks"] = median_run(count, lambda: run(nohooks, project))
    result["overhead_pct"] = round(100 * (result["build"]["wall_s"] / result["build_without_hooks"]["wall_s"] - 1), 1)
    site = project / "site"
    # Part of the build above (the post-build hook), timed alone: it writes the same index again.
    result["search_index"] = run([sys.executable, "-c", INDEX_BOTH, str(site)], project)
    result["toolchain_floor"] = run([str(BIN / "mkdocs"), "build"], floor_project(workdir / f"floor{count}", count))
    hugo = hugo_project(workdir / f"hugo{count}", project / "docs")
    result["hugo_build"] = run([str(BIN / "hugo"), "--quiet", "--destination", "public"], hugo)
    _same_case_pages(site, hugo / "public")

    pages = [p for p in (site / "cases").glob("*/index.html")] + [
        p for p in (site / "en" / "cases").glob("*/index.html")
    ]
    raw = [p.stat().st_size for p in pages]
    zipped = [gz(p) for p in pages]
    result["output_mb"] = round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1)
    result["case_page_kb"] = {
        "largest_raw": round(max(raw) / 1024, 1),
        "median_raw": round(statistics.median(raw) / 1024, 1),
        "largest_gzip": round(max(zipped) / 1024, 1),
        "median_gzip": round(statistics.median(zipped) / 1024, 1),
    }
    result["search_quality"] = search_quality(site, project / "data")
    searches = {lang: first_search(site, start, query) for lang, (start, query) in FIRST_SEARCH.items()}
    result["first_search_kb_gzip"] = {lang: kb for lang, (kb, _, _) in searches.items()}
    result["first_search_results"] = {lang: found for lang, (_, found, _) in searches.items()}
    result["first_search_cases"] = {lang: cases for lang, (_, _, cases) in searches.items()}
    if serve:
        result["serve_update_s"] = serve_update_seconds(project, port)
        result["preview_update_s"] = serve_update_seconds(project, port, preview="synthetic-00000")
    return result


SEARCH_SAMPLE = 100  # queries a language from the query set of tests/test_search_recall.py


def search_quality(
    site: Path,
    data_dir: Path,
    sample: int | None = SEARCH_SAMPLE,
    ask: str | None = None,
    truth: dict[str, dict[str, str]] | None = None,
) -> dict[str, dict[str, float]]:
    """Recall and precision of the finder, per language, on a sample of the query set made from the data
    (`ask` and `truth`: another way to search and the text that says which pages hold a query, as
    test_search_recall.measure takes them)."""
    import test_search_recall as recall
    from playwright.sync_api import sync_playwright

    from casebook.catalog import build_catalog

    counts = {lang: {"queries": 0, "held": 0, "found": 0, "returned": 0, "extra": 0} for lang in ("zh", "en")}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        answers = recall.measure(browser, site, build_catalog(data_dir), sample, ask or recall.FINDER, truth)
        for lang, _, answer, expected, _ in answers:
            urls = [] if answer["apart"] else answer["urls"]
            count = counts[lang]
            count["queries"] += 1
            count["held"] += len(expected)
            count["found"] += len(expected & set(urls))
            count["returned"] += len(urls)
            count["extra"] += len([url for url in urls if url not in expected])
        browser.close()
    return {
        lang: {
            "queries": c["queries"],
            "recall_pct": round(100 * c["found"] / c["held"], 1) if c["held"] else 100.0,
            "precision_pct": round(100 * (1 - c["extra"] / c["returned"]), 1) if c["returned"] else 100.0,
        }
        for lang, c in counts.items()
    }


def first_search(site: Path, start: str, query: str, ask: str | None = None) -> tuple[float, int, int]:
    """KB (gzip) the search page downloads to show a first query's results, how many pages it
    found, and how many of them are case pages (0 with `ask`); `ask`: another way to search (a
    JavaScript function of the query answering {count}), run on the search page once it has
    loaded, instead of the finder's own first search (tests/search_engines.py)."""
    from playwright.sync_api import sync_playwright

    fetched: list[str] = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("requestfinished", lambda request: fetched.append(urllib.parse.urlsplit(request.url).path))
        if ask:
            page.goto(f"{base}{start}")
            page.wait_for_function("() => window.casebookFinder", timeout=60_000)
            found, cases = page.evaluate(ask, query)["count"], 0
            page.wait_for_load_state("networkidle")
        else:
            page.goto(f"{base}{start}?q={urllib.parse.quote(query)}")
            # The finder shows its count once the shown results' fragments have arrived
            # (casebook-search.js writes the count and the results in one step).
            page.wait_for_function(
                "() => { const m = document.querySelector('.cb-finder__status');"
                " return m && /[0-9]/.test(m.textContent); }",
                timeout=60_000,
            )
            page.wait_for_load_state("networkidle")
            found = page.locator(".cb-finder__result").count()
            links = page.locator(".cb-finder__result-title > a").evaluate_all("links => links.map(a => a.pathname)")
            cases = sum(1 for path in links if CASE_PAGE.search(path))
        browser.close()
    files = {path for path in fetched if SEARCH_FILES.match(path)}
    # Pagefind's index, fragments and wasm are gzipped already: count them as they are.
    size = sum(min(gz(site / path.lstrip("/")), (site / path.lstrip("/")).stat().st_size) for path in files)
    return round(size / 1024, 1), found, cases


# Both languages' Pagefind runs, one after the other (the build overlaps the Chinese one with the English pages).
INDEX_BOTH = (
    "import sys; from pathlib import Path; from casebook.search import start_indexing; "
    "start_indexing(Path(sys.argv[1]), ('', 'en'), ('en',)).wait()"
)


def floor_project(target: Path, count: int) -> Path:
    """The same pages, navigation and theme as the casebook at `count` cases, each page one
    line long, with no hooks: what MkDocs, Material and static-i18n cost whatever we do."""
    target.mkdir()
    make_project(target, ROOT / "tests" / "fixtures" / "data")
    config = (target / "mkdocs.yml").read_text("utf-8")
    (target / "mkdocs.yml").write_text(without_hooks(config), "utf-8")
    docs = target / "docs"
    for folder in GENERATED:
        (docs / folder).mkdir()
        for suffix in (".md", ".en.md"):
            (docs / folder / f"index{suffix}").write_text(f"# {folder}\n", "utf-8")
    for index in range(count):
        for suffix in (".md", ".en.md"):
            (docs / "cases" / f"case-{index}{suffix}").write_text(f"# Case {index}\n\nOne line of text.\n", "utf-8")
    return target


def hugo_project(target: Path, docs: Path) -> Path:
    """The generated Markdown (and the hand-written pages) as a Hugo site: the
    alternative generator measured. Its layout (tests/fixtures/hugo) has what
    each of our pages needs, a header with the sections and the other language,
    the contents and the text, but no theme: Material's pages do more."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "hugo", target)
    for page in docs.rglob("*.md"):
        relative = page.relative_to(docs)
        name = f"_{relative.name}" if relative.name.startswith("index.") else relative.name  # Hugo's section page
        destination = target / "content" / relative.parent / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, destination)
    return target


def _same_case_pages(site: Path, hugo_site: Path) -> None:
    """Stops the benchmark if Hugo did not build every case page MkDocs built, in both languages."""

    def case_pages(root: Path) -> list[str]:
        return sorted(path.relative_to(root).as_posix() for path in root.glob("**/cases/*/index.html"))

    if case_pages(hugo_site) != case_pages(site):
        raise SystemExit(f"Hugo built {len(case_pages(hugo_site))} case pages, MkDocs {len(case_pages(site))}")


def serve_update_seconds(project: Path, port: int = 0, preview: str = "") -> float:
    """Start `mkdocs serve` (as `make serve`, or as `make preview` of one record), change that
    record, and time until its page shows the change. Port 0: a free one."""
    process, base = mkdocs_serve(
        project, "/cases/synthetic-00000/", "synthetic-00000", port, {"CASEBOOK_PREVIEW": preview}
    )
    url = f"{base}/cases/synthetic-00000/"
    try:
        time.sleep(2)  # let the watcher settle after the first build
        record = project / "data" / "cases" / "synthetic-00000.yaml"
        original = record.read_text("utf-8")
        record.write_text(original.replace("合成0号社区", "合成0号社区改"), "utf-8")
        start = time.perf_counter()
        wait_for_page(url, lambda page: "合成0号社区改" in page, limit=300)
        return round(time.perf_counter() - start, 2)
    finally:
        process.terminate()
        process.wait(timeout=30)
        record.write_text(original, "utf-8")


def environment(load_at_start: float) -> dict[str, str]:
    """The machine, the toolchain's versions and the load on the machine at the start and the end of the run."""
    versions = {
        name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pagefind", "hugo")
    }
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load": f"{load_at_start:.1f} → {os.getloadavg()[0]:.1f}",
        **versions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--serve-at", type=int, default=1000, help="measure the serve preview at this N only")
    parser.add_argument("--json", type=Path, default=ROOT / "docs" / "assets" / "benchmark.json")
    parser.add_argument("--page", type=Path, default=ROOT / "docs" / "benchmark.md")
    parser.add_argument("--tradeoffs-at", type=int, default=1000, help="measure the kept trade-offs at this N only")
    parser.add_argument("--port", type=int, default=0, help="port for the `mkdocs serve` measurement (0: a free one)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as folder:
        results = [
            measure(n, Path(folder), serve=n == args.serve_at, port=args.port, tradeoffs_at=args.tradeoffs_at)
            for n in sizes
        ]
    report = {"environment": environment(load_at_start), "results": results}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    from benchmark_report import write_pages

    write_pages(report, args.page)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
