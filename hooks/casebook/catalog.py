"""The catalog: every record loaded, validated, cross-checked, sorted and indexed."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .collection import Collection
from .collection_rules import CollectionRecord, check_collection
from .glossary import term_themes
from .hints import HintTerms
from .history import History
from .hygiene import tree_problems
from .incremental import LoadedRecord, ServeCache
from .languages import CONFIG_FILE, TRANSLATIONS_DIR, Languages, read_languages, shipped
from .loader import Document, FieldPath, load_bytes, load_file, read_file
from .memo import digest
from .model import Case, Practice
from .parallel import fork_imap
from .problems import DataError, Listed, Message, Problem, field_path, msg
from .related import Related, related_cases
from .rules import Record, check_across, check_record
from .snapshot import Snapshot
from .validate import validate
from .vocab import VOCAB_FILES, Vocabularies
from .vocab_rules import vocabulary_problems

CASES_DIR = "cases"
VOCAB_DIR = "vocab"
COLLECTIONS_DIR = "collections"


@dataclass(frozen=True)
class Catalog:
    cases: tuple[Case, ...]  # sorted by id
    vocab: Vocabularies
    collections: tuple[Collection, ...] = ()  # workshop collections, sorted by id
    # Where the site is published (mkdocs.yml's site_url): permanent URLs and QR codes need it.
    site_url: str | None = None
    history: History | None = None  # each record's changes from git; None: no history available
    languages: Languages = dataclasses.field(default_factory=shipped)  # the site's languages (mkdocs.yml)
    digests: dict[str, str] = dataclasses.field(default_factory=dict)  # case id -> digest of its record's bytes

    def case(self, case_id: str) -> Case:
        return next(case for case in self.cases if case.id == case_id)

    def practices_by_theme(self) -> dict[str, list[tuple[Case, Practice]]]:
        """Theme key -> its practices, with their cases (worked out once per catalog: do not change it)."""
        return self._practices_by_theme

    @functools.cached_property
    def _practices_by_theme(self) -> dict[str, list[tuple[Case, Practice]]]:
        index: dict[str, list[tuple[Case, Practice]]] = {theme.key: [] for theme in self.vocab.themes}
        for case in self.cases:
            for practice in case.practices:
                for theme in practice.themes:
                    index[theme].append((case, practice))
        return index

    def cases_by_region(self) -> dict[str, list[Case]]:
        """Region key -> its cases (worked out once per catalog: do not change it)."""
        return self._cases_by_region

    @functools.cached_property
    def _cases_by_region(self) -> dict[str, list[Case]]:
        index: dict[str, list[Case]] = {}
        for case in self.cases:
            if case.location.region:
                index.setdefault(case.location.region, []).append(case)
        return index

    @functools.cached_property
    def related(self) -> dict[str, tuple[Related, ...]]:
        """Each case's related cases (related.py), worked out once per catalog."""
        return related_cases(self.cases, [theme.key for theme in self.vocab.themes])

    @functools.cached_property
    def term_themes(self) -> dict[str, str]:
        """Each glossary term's theme (glossary.py), worked out once for both languages' glossary pages."""
        return term_themes(self.vocab, self.cases, self.languages)

    @functools.cached_property
    def hint_terms(self) -> dict[str, HintTerms]:
        """Each language's glossary hints (hints.py), made once for all its case pages."""
        return {language.code: HintTerms(self.vocab.glossary, language) for language in self.languages.all}

    def latest(self, count: int) -> tuple[Case, ...]:
        return tuple(sorted(self.cases, key=lambda case: (case.added, case.id), reverse=True)[:count])


def unexpected_entries(data_dir: Path, base: Path) -> list[Problem]:
    """Only plain YAML files, in their two folders, may live under data/."""
    return list(tree_problems(data_dir, _shown(data_dir, base), _data_file_problem))


def _data_file_problem(path: Path) -> Message | None:
    if path.suffix != ".yaml" and path.name != "README.md":
        return msg("data.unexpected_file")
    if path.suffix == ".yaml" and path.parent.name not in (CASES_DIR, VOCAB_DIR, COLLECTIONS_DIR, TRANSLATIONS_DIR):
        return msg("data.yaml_folder")
    return None


def data_files(data_dir: Path) -> list[Path]:
    """The files the catalog reads, in a stable order."""
    cases = sorted((data_dir / CASES_DIR).glob("*.yaml"))
    collections = sorted((data_dir / COLLECTIONS_DIR).glob("*.yaml"))
    translations = sorted((data_dir / TRANSLATIONS_DIR).glob("*.yaml"))
    return [data_dir / VOCAB_DIR / name for name in VOCAB_FILES] + cases + collections + translations


