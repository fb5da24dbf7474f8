"""CPU used by the game while a scene waits for the reader, as % of one core, and as a
ratio to a bare `pygame.time.wait(33)` + `event.get()` loop (shared/FACTS.md: 0.9%).

    python bench/idle_cpu.py [--seconds 10] [--dummy]

Each loop runs in its own process on the same virtual screen (Xvfb when installed, else
SDL's dummy driver) and measures its own CPU time (time.process_time) over the period.
The game is the real App on the real story: a new game started, the first line typed out,
then the App's own main loop (pump + nap) left alone.
"""

from __future__ import annotations

import argparse

from ui_common import child, ratio_line, screen

BASE = """
import sys, time, pygame
pygame.display.init()
pygame.display.set_mode((1280, 720))
pygame.display.flip()
seconds = float(sys.argv[1])
for _ in range(10):
    pygame.time.wait(33); pygame.event.get()
start_cpu, start = time.process_time(), time.perf_counter()
while time.perf_counter() - start < seconds:
    pygame.time.wait(33)
    pygame.event.get()
print(100 * (time.process_time() - start_cpu) / (time.perf_counter() - start))
"""

GAME = """
import sys, time, tempfile, pathlib, pygame
from game.ui.app import App
from game.ui.context import Options
from game.ui import control
seconds = float(sys.argv[1])
saves = pathlib.Path(tempfile.mkdtemp())
app = App(Options(saves=saves, profile="Bench"))
app.start()
control.play(app, app.ctx.new_state())
for _ in range(3000):  # let the first line type out and the autosave happen
    app.pump()
    app._nap()
    if not app.animating and app.frames > 2:
        break
for _ in range(20):
    app.pump(); app._nap()
app.last_input = 0.0
start_cpu, start = time.process_time(), time.perf_counter()
frames = app.frames
while time.perf_counter() - start < seconds:
    app.pump()
    app._nap()
cpu = 100 * (time.process_time() - start_cpu) / (time.perf_counter() - start)
print(cpu, app.frames - frames)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--dummy", action="store_true", help="SDL's dummy driver, not Xvfb")
    args = parser.parse_args()
    with screen(not args.dummy) as env:
        print(f"screen: {env['BENCH_SCREEN']}, {args.seconds:g} s each")
        base = float(child(BASE, env, str(args.seconds)))
        game_cpu, frames = child(GAME, env, str(args.seconds)).split()
        print(f"frames drawn while idle: {frames}")
        print(ratio_line("idle CPU (% of a core)", float(game_cpu), base, "%", None))
        print(f"idle CPU under 1% of a core: {'yes' if float(game_cpu) < 1.0 else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
