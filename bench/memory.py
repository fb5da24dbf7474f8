"""Peak memory (ru_maxrss) of the game with the whole story loaded and a scene on screen,
as a ratio to a bare pygame window (budget: 1.6x).

    python bench/memory.py [--dummy]

Both are fresh processes on the same virtual screen (Xvfb when installed, else SDL's dummy
driver) that report their own peak resident memory.
"""

from __future__ import annotations

import argparse

from ui_common import child, ratio_line, screen

BASE = """
import resource, pygame
pygame.display.init(); pygame.font.init()
s = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
s.fill((241, 233, 216)); pygame.display.flip()
pygame.event.get()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

GAME = """
import resource, tempfile, pathlib
from game.ui.app import App
from game.ui.context import Options
from game.ui import control
app = App(Options(saves=pathlib.Path(tempfile.mkdtemp()), profile="Bench"))
app.start()
assert len(app.ctx.story.scenes) > 30
control.play(app, app.ctx.new_state())
app.settle()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dummy", action="store_true")
    args = parser.parse_args()
    with screen(not args.dummy) as env:
        child(GAME, env)  # warm the story cache
        base = float(child(BASE, env))
        game = float(child(GAME, env))
        print(f"screen: {env['BENCH_SCREEN']}")
        print(ratio_line("peak memory (MB)", game, base, "MB", 1.6))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
