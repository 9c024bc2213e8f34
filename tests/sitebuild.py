"""A throwaway copy of the project with other data, built by the real MkDocs CLI."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from casebook.publish import MKDOCS_ENVIRONMENT
from casebook.render import GENERATED_DIRS

ROOT = Path(__file__).resolve().parent.parent
GENERATED = GENERATED_DIRS  # the folders under docs/ that the generator owns
CHROMIUM = os.environ.get("CASEBOOK_CHROMIUM", "/usr/bin/chromium")
# Chromium's own background traffic would be refused by a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def make_project(target: Path, data: Path) -> Path:
    """Copies mkdocs.yml, the hand-written docs, overrides and the hook file beside `data`."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=lambda folder, names: _generated(folder, names))
    (target / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "mkdocs_hooks.py", target / "hooks" / "mkdocs_hooks.py")
    shutil.copytree(data, target / "data")
    return target


def _generated(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if Path(folder) == ROOT / "docs" and name in GENERATED]


def build_site(project: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, **MKDOCS_ENVIRONMENT, **(env or {})}
    return subprocess.run(
        [str(mkdocs), "build", "--strict", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@contextlib.contextmanager
def serving(site: Path, slow: str = "", delay_s: float = 0.0, compress: bool = False) -> Iterator[str]:
    """A quiet static HTTP server for a built site, as a reader's browser sees it; yields its base URL.
    Requests whose path contains `slow` (if given) wait delay_s, as on a slow network. compress:
    text files are sent gzipped to a browser that accepts it, as a real host sends them."""
    handler = functools.partial(_QuietHandler, directory=str(site), slow=slow, delay_s=delay_s, compress=compress)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, slow: str, delay_s: float, compress: bool, **kwargs) -> None:
        self.slow, self.delay_s, self.compress = slow, delay_s, compress
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self.slow and self.slow in self.path:
            time.sleep(self.delay_s)
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", "") and self._send_gzipped():
            return
        super().do_GET()

    def _send_gzipped(self) -> bool:
        """Sends the file gzipped if it is a text file; False if it is not one (or is not there)."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix not in COMPRESSED
            or not path.is_file()
            or not self.path.split("?")[0].endswith(("/", path.name))
        ):
            return False
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        return True

    def log_message(self, format: str, *args: object) -> None:
        pass


def learn_allowlist_file(target: Path) -> None:
    """Builds the fixtures in a temporary folder and writes the scanner allowlist learned from it."""
    import tempfile

    from casebook.scanner import learn_allowlist

    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder), ROOT / "tests" / "fixtures" / "data")
        result = build_site(project)
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        target.write_text(learn_allowlist(project / "site").to_json(), "utf-8")


if __name__ == "__main__" and sys.argv[1:2] == ["--learn-allowlist"]:
    learn_allowlist_file(Path(sys.argv[2]))


def mkdocs_serve(
    project: Path,
    page: str,
    shows: str,
    port: int = 0,
    env: dict[str, str] | None = None,
    attempts: int = 5,
    log: Path | None = None,
) -> tuple[subprocess.Popen, str]:
    """`mkdocs serve` as `make serve` runs it, with its first build done: `page` shows `shows`.
    Returns the process and the base URL. A free port can be taken by another program
    before MkDocs binds it: MkDocs then stops, and another port is tried. `log`: a file
    that gets MkDocs' messages (its builds, the changes it detected)."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    for _ in range(attempts):
        chosen = port or _free_port()
        process = subprocess.Popen(
            [str(mkdocs), "serve", "--dirty", "--livereload", "--no-strict", "-a", f"127.0.0.1:{chosen}"],
            cwd=project,
            env={**os.environ, **MKDOCS_ENVIRONMENT, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=log.open("w", encoding="utf-8") if log else subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{chosen}"
        if wait_for_page(base + page, lambda text: shows in text, limit=600, process=process):
            return process, base
        if port:
            break
    raise RuntimeError(f"mkdocs serve stopped before serving (port {port or 'chosen freely'})")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_page(
    url: str, ready: Callable[[str], bool], limit: float, process: subprocess.Popen | None = None
) -> bool:
    """True once the page is ready; False if `process` ended first; raises after `limit` seconds."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not show the change within {limit} s")


@contextlib.contextmanager
def built_copy(data: Path) -> Iterator[tuple[Path, Path]]:
    """The project with `data`, built in a scratch folder: yields (scratch folder, built site)."""
    with tempfile.TemporaryDirectory() as scratch:
        project = make_project(Path(scratch), data.resolve())
        result = build_site(project)
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        yield Path(scratch), project / "site"
