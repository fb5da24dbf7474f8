"""Time from starting `python run_game.py` to its first drawn frame (the title), as a
ratio to `import pygame; set_mode; flip` (budget: 1.3x).

    python bench/launch.py [--runs 7] [--dummy]

Both are fresh processes timed from spawn until they exit right after their first
display.flip() (the game exits there when MEMORIES_BENCH_EXIT=first-frame). Medians of
several runs, alternating, on the same virtual screen (Xvfb when installed). The game runs
with a warm story cache and title-picture cache, as every launch after the first does, and
with its modules byte-compiled (as pygame's are in site-packages; an installed package is,
but this machine sets PYTHONDONTWRITEBYTECODE, so the benchmark compiles them first).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time

from ui_common import ROOT, median, ratio_line, screen

BASE = (
    "import pygame; pygame.display.init(); s = pygame.display.set_mode((1280, 720), pygame.RESIZABLE);"
    " s.fill((241, 233, 216)); pygame.display.flip()"
)


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        args, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dummy", action="store_true")
    args = parser.parse_args()
    saves = tempfile.mkdtemp()
    with screen(not args.dummy) as env:
        env = dict(env, MEMORIES_BENCH_EXIT="first-frame")
        game_cmd = [sys.executable, "run_game.py", "--saves", saves, "--profile", "Bench"]
        base_cmd = [sys.executable, "-c", BASE]
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "game"],
            cwd=ROOT,
            check=True,
            env={k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"},
        )
        timed(game_cmd, env)  # warm the story and title caches
        timed(base_cmd, env)
        games, bases = [], []
        for _ in range(args.runs):
            bases.append(timed(base_cmd, env))
            games.append(timed(game_cmd, env))
        print(f"screen: {env['BENCH_SCREEN']}, {args.runs} runs each")
        print(
            ratio_line(
                "launch to first frame (ms, median)",
                median(games) * 1000,
                median(bases) * 1000,
                "ms",
                1.3,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
