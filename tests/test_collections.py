"""Workshop collections as data: exact errors, the command line, the schema."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA
from sitebuild import ROOT, make_project
from test_catalog_errors import errors_for as catalog_errors
from test_cli import casebook

from casebook.catalog import build_catalog
from casebook.cli import COLLECTION_SCHEMA_PATH, collection_schema_text
from casebook.problems import DataError, Listed, msg
from casebook.render import plan_pages
from casebook.translation import fingerprint

BAD = Path(__file__).parent / "fixtures" / "bad-collections"


def errors_for(data_dir: Path, collection: Path) -> str:
    return catalog_errors(data_dir, collection, folder="collections")


@pytest.mark.parametrize("collection", sorted(BAD.glob("*.yaml")), ids=lambda path: path.stem)
def test_bad_collection_reports_exact_errors(data_dir: Path, golden, collection: Path):
    golden.check(f"errors/collection-{collection.stem}.txt", errors_for(data_dir, collection))


def test_clean_fixture_collection_loads_in_order(data_dir: Path):
    catalog = build_catalog(data_dir)
    [collection] = catalog.collections
    assert [item.ref for item in collection.items] == ["alpha-community", "beta-community#spring-festival-fair"]
    assert [(item.case_id, item.practice_id) for item in collection.items] == [
        ("alpha-community", ""),
        ("beta-community", "spring-festival-fair"),
    ]


def test_a_removed_practice_breaks_the_collection_that_uses_it(data_dir: Path):
    record = data_dir / "cases" / "beta-community.yaml"
    record.write_text(record.read_text("utf-8").replace("spring-festival-fair", "spring-fair"), "utf-8")
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    assert str(caught.value) == (
        "data/collections/neighbourhood-workshop.yaml:14:5: items[1].ref: unknown practice "
        "'spring-festival-fair' in case 'beta-community'; nearest: spring-fair\n"
        "1 problem found; nothing was generated."
    )


def test_collection_messages_read_in_chinese():
    nearest = msg("hint.nearest", keys=Listed(("alpha-community", "beta-community")))
    assert msg("unknown", kind=msg("kind.case"), key="alpha-comunity", hint=nearest).text("zh") == (
        "未知的案例“alpha-comunity”；最接近的是：alpha-community、beta-community"
    )
    hint = msg("hint.nearest", keys=Listed(("mediation-room",)))
    assert msg("unknown.practice", key="mediation", case="alpha-community", hint=hint).text("zh") == (
        "案例“alpha-community”中没有做法“mediation”；最接近的是：mediation-room"
    )
    assert msg("collection.item_taken", ref="beta-community", number=3).text("zh") == "“beta-community”已是第 3 项"


def test_new_collection_scaffold_then_check(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    created = casebook(project, "new", "--collection", "grid-workshop")
    target = project / "data" / "collections" / "grid-workshop.yaml"
    assert (created.returncode, created.stdout) == (0, f"created {target.as_posix()}\n")
    assert target.read_text("utf-8").startswith("# yaml-language-server: $schema=../../schema/collection.schema.json\n")
    # The scaffold's placeholder ids are named with the problem, as a contributor sees it.
    failed = casebook(project, "check", "data/collections/grid-workshop.yaml")
    assert failed.returncode == 1
    assert failed.stderr == (
        "data/collections/grid-workshop.yaml:22:5: items[0].ref: unknown case 'case-id'\n"
        "data/collections/grid-workshop.yaml:26:5: items[1].ref: unknown case 'case-id'\n"
        "2 problems found; nothing was generated.\n"
    )
    text = target.read_text("utf-8")
    target.write_text(
        text.replace("ref: case-id   ", "ref: alpha-community").replace(
            "ref: case-id#practice-id", "ref: beta-community#spring-festival-fair"
        ),
        "utf-8",
    )
    passed = casebook(project, "check", "data/collections/grid-workshop.yaml")
    assert (passed.returncode, passed.stdout, passed.stderr) == (
        0,
        "2 cases and 1 collection checked; no problems found.\n",
        "",
    )
    taken = casebook(project, "new", "--collection", "grid-workshop")
    assert taken.returncode == 1


def test_committed_collection_schema_matches_the_model():
    committed = (ROOT / COLLECTION_SCHEMA_PATH).read_text("utf-8")
    assert committed == collection_schema_text(), "schema/collection.schema.json is out of date: run `casebook schema`"


def test_every_collection_points_editors_to_its_schema():
    collections = sorted((ROOT / "data" / "collections").glob("*.yaml"))
    assert len(collections) >= 2
    for collection in collections:
        assert collection.read_text("utf-8").startswith(
            "# yaml-language-server: $schema=../../schema/collection.schema.json\n"
        )


def test_real_collections_check_with_the_real_cases():
    catalog = build_catalog(ROOT / "data")
    assert [collection.id for collection in catalog.collections] == [
        "dispute-mediation-and-grid-governance",
        "embedding-space-services-culture",
    ]


def test_pages_with_a_site_url_carry_full_addresses_and_qr_codes(golden):
    """The published site's trainers' pages and a case page with its citations
    (the other golden files are built without site_url)."""
    catalog = dataclasses.replace(build_catalog(FIXTURE_DATA), site_url="https://casebook.example.org/")
    shown = ("collections/", "handouts/", "cases/alpha-community.")
    pages = [page for page in plan_pages(catalog, workers=1) if page.path.startswith(shown)]
    assert [page.path for page in pages] == [
        "cases/alpha-community.md",
        "collections/index.md",
        "collections/neighbourhood-workshop.md",
        "handouts/neighbourhood-workshop.md",
        "cases/alpha-community.en.md",
        "collections/index.en.md",
        "collections/neighbourhood-workshop.en.md",
        "handouts/neighbourhood-workshop.en.md",
    ]
    for page in pages:
        golden.check(f"pages-site-url/{page.path}", page.content)


def test_a_stale_collection_translation_is_a_warning_and_fingerprints_are_listed(tmp_path: Path):
    project = make_project(tmp_path, FIXTURE_DATA)
    collection = project / "data" / "collections" / "neighbourhood-workshop.yaml"
    text = collection.read_text("utf-8")
    collection.write_text(
        text.replace(
            "title: {zh: 邻里工作坊, en: Neighbourhood workshop}",
            "title: {zh: 邻里工作坊, en: Neighbourhood workshop, reviewed: 0badc0de}",
        ),
        "utf-8",
    )
    check = casebook(project, "check")
    assert (check.returncode, check.stderr) == (
        0,
        "warning: data/collections/neighbourhood-workshop.yaml: title.en: translation is stale: "
        "the original text changed since it was reviewed\n",
    )
    listed = casebook(project, "status", "--fingerprints", "data/collections/neighbourhood-workshop.yaml")
    assert listed.stdout.splitlines()[:2] == [
        f"title: reviewed: {fingerprint('邻里工作坊')}",
        f"audience: reviewed: {fingerprint('社区工作者')}",
    ]
