"""Atomic publishing: build into a fresh folder, scan it, and only then replace site/.

`mkdocs build` writes in place and is not atomic: a failed build can leave a
half-written site, and two builds into one folder mix their outputs. Here a
lock admits one build at a time, the build goes to a new folder, and the
published folder is swapped by renames only after the build and the scan pass.
MkDocs runs as a command, so this module does not import it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .scanner import Allowlist, committed_allowlist, scan_site

STAGING_PREFIX = ".site-build-"  # a build in progress
RETIRED_PREFIX = ".site-old-"  # the previous site, between the two renames
STOP_WAIT_S = 5.0  # how long a stopped build's processes may take to go
# Every MkDocs run the casebook starts: Material's end-of-life banner off (../shared/DESIGN.md §5).
# The Makefile exports the same for `make serve`, which runs MkDocs itself.
MKDOCS_ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1"}


class PublishError(Exception):
    """The build or the scan failed; the published site was left as it was."""


def publish(root: Path, site: Path | None = None, allow: Allowlist | None = None) -> Path:
    site = site or root / "site"
    lock_path = root / ".site.lock"
    with lock_path.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError("another build is running in this folder; try again when it has finished") from None
        _remove_leftovers(root)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            _build(root, staging)
            findings = scan_site(staging, allow or committed_allowlist())
            if findings:
                raise PublishError("the built site failed the scan:\n" + "\n".join(findings))
            _swap(staging, site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return site


def _remove_leftovers(root: Path) -> None:
    """Folders of builds that were killed (SIGKILL leaves no chance to clean up).
    Called with the lock held, so no build that is still running owns one."""
    for folder in sorted(root.glob(f"{STAGING_PREFIX}*")) + sorted(root.glob(f"{RETIRED_PREFIX}*")):
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def _build(root: Path, staging: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    command = [str(mkdocs), "build", "--strict", "--site-dir", str(staging)]
    # In a session of its own: MkDocs builds the other languages in a forked child
    # (casebook_mkdocs/orchestration.py), and a stopped build must stop both before its folder goes.
    build = subprocess.Popen(command, cwd=root, env={**os.environ, **MKDOCS_ENVIRONMENT}, start_new_session=True)
    try:
        returncode = build.wait()
    except BaseException:
        _stop_group(build)
        raise
    if returncode != 0:
        raise PublishError("mkdocs build failed; the published site was not changed")


def _stop_group(build: subprocess.Popen[bytes]) -> None:
    """Kills the build and every process it started, and waits until they are gone."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + STOP_WAIT_S
    while time.monotonic() < deadline:
        try:
            os.killpg(build.pid, 0)  # someone of the group is still there (a child not yet reaped)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def _swap(staging: Path, site: Path) -> None:
    """Two renames on one file system: readers see the old site or the new one, never a mix."""
    retired = site.with_name(f"{RETIRED_PREFIX}{os.getpid()}")
    if site.exists():
        site.rename(retired)
    staging.rename(site)
    shutil.rmtree(retired, ignore_errors=True)
