"""Read one of the game's own JSON files (a save, a results file) and say what is wrong.

Saves and results are read the same way: the bytes, then UTF-8, then JSON, then "is this a
mapping written by this game?".  Each caller turns the `DocumentError` into a sentence in its
own words ("This save is empty...", "... is empty (...)").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

GAME_ID = "kathys-memories"

Problem = Literal["missing", "unreadable", "empty", "not_text", "damaged", "foreign"]


class DocumentError(Exception):
    """Why a file could not be used: `problem`, plus the place of a JSON mistake."""

    def __init__(self, problem: Problem, detail: str = "", line: int = 0, col: int = 0) -> None:
        super().__init__(problem)
        self.problem, self.detail, self.line, self.col = problem, detail, line, col


def read_document(path: Path) -> dict[str, Any]:
    """The file's JSON mapping, if it is one written by this game; else DocumentError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("missing") from None
    except OSError as error:
        raise DocumentError("unreadable", str(error.strerror or error)) from None
    if not raw.strip():
        raise DocumentError("empty")
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DocumentError("not_text") from None
    except json.JSONDecodeError as error:
        raise DocumentError("damaged", line=error.lineno, col=error.colno) from None
    if not isinstance(document, dict) or document.get("game") != GAME_ID:
        raise DocumentError("foreign")
    return document
