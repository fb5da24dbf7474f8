"""Shared fixtures: the small test story, a scratch copy of it, and sessions that save and load.

Every runner test takes `make_session`, which runs it twice: once directly, and once with the
state written to JSON and read back after every action (as ink's tests do), so anything the
state forgets across a save shows up as a failing test.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.play.runner import Session
from game.play.state import state_from_data, state_to_data
from game.story.loader import load_story
from game.story.model import Story
from tests.helpers import MINI


@pytest.fixture(scope="session")
def mini_story() -> Story:
    result = load_story(MINI)
    assert result.story is not None, [d.format() for d in result.diagnostics]
    return result.story


@pytest.fixture
def scratch_story(tmp_path: Path) -> Path:
    """A copy of the mini story that a test may edit."""
    target = tmp_path / "scenes"
    shutil.copytree(MINI, target)
    return target


class RoundTripSession(Session):
    """A Session whose state goes through JSON after every action."""

    def _reload(self) -> None:
        text = json.dumps(state_to_data(self.state))
        again = state_from_data(json.loads(text))
        assert again == self.state
        self.state = again

    def advance(self) -> Any:
        step = super().advance()
        self._reload()
        return step

    def choose(self, index: int) -> Any:
        step = super().choose(index)
        self._reload()
        return step

    def answer(self, response: Any, seconds: float = 0.0) -> Any:
        feedback = super().answer(response, seconds)
        self._reload()
        return feedback

    def hint(self) -> str:
        text = super().hint()
        self._reload()
        return text

    def rollback(self, index: int) -> Any:
        step = super().rollback(index)
        self._reload()
        return step


@pytest.fixture(params=["direct", "after-save-and-load"])
def make_session(request: pytest.FixtureRequest) -> Callable[..., Session]:
    cls = Session if request.param == "direct" else RoundTripSession

    def make(story: Story, **options: Any) -> Session:
        session = Session.new(story, **options)
        return cls(story, session.state)

    return make
