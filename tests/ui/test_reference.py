"""Reference pictures of a few screens (scaled to 640x360), compared with a tolerance.

On a mismatch the test writes the new picture and a diff image beside the reference
(`*.actual.png`, `*.diff.png`, ignored by git). `UPDATE_REFERENCE=1 pytest tests/ui` draws
the references again after an intended change of look.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from tests.ui.conftest_helpers import new_player, to_question
from tests.ui.driver import Driver

REFERENCE = Path(__file__).parent / "reference"
SIZE = (640, 360)
CHANNEL_TOLERANCE = 48
"""A pixel differs when a channel is off by more than this (font hinting, scaling)."""
SHARE_TOLERANCE = 0.02
"""The test fails when more than this share of pixels differ."""


def compare(name: str, shot: pygame.Surface) -> None:
    path = REFERENCE / f"{name}.png"
    if os.environ.get("UPDATE_REFERENCE") or not path.exists():
        REFERENCE.mkdir(exist_ok=True)
        pygame.image.save(shot, str(path))
        if not os.environ.get("UPDATE_REFERENCE"):
            pytest.skip(f"made the missing reference {path.name}")
        return
    expected = pygame.image.load(str(path))
    assert expected.get_size() == shot.get_size()
    diff = pygame.Surface(shot.get_size())
    diff.fill((255, 255, 255))
    differing = 0
    w, h = shot.get_size()
    for y in range(h):
        for x in range(w):
            a = shot.get_at((x, y))
            b = expected.get_at((x, y))
            if max(abs(a[i] - b[i]) for i in range(3)) > CHANNEL_TOLERANCE:
                differing += 1
                diff.set_at((x, y), (220, 0, 0))
    share = differing / (w * h)
    if share > SHARE_TOLERANCE:
        pygame.image.save(shot, str(path.with_suffix(".actual.png")))
        pygame.image.save(diff, str(path.with_suffix(".diff.png")))
        raise AssertionError(
            f"{name}: {share:.1%} of pixels differ (allowed {SHARE_TOLERANCE:.0%}); "
            f"see {path.with_suffix('.diff.png')}"
        )


@pytest.fixture
def kit(tmp_path: Path) -> Driver:
    d = new_player(tmp_path)
    d.app.ctx.save_settings(d.app.ctx.settings.with_(text_speed="instant"))
    return d


def test_title_screen(kit: Driver) -> None:
    compare("title", kit.shot(SIZE))


def test_first_line_of_the_scene(kit: Driver) -> None:
    kit.key("enter")
    compare("scene_line", kit.shot(SIZE))


def test_question(kit: Driver) -> None:
    kit.key("enter")
    to_question(kit)
    kit.key("1")
    compare("question_single", kit.shot(SIZE))


def test_settings_at_200_percent_high_contrast(kit: Driver) -> None:
    kit.app.ctx.save_settings(
        kit.app.ctx.settings.with_(text_size=200, scheme="high_contrast", font="opendyslexic")
    )
    kit.app.apply_settings()
    kit.click_on("Settings")
    compare("settings_200_high_contrast", kit.shot(SIZE))
