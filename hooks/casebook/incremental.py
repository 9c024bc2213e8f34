"""While serving: what the last build made, so that a rebuild redoes only what changed.

`mkdocs serve` rebuilds after every saved change, and loading every record and
rendering every page again took about a minute at 1,000 cases. A ServeCache
lives as long as the serving process and keeps each record as it was loaded
(its bytes, and what loading and the one-record rules made of them) and the key
each case page was rendered with. A rebuild then loads only the records whose
bytes changed and renders only the case pages whose key changed; every other
page (the listings, each showing many records) is rendered every time.

A case page's key names everything it is made from: its record's bytes, the
vocabularies' bytes, the related cases' records, its change history and the
site's address. The templates are not part of it: `serve` does not reload the
package's code and templates either (a restart does).
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .catalog import Catalog, LoadedRecord
    from .vocab import Vocabularies


Record = TypeVar("Record")
Value = TypeVar("Value")


def per_record(function: Callable[[Record], Value]) -> Callable[[Record], Value]:
    """function(record), worked out once per record object while it lives. A serving process's
    rebuild keeps the objects of the records that did not change (ServeCache.loaded), so what
    is worked out from each record alone is not worked out again for them. Keyed by identity,
    not by value: hashing a record would walk all of it."""
    memo: dict[int, Value] = {}

    @functools.wraps(function)
    def remembered(record: Record) -> Value:
        key = id(record)
        if key not in memo:
            memo[key] = function(record)
            weakref.finalize(record, memo.pop, key, None)  # the id may name another object later
        return memo[key]

    return remembered


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@dataclass
class ServeCache:
    """What one serving process's builds share; `mkdocs build` and the command line keep none."""

    records: dict[Path, tuple[bytes, LoadedRecord]] = field(default_factory=dict)
    vocab: Vocabularies | None = None  # the vocabularies the records were checked against
    pages: dict[str, str] = field(default_factory=dict)  # page path under docs/ -> the key it was rendered with

    def loaded(self, path: Path, vocab: Vocabularies | None) -> LoadedRecord | None:
        """The record as loaded last time, if neither its bytes nor the vocabularies changed."""
        kept = self.records.get(path)
        if kept is None or vocab is None or vocab is not self.vocab:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        return kept[1] if raw == kept[0] else None

    def vocabularies(self, vocab: Vocabularies | None) -> Vocabularies | None:
        """The vocabularies the kept records were checked against if `vocab` equals them (then
        the records are kept), else `vocab` (and the records are let go)."""
        if vocab is not None and vocab == self.vocab:
            return self.vocab
        self.records.clear()
        self.vocab = vocab
        return vocab

    def keep(self, path: Path, loaded: LoadedRecord) -> None:
        self.records[path] = (loaded.raw, loaded)

    def unchanged(self, docs_dir: Path, path: str, key: str, suffixes: tuple[str, ...]) -> bool:
        """The page (path without language suffix) was rendered with this key and is still there
        in every language (`suffixes`: each language's page suffix)."""
        return self.pages.get(path) == key and all((docs_dir / f"{path}{suffix}").is_file() for suffix in suffixes)

    def page_keys(self, catalog: Catalog, vocab_bytes: bytes) -> dict[str, str]:
        """The key of each page made from some records only: path under docs/ (without language
        suffix) -> key. The case pages, and the theme and region pages (each lists its own
        cases); the other listings show every case, so they are rendered every time."""
        # The languages' page words (data/translations/) reach every page too.
        common = (digest(vocab_bytes), catalog.site_url, digest(repr(catalog.languages).encode()))
        history, digests = catalog.history, catalog.digests
        keys = {}
        for case in catalog.cases:
            related = [(item.case.id, digests[item.case.id], item.themes) for item in catalog.related[case.id]]
            changes: Any = None if history is None else history.get(f"cases/{case.id}.yaml", ())
            keys[f"cases/{case.id}"] = _key(common, digests[case.id], changes, related)
        for theme, practices in catalog.practices_by_theme().items():
            keys[f"themes/{theme}"] = _key(common, [(case.id, digests[case.id]) for case, _ in practices])
        for region, cases in catalog.cases_by_region().items():
            keys[f"regions/{region}"] = _key(common, [(case.id, digests[case.id]) for case in cases])
        return keys


def _key(*parts: object) -> str:
    return digest(repr(parts).encode())
