"""The title screen: the picture, the game's name, the menu and a calm note for adults."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import control
from .. import text as tx
from ..widgets import Button, Row, Text, Widget, draw_panel
from .base import PanelScreen

if TYPE_CHECKING:
    from ..app import App

GAME_NAME = "Kathy's Memories"
SUBTITLE = "A study game for Never Let Me Go by Kazuo Ishiguro"


class TitleScreen(PanelScreen):
    name = "title"
    backdrop = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.ready = False
        self.heading = GAME_NAME

    def story_ready(self) -> None:
        self.ready = True
        self.refresh(keep_focus=False)
        self.flow.focus_first()

    def build(self) -> tuple[list[Widget], list[Widget]]:
        ctx = self.app.ctx
        items: list[Widget] = [Text(SUBTITLE, "small", "muted")]
        if not self.ready or ctx.story is None:
            items.append(Text("Opening the story…", "body", "muted"))
            return items, []
        if ctx.profile is not None:
            items.append(Text(f"Playing as {ctx.profile.nickname}.", "small", "text"))
            latest = self.latest()
            if latest is not None:
                items.append(
                    Button(
                        f"Continue: {latest.part_title}, {latest.scene_title}",
                        self.continue_game,
                        name="Continue",
                    )
                )
        half = {"share": 0.5, "fill": False}
        items += [
            Button("New game", self.new_game),
            Row(
                [
                    Button("Load", self.load, name="Load a saved game", **half),
                    Button("Choose a part", self.parts, **half),
                    Button("Homework", self.homework, **half),
                    Button("Settings", self.settings, **half),
                    Button("Glossary", self.glossary, name="Glossary and people", **half),
                    Button("Change player", self.change_player, **half),
                    Button("Help", self.help, hint="F1", name="Help", **half),
                    Button("Quit", self.app.quit, **half),
                ]
            ),
        ]
        return items, []

    def latest(self):
        from ... import saves

        profile = self.app.ctx.profile
        return saves.latest_slot(profile) if profile is not None else None

    # ------------------------------------------------------------------ actions

    def continue_game(self) -> None:
        latest = self.latest()
        if latest is None:
            return
        state, notices = self.app.ctx.read_slot(latest.slot)
        if state is None:
            self.app.toast(" ".join(notices))
            return
        control.play(self.app, state)
        if notices:
            self.app.toast(" ".join(notices), 6)

    def new_game(self) -> None:
        from ...play.runner import ActionError

        try:
            state = self.app.ctx.new_state()
        except ActionError as problem:
            self.app.toast(f"Cannot start: {problem}.")
            return
        control.play(self.app, state)

    def load(self) -> None:
        from .saveload import SaveLoadScreen

        self.app.push(SaveLoadScreen(self.app, "load"))

    def parts(self) -> None:
        from .parts import PartsScreen

        self.app.push(PartsScreen(self.app))

    def homework(self) -> None:
        from .homework import HomeworkScreen

        self.app.push(HomeworkScreen(self.app))

    def settings(self) -> None:
        from .settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def glossary(self) -> None:
        from .journal import JournalScreen

        self.app.push(JournalScreen(self.app, tab="glossary"))

    def change_player(self) -> None:
        from .profile import ProfileScreen

        self.app.push(ProfileScreen(self.app, then=self.refresh))

    def help(self) -> None:
        from .help import HelpScreen

        self.app.push(HelpScreen(self.app))

    def back(self) -> None:
        """Escape on the title does nothing: Quit is in the menu."""

    # ------------------------------------------------------------------ layout

    def panel_width(self) -> int:
        w, _ = self.app.size
        style = self.style
        return min(
            w - 2 * style.margin,
            max(round(w * 0.5), style.measure_width(style.body) // 2 + style.unit * 6),
        )

    def layout(self) -> None:
        super().layout()
        # the menu sits on the left, over the open sky of the picture
        self.panel.x = self.style.margin
        self.flow.layout(self.style, self._flow_rect())

    def _flow_rect(self) -> pygame.Rect:
        style = self.style
        pad = style.unit * 3
        head = self.heading_height(self.panel.width - 2 * pad)
        return pygame.Rect(
            self.panel.x + pad,
            self.panel.y + pad + head,
            self.panel.width - 2 * pad,
            self.panel.height - 2 * pad - head,
        )

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self.draw_note(surface)

    def draw_note(self, surface: pygame.Surface) -> None:
        story = self.app.ctx.story
        if story is None or not story.content_note:
            return
        style = self.style
        w, h = self.app.size
        spec = style.small
        lh = style.line_h(spec)
        left = self.panel.right + style.margin
        width = w - left - style.margin
        if width < style.measure_width(spec) // 3:
            return  # no room beside the menu (very large text): the note is in the help screen
        lines = tx.wrap(story.content_note, spec, width - style.unit * 4)
        rect = pygame.Rect(left, 0, width, len(lines) * lh + style.unit * 3)
        rect.bottom = h - style.margin
        draw_panel(surface, rect, style)
        tx.draw_lines(
            surface,
            lines,
            spec,
            style.scheme.muted,
            style.scheme.panel,
            (rect.x + style.unit * 2, rect.y + style.unit + style.unit // 2),
            lh,
        )

    def describe(self) -> str:
        story = self.app.ctx.story
        note = story.content_note if story is not None else ""
        return super().describe() + "\n" + note
