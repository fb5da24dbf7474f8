"""Cost of a frame while a line types out at 1280x720, as a ratio to a bare loop blitting
the same picture and the same text, pre-rendered (budget: 2x).

    python bench/typewriter.py [--frames 300]

The game's frame is the real scene screen drawing itself (picture, place panel, buttons,
the text box with the partly typed line); the baseline blits the same background picture
and the same lines rendered once beforehand. Neither counts display.flip. The text is the
longest line of the story, so both wrap to several lines.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame
from ui_common import ratio_line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()

    from dataclasses import replace

    from game.play import runner
    from game.story import model as m
    from game.ui import control
    from game.ui import text as tx
    from game.ui.app import App
    from game.ui.context import Options

    app = App(Options(saves=Path(tempfile.mkdtemp()), profile="Bench"))
    app.start()
    story = app.ctx.story
    scene, pc = max(
        (
            (s, i)
            for s in story.scenes.values()
            for i, op in enumerate(s.ops)
            if isinstance(op, m.ShowLine)
        ),
        key=lambda found: len(found[0].ops[found[1]].text),
    )
    state = runner.settle(story, replace(app.ctx.new_state(), scene=scene.id, pc=pc))
    control.play(app, state)
    app.settle()  # autosave and first drawing done
    play = app.top
    view = play.view
    surface = app.surface
    total = tx.total_chars(view.pages[view.page])

    def game_frame(i: int) -> None:
        view.shown = (i % total) + 0.5  # typing: part of the last line shows
        play.draw(surface)

    # the baseline: the same picture and lines, rendered once, blitted
    style = app.style
    spec = view.spec
    lines = view.pages[view.page]
    images = [spec.font.render(line, True, style.scheme.text) for line in lines]
    picture = play.picture
    lh = style.line_h(spec)
    x, y = view.box.x + style.unit * 3, view.box.y + style.unit * 3

    def base_frame(i: int) -> None:
        surface.blit(picture, (0, 0))
        for n, image in enumerate(images):
            surface.blit(image, (x, y + n * lh))

    def timed(frame) -> float:
        for i in range(30):
            frame(i)
        times = []
        for i in range(args.frames):
            start = time.perf_counter()
            frame(i)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    base = timed(base_frame)
    game = timed(game_frame)
    print(f"line of {len(view.step.text)} characters in {len(lines)} lines at {spec.px} px")
    print(ratio_line("typing frame (ms, median)", game, base, "ms", 2.0))
    pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
