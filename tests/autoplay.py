"""A scripted player for the terminal front end: answers every prompt by a simple policy.

Tests use it to play whole parts through `TextPlayer` exactly as a person at a keyboard
would, typing the first (or last) option everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from game import saves
from game.play import runner
from game.story.model import Story
from game.text_player import TextPlayer


class ScriptedKeyboard:
    """Types answers for a TextPlayer: menu keys from a queue, then the policy for the story."""

    def __init__(self, pick: str, menu: list[str], limit: int = 20_000) -> None:
        self.pick = pick  # "first" or "last"
        self.menu = list(menu)
        self.player: TextPlayer | None = None
        self.typed: list[tuple[str, str]] = []
        self.limit = limit

    def __call__(self, prompt: str) -> str:
        if len(self.typed) > self.limit:
            raise AssertionError("the scripted player typed too much: the story may loop")
        answer = self.answer(prompt)
        self.typed.append((prompt, answer))
        return answer

    def answer(self, prompt: str) -> str:
        session = self.player.session if self.player else None
        step = session.step if session else None
        if prompt.startswith("Press Enter to go on to"):
            return ""
        if prompt.startswith("Press Enter to return to the menu"):
            return ""
        if session is None or prompt.startswith(
            ("Type a letter", "Choose a nickname", "Type a number, or n")
        ):
            if not self.menu:
                raise EOFError
            return self.menu.pop(0)
        if isinstance(step, runner.ChoiceStep):
            return "1" if self.pick == "first" else str(len(step.options))
        if isinstance(step, runner.QuestionStep):
            count = len(step.choices)
            kind = step.checkpoint.kind
            if kind in ("single", "evidence"):
                return "1" if self.pick == "first" else str(count)
            if kind == "multiple":
                return (
                    "1" if self.pick == "first" else " ".join(str(n) for n in range(1, count + 1))
                )
            if kind == "true_false":
                return "t" if self.pick == "first" else "f"
            if kind in ("order", "match"):
                numbers = range(1, count + 1) if self.pick == "first" else range(count, 0, -1)
                return " ".join(str(n) for n in numbers)
            return (
                "I think Kathy notices much more than she says out loud, because she is careful "
                "and kind, and she keeps her feelings to herself even when she is hurt or afraid."
            )
        return ""


def play_through(
    story: Story,
    saves_dir: Path,
    pick: str,
    *,
    menu: list[str] | None = None,
    age: str | None = None,
) -> tuple[str, ScriptedKeyboard]:
    """Play from the menu's New game to the end of the story; returns everything printed."""
    from dataclasses import replace

    from game.play.state import Rules

    keyboard = ScriptedKeyboard(pick, menu if menu is not None else ["Tester", "n", "q"])
    out = io.StringIO()
    rules = replace(Rules(), age_mode=age) if age else None
    player = TextPlayer(
        story, saves.SaveStore(saves_dir), read=keyboard, out=out, width=100, rules=rules
    )
    keyboard.player = player
    player.run()
    return out.getvalue(), keyboard


Reader = Callable[[str], str]
