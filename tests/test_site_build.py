"""A real `mkdocs build --strict` of the fixture data: pages, languages, anchors, links."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA
from PIL import Image
from sitebuild import build_site, make_project, serving

from casebook import site
from casebook.search import fragments


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def read(site: Path, page: str) -> str:
    return (site / page).read_text("utf-8")


def test_output_pages_are_exactly_these(built_site: Path, golden):
    golden.check("site-pages.txt", "\n".join(html_pages(built_site)) + "\n")


def test_every_page_declares_its_language(built_site: Path):
    # The root 404.html too: the default language writes it, the English build must not overwrite it.
    for page in html_pages(built_site):
        expected = "en" if page.startswith("en/") else "zh"
        assert re.findall(r'<html lang="([^"]+)"', read(built_site, page)) == [expected], page


def test_without_a_site_url_no_sitemap_is_published(built_site: Path):
    # Its URLs must be absolute: without site_url, MkDocs would write "None./", "Noneabout/" …
    assert sorted(path.name for path in built_site.iterdir() if path.is_file()) == [
        "404.html",
        "feed.xml",
        "index.html",
    ]


def test_with_a_site_url_the_sitemap_lists_every_page_with_its_translation(tmp_path: Path):
    project = _project(tmp_path)
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("docs_dir: docs\n", "site_url: https://casebook.example.org/\ndocs_dir: docs\n"), "utf-8"
    )
    # The build's date, fixed so that a build crossing midnight cannot change it (reproducible-builds.org).
    result = build_site(project, env={"SOURCE_DATE_EPOCH": "1764547200"})  # 2025-12-01 00:00 UTC
    assert result.returncode == 0, result.stderr
    sitemap = (project / "site" / "sitemap.xml").read_text("utf-8")
    root = "https://casebook.example.org/"
    assert re.findall(r"<loc>(.*?)</loc>", sitemap) == [
        root + path
        for path in (
            "",
            "about/",
            "benchmark/",
            "contribute/",
            "data/",
            "quality/",
            "search/",
            "cases/",
            "cases/alpha-community/",
            "cases/beta-community/",
            "collections/",
            "collections/neighbourhood-workshop/",
            "compare/",
            "glossary/",
            "handouts/neighbourhood-workshop/",
            "overview/",
            "practices/",
            "regions/",
            "regions/inner-mongolia/",
            "status/",
            "themes/",
            "themes/dispute-mediation/",
            "themes/festivals-and-culture/",
            "themes/grid-governance/",
        )
    ]
    alpha = (project / "site" / "en" / "cases" / "alpha-community" / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{root}en/cases/alpha-community/">' in alpha
    assert f'<meta property="og:url" content="{root}en/cases/alpha-community/">' in alpha
    # The sharing card needs an absolute URL, which only site_url gives.
    card = f"{root}assets/images/casebook-card.png"
    for tag in (
        f'<meta property="og:image" content="{card}">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="630">',
        '<meta property="og:image:alt" content="Community Practice Casebook">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:image" content="{card}">',
    ):
        assert tag in alpha
    assert '<meta property="og:image:alt" content="社区实践案例库">' in (project / "site" / "index.html").read_text(
        "utf-8"
    )
    assert (
        f"<loc>{root}cases/alpha-community/</loc>\n"
        "        <lastmod>2025-12-01</lastmod>\n"
        "        <changefreq>daily</changefreq>\n"
        f'        <xhtml:link rel="alternate" hreflang="zh" href="{root}cases/alpha-community/"/>\n'
        f'        <xhtml:link rel="alternate" hreflang="en" href="{root}en/cases/alpha-community/"/>\n'
    ) in sitemap


def test_the_sharing_card_is_published_at_the_size_cards_show_uncropped(built_site: Path):
    with Image.open(built_site / "assets" / "images" / "casebook-card.png") as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))


def _heading_ids(html: str) -> list[str]:
    return re.findall(r'<h[1-6][^>]* id="([^"]+)"', html)


@pytest.mark.parametrize("case", ["alpha-community", "beta-community"])
def test_case_anchors_are_identical_in_both_languages(built_site: Path, case: str):
    zh = _heading_ids(read(built_site, f"cases/{case}/index.html"))
    en = _heading_ids(read(built_site, f"en/cases/{case}/index.html"))
    assert zh == en


def test_practice_anchors_are_the_practice_ids(built_site: Path):
    ids = _heading_ids(read(built_site, "en/cases/alpha-community/index.html"))
    assert ids == [
        "alpha-community",
        "profile",
        "brands",
        "practices",
        "grid-worker-visits",
        "mediation-room",
        "festival-gatherings",
        "honours",
        "related",
        "sources",
        "translation",
        "cite",
        "changes",
    ]


def test_language_switcher_stays_on_the_same_case(built_site: Path):
    zh = read(built_site, "cases/alpha-community/index.html")
    en = read(built_site, "en/cases/alpha-community/index.html")
    assert '<a href="../../en/cases/alpha-community/" hreflang="en" class="md-select__link">' in zh
    assert '<a href="../../../cases/alpha-community/" hreflang="zh" class="md-select__link">' in en


def _edit_link(html: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"', html)
    return match.group(1) if match else None


def test_edit_links_open_the_yaml_record_or_the_hand_written_page(built_site: Path):
    repo = "https://github.com/community-casebook/casebook/edit/main/"
    assert _edit_link(read(built_site, "cases/alpha-community/index.html")) == repo + "data/cases/alpha-community.yaml"
    assert _edit_link(read(built_site, "en/cases/beta-community/index.html")) == repo + "data/cases/beta-community.yaml"
    assert _edit_link(read(built_site, "en/glossary/index.html")) == repo + "data/vocab/glossary.yaml"
    assert _edit_link(read(built_site, "about/index.html")) == repo + "docs/about.md"
    assert _edit_link(read(built_site, "cases/index.html")) is None


def test_missing_translation_is_shown_as_missing(built_site: Path):
    zh = read(built_site, "cases/beta-community/index.html")
    assert '<span lang="en">Beta Community</span><span class="cb-missing">（未译）</span>' in zh
    assert '<p><span class="cb-missing">中文译文暂缺</span></p>' in zh
    assert "<title>Beta Community（未译） - 社区实践案例库</title>" in zh


def test_translated_text_is_marked_as_translation(built_site: Path):
    en = read(built_site, "en/cases/alpha-community/index.html")
    assert (
        "The English text on this page is translated from the Chinese original; the translation has been reviewed."
        in en
    )
    zh = read(built_site, "cases/beta-community/index.html")
    assert "本页中文为英文原文的机器翻译，尚未审校。" in zh


def test_home_page_shows_counts_and_latest_cases(built_site: Path):
    en = read(built_site, "en/index.html")
    assert "The casebook holds 2 community cases with 4 practices across 3 themes." in en
    assert re.findall(r'<li><a class="cb-case-name" href="(cases/[^"]+)">', en) == [
        "cases/beta-community/",
        "cases/alpha-community/",
    ]


def test_home_page_invites_browsing_in_both_languages(browser, built_site: Path):
    # The finder's box, the latest cases with their places and first sentence, the themes as ways in.
    with serving(built_site) as base:
        page = browser.new_page(base_url=base)
        found = {}
        for root in ("/", "/en/"):
            page.goto(root)
            found[root] = {
                "latest": page.locator(".cb-latest > li").all_inner_texts(),
                "themes": page.locator(".cb-home-themes > li > a").all_inner_texts(),
            }
            page.get_by_role("searchbox", name="在案例库中查找" if root == "/" else "Search the casebook").fill("调解")
            page.keyboard.press("Enter")
            page.wait_for_url(f"**{root}search/?q=%E8%B0%83%E8%A7%A3")
        page.close()
    assert found == {
        "/": {
            "latest": [
                "Beta Community（未译） Riverside Subdistrict（未译） · 2026-03-05 收录\n中文译文暂缺",
                "甲社区 内蒙古自治区 · 呼和浩特市 · 玉泉区 · 2026-01-10 收录\n"
                "甲社区是一个多民族聚居的社区，依托网格员队伍收集居民诉求，并设立调解室就地化解邻里纠纷。",
            ],
            "themes": ["网格治理", "矛盾纠纷调解", "节庆与文化"],
        },
        "/en/": {
            "latest": [
                "Beta Community Riverside Subdistrict · added 2026-03-05\nBeta Community holds a neighbourhood "
                "festival every spring, where residents of all ethnic groups cook, sing and dance together, and "
                "newcomers meet their neighbours for the first time.",
                "Alpha Community Inner Mongolia Autonomous Region · Hohhot · Yuquan District · added 2026-01-10\n"
                "Alpha Community is home to residents of several ethnic groups.",
            ],
            "themes": ["Grid governance", "Dispute mediation", "Festivals and culture"],
        },
    }


def _indexed(site: Path) -> dict[str, dict]:
    return {fragment["url"]: fragment for _, fragment in fragments(site)}


def test_search_indexes_case_and_guide_pages_in_both_languages_not_listings(built_site: Path):
    assert sorted(_indexed(built_site)) == [
        "/",
        "/about/",
        "/benchmark/",
        "/cases/alpha-community/",
        "/cases/beta-community/",
        "/contribute/",
        "/data/",
        "/en/",
        "/en/about/",
        "/en/benchmark/",
        "/en/cases/alpha-community/",
        "/en/cases/beta-community/",
        "/en/contribute/",
        "/en/data/",
        "/en/glossary/",
        "/en/quality/",
        "/glossary/",
        "/quality/",
    ]


def test_each_language_is_indexed_in_parts_its_search_page_merges(built_site: Path):
    # The fixture build runs Pagefind on three pages at a time (conftest.built_site):
    # nine pages a language make three parts, each holding its own language only.
    for root, lang in ((built_site, "zh"), (built_site / "en", "en")):
        bundles = sorted(path.name for path in root.iterdir() if path.name.startswith("pagefind"))
        assert bundles == ["pagefind", "pagefind-2", "pagefind-3"]
        assert [sorted(path.name.split("_")[0] for path in (root / name).glob("*.pf_meta")) for name in bundles] == [
            [f"pagefind.{lang}"]
        ] * 3
        assert [len(list((root / name / "fragment").iterdir())) for name in bundles] == [3, 3, 3]
        manifest = json.loads((root / "pagefind" / "casebook-parts.json").read_text("utf-8"))
        # Each part's index is one chunk here (the fixture is small), which begins with its smallest number.
        starts = {"zh": ["0"], "en": ["0", "000"]}[lang]
        assert manifest == {"merge": ["../pagefind-2/", "../pagefind-3/"], "starts": starts}


def test_open_data_and_feeds_are_published_beside_the_pages(built_site: Path):
    assert sorted(path.name for path in (built_site / "data").iterdir()) == [
        "case.schema.json",
        "cases.csv",
        "cases.json",
        "index.html",
        "practices.csv",
    ]
    assert not (built_site / "en" / "data" / "cases.json").exists()  # one copy, linked from both languages
    assert read(built_site, "feed.xml").startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">'
    )
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' in read(built_site, "en/feed.xml")


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("index.html", "feed.xml"),
        ("cases/alpha-community/index.html", "../../feed.xml"),
        ("themes/grid-governance/index.html", "../../feed.xml"),
        ("search/index.html", "../feed.xml"),
        ("en/index.html", "feed.xml"),  # /en/feed.xml
        ("en/cases/beta-community/index.html", "../../feed.xml"),
        ("en/glossary/index.html", "../feed.xml"),
    ],
)
def test_every_page_links_the_feed_of_its_language(built_site: Path, page: str, feed: str):
    title = "Community Practice Casebook" if page.startswith("en/") else "社区实践案例库"
    assert f'<link rel="alternate feed" type="application/atom+xml" title="{title}" href="{feed}">' in read(
        built_site, page
    )


def test_pages_carry_sharing_cards_in_their_language_and_no_hreflang_links_in_the_head(built_site: Path):
    en = read(built_site, "en/cases/alpha-community/index.html")
    for tag in (
        '<meta property="og:type" content="article">',
        '<meta property="og:site_name" content="Community Practice Casebook">',
        '<meta property="og:title" content="Alpha Community">',
        '<meta property="og:locale" content="en_GB">',
        '<meta name="twitter:card" content="summary">',
        '<meta name="twitter:title" content="Alpha Community">',
    ):
        assert tag in en
    assert (
        '<meta property="og:description" content="Alpha Community is home to residents of several ethnic groups.' in en
    )
    # Each language's home page is shared under the casebook's name in that language.
    for page, name in (("index.html", "社区实践案例库"), ("en/index.html", "Community Practice Casebook")):
        home = read(built_site, page)
        assert f'<meta property="og:title" content="{name}">' in home
        assert f'<meta name="twitter:title" content="{name}">' in home
    # Without site_url there is no absolute URL for the casebook's image: a text-only card.
    assert 'property="og:image' not in en and 'name="twitter:image"' not in en
    zh = read(built_site, "themes/grid-governance/index.html")
    assert '<meta property="og:type" content="website">' in zh and '<meta property="og:locale" content="zh_CN">' in zh
    # Material's script fetches <page>/sitemap.xml for each <link rel="alternate"> (two 404s a page).
    for page in ("index.html", "en/cases/alpha-community/index.html", "cases/beta-community/index.html"):
        assert not re.search(r'<link rel="alternate"[^>]*hreflang', read(built_site, page)), page


def test_search_index_holds_the_page_text_without_chrome(built_site: Path):
    alpha = _indexed(built_site)["/en/cases/alpha-community/"]
    assert alpha["meta"]["title"] == "Alpha Community"
    assert "Location Inner Mongolia Autonomous Region" in " ".join(alpha["content"].split())
    assert alpha["content"].startswith("Alpha Community. Alpha Community is home to residents")  # no notice first
    assert "¶" not in alpha["content"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"] or "")


def _links(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_internal_link_and_anchor_of_the_built_site_resolves(built_site: Path):
    # Listings write their links as URLs, which MkDocs does not check: follow them all.
    broken = []
    for page in html_pages(built_site):
        source = built_site / page
        for href in _links(source).hrefs:
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or parts.netloc or (href.startswith("#") and not parts.fragment):
                continue
            path = urllib.parse.unquote(parts.path)
            folder = built_site if path.startswith("/") else source.parent  # 404.html links from the root
            target = (folder / path.lstrip("/")).resolve() if path else source
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or (parts.fragment and parts.fragment not in _links(target).ids):
                broken.append(f"{page}: {href}")
    assert broken == []


def test_pages_load_nothing_from_other_origins(built_site: Path):
    resource = re.compile(
        r'<(?:script|img|iframe|source|video|audio)[^>]+src="(https?:)?//|<link[^>]+href="(https?:)?//'
    )
    for page in html_pages(built_site):
        assert not resource.search(read(built_site, page)), page
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text("utf-8")), css


def _project(tmp_path: Path) -> Path:
    return make_project(tmp_path, FIXTURE_DATA)


def _build_with_a_broken_link(tmp_path: Path, page: str) -> subprocess.CompletedProcess[str]:
    project = _project(tmp_path)
    (project / "docs" / page).write_text("# About\n\n[gone](cases/no-such-case.md)\n", "utf-8")
    result = build_site(project)
    assert result.returncode == 1
    assert (
        f"WARNING -  Doc file '{page}' contains a link 'cases/no-such-case.md', "
        "but the target is not found among documentation files."
    ) in result.stderr
    return result


def test_broken_internal_link_fails_the_strict_build(tmp_path: Path):
    _build_with_a_broken_link(tmp_path, "about.md")


def test_a_broken_link_in_the_other_language_fails_the_build_too(tmp_path: Path):
    # English is built in a forked process beside Chinese (casebook_mkdocs.orchestration.SiteBuild).
    result = _build_with_a_broken_link(tmp_path, "about.en.md")
    assert result.stderr.endswith(
        "en: Aborted with 1 warnings in strict mode!\nERROR   -  building the other languages (en) failed: see above\n"
    )


def test_broken_anchor_fails_the_strict_build(tmp_path: Path):
    project = _project(tmp_path)
    (project / "docs" / "about.md").write_text(
        "# About\n\n[gone](cases/alpha-community.md#no-such-practice)\n", "utf-8"
    )
    result = build_site(project)
    assert result.returncode == 1
    assert (
        "WARNING -  Doc file 'about.md' contains a link 'cases/alpha-community.md#no-such-practice', "
        "but the doc 'cases/alpha-community.md' does not contain an anchor '#no-such-practice'."
    ) in result.stderr


def test_bad_data_stops_the_build_before_output_is_touched(tmp_path: Path):
    project = _project(tmp_path)
    record = project / "data" / "cases" / "alpha-community.yaml"
    record.write_text(record.read_text("utf-8").replace("themes: [grid-governance]", "themes: [grid-govern]"), "utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous site", "utf-8")
    result = build_site(project)
    assert result.returncode == 1
    assert (
        "data/cases/alpha-community.yaml:22:14: practices[0].themes[0]: unknown theme 'grid-govern'; "
        "nearest: grid-governance\n1 problem found; nothing was generated."
    ) in result.stderr
    assert result.stderr.count("unknown theme") == 1
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text("utf-8") == "previous site"
    assert not (project / "docs" / "cases").exists()


def test_stale_generated_pages_are_pruned_and_hand_written_kept(tmp_path: Path):
    project = _project(tmp_path)
    assert build_site(project).returncode == 0
    (project / "data" / "cases" / "beta-community.yaml").unlink()
    (project / "data" / "collections" / "neighbourhood-workshop.yaml").unlink()  # it names beta-community
    (project / "docs" / "notes.md").write_text("# Notes\n", "utf-8")
    assert build_site(project).returncode == 0
    assert sorted(p.name for p in (project / "docs" / "cases").iterdir()) == [
        ".gitignore",  # the folder's own: git ignores what the generator writes
        "alpha-community.en.md",
        "alpha-community.md",
        "index.en.md",
        "index.md",
    ]
    assert (project / "docs" / "notes.md").is_file()
    shutil.rmtree(project / "site")


def test_build_fails_when_the_search_index_cannot_be_written(tmp_path: Path):
    project = _project(tmp_path)
    blocker = tmp_path / "no-pagefind" / "pagefind"
    blocker.mkdir(parents=True)
    (blocker / "__main__.py").write_text("raise SystemExit('pagefind blocked for this test')\n", "utf-8")
    (blocker / "__init__.py").write_text("", "utf-8")
    result = build_site(project, env={"PYTHONPATH": str(blocker.parent)})
    assert result.returncode == 1
    assert "Pagefind failed (1):\npagefind blocked for this test" in result.stderr


def test_preview_builds_only_the_named_records(tmp_path: Path):
    project = _project(tmp_path)
    result = build_site(project, env={"CASEBOOK_PREVIEW": "data/cases/alpha-community.yaml"})
    assert result.returncode == 0, result.stderr
    cases = sorted(path.parent.name for path in (project / "site" / "cases").glob("*/index.html"))
    assert cases == ["alpha-community", "jia-community"]  # alpha's page and the redirect from its former id


def test_preview_of_an_unknown_record_says_which(tmp_path: Path):
    project = _project(tmp_path)
    result = build_site(project, env={"CASEBOOK_PREVIEW": "alpha-community, no-such-case"})
    assert result.returncode == 1
    assert "data/cases/no-such-case.yaml:1:1: preview: no such case record" in result.stderr


def _files_outside_the_index(site: Path) -> dict[str, bytes]:
    # Pagefind names its files by content hashes that differ between identical runs.
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not any(part.startswith("pagefind") for part in path.relative_to(site).parts)
    }


def test_low_memory_build_publishes_the_same_site(tmp_path: Path, built_site: Path):
    # LOW_MEMORY=1 renders in one process and indexes after the last page, one Pagefind
    # run at a time: slower, smaller, and the same pages and index.
    project = _project(tmp_path)
    result = build_site(project, env={"CASEBOOK_LOW_MEMORY": "1", "CASEBOOK_SEARCH_PART_PAGES": "3"})
    assert result.returncode == 0, result.stderr
    assert _files_outside_the_index(project / "site") == _files_outside_the_index(built_site)
    assert _indexed(project / "site") == _indexed(built_site)


@pytest.mark.parametrize(
    ("page", "section"),
    [
        ("en/cases/alpha-community/", "en/cases/"),
        ("en/themes/grid-governance/", "en/themes/"),
        ("en/cases/", None),  # listed in the navigation itself
        ("en/handouts/workshop/", None),  # under no listed page but the home page
    ],
)
def test_a_page_outside_the_navigation_belongs_to_the_listed_page_it_lies_under(page: str, section: str | None):
    listed = ["en/", "en/search/", "en/cases/", "en/themes/", "en/about/"]
    position = site.section_of(page, listed, "en/")
    assert (listed[position] if position is not None else None) == section
