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
from casebook.opendata import CASE_COLUMNS, PRACTICE_COLUMNS, open_data_files

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
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
    # Not given is an empty cell, never 0.
    assert (beta["households_value"], beta["households_unit"], beta["name_zh"]) == ("", "", "")
    assert alpha["themes"] == "grid-governance;dispute-mediation;festivals-and-culture"
    assert (alpha["url_zh"], alpha["url_en"]) == ("cases/alpha-community/", "en/cases/alpha-community/")


def test_practices_csv_has_one_row_per_practice(files):
    rows = _table(files["data/practices.csv"])
    assert list(rows[0]) == list(PRACTICE_COLUMNS)
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
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", element.findtext(f"{ATOM}id", ""))
        assert RFC3339.match(element.findtext(f"{ATOM}updated", ""))
        assert all(link.get("href") for link in element.findall(f"{ATOM}link"))
        # An entry without content needs a summary and an alternate link (§4.1.1.1, §4.1.2).
        if element is not feed:
            assert element.findtext(f"{ATOM}summary")
            assert [link.get("rel") for link in element.findall(f"{ATOM}link")] == ["alternate"]
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    assert [link.get("rel") for link in feed.findall(f"{ATOM}link")] == ["self", "alternate"]
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == 2
    # Newest update first; the feed's update time is its newest entry's.
    updated = [entry.findtext(f"{ATOM}updated", "") for entry in feed.iter(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]


def test_feed_entry_ids_do_not_change_between_builds(files):
    again = feed_files(build_catalog(FIXTURE_DATA))
    assert again["en/feed.xml"] == files["en/feed.xml"]
