"""`casebook stamp`: the reviewed fingerprints written into the record's own text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.stamp import stamp
from casebook.translation import case_states, fingerprint

BLOCK = """\
# A comment the contributor wrote.
summary:
  zh: 原文。   # why this wording
  en: The original.
title: {zh: 标题, en: "A title"}  # trailing comment
note:
  zh: |
    第一行。
    第二行。
  en: >
    Folded
    text.

stale: {zh: 新的原文, en: Old text, reviewed: 00000000}
current: {zh: 没变, en: Unchanged, reviewed: %s}
numeric:
  - zh: 数
    en: Number
"""


def test_fingerprints_go_into_each_mapping_keeping_comments_and_layout() -> None:
    text = BLOCK % fingerprint("没变")
    wanted = {
        ("summary",): "aaaaaaaa",
        ("title",): "bbbbbbbb",
        ("note",): "cccccccc",
        ("stale",): "dddddddd",
        ("current",): fingerprint("没变"),
        ("numeric", 0): "12345678",
    }
    result = stamp(text, wanted)
    assert (result.written, result.current) == (5, 1)
    assert result.text == (
        "# A comment the contributor wrote.\n"
        "summary:\n"
        "  zh: 原文。   # why this wording\n"
        "  en: The original.\n"
        "  reviewed: aaaaaaaa\n"
        'title: {zh: 标题, en: "A title", reviewed: bbbbbbbb}  # trailing comment\n'
        "note:\n"
        "  zh: |\n"
        "    第一行。\n"
        "    第二行。\n"
        "  en: >\n"
        "    Folded\n"
        "    text.\n"
        "\n"
        "  reviewed: cccccccc\n"
        "stale: {zh: 新的原文, en: Old text, reviewed: dddddddd}\n"
        f"current: {{zh: 没变, en: Unchanged, reviewed: {fingerprint('没变')}}}\n"
        "numeric:\n"
        "  - zh: 数\n"
        "    en: Number\n"
        '    reviewed: "12345678"\n'
    )
    assert stamp(result.text, wanted).written == 0  # stamping twice changes nothing
    crlf = stamp(text.replace("\n", "\r\n"), wanted).text
    assert crlf == result.text.replace("\n", "\r\n")  # a file with Windows line ends keeps them


def test_stamp_command_marks_a_reviewed_record_current(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = data_dir.parent
    alpha = data_dir / "cases" / "alpha-community.yaml"
    before = alpha.read_text("utf-8")
    # The original changes after a review: the stamped translation becomes stale.
    assert main(["--root", str(root), "stamp", "alpha-community"]) == 0
    assert capsys.readouterr().out == "data/cases/alpha-community.yaml: 20 fingerprints written, 0 already current\n"
    stamped = alpha.read_text("utf-8")
    # Nothing but the fingerprints was added: taken out again, the file is as it was.
    unstamped = re.sub(r", reviewed: \"?[0-9a-f]{8}\"?|\n *reviewed: \"?[0-9a-f]{8}\"?(?=\n)", "", stamped)
    assert unstamped == before
    assert "# a former id: its links redirect here" in stamped
    changed = stamped.replace("邻里关系日益融洽", "邻里关系更加融洽")
    alpha.write_text(changed, "utf-8")
    assert main(["--root", str(root), "check", str(alpha)]) == 0
    assert capsys.readouterr().err == (
        "warning: data/cases/alpha-community.yaml: summary.en: "
        "translation is stale: the original text changed since it was reviewed\n"
    )
    assert main(["--root", str(root), "stamp", str(alpha)]) == 0
    assert capsys.readouterr().out == "data/cases/alpha-community.yaml: 1 fingerprint written, 19 already current\n"
    main(["--root", str(root), "check", str(alpha)])
    assert capsys.readouterr().err == ""


def test_stamp_command_stamps_a_collection(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    collection = next((data_dir / "collections").glob("*.yaml"))
    shown = f"data/collections/{collection.name}"
    assert main(["--root", str(data_dir.parent), "stamp", str(collection)]) == 0
    assert capsys.readouterr().out.startswith(f"{shown}: ")
    from casebook.catalog import build_catalog

    catalog = build_catalog(data_dir)
    stamped = next(c for c in catalog.collections if c.id == collection.stem)
    assert [s for s in case_states(stamped, catalog.languages.codes) if s.state == "stale"] == []
    assert "reviewed: " in collection.read_text("utf-8")


def test_stamp_refuses_an_unknown_record(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(data_dir.parent), "stamp", "no-such-case"]) == 1
    assert capsys.readouterr().err == "no-such-case: no such record (give a case id or a record's path)\n"
