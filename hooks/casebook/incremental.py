"""While serving: what the last build made, so that a rebuild redoes only what changed.

`mkdocs serve` rebuilds after every saved change, and loading every record and
rendering every page again took about a minute at 1,000 cases. A ServeCache
lives as long as the serving process and keeps each record as it was loaded
(its bytes, and what loading and the one-record rules made of them) and the key
each case page was rendered with. A rebuild then loads only the records whose
bytes changed (or all, when the vocabularies' keys changed: rules.checked_keys)
and renders only the case, theme and region pages whose key changed; every other
page (the listings of all cases) is rendered every time, from what is kept per
record (memo.per_record_in: the open data, compare files, status rows, glossary
themes), and written only if its text changed (write.py).

A case page's key (pipeline._page_keys) names everything it is made from: its record's bytes, the
vocabularies' bytes but the themes', the entries of the themes it shows (its own and its related
cases'), the related cases' records, its change history and the site's address. The templates are not part of it: `serve` does not reload the
package's code and templates either (a restart does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .model import Case
from .problems import Problem
from .rules import checked_keys
from .vocab import Vocabularies

Kept = TypeVar("Kept")


class LoadedRecord(NamedTuple):
    """A record file as loading left it: its bytes, the case if they make a valid one, and the problems."""

    raw: bytes
    case: Case | None
    problems: list[Problem]


@dataclass
class ServeCache:
    """What one serving process's builds share; `mkdocs build` and the command line keep none."""

    records: dict[Path, tuple[bytes, LoadedRecord]] = field(default_factory=dict)
    vocab: Vocabularies | None = None  # the vocabularies the records were checked against
    pages: dict[str, str] = field(default_factory=dict)  # page path under docs/ -> the key it was rendered with
    values: dict[type, Any] = field(default_factory=dict)  # ServeCache.same: the last build's, by type

    def loaded(self, path: Path, raw: bytes | None, vocab: Vocabularies | None) -> LoadedRecord | None:
        """The record as loaded last time, if neither its bytes (`raw`, as this build read them:
        snapshot.py) nor the vocabularies changed."""
        kept = self.records.get(path)
        if kept is None or raw is None or vocab is None or vocab is not self.vocab:
            return None
        return kept[1] if raw == kept[0] else None

    def vocabularies(self, vocab: Vocabularies | None) -> Vocabularies | None:
        """The vocabularies the kept records were checked against if `vocab` equals them, else
        `vocab`, kept from now on. The records are kept unless the keys they are checked against
        changed (rules.checked_keys): a changed label or description loads no record again."""
        if vocab is not None and vocab == self.vocab:
            return self.vocab
        if vocab is None or self.vocab is None or checked_keys(vocab) != checked_keys(self.vocab):
            self.records.clear()
        self.vocab = vocab
        return vocab

    def same(self, value: Kept) -> Kept:
        """The object kept from the last build if it equals `value`, else `value` (kept now): what
        was worked out from it stays valid (memo.per_record_in compares such objects by identity)."""
        kept = self.values.get(type(value))
        if kept is not None and kept == value:
            return kept  # of value's type: the dict is keyed by type
        self.values[type(value)] = value
        return value

    def keep(self, path: Path, loaded: LoadedRecord) -> None:
        self.records[path] = (loaded.raw, loaded)

    def unchanged(self, docs_dir: Path, path: str, key: str, suffixes: tuple[str, ...]) -> bool:
        """The page (path without language suffix) was rendered with this key and is still there
        in every language (`suffixes`: each language's page suffix)."""
        return self.pages.get(path) == key and all((docs_dir / f"{path}{suffix}").is_file() for suffix in suffixes)
