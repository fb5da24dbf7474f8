"""Saving and loading: the nine slots, the autosave and the quicksave, each with its part,
scene, time and a small picture of the moment."""

from __future__ import annotations

import contextlib
from typing import Any

import pygame

from .. import control
from ..widgets import Button, Picture, Row, Text, Widget
from .base import PanelScreen

NAMES = {"auto": "Autosave", "quick": "Quicksave"}


def friendly(iso: str) -> str:
    from ...saves import _friendly_time

    return _friendly_time(iso) if iso else ""


class SaveLoadScreen(PanelScreen):
    name = "saveload"
    compact = False
    wide = True

    def __init__(self, app: Any, mode: str, play: Any = None) -> None:
        super().__init__(app)
        self.mode = mode  # "save" or "load"
        self.play = play
        self.heading = "Save your game" if mode == "save" else "Load a saved game"
        self.message = ""
        self.thumb = play.thumbnail() if play is not None and mode == "save" else None
        self._images: dict[str, pygame.Surface | None] = {}

    def image(self, path: Any) -> pygame.Surface | None:
        if path is None:
            return None
        key = f"{path}:{path.stat().st_mtime_ns if path.exists() else 0}"
        if key not in self._images:
            self._images[key] = None
            with contextlib.suppress(Exception):
                self._images[key] = pygame.image.load(str(path))
        return self._images[key]

    def build(self) -> tuple[list[Widget], list[Widget]]:
        from ... import saves

        profile = self.app.ctx.profile
        items: list[Widget] = []
        if self.message:
            items.append(Text(self.message, "body", "accent", mark="tick"))
        if profile is None:
            return [Text("Choose a player first.", "body", "muted")], [Button("Back", self.back)]
        infos = {info.slot: info for info in saves.list_slots(profile)}
        slots = list(saves.SLOTS) if self.mode == "save" else ["auto", "quick", *saves.SLOTS]
        if self.mode == "load" and not infos:
            items.append(
                Text(
                    "There are no saved games yet. The game saves itself at the start "
                    "of every scene.",
                    "body",
                    "muted",
                )
            )
        else:
            items.append(
                Text(
                    "Choose a slot." if self.mode == "save" else "Choose a save to go on from it.",
                    "small",
                    "muted",
                )
            )
        for slot in slots:
            info = infos.get(slot)
            name = NAMES.get(slot, f"Slot {slot}")
            if info is None:
                if self.mode == "load":
                    continue
                items.append(
                    Picture(
                        None, [(f"{name}: empty", "text")], lambda s=slot: self.choose(s), name=name
                    )
                )
                continue
            if info.damaged:
                lines = [(f"{name}: cannot be opened", "wrong"), (info.damaged, "muted")]
            else:
                lines = [
                    (f"{name}: {info.part_title}, {info.scene_title}", "text"),
                    (friendly(info.saved_at), "muted"),
                ]
                if info.line:
                    lines.append((f"\u201c{info.line[:90]}\u201d", "muted"))
            items.append(
                Picture(self.image(info.thumbnail), lines, lambda s=slot: self.choose(s), name=name)
            )
        return items, [Row([Button("Back", self.back, hint="Esc", fill=False)])]

    def choose(self, slot: str) -> None:
        if self.mode == "save":
            from ... import saves
            from .menu import ConfirmScreen

            exists = (
                self.app.ctx.profile is not None
                and saves.slot_path(self.app.ctx.profile, slot).exists()
            )
            if exists:
                self.app.push(
                    ConfirmScreen(
                        self.app,
                        "Save over this slot?",
                        "The save in it is kept as a backup.",
                        "Save here",
                        lambda: self.save(slot),
                    )
                )
            else:
                self.save(slot)
            return
        state, notices = self.app.ctx.read_slot(slot)
        if state is None:
            self.message = " ".join(notices)
            self.refresh()
            return
        control.play(self.app, state)
        if notices:
            self.app.toast(" ".join(notices), 6)

    def save(self, slot: str) -> None:
        from .menu import ConfirmScreen

        if isinstance(self.app.top, ConfirmScreen):
            self.app.pop()
        self.message = self.app.ctx.write_slot(slot, self.thumb)
        self.app.toast(self.message)
        self.refresh()
