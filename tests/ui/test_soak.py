"""Thousands of random keys, typed text and clicks across every screen (seeded): nothing may
raise, and memory must not keep growing (tracemalloc, second half against the first)."""

from __future__ import annotations

import gc
import itertools
import os
import random
import tracemalloc
from pathlib import Path

import pygame
import pytest

from game.ui import art, text
from tests.helpers import MINI
from tests.ui.conftest_helpers import new_player

KEYS = [
    pygame.K_SPACE,
    pygame.K_RETURN,
    pygame.K_TAB,
    pygame.K_ESCAPE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_h,
    pygame.K_j,
    pygame.K_r,
    pygame.K_t,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_BACKSPACE,
    pygame.K_F1,
    pygame.K_F6,
    pygame.K_F9,
    pygame.K_HOME,
    pygame.K_END,
]
EVENTS = int(os.environ.get("SOAK_EVENTS", "3000"))


def random_events(
    rng: random.Random, size: tuple[int, int], count: int
) -> list[pygame.event.Event]:
    events = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.6:
            key = rng.choice(KEYS)
            mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
            events.append(
                pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
            )
        elif roll < 0.7:
            char = rng.choice("abc xyz?")
            events.append(
                pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, unicode=char, scancode=0)
            )
            events.append(pygame.event.Event(pygame.TEXTINPUT, text=char))
        elif roll < 0.95:
            pos = (rng.randrange(size[0]), rng.randrange(size[1]))
            events.append(
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            )
            events.append(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        else:
            events.append(
                pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False)
            )
    return events


@pytest.mark.parametrize("seed", [1, 2])
def test_random_input_never_breaks_the_game(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = new_player(tmp_path, scenes=MINI)
    app = d.app
    quit_calls = []
    monkeypatch.setattr(app, "quit", lambda: quit_calls.append(1))  # the Quit button
    rng = random.Random(seed)
    events = random_events(rng, app.size, EVENTS)
    screens = set()

    def run(batch: list[pygame.event.Event]) -> None:
        for start in range(0, len(batch), 4):
            app.pump(batch[start : start + 4])
            app.settle(limit=5)
            screens.add(d.screen_name)

    def measured() -> int:
        """Memory in use with the bounded caches emptied: what is left would be a leak."""
        text.clear_caches()
        art.clear_cache()
        gc.collect()
        return tracemalloc.get_traced_memory()[0]

    quarter = len(events) // 4
    run(events[:quarter])  # warm up: imports, fonts, first pictures
    tracemalloc.start()
    readings = [measured()]
    for start in range(quarter, len(events), quarter):
        run(events[start : start + quarter])
        readings.append(measured())
    tracemalloc.stop()
    assert app.errors == [], app.errors[0]
    assert len(screens) >= 5, screens
    growths = [after - before for before, after in itertools.pairwise(readings)]
    # A leak grows in every stretch of play; a one-time event (a cache filling, Python's table
    # of interned strings doubling) grows in one only.
    assert min(growths) < 300_000, f"memory grew in every stretch: {growths}"
    assert max(growths) < 4_000_000, f"memory grew too much in one stretch: {growths}"
