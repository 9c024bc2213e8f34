"""Model validation of loaded documents, with pydantic's errors placed on lines."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .collection import REF_PATTERN
from .loader import Document, FieldPath
from .model import ID_PATTERN
from .problems import Problem, field_path

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_type": "must be a date written YYYY-MM-DD",
    "model_type": "must be a mapping of field: value",
    "tuple_type": "must be a list",
    "string_too_short": "must not be empty",
}


def validate(model: type[M], document: Document, data: Any = None, at: FieldPath = ()) -> tuple[M | None, list[Problem]]:
    """Validate `data` (default: the whole document) found at field path `at`."""
    try:
        return model.model_validate(document.data if data is None else data), []
    except ValidationError as error:
        details = error.errors()
        return None, [_problem(document, at, detail) for detail in details if not _follows_from_items(detail, details)]


def _follows_from_items(detail: Any, details: list[Any]) -> bool:
    """pydantic adds 'too short' to a list whose items failed: only the items matter."""
    if detail["type"] != "too_short":
        return False
    loc = detail["loc"]
    return any(other["loc"][: len(loc)] == loc and len(other["loc"]) > len(loc) for other in details)


def _problem(document: Document, at: FieldPath, detail: Any) -> Problem:
    parts = _data_path(document, at, detail["loc"], detail["type"])
    line, column = document.position(parts)
    return Problem(document.path, line, column, field_path(parts), _message(detail))


def _data_path(document: Document, at: FieldPath, loc: tuple[Any, ...], kind: str) -> FieldPath:
    """Drop pydantic's union-branch names ('int', 'float', …) from a location."""
    parts: FieldPath = at
    for index, part in enumerate(loc):
        candidate = (*parts, part)
        last = index == len(loc) - 1
        if candidate in document.positions or isinstance(part, int) or (last and kind == "missing"):
            parts = candidate
    return parts


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "string_pattern_mismatch":
        if detail["ctx"]["pattern"] == ID_PATTERN:
            return "must be lowercase ASCII letters and digits joined by single hyphens (kebab-case)"
        if detail["ctx"]["pattern"] == REF_PATTERN:
            return "must be a case id, or a case id and a practice id joined by # (case-id#practice-id)"
        return "must be an http:// or https:// address with a host name"
    if kind == "string_too_long":
        return f"is too long (at most {detail['ctx']['max_length']} characters)"
    if kind == "too_long":
        return f"has too many items (at most {detail['ctx']['max_length']})"
    if kind == "too_short":
        return f"needs at least {detail['ctx']['min_length']} item(s)"
    if kind == "literal_error":
        return f"must be one of {detail['ctx']['expected']}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return detail["msg"].replace("Input should be", "must be")
    if kind == "value_error":
        return str(detail["ctx"]["error"])
    if kind in ("int_type", "float_type", "int_from_float") or detail["loc"][-1:] in (("int",), ("float",)):
        return "must be a number"
    return _MESSAGES.get(kind, detail["msg"])
