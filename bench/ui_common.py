"""Shared by the window player's benchmarks: a virtual screen when one can be had, child
processes, medians. Every benchmark prints the game's figure, a bare-pygame baseline
measured the same way in the same run, and their ratio."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def screen(use_xvfb: bool = True) -> Iterator[dict[str, str]]:
    """Environment for child processes: a fresh Xvfb display if available, else SDL's dummy
    video driver. The display's kind is in env['BENCH_SCREEN']."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(PYGAME_HIDE_SUPPORT_PROMPT="1", SDL_AUDIODRIVER="dummy")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if not use_xvfb or shutil.which("Xvfb") is None:
        env.update(SDL_VIDEODRIVER="dummy", BENCH_SCREEN="SDL dummy driver")
        yield env
        return
    number = 400 + os.getpid() % 400
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        env.update(DISPLAY=f":{number}", BENCH_SCREEN=f"Xvfb :{number}")
        yield env
    finally:
        server.terminate()
        server.wait(5)


def child(code: str, env: dict[str, str], *args: str, timeout: float = 120) -> str:
    """Run Python `code` in a fresh interpreter; its last line of output."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio_line(name: str, game: float, base: float, unit: str, budget: float | None) -> str:
    ratio = game / base if base else float("inf")
    line = f"{name}: game {game:.3g} {unit}, baseline {base:.3g} {unit}, ratio {ratio:.2f}"
    if budget is not None:
        line += f" ({'within' if ratio <= budget else 'OVER'} the {budget:g}x budget)"
    return line
