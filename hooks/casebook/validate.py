"""Model validation of loaded documents, with pydantic's errors placed on lines."""

from __future__ import annotations

import functools
import re
import typing
from typing import Any, TypeVar

from annotated_types import MaxLen
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .collection import REF_PATTERN
from .loader import Document, FieldPath
from .model import FINGERPRINT_PATTERN, ID_PATTERN, LANGS, LANGUAGES_CONTEXT, YEAR_MONTH_PATTERN
from .problems import Listed, Message, MessageError, Problem, field_path, msg

M = TypeVar("M", bound=BaseModel)

# pydantic's error types and the message key of each (the rest: _message).
_MESSAGES = {
    "missing": "field.missing",
    "extra_forbidden": "field.unknown",
    "string_type": "field.text",
    "date_from_datetime_parsing": "field.date",
    "date_parsing": "field.date",
    "date_type": "field.date",
    "date_from_datetime_inexact": "field.date",
    "model_type": "field.mapping",
    "tuple_type": "field.list",
    "string_too_short": "field.empty",
}
_PATTERNS = {
    ID_PATTERN: "field.id_pattern",
    REF_PATTERN: "field.ref_pattern",
    FINGERPRINT_PATTERN: "field.fingerprint_pattern",
    YEAR_MONTH_PATTERN: "field.year_month_pattern",
}


def validate(
    model: type[M], document: Document, data: Any = None, at: FieldPath = (), languages: tuple[str, ...] = LANGS
) -> tuple[M | None, list[Problem]]:
    """Validate `data` (default: the whole document) found at field path `at`; a text may be in `languages`."""
    too_long: list[tuple[FieldPath, int]] = []
    # Lists cut to their limits before validation: each of thousands of items would add problems of its own.
    data = _cut_long_lists(model, document.data if data is None else data, at, too_long)
    problems = [_too_long(document, parts, limit) for parts, limit in too_long]
    try:
        valid = model.model_validate(data, context={LANGUAGES_CONTEXT: languages})
        return (None, problems) if problems else (valid, [])
    except ValidationError as error:
        details = error.errors()
        problems += [_problem(document, at, detail) for detail in details if not _follows_from_items(detail, details)]
        return None, problems


def _too_long(document: Document, parts: FieldPath, limit: int) -> Problem:
    line, column = document.position(parts)
    return Problem(document.path, line, column, field_path(parts), msg("field.too_many", limit=limit))


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


def _message(detail: Any) -> Message:
    kind, ctx = detail["type"], detail.get("ctx", {})
    if kind == "string_pattern_mismatch":
        return msg(_PATTERNS.get(ctx["pattern"], "field.url_pattern"))
    if kind == "string_too_long":
        return msg("field.too_long", limit=ctx["max_length"])
    if kind == "too_long":
        return msg("field.too_many", limit=ctx["max_length"])
    if kind == "too_short":
        return msg("field.too_few", limit=ctx["min_length"])
    if kind == "literal_error":
        return msg("field.one_of", choices=Listed(tuple(re.findall(r"'[^']*'", ctx["expected"])), "list.or"))
    if kind == "greater_than_equal":
        return msg("field.at_least", limit=ctx["ge"])
    if kind == "less_than_equal":
        return msg("field.at_most", limit=ctx["le"])
    if kind == "value_error":
        error = ctx["error"]
        return error.message if isinstance(error, MessageError) else msg("field.invalid", detail=str(error))
    if kind in ("int_type", "float_type", "int_from_float") or detail["loc"][-1:] in (("int",), ("float",)):
        return msg("field.number")
    if kind in _MESSAGES:
        return msg(_MESSAGES[kind])
    return msg("field.invalid", detail=detail["msg"])


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
