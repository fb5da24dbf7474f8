"""Settings: every change shows at once and is saved in the player's profile.

Each row is a stepper: Left/Right (or the arrow buttons) change it, Enter moves on to the
next value. Only settings that do something are offered: sound controls appear only when a
sound device works, reading aloud only when espeak-ng is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import look
from ..settings import LINE_SPACINGS, TEXT_SPEED_LABELS, TEXT_SPEEDS, VOLUME_STEPS, cycle
from ..widgets import Button, Stepper, Text, Widget
from .base import PanelScreen

if TYPE_CHECKING:
    from ..app import App

ON_OFF = {True: "On", False: "Off"}


class SettingsScreen(PanelScreen):
    name = "settings"
    heading = "Settings"
    compact = False

    def __init__(
        self, app: App, first_run: bool = False, then: Callable[[], None] | None = None
    ) -> None:
        super().__init__(app)
        self.first_run = first_run
        self.then = then
        if first_run:
            self.heading = "Make reading comfortable"
            self.backdrop = "title"
            self.compact = True

    def change(self, name: str, values: Any, step: int) -> None:
        settings = self.app.ctx.settings
        new = cycle(tuple(values), getattr(settings, name), step)
        if new == getattr(settings, name):
            return
        self.app.ctx.save_settings(settings.with_(**{name: new}))
        self.app.apply_settings()
        if self.app.sound is not None and name in ("sound", "volume"):
            self.app.sound.play("choose")
        self.refresh()

    def toggle(self, name: str) -> Callable[[int], None]:
        return lambda step: self.change(
            name, (False, True), 1 if not getattr(self.app.ctx.settings, name) else -1
        )

    def stepper(
        self, title: str, name: str, values: Any, show: Callable[[Any], str], note: str = ""
    ) -> Stepper:
        return Stepper(
            title,
            lambda: show(getattr(self.app.ctx.settings, name)),
            lambda step: self.change(name, values, step),
            note,
        )

    def build(self) -> tuple[list[Widget], list[Widget]]:
        s = self.app.ctx.settings
        items: list[Widget] = []
        if self.first_run:
            items.append(
                Text(
                    "Choose what is easiest to read. The Left and Right arrow keys (or the arrow "
                    "buttons) change a setting; Tab moves on. You can change these at any time "
                    "in Settings.",
                    "body",
                    "text",
                )
            )
        items += [
            self.stepper("Text size", "text_size", look.TEXT_SIZE_STEPS, lambda v: f"{v}%"),
            self.stepper(
                "Font", "font", tuple(look.FONT_FAMILIES), lambda v: look.font_family(v).label
            ),
            self.stepper("Colours", "scheme", tuple(look.SCHEMES), lambda v: look.scheme(v).label),
        ]
        if self.first_run:
            items.append(Button("Start", self.done, name="Start"))
            return items, []
        items += [
            self.stepper("Line spacing", "line_spacing", LINE_SPACINGS, lambda v: f"{v:g}"),
            self.stepper(
                "Text speed",
                "text_speed",
                tuple(TEXT_SPEEDS),
                lambda v: TEXT_SPEED_LABELS[v],
                note="How fast each line types out. Instant shows it all at once.",
            ),
            Stepper(
                "Reduce motion",
                lambda: ON_OFF[s.reduce_motion],
                self.toggle("reduce_motion"),
                "No fading between pictures.",
            ),
        ]
        sound = self.app.sound
        if sound is not None and sound.available:
            items.append(
                Stepper(
                    "Sounds",
                    lambda: ON_OFF[self.app.ctx.settings.sound],
                    self.toggle("sound"),
                    "Soft clicks and notes, nothing loud.",
                )
            )
            items.append(self.stepper("Volume", "volume", VOLUME_STEPS, lambda v: f"{v}%"))
        else:
            reason = sound.reason if sound is not None else ""
            items.append(Text(f"Sound: none on this computer. {reason}".strip(), "small", "muted"))
        speech = self.app.speech
        if speech is not None and speech.available:
            items.append(
                Stepper(
                    "Read lines aloud",
                    lambda: ON_OFF[self.app.ctx.settings.speech],
                    self.toggle("speech"),
                    "Uses the computer's voice (espeak-ng).",
                )
            )
        else:
            items.append(
                Text(
                    "Reading aloud needs espeak-ng, which is not installed here. "
                    "The terminal player (run_game.py --text) works with screen readers.",
                    "small",
                    "muted",
                )
            )
        items += [
            Stepper(
                "Full screen",
                lambda: ON_OFF[self.app.fullscreen],
                self.toggle_fullscreen,
                "F11 switches it too.",
            ),
            self.stepper(
                "Story version",
                "age_mode",
                ("14+", "11-13"),
                lambda v: "Ages 14+" if v == "14+" else "Ages 11-13",
                note="11-13 tells a few older moments as short summaries.",
            ),
        ]
        return items, [Button("Done", self.done, name="Done")]

    def toggle_fullscreen(self, step: int) -> None:
        settings = self.app.ctx.settings.with_(fullscreen=not self.app.fullscreen)
        self.app.ctx.save_settings(settings)
        self.app.apply_settings()
        self.refresh()

    def done(self) -> None:
        self.app.pop()
        if self.first_run:
            from .title import TitleScreen

            title = self.app.find(TitleScreen)
            if title is not None:
                title.refresh()
            if self.then is not None:
                self.then()

    def back(self) -> None:
        self.done()
