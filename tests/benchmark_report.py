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
        "pipeline": "本项目流水线（校验 + 生成）",
        "nohooks": "同一 Markdown、关闭钩子的 MkDocs 构建",
        "overhead": "钩子开销",
        "output": "输出大小",
        "page": "案例页（最大 / 中位，原始与 gzip）",
        "search": "首次搜索下载量（gzip，中文 / 英文）",
        "serve": "预览：改动一条记录到页面更新",
        "targets": "目标",
    },
    "en": {
        "title": "Benchmark",
        "intro": "Measured by `make benchmark` on synthetic data (each synthetic case is the size of a real one); rerun before each release.",
        "env": "Environment",
        "cases": "Cases",
        "build": "Full bilingual build (wall / CPU / peak memory)",
        "pipeline": "Our pipeline (validate + generate)",
        "nohooks": "Same Markdown, MkDocs with our hooks off",
        "overhead": "Hook overhead",
        "output": "Output size",
        "page": "Case page (largest / median, raw and gzip)",
        "search": "First-search download (gzip, zh / en)",
        "serve": "Preview: record changed to page updated",
        "targets": "Targets",
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
        f"mkdocs-static-i18n {env['mkdocs-static-i18n']}, jieba {env['jieba']}; {env['date']}.", "",
        f"| | " + " | ".join(f"{t['cases']} {r['cases']:,}" for r in results) + " |",
        "|---|" + "---|" * len(results),
        _row(t["build"], results, lambda r: f"{r['build']['wall_s']} s / {r['build']['cpu_s']} s / {r['build']['peak_mb']} MB"),
        _row(t["pipeline"], results, lambda r: f"{r['pipeline']['wall_s']} s"),
        _row(t["nohooks"], results, lambda r: f"{r['build_without_hooks']['wall_s']} s"),
        _row(t["overhead"], results, lambda r: f"{r['overhead_pct']} %"),
        _row(t["output"], results, lambda r: f"{r['output_mb']} MB"),
        _row(t["page"], results, lambda r: "{largest_raw} / {median_raw} KB; {largest_gzip} / {median_gzip} KB".format(**r["case_page_kb"])),
        _row(t["search"], results, lambda r: "{zh} / {en} KB".format(**r["first_search_kb_gzip"])),
        _row(t["serve"], results, lambda r: f"{r['serve_update_s']} s" if "serve_update_s" in r else "—"),
        "",
    ]
    return "\n".join(lines)


def write_pages(report: dict, page: Path) -> None:
    page.write_text(render(report, "zh"), "utf-8")
    page.with_name(page.stem + ".en.md").write_text(render(report, "en"), "utf-8")
