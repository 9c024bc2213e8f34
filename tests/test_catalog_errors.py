"""Exact error text for each kind of bad record, kept as golden files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import ROOT

from casebook.catalog import build_catalog
from casebook.parallel import WORTH_IT_FROM
from casebook.problems import DataError
from casebook.rules import Record, ids_are_unique
from casebook.synthetic import write_synthetic_data

BAD = Path(__file__).parent / "fixtures" / "bad-records"


def errors_for(data_dir: Path, *records: Path, folder: str = "cases") -> str:
    """The catalog's whole error text once `records` are copied into data/<folder>/."""
    for record in records:
        shutil.copy(record, data_dir / folder / record.name)
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    return str(caught.value) + "\n"


@pytest.mark.parametrize("record", sorted(BAD.glob("*.yaml")), ids=lambda path: path.stem)
def test_bad_record_reports_exact_errors(data_dir: Path, golden, record: Path):
    golden.check(f"errors/{record.stem}.txt", errors_for(data_dir, record))


def test_problems_of_all_files_come_together(data_dir: Path):
    text = errors_for(data_dir, BAD / "identity.yaml", BAD / "translation.yaml")
    assert "data/cases/identity.yaml" in text and "data/cases/translation.yaml" in text
    assert text.endswith("13 problems found; nothing was generated.\n")


def _with_practices(data_dir: Path, items: list[str]) -> int:
    """alpha-community with its practices replaced by `items` (the old ones kept under an
    unknown key); returns the line the practices are on."""
    path = data_dir / "cases" / "alpha-community.yaml"
    alpha = path.read_text("utf-8")
    path.write_text(alpha.replace("practices:\n", f"practices: [{', '.join(items)}]\nold_practices:\n", 1), "utf-8")
    return alpha.splitlines().index("practices:") + 1


def test_a_list_far_too_long_is_one_problem_not_one_per_item(data_dir: Path):
    line = _with_practices(data_dir, ["{}"] * 10_000)  # a 40 KB file that once printed 40,000 lines
    assert errors_for(data_dir) == (
        f"data/cases/alpha-community.yaml:{line}:4013: a list may have at most 1000 items\n"
        "1 problem found; nothing was generated.\n"
    )


def test_a_list_over_the_models_limit_is_cut_before_its_items_are_checked(data_dir: Path):
    line = _with_practices(data_dir, ["{}"] * 300)  # cut to 200 items before they are validated
    at = f"data/cases/alpha-community.yaml:{line}"
    assert errors_for(data_dir).splitlines() == [
        f"{at}:1: practices: has too many items (at most 200)",
        *(
            f"{at}:{13 + 4 * n}: practices[{n}].{name}: required field is missing"
            for n in (0, 1)
            for name in ("description", "id", "themes", "title")
        ),
        # Where the first hidden one was (practices[2].themes), so before the last shown ones of that item.
        f"{at}:21: 790 more like this: required field is missing",
        f"{at}:21: practices[2].description: required field is missing",
        f"{at}:21: practices[2].id: required field is missing",
        f"data/cases/alpha-community.yaml:{line + 1}:1: old_practices: unknown field",
        "13 problems found; nothing was generated.",
    ]


def test_one_message_repeated_in_a_file_is_shown_ten_times_then_counted(data_dir: Path):
    line = _with_practices(data_dir, ["{title: {zh: 甲}, themes: [grid-governance], description: {zh: 乙}}"] * 30)
    at = f"data/cases/alpha-community.yaml:{line}"
    missing = [f"{at}:{13 + 67 * n}: practices[{n}].id: required field is missing" for n in range(10)]
    assert errors_for(data_dir).splitlines() == [
        *missing,
        f"{at}:683: 20 more like this: required field is missing",
        f"data/cases/alpha-community.yaml:{line + 1}:1: old_practices: unknown field",
        "12 problems found; nothing was generated.",
    ]


def test_broken_vocabulary_is_reported_and_stops(data_dir: Path):
    (data_dir / "vocab" / "themes.yaml").write_text("themes:\n  - key: Grid\n", "utf-8")
    (data_dir / "vocab" / "units.yaml").unlink()
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    assert str(caught.value) == "\n".join(
        [
            "data/vocab/themes.yaml:2:5: themes[0].description: required field is missing",
            "data/vocab/themes.yaml:2:5: themes[0].key: must be lowercase ASCII letters and digits joined by single hyphens (kebab-case)",
            "data/vocab/themes.yaml:2:5: themes[0].label: required field is missing",
            "data/vocab/units.yaml:1:1: vocabulary file is missing",
            "4 problems found; nothing was generated.",
        ]
    )


def test_clean_fixture_data_loads(data_dir: Path):
    catalog = build_catalog(data_dir)
    assert [case.id for case in catalog.cases] == ["alpha-community", "beta-community"]


def test_records_loaded_in_parallel_report_what_one_process_reports(tmp_path: Path):
    # From WORTH_IT_FROM records on, worker processes load and check them (parallel.fork_imap).
    data_dir = tmp_path / "data"
    write_synthetic_data(data_dir, ROOT / "data", WORTH_IT_FROM)
    bad = sorted(BAD.glob("*.yaml"))
    for record in bad:
        shutil.copy(record, data_dir / "cases" / record.name)
    reports = []
    for workers in (1, 2):
        with pytest.raises(DataError) as caught:
            build_catalog(data_dir, workers=workers)
        reports.append(str(caught.value))
    assert reports[1] == reports[0]
    files = {line.split(":")[0] for line in reports[1].splitlines()[:-1]}
    assert files == {f"data/cases/{record.name}" for record in bad}


def test_two_records_may_not_share_an_id(data_dir: Path):
    # A file name is its id, so only two copies of one record can share an id:
    # the rule sees them as the catalog would.
    catalog = build_catalog(data_dir)
    record = Record(
        catalog.cases[0],
        "data/cases/alpha-community.yaml",
        (data_dir / "cases" / "alpha-community.yaml").read_bytes(),
        "alpha-community",
    )
    twin = Record(catalog.cases[0], "elsewhere/alpha-community.yaml", record.raw, "alpha-community")
    assert [str(problem) for problem in ids_are_unique((record, twin), catalog.vocab)] == [
        "elsewhere/alpha-community.yaml:2:1: id: 'alpha-community' is already used by data/cases/alpha-community.yaml"
    ]


def test_two_records_may_not_share_a_name(data_dir: Path):
    # "Ａｌｐｈａ COMMUNITY" is the same name as "Alpha Community" to a reader.
    beta = data_dir / "cases" / "beta-community.yaml"
    beta.write_text(beta.read_text("utf-8").replace("{en: Beta Community}", "{en: Ａｌｐｈａ  COMMUNITY}", 1), "utf-8")
    assert errors_for(data_dir).splitlines() == [
        "data/cases/beta-community.yaml:3:8: name.en: 'Ａｌｐｈａ  COMMUNITY' is already the name of data/cases/alpha-community.yaml",
        "1 problem found; nothing was generated.",
    ]


def test_a_city_must_be_known_and_belong_to_the_region(data_dir: Path):
    alpha = data_dir / "cases" / "alpha-community.yaml"
    text = alpha.read_text("utf-8")
    alpha.write_text(text.replace("city: hohhot", "city: hohot"), "utf-8")
    assert errors_for(data_dir).splitlines() == [
        "data/cases/alpha-community.yaml:6:3: location.city: unknown city 'hohot'; nearest: hohhot"
        "; to add a city, list it under its region's cities in data/vocab/regions.yaml",
        "1 problem found; nothing was generated.",
    ]
