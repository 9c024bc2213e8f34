"""The whole generator as one call, memoised on a fingerprint of its inputs.

static-i18n runs the MkDocs build once per language, hooks included; the
memo makes the second pass cost nothing and report nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, build_catalog, fingerprint
from .render import plan_pages
from .write import write_pages


@dataclass(frozen=True)
class Result:
    catalog: Catalog
    written: int
    deleted: int


_memo: dict[tuple[Path, Path], tuple[str, Result]] = {}


def generate(data_dir: Path, docs_dir: Path) -> Result:
    """Validate data_dir and write its pages into docs_dir; raises DataError."""
    key = (data_dir.resolve(), docs_dir.resolve())
    stamp = fingerprint(data_dir)
    if key in _memo and _memo[key][0] == stamp:
        return _memo[key][1]
    catalog = build_catalog(data_dir)
    written, deleted = write_pages(docs_dir, plan_pages(catalog))
    result = Result(catalog, written, deleted)
    _memo[key] = (stamp, result)
    return result
