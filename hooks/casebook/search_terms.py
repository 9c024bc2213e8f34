"""Glossary terms that Chinese search keeps whole.

Material segments Chinese with jieba's global dictionary at build time. A
term added here becomes one token (then its parts are no longer found on
their own), so the glossary marks only terms people type whole.
"""

from __future__ import annotations

from .vocab import Vocabularies


def register_search_terms(vocab: Vocabularies) -> list[str]:
    import jieba  # here, not at the top: a missing jieba is reported by the build, not a traceback

    terms = sorted({entry.term.zh for entry in vocab.glossary if entry.search_whole and entry.term.zh})
    for term in terms:
        jieba.add_word(term)
    return terms
