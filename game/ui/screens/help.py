"""Keys and help (F1 or ?): every key the game knows, in plain words."""

from __future__ import annotations

from ..widgets import Button, Row, Text, Widget
from .base import PanelScreen

KEYS = [
    (
        "Reading",
        [
            "Space, Enter or a click: show the whole line, then go on",
            "H, Page Up or the mouse wheel up: lines so far (history), and going back",
            "J: journal, glossary and people",
            "Esc: the menu (save, load, settings, title screen)",
        ],
    ),
    (
        "Choices and questions",
        [
            "1 to 9: choose an answer; arrows and Enter work too",
            "Tab and Shift+Tab: move between buttons",
            "H: a hint · R: read the scene again",
            "Order and match: Space picks a card up, arrows move it, Space puts it down",
            "Typing answers: Enter sends, Ctrl+V pastes",
        ],
    ),
    (
        "Anywhere",
        [
            "F1 or ?: this help",
            "F6: quicksave · F9: quickload",
            "F11: full screen",
            "Esc: back",
        ],
    ),
    (
        "For writers",
        [
            "F5: reload the scene files · F2: show the scene, file and line",
        ],
    ),
]


class HelpScreen(PanelScreen):
    name = "help"
    backdrop = "below"
    heading = "Keys and help"
    compact = False

    def build(self) -> tuple[list[Widget], list[Widget]]:
        items: list[Widget] = []
        for title, lines in KEYS:
            items.append(Text(title, "body_bold", "accent"))
            items += [Text(line, "body", "text") for line in lines]
        items.append(
            Text(
                "The game saves itself at the start of every scene. Settings has "
                "text size, fonts, colours, line spacing and text speed.",
                "body",
                "muted",
            )
        )
        story = self.app.ctx.story
        if story is not None and story.content_note:
            items.append(Text(story.content_note, "small", "muted"))
        items.append(
            Text(
                "Fonts: Atkinson Hyperlegible (Braille Institute), Andika (SIL), "
                "OpenDyslexic by Abelardo Gonzalez.",
                "small",
                "muted",
            )
        )
        return items, [Row([Button("Close", self.back, hint="Esc", fill=False)])]

    def first_focus(self) -> Widget | None:
        return self.flow.footer[0].children[0] if self.flow.footer else None  # type: ignore[attr-defined]
