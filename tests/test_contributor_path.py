"""A first contributor's path through the checks, end to end, on a copy of the repository:
a case from an English article that needs a new city and a new unit, the mistakes a
newcomer makes (both languages), the fixes the guide describes, `stamp`, and then the
real-data tests with the new case present. No test may list the case ids by hand."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from sitebuild import mkdocs_serve

from casebook.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASE = "data/cases/xinhu-community.yaml"

RECORD = """\
# yaml-language-server: $schema=../../schema/case.schema.json
id: xinhu-community
name: {zh: 新湖社区, en: Xinhu Community}
location:
  region: guangdong
  city: huizhou   # not in the vocabulary yet
summary:
  zh: 新湖社区把闲置空地改成共享食堂。
  en: "Xinhu Community in Huizhou turned an empty plot beside its blocks into shared canteens, where older residents eat together at a low price and volunteers from the neighbourhood cook and serve. Residents decide the menu at a monthly meeting, and the canteens also host festival meals that bring neighbours of every background to one table."
practices:
  - id: shared-canteens
    title: {zh: 共享食堂, en: Shared canteens}
    themes: [elderly-and-child-care]
    description:
      zh: 社区把楼旁的空地改建为共享食堂，老年居民可以低价用餐，附近的志愿者负责做饭和送餐。
      en: "The community rebuilt an empty plot beside its blocks as shared canteens, where older residents eat at a low price and volunteers from nearby cook and serve the meals."
    figures:
      - label: {zh: 共享食堂, en: shared canteens}
        value: 3
        unit: canteen   # not in the vocabulary yet
        source: article
        evidence: The community now runs 3 canteens for its older residents.
sources:
  - id: article
    publisher: {zh: 示例晚报, en: Example Evening News}
    description: {zh: 一篇英文报道, en: An English news report}
    language: en
translation: {original: en, state: machine}
added: 2026-12-01
updated: 2026-12-01
"""
SUMMARY_ZH = (
    "新湖社区把楼旁的一块空地改建成几处共享食堂，老年居民可以低价一起用餐，附近的志愿者负责做饭和送餐。"
    "菜单由居民在每月的议事会上商量决定，逢年过节食堂还会办节日聚餐，让不同背景的邻居坐到同一张桌旁。"
)


def copy_of_the_repository(target: Path) -> Path:
    for name in ("data", "tests", "docs", "overrides", "schema"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    (target / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "mkdocs_hooks.py", target / "hooks")
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, target / name)
    return target


def fix_the_record(repo: Path, record: Path) -> None:
    """The guide's fixes: the city under its region, a unit that says what it counts, a longer summary."""
    regions = repo / "data" / "vocab" / "regions.yaml"
    city = "      - {key: guangzhou, label: {zh: 广州市, en: Guangzhou}}\n"
    text = regions.read_text("utf-8")
    regions.write_text(text.replace(city, city + "      - {key: huizhou, label: {zh: 惠州市, en: Huizhou}}\n"), "utf-8")
    units = repo / "data" / "vocab" / "units.yaml"
    units.write_text(
        units.read_text("utf-8") + "  - {key: canteen, zh: 个, en_one: canteen, en_other: canteens}\n", "utf-8"
    )
    record.write_text(RECORD.replace("新湖社区把闲置空地改成共享食堂。", SUMMARY_ZH), "utf-8")


def check(root: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "check", "--lang", lang])
    return code, capsys.readouterr().err.splitlines()


def test_a_first_case_needing_a_new_city_and_unit_passes_every_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], browser: Browser
) -> None:
    repo = copy_of_the_repository(tmp_path)
    assert main(["--root", str(repo), "new", "xinhu-community"]) == 0
    record = repo / CASE
    record.write_text(RECORD, "utf-8")

    # Mistake 1: an unquoted ": " in a Chinese value.
    record.write_text(RECORD.replace("zh: 新湖社区把", "zh: 口号: 新湖社区把"), "utf-8")
    assert check(repo, "en", capsys) == (
        1,
        [
            f"{CASE}:8:9: invalid YAML: mapping values are not allowed in this context",
            "1 problem found; nothing was generated.",
        ],
    )
    assert (
        check(repo, "zh", capsys)[1][0]
        == f"{CASE}:8:9: YAML 格式错误：此处不能再写“键: 值”（值中含有“: ”时请给整个值加引号）"
    )

    # Mistakes 2–4: a city and a unit the vocabularies lack, a summary too short.
    record.write_text(RECORD, "utf-8")
    assert check(repo, "en", capsys) == (
        1,
        [
            f"{CASE}:6:3: location.city: unknown city 'huizhou'; nearest: guangzhou, fuzhou, hangzhou"
            "; to add a city, list it under its region's cities in data/vocab/regions.yaml",
            f"{CASE}:8:3: summary.zh: has 15 Chinese characters; a summary has 80 to 150",
            f"{CASE}:20:9: practices[0].figures[0].unit: unknown unit 'canteen'; nearest: case, event",
            "3 problems found; nothing was generated.",
        ],
    )
    assert check(repo, "zh", capsys) == (
        1,
        [
            f"{CASE}:6:3: location.city: 未知的城市“huizhou”；最接近的是：guangzhou、fuzhou、hangzhou"
            "；新增城市请写在 data/vocab/regions.yaml 中所属省级行政区的 cities 下",
            f"{CASE}:8:3: summary.zh: 有 15 个汉字；摘要应为 80 至 150 个汉字",
            f"{CASE}:20:9: practices[0].figures[0].unit: 未知的单位“canteen”；最接近的是：case、event",
            "发现 3 个问题；未生成任何页面。",
        ],
    )

    # `make serve` shows the same problems on its pages, in both languages, and reloads once they are fixed.
    zh_lines, en_lines = check(repo, "zh", capsys)[1], check(repo, "en", capsys)[1]
    process, base = mkdocs_serve(repo, "/", "cb-served-problems")
    try:
        page = browser.new_page()
        page.goto(f"{base}/en/")
        panel = page.locator(".cb-served-problems")
        shown = [panel.locator(f'pre[lang="{lang}"] code').text_content() for lang in ("zh", "en")]
        assert shown == ["\n".join(zh_lines), "\n".join(en_lines)]

        # The fixes the guide shows: the city under its region, a unit that says what it counts.
        fix_the_record(repo, record)
        expect(panel).to_have_count(0, timeout=120_000)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert check(repo, "en", capsys) == (0, [])

    # The translation reviewed: stamped, then nothing is stale and the file keeps its comments.
    assert main(["--root", str(repo), "stamp", "xinhu-community"]) == 0
    assert capsys.readouterr().out == f"{CASE}: 7 fingerprints written, 0 already current\n"
    assert "city: huizhou   # not in the vocabulary yet" in record.read_text("utf-8")
    assert check(repo, "en", capsys) == (0, [])

    # The real-data tests and the schema test, with the new case present.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_real_data.py",
            "tests/test_schema_ecma.py",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (
        "[xinhu-community.yaml]"
        in subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/test_schema_ecma.py"],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout
    )  # the schema test derived its list from data/: the new case was among those it ran
