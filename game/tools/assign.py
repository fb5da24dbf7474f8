"""`memories assign`: write a homework assignment file from flags or questions, and check it.

    memories assign --title "Hailsham" --class 9B --teacher "Ms Okafor" --part hailsham \\
        --due 2025-03-14 --out hailsham.yaml
    memories assign                      # asks the questions one by one
    memories assign --check FILE         # every problem, as path:line:col: error[CODE]: ...
    memories assign --list               # the parts, scenes and themes to choose from

Exit codes: 0 the assignment is fine (warnings may be printed), 1 it has errors, 2 the input
could not be used at all (no such file, a story that does not load).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .. import paths
from ..atomicfile import write_atomic
from ..classroom.assignment import (
    DEFAULT_PASS_MARK,
    SCHEMA_PATH,
    assignment_yaml,
    brief_text,
    default_id,
    load_assignment,
    schema_text,
)
from ..play.runner import level_checkpoints
from ..play.state import Level, Rules
from ..story.diagnostics import count_summary
from ..story.loader import load_story
from ..story.model import Story

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
CONTENT_FLAGS = ("title", "parts", "scenes")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", type=Path, metavar="FILE", help="check an assignment file")
    parser.add_argument(
        "--list", action="store_true", help="list the parts, scenes and themes to choose from"
    )
    parser.add_argument(
        "--schema", action="store_true", help="rewrite game/classroom/assignment.schema.json"
    )
    made = parser.add_argument_group("making an assignment (without these, it asks)")
    made.add_argument("--title", help="the homework's title")
    made.add_argument("--class", dest="class_name", default="", help="the class, e.g. 9B")
    made.add_argument("--teacher", default="", help="your name as students know it")
    made.add_argument(
        "--part",
        dest="parts",
        action="append",
        default=[],
        metavar="PART",
        help="a whole part as a level (repeat for more): hailsham, cottages, norfolk, carer_years",
    )
    made.add_argument(
        "--scenes",
        action="append",
        default=[],
        metavar="A,B,...",
        help="chosen scenes as one level, played in this order (repeat for more levels)",
    )
    made.add_argument("--themes", default="", metavar="A,B", help="only ask on these themes")
    made.add_argument("--pass-mark", type=int, default=DEFAULT_PASS_MARK, metavar="PERCENT")
    made.add_argument("--tries", type=int, metavar="N", help="tries per question (1-5)")
    made.add_argument("--feedback", choices=("immediate", "end"), default="immediate")
    made.add_argument("--no-hints", action="store_true", help="switch hints off")
    made.add_argument(
        "--lock", action="store_true", help="no going back before an answered question"
    )
    made.add_argument("--age", choices=("11-13", "14+"), default="14+", help="age setting")
    made.add_argument("--due", metavar="YYYY-MM-DD", help="the due date")
    made.add_argument(
        "--free-text-optional", action="store_true", help="let students leave written answers out"
    )
    made.add_argument(
        "--mastery", type=int, default=0, metavar="ROUNDS", help="mastery rounds (0 = off)"
    )
    made.add_argument("--instructions", default="", help="a note for students")
    made.add_argument("--id", help="the homework's id (default: from title and class)")
    made.add_argument("--out", type=Path, metavar="FILE", help="where to write it")
    made.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--scenes-dir", type=Path, metavar="DIR", help="the scenes folder (default: scenes/)"
    )


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.schema:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
        print(f"wrote {paths.display_path(SCHEMA_PATH)}", file=out)
        return EXIT_OK
    scenes = args.scenes_dir or paths.scenes_dir()
    loaded = load_story(scenes, cache_dir=paths.cache_dir())
    if loaded.story is None or not loaded.ok:
        print(
            f"The story in {paths.display_path(scenes)} does not load; run `memories lint`.",
            file=out,
        )
        return EXIT_UNUSABLE
    story = loaded.story
    if args.list:
        print(story_menu(story), file=out)
        return EXIT_OK
    if args.check is not None:
        return check(args.check, story, out)
    if any(getattr(args, name) for name in CONTENT_FLAGS):
        values = values_from_flags(args)
    else:
        values = interview(story, input, out)
    target: Path = args.out or Path(f"{values['id']}.yaml")
    if target.exists() and not args.force:
        print(f"{target} already exists: choose another --out, or add --force.", file=out)
        return EXIT_UNUSABLE
    write_atomic(target, assignment_yaml(values, schema=_schema_reference(target)).encode())
    print(f"Wrote {paths.display_path(target)}.", file=out)
    return check(target, story, out)


def check(path: Path, story: Story, out: TextIO) -> int:
    """Check one assignment file: its problems, then (if it works) the brief students see."""
    if not path.is_file():
        print(f"{path}: error: no such file", file=out)
        return EXIT_UNUSABLE
    assignment, diagnostics = load_assignment(path, story, today=date.today())
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=out)
    if assignment is None:
        print(count_summary(diagnostics, 1) + ": students cannot open it yet.", file=out)
        return EXIT_PROBLEMS
    questions = sum(
        len(level_checkpoints(story, assignment.rules(), level)) for level in assignment.levels
    )
    print(
        f"{count_summary(diagnostics, 1)}. {paths.display_path(path)} is ready: "
        f"{len(assignment.levels)} level(s), {questions} questions, id {assignment.id}.",
        file=out,
    )
    print(f"Students open it with: python run_game.py --assignment {path}", file=out)
    print("\nWhat students see first:\n", file=out)
    print(_indent(brief_text(assignment, story)), file=out)
    return EXIT_OK


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def _schema_reference(target: Path) -> str:
    try:
        return Path(os.path.relpath(SCHEMA_PATH, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return SCHEMA_PATH.as_posix()


def values_from_flags(args: argparse.Namespace) -> dict[str, Any]:
    levels: list[dict[str, Any]] = [{"part": part} for part in args.parts]
    levels += [
        {"scenes": [scene.strip() for scene in group.split(",") if scene.strip()]}
        for group in args.scenes
    ]
    title = args.title or "Homework"
    return {
        "id": args.id or f"{default_id(title, args.class_name)}-{secrets.token_hex(2)}",
        "title": title,
        "class": args.class_name,
        "teacher": args.teacher,
        "due": args.due,
        "instructions": args.instructions,
        "levels": levels,
        "themes": [theme.strip() for theme in args.themes.split(",") if theme.strip()],
        "pass_mark": args.pass_mark,
        "tries": args.tries,
        "feedback": args.feedback,
        "hints": not args.no_hints,
        "lock_answered": args.lock,
        "age_mode": args.age,
        "free_text_required": not args.free_text_optional,
        "mastery_rounds": args.mastery,
    }


# ---------------------------------------------------------------------- asking


def story_menu(story: Story) -> str:
    """The parts with their scenes, and the themes: the ids an assignment uses."""
    lines = ["Parts (use with --part), and their scenes (use with --scenes):"]
    for number, part in enumerate(story.parts, start=1):
        everything = Level(part.id, part.title, part=part.id)
        count = len(level_checkpoints(story, Rules(), everything))
        lines.append(f"  {number}. {part.id}: {part.title} ({count} questions)")
        for scene_id in part.scenes:
            scene = story.scenes[scene_id]
            lines.append(f"       {scene_id}: {scene.title} ({len(scene.checkpoints)} questions)")
    lines.append("Themes (use with --themes):")
    for theme in story.themes.values():
        lines.append(f"  {theme.id}: {theme.name}")
    return "\n".join(lines)


def interview(story: Story, read: Callable[[str], str], out: TextIO) -> dict[str, Any]:
    """Ask a teacher for each setting, with the default in brackets (Enter keeps it)."""

    def ask(question: str, default: str = "") -> str:
        shown = f" [{default}]" if default else ""
        try:
            answer = read(f"{question}{shown}: ").strip()
        except EOFError:
            answer = ""
        return answer or default

    def yes(question: str, default: bool) -> bool:
        answer = ask(question + " (y/n)", "y" if default else "n").lower()
        return answer.startswith("y")

    print("A new homework. Press Enter to keep the value in [brackets].", file=out)
    title = ""
    while not title:
        title = ask("Title (what students see)")
    class_name = ask("Class (e.g. 9B)")
    teacher = ask("Your name as students know it (e.g. Ms Okafor)")
    print(story_menu(story), file=out)
    levels: list[dict[str, Any]] = []
    while not levels:
        answer = ask(
            "Levels: part numbers or ids for whole parts (e.g. 1 2), or scene ids for one "
            "level of chosen scenes (e.g. tommy_field tommy_art)"
        )
        levels = _levels_from(answer, story)
        if not levels:
            print("Type at least one part number, part id or scene id.", file=out)
    themes = ask("Themes to focus on (ids, Enter for all)").replace(",", " ").split()
    due = ask("Due date (YYYY-MM-DD, Enter for none)")
    pass_mark = _number(ask("Pass mark in percent", str(DEFAULT_PASS_MARK)))
    now_or_end = ask("Feedback straight away or at the end of each level? (now/end)", "now")
    feedback = "end" if now_or_end.lower() == "end" else "immediate"
    tries = None
    if feedback == "immediate":
        typed = ask(f"Tries per question (Enter for {story.default_tries})")
        tries = _number(typed) if typed else None
    return {
        "id": f"{default_id(title, class_name)}-{secrets.token_hex(2)}",
        "title": title,
        "class": class_name,
        "teacher": teacher,
        "due": due or None,
        "levels": levels,
        "themes": themes,
        "pass_mark": pass_mark,
        "tries": tries,
        "feedback": feedback,
        "hints": yes("Hints on?", True),
        "lock_answered": yes("Lock answered questions (no going back before them)?", False),
        "age_mode": "11-13" if ask("Age setting (11-13 or 14+)", "14+") == "11-13" else "14+",
        "free_text_required": yes("Must students write the written answers?", True),
        "mastery_rounds": _number(ask("Mastery rounds (missed questions come back; 0 = off)", "0")),
    }


def _number(text: str) -> Any:
    """A whole number if it is one; otherwise the text, which the check then explains."""
    stripped = text.strip().rstrip("%").strip()
    return int(stripped) if stripped.isdigit() else text


def _levels_from(answer: str, story: Story) -> list[dict[str, Any]]:
    levels: list[dict[str, Any]] = []
    chosen: list[str] = []
    part_ids = [part.id for part in story.parts]
    for word in answer.replace(",", " ").split():
        if word.isdigit() and 1 <= int(word) <= len(story.parts):
            levels.append({"part": part_ids[int(word) - 1]})
        elif word in part_ids:
            levels.append({"part": word})
        else:
            chosen.append(word)  # a scene id (or a typo, which the check will name)
    if chosen:
        levels.append({"scenes": chosen})
    return levels
