"""How long `memories lint scenes` takes on the real story, as a ratio to a bare load of it.

    python bench/lint.py [--runs 5]

In this process, best of several runs:

  bare      load_story(scenes): read, validate, compile and check        (the baseline)
  lint      `memories lint scenes` as the command runs it, warnings and all (W208 included)
  first     lint with nothing remembered of the reading-level check (a new machine)

and, as separate processes (what a writer waits for), the median of `python -m game lint
scenes` next to `python -c "import game.story.loader"` (starting Python and importing the
models, which lint cannot avoid).  Goal: lint < 0.5 s.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best  # noqa: E402

from game.story import checks  # noqa: E402
from game.story.loader import load_story  # noqa: E402
from game.tools import lint  # noqa: E402

BUDGET_SECONDS = 0.5


def run_lint(scenes: Path) -> None:
    args = Namespace(path=scenes, strict=False, source=False, quiet=False)
    lint.run(args, out=io.StringIO())


def forget_syllables() -> None:
    checks._SYLLABLES.clear()
    checks._CMU = None
    checks._MEMO.update(loaded=True, saved=0)  # and do not read the remembered file


def process_median(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenes", type=Path, default=ROOT / "scenes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as saves:
        os.environ["MEMORIES_SAVES"] = saves  # a fresh cache folder, not the player's
        env = dict(os.environ)
        bare = best(lambda: load_story(args.scenes), args.runs)
        run_lint(args.scenes)  # remember the story's words once, as any earlier lint has
        warm = best(lambda: run_lint(args.scenes), args.runs)

        def first() -> None:
            forget_syllables()
            run_lint(args.scenes)

        cold = best(first, max(1, args.runs // 2))
        imports = process_median([sys.executable, "-c", "import game.story.loader"], args.runs, env)
        whole = process_median(
            [sys.executable, "-m", "game", "lint", str(args.scenes)], args.runs, env
        )
    print(f"bare load of the story:      {bare * 1000:7.1f} ms  (1.0)")
    print(f"lint (in this process):      {warm * 1000:7.1f} ms  ({warm / bare:.1f} x bare load)")
    print(f"lint, nothing remembered:    {cold * 1000:7.1f} ms  ({cold / bare:.1f} x bare load)")
    print(f"python + importing models:   {imports * 1000:7.1f} ms  (a separate process)")
    print(
        f"python -m game lint scenes:  {whole * 1000:7.1f} ms  (a separate process; "
        f"{(whole - imports) * 1000:.0f} ms after the imports)"
    )
    verdict = "within" if warm < BUDGET_SECONDS else "OVER"
    print(f"budget: lint < {BUDGET_SECONDS} s: {verdict} ({warm:.2f} s in process)")
    return 0 if warm < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
