"""The committed JSON Schemas as editors use them: regexes are ECMA-262 (JavaScript, Unicode mode).

Python's `re` accepts patterns that JavaScript refuses (`[^\\"]`: "Invalid escape"),
so the schemas are checked here with regress, the ECMA-262 engine that
check-jsonschema uses: against their metaschema (every `pattern` must be a valid
ECMA regex) and with every real record and collection validated by them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import regress
from jsonschema.protocols import Validator

from casebook.loader import load_file

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {"cases": ROOT / "schema" / "case.schema.json", "collections": ROOT / "schema" / "collection.schema.json"}
ECMA_FORMATS = jsonschema.FormatChecker(())


@ECMA_FORMATS.checks("regex", raises=regress.RegressError)
def _is_ecma_regex(instance: object) -> bool:
    if isinstance(instance, str):
        regress.Regex(instance, flags="u")
    return True


def _ecma_pattern(validator: Validator, pattern: str, instance: object, schema: dict) -> Iterator[Any]:
    if isinstance(instance, str) and regress.Regex(pattern, flags="u").find(instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


EcmaValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})


def _metaschema_errors(schema: dict) -> list[str]:
    checker = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA, format_checker=ECMA_FORMATS)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in checker.iter_errors(schema)]


@pytest.mark.parametrize("kind", SCHEMAS)
def test_schema_passes_its_metaschema_with_ecma_regexes(kind: str) -> None:
    assert _metaschema_errors(json.loads(SCHEMAS[kind].read_text("utf-8"))) == []


def test_the_check_refuses_a_pattern_javascript_refuses() -> None:
    """The escape the case schema once had: valid in Python, `Invalid escape` in JavaScript's Unicode mode."""
    assert _metaschema_errors({"type": "string", "pattern": r"^[^\s<>\"]*$"}) == [
        "pattern: '^[^\\\\s<>\\\\\"]*$' is not a 'regex'"
    ]


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "data" / "cases").glob("*.yaml")) + sorted((ROOT / "data" / "collections").glob("*.yaml")),
    ids=lambda path: path.name,
)
def test_every_record_passes_its_schema_with_ecma_regexes(path: Path) -> None:
    document, problems = load_file(path, path.name)
    assert problems == [] and document is not None
    schema = json.loads(SCHEMAS[path.parent.name].read_text("utf-8"))
    # As an editor sees the file: lists as arrays, dates as the text written.
    data = json.loads(json.dumps(document.data, default=str))
    errors = EcmaValidator(schema, format_checker=ECMA_FORMATS).iter_errors(data)
    assert [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors] == []


def test_the_ecma_validator_can_refuse_a_record() -> None:
    schema = json.loads(SCHEMAS["cases"].read_text("utf-8"))
    url = schema["$defs"]["Source"]["properties"]["url"]["anyOf"][0]
    errors = list(EcmaValidator(url).iter_errors("https://example.org/a b"))
    assert [error.message for error in errors] == [f"'https://example.org/a b' does not match {url['pattern']!r}"]
