"""The overview: counts, chart data, SVG charts readable without colour, text alternatives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA

from casebook.catalog import build_catalog
from casebook.model import LANGS
from casebook.overview import Counts, alt_text, chart_files, overview
from casebook.render import View


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(FIXTURE_DATA)


@pytest.fixture(scope="module")
def charts(catalog) -> dict[str, bytes]:
    return chart_files(catalog, {lang: View(catalog, lang) for lang in LANGS})


def test_counts_say_what_the_casebook_holds(catalog):
    assert overview(catalog).counts == Counts(cases=2, practices=4, regions=1, themes=3, ethnic_groups=3, honours=2)


def test_chart_data_most_first_and_cases_without_a_region_counted_as_such(catalog):
    data = overview(catalog)
    assert [(bar.label.en if bar.label else None, bar.value) for bar in data.cases_by_region] == [
        ("Inner Mongolia Autonomous Region", 1),
        (None, 1),
    ]
    assert [(bar.label.en if bar.label else None, bar.value) for bar in data.practices_by_theme] == [
        ("Grid governance", 2),
        ("Festivals and culture", 2),
        ("Dispute mediation", 1),
    ]
    # Beta gives no resident count: it is left out, not drawn as 0.
    assert [(bar.case.id if bar.case else None, bar.value) for bar in data.residents] == [("alpha-community", 16000)]
    assert data.residents_given == 1


def test_text_alternatives_give_every_value_with_its_qualifier(catalog):
    data = overview(catalog)
    assert alt_text(View(catalog, "en"), "Residents", data.residents) == "Residents: Alpha Community over 16,000 people"
    assert (
        alt_text(View(catalog, "zh"), "各地区的案例数", data.cases_by_region)
        == "各地区的案例数：内蒙古自治区 1；来源未写明所在省份 1"
    )


def test_charts_match_golden_files(charts, golden):
    assert sorted(charts) == sorted(
        f"{prefix}overview/{name}.svg"
        for prefix in ("", "en/")
        for name in ("cases-by-region", "practices-by-theme", "residents")
    )
    for path, svg in charts.items():
        golden.check(f"charts/{path}", svg.decode("utf-8"))


def test_charts_are_the_same_in_every_build(catalog, charts):
    assert chart_files(catalog, {lang: View(catalog, lang) for lang in LANGS}) == charts


def test_charts_need_no_colour_and_keep_their_text_as_text(charts):
    for path, svg in charts.items():
        text = svg.decode("utf-8")
        assert set(re.findall(r"#[0-9a-f]{6}", text)) <= {"#000000", "#333333", "#ffffff"}, path
        assert "<script" not in text and "http://" not in text.split("<metadata>")[0].split("<svg")[1].replace(
            'xmlns="http://www.w3.org/2000/svg"', ""
        ).replace('xmlns:xlink="http://www.w3.org/1999/xlink"', ""), path
    zh = charts["overview/residents.svg"].decode("utf-8")
    assert ">甲社区</text>" in zh and ">1.6万余人</text>" in zh
    assert ">over 16,000 people</text>" in charts["en/overview/residents.svg"].decode("utf-8")


def test_overview_page_shows_each_chart_with_its_table(built_site: Path):
    page = (built_site / "en" / "overview" / "index.html").read_text("utf-8")
    assert (
        '<img src="residents.svg" alt="Residents of the communities: Alpha Community over 16,000 people" loading="lazy">'
        in page
    )
    assert "<caption>Residents of the communities: data table</caption>" in page
    assert (
        '<tr><th scope="row"><a href="../cases/alpha-community/">Alpha Community</a></th><td>over 16,000 people</td></tr>'
        in page
    )
    for name in ("cases-by-region", "practices-by-theme", "residents"):
        assert (built_site / "en" / "overview" / f"{name}.svg").is_file()
        assert (built_site / "overview" / f"{name}.svg").is_file()


def test_home_page_counts_link_to_the_overview(built_site: Path):
    en = (built_site / "en" / "index.html").read_text("utf-8")
    assert "Province-level regions covered: 1; ethnic groups named: 3; honours: 2." in en
    assert '<a href="overview/">See the overview and its charts</a>' in en
    zh = (built_site / "index.html").read_text("utf-8")
    assert "案例来自 1 个省级行政区，记录了 3 个民族和 2 项荣誉称号。" in zh
