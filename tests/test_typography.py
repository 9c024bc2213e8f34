"""Chinese typography on the built site: Chinese text uses full-width punctuation (，：；（）…, not
ASCII ", : ; ( )" beside Chinese characters), and Chinese characters are drawn from a Simplified
Chinese font of the font stack (casebook.css), not whatever the system falls back to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from sitebuild import serving

HAN = r"[\u3400-\u9fff]"
# ASCII punctuation touching a Chinese character on either side (a space between counts as touching).
ASCII_BESIDE_HAN = re.compile(rf"(?<={HAN})\s?[,;:!?()]|[,;:!?()]\s?(?={HAN})|(?<={HAN})\.(?=\s|$)")
# Text that is not prose: code and addresses, and citations, whose styles set their own punctuation.
NOT_PROSE_TAGS = {"script", "style", "code", "pre", "svg"}
NOT_PROSE_CLASSES = {"cb-citation"}
# Simplified Chinese fonts of the stack, as the platform names them (.ci/run installs Noto CJK).
SC_FONTS = {"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"}


class ProseText(HTMLParser):
    """The page's running text, without code, scripts and citations."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[bool] = []  # per open element: whether it starts a part that is not prose
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "wbr", "hr", "source"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.open.append(tag in NOT_PROSE_TAGS or bool(classes & NOT_PROSE_CLASSES))

    def handle_endtag(self, tag: str) -> None:
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.open):
            self.parts.append(data)


def misplaced_punctuation(html: str) -> list[str]:
    """Each ASCII punctuation mark beside Chinese text, with a little context."""
    parser = ProseText()
    parser.feed(html)
    text = re.sub(r"\s+", " ", " ".join(parser.parts))
    return [text[max(0, m.start() - 6) : m.end() + 6] for m in ASCII_BESIDE_HAN.finditer(text)]


def test_chinese_pages_use_full_width_punctuation(built_site: Path):
    pages = [page for page in sorted(built_site.rglob("*.html")) if not page.is_relative_to(built_site / "en")]
    assert len(pages) > 20
    found = {
        str(page.relative_to(built_site)): problems
        for page in pages
        if (problems := misplaced_punctuation(page.read_text("utf-8")))
    }
    assert found == {}


def test_the_check_finds_ascii_punctuation_in_chinese_text():
    # Three marks beside Chinese text; none in code, citations or English text.
    html = (
        "<p>网格治理 (2)：甲,乙。</p><p>完了.</p><code>文件:行</code>"
        '<p class="cb-citation">甲. (2026)</p><p>English (ok), fine: yes.</p>'
    )
    assert misplaced_punctuation(html) == ["网格治理 (2)：甲,乙", " (2)：甲,乙。 完了.", ",乙。 完了. Engli"]


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


@pytest.mark.parametrize("path", ["/", "/cases/alpha-community/"])
def test_chinese_characters_are_drawn_in_a_simplified_chinese_font(browser: Browser, base_url: str, path: str):
    page = browser.new_page(base_url=base_url)
    page.goto(path)
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    document = session.send("DOM.getDocument", {"depth": -1})
    node = session.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": ".md-content h1"})
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    page.close()
    assert {font["familyName"] for font in fonts} & SC_FONTS
