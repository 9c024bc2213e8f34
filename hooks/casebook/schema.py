"""The JSON Schema of a case record, made from the model: for editors, and published with the open data."""

from __future__ import annotations

import json

from .model import Case


def schema_text() -> str:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Casebook case record 案例记录"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
