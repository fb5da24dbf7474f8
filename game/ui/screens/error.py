"""When something breaks: the story's problems (path:line:col: message), or an error while
playing, said plainly. The game keeps running, no save is written from a broken state, and
R (or F5) reads the scene files again."""

from __future__ import annotations

import traceback
from typing import Any

from .. import control
from ..widgets import Button, Row, Text, Widget
from .base import PanelScreen

SHOWN = 40


class ErrorScreen(PanelScreen):
    name = "error"
    compact = False
    wide = True

    def __init__(
        self,
        app: Any,
        *,
        error: BaseException | None = None,
        diagnostics: list[Any] | None = None,
        at_start: bool = False,
    ) -> None:
        super().__init__(app)
        self.error = error
        self.diagnostics = list(diagnostics or [])
        self.at_start = at_start
        self.heading = "The story has a problem" if diagnostics else "Something went wrong"

    def set_diagnostics(self, diagnostics: list[Any]) -> None:
        self.diagnostics = list(diagnostics)
        self.refresh()

    def build(self) -> tuple[list[Widget], list[Widget]]:
        items: list[Widget] = []
        if self.diagnostics:
            count = len(self.diagnostics)
            items.append(
                Text(
                    f"The scene files have {count} error{'s' if count != 1 else ''}. "
                    "Your saves are safe.",
                    "body",
                    "text",
                )
            )
            for diagnostic in self.diagnostics[:SHOWN]:
                items.append(Text(diagnostic.format(), "small", "wrong", mark="cross"))
            if count > SHOWN:
                items.append(
                    Text(
                        f"… and {count - SHOWN} more: run `memories lint` to see them all.",
                        "small",
                        "muted",
                    )
                )
            playing = not self.at_start and self.app.ctx.session is not None
            advice = (
                "You can play on with the scenes as they were, or fix the files and press R "
                "(or F5) to read them again."
                if playing
                else "Fix the files, then press R (or F5) to read them again."
            )
            items.append(Text(advice, "body", "text"))
        else:
            items.append(
                Text(
                    "The game met an error it did not expect. Your saves are safe: "
                    "nothing was saved from this moment.",
                    "body",
                    "text",
                )
            )
            if self.error is not None:
                detail = "".join(
                    traceback.format_exception_only(type(self.error), self.error)
                ).strip()
                items.append(Text(detail, "small", "wrong", mark="cross"))
            items.append(
                Text(
                    "Press R (or F5) to read the scene files again and go on, or go back "
                    "to the title screen.",
                    "body",
                    "text",
                )
            )
        buttons: list[Widget] = [
            Button("Reload the scene files", self.reload, hint="R", fill=False, name="Reload")
        ]
        if self.diagnostics and not self.at_start and self.app.ctx.session is not None:
            buttons.insert(0, Button("Play on", self.app.pop, fill=False, name="Play on"))
        if not self.at_start:
            buttons.append(Button("Title screen", self.title, hint="Esc", fill=False, name="Title"))
        buttons.append(Button("Quit", self.app.quit, fill=False, name="Quit"))
        return items, [Row(buttons)]

    def reload(self) -> None:
        if self.at_start:
            result = self.app.ctx.load_story()
            if result.ok:
                from .title import TitleScreen

                self.app.reset(TitleScreen(self.app))
                control.open_first_screen(self.app)
            else:
                self.set_diagnostics(result.errors)
            return
        control.reload_story(self.app)

    def title(self) -> None:
        self.app.ctx.session = None
        control.to_title(self.app)

    def back(self) -> None:
        if not self.at_start:
            self.title()

    def handle(self, event: Any) -> bool:
        import pygame

        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            self.reload()
            return True
        return super().handle(event)
