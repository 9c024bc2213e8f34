"""The same inputs give the same site, byte for byte, but for three kinds of Pagefind file.

Pagefind 1.5.2 writes each language's filters in the order of a Rust HashMap,
which is seeded at random on every run: the filter files (named by a hash of
their content), the meta file that lists them (named likewise) and
pagefind-entry.json (which names the meta file) differ between runs. Their
content is compared decoded, order aside: the same filters, values and pages.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

from conftest import FIXTURE_DATA
from sitebuild import build_site, make_project

from casebook.search import FRAGMENT_MAGIC

# Relative paths of the files that may differ, as patterns.
RANDOM_ORDER = re.compile(
    r"(?:.*/)?pagefind[^/]*/(?:filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)"
)


def _build(folder: Path) -> Path:
    folder.mkdir()
    project = make_project(folder, FIXTURE_DATA)
    result = build_site(project, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    return project / "site"


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _cbor(data: bytes, at: int = 0) -> tuple[object, int]:
    """Just enough CBOR for Pagefind's filter files: integers, text, arrays, maps."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        length = info
    else:
        size = 1 << (info - 24)
        length, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major == 0:
        return length, at
    if major in (2, 3):
        raw = data[at : at + length]
        return (raw.decode() if major == 3 else raw), at + length
    items = []
    for _ in range(length * (2 if major == 5 else 1)):
        item, at = _cbor(data, at)
        items.append(item)
    return (dict(zip(items[::2], items[1::2], strict=True)) if major == 5 else items), at


def _filters(files: dict[str, bytes]) -> dict[str, object]:
    """Every filter file decoded: its group name -> sorted (value, pages) pairs, per bundle."""
    decoded: dict[str, object] = {}
    for path, content in files.items():
        if path.endswith(".pf_filter"):
            entry: Any = _cbor(gzip.decompress(content)[len(FRAGMENT_MAGIC) :])[0]
            group, values = entry
            decoded[f"{path.rsplit('/', 2)[0]}:{group}"] = sorted((value, sorted(pages)) for value, pages in values)
    return decoded


def test_two_builds_of_the_same_inputs_give_the_same_site(tmp_path: Path):
    first, second = _files(_build(tmp_path / "a")), _files(_build(tmp_path / "b"))
    same_bytes = sorted(path for path in first if not RANDOM_ORDER.fullmatch(path))
    assert same_bytes == sorted(path for path in second if not RANDOM_ORDER.fullmatch(path))
    assert [path for path in same_bytes if first[path] != second[path]] == []
    differing = sorted(path for path in first if RANDOM_ORDER.fullmatch(path))
    assert len(differing) == len([path for path in second if RANDOM_ORDER.fullmatch(path)])
    assert _filters(first) == _filters(second)
    assert sorted(_filters(first)) == sorted(
        f"{bundle}:{group}"
        for bundle, groups in (
            ("en/pagefind", ("Cities", "Ethnic groups", "Honours", "Regions", "Themes")),
            ("pagefind", ("城市", "民族", "荣誉", "地区", "主题")),
        )
        for group in groups
    )
