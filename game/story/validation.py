"""Check plain data against a file model and explain every problem in a writer's words.

pydantic finds all the problems at once; this module turns each of its errors into a
`Diagnostic` at the exact line and column of the offending key or value, with a suggestion
("did you mean 'choices'?", the values allowed, the form an id takes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema as s
from .diagnostics import Diagnostic, did_you_mean
from .yamlread import SourceMap

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "float_type": "a number",
    "float_parsing": "a number",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'key: value')",
    "model_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
}
_LENGTH_TYPES = {"too_short", "too_long", "string_too_short", "string_too_long"}
_NUMBER_LIMITS = {
    "greater_than_equal": "at least {ge}",
    "greater_than": "more than {gt}",
    "less_than_equal": "at most {le}",
    "less_than": "less than {lt}",
}


def validate(model: type[M], data: Any, source: SourceMap) -> tuple[M | None, list[Diagnostic]]:
    """Validate `data` as `model`; all problems come back as diagnostics, sorted by place."""
    if not isinstance(data, dict):
        return None, [
            _at(
                source,
                (),
                "E016",
                f"the file must be a mapping of keys to values, not {_kind_of(data)}",
                f"start with the keys of a {_file_kind(model)}: " + ", ".join(_required(model)),
            )
        ]
    if not set(data) & set(_fields(model)):
        return None, [
            _at(
                source,
                (),
                "E016",
                f"this is not a {_file_kind(model)}: it has none of its keys",
                "a " + _file_kind(model) + " starts with " + ", ".join(_required(model)),
            )
        ]
    try:
        return model.model_validate(data), []
    except ValidationError as failure:
        errors = _merge_union_members(failure.errors(include_url=False))
        found = [_explain(error, data, source) for error in errors]
        unique = {(d.line, d.col, d.code, d.message): d for d in found}
        return None, sorted(unique.values(), key=lambda d: (d.line, d.col))


_UNION_MEMBER = re.compile(r"^(bool|int|float|str|constrained-str|(list|dict)\[.*\])$")
_MEMBER_NAMES = {"bool": "true or false", "int": "a whole number", "float": "a number"}


def _merge_union_members(errors: list[Any]) -> list[Any]:
    """One error per value that fits none of a union's types (e.g. true/false or a number).

    pydantic reports each member of `bool | int` separately, with the member's name added to
    the path; a writer needs one message saying what the value may be.
    """
    merged: list[Any] = []
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if loc and isinstance(loc[-1], str) and _UNION_MEMBER.match(loc[-1]):
            group = groups.get(loc[:-1])
            if group is None:
                group = {
                    "type": "union_types",
                    "loc": loc[:-1],
                    "input": error.get("input"),
                    "ctx": {"members": []},
                }
                groups[loc[:-1]] = group
                merged.append(group)
            member = loc[-1]
            name = _MEMBER_NAMES.get(member, "a list" if member.startswith("list") else "text")
            if name not in group["ctx"]["members"]:
                group["ctx"]["members"].append(name)
        else:
            merged.append(error)
    return merged


def _explain(error: Any, data: Any, source: SourceMap) -> Diagnostic:
    kind: str = error["type"]
    loc: tuple[str | int, ...] = tuple(error["loc"])
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    field = _field_name(loc)
    if kind == "extra_forbidden":
        parent = _data_at(data, loc[:-1])
        allowed = _likely_fields(parent if isinstance(parent, dict) else {})
        missing_allowed = [
            name for name in allowed if not isinstance(parent, dict) or name not in parent
        ]
        hint = (
            did_you_mean(str(loc[-1]), missing_allowed)
            or _belongs_elsewhere(str(loc[-1]))
            or ("allowed here: " + ", ".join(allowed) if allowed else "")
        )
        return _at(source, loc, "E020", f"unknown key '{loc[-1]}'", hint, at_key=True)
    if kind == "union_types":
        members = " or ".join(ctx["members"])
        return _at(source, loc, "E022", f"{field} should be {members}, not {_kind_of(value)}", "")
    if kind == "missing":
        parent = _data_at(data, loc[:-1])
        if not isinstance(parent, dict):  # the last part was a union tag ('say'), not a key
            parent = _data_at(data, loc[:-2])
        model = _best_model(parent) if isinstance(parent, dict) else None
        description = _description(model, str(loc[-1])) if model else ""
        return _at(
            source, loc[:-1], "E021", f"missing required key '{loc[-1]}'", description, at_key=True
        )
    if kind == "unknown_beat":
        keys = list(value) if isinstance(value, dict) else []
        guesses = [did_you_mean(str(key), s.BEAT_KEYS) for key in keys]
        hint = next(
            (g for g in guesses if g), "a beat starts with one of: " + ", ".join(s.BEAT_KEYS)
        )
        what = f"with keys {', '.join(map(str, keys))}" if keys else _kind_of(value)
        return _at(source, loc, "E026", f"this beat is of no known kind ({what})", hint)
    if kind == "union_tag_not_found":
        return _at(
            source,
            loc,
            "E021",
            f"missing required key '{ctx.get('discriminator', 'kind').strip(chr(39))}'",
            "kind is one of: " + ", ".join(s.CHECKPOINT_KINDS),
            at_key=True,
        )
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        return _at(
            source,
            (*loc, "kind"),
            "E023",
            f"'{tag}' is not a kind of checkpoint",
            did_you_mean(tag, s.CHECKPOINT_KINDS) or "kinds: " + ", ".join(s.CHECKPOINT_KINDS),
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",")]
        shown = _show(value)
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        return _at(
            source,
            loc,
            "E023",
            f"{field} cannot be {shown}; it is one of: {', '.join(options)}",
            hint,
        )
    if kind == "string_pattern_mismatch":
        if field in ("covers",) or (
            isinstance(value, str) and "-" in value and value[:1].isupper()
        ):
            form = "plot ids look like H-tommy-field (a capital letter, a dash, lower-case words)"
        else:
            suggestion = _as_id(value) if isinstance(value, str) else ""
            form = "use lower-case letters, digits and _" + (
                f", e.g. '{suggestion}'" if suggestion else ""
            )
        return _at(
            source, loc, "E024", f"{field} {_show(value)} is not written the right way", form
        )
    if kind in _LENGTH_TYPES:
        return _at(source, loc, "E025", f"{field}: {error['msg'].lower()}", "")
    if kind in _TYPE_NAMES:
        return _at(
            source,
            loc,
            "E022",
            f"{field} should be {_TYPE_NAMES[kind]}, not {_kind_of(value)}",
            _type_hint(kind, value),
        )
    if kind in _NUMBER_LIMITS:
        limit = _NUMBER_LIMITS[kind].format(**{k: ctx.get(k) for k in ("ge", "gt", "le", "lt")})
        return _at(source, loc, "E028", f"{field} must be {limit}, not {_show(value)}", "")
    return _at(source, loc, "E028", f"{field}: {error['msg']}", "")


def _at(
    source: SourceMap,
    loc: Sequence[str | int],
    code: str,
    message: str,
    hint: str,
    *,
    at_key: bool = False,
) -> Diagnostic:
    line, col = source.mark(loc, at_key=at_key)
    return Diagnostic(source.path, line, col, "error", code, message, hint)


def _belongs_elsewhere(key: str) -> str:
    """For a key that fits no field here: the beats that do have one like it."""
    names = {name for model in s.BEAT_KEYS.values() for name in _fields(model)}
    close = did_you_mean(key, names)
    if not close:
        return ""
    wanted = close.split("'")[1]
    kinds = [beat for beat, model in s.BEAT_KEYS.items() if wanted in _fields(model)]
    return f"{close[:-1]}? only {' and '.join(kinds)} beats have it"


def _field_name(loc: Sequence[str | int]) -> str:
    """The key a value belongs to, as a writer would name it ('speaker', 'kind', ...)."""
    for part in reversed(loc):
        if isinstance(part, str) and part not in s.CHECKPOINT_KINDS:
            return f"'{part}'"
    return "the value"


def _data_at(data: Any, loc: Sequence[str | int]) -> Any:
    """Follow `loc` through the data, skipping union tags that are not keys."""
    node = data
    for index, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            nested = node[part]
            following = loc[index + 1] if index + 1 < len(loc) else None
            if (
                following is None
                or _has(nested, following)
                or not isinstance(part, str)
                or not _has(node, following)
            ):
                node = nested
                continue
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
    return node


def _has(node: Any, part: str | int | None) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


@cache
def _all_models() -> tuple[type[BaseModel], ...]:
    seen: list[type[BaseModel]] = []
    for name in dir(s):
        item = getattr(s, name)
        if isinstance(item, type) and issubclass(item, s.Strict) and item is not s.Strict:
            seen.append(item)
    return tuple(seen)


@cache
def _fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(info.alias or name for name, info in model.model_fields.items())


def _required(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if info.is_required()]


def _best_model(present: dict[Any, Any]) -> type[BaseModel] | None:
    """The file model whose keys best fit a mapping (to suggest the keys it was meant to have)."""
    keys = {str(key) for key in present}
    kind = present.get("kind")
    best: tuple[float, type[BaseModel] | None] = (0.0, None)
    for model in _all_models():
        fields = set(_fields(model))
        if "kind" in fields and kind is not None:
            annotation = model.model_fields["kind"].annotation
            if kind not in getattr(annotation, "__args__", ()):
                continue
        score = len(keys & fields) - 0.01 * len(fields)
        if score > best[0]:
            best = (score, model)
    return best[1]


def _likely_fields(present: dict[Any, Any]) -> list[str]:
    model = _best_model(present)
    return list(_fields(model)) if model else []


def _description(model: type[BaseModel], key: str) -> str:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key and info.description:
            return str(info.description)
    return ""


def _file_kind(model: type[BaseModel]) -> str:
    return {"SceneFile": "scene file", "StoryFile": "story.yaml"}.get(
        model.__name__, model.__name__
    )


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (true/false)"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({_show(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "...'"


def _type_hint(kind: str, value: Any) -> str:
    if kind in ("list_type",) and isinstance(value, str):
        return "put each item on its own line starting with '- '"
    if kind == "string_type" and isinstance(value, (bool, int, float)):
        return "put it in quotes to keep it as text"
    if kind == "string_type" and isinstance(value, dict):
        return "text that contains ': ' must be put in quotes"
    return ""


def _as_id(text: str) -> str:
    cleaned = "".join(ch if ch.isalnum() else "_" for ch in text.strip().lower())
    cleaned = "_".join(part for part in cleaned.split("_") if part)
    if cleaned and cleaned[0].isdigit():
        cleaned = "n_" + cleaned
    return cleaned if cleaned != text else ""
