"""The end of a part (or of a homework level): the score, charts by theme and by reading
skill, what to look at again, and any feedback a teacher's setting held back until now."""

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
        self.level = getattr(step, "level", None)
        if self.level is None:
            ctx.mark_finished(step.part)
        from .homework import write_results

        write_results(self.app, finished=True)
        items = self.summary_widgets()
        buttons: list[Widget] = []
        if self.level is not None:
            if getattr(step, "next_level", None) is not None:
                buttons.append(
                    Button(f"Go on to {step.next_title}", self.go_on, fill=False, name="Go on")
                )
            buttons.append(
                Button(
                    "Homework levels", lambda: control.to_title(self.app), fill=False, name="Title"
                )
            )
        else:
            if step.next_part is not None:
                title = ctx.story.part(step.next_part).title if ctx.story else step.next_part
                buttons.append(Button(f"Go on to {title}", self.go_on, fill=False, name="Go on"))
            buttons.append(
                Button(
                    "Back to the title",
                    lambda: control.to_title(self.app),
                    fill=False,
                    name="Title",
                )
            )
        self.flow.set_items(items, [Row(buttons)])
        self.flow.focus_first(buttons[0])

    def summary_widgets(self) -> list[Widget]:
        from ...play import scores

        step = self.step
        story = self.app.ctx.story
        records = list(self.screen.session.state.answers.values())
        level = self.level
        where: dict[str, Any] = {"level": level} if level is not None else {"part": step.part}
        total = scores.overall(records, **where)
        if level is not None and getattr(step, "score", None) is not None:
            total = step.score  # out of every question of the level, answered or not
        title = step.level_title if level is not None else step.part_title
        items: list[Widget] = [Text(f"The end of {title}", "heading", "accent")]
        if total.possible:
            items.append(
                Text(
                    f"You scored {total.earned:g} out of {total.possible} ({total.percent:.0f}%).",
                    "body",
                    "text",
                )
            )
            if level is not None:
                passed = bool(getattr(step, "passed", False))
                pass_mark = getattr(self.screen.session.state.rules, "pass_mark", 0)
                verdict = "You passed." if passed else "Not passed yet."
                items.append(
                    Text(
                        f"The pass mark is {pass_mark:g}%. {verdict}",
                        "body",
                        "correct" if passed else "text",
                        mark="tick" if passed else None,
                    )
                )
                rounds = getattr(step, "review_rounds", 0)
                if rounds:
                    items.append(
                        Text(
                            f"You went over the questions you missed in {rounds} "
                            f"round{'s' if rounds != 1 else ''}.",
                            "body",
                            "text",
                        )
                    )
            rows = []
            for theme_id, score in sorted(scores.by_key(records, "theme", **where).items()):
                theme = story.themes.get(theme_id) if story else None
                rows.append((theme.name if theme else theme_id, score.earned, score.possible))
            if rows:
                items += [Text("By theme", "body_bold", "text"), Bars(rows)]
            by_skill = scores.by_key(records, "skill", **where)
            rows = [
                (skill.capitalize(), by_skill[skill].earned, by_skill[skill].possible)
                for skill in SKILLS
                if skill in by_skill
            ]
            if rows:
                items += [Text("By reading skill", "body_bold", "text"), Bars(rows)]
            revisit = scores.to_revisit(records, **where)
            if revisit:
                items.append(Text("Worth another look", "body_bold", "text"))
                for record in revisit:
                    scene = story.scenes.get(record.scene) if story else None
                    question = self.question_text(record.checkpoint)
                    place = scene.title if scene else record.scene
                    items.append(Text(f"{question} (in: {place})", "body", "text", mark="dot"))
            elif records:
                items.append(
                    Text(
                        "Every question right first time. Well done.",
                        "body",
                        "correct",
                        mark="tick",
                    )
                )
        else:
            items.append(Text("No scored questions here.", "body", "muted"))
        for feedback in step.withheld:
            items += [
                Spacer(2),
                Text(f"Question: {self.question_text(feedback.checkpoint)}", "body_bold", "text"),
            ]
            items += feedback_widgets(self.app, replace(feedback, withheld=False))
        if level is not None:
            if getattr(step, "next_level", None) is None:
                items.append(
                    Text(
                        "That was the last level: the homework is finished. Well done.",
                        "body",
                        "accent",
                    )
                )
        elif step.next_part is None:
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
