"""How long the quick playtest of the real story takes, as a ratio to a bare load of it.

    python bench/playtest.py [--runs 3] [--random 0]

The baseline is `load_story(scenes)` without the cache (read, validate, compile, check),
timed in the same process, so the ratio can be compared between noisy machines.  The quick
playtest (every option of every choice, both age settings, from every part's start) must stay
under 10 s on the real story; CI runs it as a test.  `--random N` also times N random games.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best  # noqa: E402

from game.story.loader import load_story  # noqa: E402
from game.tools.playtest import quick_playtest, random_playtest  # noqa: E402

BUDGET_SECONDS = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--random", type=int, default=0, help="also time N random games")
    parser.add_argument("--scenes", type=Path, default=ROOT / "scenes")
    args = parser.parse_args(argv)
    story = load_story(args.scenes).story
    if story is None:
        print("the story has errors: fix them first (memories lint)")
        return 1
    bare = best(lambda: load_story(args.scenes), args.runs)
    reports = []
    quick = best(lambda: reports.append(quick_playtest(story)), args.runs)
    report = reports[-1]
    print(f"bare load of the story:  {bare * 1000:8.1f} ms   (1.0)")
    print(
        f"quick playtest:          {quick * 1000:8.1f} ms   ({quick / bare:.1f} x bare load; "
        f"{report.places} places, {len(report.findings)} problems)"
    )
    if args.random:
        games = best(lambda: random_playtest(story, args.random, 1), 1)
        print(
            f"{args.random} random games:   {games * 1000:8.1f} ms   ({games / bare:.1f} x bare load; "
            f"{games / args.random * 1000:.1f} ms a game)"
        )
    verdict = "within" if quick < BUDGET_SECONDS else "OVER"
    print(f"budget: quick playtest < {BUDGET_SECONDS:.0f} s: {verdict} ({quick:.2f} s)")
    return 0 if quick < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
