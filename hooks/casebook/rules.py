"""Cross-record rules: each is a plain function that yields problems."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .loader import Document, FieldPath, load_bytes
from .model import LANGS, Case, Figure, _Bilingual
from .personal_data import personal_data
from .problems import Problem, field_path
from .vocab import Vocabularies

# Headings every case page has; a practice id must not take their anchors.
RESERVED_ANCHORS = frozenset({"profile", "summary", "brands", "practices", "honours", "related", "sources", "translation"})
# Ids that would take the name of a listing page in the same folder.
RESERVED_IDS = frozenset({"index"})


@dataclass(frozen=True)
class Record:
    """A validated case together with the file it came from.

    The parsed file (the position of every value) is rebuilt from its bytes
    only when a problem needs a line number: kept for every record, it was most
    of the pipeline's memory (about 110 KB per record, the case ~70 KB).
    """

    case: Case
    shown_as: str
    raw: bytes
    file_stem: str

    @functools.cached_property
    def document(self) -> Document:
        document, _ = load_bytes(self.raw, self.shown_as)
        assert document is not None, "these bytes loaded once already"
        return document

    @functools.cached_property
    def nodes(self) -> list[tuple[FieldPath, object]]:
        """walk(case), computed once: several rules visit every value."""
        return list(walk(self.case))

    def release(self) -> None:
        """Lets go of the cached walk once this record's rules ran: about 65 KB
        per record, which add up at thousands of records."""
        self.__dict__.pop("nodes", None)  # cached_property's slot; the dataclass is frozen

    def problem(self, parts: FieldPath, message: str) -> Problem:
        line, column = self.document.position(parts)
        return Problem(self.document.path, line, column, field_path(parts), message)


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
            children = [((*path, name), getattr(value, name)) for name in type(value).model_fields]
        elif isinstance(value, tuple):
            children = [((*path, index), item) for index, item in enumerate(value)]
        else:
            continue
        stack += reversed(children)


def texts(case: Case) -> Iterator[tuple[FieldPath, _Bilingual]]:
    for path, value in walk(case):
        if isinstance(value, _Bilingual):
            yield path, value


def _texts(record: Record) -> Iterator[tuple[FieldPath, _Bilingual]]:
    return ((path, value) for path, value in record.nodes if isinstance(value, _Bilingual))


def nearest(key: str, known: Iterable[str]) -> str:
    matches = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.5)
    return f"; nearest: {', '.join(matches)}" if matches else ""


def _unknown(record: Record, parts: FieldPath, kind: str, key: str, known: Iterable[str]) -> Problem:
    return record.problem(parts, f"unknown {kind} '{key}'{nearest(key, known)}")


def id_matches_file_name(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        if record.case.id != record.file_stem:
            yield record.problem(("id",), f"must equal the file name '{record.file_stem}'")
        elif record.case.id in RESERVED_IDS:
            yield record.problem(("id",), f"'{record.case.id}' is reserved for a listing page")


def ids_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    seen: dict[str, Record] = {}
    for record in records:
        key = record.case.id.casefold()
        if key in seen:
            yield record.problem(("id",), f"'{record.case.id}' is already used by {seen[key].shown_as}")
        seen.setdefault(key, record)


def aliases_are_free(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """A former id redirects to its record: it may not be a page of its own or another record's former id."""
    ids = {record.case.id: record for record in records}
    seen: dict[str, Record] = {}
    for record in records:
        for index, alias in enumerate(record.case.aliases):
            where = ("aliases", index)
            if alias == record.case.id:
                yield record.problem(where, f"'{alias}' is this record's own id")
            elif alias in ids:
                yield record.problem(where, f"'{alias}' is the id of {ids[alias].shown_as}; an alias must be a former id")
            elif alias in RESERVED_IDS:
                yield record.problem(where, f"'{alias}' is reserved for a listing page")
            elif alias in seen:
                yield record.problem(where, f"'{alias}' is already an alias in {seen[alias].shown_as}")
            seen.setdefault(alias, record)


def practice_ids_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        seen: set[str] = set()
        for index, practice in enumerate(record.case.practices):
            if practice.id in seen:
                yield record.problem(("practices", index, "id"), f"'{practice.id}' is used by another practice")
            elif practice.id in RESERVED_ANCHORS:
                yield record.problem(("practices", index, "id"), f"'{practice.id}' is reserved for a page heading")
            seen.add(practice.id)


