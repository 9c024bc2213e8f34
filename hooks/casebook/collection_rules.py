"""Rules for workshop collections: each a plain function that yields problems.

A collection refers to cases and practices by id, so its rules run once every
case record is loaded (catalog.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .collection import Collection
from .model import Case
from .personal_data import personal_data
from .problems import Problem, msg
from .rules import PERSONAL_DATA, RESERVED_IDS, FromFile, nearest, texts


@dataclass(frozen=True)
class CollectionRecord(FromFile):
    """A validated collection and the file it came from."""

    collection: Collection
    shown_as: str
    raw: bytes
    file_stem: str


CollectionRule = Callable[[CollectionRecord, dict[str, Case]], Iterable[Problem]]


def id_matches_file_name(record: CollectionRecord, cases: dict[str, Case]) -> Iterator[Problem]:
    collection_id = record.collection.id
    if collection_id != record.file_stem:
        yield record.problem(("id",), msg("id.file_name", name=record.file_stem))
    elif collection_id in RESERVED_IDS:
        yield record.problem(("id",), msg("id.listing_page", key=collection_id))


def items_are_known(record: CollectionRecord, cases: dict[str, Case]) -> Iterator[Problem]:
    for index, item in enumerate(record.collection.items):
        at = ("items", index, "ref")
        case = cases.get(item.case_id)
        if case is None:
            yield record.problem(
                at, msg("unknown", kind=msg("kind.case"), key=item.case_id, hint=nearest(item.case_id, cases))
            )
            continue
        practices = [practice.id for practice in case.practices]
        if item.practice_id and item.practice_id not in practices:
            hint = nearest(item.practice_id, practices)
            yield record.problem(at, msg("unknown.practice", key=item.practice_id, case=case.id, hint=hint))


def items_are_unique(record: CollectionRecord, cases: dict[str, Case]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(record.collection.items):
        if item.ref in seen:
            yield record.problem(
                ("items", index, "ref"), msg("collection.item_taken", ref=item.ref, number=seen[item.ref] + 1)
            )
        seen.setdefault(item.ref, index)


def original_language_is_complete(record: CollectionRecord, cases: dict[str, Case]) -> Iterator[Problem]:
    original = record.collection.translation.text_lang
    for path, text in texts(record.collection):
        if not text.get(original):
            yield record.problem((*path, original), msg("text.original_missing", lang=original))


def no_personal_data_in_text(record: CollectionRecord, cases: dict[str, Case]) -> Iterator[Problem]:
    for path, text in texts(record.collection):
        for lang, value in text.by_language().items():
            for kind in personal_data(value):
                yield record.problem((*path, lang), msg(PERSONAL_DATA[kind]))


def updated_is_not_before_added(record: CollectionRecord, cases: dict[str, Case]) -> Iterator[Problem]:
    if record.collection.updated < record.collection.added:
        yield record.problem(("updated",), msg("updated.before_added"))


COLLECTION_RULES: tuple[CollectionRule, ...] = (
    id_matches_file_name,
    items_are_known,
    items_are_unique,
    original_language_is_complete,
    no_personal_data_in_text,
    updated_is_not_before_added,
)


def check_collection(record: CollectionRecord, cases: dict[str, Case]) -> list[Problem]:
    return [problem for rule in COLLECTION_RULES for problem in rule(record, cases)]
