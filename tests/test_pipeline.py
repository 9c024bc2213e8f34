"""The pipeline runs once per set of inputs, and writes only what changed."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest

from casebook import catalog as catalog_module
from casebook import pipeline
from casebook.catalog import Catalog, LoadedRecord
from casebook.incremental import ServeCache
from casebook.pipeline import generate
from casebook.snapshot import Snapshot
from casebook.vocab import Vocabularies


def test_second_language_pass_reuses_the_first(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    first = generate(data_dir, docs)
    page = docs / "cases" / "alpha-community.md"
    stamp = page.stat().st_mtime_ns
    second = generate(data_dir, docs)
    assert second is first
    assert (first.written, first.deleted) == (34, 0)
    assert page.stat().st_mtime_ns == stamp


def test_changed_data_regenerates_only_changed_pages(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    generate(data_dir, docs)
    record = data_dir / "cases" / "beta-community.yaml"
    record.write_text(record.read_text("utf-8").replace("updated: 2026-03-05", "updated: 2026-03-06"), "utf-8")
    result = generate(data_dir, docs)
    assert (result.written, result.deleted) == (2, 0)  # the case page in each language


GAMMA = """\
id: gamma-community
name: {en: Gamma Community}
location:
  subdistrict: {en: Hillside Subdistrict}
summary:
  en: Gamma Community runs a lunch room where older residents eat together every weekday, and volunteers bring meals to those who cannot come.
practices:
  - id: lunch-room
    title: {en: Lunch room}
    themes: [elderly-care]
    description:
      en: Older residents eat together every weekday.
sources:
  - {id: site, publisher: {en: Gamma Community}, title: {en: Our lunch room}, language: en}
translation: {original: en, state: machine}
added: 2026-03-06
updated: 2026-03-06
"""


def _with_gamma(data_dir: Path) -> Path:
    """A third case whose theme no other case has: it is nobody's related case."""
    with (data_dir / "vocab" / "themes.yaml").open("a", encoding="utf-8") as themes:
        themes.write(
            "  - key: elderly-care\n    label: {zh: 养老服务, en: Elderly care}\n"
            "    description: {zh: 为老人提供照料的做法。, en: Practices that care for older residents.}\n"
        )
    record = data_dir / "cases" / "gamma-community.yaml"
    record.write_text(GAMMA, "utf-8")
    return record


