"""Drive the window player as a person would: real key, text and mouse events posted to
pygame's queue and processed by the app's own loop (`App.pump`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pygame

from game.ui.app import App
from game.ui.context import Options

KEYS = {
    "enter": pygame.K_RETURN,
    "space": pygame.K_SPACE,
    "tab": pygame.K_TAB,
    "esc": pygame.K_ESCAPE,
    "up": pygame.K_UP,
    "down": pygame.K_DOWN,
    "left": pygame.K_LEFT,
    "right": pygame.K_RIGHT,
    "backspace": pygame.K_BACKSPACE,
    "home": pygame.K_HOME,
    "end": pygame.K_END,
    "pageup": pygame.K_PAGEUP,
    "pagedown": pygame.K_PAGEDOWN,
    **{f"f{n}": getattr(pygame, f"K_F{n}") for n in range(1, 13)},
}


class Driver:
    def __init__(
        self, scenes: Path, saves: Path, size: tuple[int, int] = (1280, 720), **options: Any
    ) -> None:
        os.environ.setdefault("MEMORIES_RAISE", "1")
        pygame.event.clear()
        self.app = App(Options(scenes=scenes, saves=saves, size=size, **options))
        self.app.start()
        self.app.settle()

    # ------------------------------------------------------------------ input

    def key(self, name: str, *, shift: bool = False, ctrl: bool = False, times: int = 1) -> Driver:
        code = KEYS[name] if name in KEYS else pygame.key.key_code(name)
        mod = (pygame.KMOD_SHIFT if shift else 0) | (pygame.KMOD_CTRL if ctrl else 0)
        char = "" if name in KEYS else name
        if name == "space":
            char = " "
        for _ in range(times):
            pygame.event.post(
                pygame.event.Event(
                    pygame.KEYDOWN, key=code, mod=mod, unicode=char, scancode=0, window=None
                )
            )
            if char and not ctrl:  # a real keyboard also sends the typed character
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char, window=None))
            pygame.event.post(
                pygame.event.Event(
                    pygame.KEYUP, key=code, mod=mod, unicode=char, scancode=0, window=None
                )
            )
            self.app.settle()
        return self

    def type(self, text: str) -> Driver:
        """Type as a keyboard does: each character a KEYDOWN and a TEXTINPUT."""
        for char in text:
            code = (
                pygame.key.key_code(char)
                if char.isalnum()
                else pygame.K_SPACE
                if char == " "
                else 0
            )
            pygame.event.post(
                pygame.event.Event(
                    pygame.KEYDOWN, key=code, mod=0, unicode=char, scancode=0, window=None
                )
            )
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char, window=None))
        self.app.settle()
        return self

    def click(self, pos: tuple[int, int], button: int = 1) -> Driver:
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False, window=None
            )
        )
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False, window=None
            )
        )
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False, window=None
            )
        )
        self.app.settle()
        return self

    def wheel(self, y: int) -> Driver:
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEWHEEL,
                x=0,
                y=y,
                flipped=False,
                precise_x=0.0,
                precise_y=float(y),
                touch=False,
                window=None,
            )
        )
        self.app.settle()
        return self

    def click_on(self, label: str) -> Driver:
        """Click the middle of the widget whose name or label starts with `label`."""
        rect = self.rect_of(label)
        assert rect is not None, f"no widget {label!r} on {self.screen_name}: {self.text}"
        return self.click(rect.center)

    # ------------------------------------------------------------------ what is shown

    @property
    def top(self) -> Any:
        return self.app.top

    @property
    def screen_name(self) -> str:
        top = self.top
        view = getattr(top, "view", None)
        return f"{top.name}/{type(view).__name__}" if view is not None else top.name

    @property
    def text(self) -> str:
        return self.top.describe()

    def flows(self) -> list[Any]:
        top = self.top
        found = []
        if hasattr(top, "flow"):
            found.append(top.flow)
        view = getattr(top, "view", None)
        if view is not None and hasattr(view, "flow"):
            found.append(view.flow)
        if hasattr(top, "bar"):
            found.append(top.bar)
        return found

    def widget(self, label: str) -> Any:
        for flow in self.flows():
            for w in flow.focusables():
                names = (getattr(w, "name", ""), w.label)
                if any(n and n.startswith(label) for n in names):
                    return w, flow
        return None, None

    def rect_of(self, label: str) -> pygame.Rect | None:
        w, flow = self.widget(label)
        if w is None:
            return None
        flow.ensure_visible(w)
        self.app.draw()
        return flow.screen_rect(w)

    def focused(self) -> str:
        for flow in self.flows():
            if flow.focus is not None:
                return getattr(flow.focus, "name", "") or flow.focus.label
        return ""

    def focus(self, label: str) -> Driver:
        """Tab until the widget starting with `label` has the focus."""
        for _ in range(60):
            if self.focused().startswith(label):
                return self
            self.key("tab")
        raise AssertionError(f"could not reach {label!r} with Tab on {self.screen_name}")

    def shot(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        self.app.draw()
        return self.app.screenshot(size)
