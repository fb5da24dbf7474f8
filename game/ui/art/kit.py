"""Drawing tools for the painted backgrounds: a canvas in design units and soft flat shapes.

Every painter draws on a 1280x720 *design* grid; the canvas scales it to the real size, so
one painting works at any window size. Shapes get anti-aliased edges (a filled polygon plus
an anti-aliased outline in the same colour), which is what makes flat shapes look soft
rather than jagged. All randomness comes from the canvas's seeded `rng`, so the same id and
size always give the same pixels.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

import pygame

from game.ui.look import RGB, mix

DESIGN_W = 1280
DESIGN_H = 720

Point = tuple[float, float]
Stops = Sequence[tuple[float, RGB]]


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def gradient_colour(stops: Stops, t: float) -> RGB:
    """The colour at `t` (0..1) along a list of (position, colour) stops."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (t0, c0), (t1, c1) in pairwise(stops):
        if t <= t1:
            return mix(c0, c1, (t - t0) / (t1 - t0) if t1 > t0 else 1.0)
    return stops[-1][1]


class Canvas:
    """A surface with a 1280x720 design grid, a seeded random source and shape helpers.

    `surface` may be a plain surface or a per-pixel-alpha layer (see `layer`)."""

    def __init__(
        self, surface: pygame.Surface, seed: int | str, k: float | None = None, oy: float = 0.0
    ) -> None:
        self.surface = surface
        self.w, self.h = surface.get_size()
        self.k = k if k is not None else self.w / DESIGN_W  # real pixels per design unit
        self.oy = oy  # design y at the top of this surface (a layer may cover only a band)
        self.rng = random.Random(seed)

    # --- coordinates ---------------------------------------------------------------------

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.k, (y - self.oy) * self.k)

    def pts(self, points: Iterable[Point]) -> list[tuple[float, float]]:
        k, oy = self.k, self.oy
        return [(x * k, (y - oy) * k) for x, y in points]

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        k = self.k
        y -= self.oy
        left, top = round(x * k), round(y * k)
        return pygame.Rect(
            left, top, max(1, round((x + w) * k) - left), max(1, round((y + h) * k) - top)
        )

    def n(self, v: float) -> int:
        """A design length in real pixels, at least 1."""
        return max(1, round(v * self.k))

    # --- layers --------------------------------------------------------------------------

    def layer(
        self, y0: float | None = None, y1: float | None = None, base: RGB | None = None
    ) -> Canvas:
        """A transparent canvas for translucent things (clouds, rain, light), covering the
        whole picture or only the band from design y `y0` to `y1` (smaller is quicker).
        Draw on it with the same design coordinates, then `blit` it back. Give `base`, the
        colour of what is drawn, so anti-aliased edges do not get a dark rim."""
        top = self.oy if y0 is None else max(self.oy, y0)
        bottom = self.oy + self.h / self.k if y1 is None else y1
        height = max(
            1, min(self.h, round((bottom - self.oy) * self.k)) - round((top - self.oy) * self.k)
        )
        surf = pygame.Surface((self.w, height), pygame.SRCALPHA)
        if base is not None:  # soft edges then fade towards this colour, not to black
            surf.fill((*base, 0))
        sub = Canvas(surf, 0, k=self.k, oy=top)
        sub.rng = self.rng
        return sub

    def blit(self, other: Canvas, alpha: int | None = None) -> None:
        if alpha is not None:
            other.surface.set_alpha(alpha)
        self.surface.blit(other.surface, (0, round((other.oy - self.oy) * self.k)))

    # --- shapes --------------------------------------------------------------------------

    def fill(self, colour: RGB) -> None:
        self.surface.fill(colour)

    def vgradient(self, x: float, y: float, w: float, h: float, stops: Stops) -> None:
        """A vertical gradient: paint a thin strip, then stretch it (fast at any size)."""
        target = self.rect(x, y, w, h)
        steps = max(2, min(256, target.height))
        strip = pygame.Surface((1, steps))
        for i in range(steps):
            strip.set_at((0, i), gradient_colour(stops, i / (steps - 1)))
        self.surface.blit(pygame.transform.smoothscale(strip, target.size), target.topleft)

    def poly(self, points: Sequence[Point], colour: RGB | tuple[int, int, int, int]) -> None:
        pts = self.pts(points)
        if len(pts) < 3:
            return
        pygame.draw.polygon(self.surface, colour, pts)
        if len(colour) == 3:  # an outline on a translucent shape would double its alpha
            pygame.draw.aalines(self.surface, colour, True, pts)

    def circle(self, x: float, y: float, r: float, colour: RGB | tuple[int, int, int, int]) -> None:
        if r * self.k < 1:
            return
        if len(colour) == 3:
            pygame.draw.aacircle(self.surface, colour, self.p(x, y), r * self.k)
        else:
            pygame.draw.circle(self.surface, colour, self.p(x, y), r * self.k)

    def oval(
        self,
        x: float,
        y: float,
        rx: float,
        ry: float,
        colour: RGB | tuple[int, int, int, int],
        start: float = 0.0,
        end: float = math.tau,
    ) -> None:
        """An ellipse (or an elliptic slice from `start` to `end`) as an anti-aliased polygon."""
        steps = max(12, int(max(rx, ry) * self.k / 3))
        span = end - start
        pts = [
            (
                x + rx * math.cos(start + span * i / steps),
                y + ry * math.sin(start + span * i / steps),
            )
            for i in range(steps + 1)
        ]
        if span < math.tau - 1e-6:
            pts.append((x, y))
        self.poly(pts, colour)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        colour: RGB | tuple[int, int, int, int],
        radius: float = 0,
    ) -> None:
        pygame.draw.rect(
            self.surface, colour, self.rect(x, y, w, h), border_radius=round(radius * self.k)
        )

    def line(self, a: Point, b: Point, colour: RGB, width: float = 2) -> None:
        """A line `width` design units thick, with soft ends and edges."""
        px = width * self.k
        if px <= 1.5:
            pygame.draw.aaline(self.surface, colour, self.p(*a), self.p(*b))
            return
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * width / 2, dx / length * width / 2
        self.poly(
            [
                (a[0] + nx, a[1] + ny),
                (b[0] + nx, b[1] + ny),
                (b[0] - nx, b[1] - ny),
                (a[0] - nx, a[1] - ny),
            ],
            colour,
        )

    def polyline(self, points: Sequence[Point], colour: RGB, width: float = 2) -> None:
        for a, b in pairwise(points):
            self.line(a, b, colour, width)

    def taper(self, a: Point, b: Point, w0: float, w1: float, colour: RGB) -> None:
        """A stroke that narrows from `w0` at `a` to `w1` at `b` (branches, reeds)."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        self.poly(
            [
                (a[0] + nx * w0 / 2, a[1] + ny * w0 / 2),
                (b[0] + nx * w1 / 2, b[1] + ny * w1 / 2),
                (b[0] - nx * w1 / 2, b[1] - ny * w1 / 2),
                (a[0] - nx * w0 / 2, a[1] - ny * w0 / 2),
            ],
            colour,
        )

    def glow(self, x: float, y: float, r: float, colour: RGB, alpha: int) -> None:
        """A soft round light that fades to nothing at radius `r` (lamps, the sun's halo)."""
        side = max(2, round(2 * r * self.k))
        spot = pygame.transform.smoothscale(_glow_map(colour, alpha), (side, side))
        px, py = self.p(x, y)
        self.surface.blit(spot, (round(px - side / 2), round(py - side / 2)))

    def light_map(
        self,
        alpha_at: Callable[[float, float], float],
        colour: RGB,
        cells: tuple[int, int] = (96, 54),
    ) -> None:
        """Lay a soft light over the whole canvas: `alpha_at(x, y)` (design units, 0..255)
        is sampled on a coarse grid and smoothly stretched, so its edges are soft and cheap."""
        cw, ch = cells
        small = pygame.Surface((cw, ch), pygame.SRCALPHA)
        small.fill((*colour, 0))  # so stretching fades to the light's colour, not to black
        for j in range(ch):
            y = (j + 0.5) / ch * DESIGN_H
            for i in range(cw):
                a = alpha_at((i + 0.5) / cw * DESIGN_W, y)
                if a > 0:
                    small.set_at((i, j), (*colour, min(255, round(a))))
        self.surface.blit(pygame.transform.smoothscale(small, (self.w, self.h)), (0, 0))

    def ridge(
        self,
        base: float,
        amp: float,
        colour: RGB,
        *,
        waves: int = 3,
        x0: float = -20,
        x1: float = DESIGN_W + 20,
        bottom: float = DESIGN_H + 20,
        seed: float | None = None,
    ) -> list[Point]:
        """A band of land whose top edge rolls gently: a sum of a few seeded sine waves.
        Returns the top edge, so trees and houses can stand on it (see `height_at`)."""
        rng = self.rng
        phases = (
            [rng.uniform(0, math.tau) for _ in range(waves)]
            if seed is None
            else [seed * (i + 1.7) for i in range(waves)]
        )
        freqs = [(i + 1) * 0.8 + rng.uniform(-0.2, 0.2) for i in range(waves)]
        weights = [1 / (i + 1) ** 1.3 for i in range(waves)]
        total = sum(weights)
        step = 8.0
        count = int((x1 - x0) / step) + 1
        top: list[Point] = []
        for i in range(count + 1):
            x = min(x1, x0 + i * step)
            v = sum(
                w * math.sin(f * x / DESIGN_W * math.tau + ph)
                for f, w, ph in zip(freqs, weights, phases, strict=True)
            )
            top.append((x, base - amp * v / total))
        self.poly([*top, (x1, bottom), (x0, bottom)], colour)
        return top


@functools.lru_cache(maxsize=16)
def _glow_map(colour: RGB, alpha: int) -> pygame.Surface:
    """A small radial fade, made once per colour and stretched to each glow's size."""
    n = 33
    spot = pygame.Surface((n, n), pygame.SRCALPHA)
    spot.fill((*colour, 0))
    mid = (n - 1) / 2
    for j in range(n):
        for i in range(n):
            d = math.hypot(i - mid, j - mid) / mid
            if d < 1:
                spot.set_at((i, j), (*colour, round(alpha * (1 - d) ** 2)))
    return spot


def height_at(edge: Sequence[Point], x: float) -> float:
    """The y of a ridge's top edge at design x (linear between its points)."""
    if x <= edge[0][0]:
        return edge[0][1]
    for (xa, ya), (xb, yb) in pairwise(edge):
        if x <= xb:
            return lerp(ya, yb, (x - xa) / (xb - xa) if xb > xa else 0.0)
    return edge[-1][1]


def paper_grain(canvas: Canvas, strength: int = 6) -> None:
    """A faint, fixed paper texture over the whole picture, so flat colour feels printed.

    Two small seeded noise tiles, one lightening and one darkening, are tiled with additive
    blits (quick, unlike alpha blits) and the same every time.
    """
    side = max(96, round(96 * canvas.k))
    light, dark = _grain_tiles(strength, side)
    surf = canvas.surface
    for y in range(0, canvas.h, side):
        for x in range(0, canvas.w, side):
            surf.blit(light, (x, y), special_flags=pygame.BLEND_RGB_ADD)
            surf.blit(dark, (x, y), special_flags=pygame.BLEND_RGB_SUB)


@functools.lru_cache(maxsize=4)
def _grain_tiles(strength: int, side: int) -> tuple[pygame.Surface, pygame.Surface]:
    size = 96
    rng = random.Random(1937)  # the tiles never change between pictures
    tiles = []
    for _ in range(2):
        data = bytearray(size * size * 3)
        for i, v in enumerate(rng.randbytes(size * size)):
            amount = v * strength // 255 if v & 1 else 0  # specks on about half the pixels
            data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = amount
        tile = pygame.image.frombuffer(bytes(data), (size, size), "RGB").copy()
        tiles.append(tile if side == size else pygame.transform.scale(tile, (side, side)))
    return tiles[0], tiles[1]
