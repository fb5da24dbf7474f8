"""Who is playing: pick a player on this computer, or make a new one with a nickname.

A new player then sees a short settings step (text size, font, colours), so the ways to make
reading easier are offered at the start rather than hidden in a menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..widgets import Button, Row, Text, TextField, Widget
from .base import PanelScreen

if TYPE_CHECKING:
    from ..app import App


class ProfileScreen(PanelScreen):
    name = "profile"
    backdrop = "title"
    heading = "Who is playing?"

    def __init__(self, app: App, then: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.then = then

    def enter(self) -> None:
        if not self.app.ctx.store.profiles():
            # the very first run: go straight to making a player
            self.app.replace(NewPlayerScreen(self.app, then=self.then, first=True))
            return
        super().enter()

    def build(self) -> tuple[list[Widget], list[Widget]]:
        items: list[Widget] = [Text("Choose your nickname, or make a new player.", "body", "muted")]
        current = self.app.ctx.profile
        for profile in self.app.ctx.store.profiles():
            label = profile.nickname + (
                " (playing now)" if current and current.id == profile.id else ""
            )
            items.append(Button(label, lambda p=profile: self.pick(p), name=profile.nickname))
        items.append(Button("A new player", self.new_player, variant="option", mark="right"))
        return items, []

    def pick(self, profile) -> None:
        self.app.ctx.use_profile(profile)
        self.app.apply_settings()
        self.app.pop()
        self.finish()

    def finish(self) -> None:
        from .title import TitleScreen

        title = self.app.find(TitleScreen)
        if title is not None:
            title.refresh()
        if self.then is not None:
            self.then()

    def new_player(self) -> None:
        self.app.replace(NewPlayerScreen(self.app, then=self.then, first=False))

    def back(self) -> None:
        if self.app.ctx.profile is not None:
            self.app.pop()
        else:
            self.app.toast("Choose a player first, or make a new one.")


class NewPlayerScreen(PanelScreen):
    name = "new-player"
    backdrop = "title"
    heading = "A new player"

    def __init__(
        self, app: App, then: Callable[[], None] | None = None, first: bool = False
    ) -> None:
        super().__init__(app)
        self.then = then
        self.first = first
        self.field = TextField(
            self.create, placeholder="for example Kit or Moonbeam", name="nickname"
        )
        self.problem = ""

    def build(self) -> tuple[list[Widget], list[Widget]]:
        items: list[Widget] = []
        if self.first:
            items.append(
                Text(
                    "Welcome! Your saves and settings will be kept on this computer "
                    "under a nickname.",
                    "body",
                    "text",
                )
            )
        items += [
            Text(
                "Type a nickname. Not your full name: a nickname keeps you private.", "body", "text"
            ),
            self.field,
        ]
        if self.problem:
            items.append(Text(self.problem, "body", "wrong", mark="cross"))
        buttons: list[Widget] = [Button("Make my player", self.create, fill=False)]
        if not self.first:
            buttons.append(Button("Back", self.back, fill=False))
        items.append(Row(buttons))
        return items, []

    def first_focus(self) -> Widget:
        return self.field

    def create(self) -> None:
        from ...saves import SaveError

        try:
            profile = self.app.ctx.store.create_profile(self.field.value)
        except (SaveError, OSError) as problem:
            self.problem = str(problem)
            self.refresh()
            self.flow.set_focus(self.field)
            return
        self.app.ctx.use_profile(profile)
        self.app.apply_settings()
        from .settings import SettingsScreen

        self.app.replace(SettingsScreen(self.app, first_run=True, then=self.then))

    def back(self) -> None:
        if self.first:
            return
        self.app.replace(ProfileScreen(self.app, then=self.then))
