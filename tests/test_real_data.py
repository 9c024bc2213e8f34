"""The real data/: properties every record must have, whoever adds it.

What a single record must keep is a rule of `casebook check` and the build
(rules.py), so a contributor meets it there first; here the real data is only
run through them; so are the rules of the casebook as a whole (every theme and
glossary term used: vocab_rules.py). What stays here are properties of the real
data that are not rules for a contributor: every text in both languages (the
fixtures keep a missing translation on purpose, a state readers see), the
vocabularies complete (56 ethnic groups, 34 regions), and facts of particular
records that a review found wrong once. Nothing here lists the cases, so
a contributor's valid record passes; nothing here reads the source articles
(they are not part of the repository): a figure is traced to its source through
its evidence, which the build's rules check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casebook import formatting
from casebook.catalog import build_catalog
from casebook.cli import main
from casebook.model import Case, Figure
from casebook.rules import texts, walk

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(ROOT / "data")


def test_the_real_data_passes_every_rule_of_check(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0
    assert capsys.readouterr().err == ""


def _figures(case: Case) -> list[tuple[str, Figure]]:
    return [(".".join(map(str, path)), value) for path, value in walk(case) if isinstance(value, Figure)]


def test_every_text_is_in_both_languages(catalog):
    gaps = [
        f"{case.id}: {'.'.join(map(str, path))}.{lang}"
        for case in catalog.cases
        for path, text in texts(case)
        for lang in ("zh", "en")
        if not text.get(lang) and not (path[:1] == ("sources",) and path[2:] == ("author",))
    ]
    assert gaps == []


def test_glossary_is_large_enough_and_vocabularies_complete(catalog):
    assert len(catalog.vocab.glossary) >= 40
    assert len(catalog.vocab.ethnic_groups) == 56
    assert len(catalog.vocab.regions) == 34


@pytest.mark.parametrize(
    ("case_id", "zh", "en"),
    [
        # The units the review found wrong, as the articles count them.
        ("fuyuan-community", "7年", "7 years"),
        ("zhongshan-community", "18面", "18 banners"),
        ("zhongshan-community", "20余幅", "over 20 works"),
        ("zhongshan-community", "1200余人次", "over 1,200 attendances"),
        ("zhongshan-community", "60个", "60 parking spaces"),
        ("qingquanjie-community", "9处", "9 rooms"),
        ("qingquanjie-community", "200余次", "over 200 activities"),
        ("nankai-community", "42个", "42 groups"),
        ("nankai-community", "70余个", "over 70 jobs"),
        ("jiangbei-subdistrict", "24部", "24 lifts"),
        ("jiangbei-subdistrict", "40个", "40 Party branches"),
        ("jiangbei-subdistrict", "20多套", "more than 20 sets"),
    ],
)
def test_units_read_as_the_articles_count(catalog, case_id, zh, en):
    case = next(case for case in catalog.cases if case.id == case_id)
    shown = {
        (formatting.figure(f, "zh", catalog.vocab), formatting.figure(f, "en", catalog.vocab))
        for _, f in _figures(case)
    }
    assert (zh, en) in shown


def test_records_name_no_private_resident(catalog):
    # The Qingquanjie article names a resident performer by nickname, the Jiangbei
    # article a resident by name in its opening quote; no record may.
    for case in catalog.cases:
        for _, text in texts(case):
            assert "二大娘" not in (text.zh or "")
            assert "Jiang Yan" not in (text.en or "")


def test_place_levels_the_source_does_not_name_are_marked_derived(catalog):
    """The Bayannur article names banners and counties only; Jiangbei's names no place above its subdistrict."""
    derived = {case.id: case.location.derived for case in catalog.cases}
    bayannur = [case.id for case in catalog.cases if case.location.city == "bayannur"]
    assert [case_id for case_id in bayannur if set(derived[case_id]) != {"region", "city"}] == []
    jiangbei = next(case for case in catalog.cases if case.id == "jiangbei-subdistrict")
    assert (jiangbei.location.region, jiangbei.location.city, jiangbei.location.district) == (None, None, None)


def test_real_site_builds_strictly_and_passes_the_scan(tmp_path_factory, catalog):
    from sitebuild import make_project

    from casebook.publish import publish
    from casebook.scanner import committed_allowlist, scan_site

    project = make_project(tmp_path_factory.mktemp("real"), ROOT / "data")
    site = publish(project)  # strict build into a fresh folder, scanned before it is published
    assert scan_site(site, committed_allowlist()) == []
    for folder in (site / "cases", site / "en" / "cases"):
        assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == sorted(case.id for case in catalog.cases)
