"""Model validation of loaded documents, with pydantic's errors placed on lines."""

from __future__ import annotations

import functools
import typing
from typing import Any, TypeVar

from annotated_types import MaxLen
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .collection import REF_PATTERN
from .loader import Document, FieldPath
from .model import ID_PATTERN
from .problems import Problem, field_path

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_type": "must be a date written YYYY-MM-DD",
    "model_type": "must be a mapping of field: value",
    "tuple_type": "must be a list",
    "string_too_short": "must not be empty",
}


def validate(
    model: type[M], document: Document, data: Any = None, at: FieldPath = ()
) -> tuple[M | None, list[Problem]]:
    """Validate `data` (default: the whole document) found at field path `at`."""
    too_long: list[tuple[FieldPath, int]] = []
    # Lists cut to their limits before validation: each of thousands of items would add problems of its own.
    data = _cut_long_lists(model, document.data if data is None else data, at, too_long)
    problems = [_too_long(document, parts, limit) for parts, limit in too_long]
    try:
        valid = model.model_validate(data)
        return (None, problems) if problems else (valid, [])
    except ValidationError as error:
        details = error.errors()
        problems += [_problem(document, at, detail) for detail in details if not _follows_from_items(detail, details)]
        return None, problems


def _too_long(document: Document, parts: FieldPath, limit: int) -> Problem:
    line, column = document.position(parts)
    return Problem(document.path, line, column, field_path(parts), f"has too many items (at most {limit})")


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


def _cut_long_lists(model: type[BaseModel], data: Any, at: FieldPath, cut: list[tuple[FieldPath, int]]) -> Any:
    """`data` with every list longer than the model allows cut to its limit; each cut noted in `cut`."""
    if not isinstance(data, dict):
        return data
    result = data
    for name, limit, inner in _list_fields(model):
        value, parts = data.get(name), (*at, name)
        if isinstance(value, tuple) and limit is not None and len(value) > limit:
            cut.append((parts, limit))
            value = value[:limit]
        if isinstance(value, tuple) and inner:
            items = tuple(_cut_long_lists(inner, item, (*parts, index), cut) for index, item in enumerate(value))
            value = value if all(new is old for new, old in zip(items, value, strict=True)) else items
        elif isinstance(value, dict) and inner:
            value = _cut_long_lists(inner, value, parts, cut)
        if name in data and value is not data[name]:
            result = {**result, name: value}  # a copy only where a list was cut
    return result


@functools.cache
def _list_fields(model: type[BaseModel]) -> tuple[tuple[str, int | None, type[BaseModel] | None], ...]:
    """(name, list limit, model it holds) of each field: worked out once per model, not per record."""
    return tuple((name, _max_length(info), _model_in(info.annotation)) for name, info in model.model_fields.items())


def _max_length(info: FieldInfo) -> int | None:
    return next((item.max_length for item in info.metadata if isinstance(item, MaxLen)), None)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly, in a tuple or as an option: tuple[Practice, ...] -> Practice."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := _model_in(arg))), None)
