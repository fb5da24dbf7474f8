"""Widgets drawn with the look's colours: text, buttons, options, steppers, a text field, bars.

A widget measures itself for a width, draws itself into a rectangle, and (when focusable)
reacts to activation (Enter, Space or a click) and to keys while it has the focus. Text is
always drawn on the panel or on a button face; marks (a tick, a cross, a radio dot) are
shapes, so no font has to carry them, and every mark comes with a word.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from . import text as tx
from .style import FontSpec, Style

RGB = tuple[int, int, int]
Action = Callable[[], None]


# --------------------------------------------------------------------------- drawing helpers


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, style: Style) -> None:
    sch = style.scheme
    pygame.draw.rect(surface, sch.panel, rect, border_radius=style.radius)
    pygame.draw.rect(
        surface, sch.panel_edge, rect, width=max(1, style.ring // 2 + 1), border_radius=style.radius
    )


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, style: Style) -> None:
    """A ring outside `rect`: first a gap in the panel colour, then the focus colour, so it
    shows on any face colour (look's rule)."""
    sch = style.scheme
    gap = style.ring
    inner = rect.inflate(gap * 2, gap * 2)
    pygame.draw.rect(surface, sch.panel, inner, width=gap, border_radius=style.radius + gap)
    outer = rect.inflate(gap * 4, gap * 4)
    pygame.draw.rect(surface, sch.focus, outer, width=gap, border_radius=style.radius + gap * 2)


def ring_space(style: Style) -> int:
    """Room to leave around a focusable widget so its ring is never clipped."""
    return style.ring * 2 + 1


def draw_mark(surface: pygame.Surface, kind: str, rect: pygame.Rect, colour: RGB) -> None:
    """A mark drawn as shapes: tick, cross, radio (on/off), box (on/off), up, down, left,
    right, more (a down-pointing hint), grip."""
    w = max(2, rect.width // 8)
    x, y, s = rect.x, rect.y, min(rect.width, rect.height)
    cx, cy = rect.center
    if kind == "tick":
        pygame.draw.lines(
            surface,
            colour,
            False,
            [
                (x + s * 0.15, y + s * 0.55),
                (x + s * 0.42, y + s * 0.8),
                (x + s * 0.88, y + s * 0.22),
            ],
            w + 1,
        )
    elif kind == "cross":
        pygame.draw.line(
            surface, colour, (x + s * 0.2, y + s * 0.2), (x + s * 0.8, y + s * 0.8), w + 1
        )
        pygame.draw.line(
            surface, colour, (x + s * 0.8, y + s * 0.2), (x + s * 0.2, y + s * 0.8), w + 1
        )
    elif kind in ("radio_on", "radio_off"):
        pygame.draw.circle(surface, colour, (cx, cy), s // 2 - 1, w)
        if kind == "radio_on":
            pygame.draw.circle(surface, colour, (cx, cy), max(2, s // 4))
    elif kind in ("box_on", "box_off"):
        box = pygame.Rect(0, 0, s - 2, s - 2)
        box.center = (cx, cy)
        pygame.draw.rect(surface, colour, box, w, border_radius=3)
        if kind == "box_on":
            draw_mark(surface, "tick", box.inflate(-w * 2, -w * 2), colour)
    elif kind in ("up", "down", "left", "right", "more"):
        h = s * 0.35
        points = {
            "up": [(cx - h, cy + h / 2), (cx + h, cy + h / 2), (cx, cy - h / 1.2)],
            "down": [(cx - h, cy - h / 2), (cx + h, cy - h / 2), (cx, cy + h / 1.2)],
            "more": [(cx - h, cy - h / 2), (cx + h, cy - h / 2), (cx, cy + h / 1.2)],
            "left": [(cx + h / 2, cy - h), (cx + h / 2, cy + h), (cx - h / 1.2, cy)],
            "right": [(cx - h / 2, cy - h), (cx - h / 2, cy + h), (cx + h / 1.2, cy)],
        }[kind]
        pygame.draw.polygon(surface, colour, points)
    elif kind == "dot":
        pygame.draw.circle(surface, colour, (cx, cy), max(3, s // 6))
    elif kind == "grip":
        for i in range(3):
            yy = y + s * (0.3 + 0.2 * i)
            pygame.draw.line(surface, colour, (x + s * 0.2, yy), (x + s * 0.8, yy), max(2, w - 1))


# --------------------------------------------------------------------------- widgets


@dataclass
class DrawState:
    focused: bool = False
    hovered: bool = False


class Widget:
    focusable = False
    fill = True  # take the whole width of the flow (else: its own width, side by side in a Row)
    accepts_text = False

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        raise NotImplementedError

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        """Enter, Space or a click while focused."""

    def click(self, pos: tuple[int, int], rect: pygame.Rect, style: Style) -> None:
        self.activate()

    def key(self, event: pygame.event.Event) -> bool:
        """A key while focused; True if the widget used it."""
        return False

    def focus_changed(self, focused: bool, rect: pygame.Rect | None) -> None:
        """Called when the widget gains or loses the focus."""

    @property
    def label(self) -> str:
        return ""


class Spacer(Widget):
    def __init__(self, units: float = 1.0) -> None:
        self.units = units

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        return width, round(style.unit * self.units)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        pass


INKS = ("text", "muted", "accent", "correct", "wrong")


class Text(Widget):
    """A paragraph on the panel. `ink` is one of the scheme's text colours."""

    def __init__(
        self,
        text: str,
        role: str = "body",
        ink: str = "text",
        align: str = "left",
        mark: str | None = None,
    ) -> None:
        assert ink in INKS, ink
        self.text = text
        self.role = role
        self.ink = ink
        self.align = align
        self.mark = mark

    def spec(self, style: Style) -> FontSpec:
        return getattr(style, self.role)

    def _indent(self, style: Style) -> int:
        return style.line_h(self.spec(style)) if self.mark else 0

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        spec = self.spec(style)
        lines = tx.wrap(self.text, spec, max(8, width - self._indent(style)))
        return width, len(lines) * style.line_h(spec)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        spec = self.spec(style)
        colour = getattr(style.scheme, self.ink)
        indent = self._indent(style)
        lh = style.line_h(spec)
        if self.mark:
            size = round(spec.px * 0.8)
            box = pygame.Rect(rect.x, rect.y + (lh - size) // 2, size, size)
            draw_mark(surface, self.mark, box, colour)
        lines = tx.wrap(self.text, spec, max(8, rect.width - indent))
        tx.draw_lines(
            surface,
            lines,
            spec,
            colour,
            style.scheme.panel,
            (rect.x + indent, rect.y),
            lh,
            align=self.align,
            width=rect.width - indent,
        )

    @property
    def label(self) -> str:
        return self.text


class Button(Widget):
    """A push button. `variant`: "primary" (button face) or "option" (a card on the panel,
    for answers: with a mark such as a radio dot or a tick box)."""

    focusable = True

    def __init__(
        self,
        label: str,
        action: Action | None = None,
        *,
        hint: str = "",
        variant: str = "primary",
        fill: bool = True,
        mark: str | None = None,
        enabled: bool = True,
        selected: bool = False,
        name: str = "",
        share: float = 0.0,
    ) -> None:
        self.share = share
        """In a Row: this fraction of the row's width (0: as wide as its words)."""
        self.text = label
        self.action = action
        self.hint = hint
        self.variant = variant
        self.fill = fill
        self.mark = mark
        self.enabled = enabled
        self.selected = selected
        self.name = name or label

    @property
    def label(self) -> str:
        return self.text

    def _spec(self, style: Style) -> FontSpec:
        return style.button if self.variant == "primary" else style.body

    def _prefix(self) -> str:
        return f"{self.hint}. " if self.hint.isdigit() else ""

    def _suffix(self) -> str:
        return f" ({self.hint})" if self.hint and not self.hint.isdigit() else ""

    def _words(self) -> str:
        return self._prefix() + self.text + self._suffix()

    def _mark_w(self, style: Style) -> int:
        return round(self._spec(style).px * 1.3) if self.mark else 0

    def _pad(self, style: Style) -> int:
        return style.unit * 2

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        spec = self._spec(style)
        pad = self._pad(style)
        inner = width - 2 * pad - self._mark_w(style)
        lines = tx.wrap(self._words(), spec, max(8, inner))
        h = max(style.target, len(lines) * style.line_h(spec) + style.unit * 2)
        if self.fill:
            return width, h
        text_w = max(spec.font.size(line)[0] for line in lines)
        return min(width, text_w + 2 * pad + self._mark_w(style)), h

    def colours(self, style: Style) -> tuple[RGB, RGB, RGB]:
        """(face, text, edge)"""
        sch = style.scheme
        if self.variant == "primary":
            return sch.button, sch.button_text, sch.button
        ink = sch.text if self.enabled else sch.muted
        return sch.panel, ink, sch.accent if self.selected else sch.panel_edge

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        spec = self._spec(style)
        face, ink, edge = self.colours(style)
        pygame.draw.rect(surface, face, rect, border_radius=style.radius)
        edge_w = style.ring if self.selected else max(2, style.ring - 1)
        if st.hovered and self.variant == "option":
            edge_w = style.ring
        pygame.draw.rect(surface, edge, rect, width=edge_w, border_radius=style.radius)
        if st.hovered and self.variant == "primary":
            inner = rect.inflate(-edge_w * 2 - 2, -edge_w * 2 - 2)
            pygame.draw.rect(surface, ink, inner, width=1, border_radius=style.radius)
        pad = self._pad(style)
        lh = style.line_h(spec)
        mark_w = self._mark_w(style)
        lines = tx.wrap(self._words(), spec, max(8, rect.width - 2 * pad - mark_w))
        text_h = len(lines) * lh
        top = rect.y + (rect.height - text_h) // 2
        if self.mark:
            size = round(spec.px * 0.9)
            box = pygame.Rect(rect.x + pad, top + (lh - size) // 2, size, size)
            draw_mark(surface, self.mark, box, ink)
        align = "center" if self.variant == "primary" and not self.mark else "left"
        tx.draw_lines(
            surface,
            lines,
            spec,
            ink,
            face,
            (rect.x + pad + mark_w, top),
            lh,
            align=align,
            width=rect.width - 2 * pad - mark_w,
        )

    def activate(self) -> None:
        if self.enabled and self.action is not None:
            self.action()


class Stepper(Widget):
    """A setting with a few values: its name, the value in words, and arrows either side.
    Left/Right (or a click on an arrow) change it; Enter moves to the next value."""

    focusable = True

    def __init__(
        self, name: str, value: Callable[[], str], change: Callable[[int], None], note: str = ""
    ) -> None:
        self.name = name
        self.value = value
        self.change = change
        self.note = note

    @property
    def label(self) -> str:
        return f"{self.name}: {self.value()}"

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        spec = style.body
        lh = style.line_h(spec)
        arrows = style.target * 2 + style.unit * 4
        value_w = max(style.target * 3, width // 3)
        name_lines = tx.wrap(self.name, style.body_bold, max(8, width - arrows - value_w))
        value_lines = tx.wrap(self.value(), spec, max(8, value_w))
        rows = max(len(name_lines), len(value_lines))
        note_h = 0
        if self.note:
            note_h = len(
                tx.wrap(self.note, style.small, max(8, width - style.unit * 4))
            ) * style.line_h(style.small)
        return width, max(style.target, rows * lh + style.unit * 2) + note_h

    def _parts(
        self, rect: pygame.Rect, style: Style
    ) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        t = style.target
        value_w = max(t * 3, rect.width // 3)
        top_h = rect.height
        if self.note:
            top_h -= len(
                tx.wrap(self.note, style.small, max(8, rect.width - style.unit * 4))
            ) * style.line_h(style.small)
        right = pygame.Rect(rect.right - t - style.unit, rect.y + (top_h - t) // 2, t, t)
        value = pygame.Rect(right.x - value_w - style.unit, rect.y, value_w, top_h)
        left = pygame.Rect(value.x - t - style.unit, right.y, t, t)
        return left, value, right

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        sch = style.scheme
        pygame.draw.rect(surface, sch.panel, rect, border_radius=style.radius)
        pygame.draw.rect(
            surface,
            sch.accent if st.focused or st.hovered else sch.panel_edge,
            rect,
            width=max(2, style.ring - 1),
            border_radius=style.radius,
        )
        left, value, right = self._parts(rect, style)
        lh = style.line_h(style.body)
        name_rect = pygame.Rect(rect.x + style.unit * 2, 0, left.x - rect.x - style.unit * 3, 0)
        name_lines = tx.wrap(self.name, style.body_bold, max(8, name_rect.width))
        top_h = value.height
        tx.draw_lines(
            surface,
            name_lines,
            style.body_bold,
            sch.text,
            sch.panel,
            (name_rect.x, rect.y + (top_h - len(name_lines) * lh) // 2),
            lh,
        )
        value_lines = tx.wrap(self.value(), style.body, max(8, value.width))
        tx.draw_lines(
            surface,
            value_lines,
            style.body,
            sch.accent,
            sch.panel,
            (value.x, rect.y + (top_h - len(value_lines) * lh) // 2),
            lh,
            align="center",
            width=value.width,
        )
        for box, kind in ((left, "left"), (right, "right")):
            pygame.draw.rect(surface, sch.button, box, border_radius=style.radius)
            draw_mark(
                surface, kind, box.inflate(-box.width // 3, -box.height // 3), sch.button_text
            )
        if self.note:
            note_rect = pygame.Rect(
                rect.x + style.unit * 2, rect.y + top_h - style.unit, rect.width - style.unit * 4, 0
            )
            tx.draw_text(
                surface,
                self.note,
                style.small,
                sch.muted,
                sch.panel,
                note_rect,
                style.line_h(style.small),
            )

    def activate(self) -> None:
        self.change(+1)

    def click(self, pos: tuple[int, int], rect: pygame.Rect, style: Style) -> None:
        left, _, _ = self._parts(rect, style)
        self.change(-1 if left.collidepoint(pos) else +1)

    def key(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.change(-1 if event.key == pygame.K_LEFT else +1)
            return True
        return False


class Row(Widget):
    """Widgets side by side (buttons of their own width), wrapping onto more lines."""

    def __init__(self, children: list[Widget], align: str = "left") -> None:
        self.children = children
        self.align = align
        self.child_rects: list[pygame.Rect] = []

    def place(self, style: Style, width: int) -> tuple[list[pygame.Rect], int]:
        gap = max(style.unit * 2, ring_space(style) * 2 + 2)
        rects: list[pygame.Rect] = []
        x = y = line_h = 0
        line: list[pygame.Rect] = []
        lines: list[list[pygame.Rect]] = []
        for child in self.children:
            share = getattr(child, "share", 0.0)
            if share:
                per_row = max(1, round(1 / share))
                w = (width - gap * (per_row - 1)) // per_row
                _, h = child.measure(style, w)
            else:
                w, h = child.measure(style, width)
            w = min(w, width)
            if x and x + w > width:
                lines.append(line)
                y += line_h + gap
                x = line_h = 0
                line = []
            rect = pygame.Rect(x, y, w, h)
            line.append(rect)
            rects.append(rect)
            x += w + gap
            line_h = max(line_h, h)
        lines.append(line)
        if self.align in ("center", "right"):
            for row in lines:
                if not row:
                    continue
                used = row[-1].right - row[0].x
                shift = (width - used) // (2 if self.align == "center" else 1)
                for rect in row:
                    rect.x += shift
        return rects, y + line_h

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        _, h = self.place(style, width)
        return width, h

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        pass  # the flow draws the children itself


class TextField(Widget):
    """Typed text: a caret, editing keys, paste, and IME composition (TEXTEDITING).

    Typed characters arrive as TEXTINPUT events (so every keyboard layout and input method
    works); KEYDOWN handles the editing keys. Enter submits; with `multiline`, the text
    wraps and Enter still submits (answers are one paragraph).
    """

    focusable = True
    accepts_text = True

    def __init__(
        self,
        on_submit: Action | None = None,
        *,
        multiline: bool = False,
        placeholder: str = "",
        max_chars: int = 2000,
        name: str = "answer",
    ) -> None:
        self.value = ""
        self.caret = 0
        self.composing = ""
        self.on_submit = on_submit
        self.multiline = multiline
        self.placeholder = placeholder
        self.max_chars = max_chars
        self.name = name
        self.on_change: Action | None = None
        self._ime_rect: pygame.Rect | None = None

    @property
    def label(self) -> str:
        return self.value

    def set(self, value: str) -> None:
        self.value = value[: self.max_chars]
        self.caret = len(self.value)

    def _lines(self, style: Style, width: int) -> tuple[str, ...]:
        shown = self.value[: self.caret] + self.composing + self.value[self.caret :]
        if not self.multiline:
            return (shown,)
        return tx.wrap(shown or " ", style.body, max(8, width))

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        lh = style.line_h(style.body)
        pad = style.unit * 2
        rows = max(3, len(self._lines(style, width - 2 * pad))) if self.multiline else 1
        return width, max(style.target, rows * lh + pad)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        sch = style.scheme
        spec = style.body
        lh = style.line_h(spec)
        pad = style.unit * 2
        pygame.draw.rect(surface, sch.panel, rect, border_radius=style.radius)
        pygame.draw.rect(
            surface,
            sch.accent if st.focused else sch.panel_edge,
            rect,
            width=max(2, style.ring - 1),
            border_radius=style.radius,
        )
        inner = rect.inflate(-2 * pad, -pad)
        clip = surface.get_clip()
        surface.set_clip(inner.clip(clip) if clip else inner)
        try:
            if not self.value and not self.composing:
                if self.placeholder:
                    tx.draw_lines(
                        surface,
                        tx.wrap(self.placeholder, spec, max(8, inner.width)),
                        spec,
                        sch.muted,
                        sch.panel,
                        inner.topleft,
                        lh,
                    )
                caret_xy = (inner.x, inner.y)
            else:
                caret_xy = self._draw_value(surface, inner, style)
            if st.focused:
                if rect != self._ime_rect:  # input methods place their window here
                    self._ime_rect = rect.copy()
                    with contextlib.suppress(pygame.error):
                        pygame.key.set_text_input_rect(rect)
                x, y = caret_xy
                off = tx.line_offset(spec, lh)
                pygame.draw.line(
                    surface, sch.text, (x, y + off), (x, y + off + spec.font.get_height()), 2
                )
        finally:
            surface.set_clip(clip)

    def _draw_value(
        self, surface: pygame.Surface, inner: pygame.Rect, style: Style
    ) -> tuple[int, int]:
        sch = style.scheme
        spec = style.body
        lh = style.line_h(spec)
        font = spec.font
        caret_at = self.caret + len(self.composing)
        if not self.multiline:
            shown = self.value[: self.caret] + self.composing + self.value[self.caret :]
            caret_x = font.size(shown[:caret_at])[0]
            scroll = max(0, caret_x - inner.width + 4)
            image = tx.render(shown, spec, sch.text, sch.panel) if shown else None
            y = inner.y + (inner.height - lh) // 2
            if image is not None:
                surface.blit(image, (inner.x - scroll, y + tx.line_offset(spec, lh)))
            if self.composing:
                start = font.size(self.value[: self.caret])[0] - scroll
                end = font.size(shown[:caret_at])[0] - scroll
                base = y + tx.line_offset(spec, lh) + font.get_ascent() + 3
                pygame.draw.line(
                    surface, sch.text, (inner.x + start, base), (inner.x + end, base), 2
                )
            return inner.x + caret_x - scroll, y
        lines = self._lines(style, inner.width)
        tx.draw_lines(surface, lines, spec, sch.text, sch.panel, inner.topleft, lh)
        # find the caret's line: the wrapped lines lose the single spaces they broke at
        left = caret_at
        for row, line in enumerate(lines):
            if left <= len(line) or row == len(lines) - 1:
                return inner.x + font.size(line[: max(0, left)])[0], inner.y + row * lh
            left -= len(line) + 1
        return inner.topleft

    def focus_changed(self, focused: bool, rect: pygame.Rect | None) -> None:
        if focused:
            pygame.key.start_text_input()
            if rect is not None:
                pygame.key.set_text_input_rect(rect)
        else:
            pygame.key.stop_text_input()
            self.composing = ""

    def insert(self, text: str) -> None:
        text = text.replace("\r", "").replace("\n", " ").replace("\t", " ")
        room = self.max_chars - len(self.value)
        text = text[: max(0, room)]
        self.value = self.value[: self.caret] + text + self.value[self.caret :]
        self.caret += len(text)
        self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def key(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.composing = ""
            self.insert(event.text)
            return True
        if event.type == pygame.TEXTEDITING:
            self.composing = event.text
            return True
        if event.type != pygame.KEYDOWN:
            return False
        k, mods = event.key, event.mod
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.on_submit is not None:
                self.on_submit()
            return True
        if k == pygame.K_BACKSPACE:
            if self.caret > 0:
                start = self._word_left() if ctrl else self.caret - 1
                self.value = self.value[:start] + self.value[self.caret :]
                self.caret = start
                self._changed()
            return True
        if k == pygame.K_DELETE:
            if self.caret < len(self.value):
                self.value = self.value[: self.caret] + self.value[self.caret + 1 :]
                self._changed()
            return True
        if k == pygame.K_LEFT:
            self.caret = self._word_left() if ctrl else max(0, self.caret - 1)
            return True
        if k == pygame.K_RIGHT:
            self.caret = self._word_right() if ctrl else min(len(self.value), self.caret + 1)
            return True
        if k == pygame.K_HOME:
            self.caret = 0
            return True
        if k == pygame.K_END:
            self.caret = len(self.value)
            return True
        if ctrl and k == pygame.K_v:
            self.insert(paste_text())
            return True
        if ctrl and k in (pygame.K_c, pygame.K_x):
            copy_text(self.value)
            if k == pygame.K_x:
                self.set("")
                self._changed()
            return True
        if ctrl and k == pygame.K_a:
            self.caret = len(self.value)
            return True
        # printable keys arrive as TEXTINPUT: swallow their KEYDOWN so no shortcut fires
        return bool(event.unicode and event.unicode.isprintable()) or k == pygame.K_SPACE

    def _word_left(self) -> int:
        i = self.caret
        while i > 0 and self.value[i - 1] == " ":
            i -= 1
        while i > 0 and self.value[i - 1] != " ":
            i -= 1
        return i

    def _word_right(self) -> int:
        i, n = self.caret, len(self.value)
        while i < n and self.value[i] == " ":
            i += 1
        while i < n and self.value[i] != " ":
            i += 1
        return i


def paste_text() -> str:
    """The clipboard's text ("" when there is none or no clipboard)."""
    with contextlib.suppress(Exception):
        text = pygame.scrap.get_text()
        if text:
            return str(text)
    return ""


def copy_text(text: str) -> None:
    with contextlib.suppress(Exception):
        pygame.scrap.put_text(text)


class Bars(Widget):
    """A bar chart of scores: each row a name, a bar and the figures in words."""

    def __init__(self, rows: list[tuple[str, float, int]]) -> None:
        self.rows = rows  # (name, earned, possible)

    @property
    def label(self) -> str:
        return "\n".join(
            f"{name}: {earned:g} of {possible}" for name, earned, possible in self.rows
        )

    def _row_h(self, style: Style) -> int:
        return style.line_h(style.body) * 2

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        return width, self._row_h(style) * len(self.rows)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        sch = style.scheme
        lh = style.line_h(style.body)
        y = rect.y
        for name, earned, possible in self.rows:
            percent = 100 * earned / possible if possible else 0
            words = f"{name}: {earned:g} of {possible} ({percent:.0f}%)"
            tx.draw_lines(
                surface,
                tx.wrap(words, style.body, rect.width),
                style.body,
                sch.text,
                sch.panel,
                (rect.x, y),
                lh,
            )
            bar = pygame.Rect(rect.x, y + lh + lh // 5, rect.width, lh // 2)
            pygame.draw.rect(surface, sch.panel_edge, bar, width=2, border_radius=4)
            filled = bar.inflate(-4, -4)
            filled.width = round(filled.width * min(1.0, percent / 100))
            if filled.width > 0:
                pygame.draw.rect(surface, sch.accent, filled, border_radius=3)
            y += self._row_h(style)


class Picture(Widget):
    """A small image (a save's thumbnail) beside a few lines of text, as one button."""

    focusable = True

    def __init__(
        self,
        image: pygame.Surface | None,
        lines: list[tuple[str, str]],
        action: Action | None,
        name: str = "",
    ) -> None:
        self.image = image
        self.lines = lines  # (text, ink)
        self.action = action
        self.name = name
        self.selected = False

    @property
    def label(self) -> str:
        return " ".join(text for text, _ in self.lines)

    def _thumb(self, style: Style) -> tuple[int, int]:
        w = max(96, round(192 * style.scale))
        return w, w * 9 // 16

    def measure(self, style: Style, width: int) -> tuple[int, int]:
        tw, th = self._thumb(style)
        text_w = max(8, width - tw - style.unit * 6)
        h = sum(
            len(tx.wrap(t, style.body if i == 0 else style.small, text_w))
            * style.line_h(style.body if i == 0 else style.small)
            for i, (t, _) in enumerate(self.lines)
        )
        return width, max(th + style.unit * 2, h + style.unit * 2, style.target)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, st: DrawState) -> None:
        sch = style.scheme
        pygame.draw.rect(surface, sch.panel, rect, border_radius=style.radius)
        pygame.draw.rect(
            surface,
            sch.accent if st.hovered or self.selected else sch.panel_edge,
            rect,
            width=max(2, style.ring - 1),
            border_radius=style.radius,
        )
        tw, th = self._thumb(style)
        box = pygame.Rect(rect.x + style.unit, rect.y + (rect.height - th) // 2, tw, th)
        if self.image is not None:
            surface.blit(pygame.transform.smoothscale(self.image, (tw, th)), box)
        else:
            pygame.draw.rect(surface, sch.panel_edge, box, width=2)
        x = box.right + style.unit * 2
        y = rect.y + style.unit
        for i, (line, ink) in enumerate(self.lines):
            spec = style.body if i == 0 else style.small
            lines = tx.wrap(line, spec, max(8, rect.right - x - style.unit * 2))
            y = tx.draw_lines(
                surface, lines, spec, getattr(sch, ink), sch.panel, (x, y), style.line_h(spec)
            )

    def activate(self) -> None:
        if self.action is not None:
            self.action()
