"""Related cases: for each case, the few others whose practices cover the most of the same ground.

Ranking, most related first:
1. the number of themes the two cases share (a theme is shared when a practice of each is under it);
2. the number of practices that pair up under a shared theme (per theme, the smaller of the two
   cases' practice counts, summed): two cases with several practices each on a theme are closer
   than two with one each;
3. the same province-level region;
4. the case id, so that equal cases come in the same order in every build.
A case that shares no theme is never listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .model import Case

LIMIT = 5
# Rows of the case-by-case scores worked out at once: 256 rows of 5,000 cases are a few
# 10 MB arrays; the whole matrix (200 MB at 5,000 cases) is never held.
_BLOCK = 256


@dataclass(frozen=True)
class Related:
    case: Case
    themes: tuple[str, ...]  # the shared theme keys, in vocabulary order


def related_cases(
    cases: Sequence[Case], theme_keys: Sequence[str], limit: int = LIMIT
) -> dict[str, tuple[Related, ...]]:
    """Up to `limit` related cases for each case id of `cases` (sorted by id)."""
    counts = _practices_per_theme(cases, theme_keys)
    # min(a, b) is the number of levels k = 1, 2, … that both a and b reach, so the practices
    # paired under shared themes are one matrix product of the levels side by side (level 1
    # alone counts the shared themes): no case-by-case-by-theme array is ever made.
    top = int(counts.max(initial=0))
    levels = np.hstack([(counts >= level) for level in range(1, top + 1)] or [counts > 0]).astype(np.float32)
    region_keys = {
        key: index for index, key in enumerate(sorted({c.location.region for c in cases if c.location.region}))
    }
    regions = np.array([region_keys.get(case.location.region or "", -1) for case in cases])
    related: dict[str, tuple[Related, ...]] = {}
    for start in range(0, len(cases), _BLOCK):
        rows = np.arange(start, min(start + _BLOCK, len(cases)))
        score = _scores(rows, levels, len(theme_keys), regions)
        best = _best(score, limit)
        for offset, row in enumerate(rows.tolist()):
            related[cases[row].id] = tuple(
                Related(
                    cases[other],
                    tuple(key for key, a, b in zip(theme_keys, counts[row], counts[other], strict=True) if a and b),
                )
                for other in best[offset]
            )
    return related


def _practices_per_theme(cases: Sequence[Case], theme_keys: Sequence[str]) -> np.ndarray:
    column = {key: index for index, key in enumerate(theme_keys)}
    counts = np.zeros((len(cases), len(theme_keys)), dtype=np.int32)
    for row, case in enumerate(cases):
        for practice in case.practices:
            for theme in practice.themes:
                counts[row, column[theme]] += 1
    return counts


def _scores(rows: np.ndarray, levels: np.ndarray, themes: int, regions: np.ndarray) -> np.ndarray:
    """One number per pair (rows by all cases) that orders by the four keys at once: higher is
    more related and no two are equal; -1 where the cases share no theme or are the same case."""
    cases = len(regions)
    # float32 sums of 0/1 products are exact integers (far below 2**24).
    themes_shared = (levels[rows, :themes] @ levels[:, :themes].T).astype(np.int64)
    paired = (levels[rows] @ levels.T).astype(np.int64)
    same_region = (regions[rows, None] == regions[None, :]) & (regions[rows, None] >= 0)
    most_paired = int(levels.sum(axis=1).max(initial=0)) + 1
    score = ((themes_shared * most_paired + paired) * 2 + same_region) * cases + (cases - 1 - np.arange(cases))[None, :]
    score[themes_shared == 0] = -1
    score[np.arange(len(rows)), rows] = -1
    return score


def _best(score: np.ndarray, limit: int) -> list[list[int]]:
    """Per row, the column indexes of the `limit` highest scores above -1, highest first."""
    if score.shape[1] > limit:
        top = np.argpartition(score, -limit, axis=1)[:, -limit:]
    else:
        top = np.broadcast_to(np.arange(score.shape[1]), score.shape)
    chosen = np.take_along_axis(score, top, axis=1)
    order = np.argsort(-chosen, axis=1)
    top, chosen = np.take_along_axis(top, order, axis=1), np.take_along_axis(chosen, order, axis=1)
    return [
        [int(index) for index, value in zip(row, values, strict=True) if value >= 0]
        for row, values in zip(top, chosen, strict=True)
    ]
