"""A column of widgets in a panel: layout, scrolling, keyboard focus and the mouse.

Most screens are a heading, some text and some buttons; a `Flow` does the common work so
every screen behaves the same: Tab/Shift+Tab and the arrow keys move the focus, Enter or
Space activates, the mouse hovers and clicks, the wheel and Page Up/Down scroll, and the
focused widget is scrolled into view. Widgets in `footer` stay put at the bottom.
"""

from __future__ import annotations

import pygame

from .style import Style
from .widgets import DrawState, Row, Widget, ring_space

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Flow:
    def __init__(
        self, items: list[Widget] | None = None, footer: list[Widget] | None = None
    ) -> None:
        self.items: list[Widget] = items or []
        self.footer: list[Widget] = footer or []
        self.rects: dict[int, pygame.Rect] = {}  # id(widget) -> rect on screen (unscrolled)
        self.footer_ids: set[int] = set()
        self.viewport = pygame.Rect(0, 0, 0, 0)
        self.scroll = 0
        self.content_h = 0
        self.focus: Widget | None = None
        self.hover: Widget | None = None
        self.style: Style | None = None
        self._want_visible: Widget | None = None
        self._row_of: dict[int, Row] = {}

    # ------------------------------------------------------------------ contents

    def set_items(
        self, items: list[Widget], footer: list[Widget] | None = None, keep_focus: bool = True
    ) -> None:
        old = self.focus
        old_index = self.focusables().index(old) if old in self.focusables() else -1
        self.items = items
        if footer is not None:
            self.footer = footer
        found = self.focusables()
        if keep_focus and old is not None and old in found:
            self.focus = old
        elif keep_focus and 0 <= old_index < len(found):
            self.focus = found[old_index]
        else:
            self.focus = None
        self.hover = None

    def _flatten(self, widgets: list[Widget]) -> list[Widget]:
        out: list[Widget] = []
        for w in widgets:
            if isinstance(w, Row):
                for child in w.children:
                    self._row_of[id(child)] = w
                out.extend(c for c in w.children if c.focusable)
            elif w.focusable:
                out.append(w)
        return out

    def focusables(self) -> list[Widget]:
        return self._flatten(self.items) + self._flatten(self.footer)

    def focus_first(self, widget: Widget | None = None) -> None:
        found = self.focusables()
        self.set_focus(widget if widget in found else (found[0] if found else None))

    def set_focus(self, widget: Widget | None) -> None:
        if widget is self.focus:
            return
        if self.focus is not None:
            self.focus.focus_changed(False, None)
        self.focus = widget
        if widget is not None:
            widget.focus_changed(True, self.screen_rect(widget))
            self._want_visible = widget

    # ------------------------------------------------------------------ layout

    def layout(self, style: Style, rect: pygame.Rect) -> None:
        self.style = style
        self.rects.clear()
        self.footer_ids.clear()
        inset = ring_space(style)
        gap = max(style.unit * 2, inset * 2 + 2)
        footer_h = 0
        if self.footer:
            width = rect.width - 2 * inset
            y = 0
            placed: list[tuple[Widget, pygame.Rect]] = []
            for w in self.footer:
                self._place(w, style, width, inset, y, placed)
                y = placed[-1][1].bottom + gap if placed else y
            footer_h = (placed[-1][1].bottom if placed else 0) + inset * 2
            top = rect.bottom - footer_h + inset
            for w, r in placed:
                r.move_ip(rect.x, top)
                self.rects[id(w)] = r
                self.footer_ids.add(id(w))
        self.viewport = pygame.Rect(rect.x, rect.y, rect.width, rect.height - footer_h)
        bar = max(6, style.unit)
        for attempt in range(2):
            width = self.viewport.width - 2 * inset - (bar + style.unit if attempt else 0)
            y = inset
            placed = []
            for w in self.items:
                self._place(w, style, width, inset, y, placed)
                y = placed[-1][1].bottom + gap if placed else y
            self.content_h = (placed[-1][1].bottom if placed else 0) + inset
            if self.content_h <= self.viewport.height:
                break
        for w, r in placed:
            r.move_ip(self.viewport.x, self.viewport.y)
            self.rects[id(w)] = r
        self.scroll = max(0, min(self.scroll, self.max_scroll()))
        if self._want_visible is not None:
            self.ensure_visible(self._want_visible)
            self._want_visible = None

    def _place(
        self,
        w: Widget,
        style: Style,
        width: int,
        x: int,
        y: int,
        placed: list[tuple[Widget, pygame.Rect]],
    ) -> None:
        if isinstance(w, Row):
            rects, h = w.place(style, width)
            for child, r in zip(w.children, rects, strict=True):
                placed.append((child, r.move(x, y)))
            placed.append((w, pygame.Rect(x, y, width, h)))
            return
        mw, mh = w.measure(style, width)
        placed.append((w, pygame.Rect(x, y, mw, mh)))

    def max_scroll(self) -> int:
        return max(0, self.content_h - self.viewport.height)

    def screen_rect(self, w: Widget) -> pygame.Rect | None:
        r = self.rects.get(id(w))
        if r is None:
            return None
        return r if id(w) in self.footer_ids else r.move(0, -self.scroll)

    def ensure_visible(self, w: Widget) -> None:
        r = self.rects.get(id(w))
        if r is None or id(w) in self.footer_ids or self.style is None:
            return
        pad = ring_space(self.style) + self.style.unit
        top = r.y - self.viewport.y - pad
        bottom = r.bottom - self.viewport.y + pad
        if top < self.scroll:
            self.scroll = max(0, top)
        elif bottom > self.scroll + self.viewport.height:
            self.scroll = min(self.max_scroll(), bottom - self.viewport.height)
        if w is self.focus and r.height + 2 * pad > self.viewport.height:
            self.scroll = max(0, min(self.max_scroll(), top))

    def scroll_by(self, dy: int) -> bool:
        before = self.scroll
        self.scroll = max(0, min(self.max_scroll(), self.scroll + dy))
        return self.scroll != before

    # ------------------------------------------------------------------ input

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        for w in self.focusables():
            r = self.screen_rect(w)
            if r is None or not r.collidepoint(pos):
                continue
            if id(w) not in self.footer_ids and not self.viewport.collidepoint(pos):
                continue
            return w
        return None

    def move_focus(self, step: int, wrap: bool = True) -> bool:
        found = self.focusables()
        if not found:
            return False
        if self.focus not in found:
            self.set_focus(found[0] if step > 0 else found[-1])
            return True
        index = found.index(self.focus) + step
        if not wrap and not 0 <= index < len(found):
            return False
        self.set_focus(found[index % len(found)])
        return True

    def handle(self, event: pygame.event.Event) -> bool:
        """Use the event if it is for the flow; True when something changed."""
        style = self.style
        line = style.line_h(style.body) if style else 40
        if event.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            if self.focus is not None and self.focus.accepts_text:
                return self.focus.key(event)
            return False
        if event.type == pygame.KEYDOWN:
            if self.focus is not None and self.focus.key(event):
                if self.focus is not None:
                    self._want_visible = self.focus
                return True
            k = event.key
            shift = bool(event.mod & pygame.KMOD_SHIFT)
            if k == pygame.K_TAB:
                return self.move_focus(-1 if shift else 1)
            if k in (pygame.K_DOWN, pygame.K_UP):
                step = 1 if k == pygame.K_DOWN else -1
                if self.focusables() and self.move_focus(step, wrap=False):
                    return True
                return self.scroll_by(step * line)
            if k in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus is not None:
                row = self._row_of.get(id(self.focus))
                if row is not None:
                    return self.move_focus(1 if k == pygame.K_RIGHT else -1, wrap=False)
                return False
            if k in ACTIVATE_KEYS and self.focus is not None:
                self.focus.activate()
                return True
            if k == pygame.K_PAGEDOWN:
                return self.scroll_by(self.viewport.height - line)
            if k == pygame.K_PAGEUP:
                return self.scroll_by(-(self.viewport.height - line))
            if k == pygame.K_HOME and not self.focusables():
                return self.scroll_by(-self.scroll)
            if k == pygame.K_END and not self.focusables():
                return self.scroll_by(self.max_scroll())
            return False
        if event.type == pygame.MOUSEWHEEL:
            return self.scroll_by(-event.y * line * 2)
        if event.type == pygame.MOUSEMOTION:
            hover = self.widget_at(event.pos)
            if hover is not self.hover:
                self.hover = hover
                return True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            w = self.widget_at(event.pos)
            if w is None:
                return False
            self.set_focus(w)
            r = self.screen_rect(w)
            if r is not None and style is not None:
                w.click(event.pos, r, style)
            return True
        return False

    # ------------------------------------------------------------------ drawing

    def draw(self, surface: pygame.Surface) -> None:
        style = self.style
        if style is None:
            return
        from .widgets import draw_focus_ring

        clip = surface.get_clip()
        surface.set_clip(self.viewport)
        focused_rect = None
        for w in self.items:
            self._draw_widget(surface, w, style, False)
        if self.focus is not None and id(self.focus) not in self.footer_ids:
            focused_rect = self.screen_rect(self.focus)
            if focused_rect is not None:
                draw_focus_ring(surface, focused_rect, style)
        surface.set_clip(clip)
        for w in self.footer:
            self._draw_widget(surface, w, style, True)
        if self.focus is not None and id(self.focus) in self.footer_ids:
            r = self.screen_rect(self.focus)
            if r is not None:
                draw_focus_ring(surface, r, style)
        if self.max_scroll() > 0:
            self._draw_scrollbar(surface, style)

    def _draw_widget(self, surface: pygame.Surface, w: Widget, style: Style, footer: bool) -> None:
        if isinstance(w, Row):
            for child in w.children:
                self._draw_widget(surface, child, style, footer)
            return
        r = self.screen_rect(w)
        if r is None:
            return
        if not footer and (r.bottom < self.viewport.y or r.y > self.viewport.bottom):
            return
        w.draw(surface, r, style, DrawState(w is self.focus, w is self.hover))

    def _draw_scrollbar(self, surface: pygame.Surface, style: Style) -> None:
        sch = style.scheme
        bar = max(6, style.unit)
        track = pygame.Rect(
            self.viewport.right - bar - 2, self.viewport.y + 4, bar, self.viewport.height - 8
        )
        pygame.draw.rect(surface, sch.panel_edge, track, border_radius=bar // 2)
        share = self.viewport.height / max(1, self.content_h)
        thumb_h = max(bar * 3, round(track.height * share))
        room = track.height - thumb_h
        y = track.y + round(room * self.scroll / max(1, self.max_scroll()))
        pygame.draw.rect(surface, sch.accent, (track.x, y, bar, thumb_h), border_radius=bar // 2)
