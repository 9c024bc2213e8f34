"""Rules of the whole casebook over its vocabularies: every theme is used, every glossary
term is used or says why it is listed. They run only when every record is read
(`casebook check` with no files, the build), never for a preview or a single file."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .loader import Document, FieldPath
from .model import Case
from .problems import Message, Problem, field_path, msg
from .rules import record_texts
from .vocab import GlossaryTerm, Vocabularies


def unused_themes(cases: tuple[Case, ...], vocab: Vocabularies) -> list[int]:
    """Positions in the theme vocabulary of themes no practice names: each would have an empty page."""
    used = {theme for case in cases for practice in case.practices for theme in practice.themes}
    return [index for index, theme in enumerate(vocab.themes) if theme.key not in used]


def unused_glossary_terms(cases: tuple[Case, ...], vocab: Vocabularies) -> list[int]:
    """Positions in the glossary of terms no record's text contains, and that do not say why they are listed."""
    zh = "\n".join(text.zh or "" for case in cases for _, text in record_texts(case))
    en = "\n".join(text.en or "" for case in cases for _, text in record_texts(case)).casefold()
    return [index for index, entry in enumerate(vocab.glossary) if entry.why is None and not _used(entry, zh, en)]


def _used(entry: GlossaryTerm, zh: str, en: str) -> bool:
    return bool(entry.term.zh and entry.term.zh in zh) or bool(entry.term.en and entry.term.en.casefold() in en)


def vocabulary_problems(
    cases: tuple[Case, ...], vocab: Vocabularies, documents: dict[str, Document]
) -> Iterator[Problem]:
    """Every unused theme and glossary term, at its key in its vocabulary file."""
    checks: tuple[tuple[str, Callable[[tuple[Case, ...], Vocabularies], list[int]], Callable[[str], Message]], ...] = (
        ("themes", unused_themes, lambda key: msg("vocab.theme_unused", key=key)),
        ("glossary", unused_glossary_terms, lambda key: msg("vocab.term_unused", key=key)),
    )
    for field, unused, message in checks:
        document = documents.get(field)
        if document is None:
            continue
        entries = getattr(vocab, field)
        for index in unused(cases, vocab):
            yield _at(document, (field, index, "key"), message(entries[index].key))


def _at(document: Document, parts: FieldPath, message: Message) -> Problem:
    line, column = document.position(parts)
    return Problem(document.path, line, column, field_path(parts), message)
