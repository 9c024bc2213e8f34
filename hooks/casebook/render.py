"""Catalog to Markdown: one Jinja template per page kind, rendered per language.

Every value printed by a template passes through `fragments.shown`, which escapes
it for Markdown and HTML unless it is already Markup (our sanitised HTML or a
template-made string). So a template cannot forget to escape contributor text.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import formatting, fragments, glossary, markup
from .catalog import Catalog
from .citation import Cited, cite, printable_url
from .collection import Collection, Item
from .hints import Hinter
from .history import Change
from .languages import Conventions, Languages, shipped
from .memo import per_record_in
from .model import PROFILE_FIGURES, Bilingual, Case, Figure, Founded, Name, Practice, Text
from .overview import PAGE as OVERVIEW_PAGE
from .overview import RESIDENT_BARS, alt_text, overview, shown
from .parallel import fork_imap_shared
from .qr import qr_svg
from .related import Related
from .translation import NEEDS_WORK, TextState, counts, stated_texts

# Folders under docs/ that belong to the generator; everything else is hand-written.
GENERATED_DIRS = (
    "cases",
    "themes",
    "regions",
    "practices",
    "glossary",
    "status",
    "collections",
    "handouts",
    "overview",
    "compare",
)
DATA_PREFIX = "data"
# Above this many practices a theme is summed up on the practices page and listed
# on its own theme page only, so the practices page stays small at any size.
PRACTICE_LIST_LIMIT = 50
COMPARE_PAGE = "compare/index"
COMPARE_MAX = 4  # cases side by side on the compare page: what fits an A4 landscape page
# Where a text's first sentence ends: after 。！？ in Chinese; in English after . ! ? and a space
# before a capital letter or an opening quote (not inside "0.5 km²"); a line break ends it in both.
_SENTENCE_END: dict[Conventions, re.Pattern[str]] = {
    "zh": re.compile(r"(?<=[。！？])|\n"),
    "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])|\n"),
}
_URL_PART = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*#[a-z0-9-]*")


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. cases/x.en.md
    content: str


def ui_strings() -> dict[str, dict[str, str]]:
    """The page words of the languages the package ships, by language."""
    return {language.code: language.ui for language in shipped().all}


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("casebook", "templates"),
        undefined=StrictUndefined,
        finalize=fragments.shown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown output; escaping is done by fragments.shown
        # Markdown's heading anchors are written {#id}: keep "{#" free of comments.
        comment_start_string="{##",
        comment_end_string="##}",
        # Not checking each template file's time on every include (measured:
        # docs/benchmark.md, "Kept trade-offs"). The pipeline reruns only when
        # the data changes anyway (pipeline.py).
        auto_reload=False,
    )
    env.filters["title"] = markup.front_matter_string
    env.globals["profile_figures"] = PROFILE_FIGURES
    return env


class View:
    """What templates may call for one language: text lookup and formatting."""

    def __init__(self, catalog: Catalog, lang: str, page_path: str = ""):
        self.catalog = catalog
        self.lang = lang
        self.language = catalog.languages[lang]
        self.conventions = self.language.conventions
        self.ui = self.language.ui
        self._others = catalog.languages.others(lang)  # where a missing translation's text is taken from
        vocab = catalog.vocab
        self._labels: dict[str, Name] = {t.key: t.label for t in vocab.themes}
        self._labels |= {g.key: g.label for g in vocab.ethnic_groups}
        self._regions = {r.key: r.label for r in vocab.regions}
        self._cities = {key: city.label for key, (_, city) in vocab.cities().items()}
        self._source_numbers: dict[str, int] = {}
        self.page_path = page_path  # this page's path without suffix, such as "themes/volunteering"
        self._hinter: Hinter | None = None  # glossary hints: on case pages only (for_case)

    def text(self, value: Name | Text | None) -> str | Markup:
        """The text in this page's language, or a visible 'missing' marker."""
        if value is None:
            return ""
        shown = value.get(self.lang)
        if shown:
            return shown
        other = self._fallback(value)
        original = markup.inline(value.get(other) or "")
        badge = markup.inline(self.ui["untranslated"] if isinstance(value, Name) else self.ui["missing"])
        if isinstance(value, Name):
            # （未译） in Chinese, " (untranslated)" in English: the space stays outside the marker.
            opening, closing = self.ui["bracket_open"], self.ui["bracket_close"]
            gap = opening[: len(opening) - len(opening.lstrip())]
            marker = f'<span class="cb-missing">{opening.lstrip()}{badge}{closing}</span>'
            return Markup(f'<span lang="{other}">{original}</span>{gap}{marker}')
        return Markup(f'<span class="cb-missing">{badge}</span>')

    def _fallback(self, value: Name | Text) -> str:
        """The language a missing translation's text is shown in: the first other language that has it."""
        return next((other for other in self._others if value.get(other)), self._others[0])

    def language_name(self, code: str) -> str:
        return self.catalog.languages.name(code, self.lang)

    def prose(self, value: Text) -> Markup:
        shown = value.get(self.lang)
        if not shown:
            return Markup(f"<p>{self.text(value)}</p>")
        html = markup.prose(shown)
        return self._hinter.apply(html) if self._hinter else html

    def lead(self, value: Text) -> str | Markup:
        """The text's first sentence in this page's language, a line for a listing; or the 'missing' marker."""
        shown = value.get(self.lang)
        if not shown:
            return self.text(value)
        return _SENTENCE_END[self.conventions].split(shown.strip(), maxsplit=1)[0]

    def plain(self, value: Name | Text | None) -> str:
        """Text for front matter: the page language, else the marker in words."""
        if value is None:
            return ""
        shown = value.get(self.lang)
        if shown:
            return shown
        if isinstance(value, Name):
            return f"{value.get(self._fallback(value))}{self.ui['bracket_open']}{self.ui['untranslated']}{self.ui['bracket_close']}"
        return self.ui["missing"]

    def figure(self, value: Figure) -> str:
        return formatting.figure(value, self.conventions, self.catalog.vocab)

    def label(self, key: str) -> str | Markup:
        return self.text(self._labels[key])

    def region(self, key: str | None) -> str | Markup:
        return self.text(self._regions[key]) if key else ""

    def city(self, key: str | None) -> str | Markup:
        return self.text(self._cities[key]) if key else ""

    def place(self, case: Case) -> list[str | Markup]:
        where = case.location
        shown = {
            "region": self.region(where.region),
            "city": self.city(where.city),
            "district": self.text(where.district),
            "subdistrict": self.text(where.subdistrict),
        }
        return [shown[level] for level in _place_levels(case)]

    def glossary_groups(self) -> tuple[glossary.Group, ...]:
        return glossary.groups(self.catalog.vocab, self.catalog.term_themes, self.language)

    def glossary_index(self) -> tuple[glossary.Letter, ...]:
        return glossary.index(self.catalog.vocab, self.language)

    def filter_value(self, key: str) -> str:
        """A vocabulary label (theme, ethnic group, region or city) as a search filter value."""
        return self.filter_text(self._labels.get(key) or self._regions.get(key) or self._cities[key])

    def filter_text(self, value: Name) -> str:
        """Text as a search filter value: plain, its "&" doubled, because Pagefind 1.5
        decodes a filter's entities once more than the page's text ("&amp;lt;" would
        be stored as "<"; tests/test_browser.py)."""
        return self.plain(value).replace("&", "&amp;")

    def themes(self, case: Case) -> list[str]:
        """The case's theme keys, each once, in the order its practices name them."""
        return list(dict.fromkeys(key for practice in case.practices for key in practice.themes))

    def place_marks(self, case: Case) -> list[str]:
        """Beside each part of place(): '*' for a level the sources do not name but that was derived."""
        return ["*" if level in case.location.derived else "" for level in _place_levels(case)]

    def founded(self, founded: Founded) -> str:
        if founded.month is None:
            return self.ui["founded_year"].format(year=founded.year)
        month_name = formatting.MONTHS[founded.month - 1]
        return self.ui["founded_date"].format(year=founded.year, month=founded.month, month_name=month_name)

    def member(self, case: Case, member_id: str) -> Name:
        return next(member.name for member in case.members if member.id == member_id)

    def evidence_lang(self, fig: Figure) -> str:
        """The HTML language of a figure's quoted passage: its source's language."""
        language = next(source.language for source in self._case.sources if source.id == fig.source)
        return {"zh": "zh-Hans", "zh-Hant": "zh-Hant", "en": "en"}[language]

    def source_number(self, source_id: str) -> int:
        """Sources are cited by their number on the page, [1], [2] …"""
        return self._source_numbers[source_id]

    def for_case(self, case: Case) -> View:
        self._case = case
        self._source_numbers = {source.id: index for index, source in enumerate(case.sources, start=1)}
        self._hinter = Hinter(self.catalog.hint_terms[self.lang], lambda key: self.link("glossary/index", key))
        return self

    def link(self, to_page: str, anchor: str = "") -> Markup:
        """The URL of another generated page, relative to this one, as the built site has it."""
        return page_url(self.page_path, to_page, anchor)

    def date(self, value: Any) -> str:
        return value.isoformat() if value else self.ui["date_unknown"]

    def permalink(self, to_page: str, anchor: str = "") -> str:
        """The page's permanent address in this language: absolute with site_url, else from the site's root."""
        path = to_page.removesuffix("/index").removesuffix("index")
        prefix = self.language.prefix  # the default language is at the root
        address = f"{prefix}{path}/" if path else prefix
        address += f"#{anchor}" if anchor else ""
        return (self.catalog.site_url or "/").rstrip("/") + "/" + address

    def url_text(self, url: str) -> Markup:
        """An address to print, wrapping after a slash or a # only."""
        return printable_url(url)

    def qr(self, url: str, best_mask: bool = True) -> Markup:
        """A QR code of an absolute address; none without site_url, which a page then says."""
        return qr_svg(url, best_mask) if self.catalog.site_url else Markup("")

    def item(self, item: Item) -> tuple[Case, Practice | None]:
        """A collection item's case, and its practice when it names one (the rules made sure both exist)."""
        case = self.catalog.case(item.case_id)
        practice = next((p for p in case.practices if p.id == item.practice_id), None)
        return case, practice

    def key_figures(self, case: Case, practice: Practice | None) -> list[tuple[str | Markup, Figure]]:
        """(label, figure) of a practice's outcomes, or of a case's profile."""
        if practice is not None:
            return [(self.text(fig.label), fig) for fig in practice.figures]
        profile = case.profile
        shown = [(self.ui[field], getattr(profile, field)) for field in PROFILE_FIGURES if getattr(profile, field)]
        return shown + [(self.text(fig.label), fig) for fig in profile.others]

    def changes(self, case: Case) -> tuple[Change, ...] | None:
        """The commits that touched the record, newest first; None when the build has no history."""
        history = self.catalog.history
        return None if history is None else history.get(f"cases/{case.id}.yaml", ())

    def updated(self, case: Case) -> dt.date:
        """The record's last change: its newest commit where there is history, else its `updated` field."""
        changes = self.changes(case)
        return changes[0].date if changes else case.updated

    def cite(self, style: str, case: Case, practice: Practice | None = None) -> Markup:
        """The case's citation, or its practice's, in a style of citation.STYLE_FILES."""
        title = self.plain(case.name)
        if practice is not None:
            title += self.ui["colon"] + self.plain(practice.title)
        url = self.permalink(f"cases/{case.id}", practice.id if practice else "")
        cited = Cited(self.ui["site"], title, self.updated(case), url)
        return cite(
            style, self.conventions, cited, self.ui["accessed"], printed=practice is None
        )  # practices' are screen-only

    def citations(self, case: Case, practice: Practice | None = None) -> Markup:
        return fragments.citations(self, case, practice)

    def figure_note(self, fig: Figure) -> Markup:
        return fragments.figure_note(self, fig)

    def related_items(self, related: tuple[Related, ...]) -> Markup:
        return fragments.related_items(self, related)

    def practice_links(self, practices: list[tuple[Case, Practice]]) -> Markup:
        return fragments.practice_links(self, practices)

    def minutes(self, count: int) -> str:
        return self.ui["minutes"].format(n=count)


