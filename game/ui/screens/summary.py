"""The end of a part: the score, charts by theme and by reading skill, what to look at
again, and any feedback a teacher's setting held back until now."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import control
from ..widgets import Bars, Button, Row, Spacer, Text, Widget
from .play import PanelView, PlayScreen
from .question import feedback_widgets

SKILLS = ("retrieve", "infer", "explain", "evaluate")


class SummaryView(PanelView):
    def __init__(self, screen: PlayScreen, step: Any) -> None:
        super().__init__(screen)
        self.step = step
        ctx = self.app.ctx
        ctx.mark_finished(step.part)
        from .homework import write_results

        write_results(self.app, finished=True)
        items = self.summary_widgets()
        buttons: list[Widget] = []
        if step.next_part is not None:
            title = ctx.story.part(step.next_part).title if ctx.story else step.next_part
            buttons.append(Button(f"Go on to {title}", self.go_on, fill=False, name="Go on"))
        buttons.append(
            Button(
                "Back to the title", lambda: control.to_title(self.app), fill=False, name="Title"
            )
        )
        self.flow.set_items(items, [Row(buttons)])
        self.flow.focus_first(buttons[0])

    def summary_widgets(self) -> list[Widget]:
        from ...play import scores

        step = self.step
        story = self.app.ctx.story
        records = list(self.screen.session.state.answers.values())
        total = scores.overall(records, step.part)
        items: list[Widget] = [Text(f"The end of {step.part_title}", "heading", "accent")]
        if total.possible:
            items.append(
                Text(
                    f"You scored {total.earned:g} out of {total.possible} ({total.percent:.0f}%).",
                    "body",
                    "text",
                )
            )
            by_theme = scores.by_key(records, "theme", step.part)
            rows = []
            for theme_id, score in sorted(by_theme.items()):
                theme = story.themes.get(theme_id) if story else None
                rows.append((theme.name if theme else theme_id, score.earned, score.possible))
            items += [Text("By theme", "body_bold", "text"), Bars(rows)]
            by_skill = scores.by_key(records, "skill", step.part)
            rows = [
                (skill.capitalize(), by_skill[skill].earned, by_skill[skill].possible)
                for skill in SKILLS
                if skill in by_skill
            ]
            items += [Text("By reading skill", "body_bold", "text"), Bars(rows)]
            revisit = scores.to_revisit(records, step.part)
            if revisit:
                items.append(Text("Worth another look", "body_bold", "text"))
                for record in revisit:
                    scene = story.scenes.get(record.scene) if story else None
                    question = self.question_text(record.checkpoint)
                    where = scene.title if scene else record.scene
                    items.append(Text(f"{question} (in: {where})", "body", "text", mark="right"))
            else:
                items.append(
                    Text(
                        "Every question right first time. Well done.",
                        "body",
                        "correct",
                        mark="tick",
                    )
                )
        else:
            items.append(Text("No scored questions in this part.", "body", "muted"))
        for feedback in step.withheld:
            items += [
                Spacer(2),
                Text(f"Question: {self.question_text(feedback.checkpoint)}", "body_bold", "text"),
            ]
            items += feedback_widgets(self.app, replace(feedback, withheld=False))
        if step.next_part is None:
            items.append(
                Text("This is the end of the story. Thank you for playing.", "body", "accent")
            )
        return items

    def question_text(self, checkpoint_id: str) -> str:
        story = self.app.ctx.story
        try:
            return story.checkpoint(checkpoint_id).question if story else checkpoint_id
        except KeyError:
            return checkpoint_id

    def go_on(self) -> None:
        self.screen.act("advance")
