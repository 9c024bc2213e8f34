"""Exact error text for each kind of bad record, kept as golden files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casebook.catalog import build_catalog
from casebook.parallel import WORTH_IT_FROM
from casebook.problems import DataError
from casebook.synthetic import write_synthetic_data
from sitebuild import ROOT

BAD = Path(__file__).parent / "fixtures" / "bad-records"


def errors_for(data_dir: Path, *records: Path) -> str:
    for record in records:
        shutil.copy(record, data_dir / "cases" / record.name)
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    return str(caught.value) + "\n"


@pytest.mark.parametrize("record", sorted(BAD.glob("*.yaml")), ids=lambda path: path.stem)
def test_bad_record_reports_exact_errors(data_dir: Path, golden, record: Path):
    golden.check(f"errors/{record.stem}.txt", errors_for(data_dir, record))


def test_problems_of_all_files_come_together(data_dir: Path):
    text = errors_for(data_dir, BAD / "identity.yaml", BAD / "translation.yaml")
    assert "data/cases/identity.yaml" in text and "data/cases/translation.yaml" in text
    assert text.endswith("9 problems found; nothing was generated.\n")


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