def test_served_rebuilds_load_and_render_only_what_changed(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """While serving (incremental.py): a changed record is loaded again, and its page, its theme's
    page and every listing of all cases are rendered again; a changed theme label renders every page
    that shows the theme and loads no record; a new vocabulary key loads every record and renders
    every page again."""
    gamma = _with_gamma(data_dir)
    loaded: list[str] = []
    skipped: list[set[str]] = []
    load, render = catalog_module._load_record, pipeline.render_pages

    def spy_load(
        file: tuple[Path, str], vocab: Vocabularies | None, languages: tuple[str, ...], files: Snapshot | None = None
    ) -> LoadedRecord:
        loaded.append(file[0].stem)
        return load(file, vocab, languages, files)

    def spy_render(catalog: Catalog, workers: int | None = None, skip: AbstractSet[str] = frozenset()) -> Iterator:
        skipped.append(set(skip))
        return render(catalog, workers, skip)

    monkeypatch.setattr(catalog_module, "_load_record", spy_load)
    monkeypatch.setattr(pipeline, "render_pages", spy_render)
    docs, cache = tmp_path / "docs", ServeCache()
    generate(data_dir, docs, cache=cache)
    assert (sorted(loaded), skipped) == (["alpha-community", "beta-community", "gamma-community"], [set()])

    loaded.clear()
    gamma.write_text(GAMMA.replace("name: {en: Gamma Community}", "name: {en: Gamma Neighbourhood}"), "utf-8")
    generate(data_dir, docs, cache=cache)
    assert loaded == ["gamma-community"]
    assert skipped[-1] == {
        *("cases/alpha-community", "cases/beta-community", "regions/inner-mongolia"),
        *("themes/grid-governance", "themes/dispute-mediation", "themes/festivals-and-culture"),
    }
    assert "Gamma Neighbourhood" in (docs / "themes" / "elderly-care.en.md").read_text("utf-8")
    assert "# Gamma Neighbourhood" in (docs / "cases" / "gamma-community.en.md").read_text("utf-8")
    assert "Gamma Neighbourhood" in (docs / "cases" / "index.en.md").read_text("utf-8")

    loaded.clear()
    themes = data_dir / "vocab" / "themes.yaml"
    themes.write_text(themes.read_text("utf-8").replace("en: Festivals and culture}", "en: Fairs and arts}"), "utf-8")
    generate(data_dir, docs, cache=cache)
    assert (loaded, skipped[-1]) == ([], {"cases/gamma-community"})  # Gamma's theme is only elderly care
    assert "Fairs and arts" in (docs / "cases" / "beta-community.en.md").read_text("utf-8")

    units = data_dir / "vocab" / "units.yaml"
    units.write_text(units.read_text("utf-8") + "  - {key: lift, zh: 部, en_one: lift, en_other: lifts}\n", "utf-8")
    generate(data_dir, docs, cache=cache)
    assert (sorted(loaded), skipped[-1]) == (["alpha-community", "beta-community", "gamma-community"], set())


def test_a_served_rebuild_renders_a_related_case_again(data_dir: Path, tmp_path: Path):
    """Alpha and Beta share a theme: each lists the other, so renaming one renders both."""
    docs, cache = tmp_path / "docs", ServeCache()
    generate(data_dir, docs, cache=cache)
    beta = data_dir / "cases" / "beta-community.yaml"
    beta.write_text(beta.read_text("utf-8").replace("name: {en: Beta Community}", "name: {en: Beta Town}"), "utf-8")
    generate(data_dir, docs, cache=cache)
    assert "Beta Town" in (docs / "cases" / "alpha-community.en.md").read_text("utf-8")


def test_a_served_rebuild_reads_each_data_file_once(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The fingerprint, the comparison with the kept records, the vocabularies' bytes in the page
    keys and the loading all read the build's snapshot (snapshot.py), not the files again."""
    docs, cache = tmp_path / "docs", ServeCache()
    generate(data_dir, docs, cache=cache)
    beta = data_dir / "cases" / "beta-community.yaml"
    beta.write_text(beta.read_text("utf-8").replace("name: {en: Beta Community}", "name: {en: Beta Town}"), "utf-8")
    reads: list[str] = []
    read_bytes, read_text = Path.read_bytes, Path.read_text

    def spy_bytes(path: Path) -> bytes:
        reads.append(path.relative_to(data_dir.parent).as_posix())
        return read_bytes(path)

    def spy_text(path: Path, *args: str) -> str:
        reads.append(path.relative_to(data_dir.parent).as_posix())
        return read_text(path, *args)

    monkeypatch.setattr(Path, "read_bytes", spy_bytes)
    monkeypatch.setattr(Path, "read_text", spy_text)
    generate(data_dir, docs, cache=cache)
    monkeypatch.undo()
    inputs = [path.relative_to(data_dir.parent).as_posix() for path in catalog_module.input_files(data_dir)]
    assert sorted(path for path in reads if not path.startswith("docs/")) == sorted(inputs)
    assert "Beta Town" in (docs / "cases" / "beta-community.en.md").read_text("utf-8")


def test_a_served_rebuild_after_a_theme_label_renders_only_the_pages_that_show_it(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A case page's key names its own and its related cases' theme entries, not the whole
    themes file: a label only Gamma shows leaves Alpha's and Beta's pages as they were, and
    every page is then what a build from scratch writes."""
    _with_gamma(data_dir)
    skipped: list[set[str]] = []
    render = pipeline.render_pages

    def spy_render(catalog: Catalog, workers: int | None = None, skip: AbstractSet[str] = frozenset()) -> Iterator:
        skipped.append(set(skip))
        return render(catalog, workers, skip)

    monkeypatch.setattr(pipeline, "render_pages", spy_render)
    docs, cache = tmp_path / "docs", ServeCache()
    generate(data_dir, docs, cache=cache)
    themes = data_dir / "vocab" / "themes.yaml"
    themes.write_text(themes.read_text("utf-8").replace("en: Elderly care}", "en: Care in old age}"), "utf-8")
    generate(data_dir, docs, cache=cache)
    assert skipped[-1] == {"cases/alpha-community", "cases/beta-community"}
    assert "Care in old age" in (docs / "cases" / "gamma-community.en.md").read_text("utf-8")
    fresh = tmp_path / "fresh"
    generate(data_dir, fresh)
    pages = sorted(path.relative_to(fresh) for path in fresh.rglob("*.md"))
    assert sorted(path.relative_to(docs) for path in docs.rglob("*.md")) == pages
    assert [page for page in pages if (docs / page).read_bytes() != (fresh / page).read_bytes()] == []
