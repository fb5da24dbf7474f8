"""Choose a part: the four parts, which are finished, open or still locked, and why."""

from __future__ import annotations

from .. import control
from ..widgets import Button, Row, Text, Widget
from .base import PanelScreen

STATUS = {
    "finished": ("Finished", "tick"),
    "open": ("Open", "right"),
    "locked": ("Locked", "box_off"),
}


class PartsScreen(PanelScreen):
    name = "parts"
    backdrop = "title"
    heading = "Choose a part"

    def build(self) -> tuple[list[Widget], list[Widget]]:
        ctx = self.app.ctx
        story = ctx.story
        items: list[Widget] = []
        if story is None:
            return items, []
        done = len([p for p in story.parts if ctx.part_status(p.id) == "finished"])
        items.append(
            Text(
                f"{done} of {len(story.parts)} parts finished. A part opens when you "
                "finish the one before it.",
                "small",
                "muted",
            )
        )
        for number, part in enumerate(story.parts, start=1):
            status = ctx.part_status(part.id)
            word, mark = STATUS[status]
            label = f"{part.title} ({word})"
            if status == "locked":
                previous = story.parts[number - 2].title if number > 1 else ""
                label += f": finish {previous} first" if previous else ""
            if part.summary:
                label += f". {part.summary}"
            items.append(
                Button(
                    label,
                    (lambda p=part.id: self.start(p)) if status != "locked" else None,
                    hint=str(number),
                    variant="option",
                    mark=mark,
                    enabled=status != "locked",
                    name=part.title,
                )
            )
        return items, [Row([Button("Back", self.back, hint="Esc", fill=False)])]

    def start(self, part: str) -> None:
        from ...play.runner import ActionError

        try:
            state = self.app.ctx.new_state(part=part)
        except ActionError as problem:
            self.app.toast(f"Cannot start there: {problem}.")
            return
        control.play(self.app, state)
