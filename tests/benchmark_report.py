"""Benchmark results as the bilingual docs page (docs/benchmark.md, docs/benchmark.en.md)."""

from __future__ import annotations

from pathlib import Path

TARGETS = {
    "zh": {
        "title": "性能基准",
        "intro": "以下数字由 `make benchmark` 在合成数据上测得（每个合成案例的规模与真实案例相当），每次发布前重新运行。",
        "env": "测试环境",
        "cases": "案例数",
        "build": "完整双语构建（墙钟 / CPU / 峰值内存）",
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
            "- 时间主要花在 MkDocs 本身：同样的 Markdown 关闭钩子后构建，耗时与完整构建同一量级。mkdocs-static-i18n 在一个进程里依次构建两种语言，"
            "而它要求默认语言必须参与构建，因此无法把两种语言拆到两个进程并行。\n"
            "- 本项目流水线（校验与生成）随案例数线性增长；它在构建中的占比即上表的“钩子开销”。\n"
            "- 首次搜索下载量超标：Material 的搜索索引包含每个案例页的全文，读者第一次搜索时要整个下载。"
            "列表页已不进索引；要达到目标，需要改用分块下载的索引（如 Pagefind），或只为案例的标题和概述建索引。\n"
            "- `mkdocs serve` 在记录改动后会重建两种语言的全部页面，所以预览时间接近一次完整构建。\n"
            "- 峰值内存随页面数增长：MkDocs 在一次构建中保留两种语言的全部页面。"
        ),
    },
    "en": {
        "title": "Benchmark",
        "intro": "Measured by `make benchmark` on synthetic data (each synthetic case is the size of a real one); rerun before each release.",
        "env": "Environment",
        "cases": "Cases",
        "build": "Full bilingual build (wall / CPU / peak memory)",
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
            "- Most of the time is MkDocs itself: the same Markdown built with our hooks off takes the same order of time as the full build. "
            "mkdocs-static-i18n builds the two languages one after the other in one process, and it insists that the default language "
            "is part of every build, so the languages cannot be split across two processes.\n"
            "- Our own pipeline (validation and generation) grows linearly with the number of cases; its share of the build is the hook overhead above.\n"
            "- The first-search download is over target: Material's index holds the full text of every case page, and a reader downloads all of it "
            "on the first search. Listing pages are already left out; meeting the target needs an index downloaded in chunks (such as Pagefind) "
            "or an index of case titles and summaries only.\n"
            "- `mkdocs serve` rebuilds every page in both languages after a record changes, so a preview takes about as long as a full build.\n"
            "- Peak memory grows with the number of pages: MkDocs keeps every page of both languages in memory during a build."
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
        _row(t["build"], results, lambda r: f"{r['build']['wall_s']} s / {r['build']['cpu_s']} s / {r['build']['peak_mb']} MB"),
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
        t["analysis"],
        "",
    ]
    return "\n".join(lines)


CHECKS = {
    "zh": ("目标", "实测", "结果", "达到", "未达到", "未测"),
    "en": ("Target", "Measured", "Result", "met", "not met", "not measured"),
}
TARGET_LABELS = {
    "overhead": ("流水线相对 MkDocs 的开销 ≤ 5 %（N = 1,000）", "Pipeline overhead over MkDocs ≤ 5 % at N = 1,000"),
    "scaling": ("N = 5,000 的构建时间 ≤ 5.5 × N = 1,000", "Build time at 5,000 ≤ 5.5 × build time at 1,000"),
    "build_1000": ("完整双语构建 ≤ 20 秒（N = 1,000）", "Full bilingual build ≤ 20 s at N = 1,000"),
    "build_5000": ("完整双语构建 ≤ 100 秒（N = 5,000）", "Full bilingual build ≤ 100 s at N = 5,000"),
    "memory_5000": ("峰值内存 ≤ 1 GB（N = 5,000）", "Peak memory ≤ 1 GB at N = 5,000"),
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
        "memory_5000": (f"{five['build']['peak_mb']} MB", five["build"]["peak_mb"] <= 1024) if five else None,
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
