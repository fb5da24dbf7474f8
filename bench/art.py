"""How long each background takes to paint, as a ratio to a bare full-window redraw.

    python bench/art.py [--size 1280x720] [--repeat 5]

The baseline is `surface.fill()` + `pygame.transform.smoothscale` to the same size, timed in
the same run, so the ratios can be compared between noisy machines. Painting happens once per
scene (then the picture is cached), so the budget is a frame or so: about 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame

from game.ui.art import BACKGROUND_IDS, paint_background, paint_title, tint


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    w, h = (int(v) for v in args.size.lower().split("x"))
    pygame.init()

    base = pygame.Surface((w, h))

    def baseline() -> None:
        base.fill((250, 246, 236))
        pygame.transform.smoothscale(base, (w, h))

    median_ms(baseline, 3)  # warm up
    base_ms = median_ms(baseline, max(20, args.repeat * 4))
    print(f"baseline fill + smoothscale {w}x{h}: {base_ms:.2f} ms (median)")
    print(f"{'background':<18} {'ms':>7} {'x baseline':>11}")
    worst = 0.0
    jobs: list[tuple[str, Callable[[], object]]] = [("title", lambda: paint_title((w, h)))]
    jobs += [(bg, lambda bg=bg: paint_background(bg, (w, h))) for bg in BACKGROUND_IDS]
    for name, job in jobs:
        ms = median_ms(job, args.repeat)
        worst = max(worst, ms)
        print(f"{name:<18} {ms:7.1f} {ms / base_ms:11.1f}")
    picture = paint_background("hailsham_grounds", (w, h))
    for when in ("past", "present"):
        ms = median_ms(lambda when=when: tint(picture, when), args.repeat)
        print(f"{'tint ' + when:<18} {ms:7.1f} {ms / base_ms:11.1f}")
    print(f"slowest painting: {worst:.1f} ms ({worst / base_ms:.0f}x baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
