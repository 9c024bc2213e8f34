"""Build hygiene: what may live under data/ and which files under docs/ the generator may touch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casebook.catalog import build_catalog
from casebook.pipeline import generate
from casebook.problems import DataError


def errors(data_dir: Path) -> str:
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir)
    return str(caught.value)


def test_symlinked_record_is_refused(data_dir: Path, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", "utf-8")
    (data_dir / "cases" / "secret.yaml").symlink_to(secret)
    assert errors(data_dir) == (
        "data/cases/secret.yaml:1:1: symbolic links are not allowed under data/\n1 problem found; nothing was generated."
    )


def test_unexpected_files_under_data_are_refused(data_dir: Path):
    (data_dir / "cases" / "notes.txt").write_text("x", "utf-8")
    (data_dir / "extra.yaml").write_text("a: 1\n", "utf-8")
    os.mkfifo(data_dir / "cases" / "pipe")
    assert errors(data_dir) == "\n".join(
        [
            "data/cases/notes.txt:1:1: unexpected file: records and vocabularies are .yaml files",
            "data/cases/pipe:1:1: only regular files are allowed under data/",
            "data/extra.yaml:1:1: YAML files belong in data/cases/, data/collections/, data/vocab/ or data/translations/",
            "3 problems found; nothing was generated.",
        ]
    )


def test_generator_never_overwrites_or_deletes_hand_written_pages(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "cases").mkdir(parents=True)
    (docs / "cases" / "alpha-community.md").write_text("# Hand-written\n", "utf-8")
    (docs / "cases" / "keep-me.md").write_text("# Also hand-written\n", "utf-8")
    with pytest.raises(DataError) as caught:
        generate(data_dir, docs)
    assert str(caught.value) == (
        "docs/cases/alpha-community.md:1:1: is a hand-written file; a generated page may not replace it\n"
        "1 problem found; nothing was generated."
    )
    assert (docs / "cases" / "alpha-community.md").read_text("utf-8") == "# Hand-written\n"
    # Pages are written as they are rendered, but only once every target was checked.
    written = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file())
    assert written == ["cases/alpha-community.md", "cases/keep-me.md"]
    (docs / "cases" / "alpha-community.md").unlink()
    generate(data_dir, docs)
    assert (docs / "cases" / "keep-me.md").read_text("utf-8") == "# Also hand-written\n"


def test_hand_written_pages_at_a_generated_pages_address_are_refused(data_dir: Path, tmp_path: Path):
    # MkDocs publishes docs/cases/x/index.md at /cases/x/, docs/en/… at /en/…: the case pages' addresses.
    docs = tmp_path / "docs"
    for page in (
        "cases/alpha-community/index.md",
        "en/cases/alpha-community/index.md",
        "cases/beta-community/README.md",
    ):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# Impostor\n", "utf-8")
    with pytest.raises(DataError) as caught:
        generate(data_dir, docs)
    assert str(caught.value) == "\n".join(
        [
            "docs/cases/alpha-community/index.md:1:1: would be published at /cases/alpha-community/, "
            "the address of the generated page docs/cases/alpha-community.md; edit data/ instead",
            "docs/cases/beta-community/README.md:1:1: would be published at /cases/beta-community/, "
            "the address of the generated page docs/cases/beta-community.md; edit data/ instead",
            "docs/en/cases/alpha-community/index.md:1:1: would be published at /en/cases/alpha-community/, "
            "the address of the generated page docs/cases/alpha-community.en.md; edit data/ instead",
            "3 problems found; nothing was generated.",
        ]
    )


def test_generator_refuses_to_write_through_a_symlinked_folder(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (docs / "themes").symlink_to(elsewhere)
    with pytest.raises(DataError) as caught:
        generate(data_dir, docs)
    assert str(caught.value) == (
        "docs/themes:1:1: symbolic links are not allowed under docs/\n1 problem found; nothing was generated."
    )
    assert list(elsewhere.iterdir()) == []


def test_symlinks_and_stray_files_under_docs_are_refused(data_dir: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leak.md").symlink_to("/etc/hostname")
    (docs / "run.sh").write_text("echo hi\n", "utf-8")
    with pytest.raises(DataError) as caught:
        generate(data_dir, docs)
    assert str(caught.value) == "\n".join(
        [
            "docs/leak.md:1:1: symbolic links are not allowed under docs/",
            "docs/run.sh:1:1: unexpected file type .sh under docs/",
            "2 problems found; nothing was generated.",
        ]
    )
    assert not (docs / "cases").exists()
