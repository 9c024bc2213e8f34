"""Figures written out per language: 5102户 / 5,102 households; 1.6万余人 / over 16,000 people."""

from __future__ import annotations

from .model import Figure, Lang
from .vocab import Vocabularies

# Written out: calendar.month_name follows the process locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

WAN = 10_000


def number(value: int | float, lang: Lang) -> str:
    if lang == "en":
        return f"{value:,}" if isinstance(value, int) else f"{value:,.{_decimals(value)}f}"
    return str(value) if isinstance(value, int) else f"{value:.{_decimals(value)}f}"


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


def figure(fig: Figure, lang: Lang, vocab: Vocabularies) -> str:
    unit = next(u for u in vocab.units if u.key == fig.unit)
    qualifier = next((q for q in vocab.qualifiers if q.key == fig.qualifier), None)
    if lang == "en":
        noun = unit.en_one if fig.value == 1 and not qualifier else unit.en_other
        amount = number(fig.value, "en")
        return f"{qualifier.en.format(n=amount) if qualifier else amount} {noun}"
    return _zh_amount(fig.value, qualifier.zh if qualifier else "{n}") + unit.zh


def _zh_amount(value: int | float, pattern: str) -> str:
    """Counts of ten thousand read as 万, as Chinese sources write them.

    A whole number of 万 from ten up keeps the qualifier before 万 (800余万),
    as the sources do; a fraction keeps it after (1.6万余).
    """
    if isinstance(value, int) and value >= WAN and value % 1000 == 0:
        wan = value / WAN
        if wan.is_integer() and wan >= 10:
            return pattern.format(n=int(wan)) + "万"
        return pattern.format(n=f"{wan:g}万")
    return pattern.format(n=number(value, "zh"))
