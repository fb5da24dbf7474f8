"""Read one YAML file into plain data, safely, keeping where every value came from.

Why not plain `yaml.safe_load`: it forgets line numbers, silently keeps the last of two equal
keys, and expands aliases (a "billion laughs" file can take hours once walked).

Here libyaml's C parser composes the node tree and a lean walk (`_construct`) turns it into
dicts, lists and scalars, refusing tags, duplicate keys and merge keys, and noting where each
mapping starts (`LineIndex`, for the lines of beats).  That walk is quicker than PyYAML's own
constructor, so a clean file costs less than a bare `yaml.load`.  Anchors and aliases are
looked for (and refused) only when the text contains '&' or '*'.  The node tree is kept, so
`SourceMap` can point any diagnostic at the exact line and column of a value.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostic

try:  # the PyYAML wheels include libyaml; fall back to the pure parser if one does not
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2 * 1024 * 1024


@functools.lru_cache(maxsize=1 << 16)
def _resolve_scalar_tag(kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
    """The implicit type of a plain scalar, as PyYAML's safe resolver decides it."""
    return str(_Loader.resolve(_RESOLVER, kind, value, implicit))  # type: ignore[no-untyped-call]


class _SceneLoader(_Loader):
    """libyaml's safe loader, with PyYAML's Python callbacks replaced by C-level ones.

    libyaml calls back into Python for every node: `resolve` (what type is this scalar?) and
    the path-resolver bookkeeping.  Scene files repeat the same keys and small values
    thousands of times ('narrate', 'text', 'true'), so `resolve` answers from an LRU cache
    (C code when the answer is known), and the path bookkeeping, unused in scene files, is
    given built-ins that accept the same arguments and do nothing of note (`slice`, `tuple`).
    Together this takes about a fifth off the parse.
    """

    resolve = staticmethod(_resolve_scalar_tag)
    descend_resolver = staticmethod(slice)  # type: ignore[assignment]  # (parent, index)
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]  # called with no arguments


_RESOLVER = _Loader("")


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"

_constructor = yaml.SafeLoader("")  # only its scalar converters are used; they keep no state


