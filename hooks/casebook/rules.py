"""The rules a valid record must also keep: each is a plain function that yields problems.

Most look at one record at a time (RECORD_RULES); a few compare records with
each other (CROSS_RECORD_RULES).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .loader import Document, FieldPath, load_bytes
from .memo import per_record
from .model import LANGS, Bilingual, Case, Figure, Lang, Name, Text
from .numerals import states
from .personal_data import personal_data
from .problems import Listed, Message, Problem, field_path, msg
from .similarity import NEAR_COPY, near_copies
from .vocab import Vocabularies

# Headings every case page has; no other anchor of the page may take theirs.
RESERVED_ANCHORS = frozenset(
    {
        "profile",
        "summary",
        "brands",
        "members",
        "practices",
        "honours",
        "related",
        "sources",
        "translation",
        "cite",
        "changes",
    }
)
SOURCE_ANCHOR = "source-"  # a source's anchor on the case page: source-<id> (templates/case.md.j2)
# Ids that would take the name of a listing page in the same folder.
RESERVED_IDS = frozenset({"index"})
# The message for each kind of personal data that personal_data() names.
PERSONAL_DATA = {
    "an email address": "personal.email",
    "a phone number": "personal.phone",
    "a Chinese ID-card number": "personal.id_card",
}


class FromFile:
    """What a validated record knows of the file it came from (`shown_as`, `raw`):
    the parsed file, with the position of every value, is rebuilt from its bytes
    only when a problem needs a line number: kept for every record, it was most
    of the pipeline's memory (docs/benchmark.md, "Kept trade-offs")."""

    shown_as: str
    raw: bytes

    @functools.cached_property
    def document(self) -> Document:
        document, _ = load_bytes(self.raw, self.shown_as)
        if document is None:
            raise RuntimeError(f"{self.shown_as} loaded once but not again")
        return document

    def problem(self, parts: FieldPath, message: Message) -> Problem:
        line, column = self.document.position(parts)
        return Problem(self.document.path, line, column, field_path(parts), message)


@dataclass(frozen=True)
class Record(FromFile):
    """A validated case together with the file it came from."""

    case: Case
    shown_as: str
    raw: bytes
    file_stem: str

    @functools.cached_property
    def nodes(self) -> list[tuple[FieldPath, object]]:
        """walk(case), computed once: several rules visit every value."""
        return list(walk(self.case))


Rule = Callable[[tuple[Record, ...], Vocabularies], Iterable[Problem]]


def walk(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, object]]:
    """Every model and value in a record, with its field path, parents first.

    A stack rather than recursive generators: each `yield from` level costs a
    step per value, and records are several levels deep.
    """
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, BaseModel):
            children = [((*path, name), getattr(value, name)) for name in _field_names(type(value))]
        elif isinstance(value, tuple):
            children = [((*path, index), item) for index, item in enumerate(value)]
        else:
            continue
        stack += reversed(children)


@functools.cache
def _field_names(model: type[BaseModel]) -> tuple[str, ...]:
    # Read once a model: pydantic's model_fields is a descriptor, called on each read, and walk
    # reads it for every model in every record.
    return tuple(model.model_fields)


def texts(record: BaseModel) -> Iterator[tuple[FieldPath, Bilingual]]:
    """Every bilingual text of a case or a collection, with its field path."""
    for path, value in walk(record):
        if isinstance(value, Name | Text):
            yield path, value


@per_record
def record_texts(record: BaseModel) -> tuple[tuple[FieldPath, Bilingual], ...]:
    """texts(record), kept while the record lives (memo.per_record): the status page,
    the translation states and the whole-casebook rules read every text of every case."""
    return tuple(texts(record))


def _texts(record: Record) -> Iterator[tuple[FieldPath, Bilingual]]:
    return ((path, value) for path, value in record.nodes if isinstance(value, Name | Text))


