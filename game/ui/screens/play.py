"""The scene: the place's picture, where you are in the part, and the current step of the
story in a view made for it (a line, a choice, a question, its feedback, the part's end).

The runner decides what comes next; this screen only shows it and passes the player's
actions back (advance, choose, answer, hint). Lines type out (any key or click completes
them at once), memories and the present look different (a tint and the words "A memory" or
"Now"), and the scene autosaves as it starts.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import pygame

from .. import text as tx
from ..flow import ACTIVATE_KEYS, Flow
from ..widgets import Button, Row, Widget, draw_mark, draw_panel, ring_space
from .base import Screen

if TYPE_CHECKING:
    from ...play.runner import Session
    from ..app import App

FADE_SECONDS = 0.35
HISTORY_KEYS = (pygame.K_h, pygame.K_PAGEUP)


def number_key(event: pygame.event.Event) -> int | None:
    """0-based option number for keys 1-9 (top row or keypad), else None."""
    if event.type != pygame.KEYDOWN:
        return None
    if pygame.K_1 <= event.key <= pygame.K_9:
        return event.key - pygame.K_1
    if pygame.K_KP1 <= event.key <= pygame.K_KP9:
        return event.key - pygame.K_KP1
    return None


class PlayScreen(Screen):
    name = "play"

    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.view: Any = None
        self.view_key: Any = None
        self.scene_id = ""
        self.pending_autosave = False
        self.picture: pygame.Surface | None = None
        self.old_picture: pygame.Surface | None = None
        self.picture_key: Any = None
        self.fade = 0.0
        self.bar = Flow()
        self.bar_rect = pygame.Rect(0, 0, 0, 0)
        self.info_rect = pygame.Rect(0, 0, 0, 0)
        self.bar_full = True
        self._backdrop: pygame.Surface | None = None
        self._backdrop_key: Any = None
        self._build_bar()
        self.reported = False

    # ------------------------------------------------------------------ steps

    def enter(self) -> None:
        self.sync()

    def resume(self) -> None:
        if self.app.ctx.session is not None and self.app.ctx.session is not self.session:
            self.session = self.app.ctx.session
        self.sync(force=True)

    def reset_view(self) -> None:
        self.view_key = None
        self.sync(force=True)

    def _step_key(self) -> tuple[Any, ...]:
        state = self.session.state
        attempt = state.attempt
        return (
            state.scene,
            state.pc,
            state.feedback is not None,
            state.ended_part,
            attempt.tries if attempt else 0,
            attempt.hint_shown if attempt else False,
            id(self.session.story),
        )

    def sync(self, force: bool = False) -> None:
        """Show the runner's current step (a new view when the step changed)."""
        from ...play import runner

        key = self._step_key()
        if key == self.view_key and not force and self.view is not None:
            return
        step = self.session.step
        same_step = key == self.view_key
        self.view_key = key
        where = step.where
        if where.scene != self.scene_id:
            self.scene_id = where.scene
            self.pending_autosave = True
            self.app.set_caption(f"{where.part_title}: {where.scene_title}")
        self._update_picture(where.background, where.time)
        if same_step and self.view is not None:
            self.view.layout()
            return
        from .question import FeedbackView, QuestionView
        from .summary import SummaryView

        if isinstance(step, runner.LineStep):
            self.view = LineView(self, step)
        elif isinstance(step, runner.ChoiceStep):
            self.view = ChoiceView(self, step)
        elif isinstance(step, runner.QuestionStep):
            self.view = QuestionView(self, step)
        elif isinstance(step, runner.FeedbackStep):
            self.view = FeedbackView(self, step)
        else:
            self.view = SummaryView(self, step)
        self.view.layout()
        self.app.invalidate()

    def act(self, action: str, *args: Any) -> Any:
        """Run a runner action, then show what follows."""
        result = getattr(self.session, action)(*args)
        self.sync()
        return result

    # ------------------------------------------------------------------ picture

    def _update_picture(self, background: str, when: str) -> None:
        key = (background, when, self.app.size, self.app.ctx.settings.scheme)
        if key == self.picture_key and self.picture is not None:
            return
        new = self.app.scene_art(background, when)
        same_place = self.picture_key is not None and self.picture_key[2:] == key[2:]
        if same_place and self.picture is not None and not self.app.ctx.settings.reduce_motion:
            self.old_picture = self.picture
            self.fade = FADE_SECONDS
        self.picture = new
        self.picture_key = key

    # ------------------------------------------------------------------ bar

    def _build_bar(self, full: bool = True) -> None:
        menu = Button("Menu", self.open_menu, hint="Esc", fill=False, name="Menu")
        buttons: list[Widget] = [menu]
        if full:
            buttons = [
                Button("History", self.open_history, hint="H", fill=False, name="History"),
                Button("Journal", self.open_journal, hint="J", fill=False, name="Journal"),
                menu,
            ]
        self.bar.set_items([Row(buttons, align="right")], keep_focus=False)
        self.bar_full = full

    def open_history(self) -> None:
        from .history import HistoryScreen

        self.app.push(HistoryScreen(self.app, self))

    def open_journal(self) -> None:
        from .journal import JournalScreen

        self.app.push(JournalScreen(self.app, tab="memories"))

    def open_menu(self) -> None:
        from .menu import GameMenu

        self.bar.set_focus(None)
        self.app.push(GameMenu(self.app, self))

    # ------------------------------------------------------------------ layout

    def layout(self) -> None:
        style = self.style
        w, _ = self.app.size
        m = style.unit * 2
        bar_w = min(w // 2, w - 2 * m)
        for full in (True, False):
            if full != self.bar_full and (full or self.bar.focus is None):
                self._build_bar(full)
            self.bar.layout(style, pygame.Rect(w - bar_w - m, m, bar_w, style.target * 3))
            rects = [r for k, r in self.bar.rects.items() if k != id(self.bar.items[0])]
            if len({r.y for r in rects}) <= 1:
                break
        height = max(r.bottom for r in rects) - m + ring_space(style) if rects else style.target
        self.bar_rect = pygame.Rect(w - bar_w - m, m, bar_w, height)
        left = min(r.x for r in rects) if rects else w
        self.info_rect = pygame.Rect(m, m, max(0, left - 3 * m), 0)
        if self.view is not None:
            self.view.layout()

    def content_top(self) -> int:
        info_h = self._info_height()
        return max(self.bar_rect.bottom, self.info_rect.y + info_h) + self.style.unit * 2

    def _info_lines(self) -> list[tuple[str, str, str]]:
        where = self.session.step.where
        when = "Now" if where.time == "present" else "A memory"
        return [
            (f"{where.part_title}: {where.scene_title}", "small", "text"),
            (f"Scene {where.scene_number} of {where.scenes_in_part} · {when}", "small", "muted"),
        ]

    def _info_height(self) -> int:
        style = self.style
        width = max(8, self.info_rect.width - style.unit * 4)
        if width < 40:
            return 0
        total = 0
        for text, role, _ in self._info_lines():
            spec = getattr(style, role)
            total += len(tx.wrap(text, spec, width)) * style.line_h(spec)
        return total + style.unit * 3 + max(6, style.unit)

    # ------------------------------------------------------------------ input

    @property
    def accepts_text(self) -> bool:
        return bool(self.view is not None and getattr(self.view, "accepts_text", False))

    def handle(self, event: pygame.event.Event) -> bool:
        view = self.view
        typing = self.accepts_text
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                if self.bar.focus is not None:
                    self.bar.set_focus(None)
                    return True
                if view is not None and view.escape():
                    return True
                self.open_menu()
                return True
            if self.bar.focus is not None:
                if event.key == pygame.K_TAB:
                    if not self.bar.move_focus(
                        -1 if event.mod & pygame.KMOD_SHIFT else 1, wrap=False
                    ):
                        self.bar.set_focus(None)
                        if view is not None:
                            view.focus_from_bar(event.mod & pygame.KMOD_SHIFT)
                    return True
                return self.bar.handle(event)
            if not typing:
                if event.key in HISTORY_KEYS and getattr(view, "history_keys", True):
                    self.open_history()
                    return True
                if event.key == pygame.K_j:
                    self.open_journal()
                    return True
        if (
            event.type == pygame.MOUSEWHEEL
            and event.y > 0
            and getattr(view, "wheel_history", False)
        ):
            self.open_history()
            return True
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN) and self.bar.handle(event):
            return True
        if view is not None and view.handle(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB and view is not None:
            # out of the view's own widgets: on to the bar's buttons
            self.bar.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            view.blur()
            return True
        return False

    def focus_bar(self, backwards: bool) -> None:
        self.bar.move_focus(-1 if backwards else 1)

    def update(self, dt: float) -> bool:
        moving = False
        if self.fade > 0:
            self.fade = max(0.0, self.fade - dt)
            moving = True
        if self.view is not None and self.view.update(dt):
            moving = True
        return moving

    # ------------------------------------------------------------------ drawing

    def _frame_key(self) -> tuple[Any, ...]:
        return (
            id(self.view),
            self.picture_key,
            self.app.size,
            id(self.style),
            id(self.bar.focus),
            id(self.bar.hover),
            self.bar_full,
        )

    def draw(self, surface: pygame.Surface) -> None:
        view = self.view
        typing = isinstance(view, LineView) and view.typing() and self.fade <= 0
        if typing and self._backdrop is not None and self._backdrop_key == self._frame_key():
            # While a line types out only its text changes: blit the rest, drawn once.
            surface.blit(self._backdrop, (0, 0))
            view.draw_text(surface)
            return
        self.layout()
        self.draw_picture(surface)
        self.draw_info(surface)
        self.bar.draw(surface)
        if typing:
            view.draw_box(surface)
            self._backdrop = surface.copy()
            self._backdrop_key = self._frame_key()
            view.draw_text(surface)
        elif view is not None:
            self._backdrop = None
            view.draw(surface)
        if self.pending_autosave:
            self.pending_autosave = False
            self.autosave(self.make_thumbnail(surface))

    def draw_picture(self, surface: pygame.Surface) -> None:
        if self.picture is None:
            surface.fill(self.style.scheme.background)
            return
        surface.blit(self.picture, (0, 0))
        if self.fade > 0 and self.old_picture is not None:
            self.old_picture.set_alpha(round(255 * self.fade / FADE_SECONDS))
            surface.blit(self.old_picture, (0, 0))
            self.old_picture.set_alpha(None)

    def draw_info(self, surface: pygame.Surface) -> None:
        style = self.style
        sch = style.scheme
        height = self._info_height()
        if height == 0:
            return
        width = min(self.info_rect.width, style.measure_width(style.small))
        rect = pygame.Rect(self.info_rect.x, self.info_rect.y, width, height)
        draw_panel(surface, rect, style)
        x = rect.x + style.unit * 2
        y = rect.y + style.unit
        for text, role, ink in self._info_lines():
            spec = getattr(style, role)
            lines = tx.wrap(text, spec, rect.width - style.unit * 4)
            y = tx.draw_lines(
                surface, lines, spec, getattr(sch, ink), sch.panel, (x, y), style.line_h(spec)
            )
        where = self.session.step.where
        bar = pygame.Rect(x, y + style.unit // 2, rect.width - style.unit * 4, max(6, style.unit))
        pygame.draw.rect(surface, sch.panel_edge, bar, border_radius=bar.height // 2)
        done = bar.copy()
        done.width = round(bar.width * where.scene_number / max(1, where.scenes_in_part))
        pygame.draw.rect(surface, sch.accent, done, border_radius=bar.height // 2)

    # ------------------------------------------------------------------ saving

    def make_thumbnail(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        shot = surface if surface is not None else self.render_alone()
        return pygame.transform.smoothscale(shot, (320, 180))

    def render_alone(self) -> pygame.Surface:
        canvas = pygame.Surface(self.app.size)
        self.draw_picture(canvas)
        self.draw_info(canvas)
        if self.view is not None:
            self.view.draw(canvas)
        return canvas

    def thumbnail(self) -> pygame.Surface:
        return self.make_thumbnail(None)

    def autosave(self, thumbnail: pygame.Surface | None = None) -> None:
        """The autosave (or, during homework, the homework's own progress and results)."""
        if self.app.ctx.session is not self.session:
            return
        if self.app.ctx.homework is not None:
            from .homework import write_results

            write_results(self.app, finished=False)
            return
        self.app.ctx.write_slot("auto", thumbnail)

    def left_early(self) -> None:
        """Leaving the game during homework: the results so far go to the teacher."""
        with contextlib.suppress(Exception):
            from .homework import write_results

            write_results(self.app, finished=False)

    def describe(self) -> str:
        return self.view.describe() if self.view is not None else ""


# --------------------------------------------------------------------------- line


class LineView:
    """A line of narration, dialogue or a quotation, typing out in a box at the bottom."""

    history_keys = True
    wheel_history = True
    accepts_text = False

    def __init__(self, screen: PlayScreen, step: Any) -> None:
        self.screen = screen
        self.step = step
        self.app = screen.app
        self.shown = 0.0
        self.page = 0
        self.pages: list[tuple[str, ...]] = [()]
        self.box = pygame.Rect(0, 0, 0, 0)
        self.spec: Any = None
        settings = self.app.ctx.settings
        self.speed = settings.chars_per_second
        if settings.speech and self.app.speech is not None:
            who = (
                f"{step.speaker_name} says: " if step.speaker_name and step.kind != "quote" else ""
            )
            self.app.speech.say(who + step.text)

    @property
    def text(self) -> str:
        if self.step.kind == "quote":
            return f"\u201c{self.step.text}\u201d"
        return self.step.text

    def label(self) -> str:
        step = self.step
        if step.kind == "quote":
            who = f"{step.speaker_name}, " if step.speaker_name else ""
            return f"From the novel ({who}chapter {step.chapter})"
        return step.speaker_name or ""

    def layout(self) -> None:
        style = self.screen.style
        w, h = self.app.size
        pad = style.unit * 3
        width = min(
            w - 2 * style.margin, max(style.measure_width(style.body) + 2 * pad, round(w * 0.62))
        )
        self.spec = style.italic if self.step.kind == "quote" else style.body
        lh = style.line_h(self.spec)
        lines = tx.wrap(self.text, self.spec, width - 2 * pad)
        label_h = style.line_h(style.speaker) if self.label() else 0
        hint_h = style.line_h(style.small)
        top = self.screen.content_top()
        room = h - style.margin - top - 2 * pad - label_h - hint_h
        per_page = max(1, room // lh)
        self.pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [()]
        self.page = min(self.page, len(self.pages) - 1)
        rows = max(len(p) for p in self.pages)
        height = 2 * pad + label_h + rows * lh + hint_h
        self.box = pygame.Rect((w - width) // 2, h - style.margin - height, width, height)

    def typing(self) -> bool:
        return self.speed > 0 and self.shown < tx.total_chars(self.pages[self.page])

    def update(self, dt: float) -> bool:
        if not self.typing():
            return False
        self.shown += dt * self.speed
        return True

    def go_on(self) -> None:
        if self.typing():
            self.shown = float(tx.total_chars(self.pages[self.page]))
            return
        if self.page < len(self.pages) - 1:
            self.page += 1
            self.shown = 0.0
            return
        if self.app.sound is not None:
            self.app.sound.play("page")
        self.screen.act("advance")

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (
            *ACTIVATE_KEYS,
            pygame.K_RIGHT,
            pygame.K_PAGEDOWN,
        ):
            self.go_on()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.go_on()
            return True
        return False

    def escape(self) -> bool:
        return False

    def blur(self) -> None:
        pass

    def focus_from_bar(self, backwards: int) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_box(surface)
        self.draw_text(surface)

    def draw_box(self, surface: pygame.Surface) -> None:
        """The panel and the speaker's name: what stays still while the line types out."""
        style = self.screen.style
        sch = style.scheme
        pad = style.unit * 3
        draw_panel(surface, self.box, style)
        label = self.label()
        if label:
            spec = style.speaker if self.step.kind != "quote" else style.small
            ink = sch.accent if self.step.kind != "quote" else sch.muted
            tx.draw_lines(
                surface,
                tx.wrap(label, spec, self.box.width - 2 * pad),
                spec,
                ink,
                sch.panel,
                (self.box.x + pad, self.box.y + pad),
                style.line_h(style.speaker),
            )

    def draw_text(self, surface: pygame.Surface) -> None:
        """The line itself (typed so far) and, once typed, the hint to go on."""
        style = self.screen.style
        sch = style.scheme
        pad = style.unit * 3
        x, y = self.box.x + pad, self.box.y + pad
        if self.label():
            y += style.line_h(style.speaker)
        lines = self.pages[self.page]
        chars = int(self.shown) if self.typing() else None
        tx.draw_lines(
            surface,
            lines,
            self.spec,
            sch.text,
            sch.panel,
            (x, y),
            style.line_h(self.spec),
            chars=chars,
        )
        if not self.typing():
            more = self.page < len(self.pages) - 1
            hint = "Space or click: more" if more else "Space or click: go on"
            spec = style.small
            image_w = spec.font.size(hint)[0]
            lh = style.line_h(spec)
            hy = self.box.bottom - pad - lh + style.unit
            hx = self.box.right - pad - image_w
            tx.draw_lines(surface, [hint], spec, sch.muted, sch.panel, (hx, hy), lh)
            size = round(spec.px * 0.7)
            draw_mark(
                surface,
                "more",
                pygame.Rect(hx - size - style.unit, hy + (lh - size) // 2, size, size),
                sch.muted,
            )

    def describe(self) -> str:
        label = self.label()
        return f"{label}: {self.step.text}" if label else self.step.text


# --------------------------------------------------------------------------- choice


class ChoiceView:
    """A choice for Kathy: numbered options (keys 1-9, arrows and Enter, or the mouse)."""

    history_keys = True
    wheel_history = True
    accepts_text = False

    def __init__(self, screen: PlayScreen, step: Any) -> None:
        self.screen = screen
        self.step = step
        self.app = screen.app
        from ..widgets import Text

        items: list[Widget] = []
        if step.prompt:
            items.append(Text(step.prompt, "body", "accent"))
        for index, option in enumerate(step.options):
            items.append(
                Button(
                    option,
                    lambda i=index: self.choose(i),
                    hint=str(index + 1),
                    variant="option",
                    name=option,
                )
            )
        self.flow = Flow(items)
        self.flow.focus_first()
        self.box = pygame.Rect(0, 0, 0, 0)
        if self.app.ctx.settings.speech and self.app.speech is not None:
            spoken = ". ".join(f"{i + 1}: {o}" for i, o in enumerate(step.options))
            self.app.speech.say(f"{step.prompt or 'Choose'}. {spoken}")

    def choose(self, index: int) -> None:
        if self.app.sound is not None:
            self.app.sound.play("choose")
        self.screen.act("choose", index)

    def layout(self) -> None:
        style = self.screen.style
        w, h = self.app.size
        pad = style.unit * 3
        width = min(
            w - 2 * style.margin, max(style.measure_width(style.body) + 2 * pad, round(w * 0.62))
        )
        top = self.screen.content_top()
        full = pygame.Rect(
            (w - width) // 2 + pad, top + pad, width - 2 * pad, h - style.margin - top - 2 * pad
        )
        self.flow.layout(style, full)
        used = min(full.height, self.flow.content_h)
        area = pygame.Rect(full.x, h - style.margin - pad - used, full.width, used)
        self.flow.layout(style, area)
        self.box = area.inflate(2 * pad, 2 * pad)

    def update(self, dt: float) -> bool:
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        n = number_key(event)
        if n is not None:
            if n < len(self.step.options):
                self.choose(n)
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            found = self.flow.focusables()
            if self.flow.focus is found[-1] and not event.mod & pygame.KMOD_SHIFT:
                return False
            if self.flow.focus is found[0] and event.mod & pygame.KMOD_SHIFT:
                return False
        return self.flow.handle(event)

    def escape(self) -> bool:
        return False

    def blur(self) -> None:
        self.flow.set_focus(None)

    def focus_from_bar(self, backwards: int) -> None:
        self.flow.focus_first()

    def draw(self, surface: pygame.Surface) -> None:
        draw_panel(surface, self.box, self.screen.style)
        self.flow.draw(surface)

    def describe(self) -> str:
        return "\n".join([self.step.prompt or "", *self.step.options]).strip()


class PanelView:
    """A panel filling the scene below the bar: for questions, feedback and the part's end."""

    history_keys = False
    wheel_history = False

    def __init__(self, screen: PlayScreen) -> None:
        self.screen = screen
        self.app = screen.app
        self.flow = Flow()
        self.box = pygame.Rect(0, 0, 0, 0)

    @property
    def accepts_text(self) -> bool:
        return self.flow.focus is not None and self.flow.focus.accepts_text

    def layout(self) -> None:
        style = self.screen.style
        w, h = self.app.size
        pad = style.unit * 3
        width = min(
            w - 2 * style.margin,
            max(round(style.measure_width(style.body) * 1.15) + 2 * pad, round(w * 0.7)),
        )
        top = self.screen.content_top()
        full = pygame.Rect(
            (w - width) // 2 + pad, top + pad, width - 2 * pad, h - style.margin - top - 2 * pad
        )
        self.flow.layout(style, full)
        used = self.flow.content_h + (full.height - self.flow.viewport.height)
        if used < full.height:
            area = pygame.Rect(full.x, full.y + (full.height - used) // 2, full.width, used)
            self.flow.layout(style, area)
            full = area
        self.box = full.inflate(2 * pad, 2 * pad)

    def update(self, dt: float) -> bool:
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            found = self.flow.focusables()
            if found and self.flow.focus is found[-1] and not event.mod & pygame.KMOD_SHIFT:
                return False
            if found and self.flow.focus is found[0] and event.mod & pygame.KMOD_SHIFT:
                return False
        return self.flow.handle(event)

    def escape(self) -> bool:
        return False

    def blur(self) -> None:
        self.flow.set_focus(None)

    def focus_from_bar(self, backwards: int) -> None:
        found = self.flow.focusables()
        if found:
            self.flow.set_focus(found[-1] if backwards else found[0])

    def draw(self, surface: pygame.Surface) -> None:
        draw_panel(surface, self.box, self.screen.style)
        self.flow.draw(surface)

    def describe(self) -> str:
        parts = []
        for w in self.flow.items + self.flow.footer:
            children = getattr(w, "children", None)
            if children:
                parts.extend(c.label for c in children if c.label)
            elif w.label:
                parts.append(w.label)
        return "\n".join(parts)