class _Refused(Exception):
    """Raised inside the walk for a node the format does not allow."""

    def __init__(self, node: Any, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.node, self.code, self.message, self.hint = node, code, message, hint

    def as_diagnostic(self, shown: str) -> Diagnostic:
        mark = self.node.start_mark
        return Diagnostic(
            shown, mark.line + 1, mark.column + 1, "error", self.code, self.message, self.hint
        )


class SourceMap:
    """Finds the line and column of a value from its path of keys and indexes.

    The node tree is composed on first use (most files never need it).
    """

    def __init__(self, path: str, root: Node | None, text: str, *, lazy: bool = False) -> None:
        self.path, self.text = path, text
        self._root, self._lazy = root, lazy

    @property
    def root(self) -> Node | None:
        if self._lazy:
            self._lazy = False
            try:
                self._root = yaml.compose(self.text, Loader=_Loader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "text": self.text}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], None, state["text"], lazy=True)  # type: ignore[misc]

    def node_at(self, loc: Sequence[str | int]) -> tuple[Node | None, int]:
        """The deepest node that `loc` reaches, and how many parts of `loc` it matched.

        Parts that name no key are skipped rather than failing the walk: pydantic puts the
        tag of a union ('say', 'single') into its error paths, and those are not in the file.
        """
        best: tuple[Node | None, int] = (self.root, 0)

        def walk(node: Node | None, index: int, matched: int) -> None:
            nonlocal best
            if node is None:
                return
            if matched > best[1]:
                best = (node, matched)
            if index >= len(loc):
                return
            part = loc[index]
            child = _child(node, part, want_key=False)
            if child is not None:
                walk(child, index + 1, matched + 1)
            if isinstance(part, str):  # perhaps a union tag; try without it
                walk(node, index + 1, matched)

        root = self.root
        best = (root, 0)
        walk(root, 0, 0)
        return best

    def mark(self, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the value at `loc`, or of its key when `at_key`."""
        node, _ = self.node_at(loc)
        if at_key and loc:
            # the key's mapping is at loc[:-1], or one up when loc ends in a union tag
            for cut in (1, 2):
                parent, _ = self.node_at(loc[:-cut])
                key = _child(parent, loc[-1], want_key=True)
                if key is not None:
                    node = key
                    break
        if node is None:
            return (1, 1)
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def source_line(self, line: int) -> str | None:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else None


def _child(node: Node | None, part: str | int, *, want_key: bool) -> Node | None:
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == part:
                return key if want_key else value
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: Node = node.value[part]
        return child
    return None


@dataclass
class ReadResult:
    """What reading one file gave: data (None if unusable), its source map, the problems."""

    data: Any
    source: SourceMap
    diagnostics: list[Diagnostic]
    raw: bytes = b""
    lines: LineIndex | None = None


def read_yaml_file(path: Path, display: str | None = None) -> ReadResult:
    """Read and parse one file; never raises for a problem in the file itself."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return _failed(shown, "", "E001", f"cannot read the file: {reason}", "check the path")
    return read_yaml_bytes(raw, shown)


def read_yaml_bytes(raw: bytes, shown: str) -> ReadResult:
    """Parse bytes that came from the file `shown` (the name used in diagnostics)."""
    if len(raw) > MAX_FILE_BYTES:
        return _failed(
            shown,
            "",
            "E002",
            f"the file is {-(-len(raw) // 1024)} KB; the limit is {MAX_FILE_BYTES // 1024} KB",
            "split it into several scene files",
            raw=raw,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return ReadResult(
            None,
            SourceMap(shown, None, ""),
            [
                Diagnostic(
                    shown,
                    line,
                    col,
                    "error",
                    "E003",
                    "the file is not UTF-8 text",
                    "save it as UTF-8 in your editor",
                )
            ],
            raw,
        )
    if "&" in text or "*" in text:  # only then can there be anchors or aliases
        try:
            refused = _find_anchor(text)
        except yaml.YAMLError:
            refused = None  # the syntax error is reported by compose below
        if refused is not None:
            return ReadResult(
                None, SourceMap(shown, None, text, lazy=True), [refused.as_diagnostic(shown)], raw
            )
    try:
        root = yaml.compose(text, Loader=_SceneLoader)
    except yaml.MarkedYAMLError as error:
        return _yaml_error(shown, text, error, raw)
    except yaml.YAMLError as error:  # pragma: no cover - every libyaml error carries a mark
        return _failed(shown, text, "E010", f"YAML syntax error: {error}", "", raw=raw)
    source = SourceMap(shown, root, text)
    if root is None or (isinstance(root, ScalarNode) and root.tag == _NULL):
        return ReadResult(
            None,
            source,
            [Diagnostic(shown, 1, 1, "error", "E015", "the file is empty", "")],
            raw,
        )
    lines: dict[int, int] = {}
    try:
        data = _construct(root, lines)
    except _Refused as refused:
        return ReadResult(None, source, [refused.as_diagnostic(shown)], raw)
    except RecursionError:
        return _failed(shown, text, "E010", "the YAML is nested too deeply", "", raw=raw)
    return ReadResult(data, source, [], raw, LineIndex(data, lines))


class LineIndex:
    """The line where each mapping of the data starts, found by following a path.

    Paths are looked up many times with shared prefixes (a scene's beats, then each beat's
    options), so the value at each path is remembered.
    """

    _MISSING = object()

    def __init__(self, data: Any, lines: dict[int, int]) -> None:
        self._lines = lines
        self._found: dict[tuple[str | int, ...], tuple[Any, int]] = {
            (): (data, lines.get(id(data), 1))
        }

    def _at(self, path: tuple[str | int, ...]) -> tuple[Any, int]:
        found = self._found.get(path)
        if found is not None:
            return found
        parent, line = self._at(path[:-1])
        part = path[-1]
        node: Any = self._MISSING
        if isinstance(parent, dict):
            node = parent.get(part, self._MISSING)
        elif isinstance(parent, list) and isinstance(part, int) and 0 <= part < len(parent):
            node = parent[part]
        found = (parent, line) if node is self._MISSING else (node, self._lines.get(id(node), line))
        self._found[path] = found
        return found

    def line(self, path: Sequence[str | int]) -> int:
        """The line of the deepest mapping on `path` (the beat a value belongs to)."""
        return self._at(tuple(path))[1]


def _failed(
    shown: str, text: str, code: str, message: str, hint: str, *, raw: bytes = b""
) -> ReadResult:
    return ReadResult(
        None,
        SourceMap(shown, None, text),
        [Diagnostic(shown, 1, 1, "error", code, message, hint)],
        raw,
    )


_YAML_HINTS = {
    "found character '\\t' that cannot start any token": "use spaces, not tabs, to indent",
    "mapping values are not allowed here": (
        "put text with ': ' in quotes, or check the indentation of this line"
    ),
    "could not find expected ':'": "a key needs a colon after it, or the line is mis-indented",
    "found undefined alias": "aliases (*name) are not allowed in scene files",
    "expected a single document in the stream": "one file holds one scene; remove the extra ---",
    "found duplicate anchor": "anchors (&name) are not allowed in scene files",
}


def _yaml_error(shown: str, text: str, error: yaml.MarkedYAMLError, raw: bytes) -> ReadResult:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = " ".join(str(error.problem or error.context or "cannot be read").split())
    if error.context and error.problem and error.context not in problem:
        problem = f"{problem} ({' '.join(error.context.split())})"
    code = "E011" if "single document" in problem else "E010"
    hint = next((h for key, h in _YAML_HINTS.items() if key in problem), "")
    if not hint and "\t" in (
        text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    ):
        hint = "use spaces, not tabs, to indent"
    message = (
        "a second YAML document starts here; a file holds one"
        if code == "E011"
        else f"YAML syntax error: {problem}"
    )
    return ReadResult(
        None,
        SourceMap(shown, None, text),
        [Diagnostic(shown, line, col, "error", code, message, hint)],
        raw,
    )


def _find_anchor(text: str) -> _Refused | None:
    """The first anchor (&name) or alias (*name) in the text, as a refusal.

    Only run when the text contains '&' or '*', so plain scene files pay nothing for it.
    """
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return _Refused(
                event,
                "E012",
                f"this value is an alias (*{event.anchor}) of another",
                "write the value out in full; anchors and aliases are not allowed",
            )
        anchor = getattr(event, "anchor", None)
        if anchor:
            return _Refused(
                event,
                "E012",
                f"anchors (&{anchor}) are not allowed",
                "write each value out in full where it is needed",
            )
    return None


def _construct(node: Node, lines: dict[int, int]) -> Any:
    """Turn a composed node into plain data, refusing what scene files must not contain.

    Notes in `lines` where each mapping starts (by the id of the dict made for it).  Aliases
    cannot reach here: files containing '&' or '*' are scanned for them first.
    """
    tag = node.tag
    if type(node) is ScalarNode:
        if tag == _STR:
            return node.value
        if tag == _INT:
            return _constructor.construct_yaml_int(node)
        if tag == _BOOL:
            return _constructor.construct_yaml_bool(node)
        if tag == _NULL:
            return None
        if tag == _FLOAT:
            return _constructor.construct_yaml_float(node)
        if tag == _TIMESTAMP:
            return node.value  # dates are read as text; the models parse what they need
        raise _refuse_tag(node)
    if type(node) is SequenceNode:
        if tag != _SEQ:
            raise _refuse_tag(node)
        return [_construct(child, lines) for child in node.value]
    if type(node) is MappingNode:
        if tag != _MAP:
            raise _refuse_tag(node)
        result: dict[Any, Any] = {}
        lines[id(result)] = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise _Refused(
                    key_node,
                    "E012",
                    "merge keys (<<) are not allowed",
                    "write the keys out in full",
                )
            key = key_node.value if key_node.tag == _STR else _construct(key_node, lines)
            if key.__class__ not in (str, int, bool):
                raise _Refused(key_node, "E016", "a key must be plain text", "")
            if key in result:
                raise _Refused(
                    key_node,
                    "E014",
                    f"the key '{key}' appears twice here",
                    "keep one of them; YAML would silently drop the first",
                )
            result[key] = _construct(value_node, lines)
        return result
    raise _refuse_tag(node)  # pragma: no cover - no other node kinds exist


def _refuse_tag(node: Node) -> _Refused:
    return _Refused(
        node,
        "E013",
        f"the tag {node.tag!s} is not allowed",
        "scene files hold plain text, numbers, lists and mappings only",
    )
