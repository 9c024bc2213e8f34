"""Open data: every record as JSON, cases and practices as CSV tables, written beside the site.

The files are the same in both languages (each CSV has a column per language) and are
published once, at /data/. URLs in them are relative to the site's address, which the
generator does not know. Texts and data are CC BY 4.0 (LICENSE-DATA.md); the quoted
evidence passages stay their publishers' words, which the JSON's `license` says too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .catalog import Catalog
from .memo import per_record, per_record_in
from .model import LANGS, PROFILE_FIGURES, Case, Figure, LabelledFigure, Name, Text
from .schema import schema_text
from .vocab import Vocabularies

FOLDER = "data"
SCHEMA_FILE = "case.schema.json"
FIGURE_PARTS = ("value", "unit", "qualifier", "period_zh", "period_en", "as_of", "source", "evidence")
# A labelled figure (a practice's outcome, a profile's other figure) says what it counts first.
LABELLED_PARTS = ("label_zh", "label_en", *FIGURE_PARTS)
LICENSE = {
    "id": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "file": "LICENSE-DATA.md",
    "note": "Texts and data are licensed under CC BY 4.0. The quoted evidence passages (`evidence`) remain "
    "their publishers' words, quoted for evidence, and are not under this licence.",
}
# A cell starting with one of these is a formula to spreadsheet software: contributor
# text is never one (OWASP's advice on CSV injection: a leading apostrophe).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV file as the system's legacy code page unless it starts with a byte-order mark.
CSV_ENCODING = "utf-8-sig"

CASE_COLUMNS = (
    "id", "name_zh", "name_en",
    "region", "region_zh", "region_en", "city", "city_zh", "city_en",
    "district_zh", "district_en", "subdistrict_zh", "subdistrict_en",
    *(f"{field}_{part}" for field in PROFILE_FIGURES for part in FIGURE_PARTS),
    "ethnic_groups", "themes", "practices", "honours", "sources",
    "original_language", "translation_state", "added", "updated", "url_zh", "url_en",
)  # fmt: skip
PRACTICE_COLUMNS = (
    "case_id", "practice_id", "title_zh", "title_en", "themes",
    "description_zh", "description_en", "figures", "url_zh", "url_en",
)  # fmt: skip
OTHER = "other"  # cases.csv: a profile's other figures, other_1_… other_<n>_…
FIGURE = "figure"  # practices.csv: a practice's outcome figures, figure_1_… figure_<n>_…


def open_data_files(catalog: Catalog) -> dict[str, bytes]:
    """Path under the site folder -> content, for every open-data file. Each case's lines are
    worked out once per record object (memo.py): a served rebuild redoes only the changed ones."""
    others = max((len(case.profile.others) for case in catalog.cases), default=0)
    figures = max((len(practice.figures) for case in catalog.cases for practice in case.practices), default=0)
    case_columns = CASE_COLUMNS + labelled_columns(OTHER, others)
    practice_columns = PRACTICE_COLUMNS + labelled_columns(FIGURE, figures)
    return {
        f"{FOLDER}/cases.json": cases_json(catalog).encode("utf-8"),
        f"{FOLDER}/{SCHEMA_FILE}": schema_text(catalog.languages).encode("utf-8"),
        f"{FOLDER}/cases.csv": _table(
            case_columns, (_case_lines((catalog.vocab, case_columns), case) for case in catalog.cases)
        ),
        f"{FOLDER}/practices.csv": _table(
            practice_columns, (_practice_lines(practice_columns, case) for case in catalog.cases)
        ),
    }


def labelled_columns(prefix: str, count: int) -> tuple[str, ...]:
    """Columns for up to `count` labelled figures a row: as many as the row with the most has."""
    return tuple(f"{prefix}_{number}_{part}" for number in range(1, count + 1) for part in LABELLED_PARTS)


def cases_json(catalog: Catalog) -> str:
    """All records as the model holds them (each valid against case.schema.json), one record a
    line, after the vocabularies their keys refer to (units, qualifiers, themes, places …)."""
    records = [_case_json(case) for case in catalog.cases]
    vocabularies = json.dumps(catalog.vocab.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
    license = json.dumps(LICENSE, ensure_ascii=False)
    head = (
        f'{{"schema": {json.dumps(SCHEMA_FILE)}, "count": {len(records)},\n"license": {license},\n'
        f'"vocabularies": {vocabularies},\n"cases": [\n'
    )
    return head + ",\n".join(records) + "\n]}\n"


@per_record
def _case_json(case: Case) -> str:
    return json.dumps(case.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def _table(columns: tuple[str, ...], lines: Iterable[str]) -> bytes:
    """A CSV file: the header, then each case's lines."""
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n").writeheader()
    return (out.getvalue() + "".join(lines)).encode(CSV_ENCODING)


