"""The journal: memories unlocked so far (by part and theme), the glossary, the people."""

from __future__ import annotations

from typing import Any

from ..widgets import Button, Row, Text, Widget
from .base import PanelScreen

TABS = (("memories", "Memories"), ("glossary", "Glossary"), ("people", "People"))


class JournalScreen(PanelScreen):
    name = "journal"
    heading = "Journal"
    compact = False

    def __init__(self, app: Any, tab: str = "memories") -> None:
        super().__init__(app)
        self.has_memories = app.ctx.session is not None
        self.tab = tab if self.has_memories or tab != "memories" else "glossary"
        self.tabs: dict[str, Button] = {}

    def build(self) -> tuple[list[Widget], list[Widget]]:
        story = self.app.ctx.story
        self.tabs = {}
        buttons: list[Widget] = []
        for key, label in TABS:
            if key == "memories" and not self.has_memories:
                continue
            button = Button(
                label,
                lambda k=key: self.show(k),
                fill=False,
                variant="option",
                mark="radio_on" if key == self.tab else "radio_off",
                selected=key == self.tab,
                name=label,
            )
            self.tabs[key] = button
            buttons.append(button)
        items: list[Widget] = [Row(buttons)]
        if story is None:
            return items, []
        if self.tab == "memories":
            items += self.memories()
        elif self.tab == "glossary":
            for entry in story.glossary:
                items.append(Text(f"{entry.term}: {entry.definition}", "body", "text"))
        else:
            for character in story.characters.values():
                if character.note:
                    items.append(Text(f"{character.name}: {character.note}", "body", "text"))
        return items, [Row([Button("Back", self.back, hint="Esc", fill=False)])]

    def memories(self) -> list[Widget]:
        story = self.app.ctx.story
        session = self.app.ctx.session
        entries = session.state.journal if session else ()
        if not entries:
            return [
                Text(
                    "Your journal is empty so far. Memories are added as you play.", "body", "muted"
                )
            ]
        items: list[Widget] = []
        for part in story.parts:
            mine = [e for e in entries if e.part == part.id]
            if not mine:
                continue
            items.append(Text(part.title, "body_bold", "accent"))
            themes: dict[str, list[str]] = {}
            for entry in mine:
                theme = story.themes.get(entry.theme or "")
                themes.setdefault(theme.name if theme else "Other memories", []).append(entry.text)
            for name, texts in themes.items():
                items.append(Text(name, "small", "muted"))
                items += [Text(text, "body", "text", mark="dot") for text in texts]
        return items

    def first_focus(self) -> Widget | None:
        return self.tabs.get(self.tab)

    def show(self, tab: str) -> None:
        self.tab = tab
        self.flow.scroll = 0
        self.refresh()
        self.flow.set_focus(self.tabs.get(tab))

    def describe(self) -> str:
        return f"{self.tab}\n" + super().describe()
