"""`python run_game.py` / `memories play`: load the story and start a front end.

The window (pygame) is the default; `--text` plays in the terminal, which is also the way
for screen-reader users.  A story with errors never starts: its diagnostics are printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import paths

if TYPE_CHECKING:  # imported where used: the window's first frame should not wait for them
    from .play.state import FlagValue
    from .story.loader import LoadResult
    from .story.model import Story

EXIT_OK, EXIT_BAD_STORY = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--text",
        action="store_true",
        help="play in the terminal (plain text, screen-reader friendly)",
    )
    parser.add_argument(
        "--profile", metavar="NICKNAME", help="play as this player (created if new)"
    )
    parser.add_argument("--part", metavar="PART", help="start at the beginning of this part")
    parser.add_argument("--scene", metavar="SCENE", help="start at this scene (for writers)")
    parser.add_argument(
        "--flags",
        type=Path,
        metavar="FILE",
        help="start with these flags set: a YAML file of flag: value lines (for writers)",
    )
    parser.add_argument("--age", choices=("11-13", "14+"), help="age setting for this session")
    parser.add_argument(
        "--assignment",
        type=Path,
        metavar="FILE",
        help="open homework from your teacher (an assignment .yaml file)",
    )
    parser.add_argument(
        "--scenes", type=Path, metavar="DIR", help="the scenes folder (default: scenes/)"
    )
    parser.add_argument(
        "--saves", type=Path, metavar="DIR", help="the saves folder (default: saves/)"
    )


def load_for_play(scenes: Path, out: TextIO) -> LoadResult:
    """Load the story (from the cache when unchanged); print its problems if it has errors."""
    from .story.loader import load_story

    result = load_story(scenes, cache_dir=paths.cache_dir())
    if not result.ok:
        errors = result.errors
        print(
            f"The story in {paths.display_path(scenes)} has {len(errors)} error(s), so it cannot start:",
            file=out,
        )
        for diagnostic in errors[:20]:
            print("  " + diagnostic.format(), file=out)
        if len(errors) > 20:
            print(f"  ... and {len(errors) - 20} more.", file=out)
        print("Run `memories lint` to see them all.", file=out)
    return result


def read_flags(path: Path, story: Story | None, out: TextIO) -> dict[str, FlagValue] | None:
    """The flags of `--flags FILE`, or None (after printing path:line:col) if it has errors."""
    from .story.watch import read_flags_file

    if not path.is_file():
        print(f"{path}: error: there is no such flags file", file=out)
        return None
    flags, problems = read_flags_file(path, story, shown=paths.display_path(path))
    for problem in problems:
        print(problem.format(), file=out)
    return None if any(problem.is_error for problem in problems) else flags


def window_available() -> bool:
    """Whether the pygame player is part of this build."""
    return importlib.util.find_spec("game.ui.app") is not None


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if args.saves is not None:
        import os

        os.environ["MEMORIES_SAVES"] = str(args.saves)
    scenes = args.scenes or paths.scenes_dir()
    assignment_path = getattr(args, "assignment", None)
    if assignment_path is not None and not assignment_path.is_file():
        print(f"There is no homework file {assignment_path}.", file=out)
        return EXIT_BAD_STORY
    flags_path = getattr(args, "flags", None)
    if not args.text and window_available():
        if flags_path is not None:  # checked here; the window starts with args.flag_values
            args.flag_values = read_flags(flags_path, None, out)
            if args.flag_values is None:
                return EXIT_BAD_STORY
        from .ui.app import run_window

        return int(run_window(args))
    result = load_for_play(scenes, out)
    if result.story is None or not result.ok:
        return EXIT_BAD_STORY
    flags = read_flags(flags_path, result.story, out) if flags_path is not None else {}
    if flags is None:
        return EXIT_BAD_STORY
    from dataclasses import replace

    from .play.runner import ActionError
    from .play.state import Rules
    from .saves import SaveStore
    from .story.watch import StoryWatcher
    from .text_player import TextPlayer

    assignment = None
    if assignment_path is not None:
        from .classroom import load_assignment

        assignment, diagnostics = load_assignment(assignment_path, result.story)
        if assignment is None:
            print("This homework file has mistakes, so it cannot be opened:", file=out)
            for diagnostic in diagnostics:
                print("  " + diagnostic.format(), file=out)
            return EXIT_BAD_STORY
    rules = replace(Rules(), age_mode=args.age) if args.age else None
    player = TextPlayer(
        result.story,
        SaveStore(paths.saves_dir()),
        rules=rules,
        profile_name=args.profile,
        assignment=assignment,
        watcher=StoryWatcher(scenes, result.story),
    )
    try:
        return player.run(part=args.part, scene=args.scene, flags=flags)
    except ActionError as problem:
        print(f"Cannot start there: {problem}.", file=out)
        return EXIT_BAD_STORY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_game.py", description="Play Kathy's Memories.")
    add_arguments(parser)
    return run(parser.parse_args(argv))
