"""The JSON Schemas of a case record and a workshop collection, made from the models:
for editors, and (the case's) published with the open data."""

from __future__ import annotations

import json

from .collection import Collection
from .model import Case


def schema_text() -> str:
    return _schema_json(Case.model_json_schema(), "Casebook case record 案例记录")


def collection_schema_text() -> str:
    return _schema_json(Collection.model_json_schema(), "Casebook workshop collection 培训选集")


def _schema_json(schema: dict, title: str) -> str:
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
