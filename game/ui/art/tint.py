"""The wash over a background that says *when* a scene happens.

Memories (`past`) look like old photographs: a little faded and desaturated, warm, with
softly darkened edges. Kathy's present (`present`) is cooler and clearer. The wash is drawn
once per background and cached by the caller, never animated: nothing pulses or flashes.
"""

from __future__ import annotations

import functools

import pygame

from game.ui.look import Scheme
from game.ui.look import scheme as get_scheme


@functools.lru_cache(maxsize=4)
def _vignette(size: tuple[int, int], colour: tuple[int, int, int], strength: int) -> pygame.Surface:
    """A soft dark-edged frame: a tiny radial map smoothly stretched to the full size."""
    small_w, small_h = 32, 18
    small = pygame.Surface((small_w, small_h), pygame.SRCALPHA)
    for y in range(small_h):
        for x in range(small_w):
            dx = (x + 0.5) / small_w * 2 - 1
            dy = (y + 0.5) / small_h * 2 - 1
            d = min(1.0, (dx * dx + dy * dy) ** 0.5 / 1.41)
            a = round(strength * max(0.0, (d - 0.45) / 0.55) ** 1.8)
            small.set_at((x, y), (*colour, a))
    return pygame.transform.smoothscale(small, size)


def tint(
    surface: pygame.Surface, time: str | None, scheme: str | Scheme | None = None
) -> pygame.Surface:
    """A tinted copy of `surface` for a scene's time: "past", "present", or anything else
    (returned as an untouched copy). The colours come from the scheme (see `look.Scheme`)."""
    sch = scheme if isinstance(scheme, Scheme) else get_scheme(scheme)
    out = surface.copy()
    size = out.get_size()
    if time == "past":
        grey = pygame.transform.grayscale(surface)
        grey.set_alpha(90)  # about a third of the way to grey: faded, not black-and-white
        out.blit(grey, (0, 0))
        out.fill((255, 240, 214), special_flags=pygame.BLEND_RGB_MULT)  # warm, keeps darks dark
        r, g, b, a = sch.past_tint
        wash = pygame.Surface(size)
        wash.fill((r, g, b))
        wash.set_alpha(a)
        out.blit(wash, (0, 0))
        out.blit(_vignette(size, (92, 64, 40), 120), (0, 0))
    elif time == "present":
        r, g, b, a = sch.present_tint
        wash = pygame.Surface(size)
        wash.fill((r, g, b))
        wash.set_alpha(a)
        out.blit(wash, (0, 0))
    return out