def _csv_lines(columns: tuple[str, ...], rows: Iterable[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


@per_record_in
def _case_lines(context: tuple[Vocabularies, tuple[str, ...]], case: Case) -> str:
    vocab, columns = context
    return _csv_lines(columns, [_case_row(vocab, case)])


@per_record_in
def _practice_lines(columns: tuple[str, ...], case: Case) -> str:
    return _csv_lines(columns, _practice_rows(case))


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _both(prefix: str, value: Name | Text | None) -> dict[str, str | None]:
    return {f"{prefix}_{lang}": value.get(lang) if value else None for lang in LANGS}


def _case_row(vocab: Vocabularies, case: Case) -> dict[str, object]:
    where = case.location
    regions = {region.key: region.label for region in vocab.regions}
    cities = {key: city.label for key, (_, city) in vocab.cities().items()}
    row: dict[str, object] = {"id": case.id, **_both("name", case.name)}
    row |= {"region": where.region, **_both("region", regions.get(where.region or ""))}
    row |= {"city": where.city, **_both("city", cities.get(where.city or ""))}
    row |= _both("district", where.district) | _both("subdistrict", where.subdistrict)
    for field in PROFILE_FIGURES:
        row |= _figure(field, getattr(case.profile, field))
    themes = {theme for practice in case.practices for theme in practice.themes}
    row |= {
        "ethnic_groups": ";".join(case.profile.ethnic_groups),
        "themes": ";".join(theme.key for theme in vocab.themes if theme.key in themes),
        "practices": len(case.practices),
        "honours": len(case.honours),
        "sources": len(case.sources),
        "original_language": case.translation.original,
        "translation_state": case.translation.state,
        "added": case.added.isoformat(),
        "updated": case.updated.isoformat(),
        "url_zh": f"cases/{case.id}/",
        "url_en": f"en/cases/{case.id}/",
    }
    return row | _labelled(OTHER, case.profile.others)


def _figure(field: str, figure: Figure | None) -> dict[str, object]:
    if figure is None:
        return {f"{field}_{part}": None for part in FIGURE_PARTS}
    return {
        f"{field}_value": figure.value,
        f"{field}_unit": figure.unit,
        f"{field}_qualifier": figure.qualifier,
        **{f"{field}_period_{lang}": figure.period.get(lang) if figure.period else None for lang in LANGS},
        f"{field}_as_of": figure.as_of.isoformat() if figure.as_of else None,
        f"{field}_source": figure.source,
        f"{field}_evidence": figure.evidence,
    }


def _labelled(prefix: str, figures: tuple[LabelledFigure, ...]) -> dict[str, object]:
    row: dict[str, object] = {}
    for number, figure in enumerate(figures, start=1):
        name = f"{prefix}_{number}"
        row |= _both(f"{name}_label", figure.label) | _figure(name, figure)
    return row


def _practice_rows(case: Case) -> Iterable[dict[str, object]]:
    for practice in case.practices:
        yield {
            "case_id": case.id,
            "practice_id": practice.id,
            **_both("title", practice.title),
            "themes": ";".join(practice.themes),
            **_both("description", practice.description),
            "figures": len(practice.figures),
            "url_zh": f"cases/{case.id}/#{practice.id}",
            "url_en": f"en/cases/{case.id}/#{practice.id}",
            **_labelled(FIGURE, practice.figures),
        }
