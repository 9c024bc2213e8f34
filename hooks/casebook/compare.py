"""The compare page's data: one small JSON file per case and language, fetched only for the
cases a reader picks (two to four), so the page stays small at any casebook size.

Every value is plain text formatted here as the case page writes it (figures with their
qualifier, period and source); the page's script puts it in with textContent, never as HTML.
A figure the sources do not give is null, which the page shows as "not given", never 0.
"""

from __future__ import annotations

import json
from typing import Any

from .catalog import Catalog
from .languages import Languages
from .memo import per_record_in
from .model import PROFILE_FIGURES, Case, Figure
from .render import COMPARE_PAGE, View
from .vocab import Vocabularies


def compare_files(catalog: Catalog) -> dict[str, bytes]:
    """Path under the site folder -> JSON, for every case in each language."""
    files: dict[str, bytes] = {}
    for language in catalog.languages.all:
        view = View(catalog, language.code, COMPARE_PAGE)
        context = (catalog.vocab, catalog.languages, language.code)
        for case in catalog.cases:
            files[f"{language.prefix}compare/{case.id}.json"] = _case_file(context, case, view)
    return files


@per_record_in
def _case_file(context: tuple[Vocabularies, Languages, str], case: Case, view: View) -> bytes:
    """The case's JSON in the view's language, once per record object while the vocabularies
    and languages stay (memo.py): what it shows comes from them and the record alone."""
    return json.dumps(case_data(view, case), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def case_data(view: View, case: Case) -> dict[str, Any]:
    view.for_case(case)
    url = view.link(f"cases/{case.id}")
    themes = {theme for practice in case.practices for theme in practice.themes}
    groups = {group.key: group.label for group in view.catalog.vocab.ethnic_groups}
    return {
        "id": case.id,
        "name": view.plain(case.name),
        "url": str(url),
        "place": " · ".join(_plain_place(view, case)),
        "figures": {field: _figure(view, case, url, getattr(case.profile, field)) for field in PROFILE_FIGURES},
        # The profile's other figures: the page puts those with the same label and unit in one row.
        "others": [
            {"label": view.plain(other.label), "unit": other.unit, **_given(view, case, url, other)}
            for other in case.profile.others
        ],
        "ethnic_groups": [view.plain(groups[key]) for key in case.profile.ethnic_groups],
        "themes": [
            {"key": t.key, "label": view.plain(t.label), "rank": rank}
            for rank, t in enumerate(view.catalog.vocab.themes)
            if t.key in themes
        ],
        "practices": [
            {"title": view.plain(p.title), "url": f"{url}#{p.id}", "themes": list(p.themes)} for p in case.practices
        ],
    }


def _plain_place(view: View, case: Case) -> list[str]:
    where = case.location
    regions = {region.key: region.label for region in view.catalog.vocab.regions}
    cities = {key: city.label for key, (_, city) in view.catalog.vocab.cities().items()}
    names = [regions.get(where.region or ""), cities.get(where.city or ""), where.district, where.subdistrict]
    return [view.plain(name) for name in names if name]


def _figure(view: View, case: Case, url: str, figure: Figure | None) -> dict[str, str] | None:
    return None if figure is None else _given(view, case, url, figure)


def _given(view: View, case: Case, url: str, figure: Figure) -> dict[str, str]:
    when = [view.plain(figure.period)] if figure.period else []
    if figure.as_of:
        when.append(f"{view.ui['as_of']} {figure.as_of.isoformat()}")
    source = next(source for source in case.sources if source.id == figure.source)
    return {
        "value": view.figure(figure),
        "when": "; ".join(when),
        "source": f"[{view.source_number(figure.source)}]",
        "source_title": f"{view.plain(source.publisher)}. {view.plain(source.title)}",
        "source_url": f"{url}#source-{figure.source}",
    }
