"""The JSON Schemas of a case record and a workshop collection, made from the models and the
configured languages: for editors, and (the case's) published with the open data."""

from __future__ import annotations

import json
from typing import Any

from .collection import Collection
from .languages import Languages, shipped
from .model import LANGS, Case

TEXT_MODELS = ("Name", "Text")  # the models of a text in every language (model._Bilingual)


def schema_text(languages: Languages | None = None) -> str:
    schema = _with_languages(Case.model_json_schema(), languages or shipped())
    return _schema_json(schema, "Casebook case record 案例记录")


def collection_schema_text(languages: Languages | None = None) -> str:
    schema = _with_languages(Collection.model_json_schema(), languages or shipped())
    return _schema_json(schema, "Casebook workshop collection 培训选集")


def _with_languages(schema: dict[str, Any], languages: Languages) -> dict[str, Any]:
    """A text's keys are the configured languages, each completed by editors, and no others
    (the model admits any key and checks it against the configuration it is given)."""
    for name in TEXT_MODELS:
        text = schema["$defs"][name]
        text["additionalProperties"] = False
        for language in languages.all:
            if language.code not in LANGS:
                text["properties"][language.code] = text["properties"]["en"] | {"description": language.name}
    return schema


def _schema_json(schema: dict, title: str) -> str:
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
