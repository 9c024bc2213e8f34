"""Translation state of every text: original, reviewed, machine, draft, missing or stale."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from .collection import Collection
from .model import Bilingual, Case
from .problems import field_path
from .rules import record_texts

State = Literal["original", "reviewed", "machine", "draft", "missing", "stale"]
STATES: tuple[State, ...] = ("original", "reviewed", "machine", "draft", "missing", "stale")
NEEDS_WORK: frozenset[State] = frozenset({"machine", "draft", "missing", "stale"})
Translated = Case | Collection  # records whose texts carry a translation state


def fingerprint(text: str) -> str:
    """Eight hex digits of SHA-256 over the text with its whitespace normalised."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class TextState:
    case_id: str
    field: str
    lang: str
    state: State


def text_state(case: Translated, text: Bilingual, lang: str) -> State:
    original = case.translation.text_lang
    if lang == original:
        return "original" if text.get(lang) else "missing"
    if not text.get(lang):
        return "missing"
    source = text.get(original)
    if text.reviewed and source and text.reviewed != fingerprint(source):
        return "stale"
    return case.translation.state


def case_states(case: Translated, langs: tuple[str, ...]) -> list[TextState]:
    return [state for state, _ in stated_texts(case, langs)]


def stated_texts(case: Translated, langs: tuple[str, ...]) -> list[tuple[TextState, Bilingual]]:
    """Each text of the record in each of the languages, with its state."""
    return [
        (TextState(case.id, field, lang, text_state(case, text, lang)), text)
        for field, text in ((field_path(path), text) for path, text in record_texts(case))
        for lang in langs
    ]


def counts(states: list[TextState], langs: tuple[str, ...]) -> dict[str, Counter[State]]:
    result: dict[str, Counter[State]] = {lang: Counter() for lang in langs}
    for item in states:
        result[item.lang][item.state] += 1
    return result
