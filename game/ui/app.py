"""The window player: the window, a stack of screens, and a thin main loop.

The loop redraws only when something changed and sleeps while nothing moves: it ticks at
60 frames a second only while a screen animates (text typing out, a fade), and otherwise
waits in longer naps (shared/FACTS.md: `event.wait()` polls every millisecond and costs ~3%
of a core; short sleeps between `event.get()` calls cost far less). The first frame is drawn
before the story and the heavy modules are loaded, so the window appears at once.

Tests drive the same loop without waiting: `App.start()` then `App.pump()` (process queued
events, update, draw once) or `App.run_frames(n)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from .context import Context, Options
from .style import Style

IDLE_NAP_MS = 50
"""Sleep between polls once nothing has moved for a while (key latency stays under 50 ms)."""
BUSY_NAP_MS = 16
ACTIVE_SECONDS = 0.5
"""After input, poll quickly for this long (a key often comes with another)."""
MIN_SIZE = (640, 360)


class App:
    def __init__(
        self, options: Options | None = None, *, size: tuple[int, int] | None = None
    ) -> None:
        self.options = options or Options()
        self.ctx = Context(self.options)
        pygame.display.init()
        pygame.font.init()
        self.fullscreen = False
        self.window_size = size or self.options.size
        self.surface = self._set_mode(self.window_size, self.options.fullscreen)
        self._caption = ""
        self.set_caption()
        with contextlib.suppress(Exception):
            pygame.key.stop_text_input()  # only while a text field has the focus (IME)
        with contextlib.suppress(Exception):
            pygame.key.set_repeat(400, 40)
        self.style = Style(self.size, self.ctx.settings)
        self.screens: list[Any] = []
        self.dirty = True
        self.running = True
        self.started = False
        self.frames = 0
        self.errors: list[str] = []
        """Exceptions caught while playing (shown on the error screen); tests assert none."""
        self.last_input = time.perf_counter()
        self._timers: list[tuple[float, Callable[[], None]]] = []
        self._toast: tuple[str, float] | None = None
        self._title_art: pygame.Surface | None = None
        self._dim: pygame.Surface | None = None
        self.sound: Any = None
        self.speech: Any = None
        self.watcher: Any = None
        self.writer_overlay = False
        self._last = time.perf_counter()

    # ------------------------------------------------------------------ window

    def _set_mode(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
        surface = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
        self.fullscreen = fullscreen
        return surface

    def set_caption(self, place: str = "") -> None:
        """The window's title: the game, and where the player is (window lists, screen
        readers' window names and the real-window test read it)."""
        caption = f"Kathy's Memories – {place}" if place else "Kathy's Memories"
        if caption != self._caption:
            self._caption = caption
            pygame.display.set_caption(caption)

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def set_fullscreen(self, on: bool) -> None:
        if on == self.fullscreen:
            return
        try:
            self.surface = self._set_mode(self.window_size, on)
        except pygame.error:
            self.surface = self._set_mode(self.window_size, False)
            self.toast("Full screen is not available here.")
        self.restyle()

    def restyle(self) -> None:
        """The window size or a setting changed: rebuild sizes, fonts and layouts."""
        self.style = Style(self.size, self.ctx.settings)
        self._title_art = None
        self._dim = None
        for screen in self.screens:
            screen.layout()
        self.invalidate()

    def apply_settings(self) -> None:
        settings = self.ctx.settings
        if settings.fullscreen != self.fullscreen:
            self.set_fullscreen(settings.fullscreen)
        self.restyle()
        if self.sound is not None:
            self.sound.configure(settings)

    # ------------------------------------------------------------------ screens

    @property
    def top(self) -> Any:
        return self.screens[-1] if self.screens else None

    def push(self, screen: Any) -> None:
        self.screens.append(screen)
        self._guard(screen.enter)
        self.invalidate()

    def pop(self) -> None:
        if len(self.screens) <= 1:
            return
        screen = self.screens.pop()
        self._guard(screen.leave)
        if self.top is not None:
            self._guard(self.top.resume)
        self.invalidate()

    def replace(self, screen: Any) -> None:
        if self.screens:
            old = self.screens.pop()
            self._guard(old.leave)
        self.push(screen)

    def reset(self, screen: Any) -> None:
        """Make `screen` the only one (e.g. back to the title)."""
        while self.screens:
            self._guard(self.screens.pop().leave)
        self.push(screen)

    def find(self, kind: type) -> Any:
        return next((s for s in reversed(self.screens) if isinstance(s, kind)), None)

    def pop_to(self, screen: Any) -> None:
        while self.screens and self.top is not screen:
            self._guard(self.screens.pop().leave)
        if self.top is not None:
            self._guard(self.top.resume)
        self.invalidate()

    # ------------------------------------------------------------------ timing

    def invalidate(self) -> None:
        self.dirty = True

    def after(self, seconds: float, fn: Callable[[], None]) -> None:
        self._timers.append((time.perf_counter() + seconds, fn))

    def toast(self, text: str, seconds: float = 3.0) -> None:
        """A short message at the top of the window (e.g. "Quicksaved")."""
        until = time.perf_counter() + seconds
        self._toast = (text, until)
        self.after(seconds + 0.01, self._expire_toast)
        self.invalidate()

    def _expire_toast(self) -> None:
        if self._toast is not None and self._toast[1] <= time.perf_counter():
            self._toast = None
            self.invalidate()

    @property
    def toast_text(self) -> str:
        return self._toast[0] if self._toast else ""

    # ------------------------------------------------------------------ art

    def title_art(self) -> pygame.Surface:
        if self._title_art is None or self._title_art.get_size() != self.size:
            self._title_art = self._load_title_art()
        return self._title_art

    def _title_cache_path(self) -> Path:
        art_dir = Path(__file__).parent / "art"
        digest = hashlib.blake2b(digest_size=8)
        for source in sorted(art_dir.glob("*.py")):
            stat = source.stat()
            digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        w, h = self.size
        return self.ctx.cache_dir() / f"title-{w}x{h}-{digest.hexdigest()}.bmp"

    def _load_title_art(self) -> pygame.Surface:
        """The title picture: from a PNG made on an earlier run (painting takes ~30 ms and
        importing the painter ~40 ms more, which the first frame should not wait for)."""
        path = self._title_cache_path()
        with contextlib.suppress(Exception):
            picture = pygame.image.load(str(path))  # a BMP: loads in ~1 ms, blits as it is
            if picture.get_size() == self.size:
                return picture
        from .art import paint_title

        picture = paint_title(self.size)
        with contextlib.suppress(Exception):
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.bmp")
            pygame.image.save(picture, str(tmp))
            os.replace(tmp, path)
            for old in path.parent.glob("title-*.*"):
                if old != path and old.stat().st_mtime < path.stat().st_mtime - 1:
                    old.unlink()
        return picture

    def scene_art(self, background: str, when: str) -> pygame.Surface:
        from . import art

        self._title_art = None  # 3.7 MB at 1280x720: read again (1 ms) when the title returns
        return art.background(background, self.size, when, self.ctx.settings.scheme)

    def dim(self, surface: pygame.Surface) -> None:
        """Darken what is already drawn, under an overlay (never over text on top)."""
        if self._dim is None or self._dim.get_size() != surface.get_size():
            self._dim = pygame.Surface(surface.get_size())
            self._dim.fill((0, 0, 0))
            self._dim.set_alpha(110)
        surface.blit(self._dim, (0, 0))

    # ------------------------------------------------------------------ the loop

    def start(self) -> None:
        """Draw the first frame (the title), then load the story and open the first screen."""
        from .screens.title import TitleScreen

        if not self.screens:
            self.push(TitleScreen(self))
        self.draw()
        if os.environ.get("MEMORIES_BENCH_EXIT") == "first-frame":
            print(f"first-frame {time.perf_counter():.6f}", flush=True)
            os._exit(0)
        self._guard(self.startup)
        self.started = True

    def startup(self) -> None:
        from .control import open_first_screen

        open_first_screen(self)

    def run(self) -> int:
        self.start()
        while self.running:
            self.pump()
            self._nap()
        self.shutdown()
        return 0

    def _nap(self) -> None:
        now = time.perf_counter()
        if self.animating:
            pygame.time.wait(max(1, int(1000 / 60 - (now - self._last) * 1000)))
            return
        nap = BUSY_NAP_MS if now - self.last_input < ACTIVE_SECONDS else IDLE_NAP_MS
        if self._timers:
            due = min(t for t, _ in self._timers)
            nap = max(1, min(nap, int((due - now) * 1000) + 1))
        pygame.time.wait(nap)

    animating = False

    def pump(self, events: list[pygame.event.Event] | None = None) -> None:
        """One turn of the loop: handle queued (or given) events, update, draw if needed."""
        for event in pygame.event.get() if events is None else events:
            self.dispatch(event)
        now = time.perf_counter()
        dt = min(0.1, now - self._last)
        self._last = now
        self._run_timers(now)
        top = self.top
        moving = False
        if top is not None:
            moving = bool(self._guard(lambda: top.update(dt)))
        self.animating = moving
        if moving:
            self.dirty = True
        if self.dirty:
            self.draw()

    def run_frames(self, count: int) -> None:
        for _ in range(count):
            self.pump()

    def settle(self, limit: int = 600) -> None:
        """Pump until nothing animates (tests: let typing finish)."""
        self.pump()
        for _ in range(limit):
            if not self.animating:
                return
            self._last -= 1 / 60
            self.pump()

    def _run_timers(self, now: float) -> None:
        if not self._timers:
            return
        due = [fn for t, fn in self._timers if t <= now]
        self._timers = [(t, fn) for t, fn in self._timers if t > now]
        for fn in due:
            self._guard(fn)

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type in (
            pygame.KEYDOWN,
            pygame.MOUSEBUTTONDOWN,
            pygame.TEXTINPUT,
            pygame.MOUSEWHEEL,
        ):
            self.last_input = time.perf_counter()
            recorder = self.ctx.homework
            if recorder is not None:
                with contextlib.suppress(Exception):
                    recorder.touch()  # homework time is counted from key presses and clicks
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.fullscreen:
                size = self.surface.get_size()
                if size != self.window_size and size[0] > 0:
                    self.window_size = size
            self.restyle()
            return
        if event.type in (
            pygame.WINDOWEXPOSED,
            pygame.WINDOWRESTORED,
            pygame.WINDOWSHOWN,
            pygame.WINDOWFOCUSGAINED,
        ):
            self.invalidate()
            return
        if event.type == pygame.KEYDOWN and self._global_key(event):
            self.invalidate()
            return
        top = self.top
        if top is not None and self._guard(lambda: top.handle(event)):
            self.invalidate()

    def _global_key(self, event: pygame.event.Event) -> bool:
        from .control import global_key

        return bool(self._guard(lambda: global_key(self, event)))

    def _guard(self, fn: Callable[[], Any]) -> Any:
        """Run screen code; an exception shows the error screen instead of closing the
        window (the saves are untouched: nothing is saved from a broken state)."""
        try:
            return fn()
        except Exception as error:
            self.errors.append("".join(traceback.format_exception(error)))
            if os.environ.get("MEMORIES_RAISE"):
                raise
            from .screens.error import ErrorScreen

            if not isinstance(self.top, ErrorScreen):
                self.push(ErrorScreen(self, error=error))
            return None

    def draw(self) -> None:
        surface = self.surface
        first = 0
        for index in range(len(self.screens) - 1, -1, -1):
            if self.screens[index].opaque:
                first = index
                break
        for screen in self.screens[first:]:
            self._guard(lambda screen=screen: screen.draw(surface))
        if not self.screens:
            surface.fill(self.style.scheme.background)
        if self.writer_overlay:
            from .control import draw_writer_overlay

            self._guard(lambda: draw_writer_overlay(self, surface))
        if self._toast is not None:
            self._draw_toast(surface, self._toast[0])
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def _draw_toast(self, surface: pygame.Surface, message: str) -> None:
        from . import text as tx
        from .widgets import draw_panel

        style = self.style
        spec = style.body
        lines = tx.wrap(message, spec, self.size[0] // 2)
        lh = style.line_h(spec)
        width = max(spec.font.size(line)[0] for line in lines) + style.unit * 4
        rect = pygame.Rect(0, style.margin, width, lh * len(lines) + style.unit * 2)
        rect.centerx = self.size[0] // 2
        draw_panel(surface, rect, style)
        tx.draw_lines(
            surface,
            lines,
            spec,
            style.scheme.text,
            style.scheme.panel,
            (rect.x + style.unit * 2, rect.y + style.unit),
            lh,
        )

    def quit(self) -> None:
        from .control import before_quit

        self._guard(lambda: before_quit(self))
        self.running = False

    def shutdown(self) -> None:
        if self.speech is not None:
            self.speech.stop()
        pygame.quit()

    def screenshot(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        shot = self.surface.copy()
        return pygame.transform.smoothscale(shot, size) if size else shot


def run_window(args: Any) -> int:
    """`python run_game.py`: the window, or the terminal player when no display can open."""
    options = Options.from_args(args)
    try:
        app = App(options)
    except pygame.error as error:
        print(
            f"No window could be opened ({error}), so the game plays in the terminal instead.",
            file=sys.stderr,
        )
        args.text = True
        from ..launcher import run

        return run(args)
    return app.run()
