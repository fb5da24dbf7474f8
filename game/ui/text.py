"""Text layout and rendering, cached: wrapping per (text, font, width), surfaces per line.

Wrapping and rendering 300 words costs 2-3 ms; blitting cached lines costs a tenth of that
(shared/FACTS.md), so nothing here is done twice for the same text.  Text is always rendered
onto a known, opaque background colour (a panel or a button face), which also lets the
tests check that every pair of colours used for text is one the look promises is readable.
"""

from __future__ import annotations

import functools
from collections import OrderedDict

import pygame

from .style import FontSpec

RGB = tuple[int, int, int]

_pairs_seen: set[tuple[RGB, RGB]] | None = None


def record_pairs(on: bool) -> set[tuple[RGB, RGB]]:
    """Start (or stop) recording every (text colour, background colour) pair drawn."""
    global _pairs_seen
    _pairs_seen = set() if on else None
    return _pairs_seen if _pairs_seen is not None else set()


def pairs_seen() -> set[tuple[RGB, RGB]]:
    return set(_pairs_seen or ())


@functools.lru_cache(maxsize=4096)
def wrap(text: str, spec: FontSpec, width: int) -> tuple[str, ...]:
    """Lines of `text` that fit in `width` pixels (breaking at spaces, and inside a word
    only when the word alone is too long). Newlines start new lines."""
    font = spec.font
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width or (not line and not word):
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while font.size(line)[0] > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and font.size(line[:cut])[0] > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return tuple(lines)


class _SurfaceCache:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: OrderedDict[tuple[str, FontSpec, RGB, RGB], pygame.Surface] = OrderedDict()

    def get(self, text: str, spec: FontSpec, fg: RGB, bg: RGB) -> pygame.Surface:
        key = (text, spec, fg, bg)
        hit = self.items.get(key)
        if hit is not None:
            self.items.move_to_end(key)
            return hit
        # Transparent, not on `bg`: some fonts' boxes are taller than a 1.5 line, and an
        # opaque box would cover the panel's edge or the line above.
        surface = spec.font.render(text, True, fg)
        self.items[key] = surface
        while len(self.items) > self.limit:
            self.items.popitem(last=False)
        return surface

    def clear(self) -> None:
        self.items.clear()


_surfaces = _SurfaceCache(600)


def clear_caches() -> None:
    _surfaces.clear()
    wrap.cache_clear()


def render(text: str, spec: FontSpec, fg: RGB, bg: RGB) -> pygame.Surface:
    """One line of text as an opaque surface (cached)."""
    if _pairs_seen is not None and text.strip():
        _pairs_seen.add((tuple(fg), tuple(bg)))  # type: ignore[arg-type]
    return _surfaces.get(text, spec, fg, bg)


def line_offset(spec: FontSpec, line_h: int) -> int:
    """How far below the top of a line box the glyphs start, to centre them in it."""
    return max(0, (line_h - spec.font.get_height()) // 2)


def draw_lines(
    surface: pygame.Surface,
    lines: tuple[str, ...] | list[str],
    spec: FontSpec,
    fg: RGB,
    bg: RGB,
    pos: tuple[int, int],
    line_h: int,
    *,
    chars: int | None = None,
    align: str = "left",
    width: int = 0,
) -> int:
    """Draw wrapped lines from `pos`; with `chars`, only that many characters (the typing
    effect: whole cached lines, and a clipped part of the line being typed). Returns the
    y below the last line."""
    x, y = pos
    offset = line_offset(spec, line_h)
    left = chars
    for line in lines:
        if left is not None and left <= 0:
            break
        image = render(line, spec, fg, bg)
        lx = x
        if align == "center" and width:
            lx = x + (width - image.get_width()) // 2
        elif align == "right" and width:
            lx = x + width - image.get_width()
        if left is not None and left < len(line):
            shown = spec.font.size(line[:left])[0]
            surface.blit(image, (lx, y + offset), pygame.Rect(0, 0, shown, image.get_height()))
        else:
            surface.blit(image, (lx, y + offset))
        if left is not None:
            left -= len(line) + 1
        y += line_h
    return y


def total_chars(lines: tuple[str, ...] | list[str]) -> int:
    """Characters the typing effect counts for these lines (a space between lines)."""
    return sum(len(line) + 1 for line in lines)


def draw_text(
    surface: pygame.Surface,
    text: str,
    spec: FontSpec,
    fg: RGB,
    bg: RGB,
    rect: pygame.Rect,
    line_h: int,
    align: str = "left",
) -> int:
    """Wrap `text` into `rect`'s width and draw it; returns the y below it."""
    lines = wrap(text, spec, max(8, rect.width))
    return draw_lines(
        surface, lines, spec, fg, bg, rect.topleft, line_h, align=align, width=rect.width
    )
