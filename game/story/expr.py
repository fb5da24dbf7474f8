"""Conditions on flags and counters, e.g. ``kept_secret``, ``not told_ruth``, ``kindness >= 2``.

A tiny language on purpose: writers need "this flag", "not that flag", a counter compared with a
number, and ``and`` / ``or`` (``not`` binds tightest, then comparisons, then ``and``, then
``or``; brackets group).  Parsed once at load time into a tree of frozen dataclasses, so a
mistake is a diagnostic with a column, and evaluating is a few dictionary look-ups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

FlagValue = bool | int

_TOKEN = re.compile(
    r"\s*(?:(?P<num>-?\d+)|(?P<op>>=|<=|==|!=|>|<)|(?P<paren>[()])|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<bad>\S))"
)
_KEYWORDS = {"and", "or", "not", "true", "false"}


class ConditionError(ValueError):
    """A condition that cannot be read; `offset` is the 0-based column inside the text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Flag:
    name: str

    def holds(self, flags: Mapping[str, FlagValue]) -> bool:
        return bool(flags.get(self.name, False))

    def __str__(self) -> str:
        return self.name

    def names(self) -> Iterator[str]:
        yield self.name


@dataclass(frozen=True, slots=True)
class Compare:
    name: str
    op: str
    value: int

    def holds(self, flags: Mapping[str, FlagValue]) -> bool:
        left = int(flags.get(self.name, 0))
        return {
            ">=": left >= self.value,
            "<=": left <= self.value,
            "==": left == self.value,
            "!=": left != self.value,
            ">": left > self.value,
            "<": left < self.value,
        }[self.op]

    def __str__(self) -> str:
        return f"{self.name} {self.op} {self.value}"

    def names(self) -> Iterator[str]:
        yield self.name


@dataclass(frozen=True, slots=True)
class Not:
    inner: Expr

    def holds(self, flags: Mapping[str, FlagValue]) -> bool:
        return not self.inner.holds(flags)

    def __str__(self) -> str:
        inner = str(self.inner)
        return f"not ({inner})" if isinstance(self.inner, (All, Any_)) else f"not {inner}"

    def names(self) -> Iterator[str]:
        yield from self.inner.names()


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple[Expr, ...]

    def holds(self, flags: Mapping[str, FlagValue]) -> bool:
        return all(part.holds(flags) for part in self.parts)

    def __str__(self) -> str:
        return " and ".join(f"({p})" if isinstance(p, Any_) else str(p) for p in self.parts)

    def names(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.names()


@dataclass(frozen=True, slots=True)
class Any_:
    parts: tuple[Expr, ...]

    def holds(self, flags: Mapping[str, FlagValue]) -> bool:
        return any(part.holds(flags) for part in self.parts)

    def __str__(self) -> str:
        return " or ".join(str(p) for p in self.parts)

    def names(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.names()


Expr = Flag | Compare | Not | All | Any_


def parse_condition(text: str) -> Expr:
    """Parse a condition or raise ConditionError saying where and what is wrong."""
    tokens: list[tuple[str, str, int]] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "bad"
        tokens.append((kind, match.group(kind), match.start(kind)))
    if not tokens:
        raise ConditionError("the condition is empty", 0)
    parser = _Parser(tokens, len(text))
    expr = parser.parse_or()
    if parser.index < len(tokens):
        _, value, offset = tokens[parser.index]
        raise ConditionError(f"unexpected '{value}'", offset)
    return expr


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, int]], length: int) -> None:
        self.tokens, self.index, self.length = tokens, 0, length

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _take(self) -> tuple[str, str, int]:
        token = self._peek()
        if token is None:
            raise ConditionError("the condition stops too soon", self.length)
        self.index += 1
        if token[0] == "bad":
            raise ConditionError(f"'{token[1]}' cannot be used in a condition", token[2])
        return token

    def _at_word(self, word: str) -> bool:
        token = self._peek()
        return token is not None and token[0] == "word" and token[1] == word

    def parse_or(self) -> Expr:
        parts = [self.parse_and()]
        while self._at_word("or"):
            self.index += 1
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))

    def parse_and(self) -> Expr:
        parts = [self.parse_not()]
        while self._at_word("and"):
            self.index += 1
            parts.append(self.parse_not())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def parse_not(self) -> Expr:
        if self._at_word("not"):
            self.index += 1
            return Not(self.parse_not())
        return self.parse_atom()

    def parse_atom(self) -> Expr:
        kind, value, offset = self._take()
        if kind == "paren" and value == "(":
            inner = self.parse_or()
            closing = self._peek()
            if closing is None or closing[1] != ")":
                raise ConditionError("a '(' is never closed", offset)
            self.index += 1
            return inner
        if kind != "word" or value in _KEYWORDS:
            raise ConditionError(f"expected a flag name, found '{value}'", offset)
        following = self._peek()
        if following is not None and following[0] == "op":
            self.index += 1
            number = self._take()
            if number[0] != "num":
                raise ConditionError(
                    f"a counter is compared with a whole number, not '{number[1]}'", number[2]
                )
            return Compare(value, following[1], int(number[1]))
        return Flag(value)
