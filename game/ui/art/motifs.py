"""The shared pieces of every painting: skies, hills, trees, buildings, fences, water, rain.

Keeping them in one place keeps the pictures in one style: flat shapes, soft edges, a few
gentle colours, and things further away drawn paler (mixed towards the sky), as in a
picture book. Sizes and positions are in 1280x720 design units (see `kit.Canvas`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from game.ui.look import RGB, mix, rgb

from .kit import DESIGN_H, DESIGN_W, Canvas, Point, Stops

# --- palette: gentle, slightly muted colours shared by every picture ----------------------

SKY_DAY: Stops = ((0.0, rgb("#9CC3DD")), (0.6, rgb("#C9DFEA")), (1.0, rgb("#EDEBDD")))
SKY_SUMMER: Stops = ((0.0, rgb("#8DBBDA")), (0.55, rgb("#C4DDEA")), (1.0, rgb("#F1EAD2")))
SKY_GREY: Stops = ((0.0, rgb("#8E99A3")), (0.6, rgb("#B5BCC0")), (1.0, rgb("#CDCFCB")))
SKY_PALE: Stops = ((0.0, rgb("#AFC4D2")), (0.6, rgb("#D9E0E0")), (1.0, rgb("#EEE9DC")))
SKY_DUSK: Stops = (
    (0.0, rgb("#4E5D86")),
    (0.45, rgb("#B48AA0")),
    (0.8, rgb("#EDB58C")),
    (1.0, rgb("#F6D7A6")),
)
SKY_NIGHT: Stops = ((0.0, rgb("#0E1428")), (0.7, rgb("#1E2A48")), (1.0, rgb("#2C3856")))

GRASS = rgb("#8DB36B")
GRASS_LIGHT = rgb("#A8C77F")
GRASS_DARK = rgb("#6C9556")
FIELD_GOLD = rgb("#D2C17E")
EARTH = rgb("#9C7E5E")
EARTH_DARK = rgb("#6E5741")
MUD = rgb("#7D6A55")
LEAF = rgb("#5F8A55")
LEAF_DARK = rgb("#4A7047")
LEAF_LIGHT = rgb("#7FA866")
TRUNK = rgb("#6A5140")
BRICK = rgb("#B77A5E")
BRICK_DARK = rgb("#96614C")
STONE = rgb("#D8CDB8")
ROOF = rgb("#6E6470")
ROOF_SLATE = rgb("#5E6674")
WINDOW = rgb("#DCE6EA")
WINDOW_DARK = rgb("#56606B")
WINDOW_LIT = rgb("#F4D08A")
WOOD = rgb("#A37D5A")
WOOD_DARK = rgb("#7E5E44")
WHITE_PAINT = rgb("#F2EFE6")
SEA = rgb("#7FA6B5")
SEA_DEEP = rgb("#5F8797")
SAND = rgb("#E2D2AE")
REED = rgb("#B9A674")
REED_DARK = rgb("#8F8157")
CLOUD = rgb("#FBF8F0")
STAR = rgb("#E9E6D6")


def far(colour: RGB, sky: RGB, depth: float) -> RGB:
    """Aerial perspective: the further away (depth 0..1), the more a colour becomes the sky."""
    return mix(colour, sky, depth)


# --- sky ---------------------------------------------------------------------------------


def sky(c: Canvas, stops: Stops, horizon: float = DESIGN_H) -> None:
    c.vgradient(0, 0, DESIGN_W, horizon + 2, stops)


def sun(c: Canvas, x: float, y: float, r: float, colour: RGB, glow: RGB | None = None) -> None:
    """A soft disc with a faint halo around it."""
    if glow is not None:
        c.glow(x, y, r * 3.4, glow, 90)
    c.circle(x, y, r, colour)


def cloud(c: Canvas, x: float, y: float, w: float, colour: RGB = CLOUD) -> None:
    """A picture-book cloud with its flat base at `y`, from `x` to `x + w`: round puffs on a
    rounded base, and a slightly greyer underside. Draw clouds on a layer (see `clouds`)."""
    rng = c.rng
    h = w * 0.36
    shade = mix(colour, rgb("#9AA6B2"), 0.22)
    base_h = h * 0.42
    puffs = rng.randint(3, 5)
    shapes: list[tuple[float, float, float]] = []
    for i in range(puffs):
        t = (i + 0.5) / puffs
        r = w * (0.12 + 0.11 * math.sin(t * math.pi)) * rng.uniform(0.85, 1.1)
        cx = x + w * (0.16 + 0.68 * t) + rng.uniform(-0.03, 0.03) * w
        cy = min(y - base_h * 0.5 - r * 0.55, y - r - 3)
        shapes.append((cx, cy, r))
    for colour_now, lift in ((shade, 0.0), (colour, h * 0.1)):
        c.box(x, y - base_h - lift, w, base_h, colour_now, radius=base_h / 2)
        for cx, cy, r in shapes:
            c.circle(cx, cy - lift, r, colour_now)


def clouds(
    c: Canvas,
    count: int,
    y0: float,
    y1: float,
    colour: RGB = CLOUD,
    alpha: int = 215,
    size: tuple[float, float] = (160, 300),
) -> None:
    """A few clouds spread across the sky, on one translucent layer so overlaps stay even."""
    rng = c.rng
    lay = c.layer(y0 - size[1] * 0.8, y1 + 4, base=colour)
    for i in range(count):
        w = rng.uniform(*size)
        x = (i + rng.uniform(0.05, 0.6)) * DESIGN_W / count - w * 0.3
        y = rng.uniform(y0, y1)
        cloud(lay, x, y, w, colour)
    c.blit(lay, alpha)


def birds(
    c: Canvas, x: float, y: float, count: int, colour: RGB, spread: float = 120, size: float = 9
) -> None:
    """Little 'v' shapes far off: life in an empty sky."""
    rng = c.rng
    for _ in range(count):
        bx = x + rng.uniform(-spread, spread)
        by = y + rng.uniform(-spread * 0.3, spread * 0.3)
        s = size * rng.uniform(0.7, 1.2)
        c.polyline(
            [(bx - s, by - s * 0.35), (bx - s * 0.3, by - s * 0.05), (bx, by + s * 0.15)], colour, 2
        )
        c.polyline(
            [(bx, by + s * 0.15), (bx + s * 0.3, by - s * 0.05), (bx + s, by - s * 0.35)], colour, 2
        )


def stars(c: Canvas, count: int, y1: float, colour: RGB = STAR) -> None:
    """Still, evenly faint stars (no twinkling: nothing in the game flashes)."""
    rng = c.rng
    for _ in range(count):
        x = rng.uniform(0, DESIGN_W)
        y = rng.uniform(0, y1) ** 1.0
        r = rng.choice((1.0, 1.2, 1.5, 2.0))
        shade = mix(colour, rgb("#1E2A48"), rng.uniform(0.0, 0.55) + y / y1 * 0.3)
        c.circle(x, y, r, shade)


# --- land --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """One layer of land in a landscape: where its ridge sits, how tall its hills, its colour."""

    base: float
    amp: float
    colour: RGB
    waves: int = 3


def landscape(c: Canvas, bands: Sequence[Band]) -> list[list[Point]]:
    """Layered hills from the back to the front; returns each band's top edge."""
    return [c.ridge(b.base, b.amp, b.colour, waves=b.waves) for b in bands]


