"""A whole part played by key presses alone, from the title screen to the part's summary,
on the mini story (every kind of checkpoint) and on the real Hailsham part."""

from __future__ import annotations

from pathlib import Path

from game.paths import PROJECT_ROOT
from tests.helpers import MINI
from tests.ui.conftest_helpers import new_player, play_to_summary


def test_mini_story_part_one_by_keys_alone(tmp_path: Path) -> None:
    d = new_player(tmp_path, scenes=MINI)
    d.key("enter")  # New game
    play_to_summary(d)
    kinds = {r.kind for r in d.app.ctx.session.state.answers.values()}
    assert kinds == {
        "single",
        "true_false",
        "multiple",
        "order",
        "match",
        "evidence",
        "short",
        "free",
    }
    assert "The end of Part One" in d.text
    d.key("enter")  # Go on to Part Two
    assert d.text == "Part two line."
    play_to_summary(d)
    assert "This is the end of the story" in d.text
    d.key("enter")  # the only choice left: back to the title
    assert d.screen_name == "title"


def test_hailsham_from_the_title_to_its_summary(tmp_path: Path) -> None:
    d = new_player(tmp_path, scenes=PROJECT_ROOT / "scenes")
    d.app.ctx.save_settings(d.app.ctx.settings.with_(text_speed="instant"))
    d.key("enter")
    play_to_summary(d, limit=3000)
    assert "The end of Hailsham" in d.text
    assert d.app.errors == []