def themes_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    known = {theme.key for theme in vocab.themes}
    for record in records:
        for index, practice in enumerate(record.case.practices):
            for position, key in enumerate(practice.themes):
                if key not in known:
                    yield _unknown(record, ("practices", index, "themes", position), "theme", key, known)


def ethnic_groups_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    known = {group.key for group in vocab.ethnic_groups}
    for record in records:
        for position, key in enumerate(record.case.profile.ethnic_groups):
            if key not in known:
                yield _unknown(record, ("profile", "ethnic_groups", position), "ethnic group", key, known)


def places_are_known(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    regions = {region.key: region for region in vocab.regions}
    cities = vocab.cities()
    for record in records:
        location = record.case.location
        if location.region and location.region not in regions:
            yield _unknown(record, ("location", "region"), "region", location.region, regions)
        if not location.city:
            continue
        if location.city not in cities:
            yield _unknown(record, ("location", "city"), "city", location.city, cities)
        elif cities[location.city][0].key != location.region:
            parent = cities[location.city][0].key
            yield record.problem(("location", "city"), f"city '{location.city}' belongs to region '{parent}'")


def figures_use_known_terms(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    units = {unit.key for unit in vocab.units}
    qualifiers = {qualifier.key for qualifier in vocab.qualifiers}
    for record in records:
        sources = {source.id for source in record.case.sources}
        for path, value in record.nodes:
            if not isinstance(value, Figure):
                continue
            if value.unit not in units:
                yield _unknown(record, (*path, "unit"), "unit", value.unit, units)
            if value.qualifier and value.qualifier not in qualifiers:
                yield _unknown(record, (*path, "qualifier"), "qualifier", value.qualifier, qualifiers)
            if value.source not in sources:
                yield _unknown(record, (*path, "source"), "source", value.source, sources)


def honours_cite_sources(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        sources = {source.id for source in record.case.sources}
        for index, honour in enumerate(record.case.honours):
            if honour.source not in sources:
                yield _unknown(record, ("honours", index, "source"), "source", honour.source, sources)


def source_ids_are_unique(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        seen: set[str] = set()
        for index, source in enumerate(record.case.sources):
            if source.id in seen:
                yield record.problem(("sources", index, "id"), f"'{source.id}' is used by another source")
            seen.add(source.id)


def original_language_is_complete(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """The original language is what the facts were checked in: it may not have gaps."""
    for record in records:
        original = record.case.translation.original
        for path, text in _texts(record):
            if path[:1] == ("sources",):
                continue  # a source's title is in the source's own language
            if not text.get(original):
                yield record.problem((*path, original), f"missing text in the original language ({original})")


def no_personal_data_in_text(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    """Records describe communities, not people: no field is meant for contact or ID data."""
    for record in records:
        for path, text in _texts(record):
            for lang in LANGS:
                for kind in personal_data(text.get(lang) or ""):
                    yield record.problem((*path, lang), f"contains {kind}; personal data may not appear in records")


def updated_is_not_before_added(records: tuple[Record, ...], vocab: Vocabularies) -> Iterator[Problem]:
    for record in records:
        if record.case.updated < record.case.added:
            yield record.problem(("updated",), "must not be earlier than 'added'")


# Rules that look at each record alone: check_record() runs them, in the
# processes that load the records (catalog.py).
RECORD_RULES: tuple[Rule, ...] = (
    id_matches_file_name,
    practice_ids_are_unique,
    source_ids_are_unique,
    themes_are_known,
    ethnic_groups_are_known,
    places_are_known,
    figures_use_known_terms,
    honours_cite_sources,
    original_language_is_complete,
    no_personal_data_in_text,
    updated_is_not_before_added,
)
# Rules that compare records with each other: check_across() runs them.
CROSS_RECORD_RULES: tuple[Rule, ...] = (ids_are_unique, aliases_are_free)


def check_record(record: Record, vocab: Vocabularies) -> list[Problem]:
    problems = [problem for rule in RECORD_RULES for problem in rule((record,), vocab)]
    record.release()
    return problems


def check_across(records: tuple[Record, ...], vocab: Vocabularies) -> list[Problem]:
    return [problem for rule in CROSS_RECORD_RULES for problem in rule(records, vocab)]
