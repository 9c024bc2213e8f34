"""The compare page's data files: one per case and language, plain text, "not given" as null."""

from __future__ import annotations

import json

from conftest import FIXTURE_DATA

from casebook.catalog import build_catalog
from casebook.compare import compare_files


def test_compare_data_matches_golden_files(golden):
    files = compare_files(build_catalog(FIXTURE_DATA))
    assert sorted(files) == [
        "compare/alpha-community.json",
        "compare/beta-community.json",
        "en/compare/alpha-community.json",
        "en/compare/beta-community.json",
    ]
    for path, content in files.items():
        golden.check(f"compare/{path}", json.dumps(json.loads(content), ensure_ascii=False, indent=1) + "\n")


def test_figures_keep_qualifier_and_source_and_missing_ones_are_null():
    files = compare_files(build_catalog(FIXTURE_DATA))
    alpha = json.loads(files["en/compare/alpha-community.json"])
    assert alpha["figures"]["residents"] == {
        "value": "over 16,000 people",
        "when": "",
        "source": "[1]",
        "source_title": "Example Daily. Neighbourhood stories from Alpha Community",
        "source_url": "../cases/alpha-community/#source-report",
    }
    assert alpha["figures"]["grids"] is None
    beta = json.loads(files["compare/beta-community.json"])
    assert beta["name"] == "Beta Community（未译）" and beta["figures"]["households"] is None


def test_a_profiles_other_figures_carry_label_and_unit_so_the_page_can_match_their_basis(data_dir):
    record = data_dir / "cases" / "alpha-community.yaml"
    groups = "  ethnic_groups: [han, mongol, hui]\n"
    other = (
        "  others:\n    - {label: {zh: 楼栋单元, en: building entrances}, value: 188, unit: building-unit,"
        " source: report, evidence: 共188个单元}\n"
    )
    record.write_text(record.read_text("utf-8").replace(groups, groups + other), "utf-8")
    files = compare_files(build_catalog(data_dir))
    assert json.loads(files["en/compare/alpha-community.json"])["others"] == [
        {
            "label": "building entrances",
            "unit": "building-unit",
            "value": "188 building entrances",
            "when": "",
            "source": "[1]",
            "source_title": "Example Daily. Neighbourhood stories from Alpha Community",
            "source_url": "../cases/alpha-community/#source-report",
        }
    ]
    assert json.loads(files["compare/alpha-community.json"])["others"][0]["value"] == "188个单元"
    assert json.loads(files["compare/beta-community.json"])["others"] == []
