"""The data files as one build reads them: each file read once, its bytes kept by path.

While serving, a build compares every record with the last build's (ServeCache), works out
the inputs' fingerprint (pipeline's memo) and keys pages by the vocabularies' bytes: three
readers of the same files. They all read a Snapshot instead, so every file is read once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

Missing = TypeVar("Missing", bytes, None)


class Snapshot:
    """The files read so far, by path: their bytes, or why they could not be read.
    `keep=False`: each read goes to the disk and nothing is kept (a build that is not served:
    thousands of records, each read once anyway)."""

    def __init__(self, paths: Iterable[Path] = (), keep: bool = True) -> None:
        self._read: dict[Path, bytes | OSError] = {}
        self._keep = keep
        for path in paths:
            self._fetch(path)

    def read_bytes(self, path: Path) -> bytes:
        """The file's bytes, read from disk the first time it is asked for; raises OSError as Path.read_bytes."""
        found = self._read.get(path)
        if found is None:
            found = self._fetch(path)
        if isinstance(found, OSError):
            raise found
        return found

    def _fetch(self, path: Path) -> bytes | OSError:
        try:
            found: bytes | OSError = path.read_bytes()
        except OSError as error:
            found = error
        if self._keep:
            self._read[path] = found
        return found

    def bytes_or(self, path: Path, missing: Missing) -> bytes | Missing:
        """The file's bytes, or `missing` if it cannot be read."""
        try:
            return self.read_bytes(path)
        except OSError:
            return missing