def nearest(key: str, known: Iterable[str], first: Iterable[str] = ()) -> Message | str:
    """The hint that ends an unknown key's message: up to three close keys, those in
    `first` (the cities of the region given) before the rest."""
    preferred = difflib.get_close_matches(key, sorted(first), n=3, cutoff=0.5)
    others = [
        match for match in difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.5) if match not in preferred
    ]
    matches = (preferred + others)[:3]
    return msg("hint.nearest", keys=Listed(tuple(matches))) if matches else ""


def _unknown(record: Record, parts: FieldPath, kind: str, key: str, known: Iterable[str]) -> Problem:
    return record.problem(parts, msg("unknown", kind=msg(kind), key=key, hint=nearest(key, known)))


def id_matches_file_name(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        if record.case.id != record.file_stem:
            yield record.problem(("id",), msg("id.file_name", name=record.file_stem))
        elif record.case.id in RESERVED_IDS:
            yield record.problem(("id",), msg("id.listing_page", key=record.case.id))


def ids_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    seen: dict[str, Record] = {}
    for record in records:
        key = record.case.id.casefold()
        if key in seen:
            yield record.problem(("id",), msg("id.taken", key=record.case.id, file=seen[key].shown_as))
        seen.setdefault(key, record)


def aliases_are_free(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """A former id redirects to its record: it may not be a page of its own or another record's former id."""
    ids = {record.case.id: record for record in records}
    seen: dict[str, Record] = {}
    for record in records:
        for index, alias in enumerate(record.case.aliases):
            where = ("aliases", index)
            if alias == record.case.id:
                yield record.problem(where, msg("alias.own_id", key=alias))
            elif alias in ids:
                yield record.problem(where, msg("alias.other_id", key=alias, file=ids[alias].shown_as))
            elif alias in RESERVED_IDS:
                yield record.problem(where, msg("id.listing_page", key=alias))
            elif alias in seen:
                yield record.problem(where, msg("alias.taken", key=alias, file=seen[alias].shown_as))
            seen.setdefault(alias, record)


def page_anchors_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """A case page's anchors are one namespace: its own id (the title), the headings,
    the sources and the practices. The first to take an anchor keeps it; two
    sources of one id are source_ids_are_unique's to report."""
    for record in records:
        case = record.case
        taken = {anchor: msg("anchor.heading", key=anchor) for anchor in RESERVED_ANCHORS}
        claims: list[tuple[FieldPath, str, Message]] = [(("id",), case.id, msg("anchor.title", key=case.id))]
        claims += [
            (
                ("sources", index, "id"),
                SOURCE_ANCHOR + source.id,
                msg("anchor.source", key=SOURCE_ANCHOR + source.id, source=source.id),
            )
            for index, source in enumerate(case.sources)
        ]
        claims += [
            (("practices", index, "id"), p.id, msg("anchor.practice", key=p.id))
            for index, p in enumerate(case.practices)
        ]
        for parts, anchor, owner in claims:
            if anchor not in taken:
                taken[anchor] = owner
            elif taken[anchor] != owner or parts[0] != "sources":
                yield record.problem(parts, taken[anchor])


def names_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Two cases of one name would be two pages a reader cannot tell apart."""
    for lang in LANGS:
        seen: dict[str, Record] = {}
        for record in records:
            name = record.case.name.get(lang)
            if not name:
                continue
            key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
            if key in seen:
                yield record.problem(("name", lang), msg("name.taken", name=name, file=seen[key].shown_as))
            seen.setdefault(key, record)


def themes_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    known = {theme.key for theme in vocab.themes}
    for record in records:
        for index, practice in enumerate(record.case.practices):
            for position, key in enumerate(practice.themes):
                if key not in known:
                    yield _unknown(record, ("practices", index, "themes", position), "kind.theme", key, known)


def ethnic_groups_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    known = {group.key for group in vocab.ethnic_groups}
    for record in records:
        for position, key in enumerate(record.case.profile.ethnic_groups):
            if key not in known:
                yield _unknown(record, ("profile", "ethnic_groups", position), "kind.ethnic_group", key, known)


def places_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    regions = {region.key: region for region in vocab.regions}
    cities = vocab.cities()
    for record in records:
        location = record.case.location
        if location.region and location.region not in regions:
            yield _unknown(record, ("location", "region"), "kind.region", location.region, regions)
        if not location.city:
            continue
        if location.city not in cities:
            region = regions.get(location.region or "")
            near = [city.key for city in region.cities] if region else []
            hint = nearest(location.city, cities, near)
            yield record.problem(("location", "city"), msg("unknown.city", key=location.city, hint=hint))
        elif cities[location.city][0].key != location.region:
            parent = cities[location.city][0].key
            yield record.problem(("location", "city"), msg("city.region", city=location.city, region=parent))


def figures_use_known_terms(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    units = {unit.key for unit in vocab.units}
    qualifiers = {qualifier.key for qualifier in vocab.qualifiers}
    for record in records:
        sources = {source.id for source in record.case.sources}
        for path, value in record.nodes:
            if not isinstance(value, Figure):
                continue
            if value.unit not in units:
                yield _unknown(record, (*path, "unit"), "kind.unit", value.unit, units)
            if value.qualifier and value.qualifier not in qualifiers:
                yield _unknown(record, (*path, "qualifier"), "kind.qualifier", value.qualifier, qualifiers)
            if value.source not in sources:
                yield _unknown(record, (*path, "source"), "kind.source", value.source, sources)


def honours_cite_sources(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        sources = {source.id for source in record.case.sources}
        for index, honour in enumerate(record.case.honours):
            if honour.source not in sources:
                yield _unknown(record, ("honours", index, "source"), "kind.source", honour.source, sources)


def source_ids_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        seen: set[str] = set()
        for index, source in enumerate(record.case.sources):
            if source.id in seen:
                yield record.problem(("sources", index, "id"), msg("source.taken", key=source.id))
            seen.add(source.id)


def original_language_is_complete(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """The original language is what the facts were checked in: it may not have gaps."""
    for record in records:
        original = record.case.translation.text_lang
        for path, text in _texts(record):
            if path[:1] == ("sources",):
                continue  # a source's title is in the source's own language
            if not text.get(original):
                yield record.problem((*path, original), msg("text.original_missing", lang=original))


def no_personal_data(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Records describe communities, not people: no field is meant for contact or ID data.
    Every string is checked, ids and URLs too (an id becomes a URL)."""
    for record in records:
        for path, value in record.nodes:
            if isinstance(value, str):
                for kind in personal_data(value):
                    yield record.problem(path, msg(PERSONAL_DATA[kind]))


def figures_state_their_evidence(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """A figure is traceable: its value is written in the passage of the source quoted for it."""
    for record in records:
        for path, value in record.nodes:
            if isinstance(value, Figure) and not states(value.evidence, value.value):
                yield record.problem((*path, "evidence"), msg("figure.unstated", value=value.value))


def texts_are_not_copied_from_evidence(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Our summary and descriptions must not follow the quoted source passages word for word.

    The evidence is the part of each source that a record carries; `casebook
    similar` compares a record with a whole article when a reviewer has it.
    """
    for record in records:
        case = record.case
        lang = case.translation.text_lang
        evidence = sorted({value.evidence for _, value in record.nodes if isinstance(value, Figure)})
        prose = [(("summary",), case.summary)] + [
            (("practices", index, "description"), practice.description) for index, practice in enumerate(case.practices)
        ]
        for path, text in prose:
            for match in near_copies(text.get(lang) or "", evidence):
                yield record.problem(
                    (*path, lang),
                    msg("text.near_copy", score=match.score, limit=NEAR_COPY, sentence=match.sentence[:40]),
                )


def _month(value: str, last: bool) -> tuple[int, int]:
    """2024 starts in January and ends in December; 2024-04 is April either way."""
    year, _, month = value.partition("-")
    return int(year), int(month) if month else (12 if last else 1)


def periods_end_after_they_start(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        for path, value in record.nodes:
            if not isinstance(value, Figure) or value.span is None or value.span.start is None:
                continue
            start = _month(value.span.start, last=False)
            if value.span.end and _month(value.span.end, last=True) < start:
                yield record.problem(
                    (*path, "span", "end"), msg("span.reversed", end=value.span.end, start=value.span.start)
                )
            if value.as_of and (value.as_of.year, value.as_of.month) < start:
                yield record.problem((*path, "as_of"), msg("span.as_of_early", start=value.span.start))


def residents_not_fewer_than_households(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        profile = record.case.profile
        if profile.residents and profile.households and profile.residents.value < profile.households.value:
            yield record.problem(
                ("profile", "residents"),
                msg("profile.residents", residents=profile.residents.value, households=profile.households.value),
            )


def ethnic_group_count_covers_named_groups(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        profile = record.case.profile
        named = len(profile.ethnic_groups)
        if profile.ethnic_group_count and profile.ethnic_group_count.value < named:
            yield record.problem(
                ("profile", "ethnic_group_count"),
                msg("profile.ethnic_groups", count=profile.ethnic_group_count.value, named=named),
            )


# A practice figure in one of these units counts part of the profile figure of the same unit.
WHOLES = {
    "household": "households",
    "person": "residents",
    "compound": "compounds",
    "building": "buildings",
    "grid": "grids",
}


def parts_are_not_larger_than_wholes(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Households helped cannot outnumber the community's households, and so on."""
    for record in records:
        profile = record.case.profile
        for index, practice in enumerate(record.case.practices):
            for position, figure in enumerate(practice.figures):
                whole = getattr(profile, WHOLES.get(figure.unit, ""), None)
                if whole is not None and whole.unit == figure.unit and figure.value > whole.value:
                    yield record.problem(
                        ("practices", index, "figures", position, "value"),
                        msg(
                            "figure.over_whole", value=figure.value, whole=whole.value, whole_field=WHOLES[figure.unit]
                        ),
                    )


def members_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Practices name their member community by id; only subdistrict-level cases have members."""
    for record in records:
        case = record.case
        if case.members and case.level != "subdistrict":
            yield record.problem(("members",), msg("members.level"))
        known: set[str] = set()
        for index, member in enumerate(case.members):
            if member.id in known:
                yield record.problem(("members", index, "id"), msg("member.taken", key=member.id))
            known.add(member.id)
        for index, practice in enumerate(case.practices):
            if practice.member and practice.member not in known:
                yield _unknown(record, ("practices", index, "member"), "kind.member", practice.member, known)


def derived_places_are_given(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """A level marked as derived must be filled, and derived from a level the source does state."""
    for record in records:
        location = record.case.location
        stated = [level for level in ("region", "city", "district", "subdistrict") if getattr(location, level)]
        for position, level in enumerate(location.derived):
            if not getattr(location, level):
                yield record.problem(("location", "derived", position), msg("derived.not_given", level=level))
        if location.derived and not set(stated) - set(location.derived):
            yield record.problem(("location", "derived"), msg("derived.all"))


def founding_cites_a_source(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        founded = record.case.founded
        sources = {source.id for source in record.case.sources}
        if founded and founded.source not in sources:
            yield _unknown(record, ("founded", "source"), "kind.source", founded.source, sources)


def updated_is_not_before_added(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        if record.case.updated < record.case.added:
            yield record.problem(("updated",), msg("updated.before_added"))


CJK = re.compile(r"[\u4e00-\u9fff]")
SUMMARY_HAN = (80, 150)  # a Chinese summary is a short paragraph: this many Han characters


def summaries_have_their_length(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """The summary heads the case page and the listings: long enough to say what the
    community does, short enough to read at a glance."""
    low, high = SUMMARY_HAN
    for record in records:
        count = len(CJK.findall(record.case.summary.zh or ""))
        if record.case.summary.zh and not low <= count <= high:
            yield record.problem(("summary", "zh"), msg("summary.length", count=count, low=low, high=high))


def evidence_is_in_the_language_of_its_source(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Evidence is quoted, not translated: Chinese for a Chinese source, English for an English one."""
    for record in records:
        languages = {source.id: source.language for source in record.case.sources}
        for path, value in record.nodes:
            if not isinstance(value, Figure) or value.source not in languages:
                continue  # an unknown source is figures_use_known_terms' to report
            language = languages[value.source]
            if bool(CJK.search(value.evidence)) != (language != "en"):
                yield record.problem(
                    (*path, "evidence"),
                    msg("evidence.language", source=value.source, lang=language),
                )


# A page sets a source's title in these marks: inside, the title uses the inner ones.
TITLE_MARKS: dict[Lang, tuple[str, str, str]] = {"en": ("“", "“…”", "‘…’"), "zh": ("《", "《…》", "〈…〉")}


def source_titles_do_not_nest_marks(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        for index, source in enumerate(record.case.sources):
            for lang, (mark, outer, inner) in TITLE_MARKS.items():
                if source.title and mark in (source.title.get(lang) or ""):
                    yield record.problem(
                        ("sources", index, "title", lang),
                        msg("title.nested_marks", mark=mark, outer=outer, inner=inner),
                    )


def period_years_are_data(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """“2024年以来” is shown as text and kept as span.start 2024, so figures can be compared by date."""
    for record in records:
        for path, value in record.nodes:
            if not isinstance(value, Figure) or value.period is None:
                continue
            span = value.span
            given = {span.start[:4] if span and span.start else None, span.end[:4] if span and span.end else None}
            for year in re.findall(r"(\d{4})年", value.period.zh or ""):
                if year not in given:
                    yield record.problem(
                        (*path, "period", "zh"),
                        msg("period.year_not_in_span", year=year, start="span.start", end="span.end"),
                    )


# Rules that look at each record alone: check_record() runs them, in the
# processes that load the records (catalog.py).
RECORD_RULES: tuple[Rule, ...] = (
    id_matches_file_name,
    page_anchors_are_unique,
    source_ids_are_unique,
    themes_are_known,
    ethnic_groups_are_known,
    places_are_known,
    figures_use_known_terms,
    honours_cite_sources,
    original_language_is_complete,
    no_personal_data,
    updated_is_not_before_added,
    figures_state_their_evidence,
    texts_are_not_copied_from_evidence,
    residents_not_fewer_than_households,
    ethnic_group_count_covers_named_groups,
    parts_are_not_larger_than_wholes,
    periods_end_after_they_start,
    members_are_known,
    derived_places_are_given,
    founding_cites_a_source,
    summaries_have_their_length,
    evidence_is_in_the_language_of_its_source,
    source_titles_do_not_nest_marks,
    period_years_are_data,
)
# Rules that compare records with each other: check_across() runs them.
CROSS_RECORD_RULES: tuple[Rule, ...] = (ids_are_unique, names_are_unique, aliases_are_free)


def check_record(record: Record, vocab: Vocabularies) -> list[Problem]:
    return [problem for rule in RECORD_RULES for problem in rule((record,), vocab)]


def checked_keys(vocab: Vocabularies) -> tuple[tuple[object, ...], ...]:
    """All that RECORD_RULES read of the vocabularies: the keys records are checked against, and
    each region's cities. A record checked against vocabularies with the same keys has the same
    problems, so while serving a changed label or description keeps every loaded record
    (ServeCache.vocabularies). A rule that reads more must add it here (test_record_rules.py)."""
    return (
        tuple(theme.key for theme in vocab.themes),
        tuple(group.key for group in vocab.ethnic_groups),
        tuple((region.key, tuple(city.key for city in region.cities)) for region in vocab.regions),
        tuple(unit.key for unit in vocab.units),
        tuple(qualifier.key for qualifier in vocab.qualifiers),
    )


def check_across(records: tuple[Record, ...], vocab: Vocabularies) -> list[Problem]:
    return [problem for rule in CROSS_RECORD_RULES for problem in rule(records, vocab)]
