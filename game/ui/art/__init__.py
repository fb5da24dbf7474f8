"""Backgrounds painted by code: one calm picture for each place in the story.

Use `background(bg_id, size, time)` from screens (cached), or `paint_background` /
`paint_title` to paint afresh. Any size works: the picture is painted on a 16:9 canvas that
covers the window and the middle is kept, so nothing is stretched. An id with no painter
gets a neutral landscape (and a warning in the log), never an error, so a new scene file
can name a place before its picture exists; `memories lint` is where unknown ids are caught.
"""

from __future__ import annotations

import logging
import math
import zlib
from collections import OrderedDict

import pygame

from .kit import DESIGN_H, DESIGN_W, Canvas, paper_grain
from .scenes import PAINTERS, paint_title_scene
from .tint import tint

__all__ = [
    "ART_VERSION",
    "BACKGROUND_IDS",
    "background",
    "has_painter",
    "paint_background",
    "paint_title",
    "tint",
]

log = logging.getLogger(__name__)

ART_VERSION = 1  # bump when any painting changes, so cached pictures are redrawn
BACKGROUND_IDS: tuple[str, ...] = tuple(k for k in PAINTERS if not k.startswith("_"))
_warned: set[str] = set()


def has_painter(bg_id: str) -> bool:
    return bg_id in PAINTERS and not bg_id.startswith("_")


def _clean_size(size: tuple[int, int]) -> tuple[int, int]:
    return (max(1, int(size[0])), max(1, int(size[1])))


def _paint(seed_name: str, paint: object, size: tuple[int, int]) -> pygame.Surface:
    """Paint on a 16:9 canvas covering `size`, then keep its middle."""
    w, h = _clean_size(size)
    k = max(w / DESIGN_W, h / DESIGN_H)
    cw, ch = max(w, math.ceil(DESIGN_W * k)), max(h, math.ceil(DESIGN_H * k))
    surface = pygame.Surface((cw, ch))
    canvas = Canvas(surface, zlib.crc32(seed_name.encode("utf-8")))
    paint(canvas)  # type: ignore[operator]
    paper_grain(canvas)
    if (cw, ch) == (w, h):
        return surface
    crop = pygame.Rect((cw - w) // 2, (ch - h) // 2, w, h)
    return surface.subsurface(crop).copy()


def paint_background(bg_id: str, size: tuple[int, int]) -> pygame.Surface:
    """A new painting of the place `bg_id` at `size` (same id and size: same pixels)."""
    fn = PAINTERS.get(bg_id)
    if fn is None or bg_id.startswith("_"):
        if bg_id not in _warned:
            _warned.add(bg_id)
            log.warning("no painting for background %r: showing a neutral landscape", bg_id)
        return _paint("_neutral", PAINTERS["_neutral"], size)
    return _paint(bg_id, fn, size)


def paint_title(size: tuple[int, int]) -> pygame.Surface:
    """The title screen's picture, with open sky in the upper half for the title."""
    return _paint("title", paint_title_scene, size)


_CACHE: OrderedDict[tuple[str, tuple[int, int], str | None, str | None], pygame.Surface] = (
    OrderedDict()
)
_CACHE_SIZE = 6  # a 1280x720 picture is 3.7 MB: keep the current scene and a few recent ones


def background(
    bg_id: str, size: tuple[int, int], time: str | None = None, scheme: str | None = None
) -> pygame.Surface:
    """The tinted picture for a scene, painted the first time it is asked for and then
    kept (a small in-memory cache). Do not draw on the returned surface: blit it."""
    key = (bg_id, _clean_size(size), time, scheme)
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    plain = paint_title(size) if bg_id == "title" else paint_background(bg_id, size)
    picture = tint(plain, time, scheme) if time else plain
    _CACHE[key] = picture
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return picture


def clear_cache() -> None:
    """Forget cached pictures (after a window resize or a scheme change)."""
    _CACHE.clear()
