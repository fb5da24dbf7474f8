"""Scroll back through the lines already read, and go back to one of them (unless a
teacher has locked answered questions)."""

from __future__ import annotations

from typing import Any

from ..widgets import Button, Row, Text, Widget
from .base import PanelScreen

SHOWN = 200


class HistoryScreen(PanelScreen):
    name = "history"
    backdrop = "below"
    heading = "Lines so far"
    compact = False

    def __init__(self, app: Any, play: Any) -> None:
        super().__init__(app)
        self.play = play
        self.lines: list[Button] = []

    def build(self) -> tuple[list[Widget], list[Widget]]:
        from ...play import runner

        session = self.play.session
        state = session.state
        history = state.history
        first = max(0, len(history) - SHOWN)
        items: list[Widget] = [
            Text("Choose a line to go back to it. Esc returns to the story.", "small", "muted")
        ]
        self.lines = []
        last_scene = None
        for index in range(first, len(history)):
            entry = history[index]
            if entry.scene != last_scene:
                scene = session.story.scenes.get(entry.scene)
                items.append(Text(scene.title if scene else entry.scene, "body_bold", "accent"))
                last_scene = entry.scene
            who = session.story.speaker_name(entry.speaker)
            text = f"\u201c{entry.text}\u201d" if entry.kind == "quote" else entry.text
            text = f"{who}: {text}" if who else text
            allowed = runner.can_rollback_to(state, index)
            now = index == len(history) - 1
            if now:
                text += " (you are here)"
            elif not allowed:
                text += " (locked by your teacher)"
            button = Button(
                text,
                (lambda i=index: self.confirm(i)) if allowed and not now else None,
                variant="option",
                enabled=allowed and not now,
                name=f"line-{index}",
            )
            items.append(button)
            self.lines.append(button)
        return items, [Row([Button("Back to the story", self.back, hint="Esc", fill=False)])]

    def first_focus(self) -> Widget | None:
        return self.lines[-1] if self.lines else None

    def confirm(self, index: int) -> None:
        from .menu import ConfirmScreen

        self.app.push(
            ConfirmScreen(
                self.app,
                "Go back to this line?",
                "The story goes on from there. Answers you gave after it stay in your results.",
                "Go back",
                lambda: self.go_back(index),
            )
        )

    def go_back(self, index: int) -> None:
        from ...play.runner import ActionError

        try:
            self.play.session.rollback(index)
        except ActionError as problem:
            self.app.toast(str(problem).capitalize() + ".")
            return
        self.app.pop_to(self.play)
