"""`memories export --json`: the whole loaded story as JSON on stdout, for other tools.

Parts, scenes with every line of text and its speaker, choices, journal entries, checkpoints
with all their fields, themes, characters, plot ids and the glossary.  Content checks and
outside tools read this instead of parsing the YAML themselves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from .. import paths
from ..story import model as m
from ..story.loader import load_story

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", required=True, help="write JSON (the only format)"
    )
    parser.add_argument(
        "path", nargs="?", type=Path, default=None, help="the scenes folder (default: scenes/)"
    )
    parser.add_argument(
        "--indent", type=int, default=None, help="indent the JSON for people to read"
    )


def story_to_data(story: m.Story) -> dict[str, Any]:
    """Everything in the story as plain, JSON-ready data."""
    return {
        "title": story.title,
        "format_version": story.format_version,
        "content_note": story.content_note,
        "digest": story.digest,
        "default_tries": story.default_tries,
        "parts": [
            {
                "id": p.id,
                "title": p.title,
                "first_scene": p.first_scene,
                "summary": p.summary,
                "scenes": list(p.scenes),
            }
            for p in story.parts
        ],
        "themes": [theme.model_dump() for theme in story.themes.values()],
        "characters": [character.model_dump() for character in story.characters.values()],
        "backgrounds": [background.model_dump() for background in story.backgrounds.values()],
        "plots": [plot.model_dump() for plot in story.plots.values()],
        "glossary": [entry.model_dump() for entry in story.glossary],
        "scenes": [_scene(story, story.scenes[sid]) for part in story.parts for sid in part.scenes],
    }


def _scene(story: m.Story, scene: m.Scene) -> dict[str, Any]:
    lines, choices, journal, checkpoints, settings = [], [], [], [], []
    for op in scene.ops:
        if isinstance(op, m.ShowLine):
            lines.append(
                {
                    "kind": op.kind,
                    "text": op.text,
                    "speaker": op.speaker,
                    "speaker_name": story.speaker_name(op.speaker),
                    "chapter": op.chapter,
                    "mature": op.mature,
                    "line": op.line,
                }
            )
        elif isinstance(op, m.Offer):
            choices.append(
                {
                    "prompt": op.prompt,
                    "line": op.line,
                    "options": [
                        {
                            "text": option.text,
                            "if": str(option.condition) if option.condition else None,
                            "set": dict(option.sets),
                            "add": dict(option.adds),
                        }
                        for option in op.options
                    ],
                }
            )
        elif isinstance(op, m.AddJournal):
            journal.append({"text": op.text, "theme": op.theme, "line": op.line})
        elif isinstance(op, m.Ask):
            data = op.checkpoint.model_dump(by_alias=True)
            data["line"] = op.line
            checkpoints.append(data)
        elif isinstance(op, m.ChangeSetting):
            settings.append({"background": op.background, "time": op.time, "line": op.line})
    return {
        "id": scene.id,
        "title": scene.title,
        "part": scene.part,
        "covers": list(scene.covers),
        "path": scene.path,
        "background": scene.background,
        "time": scene.time,
        "next": scene.next,
        "labels": dict(scene.labels),
        "lines": lines,
        "settings": settings,
        "choices": choices,
        "journal": journal,
        "checkpoints": checkpoints,
    }


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    root = args.path if args.path is not None else paths.scenes_dir()
    if not (root / "story.yaml").is_file():
        print(f"{root}: error: no story.yaml here (give the scenes folder)", file=sys.stderr)
        return EXIT_UNUSABLE
    result = load_story(root, cache_dir=paths.cache_dir())
    if result.story is None:
        for diagnostic in result.errors:
            print(diagnostic.format(), file=sys.stderr)
        print("the story has errors, so it was not exported (see above)", file=sys.stderr)
        return EXIT_PROBLEMS
    json.dump(story_to_data(result.story), out, ensure_ascii=False, indent=args.indent)
    out.write("\n")
    return EXIT_OK
