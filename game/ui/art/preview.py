"""Write a PNG of every painted background (and the title) so people can look at them.

    python -m game.ui.art.preview OUT_DIR [--size 1280x720] [--tint]

Runs without a window (it sets SDL's dummy video driver) and needs no story files.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m game.ui.art.preview", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--size", default="1280x720", help="WIDTHxHEIGHT (default 1280x720)")
    parser.add_argument(
        "--tint", action="store_true", help="also write the past and present versions"
    )
    args = parser.parse_args(argv)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size must look like 1280x720, not {args.size!r}")

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.art import BACKGROUND_IDS, paint_background, paint_title, tint

    pygame.init()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("title", *BACKGROUND_IDS):
        start = time.perf_counter()
        picture = paint_title((w, h)) if name == "title" else paint_background(name, (w, h))
        ms = (time.perf_counter() - start) * 1000
        path = args.out_dir / f"{name}.png"
        pygame.image.save(picture, str(path))
        print(f"{path}  {ms:6.1f} ms")
        if args.tint and name != "title":
            for when in ("past", "present"):
                pygame.image.save(tint(picture, when), str(args.out_dir / f"{name}.{when}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
