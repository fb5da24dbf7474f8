"""`memories lint [PATH]`: every problem in a story folder or a single scene file, at once.

Exit codes: 0 no errors (warnings may be printed), 1 errors found (or warnings with
--strict), 2 the input could not be used at all (no such path, no story.yaml above it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from .. import paths
from ..story.diagnostics import Diagnostic, count_summary
from ..story.loader import find_story_root, load_story
from ..story.yamlread import read_yaml_file

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="the scenes folder (default: the game's scenes/) or one scene file",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as problems (exit 1)")
    parser.add_argument("--source", action="store_true", help="show each source line with a caret")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    target: Path = args.path if args.path is not None else paths.scenes_dir()
    if not target.exists():
        print(f"{target}: error: no such file or folder", file=out)
        return EXIT_UNUSABLE
    started = time.perf_counter()
    root = find_story_root(target)
    if root is None:
        if target.is_file():
            return _lint_lone_file(target, args, out)
        print(
            f"{paths.display_path(target)}: error: no story.yaml here or in any folder above "
            "(give the scenes folder, e.g. memories lint scenes)",
            file=out,
        )
        return EXIT_UNUSABLE
    cache = None if args.source else paths.cache_dir()  # the cache keeps warnings too
    result = load_story(root, keep_sources=args.source, cache_dir=cache)
    diagnostics = result.diagnostics
    if target.is_file():
        shown = paths.display_path(target)
        diagnostics = [d for d in diagnostics if d.path == shown]
    _print(diagnostics, args, out, result.sources)
    seconds = time.perf_counter() - started
    print(f"{count_summary(diagnostics, result.files)} ({seconds:.2f} s)", file=out)
    return _exit_code(diagnostics, args.strict)


def _lint_lone_file(target: Path, args: argparse.Namespace, out: TextIO) -> int:
    """A scene file outside any story: check its YAML and its shape only."""
    from ..story import schema
    from ..story.validation import validate

    read = read_yaml_file(target, paths.display_path(target))
    diagnostics = list(read.diagnostics)
    if read.data is not None:
        diagnostics.extend(validate(schema.SceneFile, read.data, read.source)[1])
    _print(diagnostics, args, out, {read.source.path: read.source})
    print(
        count_summary(diagnostics, 1) + " (no story.yaml found, so ids were not checked)", file=out
    )
    return _exit_code(diagnostics, args.strict)


def _print(
    diagnostics: list[Diagnostic], args: argparse.Namespace, out: TextIO, sources: dict
) -> None:  # type: ignore[type-arg]
    for diagnostic in diagnostics:
        if args.quiet and not diagnostic.is_error:
            continue
        if args.source and diagnostic.path in sources:
            print(
                diagnostic.format_with_source(
                    sources[diagnostic.path].source_line(diagnostic.line)
                ),
                file=out,
            )
        else:
            print(diagnostic.format(), file=out)


def _exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    if any(d.is_error for d in diagnostics) or (strict and diagnostics):
        return EXIT_PROBLEMS
    return EXIT_CLEAN
