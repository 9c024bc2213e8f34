"""Related cases: ranked by shared themes, then practices paired under them, then region, then id."""

from __future__ import annotations

import datetime as dt

from casebook.model import Case
from casebook.related import related_cases

THEMES = ["grid", "mediation", "festivals", "volunteering"]


def case(case_id: str, *practice_themes: list[str], region: str | None = None) -> Case:
    return Case.model_validate(
        {
            "id": case_id,
            "name": {"en": case_id},
            "location": {"region": region},
            "summary": {"en": "A case."},
            "practices": [
                {"id": f"p{index}", "title": {"en": "P"}, "themes": themes, "description": {"en": "D."}}
                for index, themes in enumerate(practice_themes)
            ],
            "sources": [{"id": "s", "publisher": {"en": "X"}, "title": {"en": "Y"}, "language": "en"}],
            "translation": {"original": "en", "state": "draft"},
            "added": dt.date(2026, 1, 1),
            "updated": dt.date(2026, 1, 1),
        },
        strict=False,
    )


def ranked(cases: list[Case], limit: int = 5) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    found = related_cases(sorted(cases, key=lambda c: c.id), THEMES, limit)
    return {key: [(item.case.id, item.themes) for item in items] for key, items in found.items()}


def test_more_shared_themes_rank_first_and_the_shared_themes_are_named_in_vocabulary_order():
    cases = [
        case("a", ["mediation", "grid"], ["festivals"]),
        case("b", ["grid"]),
        case("c", ["festivals"], ["grid", "mediation"]),
        case("d", ["volunteering"]),
    ]
    assert ranked(cases)["a"] == [("c", ("grid", "mediation", "festivals")), ("b", ("grid",))]


def test_a_case_sharing_no_theme_is_never_related():
    cases = [case("a", ["grid"]), case("b", ["volunteering"])]
    assert ranked(cases) == {"a": [], "b": []}


def test_equal_theme_counts_rank_by_practices_paired_under_them():
    cases = [
        case("a", ["grid"], ["grid"], ["mediation"]),
        case("b", ["grid"]),
        case("c", ["grid"], ["grid"]),
    ]
    assert ranked(cases)["a"] == [("c", ("grid",)), ("b", ("grid",))]


def test_then_the_same_region_then_the_id():
    cases = [
        case("a", ["grid"], region="north"),
        case("b", ["grid"], region="south"),
        case("c", ["grid"]),
        case("d", ["grid"], region="north"),
    ]
    assert ranked(cases)["a"] == [("d", ("grid",)), ("b", ("grid",)), ("c", ("grid",))]
    # No region is no match: c's ties are ordered by id alone.
    assert ranked(cases)["c"] == [("a", ("grid",)), ("b", ("grid",)), ("d", ("grid",))]


def test_at_most_the_limit_and_ties_at_the_cut_are_decided_by_id_the_same_way_every_time():
    cases = [case(f"c{index:02d}", ["grid"]) for index in range(1, 12)]
    cases += [case("c00", ["grid"], ["mediation"]), case("z", ["mediation"], ["grid"])]
    expected = [("z", ("grid", "mediation"))] + [(f"c{index:02d}", ("grid",)) for index in (1, 2, 3, 4)]
    assert ranked(cases)["c00"] == expected
    assert ranked(list(reversed(cases)))["c00"] == expected


def test_ranking_is_the_same_across_the_blocks_it_is_worked_out_in(monkeypatch):
    import casebook.related

    cases = [case(f"c{index:03d}", THEMES[: 1 + index % 4], THEMES[index % 3 : 4]) for index in range(40)]
    whole = ranked(cases)
    monkeypatch.setattr(casebook.related, "_BLOCK", 7)
    assert ranked(cases) == whole
