"""Checkpoints and their feedback, for every kind of question, by keyboard or mouse.

- single, evidence, true/false: pick one (number keys, arrows and Enter, or a click), then
  "Check my answer";
- multiple: tick every right one;
- order and match: move the cards (pick one up with Space or Enter, move it with the arrow
  keys, put it down again; or the up and down buttons on each card);
- short and free: type in a real text field (editing keys, paste, input methods).
Hints (H), re-reading the scene (R), tries left and the last try's feedback are on the same
panel. Feedback says right or not in words and with a mark, never by colour alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from .. import text as tx
from ..style import Style
from ..widgets import Button, DrawState, Row, Text, TextField, Widget, draw_mark
from .base import PanelScreen
from .play import PanelView, PlayScreen, number_key

SKILL_WORDS = {
    "retrieve": "find it in the text",
    "infer": "read between the lines",
    "explain": "explain how or why",
    "evaluate": "give your view",
}


class MoveCard(Widget):
    """A card in a list the player puts in order: Space picks it up, arrows move it, Space
    puts it down; the two buttons on its right move it with the mouse."""

    focusable = True

    def __init__(self, owner: Any, index: int, left: str = "") -> None:
        self.owner = owner
        self.index = index  # its row
        self.left = left  # match: the fixed item on the left

    @property
    def text(self) -> str:
        return self.owner.card_text(self.index)

    @property
    def label(self) -> str:
        return f"{self.left}: {self.text}" if self.left else f"{self.index + 1}. {self.text}"

    def _split(
        self, rect: pygame.Rect, style: Style
    ) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect]:
        t = style.target
        buttons = pygame.Rect(
            rect.right - 2 * t - style.unit, rect.y, 2 * t + style.unit, rect.height
        )
        up = pygame.Rect(buttons.x, rect.centery - t // 2, t, t)
        down = pygame.Rect(buttons.x + t + style.unit, rect.centery - t // 2, t, t)
        left_w = (rect.width - buttons.width) * 2 // 5 if self.left else 0
        card = pygame.Rect(
            rect.x + left_w, rect.y, rect.width - buttons.width - left_w - style.unit, rect.height
        )
        return card, up, down, pygame.Rect(rect.x, rect.y, left_w, rect.height)

    def _text_w(self, width: int, style: Style) -> tuple[int, int]:
        t = style.target
        rest = width - 2 * t - style.unit * 2
        left_w = rest * 2 // 5 if self.left else 0
        return left_w - style.unit * 2, rest - left_w - style.unit * 4 - round(style.body.px * 1.3)

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        lw, cw = self._text_w(width, style)
        lh = style.line_h(style.body)
        rows = len(tx.wrap(f"{self.index + 1}. {self.text}", style.body, max(8, cw)))
        if self.left:
            rows = max(rows, len(tx.wrap(self.left, style.body_bold, max(8, lw))))
        return width, max(style.target + style.unit, rows * lh + style.unit * 2)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        sch = style.scheme
        card, up, down, left = self._split(rect, style)
        lh = style.line_h(style.body)
        held = self.owner.held == self.index
        if self.left:
            lines = tx.wrap(self.left, style.body_bold, max(8, left.width - style.unit * 2))
            tx.draw_lines(
                surface,
                lines,
                style.body_bold,
                sch.text,
                sch.panel,
                (left.x, left.y + (left.height - len(lines) * lh) // 2),
                lh,
            )
        pygame.draw.rect(surface, sch.panel, card, border_radius=style.radius)
        pygame.draw.rect(
            surface,
            sch.accent if held or st.hovered else sch.panel_edge,
            card,
            width=style.ring + (1 if held else -1),
            border_radius=style.radius,
        )
        mark_w = round(style.body.px * 1.3)
        grip = pygame.Rect(
            card.x + style.unit * 2, card.centery - style.body.px // 2, style.body.px, style.body.px
        )
        draw_mark(surface, "grip", grip, sch.accent if held else sch.muted)
        prefix = "" if self.left else f"{self.index + 1}. "
        lines = tx.wrap(
            prefix + self.text, style.body, max(8, card.width - mark_w - style.unit * 4)
        )
        tx.draw_lines(
            surface,
            lines,
            style.body,
            sch.text,
            sch.panel,
            (card.x + style.unit * 2 + mark_w, card.y + (card.height - len(lines) * lh) // 2),
            lh,
        )
        for box, kind in ((up, "up"), (down, "down")):
            pygame.draw.rect(surface, sch.button, box, border_radius=style.radius)
            draw_mark(
                surface, kind, box.inflate(-box.width // 3, -box.height // 3), sch.button_text
            )

    def activate(self) -> None:
        self.owner.hold(self.index)

    def click(self, pos: tuple[int, int], rect: pygame.Rect, style: Style) -> None:
        _, up, down, _ = self._split(rect, style)
        if up.collidepoint(pos):
            self.owner.move(self.index, -1)
        elif down.collidepoint(pos):
            self.owner.move(self.index, +1)
        else:
            self.owner.hold(self.index)

    def key(self, event: pygame.event.Event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        moving = self.owner.held == self.index or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT)
        if moving and event.key in (pygame.K_UP, pygame.K_DOWN):
            self.owner.move(self.index, -1 if event.key == pygame.K_UP else 1)
            return True
        if event.key == pygame.K_ESCAPE and self.owner.held is not None:
            self.owner.held = None
            return True
        return False


class QuestionView(PanelView):
    def __init__(self, screen: PlayScreen, step: Any) -> None:
        super().__init__(screen)
        self.step = step
        self.cp = step.checkpoint
        self.kind = self.cp.kind
        self.selected: set[int] = set()
        count = len(step.choices)
        self.arrangement = list(range(count))  # order/match: display positions, row by row
        self.held: int | None = None
        self.problem = ""
        self.field: TextField | None = None
        if self.kind in ("short", "free"):
            self.field = TextField(
                self.submit, multiline=self.kind == "free", placeholder="Type your answer here"
            )
            self.field.on_change = self._typed
        self.check = Button("Check my answer", self.submit, fill=False, name="Check")
        self.started = pygame.time.get_ticks()
        self.rebuild(first=True)
        if self.app.ctx.settings.speech and self.app.speech is not None:
            self.app.speech.say(f"Question. {self.cp.question}")

    # ------------------------------------------------------------------ building

    def card_text(self, row: int) -> str:
        return self.step.choices[self.arrangement[row]]

    def rebuild(self, first: bool = False) -> None:
        step, cp = self.step, self.cp
        points = f"{cp.points} point{'s' if cp.points != 1 else ''}"
        items: list[Widget] = [
            Text(
                f"Question · Theme: {step.theme_name} · Skill: {cp.skill} "
                f"({SKILL_WORDS.get(cp.skill, '')}) · {points}",
                "small",
                "muted",
            ),
        ]
        review = getattr(step, "review_round", 0)
        if review:
            items.append(
                Text(
                    f"Another go (review round {review}): a question you missed earlier in "
                    "this level. Put right now, it earns half its points.",
                    "small",
                    "muted",
                )
            )
        if step.already_answered:
            items.append(
                Text(
                    "You answered this before: this try is practice and does not "
                    "change your score.",
                    "small",
                    "muted",
                )
            )
        items.append(Text(cp.question, "heading", "text"))
        items.append(Text(self.instructions(), "small", "muted"))
        last = step.last_feedback
        if last is not None and not last.final:
            items.append(Text(last.message, "body", "wrong", mark="cross"))
        elif step.tries_left < step.tries_allowed:
            items.append(Text(f"Tries left: {step.tries_left}.", "body", "text"))
        if step.hint:
            items.append(Text(f"Hint: {step.hint}", "body", "accent"))
        items.extend(self.answer_widgets())
        if self.problem:
            items.append(Text(self.problem, "body", "wrong", mark="cross"))
        buttons: list[Widget] = [self.check]
        if step.hints_allowed and not step.hint:
            buttons.append(Button("Hint", self.hint, hint="H", fill=False, name="Hint"))
        buttons.append(
            Button("Re-read the scene", self.reread, hint="R", fill=False, name="Re-read")
        )
        if getattr(step, "may_skip", False):  # homework may make free text optional
            buttons.append(Button("Leave it out", self.skip, fill=False, name="Leave it out"))
        self.flow.set_items(items, [Row(buttons)], keep_focus=not first)
        if first:
            self.flow.focus_first(self.field)

    def instructions(self) -> str:
        kind = self.kind
        if kind in ("single", "evidence"):
            return "Choose one (number keys, or arrows and Enter), then Check my answer."
        if kind == "true_false":
            return "Is it true or false? Press 1 for True or 2 for False, then Check my answer."
        if kind == "multiple":
            return "Tick every right answer (number keys, or Space), then Check my answer."
        if kind == "order":
            return (
                "Put the events in order, first at the top. Pick a card up with Space, move "
                "it with the arrow keys, put it down with Space, or use the arrow buttons."
            )
        if kind == "match":
            return (
                "Move the cards on the right so each sits beside its match. Space picks a "
                "card up, the arrow keys move it, Space puts it down."
            )
        if kind == "short":
            return "Type a short answer and press Enter."
        words = getattr(self.cp, "min_words", 0)
        need = f" Write at least {words} words." if words else ""
        return f"Write your answer: your teacher reads it, there is no wrong answer.{need} Press Enter when done."

    def answer_widgets(self) -> list[Widget]:
        kind = self.kind
        choices = self.step.choices
        if kind in ("single", "evidence", "true_false"):
            return [
                Button(
                    text,
                    lambda i=i: self.pick(i),
                    hint=str(i + 1),
                    variant="option",
                    mark="radio_on" if i in self.selected else "radio_off",
                    selected=i in self.selected,
                    name=text,
                )
                for i, text in enumerate(choices)
            ]
        if kind == "multiple":
            return [
                Button(
                    text,
                    lambda i=i: self.toggle(i),
                    hint=str(i + 1),
                    variant="option",
                    mark="box_on" if i in self.selected else "box_off",
                    selected=i in self.selected,
                    name=text,
                )
                for i, text in enumerate(choices)
            ]
        if kind == "order":
            return [MoveCard(self, row) for row in range(len(choices))]
        if kind == "match":
            widgets: list[Widget] = []
            if (self.cp.left_title, self.cp.right_title) != ("Match", "with"):
                widgets.append(
                    Text(f"{self.cp.left_title}  ·  {self.cp.right_title}", "small", "muted")
                )
            widgets += [
                MoveCard(self, row, left=pair.left) for row, pair in enumerate(self.cp.pairs)
            ]
            return widgets
        assert self.field is not None
        widgets = [self.field]
        if kind == "free":
            widgets.append(Text(self._word_count(), "small", "muted"))
        return widgets

    def _word_count(self) -> str:
        words = len(self.field.value.split()) if self.field else 0
        return f"{words} word{'s' if words != 1 else ''}"

    def _typed(self) -> None:
        if self.problem:
            self.problem = ""
            self.rebuild()
        elif self.kind == "free":
            self.rebuild()

    # ------------------------------------------------------------------ actions

    def pick(self, index: int) -> None:
        self.selected = {index}
        self.problem = ""
        self.rebuild()
        self.flow.set_focus(self.check)

    def toggle(self, index: int) -> None:
        self.selected ^= {index}
        self.problem = ""
        self.rebuild()

    def hold(self, row: int) -> None:
        self.held = None if self.held == row else row
        self.app.invalidate()

    def move(self, row: int, step: int) -> None:
        to = row + step
        if not 0 <= to < len(self.arrangement):
            return
        self.arrangement[row], self.arrangement[to] = self.arrangement[to], self.arrangement[row]
        if self.held is not None:
            self.held = to
        self.rebuild()
        cards = [w for w in self.flow.focusables() if isinstance(w, MoveCard)]
        self.flow.set_focus(cards[to])

    def response(self) -> Any:
        kind = self.kind
        if kind in ("single", "evidence"):
            return next(iter(self.selected)) if self.selected else None
        if kind == "true_false":
            return (next(iter(self.selected)) == 0) if self.selected else None
        if kind == "multiple":
            return sorted(self.selected) if self.selected else None
        if kind in ("order", "match"):
            return list(self.arrangement)
        return self.field.value if self.field else ""

    def submit(self) -> None:
        from ...play.runner import ActionError

        response = self.response()
        if response is None:
            self.problem = (
                "Choose an answer first."
                if self.kind != "multiple"
                else "Tick at least one answer first."
            )
            self.rebuild()
            return
        seconds = (pygame.time.get_ticks() - self.started) / 1000
        try:
            feedback = self.screen.act("answer", response, seconds)
        except ActionError as problem:
            text = str(problem)
            self.problem = text[:1].upper() + text[1:] + "."
            self.rebuild()
            return
        if self.app.sound is not None:
            self.app.sound.play(
                "right" if feedback.correct else "try" if feedback.correct is False else "choose"
            )

    def skip(self) -> None:
        """Leave an optional free-text question out (the runner takes "" as skipping)."""
        self.screen.act("answer", "", 0.0)

    def hint(self) -> None:
        from ...play.runner import ActionError

        try:
            self.screen.act("hint")
        except ActionError as problem:
            self.app.toast(str(problem).capitalize() + ".")

    def reread(self) -> None:
        self.app.push(ReReadScreen(self.app, self.screen))

    # ------------------------------------------------------------------ input

    def handle(self, event: pygame.event.Event) -> bool:
        if not self.accepts_text and event.type == pygame.KEYDOWN:
            n = number_key(event)
            if n is not None and self.kind in ("single", "evidence", "true_false", "multiple"):
                if n < len(self.step.choices):
                    (self.toggle if self.kind == "multiple" else self.pick)(n)
                return True
            if event.key == pygame.K_h and self.step.hints_allowed and not self.step.hint:
                self.hint()
                return True
            if event.key == pygame.K_r:
                self.reread()
                return True
            if event.key == pygame.K_t and self.kind == "true_false":
                self.pick(0)
                return True
            if event.key == pygame.K_f and self.kind == "true_false":
                self.pick(1)
                return True
        return super().handle(event)

    def escape(self) -> bool:
        if self.held is not None:
            self.held = None
            return True
        return False

    def describe(self) -> str:
        return super().describe()


class FeedbackView(PanelView):
    """How the answer went: in words and with a mark, the right answer, why, and the theme."""

    def __init__(self, screen: PlayScreen, step: Any) -> None:
        super().__init__(screen)
        self.feedback = step.feedback
        items = feedback_widgets(self.app, self.feedback)
        go = Button("Go on", self.go_on, hint="Enter", fill=False, name="Go on")
        self.flow.set_items(items, [Row([go])])
        self.flow.focus_first(go)
        if self.app.ctx.settings.speech and self.app.speech is not None:
            self.app.speech.say(" ".join(w.label for w in items if isinstance(w, Text)))

    def go_on(self) -> None:
        self.screen.act("advance")


def verdict(feedback: Any) -> tuple[str, str, str]:
    """(words, ink, mark) for a feedback's headline."""
    if feedback.withheld:
        return "Answer saved", "text", "tick"
    if feedback.correct is None:
        return "Thank you", "text", "tick"
    if feedback.correct:
        return "Right", "correct", "tick"
    return "Not this time", "wrong", "cross"


