"""Bar charts as static SVG, drawn at build time with matplotlib: no JavaScript needed to see them.

Readable in greyscale and in print: one dark fill, every bar labelled with its value, no
meaning carried by colour. Text stays text in the SVG (svg.fonttype "none"), drawn by the
reader's own fonts, so Chinese labels need no font on the build machine; matplotlib does not
measure them, so the label margin is worked out here from the characters' widths.
"""

from __future__ import annotations

import functools
import io
import unicodedata
import warnings
from collections.abc import Sequence
from typing import Any

import matplotlib
from matplotlib.typing import RcKeyType

matplotlib.use("Agg")  # no display: files only

from matplotlib import pyplot

FONT_SIZE = 10  # points
BAR_FILL = "#333333"  # dark grey: reads the same in colour, in greyscale and on paper
WIDTH_IN = 7.0
BAR_IN = 0.32  # height per bar
_STYLE: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "casebook",  # ids in the SVG the same in every build
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: the same layout everywhere
    "font.size": FONT_SIZE,
}


def bar_chart(labels: Sequence[str], values: Sequence[float], value_labels: Sequence[str]) -> str:
    """A horizontal bar chart, first label at the top, as SVG text."""
    return _bar_chart(tuple(labels), tuple(values), tuple(value_labels))


# While serving, a rebuild draws again only a chart whose bars changed (a second each with matplotlib).
@functools.lru_cache(maxsize=32)
def _bar_chart(labels: tuple[str, ...], values: tuple[float, ...], value_labels: tuple[str, ...]) -> str:
    with matplotlib.rc_context(_STYLE):
        height = BAR_IN * max(len(labels), 1) + 0.5
        figure, axes = pyplot.subplots(figsize=(WIDTH_IN, height))
        try:
            positions = range(len(labels))
            axes.barh(positions, values, color=BAR_FILL, height=0.6)
            axes.set_yticks(list(positions), list(labels))
            axes.invert_yaxis()
            axes.set_xlim(0, (max(values, default=0) or 1) * 1.35)  # room for the value labels
            for position, value, text in zip(positions, values, value_labels, strict=True):
                axes.annotate(text, (value, position), xytext=(4, 0), textcoords="offset points", va="center")
            axes.xaxis.set_visible(False)
            for side in ("top", "right", "bottom"):
                axes.spines[side].set_visible(False)
            left = (_text_width_in(labels) + 0.25) / WIDTH_IN
            figure.subplots_adjust(left=min(left, 0.6), right=0.98, top=1 - 0.2 / height, bottom=0.3 / height)
            out = io.StringIO()
            with warnings.catch_warnings():  # CJK glyphs are not in DejaVu Sans: the reader's fonts draw them
                warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
                figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            pyplot.close(figure)
    return out.getvalue()


def _text_width_in(labels: Sequence[str]) -> float:
    """The widest label in inches: wide (CJK) characters take one em, others about 0.6."""

    def ems(text: str) -> float:
        return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6 for char in text)

    return max((ems(label) for label in labels), default=0) * FONT_SIZE / 72
