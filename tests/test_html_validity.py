"""The built site's HTML, read by a parser: the errors the Nu HTML checker reported on every page
(issue 15) stay fixed — attributes HTML does not allow, labels for nothing, skipped heading levels,
duplicate ids."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class PageChecker(HTMLParser):
    """Collects what one page gets wrong, each as a short sentence."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.label_targets: list[str] = []
        self.level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if ident := attributes.get("id"):
            self.ids.append(ident)
        if "markdown" in attributes:
            self.problems.append(f"<{tag}> has a markdown attribute")
        if tag == "input" and attributes.get("type") == "checkbox" and "autocomplete" in attributes:
            self.problems.append(f"checkbox #{attributes.get('id')} has an autocomplete attribute")
        if tag == "label" and attributes.get("for"):
            self.label_targets.append(attributes["for"] or "")
        if tag in HEADINGS:
            level = HEADINGS[tag]
            if level > self.level + 1:
                self.problems.append(f"<{tag}> #{attributes.get('id')} follows h{self.level}")
            self.level = level

    def finish(self) -> list[str]:
        missing = sorted({target for target in self.label_targets if target not in self.ids})
        doubled = sorted({i for i in self.ids if self.ids.count(i) > 1})
        return (
            self.problems
            + [f'<label for="{target}"> names no element' for target in missing]
            + [f"id {i} is used more than once" for i in doubled]
        )


def check(html: str) -> list[str]:
    checker = PageChecker()
    checker.feed(html)
    checker.close()
    return checker.finish()


def test_every_page_of_the_built_site_is_free_of_the_known_errors(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    found = {str(page.relative_to(built_site)): check(page.read_text("utf-8")) for page in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}


def test_the_checker_reports_each_kind_of_error():
    html = (
        '<h1>A</h1><h3 id="c">C</h3><div markdown="0"></div>'
        '<input type="checkbox" id="t" autocomplete="off"><label for="toc">T</label><p id="t"></p>'
    )
    assert check(html) == [
        "<h3> #c follows h1",
        "<div> has a markdown attribute",
        "checkbox #t has an autocomplete attribute",
        '<label for="toc"> names no element',
        "id t is used more than once",
    ]
