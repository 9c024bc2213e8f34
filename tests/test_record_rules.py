"""The rules that once lived only in the real-data tests, now rules of `casebook check`
and the build: each triggered, its message in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casebook.catalog import _load_record, build_catalog
from casebook.cli import main
from casebook.rules import checked_keys
from casebook.vocab import Vocabularies

BAD = Path(__file__).parent / "fixtures" / "bad-records"


def check(data_dir: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """`casebook check --lang <lang>` over the whole data folder: its error lines."""
    assert main(["--root", str(data_dir.parent), "check", "--lang", lang]) == 1
    return capsys.readouterr().err.splitlines()


def test_each_record_rule_in_both_languages(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(BAD / "record-rules.yaml", data_dir / "cases")
    at = "data/cases/record-rules.yaml"
    assert check(data_dir, "en", capsys) == [
        f"{at}:8:3: summary.zh: has 9 Chinese characters; a summary has 80 to 150",
        f"{at}:19:18: practices[0].figures[0].period.zh: names the year 2023: give it as span.start or span.end too",
        f"{at}:21:9: practices[0].figures[0].evidence: is not in the language of source 'report' (zh): "
        "quote its own words",
        f"{at}:26:9: practices[0].figures[1].evidence: is not in the language of source 'article' (en): "
        "quote its own words",
        f"{at}:30:13: sources[0].title.zh: contains 《; the page sets a title in 《…》: write 〈…〉 inside it",
        f"{at}:30:30: sources[0].title.en: contains “; the page sets a title in “…”: write ‘…’ inside it",
        "6 problems found; nothing was generated.",
    ]
    assert check(data_dir, "zh", capsys) == [
        f"{at}:8:3: summary.zh: 有 9 个汉字；摘要应为 80 至 150 个汉字",
        f"{at}:19:18: practices[0].figures[0].period.zh: 写到了 2023 年：请同时填入 span.start 或 span.end",
        f"{at}:21:9: practices[0].figures[0].evidence: 与来源“report”的语言（zh）不符：请照录来源原文",
        f"{at}:26:9: practices[0].figures[1].evidence: 与来源“article”的语言（en）不符：请照录来源原文",
        f"{at}:30:13: sources[0].title.zh: 含有《；页面会给标题加上《…》，标题里请改用〈…〉",
        f"{at}:30:30: sources[0].title.en: 含有“；页面会给标题加上“…”，标题里请改用‘…’",
        "发现 6 个问题；未生成任何页面。",
    ]


@pytest.mark.parametrize(("summary", "count"), [("甲" * 79, 79), ("乙" * 151, 151)])
def test_a_summary_outside_80_to_150_chinese_characters_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], summary: str, count: int
) -> None:
    alpha = data_dir / "cases" / "alpha-community.yaml"
    lines = alpha.read_text("utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines) if text.startswith("  zh: 甲社区是"))
    lines[line] = f"  zh: {summary}\n"
    alpha.write_text("".join(lines), "utf-8")
    assert check(data_dir, "en", capsys) == [
        f"data/cases/alpha-community.yaml:{line + 1}:3: summary.zh: has {count} Chinese characters; "
        "a summary has 80 to 150",
        "1 problem found; nothing was generated.",
    ]


def test_a_summary_of_80_and_of_150_chinese_characters_passes(data_dir: Path) -> None:
    alpha = data_dir / "cases" / "alpha-community.yaml"
    text = alpha.read_text("utf-8")
    start = text.index("  zh: 甲社区是")
    end = text.index("\n", start)
    for summary in ("甲" * 80, "乙" * 150 + "，and some English words."):
        alpha.write_text(text[:start] + f"  zh: {summary}" + text[end:], "utf-8")
        assert main(["--root", str(data_dir.parent), "check"]) == 0


def _add_wuhan_and_wuhai(data_dir: Path) -> None:
    regions = data_dir / "vocab" / "regions.yaml"
    text = regions.read_text("utf-8").replace(
        "      - {key: bayannur,", "      - {key: wuhai, label: {zh: 乌海市, en: Wuhai}}\n      - {key: bayannur,"
    )
    hubei = "  - key: hubei\n    label: {zh: 湖北省, en: Hubei Province}\n    cities:\n"
    regions.write_text(text + hubei + "      - {key: wuhan, label: {zh: 武汉市, en: Wuhan}}\n", "utf-8")


@pytest.mark.parametrize(("region", "nearest"), [("inner-mongolia", "wuhai, wuhan"), ("hubei", "wuhan, wuhai")])
def test_unknown_city_suggests_the_cities_of_its_region_first(
    data_dir: Path, capsys: pytest.CaptureFixture[str], region: str, nearest: str
) -> None:
    _add_wuhan_and_wuhai(data_dir)
    alpha = data_dir / "cases" / "alpha-community.yaml"
    text = alpha.read_text("utf-8").replace("region: inner-mongolia", f"region: {region}")
    alpha.write_text(text.replace("city: hohhot", "city: wuha"), "utf-8")
    assert check(data_dir, "en", capsys) == [
        f"data/cases/alpha-community.yaml:6:3: location.city: unknown city 'wuha'; nearest: {nearest}"
        "; to add a city, list it under its region's cities in data/vocab/regions.yaml",
        "1 problem found; nothing was generated.",
    ]


def test_vocabulary_problems_name_line_and_field_all_at_once(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = data_dir / "vocab" / "units.yaml"
    units.write_text(
        units.read_text("utf-8")
        + "  - {key: widget, zh: 个, en_one: unit, en_other: units}\n"
        + "  - {key: household, zh: 户, en_one: household, en_other: households}\n",
        "utf-8",
    )
    regions = data_dir / "vocab" / "regions.yaml"
    regions.write_text(regions.read_text("utf-8") + "      - {key: hohhot, label: {zh: 呼市, en: Hohhot}}\n", "utf-8")
    lines = units.read_text("utf-8").splitlines()
    widget, repeat = len(lines) - 1, len(lines)
    assert check(data_dir, "en", capsys) == [
        "data/vocab/regions.yaml:12:10: regions[1].cities[1].key: key 'hohhot' is defined more than once "
        "(first on line 6)",
        f"data/vocab/units.yaml:{widget}:40: units[{widget - 4}].en_other: 'units' does not say what is counted: "
        "name it (lifts, sets, parking spaces …)",
        f"data/vocab/units.yaml:{repeat}:6: units[{repeat - 4}].key: key 'household' is defined more than once "
        "(first on line 4)",
        "3 problems found; nothing was generated.",
    ]
    assert check(data_dir, "zh", capsys) == [
        "data/vocab/regions.yaml:12:10: regions[1].cities[1].key: 键“hohhot”定义了不止一次（第一次在第 6 行）",
        f"data/vocab/units.yaml:{widget}:40: units[{widget - 4}].en_other: “units”没有说明计数的对象："
        "请写明计的是什么（如 lifts、sets、parking spaces）",
        f"data/vocab/units.yaml:{repeat}:6: units[{repeat - 4}].key: 键“household”定义了不止一次（第一次在第 4 行）",
        "发现 3 个问题；未生成任何页面。",
    ]


def _add_unused_theme_and_terms(data_dir: Path) -> None:
    with (data_dir / "vocab" / "themes.yaml").open("a", encoding="utf-8") as themes:
        themes.write(
            "  - key: elderly-care\n    label: {zh: 养老服务, en: Elderly care}\n"
            "    description: {zh: 为老人提供照料的做法。, en: Practices that care for older residents.}\n"
        )
    with (data_dir / "vocab" / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write(
            "  - {key: red-property, term: {zh: 红色物业, en: Red property management},"
            " definition: {zh: 党建引领的物业服务。, en: Property management led by Party building.}}\n"
            "  - {key: yijian-tong, term: {zh: 一键通, en: one-touch line},"
            " definition: {zh: 老人一键呼叫服务。, en: A one-button call service for older people.},"
            " why: {zh: 培训常用, en: Often met in training}}\n"
        )


def test_every_theme_and_glossary_term_is_used(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Rules of the whole casebook: a theme no practice has, a term no text uses and that
    does not say why it is listed (the last entry says why, so it passes)."""
    _add_unused_theme_and_terms(data_dir)
    assert check(data_dir, "en", capsys) == [
        "data/vocab/glossary.yaml:9:6: glossary[2].key: no record's text uses the term 'red-property': "
        "remove it, or say in 'why' why it is listed",
        "data/vocab/themes.yaml:12:5: themes[3].key: no practice has the theme 'elderly-care', so its page would "
        "be empty: use it in a case's themes or remove it",
        "2 problems found; nothing was generated.",
    ]
    assert check(data_dir, "zh", capsys) == [
        "data/vocab/glossary.yaml:9:6: glossary[2].key: 没有任何记录的文字用到术语“red-property”：请删去它，"
        "或用 why 说明为什么收录",
        "data/vocab/themes.yaml:12:5: themes[3].key: 没有任何做法用到主题“elderly-care”，它的主题页会是空的："
        "请在案例的 themes 中用到它，或删去这个主题",
        "发现 2 个问题；未生成任何页面。",
    ]


