"""`memories results`: list, hand in, or send the homework results on this computer.

    memories results                          # every player's results, one line each
    memories results --profile Kit --export E:/handin    # copy Kit's results to a USB stick
    memories results --xapi statements.jsonl  # xAPI 1.0.3 statements, one JSON per line
    memories results --lrs https://lrs.example/xapi --user KEY --password SECRET

Results may also be given as files or folders (e.g. the class's, for --xapi or --lrs).
The LRS password may come from the MEMORIES_LRS_PASSWORD environment variable instead.
Exit codes: 0 done, 1 some files could not be used or sending failed, 2 nothing to do.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, TextIO

from .. import paths
from ..atomicfile import write_atomic
from ..classroom import xapi
from ..classroom.gradebook import results_files
from ..classroom.html import when
from ..classroom.results import REPORT_SUFFIX, RESULTS_SUFFIX, ResultsError, read_results
from ..saves import SaveStore

EXIT_OK, EXIT_PROBLEMS, EXIT_NOTHING = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="RESULTS",
        help="results files or folders (default: the results of the players on this computer)",
    )
    parser.add_argument("--profile", metavar="NICKNAME", help="only this player's results")
    parser.add_argument("--saves", type=Path, metavar="DIR", help="the saves folder")
    parser.add_argument(
        "--export", type=Path, metavar="DIR", help="copy the results (and their pages) into DIR"
    )
    parser.add_argument(
        "--xapi", type=Path, metavar="FILE", help="write xAPI statements as JSON lines"
    )
    parser.add_argument("--lrs", metavar="URL", help="send the xAPI statements to this LRS")
    parser.add_argument("--user", default="", help="the LRS user name (or key)")
    parser.add_argument(
        "--password",
        default=None,
        help="the LRS password (or secret); default: $MEMORIES_LRS_PASSWORD",
    )
    parser.add_argument(
        "--xapi-base",
        default=xapi.DEFAULT_BASE,
        metavar="URL",
        help="home page of the players' accounts and root of activity ids",
    )


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "player"


def _targets(args: argparse.Namespace, out: TextIO) -> list[Path] | None:
    if args.paths:
        return list(args.paths)
    store = SaveStore(args.saves or paths.saves_dir())
    profiles = store.profiles()
    if args.profile:
        found = store.find(args.profile)
        if found is None:
            names = ", ".join(p.nickname for p in profiles) or "none yet"
            print(f"There is no player called {args.profile} (players: {names}).", file=out)
            return None
        profiles = [found]
    return [profile.results_folder for profile in profiles if profile.results_folder.is_dir()]


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    targets = _targets(args, out)
    if targets is None:
        return EXIT_NOTHING
    files, missing = results_files(targets)
    documents: list[tuple[Path, dict[str, Any]]] = []
    problems = [f"{item.path}: {item.reason}" for item in missing]
    for path in files:
        try:
            documents.append((path, read_results(path)))
        except ResultsError as problem:
            problems.append(f"{path}: this file {problem}")
    for line in problems:
        print(line, file=out)
    if not documents:
        print("There are no homework results here yet.", file=out)
        return EXIT_NOTHING
    code = EXIT_PROBLEMS if problems else EXIT_OK
    if not (args.export or args.xapi or args.lrs):
        for path, document in documents:
            print(_line(document, path), file=out)
        return code
    if args.export:
        for path, document in documents:
            student = document["student"]
            name = (
                f"{document['assignment']['id']}--{_slug(student['nickname'])}-{student['profile']}"
            )
            copied = args.export / (name + RESULTS_SUFFIX)
            write_atomic(copied, path.read_bytes())
            page = path.with_name(path.name.removesuffix(RESULTS_SUFFIX) + REPORT_SUFFIX)
            if page.is_file():
                write_atomic(args.export / (name + REPORT_SUFFIX), page.read_bytes())
            print(f"Copied {student['nickname']}'s results to {copied}", file=out)
    statements = [s for _, doc in documents for s in xapi.statements(doc, args.xapi_base)]
    if args.xapi:
        count = xapi.write_jsonl(args.xapi, statements)
        print(f"Wrote {count} xAPI statements to {args.xapi}", file=out)
    if args.lrs:
        password = args.password
        if password is None:
            password = os.environ.get("MEMORIES_LRS_PASSWORD", "")
        try:
            sent = xapi.send(args.lrs, statements, user=args.user, password=password)
        except xapi.XapiError as problem:
            print(f"Could not send the statements: {problem}.", file=out)
            return EXIT_PROBLEMS
        print(f"Sent {sent} xAPI statements to {args.lrs}", file=out)
    return code


def _line(document: dict[str, Any], path: Path) -> str:
    score = document["score"]
    state = "finished" if document.get("completed") else "not finished"
    verdict = "passed" if score.get("passed") else "not passed"
    late = ", late" if document.get("late") else ""
    return (
        f"{document['student']['nickname']}: {document['assignment']['title']}: "
        f"{score['percent']:.0f}% ({verdict}), {state}{late}, saved "
        f"{when(document.get('updated_at'))} ({path})"
    )
