"""Post-build scanner: every built page, checked against what our templates make.

Every page's elements, scripts, event handlers and URLs are checked against
the allowlist, and its ids must be unique (one namespace per page). The search
index is decoded too: the search page shows its text as text
(casebook-search.js; a browser test renders it with hostile labels), and every
address in it, which the search page turns into a link, must be a path of this site.

The allowlist (elements, inline scripts, script files, event attributes) is
learned from a clean build of the test fixtures, never from the site under
test, and committed as scan-allowlist.json; a test keeps it current.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

from .search import fragments

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background"}
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
INDEX_META = frozenset({"title", "kind"})  # what pages tell Pagefind besides text (templates/case.md.j2)
CONTENT_CLASS = "md-content__inner"  # Material's article: where page content lives
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_RELATIVE_PATH = re.compile(r'"(?:\.\./)*\.{1,2}/?"|"/"')
_SITE_PATH = re.compile(r"(?:/(?!/)[A-Za-z0-9._~%/-]*)?(?:#[A-Za-z0-9_-]*)?")


@dataclass
class Allowlist:
    chrome_elements: set[str] = field(default_factory=set)
    content_elements: set[str] = field(default_factory=set)
    inline_scripts: set[str] = field(default_factory=set)
    script_files: set[str] = field(default_factory=set)
    event_attributes: set[str] = field(default_factory=set)

    def to_json(self) -> str:
        return json.dumps({k: sorted(v) for k, v in self.__dict__.items()}, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Allowlist:
        return cls(**{key: set(values) for key, values in json.loads(text).items()})


def committed_allowlist() -> Allowlist:
    return Allowlist.from_json(resources.files("casebook").joinpath("scan-allowlist.json").read_text("utf-8"))


def _script_key(attributes: dict[str, str | None], body: str) -> str:
    """Inline scripts differ between pages only in relative paths; compare without them."""
    if attributes.get("type") == "application/json":
        config = json.loads(body)
        body = json.dumps({k: v for k, v in config.items() if k not in ("base", "search")}, sort_keys=True)
    return hashlib.sha256(_RELATIVE_PATH.sub('""', body.strip()).encode()).hexdigest()


def _script_file(src: str) -> str:
    return re.sub(r"^(?:\.\./|\./|/)+", "", src)


class _PageScanner(HTMLParser):
    """Walks one page, either learning into `allow` or reporting what it does not allow."""

    def __init__(self, allow: Allowlist, learn: bool, content_only: bool = False):
        super().__init__(convert_charrefs=True)
        self.allow, self.learn = allow, learn
        self.findings: list[str] = []
        self.content_only = content_only
        self.articles = 0  # open <article> elements inside Material's content article
        self.script: tuple[dict[str, str | None], list[str]] | None = None
        self.ids: set[str] = set()

    def _in_content(self) -> bool:
        return self.content_only or self.articles > 0

    def _check(self, known: set[str], item: str, finding: str) -> None:
        if self.learn:
            known.add(item)
        elif item not in known:
            self.findings.append(finding)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        element_id = attributes.get("id")
        if element_id is not None and not self.learn:
            if element_id in self.ids:
                self.findings.append(f'id "{element_id}" is used twice')
            self.ids.add(element_id)
        elements = self.allow.content_elements if self._in_content() else self.allow.chrome_elements
        self._check(elements, tag, f"element <{tag}> is not made by the templates")
        for name, value in attrs:
            if name.startswith("on"):
                self._check(self.allow.event_attributes, f"{tag}[{name}]", f"event handler {name} on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                self._check_url(tag, name, value)
        if tag == "script":
            if attributes.get("src"):
                src = _script_file(attributes["src"] or "")
                self._check(self.allow.script_files, src, f"script file {src} is not made by the templates")
            self.script = (attributes, [])
        if tag == "article" and (self.articles or CONTENT_CLASS in (attributes.get("class") or "").split()):
            self.articles += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            attributes, body = self.script
            text = "".join(body)
            if text.strip():
                self._check(
                    self.allow.inline_scripts, _script_key(attributes, text), "inline script not made by the templates"
                )
            self.script = None
        if tag == "article" and self.articles:
            self.articles -= 1

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script[1].append(data)

    def _check_url(self, tag: str, name: str, value: str) -> None:
        cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
        scheme = _SCHEME.match(cleaned)
        if scheme and scheme.group(1) not in SAFE_SCHEMES and not self.learn:
            self.findings.append(f"{scheme.group(1)}: URL in {name} of <{tag}>")


def scan_site(site: Path, allow: Allowlist, learn: bool = False) -> list[str]:
    """Findings as 'path: what', sorted; empty when the site is clean."""
    findings: list[str] = []
    for path in sorted(site.rglob("*")):
        shown = path.relative_to(site).as_posix()
        if path.is_symlink():
            findings.append(f"{shown}: symbolic link in the built site")
        elif path.suffix == ".html":
            scanner = _PageScanner(allow, learn)
            scanner.feed(path.read_text("utf-8"))
            findings += [f"{shown}: {finding}" for finding in scanner.findings]
    return findings + search_index_findings(site)


def search_index_findings(site: Path) -> list[str]:
    """Addresses in the decoded search index that are not paths of this site."""
    findings = []
    for path, fragment in fragments(site):
        shown = path.relative_to(site).as_posix()
        addresses = [fragment.get("url", "")] + [f"#{anchor.get('id', '')}" for anchor in fragment.get("anchors", [])]
        findings += [
            f"{shown}: address {address!r} is not a path of this site"
            for address in addresses
            if not _site_path(address)
        ]
        if set(fragment.get("meta", {})) - INDEX_META:
            findings.append(f"{shown}: metadata other than {sorted(INDEX_META)}: {sorted(fragment['meta'])}")
    return findings


def _site_path(address: str) -> bool:
    return bool(_SITE_PATH.fullmatch(address))


def scan_html(html: str, allow: Allowlist) -> list[str]:
    """Findings for one page's HTML, such as a browser's rendering of it."""
    scanner = _PageScanner(allow, learn=False)
    scanner.feed(html)
    return scanner.findings


def learn_allowlist(clean_site: Path) -> Allowlist:
    allow = Allowlist()
    scan_site(clean_site, allow, learn=True)
    return allow
