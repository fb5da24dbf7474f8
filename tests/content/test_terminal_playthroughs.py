"""The whole story, played in the terminal player by a script that types the first option
everywhere, and by one that types the last (issue 4's end-to-end check of the content)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.story.loader import load_story
from game.story.model import Story
from tests.autoplay import play_through
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def story() -> Story:
    result = load_story(ROOT / "scenes")
    assert result.story is not None, [d.format() for d in result.errors]
    return result.story


@pytest.mark.parametrize(("pick", "age"), [("first", "14+"), ("last", "11-13")])
def test_every_part_can_be_played_to_its_end(
    story: Story, tmp_path: Path, pick: str, age: str
) -> None:
    text, _keyboard = play_through(story, tmp_path / "saves", pick, age=age)
    for part in story.parts:
        assert f"The end of {part.title}." in text, f"{pick}: never reached the end of {part.title}"
    assert "This is the end of the story. Thank you for playing." in text
    assert "Traceback" not in text
    asked = text.count("\nQuestion. Theme:")
    assert asked >= 80, f"only {asked} questions were asked on the {pick}-option path"
