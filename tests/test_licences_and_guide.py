"""The licences, stated wherever a reader or contributor meets them, and the one contributor guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casebook.loader import load_bytes

ROOT = Path(__file__).resolve().parent.parent
GUIDE = {"zh": ROOT / "docs" / "contribute.md", "en": ROOT / "docs" / "contribute.en.md"}
ABOUT = {"zh": ROOT / "docs" / "about.md", "en": ROOT / "docs" / "about.en.md"}
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MIT = "https://opensource.org/license/mit"
FOOTER = {
    "zh": (
        f'代码采用 <a href="{MIT}" rel="license">MIT 许可证</a>；文字和数据采用 '
        f'<a href="{CC_BY}deed.zh-hans" rel="license">知识共享署名 4.0 国际许可协议（CC BY 4.0）</a>，'
        "引用的来源原文仍属原发布者。"
    ),
    "en": (
        f'Code under the <a href="{MIT}" rel="license">MIT License</a>; texts and data under '
        f'<a href="{CC_BY}" rel="license">Creative Commons Attribution 4.0 (CC BY 4.0)</a>, '
        "except the quoted source passages, which remain their publishers’ words."
    ),
}


def read(path: Path) -> str:
    return path.read_text("utf-8")


def test_the_repository_states_both_licences() -> None:
    assert read(ROOT / "LICENSE").startswith("MIT License\n\nCopyright (c) 2026 the Community Practice Casebook")
    data = read(ROOT / "LICENSE-DATA.md")
    assert "[Creative Commons Attribution 4.0 International licence (CC BY 4.0)]" in data
    assert "remain their\npublishers' words, quoted only so that every figure can be checked" in data
    assert "your contribution is published under these licences" in data
    assert "提交拉取请求即表示你同意你的贡献按上述许可发布" in data
    readme = read(ROOT / "README.md")
    assert "[MIT License](LICENSE)" in readme and "[CC BY 4.0](LICENSE-DATA.md)" in readme


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_about_page_and_guide_state_the_licences(lang: str) -> None:
    for page in (ABOUT[lang], GUIDE[lang]):
        text = read(page)
        assert "{#licence}" in text and CC_BY in text and "MIT" in text, page.name
    assert "contribute.md#licence" in read(ABOUT[lang])


def test_every_built_page_states_the_licences_in_its_footer(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    missing = []
    for page in pages:
        html = page.read_text("utf-8")
        if 'class="md-footer"' not in html:
            continue  # redirect stubs and the like: no Material page
        lang = "en" if page.relative_to(built_site).parts[0] == "en" else "zh"
        if f'<div class="md-copyright__highlight">\n      {FOOTER[lang]}\n    </div>' not in html:
            missing.append(page.relative_to(built_site).as_posix())
    assert len(pages) > 20 and missing == []


def test_contributing_points_at_the_one_guide() -> None:
    """CONTRIBUTING.md holds no guide of its own: nothing to fall out of step."""
    text = read(ROOT / "CONTRIBUTING.md")
    assert (
        "[docs/contribute.md](docs/contribute.md)" in text and "[docs/contribute.en.md](docs/contribute.en.md)" in text
    )
    assert re.findall(r"^#+ ", text, re.MULTILINE) == ["# "] and len(text.splitlines()) < 20


def test_the_guide_has_the_same_sections_and_examples_in_both_languages() -> None:
    anchors = {lang: re.findall(r"^#+ .*\{#([\w-]+)\}$", read(path), re.MULTILINE) for lang, path in GUIDE.items()}
    assert anchors["zh"] == anchors["en"]
    assert "vocabularies" in anchors["zh"] and "licence" in anchors["zh"]
    blocks = {lang: re.findall(r"^```(\w*)$", read(path), re.MULTILINE) for lang, path in GUIDE.items()}
    assert blocks["zh"] == blocks["en"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_guide_covers_what_a_first_contributor_met(lang: str) -> None:
    text = read(GUIDE[lang])
    for topic in (
        "git add data/",  # cases, vocabularies and collections together
        "`make test`",
        "`author`",
        "`as_of`",
        "`description`",
        "Jinshijie花园小区",  # a name given only in pinyin
        "level: subdistrict",
        '`zh: "口号: 有事好商量"`',
        "- key: guangdong",  # a city, a unit and a theme added, with examples
        "{key: lift, zh: 部, en_one: lift, en_other: lifts}",
        "- key: waste-sorting",
        "casebook stamp <id>",
        "80–150",
    ):
        assert topic in text, topic


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("summary:\n  zh: 口号: 有事好商量\n", "invalid YAML: mapping values are not allowed in this context"),
        ("name: {zh: 口号: 有事好商量}\n", "invalid YAML: did not find expected ',' or '}'"),
    ],
)
def test_the_guide_quotes_the_yaml_error_an_unquoted_colon_gives(record: str, message: str) -> None:
    _, problems = load_bytes(record.encode("utf-8"), "x.yaml")
    assert [problem.message.text("en") for problem in problems] == [message]
    for path in GUIDE.values():
        assert f"`{message}`" in read(path)
    # The Chinese guide quotes what `casebook check --lang zh` says, too.
    assert f"`{problems[0].message.text('zh')}`" in read(GUIDE["zh"])