def mown_stripes(
    c: Canvas, y0: float, y1: float, colour: RGB, count: int = 7, vanish: Point = (640, 260)
) -> None:
    """Lighter and darker stripes fanning out from a vanishing point: a mown field."""
    vx, vy = vanish
    for i in range(-count, count + 1, 2):
        xa = vx + (i * DESIGN_W / count) * (y0 - vy) / (y1 - vy)
        xb = vx + ((i + 1) * DESIGN_W / count) * (y0 - vy) / (y1 - vy)
        xc = vx + ((i + 1) * DESIGN_W / count)
        xd = vx + (i * DESIGN_W / count)
        c.poly([(xa, y0), (xb, y0), (xc, y1), (xd, y1)], colour)


def furrows(
    c: Canvas,
    y0: float,
    y1: float,
    colour: RGB,
    count: int = 14,
    vanish: Point = (640, 200),
    width: float = 2,
) -> None:
    """Ploughed lines running to a far vanishing point: flat farmland."""
    vx, vy = vanish
    for i in range(count + 1):
        xb = -DESIGN_W * 1.2 + i * DESIGN_W * 3.4 / count
        t0 = (y0 - vy) / (y1 - vy)
        xa = vx + (xb - vx) * t0
        c.line((xa, y0), (xb, y1), colour, width)


