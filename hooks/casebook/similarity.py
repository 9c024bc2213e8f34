"""How closely a sentence of ours follows a source: the share of its word
trigrams (English) or character trigrams (Chinese) that the source sentence
also has.

Quoted names (“…”, 《…》, "…") are left out on both sides: a record must
quote a practice's name as the source writes it, and long names would
otherwise make any sentence that mentions them look copied.

The threshold was measured on the records against their articles
(docs/contribute.md): before the second content pass 24 of 166 sentences
scored 0.6 or more, among them every near-copy the review named (0.61–0.83);
after it none of 219 does (highest 0.59), and sentences of plain facts (name,
area, households) written our own way score about 0.5. Traditional and
Simplified characters are not unified, so a Simplified record measured
against a Traditional article scores lower (Qingquanjie: 0.53 at most once
the article's characters were converted).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

NEAR_COPY = 0.6
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"")
CHINESE_SENTENCE_END = re.compile(r"[。；！？;!?\n]")
ENGLISH_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n")
HAN = re.compile(r"[\u3400-\u9fff]")
MIN_TRIGRAMS = 6  # shorter sentences ("社区还组建了舞蹈队。") say too little to judge


@dataclass(frozen=True)
class Match:
    sentence: str
    passage: str
    score: float


def sentences(text: str) -> list[str]:
    """Sentences of a text, Chinese or English, as the similarity is measured over them."""
    splitter = CHINESE_SENTENCE_END if HAN.search(text) else ENGLISH_SENTENCE_END
    return [part.strip() for part in splitter.split(text) if part.strip()]


@functools.lru_cache(maxsize=4096)  # a record's evidence passages are compared with each of its sentences
def trigrams(sentence: str) -> frozenset[tuple[str, ...] | str]:
    text = QUOTED.sub(" ", sentence)
    if HAN.search(text):
        chars = re.sub(r"[^\u3400-\u9fff0-9A-Za-z]", "", text)
        return frozenset(chars[i : i + 3] for i in range(len(chars) - 2))
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def closest(sentence: str, passages: Iterable[str]) -> Match | None:
    """The passage this sentence follows most closely, or None if it is too short to judge."""
    ours = trigrams(sentence)
    if len(ours) < MIN_TRIGRAMS:
        return None
    best = Match(sentence, "", 0.0)
    for passage in passages:
        score = len(ours & trigrams(passage)) / len(ours)
        if score > best.score:
            best = Match(sentence, passage, score)
    return best


def near_copies(text: str, passages: Iterable[str], threshold: float = NEAR_COPY) -> Iterator[Match]:
    """Sentences of `text` that follow one of `passages` at least as closely as `threshold`."""
    source = [sentence for passage in passages for sentence in sentences(passage)]
    for sentence in sentences(text):
        match = closest(sentence, source)
        if match and match.score >= threshold:
            yield match
