"""The game menu (Escape while playing) and a small yes/no question."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import control
from ..widgets import Button, Row, Text, Widget
from .base import PanelScreen


class GameMenu(PanelScreen):
    name = "menu"
    backdrop = "below"
    heading = "Menu"

    def __init__(self, app: Any, play: Any) -> None:
        super().__init__(app)
        self.play = play

    def build(self) -> tuple[list[Widget], list[Widget]]:
        homework = self.app.ctx.homework is not None
        saving: list[Widget] = [
            Button("Save", self.save, name="Save"),
            Button("Load", self.load, name="Load"),
        ]
        return [
            Button("Back to the story", self.back, hint="Esc", name="Resume"),
            *([] if homework else saving),
            Button("Lines so far (history)", self.history, name="History"),
            Button("Journal, glossary and people", self.journal, name="Journal"),
            Button("Settings", self.settings, name="Settings"),
            Button("Keys and help", self.help, name="Help"),
            Button(
                "Save and go to the homework levels"
                if homework
                else "Save and go to the title screen",
                self.title,
                name="Title",
            ),
        ], []

    def save(self) -> None:
        from .saveload import SaveLoadScreen

        self.app.push(SaveLoadScreen(self.app, "save", self.play))

    def load(self) -> None:
        from .saveload import SaveLoadScreen

        self.app.push(SaveLoadScreen(self.app, "load", self.play))

    def history(self) -> None:
        from .history import HistoryScreen

        self.app.replace(HistoryScreen(self.app, self.play))

    def journal(self) -> None:
        from .journal import JournalScreen

        self.app.push(JournalScreen(self.app))

    def settings(self) -> None:
        from .settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def help(self) -> None:
        from .help import HelpScreen

        self.app.push(HelpScreen(self.app))

    def title(self) -> None:
        self.play.left_early()
        control.to_title(self.app)


class ConfirmScreen(PanelScreen):
    name = "confirm"
    backdrop = "below"

    def __init__(
        self, app: Any, question: str, detail: str, yes: str, action: Callable[[], None]
    ) -> None:
        super().__init__(app)
        self.heading = question
        self.detail = detail
        self.yes = yes
        self.action = action

    def build(self) -> tuple[list[Widget], list[Widget]]:
        self.yes_button = Button(self.yes, self.do, fill=False, name="Yes")
        no = Button("No, go back", self.back, hint="Esc", fill=False, name="No")
        return [Text(self.detail, "body", "text"), Row([self.yes_button, no])], []

    def first_focus(self) -> Widget | None:
        return self.yes_button

    def do(self) -> None:
        self.app.pop()
        self.action()