def feedback_widgets(app: Any, feedback: Any) -> list[Widget]:
    """The feedback as widgets; also used for withheld feedback at the end of a part."""
    story = app.ctx.story
    words, ink, mark = verdict(feedback)
    headline = feedback.message or words
    items: list[Widget] = [Text(headline, "heading", ink, mark=mark)]
    if feedback.practice:
        items.append(
            Text("This was practice: your score for it stays as it was.", "small", "muted")
        )
    if feedback.final and feedback.correct is False and feedback.right_answer:
        items.append(Text(f"The answer: {feedback.right_answer}", "body", "text"))
    if feedback.explanation:
        items.append(Text(feedback.explanation, "body", "text"))
    if feedback.final and feedback.kind in ("single", "multiple", "evidence"):
        for option in feedback.options:
            if option.chosen or option.correct:
                tag = ("You chose this: " if option.chosen else "") + (
                    "right" if option.correct else "not right"
                )
                items.append(
                    Text(
                        f"{option.text} ({tag}). {option.explain}",
                        "body",
                        "correct" if option.correct else "wrong",
                        mark="tick" if option.correct else "cross",
                    )
                )
    if feedback.final and feedback.kind in ("order", "match"):
        for option in feedback.options:
            tag = "right" if option.correct else f"not right: {option.explain}"
            items.append(
                Text(
                    f"{option.text} ({tag})",
                    "body",
                    "correct" if option.correct else "wrong",
                    mark="tick" if option.correct else "cross",
                )
            )
    if (
        feedback.final
        and feedback.correct is not None
        and not feedback.withheld
        and story is not None
    ):
        theme = story.themes.get(feedback.theme)
        if theme is not None:
            guide = f" In the study guide: {theme.guide[0]}." if theme.guide else ""
            items.append(Text(f"Theme: {theme.name}.{guide}", "body", "accent"))
    if (
        feedback.final
        and feedback.points
        and not feedback.withheld
        and feedback.correct is not None
    ):
        items.append(Text(f"Points: {feedback.earned:g} of {feedback.points}.", "small", "muted"))
    return items


class ReReadScreen(PanelScreen):
    """The lines of the scene from the moment a question is about, to read again."""

    name = "reread"
    backdrop = "below"
    heading = "Read the scene again"
    compact = False

    def __init__(self, app: Any, play: PlayScreen) -> None:
        super().__init__(app)
        self.play = play

    def build(self) -> tuple[list[Widget], list[Widget]]:
        from ...play import runner

        session = self.play.session
        lines = runner.reread(session.story, session.state)
        items: list[Widget] = []
        if not lines:
            items.append(Text("There is nothing to re-read here.", "body", "muted"))
        for entry in lines:
            who = session.story.speaker_name(entry.speaker)
            text = f"\u201c{entry.text}\u201d" if entry.kind == "quote" else entry.text
            items.append(Text(f"{who}: {text}" if who else text, "body", "text"))
        return items, [Button("Back to the question", self.back, hint="Esc", fill=False)]

    def first_focus(self) -> Widget | None:
        return self.flow.footer[0] if self.flow.footer else None


__all__ = ["FeedbackView", "QuestionView", "ReReadScreen", "replace"]
