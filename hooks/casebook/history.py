"""Each record's change log, read from the repository's git history.

One `git log` for the whole data folder, not one per record: thousands of
records would mean thousands of processes. A source tree without history (a
tarball, a copy, no git) gives None, and pages say so instead of failing.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

MAX_SUBJECT = 200  # a commit subject is one line; a very long one is cut
_RECORD = "\x1e"
_FIELD = "\x1f"


@dataclass(frozen=True)
class Change:
    date: dt.date
    subject: str


# Record path relative to data/ ("cases/x.yaml") to its changes, newest first.
History = dict[str, tuple[Change, ...]]


def read_history(data_dir: Path) -> History | None:
    """The commits that touched each file under data_dir, or None without history.

    A shallow clone (CI's default checkout) counts as none: it would show every
    record as changed once, by whatever commit was checked out.
    """
    if (_git(data_dir, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return None
    output = _git(data_dir, "log", f"--format={_RECORD}%cs{_FIELD}%s", "--name-only", "--no-renames", "--", ".")
    if output is None:
        return None
    prefix = _git(data_dir, "rev-parse", "--show-prefix")
    return parse_log(output, (prefix or "").strip())


def head(data_dir: Path) -> str:
    """The commit checked out ('' without history): a new commit changes the pages."""
    return (_git(data_dir, "rev-parse", "HEAD") or "").strip()


def parse_log(output: str, prefix: str) -> History:
    """`git log --name-only` output to changes per path relative to the data folder (prefix: its path in the repository)."""
    history: dict[str, list[Change]] = {}
    for entry in output.split(_RECORD)[1:]:
        header, _, names = entry.partition("\n")
        date, _, subject = header.partition(_FIELD)
        change = Change(dt.date.fromisoformat(date), _one_line(subject))
        for name in names.split("\n"):
            if name.startswith(prefix) and name.endswith(".yaml"):
                history.setdefault(name.removeprefix(prefix), []).append(change)
    return {path: tuple(changes) for path, changes in history.items()}


def _one_line(subject: str) -> str:
    subject = " ".join(subject.split())
    return subject if len(subject) <= MAX_SUBJECT else subject[: MAX_SUBJECT - 1] + "…"


def _git(folder: Path, *args: str) -> str | None:
    if not folder.is_dir():
        return None
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, encoding="utf-8", timeout=120
        )
    except (OSError, subprocess.TimeoutExpired):  # no git installed, or a broken repository
        return None
    return done.stdout if done.returncode == 0 else None
