"""Fixtures for the classroom tests: the real story, and a homework file for the mini story."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.story.loader import load_story
from game.story.model import Story
from tests.helpers import ROOT

MINI_HOMEWORK = """\
format_version: 1
id: mini-hw
title: The opening and the middle
class: 9B
teacher: Ms Okafor
due: 2025-03-14
levels:
  - scenes: [opening]
    title: The opening
  - scenes: [middle]
    title: The middle
pass_mark: 60
tries: 2
"""


@pytest.fixture(scope="session")
def real_story() -> Story:
    result = load_story(ROOT / "scenes")
    assert result.story is not None, [d.format() for d in result.errors]
    return result.story


@pytest.fixture
def homework_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini-hw.yaml"
    path.write_text(MINI_HOMEWORK, encoding="utf-8")
    return path
