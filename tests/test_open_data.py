"""Open data and feeds: golden files, the JSON against the committed schema, the Atom rules, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from conftest import FIXTURE_DATA

from casebook.catalog import build_catalog
from casebook.feed import feed_files
from casebook.model import PROFILE_FIGURES
from casebook.opendata import (
    CASE_COLUMNS,
    FIGURE_PARTS,
    LABELLED_PARTS,
    PRACTICE_COLUMNS,
    labelled_columns,
    open_data_files,
)

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
PROFILE_PREFIXES = {field.split("_")[0] for field in PROFILE_FIGURES}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    catalog = build_catalog(FIXTURE_DATA)
    return open_data_files(catalog) | feed_files(catalog)


def test_files_match_golden_files(files, golden):
    assert sorted(files) == [
        "data/case.schema.json",
        "data/cases.csv",
        "data/cases.json",
        "data/practices.csv",
        "en/feed.xml",
        "feed.xml",
    ]
    for path in ("data/cases.json", "data/cases.csv", "data/practices.csv", "feed.xml", "en/feed.xml"):
        # Golden files are read with universal newlines: the CSV files' CRLF is checked below.
        golden.check(f"open-data/{path}", files[path].decode("utf-8").replace("\r\n", "\n"))


def test_json_holds_every_record_valid_against_the_committed_schema(files):
    committed = json.loads((ROOT / "schema" / "case.schema.json").read_text("utf-8"))
    assert json.loads(files["data/case.schema.json"]) == committed
    data = json.loads(files["data/cases.json"])
    assert (data["schema"], data["count"]) == ("case.schema.json", 2)
    validator = jsonschema.Draft202012Validator(committed)
    for record in data["cases"]:
        validator.validate(record)
    assert [record["id"] for record in data["cases"]] == ["alpha-community", "beta-community"]


def test_json_states_the_licence_and_its_exception_for_quoted_evidence(files):
    assert json.loads(files["data/cases.json"])["license"] == {
        "id": "CC-BY-4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "file": "LICENSE-DATA.md",
        "note": "Texts and data are licensed under CC BY 4.0. The quoted evidence passages (`evidence`) remain "
        "their publishers' words, quoted for evidence, and are not under this licence.",
    }


def test_schema_check_can_fail(files):
    committed = json.loads((ROOT / "schema" / "case.schema.json").read_text("utf-8"))
    record = json.loads(files["data/cases.json"])["cases"][0]
    record["profile"]["households"]["value"] = "many"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(committed).validate(record)


def _table(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "spreadsheet software needs the byte-order mark to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    # Records end with CRLF (RFC 4180); a line break inside a quoted text stays as written.
    assert content.endswith(b"\r\n") and content.count(b"\r\n") == len(rows) + 1
    return rows


def test_cases_csv_has_one_row_per_case_and_figures_with_their_units(files):
    rows = _table(files["data/cases.csv"])
    assert list(rows[0]) == list(CASE_COLUMNS)
    alpha, beta = rows
    assert (alpha["id"], alpha["name_zh"], alpha["region_en"]) == (
        "alpha-community",
        "甲社区",
        "Inner Mongolia Autonomous Region",
    )
    assert (alpha["residents_value"], alpha["residents_unit"], alpha["residents_qualifier"]) == (
        "16000",
        "person",
        "over",
    )
    assert (alpha["area_value"], alpha["area_unit"], alpha["area_source"]) == ("0.36", "km2", "report")
    assert alpha["residents_evidence"] == "共有居民2732户、1.6万余人"
    # Not given is an empty cell, never 0.
    assert (beta["households_value"], beta["households_unit"], beta["name_zh"]) == ("", "", "")
    assert alpha["themes"] == "grid-governance;dispute-mediation;festivals-and-culture"
    assert (alpha["url_zh"], alpha["url_en"]) == ("cases/alpha-community/", "en/cases/alpha-community/")


def test_a_profiles_other_figures_are_numbered_column_groups(data_dir):
    record = data_dir / "cases" / "alpha-community.yaml"
    other = (
        "  others:\n"
        "    - {label: {zh: 楼栋单元, en: building entrances}, value: 188, unit: building-unit, source: report,\n"
        "       evidence: 居民住宅楼48栋、188个单元}\n"
        "    - {label: {zh: 党员, en: Party members}, value: 90, unit: person, qualifier: over, source: report,\n"
        "       as_of: 2024-12-31, evidence: 社区有党员90余名}\n"
    )
    text = record.read_text("utf-8").replace(
        "  ethnic_groups: [han, mongol, hui]\n", f"  ethnic_groups: [han, mongol, hui]\n{other}"
    )
    record.write_text(text, "utf-8")
    rows = _table(open_data_files(build_catalog(data_dir))["data/cases.csv"])
    assert list(rows[0]) == [*CASE_COLUMNS, *labelled_columns("other", 2)]
    assert [(key, value) for key, value in rows[0].items() if key.startswith("other_2_")] == [
        ("other_2_label_zh", "党员"),
        ("other_2_label_en", "Party members"),
        ("other_2_value", "90"),
        ("other_2_unit", "person"),
        ("other_2_qualifier", "over"),
        ("other_2_period_zh", ""),
        ("other_2_period_en", ""),
        ("other_2_as_of", "2024-12-31"),
        ("other_2_source", "report"),
        ("other_2_evidence", "社区有党员90余名"),
    ]
    assert rows[0]["other_1_value"] == "188"
    # A case without other figures leaves their columns empty.
    assert {value for key, value in rows[1].items() if key.startswith("other_")} == {""}


def test_practices_csv_has_one_row_per_practice_with_its_figures_in_columns(files):
    rows = _table(files["data/practices.csv"])
    assert list(rows[0]) == [*PRACTICE_COLUMNS, *labelled_columns("figure", 1)]
    assert labelled_columns("figure", 1) == (
        "figure_1_label_zh", "figure_1_label_en", "figure_1_value", "figure_1_unit", "figure_1_qualifier",
        "figure_1_period_zh", "figure_1_period_en", "figure_1_as_of", "figure_1_source", "figure_1_evidence",
    )  # fmt: skip
    assert [[row[column] for column in labelled_columns("figure", 1)] for row in rows] == [
        ["走访居民", "residents visited", "5000", "person-time", "more-than", "2023年", "2023", "", "report",
         "2023年，网格员走访居民5000多人次。"],
        ["化解纠纷", "disputes settled", "300", "case", "over", "", "", "", "report", "调解室成立以来化解纠纷300余件"],
        [""] * 10,  # a practice without figures: empty, never 0
        ["", "fairs held", "32", "event", "", "", "", "", "site", "Since 1994 we have held 32 fairs, one every spring."],
    ]  # fmt: skip
    assert [(row["case_id"], row["practice_id"], row["url_en"]) for row in rows] == [
        ("alpha-community", "grid-worker-visits", "en/cases/alpha-community/#grid-worker-visits"),
        ("alpha-community", "mediation-room", "en/cases/alpha-community/#mediation-room"),
        ("alpha-community", "festival-gatherings", "en/cases/alpha-community/#festival-gatherings"),
        ("beta-community", "spring-festival-fair", "en/cases/beta-community/#spring-festival-fair"),
    ]


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_made_inert(data_dir):
    record = data_dir / "cases" / "alpha-community.yaml"
    text = record.read_text("utf-8").replace("en: Alpha Community}", 'en: "=HYPERLINK(\\"https://example.org\\")"}')
    record.write_text(text.replace("zh: 网格员入户走访", 'zh: "+网格员入户走访"'), "utf-8")
    files = open_data_files(build_catalog(data_dir))
    assert _table(files["data/cases.csv"])[0]["name_en"] == '\'=HYPERLINK("https://example.org")'
    assert _table(files["data/practices.csv"])[0]["title_zh"] == "'+网格员入户走访"
    # The JSON keeps the text as it is: it is data, not a sheet.
    assert json.loads(files["data/cases.json"])["cases"][0]["name"]["en"] == '=HYPERLINK("https://example.org")'


@pytest.mark.parametrize("path", ["feed.xml", "en/feed.xml"])
def test_feeds_follow_the_atom_rules(files, path):
    """RFC 4287: one id, title and updated per feed and entry, dates in RFC 3339, an author, links with href."""
    feed = ET.fromstring(files[path])
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == ("en" if path.startswith("en/") else "zh")
    for element in (feed, *feed.iter(f"{ATOM}entry")):
        for tag in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{tag}")) == 1, (path, tag)
        assert len(element.findall(f"{ATOM}rights")) == (1 if element is feed else 0)
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", element.findtext(f"{ATOM}id", ""))
        assert RFC3339.match(element.findtext(f"{ATOM}updated", ""))
        assert all(link.get("href") for link in element.findall(f"{ATOM}link"))
        # An entry without content needs a summary and an alternate link (§4.1.1.1, §4.1.2).
        if element is not feed:
            assert element.findtext(f"{ATOM}summary")
            assert [link.get("rel") for link in element.findall(f"{ATOM}link")] == ["alternate"]
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    assert (
        feed.findtext(f"{ATOM}rights")
        == {
            "feed.xml": "文字和数据采用知识共享署名 4.0 国际许可协议（CC BY 4.0，https://creativecommons.org/licenses/by/4.0/）；"
            "引用的来源原文仍归原发布者所有。",
            "en/feed.xml": "Texts and data: Creative Commons Attribution 4.0 International (CC BY 4.0, "
            "https://creativecommons.org/licenses/by/4.0/). Passages quoted from the sources remain their publishers' words.",
        }[path]
    )
    assert [link.get("rel") for link in feed.findall(f"{ATOM}link")] == ["self", "alternate"]
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == 2
    # Newest update first; the feed's update time is its newest entry's.
    updated = [entry.findtext(f"{ATOM}updated", "") for entry in feed.iter(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]


def test_feed_entry_ids_do_not_change_between_builds(files):
    again = feed_files(build_catalog(FIXTURE_DATA))
    assert again["en/feed.xml"] == files["en/feed.xml"]


@pytest.mark.parametrize("page", ["data.md", "data.en.md"])
def test_the_data_dictionary_names_every_column_and_the_licence(page):
    text = (ROOT / "docs" / page).read_text("utf-8")
    placeholder = "<数字>" if page == "data.md" else "<figure>"
    for column in (*CASE_COLUMNS, *PRACTICE_COLUMNS):
        figure = next((part for part in FIGURE_PARTS if column.endswith(f"_{part}") and column != part), None)
        named = f"`{placeholder}_{figure}`" if figure and column.split("_")[0] in PROFILE_PREFIXES else f"`{column}`"
        assert named in text or column.startswith(("district_", "subdistrict_")), (page, column)
    for part in LABELLED_PARTS:
        assert f"`figure_<n>_{part}`" in text, (page, part)
    assert "`other_<n>_label_zh`" in text
    assert "CC BY 4.0" in text and "`https://creativecommons.org/licenses/by/4.0/`" in text
    assert "`LICENSE-DATA.md`" in text and "`evidence`" in text
