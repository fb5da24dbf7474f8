"""`memories gradebook`: the class's results as spreadsheets and a one-page class report.

    memories gradebook E:/ --csv grades.csv --html class.html
    memories gradebook handin/ --assignment hailsham.yaml --csv grades.csv

RESULTS are results files or folders (searched for *.results.json, e.g. a shared folder or a
USB stick).  --csv writes a row per student per question, and a summary with a row per
student (grades-summary.csv beside it unless --summary says where).  Files that cannot be
used (unreadable, edited, another homework, a second copy) are listed and left out.
Exit codes: 0 done (files may have been left out), 2 no usable results at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from .. import paths
from ..atomicfile import write_atomic
from ..classroom import gradebook as gb

EXIT_OK, EXIT_NOTHING = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="RESULTS", help="files or folders")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="a row per student per question")
    parser.add_argument(
        "--summary", type=Path, metavar="FILE", help="a row per student (default: beside --csv)"
    )
    parser.add_argument("--html", type=Path, metavar="FILE", help="the class report page")
    parser.add_argument(
        "--assignment",
        metavar="FILE_OR_ID",
        help="only this homework (its file or its id; default: the one most files are for)",
    )
    parser.add_argument(
        "--scenes-dir", type=Path, metavar="DIR", help="the scenes folder (default: scenes/)"
    )


def summary_path(detail: Path) -> Path:
    return detail.with_name(f"{detail.stem}-summary{detail.suffix or '.csv'}")


def _assignment_id(value: str, args: argparse.Namespace, out: TextIO) -> str | None:
    path = Path(value)
    if not path.is_file():
        return value
    from ..classroom.assignment import load_assignment
    from ..story.loader import load_story

    loaded = load_story(args.scenes_dir or paths.scenes_dir(), cache_dir=paths.cache_dir())
    if loaded.story is None:
        print("The story does not load, so the assignment file cannot be read.", file=out)
        return None
    assignment, diagnostics = load_assignment(path, loaded.story)
    if assignment is None:
        for diagnostic in diagnostics:
            print(diagnostic.format(), file=out)
        return None
    return assignment.id


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    wanted = None
    if args.assignment:
        wanted = _assignment_id(args.assignment, args, out)
        if wanted is None:
            return EXIT_NOTHING
    book = gb.collect(args.paths, wanted)
    if not book.entries:
        for item in book.left_out:
            print(f"left out {item.path}: {item.reason}", file=out)
        print("No usable results were found.", file=out)
        return EXIT_NOTHING
    homework = book.assignment
    print(
        f"{homework.get('title')} (id {homework.get('id')}): results of "
        f"{len(book.entries)} student{'' if len(book.entries) == 1 else 's'}.",
        file=out,
    )
    if not (args.csv or args.html):
        for row in gb.summary_rows(book):
            name, _, percent, passed, completed, minutes, late = row[:7]
            print(
                f"  {name}: {percent:g}%"
                f"{' passed' if passed else ' not passed'}"
                f"{', finished' if completed else ', not finished'}"
                f"{', late' if late else ''}, {minutes:g} min",
                file=out,
            )
    if args.csv:
        write_atomic(args.csv, gb.detail_csv(book).encode("utf-8-sig"))
        summary = args.summary or summary_path(args.csv)
        write_atomic(summary, gb.summary_csv(book).encode("utf-8-sig"))
        print(f"Wrote {args.csv} and {summary}.", file=out)
    elif args.summary:
        write_atomic(args.summary, gb.summary_csv(book).encode("utf-8-sig"))
        print(f"Wrote {args.summary}.", file=out)
    if args.html:
        write_atomic(args.html, gb.class_report(book).encode("utf-8"))
        print(f"Wrote {args.html}.", file=out)
    for note in book.notes:
        print(f"note: {note}", file=out)
    if book.left_out:
        print(f"{len(book.left_out)} file(s) left out:", file=out)
        for item in book.left_out:
            print(f"  {item.path}: {item.reason}", file=out)
    return EXIT_OK
