"""A third language is configuration plus translations, no code: the fixtures built with a fake one, xx.

The test's project differs from the fixture build only in files a translator adds: an entry in
mkdocs.yml's i18n languages, the page words (data/translations/xx.yaml), the theme's words
(overrides/partials/languages/xx.html, Material's way), the hand-written pages (docs/*.xx.md)
and one record text in xx. Everything else about xx comes from the code as it is.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA
from sitebuild import build_site, make_project
from test_schema_ecma import EcmaValidator

from casebook.catalog import build_catalog
from casebook.languages import read_languages
from casebook.loader import load_file
from casebook.problems import DataError, render
from casebook.render import ui_strings
from casebook.scanner import committed_allowlist, scan_site
from casebook.schema import schema_text

NAME = "Pseudo"
THEME_WORDS = (
    '{% macro t(key) %}{{ {"language": "xx", "search.placeholder": "Xx search",'
    ' "select.language": "Xx select language"}[key] }}{% endmacro %}\n'
)


def pseudo(text: str) -> str:
    """A pseudo-translation: the English words marked, so that a test can tell them apart."""
    return f"Xx {text}" if re.search("[A-Za-z]", text) and not text[:1].isspace() else text


@pytest.fixture(scope="module")
def xx_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = translated_project(tmp_path_factory.mktemp("xx"))
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def translated_project(target: Path) -> Path:
    """The fixture project with xx configured and translated, and one record text in xx."""
    project = make_project(target, FIXTURE_DATA)
    _configure(project / "mkdocs.yml")
    words = {key: pseudo(value) for key, value in ui_strings()["en"].items()} | {"conventions": "en"}
    (project / "data" / "translations").mkdir()
    (project / "data" / "translations" / "xx.yaml").write_text(yaml.safe_dump(words, allow_unicode=True), "utf-8")
    (project / "overrides" / "partials" / "languages").mkdir(parents=True)
    (project / "overrides" / "partials" / "languages" / "xx.html").write_text(THEME_WORDS, "utf-8")
    for page in sorted((project / "docs").glob("*.en.md")):
        shutil.copy(page, page.with_name(page.name.replace(".en.md", ".xx.md")))
    _name_in(project / "data", "xx")
    return project


def _name_in(data: Path, code: str) -> None:
    record = data / "cases" / "alpha-community.yaml"
    text = record.read_text("utf-8").replace("en: Alpha Community}", f"en: Alpha Community, {code}: Xx Alpha}}")
    record.write_text(text, "utf-8")


def _configure(config: Path) -> None:
    """mkdocs.yml with a third language after English, its navigation titles marked like its words."""
    settings = yaml.safe_load(config.read_text("utf-8"))
    i18n = next(plugin["i18n"] for plugin in settings["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    english = i18n["languages"][1]
    titles = {title: pseudo(english_title) for title, english_title in english["nav_translations"].items()}
    i18n["languages"].append(
        {"locale": "xx", "name": NAME, "build": True, "site_name": "Xx Casebook", "nav_translations": titles}
    )
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), "utf-8")


def pages(site: Path, folder: str) -> list[str]:
    root = site / folder
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if path.relative_to(root).parts[0] not in ("en", "xx")
    )


def test_the_third_language_has_every_page_the_others_have(xx_site: Path):
    assert pages(xx_site, "xx") == pages(xx_site, "en")
    assert pages(xx_site, "xx") == [page for page in pages(xx_site, "") if page != "404.html"]  # once, at the root
    assert pages(xx_site, "xx") == [
        "about/index.html",
        "benchmark/index.html",
        "cases/alpha-community/index.html",
        "cases/beta-community/index.html",
        "cases/index.html",
        "cases/jia-community/index.html",  # a former id's redirect page
        "collections/index.html",
        "collections/neighbourhood-workshop/index.html",
        "compare/index.html",
        "contribute/index.html",
        "data/index.html",
        "glossary/index.html",
        "handouts/neighbourhood-workshop/index.html",
        "index.html",
        "overview/index.html",
        "practices/index.html",
        "quality/index.html",
        "regions/index.html",
        "regions/inner-mongolia/index.html",
        "search/index.html",
        "status/index.html",
        "themes/dispute-mediation/index.html",
        "themes/festivals-and-culture/index.html",
        "themes/grid-governance/index.html",
        "themes/index.html",
    ]
    assert [path.name for path in sorted((xx_site / "xx" / "compare").glob("*.json"))] == [
        "alpha-community.json",
        "beta-community.json",
    ]
    assert (xx_site / "xx" / "feed.xml").is_file()
    assert (xx_site / "xx" / "pagefind" / "pagefind-entry.json").is_file()


def test_the_third_language_passes_the_scanner_as_the_others_do(xx_site: Path):
    assert scan_site(xx_site, committed_allowlist()) == []


def test_a_record_text_in_the_third_language_is_shown_and_a_missing_one_marked(xx_site: Path):
    page = (xx_site / "xx" / "cases" / "alpha-community" / "index.html").read_text("utf-8")
    assert '<html lang="xx"' in page
    assert re.search(r"<h1[^>]*>Xx Alpha<", page)
    # No xx text: the other language's, marked untranslated in xx's words.
    assert '<span lang="zh">网格员入户走访</span> <span class="cb-missing">(Xx untranslated)</span>' in page, (
        re.findall(r".{80}cb-missing.{80}", page)[:3]
    )


def test_the_language_menu_lists_the_three_languages(xx_site: Path):
    page = (xx_site / "xx" / "cases" / "alpha-community" / "index.html").read_text("utf-8")
    entries = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">\s*(.*?)\s*</a>', page)
    assert entries == [
        ("../../../cases/alpha-community/", "zh", "简体中文"),
        ("../../../en/cases/alpha-community/", "en", "English"),
        ("./", "xx", NAME),
    ]


def test_the_home_and_search_pages_are_filled_in_the_third_language(xx_site: Path):
    home = (xx_site / "xx" / "index.html").read_text("utf-8")
    assert "<p>Xx The casebook holds 2 community cases with 4 practices across 3 themes.\n" in home
    search = (xx_site / "xx" / "search" / "index.html").read_text("utf-8")
    assert 'data-bundle="../pagefind/"' in search
    keys = json.loads(html.unescape(re.findall(r'id="cb-filter-keys" data-keys="([^"]*)"', search)[0]))
    assert list(keys) == ["Xx Regions", "Xx Cities", "Xx Ethnic groups", "Xx Themes"]
    assert keys["Xx Themes"] == {
        "key": "themes",
        "values": {
            "网格治理 (Xx untranslated)": "grid-governance",
            "矛盾纠纷调解 (Xx untranslated)": "dispute-mediation",
            "节庆与文化 (Xx untranslated)": "festivals-and-culture",
        },
    }


def test_a_record_text_in_a_language_not_configured_is_refused(tmp_path: Path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    _name_in(tmp_path / "data", "xx")
    with pytest.raises(DataError) as error:
        build_catalog(tmp_path / "data")
    assert [render(problem) for problem in error.value.problems] == [
        "data/cases/alpha-community.yaml:3:38: name.xx: unknown field"
    ]


def test_a_record_text_in_a_configured_language_is_read(tmp_path: Path):
    project = translated_project(tmp_path)
    catalog = build_catalog(project / "data")
    assert catalog.languages.codes == ("zh", "en", "xx")
    assert [(language.prefix, language.suffix, language.conventions) for language in catalog.languages.all] == [
        ("", ".md", "zh"),
        ("en/", ".en.md", "en"),
        ("xx/", ".xx.md", "en"),
    ]
    assert catalog.case("alpha-community").name.by_language() == {
        "zh": "甲社区",
        "en": "Alpha Community",
        "xx": "Xx Alpha",
    }


def test_the_schema_completes_and_checks_the_configured_languages(tmp_path: Path):
    project = translated_project(tmp_path)
    schema = json.loads(schema_text(read_languages(project / "data")))
    name = schema["$defs"]["Name"]
    assert (sorted(name["properties"]), name["additionalProperties"]) == (["en", "reviewed", "xx", "zh"], False)
    assert name["properties"]["xx"]["description"] == NAME
    validator = EcmaValidator(schema)
    document = load_file(project / "data" / "cases" / "alpha-community.yaml", "alpha-community.yaml")[0]
    assert document is not None
    record = json.loads(json.dumps(document.data, default=str))  # as an editor sees it: lists, dates as written
    assert list(validator.iter_errors(record)) == []
    shipped_schema = EcmaValidator(json.loads(schema_text()))
    assert [error.message for error in shipped_schema.iter_errors(record)] == [
        "Additional properties are not allowed ('xx' was unexpected)"
    ]
