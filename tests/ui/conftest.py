"""Headless pygame for the UI tests: SDL's dummy drivers must be chosen before pygame loads."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterator

import pygame
import pytest


@pytest.fixture(scope="session", autouse=True)
def pygame_headless() -> Iterator[None]:
    """pygame with fonts ready, once for the whole run (no window is opened)."""
    pygame.init()
    pygame.font.init()
    yield
    pygame.quit()
