"""What the casebook holds: counts, and the data behind the overview page's three charts.

The charts are SVG files written beside the overview page in each language; the page shows
each with a text alternative and the same numbers as a table (templates/overview.md.j2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .charts import bar_chart
from .languages import Conventions
from .memo import per_record
from .model import Case, Figure, Name

if TYPE_CHECKING:
    from .catalog import Catalog


class View(Protocol):
    """What the charts need of a page language (render.View has it; render imports this module)."""

    @property
    def conventions(self) -> Conventions: ...

    @property
    def ui(self) -> Mapping[str, str]: ...

    def plain(self, value: Name) -> str: ...

    def figure(self, value: Figure) -> str: ...


PAGE = "overview/index"
RESIDENT_BARS = 15  # the cases with the most residents that the residents chart shows


@dataclass(frozen=True)
class Counts:
    cases: int
    practices: int
    regions: int
    themes: int
    ethnic_groups: int
    honours: int


@dataclass(frozen=True)
class Bar:
    label: Name | None  # None: the sources do not say (cases without a region)
    value: int | float
    case: Case | None = None
    figure: Figure | None = None


@dataclass(frozen=True)
class Overview:
    counts: Counts
    cases_by_region: tuple[Bar, ...]
    practices_by_theme: tuple[Bar, ...]
    residents: tuple[Bar, ...]  # the largest RESIDENT_BARS, most first
    residents_given: int  # cases whose profile gives residents


@per_record  # once per catalog: the pages, the home page's counts and the charts all read it
def overview(catalog: Catalog) -> Overview:
    cases = catalog.cases
    by_region = catalog.cases_by_region()
    regions = tuple(
        Bar(region.label, len(by_region[region.key])) for region in catalog.vocab.regions if region.key in by_region
    )
    unplaced = sum(1 for case in cases if not case.location.region)
    by_theme = catalog.practices_by_theme()
    themes = tuple(Bar(theme.label, len(by_theme[theme.key])) for theme in catalog.vocab.themes if by_theme[theme.key])
    with_residents = [case for case in cases if case.profile.residents]
    largest = sorted(with_residents, key=lambda case: (-case.profile.residents.value, case.id))[:RESIDENT_BARS]  # type: ignore[union-attr]
    counts = Counts(
        cases=len(cases),
        practices=sum(len(case.practices) for case in cases),
        regions=len(by_region),
        themes=len(themes),
        ethnic_groups=len({group for case in cases for group in case.profile.ethnic_groups}),
        honours=sum(len(case.honours) for case in cases),
    )
    return Overview(
        counts,
        tuple(sorted(regions, key=lambda bar: -bar.value)) + ((Bar(None, unplaced),) if unplaced else ()),
        tuple(sorted(themes, key=lambda bar: -bar.value)),
        tuple(Bar(case.name, case.profile.residents.value, case, case.profile.residents) for case in largest),  # type: ignore[union-attr]
        len(with_residents),
    )


CHARTS = ("cases-by-region", "practices-by-theme", "residents")


def chart_files(catalog: Catalog, views: Mapping[str, View]) -> dict[str, bytes]:
    """Path under the site folder -> SVG, for each chart in each language (a View per language)."""
    data = overview(catalog)
    files: dict[str, bytes] = {}
    for lang, view in views.items():
        for name, bars in zip(CHARTS, (data.cases_by_region, data.practices_by_theme, data.residents), strict=True):
            svg = bar_chart(
                [label(view, bar) for bar in bars], [bar.value for bar in bars], [shown(view, bar) for bar in bars]
            )
            files[f"{catalog.languages[lang].prefix}overview/{name}.svg"] = svg.encode("utf-8")
    return files


def label(view: View, bar: Bar) -> str:
    """A bar's label as plain text in the view's language."""
    return view.plain(bar.label) if bar.label else view.ui["region_unknown"]


def shown(view: View, bar: Bar) -> str:
    """A bar's value as the page writes it."""
    return view.figure(bar.figure) if bar.figure else f"{bar.value:,}" if view.conventions == "en" else str(bar.value)


def alt_text(view: View, title: str, bars: tuple[Bar, ...]) -> str:
    """The chart in words, for readers who do not see it."""
    items = view.ui["semicolon"].join(f"{label(view, bar)} {shown(view, bar)}" for bar in bars)
    return f"{title}{view.ui['colon']}{items}" if items else title
