"""The glossary page's order: groups by theme from the records' use of each term, and the A–Z / 拼音 index."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from conftest import FIXTURE_DATA

from casebook import catalog as catalog_module
from casebook.catalog import build_catalog
from casebook.glossary import groups, index, initial, term_themes
from casebook.languages import Languages
from casebook.model import Case
from casebook.render import render_pages
from casebook.vocab import Vocabularies


def _add_term(data_dir: Path, key: str, zh: str, en: str) -> None:
    path = data_dir / "vocab" / "glossary.yaml"
    path.write_text(
        path.read_text("utf-8") + f"  - key: {key}\n    term: {{zh: {zh}, en: {en}}}\n"
        f"    definition: {{zh: 释义。, en: A definition.}}\n"
        # Listed with a reason: a term no text uses is refused otherwise (vocab_rules.py).
        f"    why: {{zh: 培训中常用。, en: Often heard in training.}}\n",
        "utf-8",
    )


def test_a_term_goes_under_the_theme_whose_practices_use_it_most(data_dir: Path):
    _add_term(data_dir, "fair", "集市", "fair")
    _add_term(data_dir, "unused", "未用词", "unused word")
    catalog = build_catalog(data_dir)
    # 网格员: two grid-governance practices, one of them also dispute mediation. 枫桥经验: one practice under
    # both themes, a tie, so the vocabulary's first. "fair": the beta festival practice, in English only.
    assert term_themes(catalog.vocab, catalog.cases, catalog.languages) == {
        "grid-worker": "grid-governance",
        "fengqiao-experience": "grid-governance",
        "fair": "festivals-and-culture",
    }
    assert [
        (group.theme.key if group.theme else None, [term.key for term in group.terms])
        for group in groups(catalog.vocab, catalog.term_themes, catalog.languages["en"])
    ] == [
        ("grid-governance", ["fengqiao-experience", "grid-worker"]),
        ("festivals-and-culture", ["fair"]),
        (None, ["unused"]),
    ]


def test_the_index_is_by_first_letter_of_the_pinyin_or_of_the_english_term(data_dir: Path):
    _add_term(data_dir, "hotline", "12345热线", "12345 hotline")
    catalog = build_catalog(data_dir)
    assert [
        (letter.letter, [term.key for term in letter.terms]) for letter in index(catalog.vocab, catalog.languages["zh"])
    ] == [
        ("F", ["fengqiao-experience"]),
        ("W", ["grid-worker"]),
        ("#", ["hotline"]),
    ]
    assert [
        (letter.letter, [term.key for term in letter.terms]) for letter in index(catalog.vocab, catalog.languages["en"])
    ] == [
        ("F", ["fengqiao-experience"]),
        ("G", ["grid-worker"]),
        ("#", ["hotline"]),
    ]


def test_initials():
    assert [initial(term, "zh") for term in ("长者食堂", "重阳节", "“三社联动”", "居民")] == ["Z", "C", "S", "J"]
    assert [initial(term, "en") for term in ("“Fengqiao experience”", "grid worker", "15-minute circle")] == [
        "F",
        "G",
        "#",
    ]


def test_the_terms_themes_are_worked_out_once_for_both_languages(monkeypatch):
    calls: list[object] = []

    def counted(vocab: Vocabularies, cases: Sequence[Case], languages: Languages) -> dict[str, str]:
        calls.append(cases)
        return term_themes(vocab, cases, languages)

    monkeypatch.setattr(catalog_module, "term_themes", counted)
    catalog = build_catalog(FIXTURE_DATA)
    pages = {page.path: page.content for page in render_pages(catalog, workers=2)}
    assert "网格员" in pages["glossary/index.md"] and "grid worker" in pages["glossary/index.en.md"]
    assert calls == [catalog.cases]