def _place_levels(case: Case) -> list[str]:
    """The levels of the case's place that are given, from the region down; a subdistrict-level
    case is the subdistrict itself, so its place stops above it."""
    levels = ("region", "city", "district") + (("subdistrict",) if case.level != "subdistrict" else ())
    return [level for level in levels if getattr(case.location, level)]


def page_url(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A link between generated pages written as the site's URL, not as a .md path.

    Long listings are raw HTML with these URLs: Python-Markdown parses a list of
    a thousand Markdown links about four times slower than the same list as an
    HTML block, and MkDocs then resolves every link again. The links are made
    from validated ids, and a test follows every link of the built site.
    MkDocs' use_directory_urls (checked by the hook) puts page "a/b" at "a/b/".
    """
    return Markup(_relative_url(from_page, to_page, anchor))


@functools.lru_cache(maxsize=65536)  # docs/benchmark.md, "Kept trade-offs"
def _relative_url(from_page: str, to_page: str, anchor: str) -> str:
    if not _URL_PART.fullmatch(f"{to_page}#{anchor}"):
        raise ValueError(f"not a page path: {to_page}#{anchor}")
    here = from_page.removesuffix("/index").split("/")
    there = to_page.removesuffix("/index").split("/")
    # commonprefix over lists compares whole path parts, not characters.
    common = len(os.path.commonprefix([here, there]))  # noqa: RUF071
    folder = "../" * (len(here) - common) + "".join(f"{part}/" for part in there[common:]) or "./"
    return folder + (f"#{anchor}" if anchor else "")


def _context(catalog: Catalog, lang: str, page_path: str = "", **extra: Any) -> dict[str, Any]:
    view = View(catalog, lang, page_path)
    if "case" in extra:
        view.for_case(extra["case"])
    return {"view": view, "catalog": catalog, "lang": lang, "ui": view.ui, **extra}


def _render(template: str, catalog: Catalog, lang: str, **extra: Any) -> str:
    return environment().get_template(template).render(_context(catalog, lang, **extra))


def plan_pages(catalog: Catalog, workers: int | None = None) -> list[Page]:
    """Every generated page in every language."""
    return list(render_pages(catalog, workers))


def page_paths(catalog: Catalog) -> list[str]:
    """The paths render_pages will yield, in the same order, without rendering."""
    return [path + catalog.languages[lang].suffix for path, lang, _, _ in _planned(catalog)]


def render_pages(catalog: Catalog, workers: int | None = None, skip: AbstractSet[str] = frozenset()) -> Iterator[Page]:
    """Every generated page in every language, rendered on every core when there
    are many, yielded in order as they are done: at 5,000 cases the pages are
    about 250 MB of text, which the pipeline writes away instead of holding.
    `skip`: pages (paths without language suffix) known to be written as they would be now."""
    catalog.term_themes  # noqa: B018 -- worked out here, before the workers fork, once for both glossary pages
    catalog.hint_terms  # noqa: B018 -- and once for every case page
    plan = [planned for planned in _planned(catalog) if planned[0] not in skip]
    contents = fork_imap_shared(_render_planned, (catalog, plan), len(plan), workers)
    for (path, lang, _, _), content in zip(plan, contents, strict=True):
        yield Page(path + catalog.languages[lang].suffix, content)


_Job = tuple[Catalog, list[tuple[str, str, str, dict[str, Any]]]]


def _render_planned(job: _Job, index: int) -> str:
    catalog, plan = job
    path, lang, template, extra = plan[index]
    return _render(template, catalog, lang, page_path=path, **extra, **_status(catalog, lang, template))


def _planned(catalog: Catalog) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(path without suffix, language, template, template values) of every page, in rendering order."""
    plan = _page_plan(catalog)
    return [(path, lang, template, extra) for lang in catalog.languages.codes for path, template, extra in plan]


def _page_plan(catalog: Catalog) -> list[tuple[str, str, dict[str, Any]]]:
    """(path without suffix, template, template values) of every page, the same in each language."""
    by_theme = catalog.practices_by_theme()
    by_region = catalog.cases_by_region()
    plan: list[tuple[str, str, dict[str, Any]]] = [("cases/index", "case-index.md.j2", {})]
    plan += [
        (
            f"cases/{case.id}",
            "case.md.j2",
            {
                "case": case,
                "source": f"{DATA_PREFIX}/cases/{case.id}.yaml",
                "related": catalog.related[case.id],
            },
        )
        for case in catalog.cases
    ]
    plan += [
        ("practices/index", "practice-index.md.j2", {"by_theme": by_theme, "list_limit": PRACTICE_LIST_LIMIT}),
        ("themes/index", "theme-index.md.j2", {"by_theme": by_theme}),
    ]
    plan += [
        (f"themes/{theme.key}", "theme.md.j2", {"theme": theme, "practices": by_theme[theme.key]})
        for theme in catalog.vocab.themes
    ]
    plan.append(("regions/index", "region-index.md.j2", {"by_region": by_region}))
    plan += [
        (f"regions/{region.key}", "region.md.j2", {"region": region, "cases": by_region[region.key]})
        for region in catalog.vocab.regions
        if region.key in by_region
    ]
    plan += [("glossary/index", "glossary.md.j2", {}), ("status/index", "status.md.j2", {})]
    plan.append((COMPARE_PAGE, "compare.md.j2", {"max_cases": COMPARE_MAX}))
    plan.append(
        (
            OVERVIEW_PAGE,
            "overview.md.j2",
            {
                "overview": overview(catalog),
                "overview_alt": alt_text,
                "overview_shown": shown,
                "resident_bars": RESIDENT_BARS,
            },
        )
    )
    return plan + _collection_plan(catalog.collections)


def _collection_plan(collections: tuple[Collection, ...]) -> list[tuple[str, str, dict[str, Any]]]:
    """The trainers' pages: an index, then each collection's page and printable handout."""
    plan: list[tuple[str, str, dict[str, Any]]] = [("collections/index", "collection-index.md.j2", {})]
    for collection in collections:
        source = {"collection": collection, "source": f"{DATA_PREFIX}/collections/{collection.id}.yaml"}
        plan += [
            (f"collections/{collection.id}", "collection.md.j2", source),
            (f"handouts/{collection.id}", "handout.md.j2", source),
        ]
    return plan


def _status(catalog: Catalog, lang: str, template: str) -> dict[str, Any]:
    return _status_context(catalog, lang) if template == "status.md.j2" else {}


@dataclass(frozen=True)
class _StatusRow:
    case: Case
    summary: dict[str, str]  # by language


@dataclass(frozen=True)
class _StatusItem:
    """A text that needs work, shown by its words (`excerpt`, in `excerpt_lang`), not its field path."""

    case: Case
    lang: str
    state: str
    excerpt: str
    excerpt_lang: str


EXCERPT_CHARS = 40


def _status_item(case: Case, state: TextState, text: Bilingual, langs: tuple[str, ...]) -> _StatusItem:
    """Readers and translators recognise a text by its opening words in the language it has."""
    shown_lang = next((lang for lang in (case.translation.text_lang, *langs) if text.get(lang)), state.lang)
    words = " ".join((text.get(shown_lang) or "").split())
    excerpt = words if len(words) <= EXCERPT_CHARS else words[:EXCERPT_CHARS].rstrip() + "…"
    return _StatusItem(case, state.lang, state.state, excerpt, shown_lang)


def _status_context(catalog: Catalog, lang: str) -> dict[str, Any]:
    rows, todo = [], []
    for case in catalog.cases:
        row, items = _case_status((catalog.languages, lang), case)
        rows.append(row)
        todo += items
    return {"rows": rows, "todo": todo, "languages": catalog.languages.codes}


@per_record_in
def _case_status(context: tuple[Languages, str], case: Case) -> tuple[_StatusRow, list[_StatusItem]]:
    """A case's row on the status page and its texts that need work, once per record object
    while the languages stay (memo.py)."""
    languages, lang = context
    ui, langs = languages[lang].ui, languages.codes
    stated = stated_texts(case, langs)
    summary = {
        language: " · ".join(f"{ui['state_' + state]} {count}" for state, count in sorted(counter.items()))
        for language, counter in counts([state for state, _ in stated], langs).items()
    }
    todo = [_status_item(case, state, text, langs) for state, text in stated if state.state in NEEDS_WORK]
    return _StatusRow(case, summary), todo


def filter_keys(catalog: Catalog, lang: str) -> str:
    """For the search page: each search filter's name and values in this language, with the
    keys they stand for in every language, so a filtered search keeps its filters when the
    reader switches language (the address holds keys: ?f=regions:inner-mongolia)."""
    view = View(catalog, lang)
    vocab = catalog.vocab
    groups = {
        "regions": {**{view.plain(r.label): r.key for r in vocab.regions}, view.ui["region_not_given"]: "none"},
        "cities": {view.plain(city.label): key for key, (_, city) in vocab.cities().items()},
        "ethnic-groups": {view.plain(group.label): group.key for group in vocab.ethnic_groups},
        "themes": {view.plain(theme.label): theme.key for theme in vocab.themes},
    }
    names = {"regions": "regions", "cities": "cities", "ethnic-groups": "ethnic_groups", "themes": "themes"}
    keys = {view.ui[names[group]]: {"key": group, "values": values} for group, values in groups.items()}
    return Markup('<div hidden id="cb-filter-keys" data-keys="{}"></div>').format(json.dumps(keys, ensure_ascii=False))


def home_stats(catalog: Catalog, lang: str) -> str:
    """The counts and latest cases shown on the hand-written home page."""
    practice_count = sum(len(case.practices) for case in catalog.cases)
    by_theme = catalog.practices_by_theme()
    return _render(
        "home-stats.md.j2",
        catalog,
        lang,
        practice_count=practice_count,
        counts=overview(catalog).counts,
        by_theme=by_theme,
    )