def input_files(data_dir: Path) -> list[Path]:
    """What a build's pages are made from: the data files, and mkdocs.yml (the languages)."""
    return [*data_files(data_dir), data_dir.parent / CONFIG_FILE]


def fingerprint(data_dir: Path, files: Snapshot) -> str:
    """A digest of input_files, read through `files` (which keeps them for the build, or not)."""
    digest = hashlib.sha256()
    for path in input_files(data_dir):
        digest.update(str(path).encode())
        digest.update(files.bytes_or(path, b"<missing>"))
    return digest.hexdigest()


def build_catalog(
    data_dir: Path,
    shown_from: Path | None = None,
    only: list[Path] | None = None,
    workers: int | None = None,
    cache: ServeCache | None = None,
    files: Snapshot | None = None,
) -> Catalog:
    """Load the vocabularies and the case records under data_dir (or just `only`).

    Raises DataError with every problem found. `workers`: processes that load
    the records (parallel.fork_imap). Collections are read with the whole
    casebook, or when `only` names one (then with every case, which they refer to).
    `cache`: while serving, the records loaded by the last build (incremental.py).
    `files`: the files as this build read them (snapshot.py); by default each is read when loaded.
    """
    base = shown_from or data_dir.parent
    files = files or Snapshot()
    languages = read_languages(data_dir, files)
    problems = unexpected_entries(data_dir, base)
    vocab, found, documents = _load_vocabularies(data_dir, base, languages.codes, files)
    if cache is not None:  # the last build's objects while unchanged: what was worked out from them is kept
        languages, vocab = cache.same(languages), cache.vocabularies(vocab)
    problems += found
    records: list[Record] = []
    collection_paths, case_paths = _split(data_dir, only)
    # Never read through a link or a pipe: unexpected_entries reports them.
    records_to_load = [(path, _shown(path, base)) for path in case_paths if not path.is_symlink() and path.is_file()]
    loaded = _load_records(records_to_load, vocab, languages.codes, workers, cache, files)
    for (path, shown_as), result in zip(records_to_load, loaded, strict=True):
        problems += result.problems
        if result.case is not None:
            records.append(Record(result.case, shown_as, result.raw, path.stem))
    if vocab is not None:
        problems += check_across(tuple(records), vocab)
    cases = tuple(record.case for record in sorted(records, key=lambda r: r.case.id))
    digests = {record.case.id: digest(record.raw) for record in records}
    if vocab is not None and only is None and not problems:  # the whole casebook, each record valid
        problems += vocabulary_problems(cases, vocab, documents)
    # A case that did not load would make every collection naming it wrong too:
    # their rules wait until the cases load (the collections are still validated).
    known = None if problems else {case.id: case for case in cases}
    collections, found = _load_collections(collection_paths, base, known, languages.codes, files)
    problems += found
    if problems or vocab is None:
        raise DataError(problems)
    return Catalog(cases, vocab, collections, languages=languages, digests=digests)


def _split(data_dir: Path, only: list[Path] | None) -> tuple[list[Path], list[Path]]:
    """(collection files, case files) to read: all, or those `only` names (a preview names cases)."""
    every_case = sorted((data_dir / CASES_DIR).glob("*.yaml"))
    if only is None:
        return sorted((data_dir / COLLECTIONS_DIR).glob("*.yaml")), every_case
    collections = sorted(path for path in only if path.parent.name == COLLECTIONS_DIR)
    cases = sorted(path for path in only if path.parent.name != COLLECTIONS_DIR)
    return collections, (every_case if collections else cases)


def _load_collections(
    paths: list[Path], base: Path, cases: dict[str, Case] | None, languages: tuple[str, ...], files: Snapshot
) -> tuple[tuple[Collection, ...], list[Problem]]:
    problems: list[Problem] = []
    collections = []
    for path in paths:
        if path.is_symlink() or not path.is_file():
            continue  # reported by unexpected_entries; never read through a link
        shown_as = _shown(path, base)
        raw, found = read_file(path, shown_as, files)
        document, found = load_bytes(raw, shown_as) if raw is not None else (None, found)
        problems += found
        if document is None or raw is None:
            continue
        collection, found = validate(Collection, document, languages=languages)
        problems += found
        if collection is not None:
            if cases is not None:
                problems += check_collection(CollectionRecord(collection, shown_as, raw, path.stem), cases)
            collections.append(collection)
    return tuple(sorted(collections, key=lambda collection: collection.id)), problems


