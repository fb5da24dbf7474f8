"""The real thing: `python run_game.py` in a window on a virtual screen (Xvfb), keys sent
with xdotool, and screenshots checked for the expected screen.

Skipped only when Xvfb, xdotool or ImageMagick's `import` is missing (.ci/run installs them).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.paths import PROJECT_ROOT
from game.ui import look
from tests.helpers import MINI

TOOLS = ("Xvfb", "xdotool", "import")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb, xdotool and ImageMagick (apt-get install xvfb xdotool imagemagick)",
)


def run(args: list[str], env: dict[str, str], timeout: float = 10) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
    return done.stdout.strip()


@pytest.fixture
def display() -> Iterator[dict[str, str]]:
    """A virtual screen of its own, stopped by its pid afterwards."""
    number = random.Random(os.getpid()).randrange(140, 400)
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(DISPLAY=f":{number}", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("MEMORIES_RAISE", None)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()


def screenshot(env: dict[str, str], path: Path) -> pygame.Surface:
    run(["import", "-window", "root", str(path)], env)
    return pygame.image.load(str(path))


def wait_for(check, timeout: float = 20.0, what: str = "") -> object:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def close_to(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a[:3], b[:3], strict=False))


def test_title_then_the_first_line_in_a_real_window(
    display: dict[str, str], tmp_path: Path
) -> None:
    env = display
    game = subprocess.Popen(
        [
            sys.executable,
            "run_game.py",
            "--scenes",
            str(MINI),
            "--saves",
            str(tmp_path),
            "--profile",
            "Kit",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        window = wait_for(
            lambda: run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(game.pid)], env
            ).split(),
            what="the game's window",
        )[0]
        name = lambda: run(["xdotool", "getwindowname", window], env)  # noqa: E731
        wait_for(lambda: name() == "Kathy's Memories", what="the title")
        cream = look.scheme("cream")
        # the title: its menu panel on the left, in the panel colour
        geometry = run(["xdotool", "getwindowgeometry", window], env)
        assert "1280x720" in geometry, geometry
        top = (800 - 720) // 2

        def title_drawn() -> bool:
            shot = screenshot(env, tmp_path / "title.png")
            return close_to(shot.get_at((36, top + 200)), cream.panel)

        wait_for(title_drawn, what="the title's menu panel")
        time.sleep(1.0)  # the story loads after the first frame; then New game has the focus
        run(["xdotool", "key", "--window", window, "Return"], env)
        wait_for(lambda: "Part One: The opening" in name(), what="the first scene")

        def line_shown() -> bool:
            shot = screenshot(env, tmp_path / "scene.png")
            # the text box at the bottom centre is a cream panel; the sky above it is not
            return close_to(shot.get_at((640, top + 690)), cream.panel) and not close_to(
                shot.get_at((640, top + 300)), cream.panel
            )

        wait_for(line_shown, what="the first line's text box")
        run(["xdotool", "key", "--window", window, "F1"], env)
        time.sleep(0.5)
        help_shot = screenshot(env, tmp_path / "help.png")
        assert help_shot.get_at((640, top + 300)) != pygame.image.load(
            str(tmp_path / "scene.png")
        ).get_at((640, top + 300))
    finally:
        game.send_signal(signal.SIGTERM)  # SDL turns it into a quit event: the game autosaves
        try:
            code = game.wait(15)
        except subprocess.TimeoutExpired:
            game.kill()
            code = game.wait(5)
    output = game.stdout.read().decode() if game.stdout else ""
    assert code == 0, output
    assert list(tmp_path.glob("*/saves/auto.json")), "no autosave when the window closed"
