"""The post-build scanner: its allowlist is current, and it catches what templates never make."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from casebook.scanner import committed_allowlist, learn_allowlist, scan_site
from casebook.search import FRAGMENT_MAGIC


def test_committed_allowlist_is_learned_from_the_clean_fixture_build(built_site: Path):
    assert committed_allowlist().to_json() == learn_allowlist(built_site).to_json(), (
        "hooks/casebook/scan-allowlist.json is out of date: run `make allowlist` and review the diff"
    )


def test_clean_fixture_build_has_no_findings(built_site: Path):
    assert scan_site(built_site, committed_allowlist()) == []


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def _inject(site: Path, page: str, html: str) -> None:
    path = site / page
    text = path.read_text("utf-8")
    marker = '<h2 id="profile">'
    assert marker in text
    path.write_text(text.replace(marker, html + marker, 1), "utf-8")


@pytest.mark.parametrize(
    ("html", "finding"),
    [
        (
            "<script>alert(1)</script>",
            ("element <script> is not made by the templates", "inline script not made by the templates"),
        ),
        (
            '<script src="https://evil.example/x.js"></script>',
            (
                "element <script> is not made by the templates",
                "script file https://evil.example/x.js is not made by the templates",
            ),
        ),
        ('<p onclick="alert(1)">x</p>', "event handler onclick on <p>"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: URL in href of <a>"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "javascript: URL in href of <a>"),
        ('<a href=" java\tscript:alert(1)">x</a>', "javascript: URL in href of <a>"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data: URL in href of <a>"),
        ('<a href="vbscript:msgbox(1)">x</a>', "vbscript: URL in href of <a>"),
        ('<iframe src="https://evil.example/"></iframe>', "element <iframe> is not made by the templates"),
        ("<object></object>", "element <object> is not made by the templates"),
        ("<embed>", "element <embed> is not made by the templates"),
        ('<form action="https://evil.example/"></form>', "element <form> is not made by the templates"),
        (
            '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
            "element <meta> is not made by the templates",
        ),
        ('<base href="https://evil.example/">', "element <base> is not made by the templates"),
        ("<style>body{display:none}</style>", "element <style> is not made by the templates"),
        ('<p id="mediation-room">x</p>', 'id "mediation-room" is used twice'),
    ],
)
def test_scanner_reports_what_the_templates_never_make(site_copy: Path, html: str, finding: str | tuple[str, ...]):
    _inject(site_copy, "en/cases/alpha-community/index.html", html)
    expected = (finding,) if isinstance(finding, str) else finding
    assert scan_site(site_copy, committed_allowlist()) == [
        f"en/cases/alpha-community/index.html: {f}" for f in expected
    ]


def test_scanner_reports_addresses_in_the_search_index_that_leave_the_site(site_copy: Path):
    fragment = next((site_copy / "en" / "pagefind" / "fragment").glob("*.pf_fragment"))
    data = json.loads(gzip.decompress(fragment.read_bytes())[len(FRAGMENT_MAGIC) :])
    data["url"] = "javascript:alert(1)"
    data["meta"]["image"] = "https://evil.example/x.png"
    fragment.write_bytes(gzip.compress(FRAGMENT_MAGIC + json.dumps(data).encode()))
    shown = fragment.relative_to(site_copy).as_posix()
    assert scan_site(site_copy, committed_allowlist()) == [
        f"{shown}: address '/enjavascript:alert(1)' is not a path of this site",
        f"{shown}: metadata other than ['kind', 'title']: {sorted(data['meta'])}",
    ]


def test_scanner_reports_symlinks_in_the_output(site_copy: Path):
    (site_copy / "leak").symlink_to("/etc/hostname")
    assert scan_site(site_copy, committed_allowlist()) == ["leak: symbolic link in the built site"]
