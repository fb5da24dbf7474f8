"""`memories schema`: write the JSON Schemas that editors use to autocomplete scene files.

The schemas are generated from the pydantic models in game/story/schema.py and shipped in
game/story/; a test keeps the shipped files in step with the models.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ..story import schema

SCHEMA_DIR = Path(schema.__file__).parent
SCHEMAS: dict[str, tuple[type[schema.Strict], str]] = {
    "scene.schema.json": (
        schema.SceneFile,
        "A scene file of Kathy's Memories (scenes/<part>/*.yaml)",
    ),
    "story.schema.json": (schema.StoryFile, "story.yaml of Kathy's Memories"),
}


def schema_text(model: type[schema.Strict], title: str) -> str:
    """The JSON Schema of `model`, as the exact text that is shipped."""
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(by_alias=True),
    }
    document["title"] = title
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", type=Path, default=SCHEMA_DIR, help="folder to write to (default: game/story)"
    )
    parser.add_argument(
        "--check", action="store_true", help="only check the shipped files are up to date"
    )


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    stale = []
    for name, (model, title) in SCHEMAS.items():
        target = args.out / name
        text = schema_text(model, title)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}", file=out)
    if stale:
        print("out of date: " + ", ".join(stale) + " (run: memories schema)", file=out)
        return 1
    return 0