def test_the_whole_casebook_rules_wait_for_the_whole_casebook(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checking one record cannot tell whether another record uses a theme."""
    _add_unused_theme_and_terms(data_dir)
    record = str(data_dir / "cases" / "alpha-community.yaml")
    assert main(["--root", str(data_dir.parent), "check", record]) == 0
    assert capsys.readouterr().out == "1 case checked; no problems found.\n"


def _relabelled(value: object) -> object:
    """Every text of a vocabulary dump changed but its keys (key, region of a city)."""
    if isinstance(value, dict):
        return {name: item if name == "key" else _relabelled(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return tuple(_relabelled(item) for item in value)
    return f"{value} (relabelled)" if isinstance(value, str) else value


def test_the_one_record_rules_read_only_the_vocabularies_keys(data_dir: Path):
    """While serving, a changed label keeps the loaded records and their problems
    (ServeCache.vocabularies): so no one-record rule may read more than rules.checked_keys."""
    vocab = build_catalog(data_dir).vocab
    relabelled = Vocabularies.model_validate(_relabelled(vocab.model_dump()))
    assert relabelled != vocab
    assert checked_keys(relabelled) == checked_keys(vocab)
    records = sorted([*(data_dir / "cases").glob("*.yaml"), *BAD.glob("*.yaml")])
    found = 0
    for path in records:
        file = (path, path.name)
        with_labels = _load_record(file, vocab, ("zh", "en")).problems
        found += len(with_labels)
        assert _load_record(file, relabelled, ("zh", "en")).problems == with_labels, path.name
    assert found > 50  # the bad records' problems, unknown keys among them
