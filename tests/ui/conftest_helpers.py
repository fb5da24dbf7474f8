"""Fixtures' helpers for the window tests: a driver on the mini story with a player made."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import MINI
from tests.ui.driver import Driver


def new_player(
    saves: Path, scenes: Path = MINI, nickname: str = "Kit", **options: object
) -> Driver:
    """A driver past the first run: a player made and the short settings step closed."""
    d = Driver(scenes, saves, **options)  # type: ignore[arg-type]
    assert d.screen_name == "new-player", d.text
    d.type(nickname).key("enter")
    assert d.screen_name == "settings"
    d.focus("Start").key("enter")
    assert d.screen_name == "title", d.text
    return d


def to_question(d: Driver, limit: int = 60) -> None:
    """Read on (Space) until a question is shown."""
    for _ in range(limit):
        if d.screen_name == "play/QuestionView":
            return
        if d.screen_name == "play/ChoiceView":
            d.key("1")
        else:
            d.key("space")
    raise AssertionError(f"no question reached: {d.screen_name} {d.text}")


def answer_any(d: Driver) -> None:
    """Answer the question on screen somehow (first option, or some words) and go on past
    its feedback, however many tries it takes."""
    for _ in range(6):
        if d.screen_name != "play/QuestionView":
            break
        view = d.top.view
        if view.field is not None:
            if not view.field.value:
                words = max(3, getattr(view.cp, "min_words", 0))
                d.type(" ".join(["Kathy remembers"] * (words // 2 + 1)))
            d.key("enter")
        else:
            if view.kind in ("single", "evidence", "true_false", "multiple") and not view.selected:
                d.key("1")
            d.focus("Check").key("enter")
    if d.screen_name == "play/FeedbackView":
        d.key("enter")


def play_to_summary(d: Driver, limit: int = 300) -> None:
    for _ in range(limit):
        name = d.screen_name
        if name == "play/SummaryView":
            return
        if name == "play/QuestionView":
            answer_any(d)
        elif name == "play/ChoiceView":
            d.key("1")
        else:
            d.key("space")
    raise AssertionError(f"no summary reached: {d.screen_name} {d.text}")
