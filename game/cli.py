"""`memories`: one command for players, writers and teachers, with sub-commands.

Each sub-command lives in its own module with `add_arguments(parser)` and `run(args) -> int`;
this file only wires them up, so adding a command is one line in `COMMANDS`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.launcher", "play the game (a window, or --text for the terminal)"),
    "lint": ("game.tools.lint", "check scene files and print every problem"),
    "export": ("game.tools.export", "write the whole loaded story as JSON"),
    "schema": ("game.tools.schema_export", "write the JSON Schemas editors use"),
    "assign": ("game.tools.assign", "write or check a homework assignment file"),
    "results": ("game.tools.results", "list, hand in or send homework results (xAPI)"),
    "gradebook": ("game.tools.gradebook", "the class's results as CSV and an HTML report"),
    "new": ("game.tools.new", "create a scene file from a template (for writers)"),
    "playtest": ("game.tools.playtest", "robots play every path; report what breaks"),
    "map": ("game.tools.storymap", "draw the story map (SVG, PNG or DOT)"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or (for speed) one with just the sub-command `only` wired up."""
    parser = argparse.ArgumentParser(
        prog="memories",
        description="Kathy's Memories: a study game for Never Let Me Go.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if only is not None and name != only:
            commands.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(module_name)
        sub = commands.add_parser(
            name, help=help_text, description=(module.__doc__ or "").strip().split("\n")[0]
        )
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = arguments[0] if arguments and arguments[0] in COMMANDS else None
    parser = build_parser(only=chosen) if chosen else build_parser()
    args = parser.parse_args(arguments)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `memories lint | head`): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
