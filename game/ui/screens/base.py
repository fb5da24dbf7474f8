"""The two kinds of screen: `Screen` (draws everything itself) and `PanelScreen` (a heading
and a `Flow` of widgets in a panel, over the title art, a plain colour or the screen below)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .. import text as tx
from ..flow import Flow
from ..widgets import Widget, draw_panel

if TYPE_CHECKING:
    from ..app import App


class Screen:
    opaque = True
    """False for overlays: the screen below is drawn first."""
    name = "screen"

    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def style(self):
        return self.app.style

    def enter(self) -> None:
        """Called when pushed."""

    def resume(self) -> None:
        """Called when the screen above it was closed."""

    def leave(self) -> None:
        """Called when popped or replaced."""

    def layout(self) -> None:
        """The window size or the style changed."""

    def handle(self, event: pygame.event.Event) -> bool:
        """React to an event; True when the screen should be redrawn."""
        return False

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while something still moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    @property
    def accepts_text(self) -> bool:
        """True while a text field has the focus (letter shortcuts are then typed instead)."""
        return False

    def describe(self) -> str:
        """What a player would read on this screen (tests and the soak check it)."""
        return self.name


class PanelScreen(Screen):
    backdrop = "plain"  # "plain", "title" or "below"
    heading = ""
    wide = False
    compact = True
    """Shrink the panel to its contents (else it fills the window's height)."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.flow = Flow()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.opaque = self.backdrop != "below"

    def enter(self) -> None:
        self.refresh(keep_focus=False)
        self.flow.focus_first(self.first_focus())

    def resume(self) -> None:
        self.refresh()

    def first_focus(self) -> Widget | None:
        return None

    def build(self) -> tuple[list[Widget], list[Widget]]:
        """The widgets of the screen and of its footer."""
        return [], []

    def refresh(self, keep_focus: bool = True) -> None:
        items, footer = self.build()
        self.flow.set_items(items, footer, keep_focus=keep_focus)
        if keep_focus and self.flow.focus is None:
            self.flow.focus_first(self.first_focus())
        self.app.invalidate()

    def back(self) -> None:
        self.app.pop()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()
            return True
        return self.flow.handle(event)

    @property
    def accepts_text(self) -> bool:
        return self.flow.focus is not None and self.flow.focus.accepts_text

    def panel_width(self) -> int:
        style = self.style
        w, _ = self.app.size
        pad = style.unit * 3
        want = style.measure_width(style.body) + 2 * pad
        if self.wide:
            want = round(want * 1.3)
        return min(w - 2 * style.margin, max(want, round(w * 0.5)))

    def heading_height(self, width: int) -> int:
        if not self.heading:
            return 0
        style = self.style
        return len(tx.wrap(self.heading, style.heading, width)) * style.line_h(style.heading)

    def layout(self) -> None:
        style = self.style
        w, h = self.app.size
        pw = self.panel_width()
        pad = style.unit * 3
        full = pygame.Rect((w - pw) // 2, style.margin, pw, h - 2 * style.margin)
        head = self.heading_height(pw - 2 * pad)
        area = pygame.Rect(
            full.x + pad, full.y + pad + head, pw - 2 * pad, full.height - 2 * pad - head
        )
        self.flow.layout(style, area)
        if self.compact:
            used = self.flow.content_h + (area.height - self.flow.viewport.height)
            if used < area.height:
                total = used + 2 * pad + head
                full = pygame.Rect((w - pw) // 2, (h - total) // 2, pw, total)
                area = pygame.Rect(full.x + pad, full.y + pad + head, pw - 2 * pad, used)
                self.flow.layout(style, area)
        self.panel = full

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        if self.backdrop == "title":
            surface.blit(self.app.title_art(), (0, 0))
        elif self.backdrop == "plain":
            surface.fill(self.style.scheme.background)
        else:
            self.app.dim(surface)

    def draw(self, surface: pygame.Surface) -> None:
        self.layout()
        style = self.style
        self.draw_backdrop(surface)
        draw_panel(surface, self.panel, style)
        pad = style.unit * 3
        if self.heading:
            lines = tx.wrap(self.heading, style.heading, self.panel.width - 2 * pad)
            tx.draw_lines(
                surface,
                lines,
                style.heading,
                style.scheme.accent,
                style.scheme.panel,
                (self.panel.x + pad, self.panel.y + pad),
                style.line_h(style.heading),
            )
        self.flow.draw(surface)

    def describe(self) -> str:
        parts = [self.heading] + [w.label for w in self.flow.items + self.flow.footer if w.label]
        for row in self.flow.items + self.flow.footer:
            children = getattr(row, "children", None)
            if children:
                parts.extend(c.label for c in children if c.label)
        return "\n".join(p for p in parts if p)