def grass_tufts(
    c: Canvas,
    count: int,
    y0: float,
    y1: float,
    colour: RGB,
    height: float = 14,
    x0: float = 0,
    x1: float = DESIGN_W,
) -> None:
    rng = c.rng
    for _ in range(count):
        x = rng.uniform(x0, x1)
        y = rng.uniform(y0, y1)
        s = height * (0.5 + (y - y0) / max(1.0, y1 - y0))
        for dx in (-0.5, 0.0, 0.5):
            c.line((x, y), (x + dx * s * 0.6, y - s * (1 - abs(dx) * 0.5)), colour, 1.6)


def reeds(
    c: Canvas,
    count: int,
    y0: float,
    y1: float,
    colour: RGB,
    head: RGB,
    height: float = 60,
    gaps: Sequence[tuple[float, float]] = (),
) -> None:
    """Marsh reeds in clumps: thin tapering leaves, a few seed heads, taller in front.
    `gaps` are x ranges left clear so the thing behind can be seen."""
    rng = c.rng
    clumps = max(1, count // 7)
    tones = (colour, mix(colour, head, 0.35), mix(colour, rgb("#F2EBD8"), 0.2))
    for _ in range(clumps):
        cx = rng.uniform(-20, DESIGN_W + 20)
        cy = rng.uniform(y0, y1)
        depth = (cy - y0) / max(1.0, y1 - y0)
        if any(a < cx < b for a, b in gaps) and depth < 0.75:
            continue
        for _ in range(7):
            x = cx + rng.uniform(-18, 18) * (0.5 + depth)
            y = cy + rng.uniform(-4, 4)
            s = height * (0.35 + depth) * rng.uniform(0.6, 1.2)
            lean = rng.uniform(-0.3, 0.2) * s
            w = 1.6 + depth * 2.4
            c.taper((x, y), (x + lean, y - s), w, 0.6, rng.choice(tones))
            if rng.random() < 0.2:
                c.oval(x + lean * 0.92, y - s * 0.92, w * 0.9, s * 0.08, head)


# --- plants ------------------------------------------------------------------------------


def tree(
    c: Canvas,
    x: float,
    ground: float,
    height: float,
    leaf: RGB = LEAF,
    trunk: RGB = TRUNK,
    kind: str = "round",
    highlight: bool = True,
) -> None:
    """A tree standing on `ground` at `x`. Kinds: round (oak-like), poplar, bush, bare.
    `highlight=False` for silhouettes (dusk, night)."""
    rng = c.rng
    tw = max(3.0, height * 0.07)
    light = mix(leaf, rgb("#F4EFD8"), 0.16)
    if kind == "bare":
        bare_tree(c, x, ground, height, trunk)
        return
    if kind == "poplar":
        c.taper((x, ground), (x, ground - height * 0.3), tw, tw * 0.6, trunk)
        c.oval(x, ground - height * 0.58, height * 0.13, height * 0.42, leaf)
        if highlight:
            c.oval(x - height * 0.035, ground - height * 0.66, height * 0.05, height * 0.26, light)
        return
    if kind == "bush":
        r = height * 0.5
        c.circle(x - r * 0.5, ground - r * 0.55, r * 0.6, leaf)
        c.circle(x + r * 0.45, ground - r * 0.5, r * 0.55, leaf)
        c.circle(x, ground - r * 0.8, r * 0.65, leaf)
        c.box(x - r * 1.05, ground - r * 0.5, r * 2.05, r * 0.5, leaf, radius=r * 0.2)
        if highlight:
            c.circle(x - r * 0.2, ground - r * 1.0, r * 0.28, light)
        return
    c.taper((x, ground), (x, ground - height * 0.55), tw, tw * 0.6, trunk)
    c.taper(
        (x, ground - height * 0.42),
        (x + height * 0.12, ground - height * 0.58),
        tw * 0.45,
        tw * 0.2,
        trunk,
    )
    r = height * 0.3
    cy = ground - height * 0.62
    puffs = [
        (-0.62, 0.25, 0.72),
        (0.66, 0.22, 0.68),
        (0.0, -0.28, 0.9),
        (-0.3, 0.35, 0.6),
        (0.3, 0.38, 0.58),
    ]
    for dx, dy, rr in puffs:
        c.circle(
            x + (dx + rng.uniform(-0.06, 0.06)) * r,
            cy + dy * r,
            rr * r * rng.uniform(0.92, 1.06),
            leaf,
        )
    if highlight:
        c.circle(x - r * 0.28, cy - r * 0.5, r * 0.38, light)
        c.circle(x - r * 0.75, cy + r * 0.05, r * 0.26, light)


def bare_tree(c: Canvas, x: float, ground: float, height: float, colour: RGB) -> None:
    """A leafless tree: a tapering trunk forking into smaller and smaller branches."""
    rng = c.rng

    def branch(x0: float, y0: float, angle: float, length: float, width: float, depth: int) -> None:
        x1 = x0 + length * math.sin(angle)
        y1 = y0 - length * math.cos(angle)
        c.taper((x0, y0), (x1, y1), width, width * 0.62, colour)
        if width * 0.62 * c.k > 2:
            c.circle(x1, y1, width * 0.31, colour)
        if depth == 0:
            return
        forks = 3 if rng.random() < 0.25 else 2
        spread = rng.uniform(0.45, 0.65)
        for i in range(forks):
            turn = spread * (i - (forks - 1) / 2) + rng.uniform(-0.15, 0.15)
            branch(
                x1,
                y1,
                angle * 0.6 + turn,
                length * rng.uniform(0.62, 0.78),
                width * 0.62,
                depth - 1,
            )

    branch(x, ground, rng.uniform(-0.05, 0.05), height * 0.38, max(2.5, height * 0.075), 4)


def hedge(c: Canvas, x0: float, x1: float, ground: float, height: float, colour: RGB) -> None:
    """A long hedge with a bumpy top."""
    rng = c.rng
    top: list[Point] = []
    x = x0
    while x <= x1:
        top.append((x, ground - height * rng.uniform(0.8, 1.05)))
        x += height * 0.8
    top.append((x1, ground - height * 0.9))
    c.poly([*top, (x1, ground), (x0, ground)], colour)
    for px, py in top[1:-1:2]:
        c.circle(px, py + height * 0.1, height * 0.3, colour)


# --- buildings ---------------------------------------------------------------------------


def windows(
    c: Canvas,
    x: float,
    y: float,
    cols: int,
    rows: int,
    w: float,
    h: float,
    gap_x: float,
    gap_y: float,
    glass: RGB,
    frame: RGB | None = None,
    lit: Sequence[tuple[int, int]] = (),
    lit_colour: RGB = WINDOW_LIT,
) -> None:
    """A grid of windows; `lit` lists (col, row) that glow."""
    for row in range(rows):
        for col in range(cols):
            wx = x + col * (w + gap_x)
            wy = y + row * (h + gap_y)
            colour = lit_colour if (col, row) in lit else glass
            if frame is not None:
                c.box(wx - 2, wy - 2, w + 4, h + 4, frame)
            c.box(wx, wy, w, h, colour)
            if frame is not None and w > 14:
                c.line((wx + w / 2, wy), (wx + w / 2, wy + h), frame, 1.5)
                c.line((wx, wy + h / 2), (wx + w, wy + h / 2), frame, 1.5)


def gable_house(
    c: Canvas,
    x: float,
    ground: float,
    w: float,
    h: float,
    wall: RGB,
    roof: RGB,
    *,
    roof_h: float | None = None,
    chimney: bool = True,
    door: RGB | None = None,
    window_colour: RGB = WINDOW,
    lit: Sequence[tuple[int, int]] = (),
    cols: int = 2,
    rows: int = 2,
) -> None:
    """A simple house: walls, a pitched roof, a chimney, windows and a door."""
    roof_h = roof_h if roof_h is not None else h * 0.55
    top = ground - h
    if chimney:
        c.box(x + w * 0.68, top - roof_h * 0.75, w * 0.09, roof_h * 0.6, mix(wall, roof, 0.5))
    c.box(x, top, w, h, wall)
    c.poly([(x - w * 0.05, top), (x + w / 2, top - roof_h), (x + w * 1.05, top)], roof)
    ww, wh = w * 0.16, h * 0.22
    gap_x = (w - cols * ww) / (cols + 1)
    windows(
        c,
        x + gap_x,
        top + h * 0.14,
        cols,
        rows,
        ww,
        wh,
        gap_x,
        h * 0.16,
        window_colour,
        frame=mix(wall, rgb("#FFFFFF"), 0.45),
        lit=lit,
    )
    if door is not None:
        c.box(x + w * 0.44, ground - h * 0.34, w * 0.12, h * 0.34, door)


def fence(
    c: Canvas,
    y_post_foot: float,
    posts: Sequence[float],
    height: float,
    post: RGB,
    wire: RGB | None = None,
    wires: int = 3,
    rails: bool = False,
    slope: float = 0.0,
    barbs: bool = False,
) -> list[list[Point]]:
    """A fence along a line: posts at the given x, then wires (or wooden rails) between them.
    `slope` raises the foot per design unit of x, for fences seen at an angle. Returns each
    wire as a list of points, so things can hang from it."""

    def foot(x: float) -> float:
        return y_post_foot - slope * (x - posts[0])

    for x in posts:
        scale = 1 - slope * (x - posts[0]) / max(1.0, height * 4)
        pw = height * 0.07 * max(0.4, scale)
        c.box(x - pw / 2, foot(x) - height, pw, height, post)
    line_colour = wire or post
    lines: list[list[Point]] = []
    for i in range(wires):
        frac = 0.22 + 0.62 * i / max(1, wires - 1)
        width = height * 0.05 if rails else max(1.2, height * 0.012)
        pts = [(x, foot(x) - height * frac) for x in posts]
        for a, b in pairwise(pts):
            c.line(a, b, line_colour, width)
        lines.append(pts)
        if barbs:
            for a, b in pairwise(pts):
                seg = math.hypot(b[0] - a[0], b[1] - a[1])
                count = int(seg / 24)
                for k in range(1, count):
                    t = k / count
                    bx, by = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
                    s = 4 + height * 0.012
                    c.line((bx - s * 0.6, by - s), (bx + s * 0.6, by + s), line_colour, 1.4)
                    c.line((bx - s * 0.6, by + s), (bx + s * 0.6, by - s), line_colour, 1.4)
    return lines


# --- weather -----------------------------------------------------------------------------


def rain(
    c: Canvas,
    count: int,
    colour: RGB,
    alpha: int = 90,
    length: float = 34,
    slant: float = 0.22,
    top: float = 0,
    bottom: float = DESIGN_H,
    layer: Canvas | None = None,
) -> None:
    """Still streaks of rain on a translucent layer. Drawn once: the picture never flickers.
    Pass the same `layer` to several calls (then blit it yourself) to save a full-size blit."""
    rng = c.rng
    lay = layer or c.layer(top - length, bottom)
    rgba = (*colour, alpha)
    for _ in range(count):
        x = rng.uniform(-80, DESIGN_W + 40)
        y = rng.uniform(top - length, bottom)
        s = length * rng.uniform(0.6, 1.2)
        width = rng.choice((1.6, 1.8, 2.2))
        dx, dy = s * slant, s
        n = math.hypot(dx, dy)
        ox, oy = -dy / n * width / 2, dx / n * width / 2
        lay.poly(
            [
                (x + ox, y + oy),
                (x + dx + ox, y + dy + oy),
                (x + dx - ox, y + dy - oy),
                (x - ox, y - oy),
            ],
            rgba,
        )
    if layer is None:
        c.blit(lay)


def mist(c: Canvas, y: float, h: float, colour: RGB, alpha: int = 90) -> None:
    """A soft band of haze (a gradient from clear to `colour` and back)."""
    import pygame

    strip = pygame.Surface((1, 64), pygame.SRCALPHA)
    for i in range(64):
        t = i / 63
        a = round(alpha * math.sin(t * math.pi) ** 1.5)
        strip.set_at((0, i), (*colour, a))
    target = c.rect(0, y, DESIGN_W, h)
    c.surface.blit(pygame.transform.smoothscale(strip, target.size), target.topleft)


def puddles(c: Canvas, count: int, y0: float, y1: float, colour: RGB) -> None:
    rng = c.rng
    for _ in range(count):
        y = rng.uniform(y0, y1)
        depth = (y - y0) / max(1.0, y1 - y0)
        w = rng.uniform(40, 90) * (0.5 + depth)
        c.oval(rng.uniform(0, DESIGN_W), y, w, w * 0.12, colour)