def _shown(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _load_records(
    files: list[tuple[Path, str]],
    vocab: Vocabularies | None,
    languages: tuple[str, ...],
    workers: int | None,
    cache: ServeCache | None,
    snapshot: Snapshot,
) -> Iterator[LoadedRecord]:
    """Each file (path, shown as) loaded, in order: from the cache when it has the file as it is now."""
    if cache is None:  # each worker reads its records: their bytes are not kept
        yield from fork_imap(functools.partial(_load_record, vocab=vocab, languages=languages), files, workers)
        return
    load = functools.partial(_load_record, vocab=vocab, languages=languages, files=snapshot)
    kept = {path: cache.loaded(path, snapshot.bytes_or(path, None), vocab) for path, _ in files}
    changed = [file for file in files if kept[file[0]] is None]
    for (path, _), result in zip(changed, fork_imap(load, changed, workers), strict=True):
        cache.keep(path, result)
        kept[path] = result
    for path, _ in files:
        if (loaded := kept[path]) is not None:
            yield loaded


def _load_record(
    file: tuple[Path, str], vocab: Vocabularies | None, languages: tuple[str, ...], files: Snapshot | None = None
) -> LoadedRecord:
    """Reads (from `files` if given), parses, validates and checks one record file (path,
    shown as): what runs in the worker processes."""
    path, shown_as = file
    raw, problems = read_file(path, shown_as, files)
    if raw is None:
        return LoadedRecord(b"", None, problems)
    document, problems = load_bytes(raw, shown_as)
    if document is None:
        return LoadedRecord(raw, None, problems)
    case, problems = validate(Case, document, languages=languages)
    if case is None:
        return LoadedRecord(raw, None, problems)
    if vocab is not None:
        problems = check_record(Record(case, shown_as, raw, path.stem), vocab)
    return LoadedRecord(raw, case, problems)


def _load_vocabularies(
    data_dir: Path, base: Path, languages: tuple[str, ...], files: Snapshot | None = None
) -> tuple[Vocabularies | None, list[Problem], dict[str, Document]]:
    """The vocabularies (None if any has problems), their problems, and each one's document (its lines)."""
    problems: list[Problem] = []
    fields: dict[str, object] = {}
    documents: dict[str, Document] = {}
    for name, field in VOCAB_FILES.items():
        path = data_dir / VOCAB_DIR / name
        shown_as = _shown(path, base)
        if path.is_symlink():
            continue  # reported by unexpected_entries; never read through a link
        if not path.is_file():
            problems.append(Problem(shown_as, 1, 1, "", msg("vocab.missing")))
            continue
        document, found = load_file(path, shown_as, files)
        problems += found
        if document is None:
            continue
        documents[field] = document
        data = document.data
        if set(data) != {field}:
            problems.append(Problem(shown_as, 1, 1, "", msg("vocab.top_key", field=field)))
            continue
        model = typing.get_args(Vocabularies.model_fields[field].annotation)[0]  # tuple[Theme, ...] -> Theme
        items: list[tuple[int, Any]] = []
        for index, item in enumerate(data[field] or []):
            entry, found = validate(model, document, item, at=(field, index), languages=languages)
            problems += found
            if entry:
                items.append((index, entry))
        problems += _duplicate_keys(items, document, field)
        problems += _catch_all_units(items, document) if field == "units" else []
        fields[field] = tuple(entry for _, entry in items)
    if problems:
        return None, problems, documents
    return Vocabularies.model_validate(fields), [], documents


def _duplicate_keys(items: list[tuple[int, Any]], document: Document, field: str) -> list[Problem]:
    """Every repeat of a key (cities too: one namespace), at the repeat, naming the first."""
    first: dict[str, FieldPath] = {}
    problems = []
    keyed: list[tuple[FieldPath, str]] = [((field, index, "key"), item.key) for index, item in items]
    for index, item in items:
        keyed += [((field, index, "cities", n, "key"), city.key) for n, city in enumerate(getattr(item, "cities", ()))]
    for parts, key in sorted(keyed, key=lambda pair: document.position(pair[0])):
        if key in first:
            line = document.position(first[key])[0]
            problems.append(_at(document, parts, msg("vocab.duplicate_key", key=key, line=line)))
        first.setdefault(key, parts)
    return problems


# English plurals that say nothing of what is counted (a review finding: 18 banners, not 18 units).
CATCH_ALL_UNITS = frozenset({"units", "items", "pieces", "things"})


def _catch_all_units(items: list[tuple[int, Any]], document: Document) -> list[Problem]:
    return [
        _at(
            document,
            ("units", index, "en_other"),
            msg("vocab.catch_all_unit", unit=unit.en_other, examples=Listed(("lifts", "sets", "parking spaces"))),
        )
        for index, unit in items
        if unit.en_other.casefold() in CATCH_ALL_UNITS
    ]


def _at(document: Document, parts: FieldPath, message: Message) -> Problem:
    line, column = document.position(parts)
    return Problem(document.path, line, column, field_path(parts), message)
