"""One painter per place in the story (the `backgrounds:` ids in scenes/story.yaml).

Each painter draws on a 1280x720 design grid (see `kit.Canvas`), with the shared motifs so
the places look like pages of one book. They are calm on purpose: soft colours, nothing that
flashes, nobody's face (the reader pictures the people from the words).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from game.ui.look import RGB, mix, rgb

from . import motifs as m
from .kit import DESIGN_W, Canvas, height_at

Painter = Callable[[Canvas], None]
PAINTERS: dict[str, Painter] = {}


def painter(bg_id: str) -> Callable[[Painter], Painter]:
    """Register a painter for a background id."""

    def register(fn: Painter) -> Painter:
        PAINTERS[bg_id] = fn
        return fn

    return register


# --- pieces used by more than one place ----------------------------------------------------


def country_house(c: Canvas, cx: float, ground: float, s: float, haze: RGB, depth: float) -> None:
    """Hailsham: a large old house with wings, a central gable, chimneys and many windows."""
    wall = m.far(rgb("#C99B7A"), haze, depth)
    wall_side = m.far(rgb("#B68866"), haze, depth)
    roof = m.far(m.ROOF_SLATE, haze, depth)
    trim = m.far(rgb("#EFE6D4"), haze, depth)
    glass = m.far(rgb("#7E95A3"), haze, depth)
    chimney = m.far(rgb("#A9775C"), haze, depth)

    def X(v: float) -> float:
        return cx + v * s

    def Y(v: float) -> float:
        return ground - v * s

    # chimneys behind the roofs
    for vx in (-150, -60, 70, 160):
        c.box(X(vx), Y(200), 16 * s, 50 * s, chimney)
        c.box(X(vx) - 2 * s, Y(202), 20 * s, 6 * s, mix(chimney, rgb("#000000"), 0.15))
    # wings
    for side in (-1, 1):
        x0 = X(-300) if side < 0 else X(200)
        c.box(x0, Y(105), 100 * s, 105 * s, wall_side)
        c.poly([(x0 - 6 * s, Y(105)), (x0 + 50 * s, Y(150)), (x0 + 106 * s, Y(105))], roof)
        m.windows(c, x0 + 16 * s, Y(88), 3, 2, 16 * s, 26 * s, 10 * s, 14 * s, glass, frame=trim)
    # main block and its hipped roof
    c.box(X(-200), Y(140), 400 * s, 140 * s, wall)
    c.poly([(X(-212), Y(140)), (X(-170), Y(190)), (X(170), Y(190)), (X(212), Y(140))], roof)
    c.box(X(-205), Y(143), 410 * s, 6 * s, trim)
    m.windows(c, X(-186), Y(122), 5, 2, 18 * s, 30 * s, 12 * s, 22 * s, glass, frame=trim)
    m.windows(c, X(60), Y(122), 5, 2, 18 * s, 30 * s, 12 * s, 22 * s, glass, frame=trim)
    # central gable with a round window and the door
    c.box(X(-45), Y(175), 90 * s, 175 * s, wall_side)
    c.poly([(X(-55), Y(175)), (X(0), Y(232)), (X(55), Y(175))], roof)
    c.poly([(X(-42), Y(178)), (X(0), Y(222)), (X(42), Y(178))], wall_side)
    c.circle(X(0), Y(196), 9 * s, trim)
    c.circle(X(0), Y(196), 6 * s, glass)
    m.windows(c, X(-30), Y(150), 3, 1, 14 * s, 34 * s, 8 * s, 0, glass, frame=trim)
    c.box(X(-18), Y(62), 36 * s, 62 * s, trim, radius=14 * s)
    c.box(X(-13), Y(56), 26 * s, 56 * s, m.far(rgb("#5C4536"), haze, depth), radius=11 * s)
    c.box(X(-60), Y(4), 120 * s, 6 * s, trim)


def pavilion_building(
    c: Canvas, cx: float, ground: float, s: float, haze: RGB, depth: float
) -> None:
    """A wooden sports pavilion: a veranda under a deep roof, white rails, a little clock gable."""
    wood = m.far(rgb("#8E6F55"), haze, depth)
    wood_dark = m.far(rgb("#6B533F"), haze, depth)
    white = m.far(m.WHITE_PAINT, haze, depth)
    roof = m.far(rgb("#4F5A57"), haze, depth)
    shadow = m.far(rgb("#3F3A36"), haze, depth)

    def X(v: float) -> float:
        return cx + v * s

    def Y(v: float) -> float:
        return ground - v * s

    c.box(X(-190), Y(16), 380 * s, 16 * s, m.far(rgb("#9C9488"), haze, depth))  # base
    c.box(X(-175), Y(150), 350 * s, 134 * s, wood)  # back wall
    for i in range(13):  # boards
        c.line((X(-175 + i * 27), Y(150)), (X(-175 + i * 27), Y(16)), wood_dark, 1.4 * s)
    c.box(X(-175), Y(150), 350 * s, 34 * s, shadow)  # shade under the veranda roof
    c.box(X(-40), Y(120), 80 * s, 104 * s, shadow)  # open double door
    c.box(X(-36), Y(116), 34 * s, 100 * s, rgb("#2F2B28"))
    c.box(X(2), Y(116), 34 * s, 100 * s, rgb("#2F2B28"))
    m.windows(
        c,
        X(-150),
        Y(112),
        2,
        1,
        36 * s,
        44 * s,
        22 * s,
        0,
        m.far(rgb("#6E7F86"), haze, depth),
        frame=white,
    )
    m.windows(
        c,
        X(56),
        Y(112),
        2,
        1,
        36 * s,
        44 * s,
        22 * s,
        0,
        m.far(rgb("#6E7F86"), haze, depth),
        frame=white,
    )
    # roof: a deep overhang held by white posts
    c.poly([(X(-215), Y(150)), (X(-165), Y(215)), (X(165), Y(215)), (X(215), Y(150))], roof)
    c.box(X(-215), Y(152), 430 * s, 8 * s, white)
    for vx in (-200, -100, 0, 100, 200):
        c.box(X(vx) - 4 * s, Y(150), 8 * s, 134 * s, white)
    # rails along the veranda
    for vy in (40, 60):
        c.box(X(-200), Y(vy), 160 * s, 4 * s, white)
        c.box(X(40), Y(vy), 160 * s, 4 * s, white)
    for vx in range(-190, 200, 20):
        if -40 < vx < 40:
            continue
        c.box(X(vx) - 1.5 * s, Y(60), 3 * s, 44 * s, white)
    # the little gable with a clock
    c.poly([(X(-45), Y(205)), (X(0), Y(250)), (X(45), Y(205))], white)
    c.poly([(X(-38), Y(207)), (X(0), Y(243)), (X(38), Y(207))], wood)
    c.circle(X(0), Y(222), 11 * s, white)
    c.line((X(0), Y(222)), (X(0), Y(230)), shadow, 1.8 * s)
    c.line((X(0), Y(222)), (X(6), Y(222)), shadow, 1.8 * s)
    c.box(X(-70), Y(16), 140 * s, 6 * s, m.far(rgb("#B3AA9C"), haze, depth))  # step


def car(
    c: Canvas, x: float, ground: float, s: float, body: RGB, glass: RGB, facing: int = 1
) -> None:
    """A small, old-fashioned hatchback seen from the side (Kathy's car)."""

    def X(v: float) -> float:
        return x + v * s * facing

    def Y(v: float) -> float:
        return ground - v * s

    dark = rgb("#2E2C2B")
    c.poly(
        [
            (X(0), Y(14)),
            (X(0), Y(40)),
            (X(18), Y(46)),
            (X(50), Y(48)),
            (X(72), Y(74)),
            (X(140), Y(76)),
            (X(160), Y(50)),
            (X(176), Y(44)),
            (X(178), Y(14)),
        ],
        body,
    )
    c.poly([(X(58), Y(50)), (X(76), Y(70)), (X(104), Y(71)), (X(104), Y(50))], glass)
    c.poly([(X(110), Y(50)), (X(110), Y(71)), (X(136), Y(71)), (X(150), Y(50))], glass)
    c.line((X(4), Y(30)), (X(176), Y(30)), mix(body, dark, 0.3), 1.5 * s)
    for wx in (36, 146):
        c.circle(X(wx), Y(14), 15 * s, dark)
        c.circle(X(wx), Y(14), 7 * s, rgb("#9A9893"))


def boat(
    c: Canvas, x: float, ground: float, s: float, tilt: float, haze: RGB, depth: float
) -> None:
    """A small fishing boat with a wheelhouse, its paint peeling, stranded and leaning."""
    hull = m.far(rgb("#E8E1D2"), haze, depth)
    stripe = m.far(rgb("#4F7C8C"), haze, depth)
    keel = m.far(rgb("#7A4A3A"), haze, depth)
    cabin = m.far(rgb("#D7CDB9"), haze, depth)
    dark = m.far(rgb("#3D3F44"), haze, depth)
    rust = m.far(rgb("#A8664A"), haze, depth)
    cos, sin = math.cos(tilt), math.sin(tilt)

    def P(vx: float, vy: float) -> tuple[float, float]:
        # rotate about the boat's keel centre, y up
        rx = vx * cos - vy * sin
        ry = vx * sin + vy * cos
        return (x + rx * s, ground - ry * s)

    c.poly([P(-140, 58), P(150, 66), P(118, 8), P(90, -4), P(-110, -4), P(-128, 14)], hull)
    c.poly([P(-137, 48), P(147, 56), P(143, 46), P(-134, 38)], stripe)
    c.poly([P(-110, -4), P(90, -4), P(112, 6), P(-122, 6)], keel)
    for vx, vy, w in ((-70, 24, 14), (20, 16, 10), (70, 28, 8)):
        c.poly([P(vx, vy), P(vx + w, vy + 2), P(vx + w * 0.8, vy + 9), P(vx + 3, vy + 8)], rust)
    # wheelhouse
    c.poly([P(-40, 60), P(40, 62), P(38, 118), P(-36, 116)], cabin)
    c.poly([P(-46, 116), P(44, 118), P(44, 126), P(-46, 124)], dark)
    c.poly([P(-28, 80), P(-6, 81), P(-7, 104), P(-28, 103)], dark)
    c.poly([P(6, 81), P(28, 82), P(27, 105), P(6, 104)], dark)
    # mast
    mast = [P(70, 64), P(74, 64), P(78, 170), P(74, 170)]
    c.poly(mast, m.far(rgb("#5E5147"), haze, depth))
    c.line(P(76, 168), P(140, 66), m.far(rgb("#6B6158"), haze, depth), 1.2 * s)


def interior_shell(
    c: Canvas,
    wall_top: RGB,
    wall_bottom: RGB,
    floor: RGB,
    floor_line: RGB,
    floor_y: float,
    dado: RGB | None = None,
) -> None:
    """Walls with a soft light gradient, and a wooden floor in gentle perspective."""
    c.vgradient(0, 0, DESIGN_W, floor_y, ((0.0, wall_top), (1.0, wall_bottom)))
    if dado is not None:
        c.box(0, floor_y - 150, DESIGN_W, 150, dado)
        c.box(0, floor_y - 154, DESIGN_W, 8, mix(dado, rgb("#FFFFFF"), 0.25))
    c.vgradient(
        0,
        floor_y,
        DESIGN_W,
        720 - floor_y + 2,
        ((0.0, mix(floor, rgb("#000000"), 0.08)), (1.0, floor)),
    )
    vx, vy = 640, floor_y - 420
    for i in range(-12, 13):
        xb = 640 + i * 110
        t = (floor_y - vy) / (720 - vy)
        c.line((vx + (xb - vx) * t, floor_y), (xb, 720), floor_line, 1.4)
    c.box(0, floor_y - 6, DESIGN_W, 8, mix(floor, rgb("#000000"), 0.2))


def window_view(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    paint_view: Callable[[Canvas], None],
    frame: RGB,
    bars: tuple[int, int] = (2, 3),
    sill: RGB | None = None,
) -> None:
    """A window in a wall showing the outside: the view is painted clipped to the glass."""
    c.box(x - 12, y - 12, w + 24, h + 24, frame)
    glass = c.rect(x, y, w, h)
    old = c.surface.get_clip()
    c.surface.set_clip(glass)
    paint_view(c)
    c.surface.set_clip(old)
    cols, rows = bars
    for i in range(1, cols):
        bx = x + w * i / cols
        c.line((bx, y), (bx, y + h), frame, 7)
    for j in range(1, rows):
        by = y + h * j / rows
        c.line((x, by), (x + w, by), frame, 5)
    if sill is not None:
        c.box(x - 24, y + h + 8, w + 48, 14, sill)


# --- Hailsham ----------------------------------------------------------------------------


@painter("hailsham_grounds")
def hailsham_grounds(c: Canvas) -> None:
    """The big house in its grounds on a summer day: lawns, a path, old trees."""
    haze = rgb("#E9E6D6")
    m.sky(c, m.SKY_SUMMER, 470)
    m.sun(c, 1060, 120, 38, rgb("#FFF4D6"), glow=rgb("#FFF1C8"))
    m.clouds(c, 4, 90, 230)
    _far_edge, mid_edge = m.landscape(
        c,
        [
            m.Band(415, 22, m.far(m.GRASS_DARK, haze, 0.6)),
            m.Band(455, 18, m.far(m.GRASS_DARK, haze, 0.35)),
        ],
    )
    for x in (130, 200, 250, 960, 1020, 1100, 1170):
        m.tree(
            c,
            x,
            height_at(mid_edge, x) + 6,
            c.rng.uniform(90, 130),
            m.far(m.LEAF_DARK, haze, 0.35),
            m.far(m.TRUNK, haze, 0.35),
        )
    country_house(c, 640, 478, 1.0, haze, 0.12)
    lawn = c.ridge(482, 6, m.GRASS, waves=2)
    m.mown_stripes(c, height_at(lawn, 640) + 4, 720, m.GRASS_LIGHT, count=9, vanish=(640, 380))
    # the path to the door
    c.poly([(622, 482), (658, 482), (820, 720), (500, 720)], rgb("#E3D6B8"))
    c.poly([(626, 482), (654, 482), (700, 560), (590, 560)], rgb("#EADFC4"))
    m.tree(c, 90, 700, 430, m.LEAF, kind="round")
    m.tree(c, 1190, 690, 380, m.LEAF_DARK, kind="round")
    m.tree(c, 330, 520, 140, m.LEAF, kind="bush")
    m.tree(c, 960, 528, 120, m.LEAF_DARK, kind="bush")
    m.grass_tufts(c, 20, 560, 720, m.GRASS_DARK, x0=0, x1=480)
    m.grass_tufts(c, 20, 560, 720, m.GRASS_DARK, x0=840, x1=1280)


@painter("playing_field")
def playing_field(c: Canvas) -> None:
    """A wide playing field with goalposts; the house and the pavilion far off."""
    haze = rgb("#EDEBDD")
    m.sky(c, m.SKY_DAY, 420)
    m.clouds(c, 5, 70, 240, size=(140, 260))
    m.birds(c, 300, 150, 4, rgb("#6C7A86"), spread=60)
    back = c.ridge(368, 14, m.far(m.GRASS_DARK, haze, 0.55))
    for x in range(0, 1300, 46):
        m.tree(
            c,
            x + c.rng.uniform(-10, 10),
            height_at(back, x) + 30,
            c.rng.uniform(60, 90),
            m.far(m.LEAF_DARK, haze, 0.45),
            m.far(m.TRUNK, haze, 0.45),
        )
    country_house(c, 260, 402, 0.34, haze, 0.45)
    pavilion_building(c, 1060, 404, 0.3, haze, 0.45)
    m.hedge(c, -20, 1300, 408, 26, m.far(m.LEAF_DARK, haze, 0.3))
    c.box(0, 404, DESIGN_W, 320, m.GRASS)
    m.mown_stripes(c, 404, 720, m.GRASS_LIGHT, count=8, vanish=(640, 250))
    white = rgb("#F6F3EA")
    # the pitch's lines in perspective: touchline, halfway line, centre circle
    for a, b in (
        ((150, 436), (1130, 436)),
        ((1130, 436), (1240, 560)),
        ((1240, 560), (40, 560)),
        ((40, 560), (150, 436)),
        ((640, 436), (640, 560)),
    ):
        c.line(a, b, white, 3)
    ring = [
        (640 + 110 * math.cos(t / 40 * math.tau), 494 + 22 * math.sin(t / 40 * math.tau))
        for t in range(41)
    ]
    c.polyline(ring, white, 3)
    # a goal at each end, seen from the side: near post, far post, crossbar, net behind
    for (ax, ay), (bx, by), out in (((150, 436), (40, 560), -1), ((1130, 436), (1240, 560), 1)):
        far_post = (ax + (bx - ax) * 0.36, ay + (by - ay) * 0.36)
        near_post = (ax + (bx - ax) * 0.64, ay + (by - ay) * 0.64)
        hf, hn = 62, 72
        net = mix(white, m.GRASS, 0.45)
        for t in (0.0, 0.25, 0.5, 0.75, 1.0):
            px = far_post[0] + (near_post[0] - far_post[0]) * t
            py = far_post[1] + (near_post[1] - far_post[1]) * t
            h = hf + (hn - hf) * t
            c.line((px, py - h), (px + out * 40, py), net, 1.4)
        c.line(
            (far_post[0] + out * 40, far_post[1]), (near_post[0] + out * 40, near_post[1]), net, 1.4
        )
        c.line((far_post[0], far_post[1] - hf), far_post, white, 5)
        c.line((near_post[0], near_post[1] - hn), near_post, white, 6)
        c.line((far_post[0], far_post[1] - hf), (near_post[0], near_post[1] - hn), white, 5)
    # a worn, muddy patch where the boys stamp about, and a ball left lying
    c.oval(990, 640, 130, 20, mix(m.GRASS, m.MUD, 0.4))
    c.oval(1010, 644, 70, 10, mix(m.GRASS, m.MUD, 0.55))
    c.circle(860, 664, 17, rgb("#F4F1EA"))
    c.poly([(854, 656), (864, 654), (868, 662), (861, 669), (852, 665)], rgb("#4A4A4A"))
    c.oval(860, 682, 18, 4, mix(m.GRASS, rgb("#000000"), 0.2))
    m.grass_tufts(c, 50, 520, 720, m.GRASS_DARK)


@painter("classroom")
def classroom(c: Canvas) -> None:
    """A Hailsham classroom: tall windows onto the grounds, a blackboard, pictures on the wall."""
    interior_shell(
        c, rgb("#EFE4CF"), rgb("#E3D5BA"), rgb("#B48B63"), rgb("#9A7452"), 520, dado=rgb("#B9A07E")
    )

    def outside(v: Canvas) -> None:
        m.sky(v, m.SKY_SUMMER, 340)
        m.cloud(v, 120, 150, 150)
        haze = rgb("#F1EAD2")
        edge = v.ridge(300, 16, m.far(m.GRASS_DARK, haze, 0.45))
        for x in (90, 150, 300):
            m.tree(v, x, height_at(edge, x) + 10, 90, m.far(m.LEAF_DARK, haze, 0.3))
        v.box(0, 330, 420, 200, m.GRASS)

    frame = rgb("#F4EFE3")
    window_view(c, 70, 110, 150, 300, outside, frame, bars=(1, 3), sill=rgb("#D9CDB4"))
    window_view(c, 262, 110, 150, 300, outside, frame, bars=(1, 3), sill=rgb("#D9CDB4"))
    # sunlight falling from the windows
    glow = c.layer()
    glow.poly([(70, 410), (412, 410), (640, 720), (150, 720)], (255, 244, 210, 255))
    c.blit(glow, 38)
    # blackboard with a little chalk
    c.box(560, 150, 470, 240, rgb("#7A5C40"), radius=6)
    c.box(572, 162, 446, 216, rgb("#3F4F49"))
    chalk = rgb("#C9D1C9")
    c.polyline([(600, 200), (640, 190), (690, 204), (740, 194)], chalk, 2)
    c.polyline([(600, 236), (700, 232), (760, 240)], chalk, 2)
    c.polyline([(600, 272), (660, 268)], chalk, 2)
    c.polyline([(866, 230), (900, 212), (934, 230), (934, 276), (866, 276), (866, 230)], chalk, 2)
    c.box(590, 384, 140, 8, rgb("#6B5038"))
    # the children's pictures pinned up: art mattered here
    pictures = [
        (1070, 150, rgb("#F7F1E1"), rgb("#E1A55A")),
        (1150, 180, rgb("#EFF2E9"), rgb("#6E9DB8")),
        (1080, 260, rgb("#F6EEE6"), rgb("#8DB36B")),
        (1160, 300, rgb("#F3EDE0"), rgb("#C77D6E")),
        (460, 170, rgb("#F4EEDD"), rgb("#7C8FBF")),
        (470, 270, rgb("#F7F1E1"), rgb("#B78FB0")),
    ]
    for i, (px, py, paper, ink) in enumerate(pictures):
        c.box(px, py, 62, 76, paper)
        if i % 3 == 0:
            c.circle(px + 31, py + 32, 16, ink)
        elif i % 3 == 1:
            c.poly([(px + 10, py + 60), (px + 31, py + 18), (px + 52, py + 60)], ink)
        else:
            c.oval(px + 31, py + 44, 22, 12, ink)
            c.circle(px + 48, py + 34, 7, ink)
        c.circle(px + 31, py + 5, 3, rgb("#B04A3A"))
    # desks and chairs, seen from the back of the room
    desk = rgb("#C09A6C")
    desk_dark = rgb("#8E6E4C")
    for row, (y, s) in enumerate(((540, 0.7), (610, 0.85), (690, 1.05))):
        count = 4 if row < 2 else 3
        span = 1100 * s
        for i in range(count):
            x = 640 - span / 2 + span * (i + 0.5) / count
            w = 170 * s
            c.box(x - w / 2 + 8 * s, y, 8 * s, 70 * s, desk_dark)
            c.box(x + w / 2 - 16 * s, y, 8 * s, 70 * s, desk_dark)
            c.poly(
                [
                    (x - w / 2, y),
                    (x + w / 2, y),
                    (x + w / 2 - 10 * s, y - 28 * s),
                    (x - w / 2 + 10 * s, y - 28 * s),
                ],
                desk,
            )
            c.box(x - w / 2, y, w, 10 * s, desk_dark)
            chair = rgb("#7D8F9E")
            c.box(x - 34 * s, y + 30 * s, 5 * s, 48 * s, rgb("#5E6B76"))
            c.box(x + 29 * s, y + 30 * s, 5 * s, 48 * s, rgb("#5E6B76"))
            c.box(x - 40 * s, y + 20 * s, 80 * s, 14 * s, chair, radius=4 * s)
            c.box(x - 36 * s, y - 30 * s, 72 * s, 46 * s, rgb("#8698A6"), radius=6 * s)


@painter("dormitory")
def dormitory(c: Canvas) -> None:
    """A dormitory in the evening: a row of beds, a lamp, the moon in the window."""
    interior_shell(c, rgb("#B9BFCF"), rgb("#A9AEBE"), rgb("#8C6F5B"), rgb("#765C4B"), 500)

    def outside(v: Canvas) -> None:
        m.sky(v, m.SKY_DUSK, 320)
        m.stars(v, 20, 180)
        v.circle(600, 150, 26, rgb("#F4EBD0"))
        edge = v.ridge(300, 12, rgb("#3F4A5A"))
        for x in (520, 590, 700):
            m.tree(
                v, x, height_at(edge, x) + 8, 70, rgb("#35404E"), rgb("#35404E"), highlight=False
            )

    window_view(c, 520, 90, 240, 230, outside, rgb("#E4E2DA"), bars=(2, 2), sill=rgb("#CFCBC0"))
    # curtains
    for x0, x1 in ((480, 530), (750, 800)):
        c.poly([(x0, 70), (x1, 70), (x1 - 6, 360), (x0 + 6, 360)], rgb("#B47D78"))
    c.box(470, 64, 340, 8, rgb("#8A6A5A"))
    blankets = (rgb("#7F9CBB"), rgb("#C98E7A"), rgb("#8FB08C"), rgb("#D0B26E"))
    for i, bx in enumerate((40, 300, 760, 1020)):
        w = 220
        # headboard against the wall, the bed running towards us
        c.box(bx, 380, w, 110, rgb("#9A7A62"), radius=10)
        c.box(bx - 8, 470, w + 16, 110, rgb("#EEE9E0"), radius=12)
        c.box(bx + 20, 440, w - 40, 46, rgb("#F7F4EE"), radius=18)
        c.box(bx - 12, 510, w + 24, 130, blankets[i], radius=14)
        c.box(bx - 12, 506, w + 24, 18, mix(blankets[i], rgb("#FFFFFF"), 0.3), radius=8)
        c.box(bx - 4, 636, 12, 50, rgb("#6E5646"))
        c.box(bx + w - 8, 636, 12, 50, rgb("#6E5646"))
    # bedside cabinet with a lamp and a small tape player
    cab_x = 580
    c.box(cab_x, 430, 120, 120, rgb("#9B7C64"), radius=4)
    c.box(cab_x + 10, 450, 100, 40, rgb("#8A6C56"), radius=3)
    c.circle(cab_x + 60, 470, 4, rgb("#D8C29A"))
    c.box(cab_x + 26, 384, 8, 46, rgb("#6E5A4A"))
    c.poly(
        [(cab_x + 6, 388), (cab_x + 54, 388), (cab_x + 44, 350), (cab_x + 16, 350)], rgb("#F6DEA8")
    )
    c.box(cab_x + 64, 400, 50, 30, rgb("#4B4E57"), radius=3)
    c.box(cab_x + 70, 406, 38, 12, rgb("#6A6E78"), radius=2)
    c.circle(cab_x + 79, 412, 4, rgb("#9EA3AD"))
    c.circle(cab_x + 99, 412, 4, rgb("#9EA3AD"))
    # warm lamplight over the room's cool evening
    c.glow(cab_x + 30, 380, 460, rgb("#FFD696"), 110)
    c.glow(cab_x + 30, 372, 90, rgb("#FFE9B8"), 150)


@painter("pavilion")
def pavilion(c: Canvas) -> None:
    """The sports pavilion in the rain: grey sky, misty trees, puddles on the grass."""
    haze = rgb("#C4C8C6")
    m.sky(c, m.SKY_GREY, 430)
    m.clouds(c, 4, 60, 200, colour=rgb("#D4D7D6"), alpha=150, size=(260, 420))
    back = c.ridge(400, 10, m.far(m.GRASS_DARK, haze, 0.65))
    for x in range(20, 1300, 70):
        m.tree(
            c,
            x + c.rng.uniform(-15, 15),
            height_at(back, x) + 20,
            c.rng.uniform(110, 150),
            m.far(m.LEAF_DARK, haze, 0.6),
            m.far(m.TRUNK, haze, 0.6),
        )
    m.mist(c, 300, 160, haze, 120)
    c.box(0, 430, DESIGN_W, 300, rgb("#7E9A6A"))
    c.vgradient(0, 430, DESIGN_W, 292, ((0.0, rgb("#86A071")), (1.0, rgb("#6F8C5E"))))
    pavilion_building(c, 560, 520, 1.15, haze, 0.08)
    m.tree(c, 1140, 560, 380, m.far(m.LEAF_DARK, haze, 0.12), m.far(m.TRUNK, haze, 0.12))
    m.puddles(c, 9, 560, 700, rgb("#A9B4B5"))
    m.grass_tufts(c, 40, 560, 720, rgb("#5D7A4F"))
    wet = c.layer()
    m.rain(c, 420, rgb("#E8ECEE"), alpha=110, layer=wet)
    m.rain(c, 160, rgb("#F4F6F7"), alpha=80, length=50, layer=wet)
    c.blit(wet)


# --- the Cottages ------------------------------------------------------------------------


@painter("cottages")
def cottages(c: Canvas) -> None:
    """An old farmyard in late autumn: a farmhouse, sagging barns, mud, a bare tree."""
    haze = rgb("#DAD6CB")
    m.sky(c, ((0.0, rgb("#A9B5BE")), (0.7, rgb("#D2D3CC")), (1.0, rgb("#E2DACA"))), 440)
    m.clouds(c, 3, 80, 200, colour=rgb("#ECEAE3"), alpha=170, size=(220, 360))
    m.birds(c, 820, 140, 5, rgb("#6B6E74"), spread=90)
    edge = c.ridge(420, 16, m.far(rgb("#8C8F6A"), haze, 0.5))
    for x in (40, 110, 1190, 1240):
        m.tree(c, x, height_at(edge, x) + 10, 120, m.far(rgb("#8B8B6B"), haze, 0.4), kind="bare")
    # the farmhouse
    stone = rgb("#CFC3AC")
    m.gable_house(
        c,
        120,
        470,
        300,
        170,
        stone,
        rgb("#5F5A5E"),
        roof_h=90,
        door=rgb("#5E4B3C"),
        window_colour=rgb("#6F7A80"),
        cols=2,
        rows=2,
    )
    # the long barn, its roof sagging
    barn = rgb("#A1785C")
    c.box(520, 340, 520, 140, barn)
    for i in range(19):
        c.line((520 + i * 28, 340), (520 + i * 28, 480), mix(barn, rgb("#000000"), 0.15), 1.5)
    c.poly([(505, 342), (560, 276), (780, 290), (1000, 278), (1055, 342)], rgb("#535A5A"))
    c.box(700, 380, 120, 100, rgb("#3A3330"))
    c.poly([(700, 380), (760, 380), (760, 480), (700, 480)], rgb("#4C423B"))
    # an open-sided shed and an old cart
    c.box(1060, 400, 200, 80, rgb("#3F3A36"))
    c.poly([(1050, 402), (1080, 370), (1270, 370), (1280, 402)], rgb("#6C5E55"))
    c.box(1066, 400, 10, 80, rgb("#7A6555"))
    c.box(1244, 400, 10, 80, rgb("#7A6555"))
    # the yard: mud, puddles, a broken gate
    c.vgradient(0, 470, DESIGN_W, 252, ((0.0, rgb("#A08A6C")), (1.0, rgb("#8B7559"))))
    c.poly([(0, 520), (420, 476), (620, 482), (1280, 560), (1280, 720), (0, 720)], rgb("#8E9A68"))
    c.poly([(300, 720), (520, 480), (760, 480), (1000, 720)], rgb("#A08A6C"))
    m.puddles(c, 6, 520, 690, rgb("#B9BDBB"))
    m.fence(c, 640, [20, 150, 280], 120, rgb("#7A6555"), rails=True, wires=3)
    c.line((280, 600), (380, 560), rgb("#7A6555"), 8)
    c.line((280, 560), (374, 530), rgb("#7A6555"), 8)
    m.tree(c, 1140, 700, 420, kind="bare", trunk=rgb("#6A5A4E"))
    for _ in range(26):  # a few last leaves on the ground
        c.oval(
            c.rng.uniform(0, 1280),
            c.rng.uniform(560, 715),
            6,
            3,
            c.rng.choice((rgb("#C4864E"), rgb("#B36B45"), rgb("#D3A45C"))),
        )


@painter("cottages_room")
def cottages_room(c: Canvas) -> None:
    """A cold, bare room at the Cottages: damp walls, an old armchair, a heater, magazines."""
    interior_shell(c, rgb("#BFC6C4"), rgb("#AEB5B1"), rgb("#8E7A66"), rgb("#7A6856"), 530)
    # damp stains on the wall
    stain = c.layer()
    stain.oval(1060, 120, 90, 60, (120, 118, 96, 255))
    stain.oval(1100, 170, 50, 70, (120, 118, 96, 255))
    stain.oval(250, 200, 80, 46, (120, 118, 96, 255))
    c.blit(stain, 34)

    def outside(v: Canvas) -> None:
        m.sky(v, m.SKY_GREY, 360)
        m.cloud(v, 330, 150, 180, rgb("#D8DBDA"))
        edge = v.ridge(330, 8, rgb("#8E9478"))
        m.tree(v, 520, height_at(edge, 520) + 6, 200, kind="bare", trunk=rgb("#6B6560"))
        v.box(300, 345, 420, 120, rgb("#878E6F"))

    window_view(c, 360, 90, 330, 270, outside, rgb("#DEDBD2"), bars=(2, 2), sill=rgb("#C8C3B6"))
    # frost creeping in from the corners of each pane: the room is that cold
    old_clip = c.surface.get_clip()
    for px in (360, 525):
        for py in (90, 225):
            c.surface.set_clip(c.rect(px, py, 165, 135))
            c.glow(px, py + 135, 120, rgb("#F8FBFC"), 210)
            c.glow(px + 165, py + 135, 90, rgb("#F8FBFC"), 170)
    c.surface.set_clip(old_clip)
    c.line((350, 70), (700, 70), rgb("#7B716A"), 4)
    c.poly([(354, 72), (404, 72), (396, 300), (364, 296)], rgb("#9E8D84"))  # thin, limp curtain
    # an old armchair, its cushion sunk
    chair = rgb("#7D6B5E")
    c.box(780, 380, 300, 190, chair, radius=30)
    c.box(760, 450, 60, 170, mix(chair, rgb("#000000"), 0.1), radius=24)
    c.box(1040, 450, 60, 170, mix(chair, rgb("#000000"), 0.1), radius=24)
    c.box(815, 500, 230, 80, mix(chair, rgb("#FFFFFF"), 0.12), radius=18)
    c.box(780, 610, 20, 40, rgb("#4F4038"))
    c.box(1060, 610, 20, 40, rgb("#4F4038"))
    c.box(830, 450, 110, 60, rgb("#B9A58A"), radius=10)  # a folded blanket
    # the paraffin heater: the only warm thing
    hx, hy = 230, 640
    c.box(hx, hy - 120, 90, 120, rgb("#4E5656"), radius=10)
    c.box(hx + 14, hy - 96, 62, 52, rgb("#2F3434"), radius=6)
    c.glow(hx + 45, hy - 60, 190, rgb("#F5B46A"), 70)
    c.circle(hx + 45, hy - 70, 14, rgb("#F2A65A"))
    c.box(hx + 10, hy - 130, 70, 14, rgb("#5E6666"), radius=5)
    # magazines and paperbacks piled on the floor
    for i, (colour, dx) in enumerate(
        (
            (rgb("#C96B5A"), 0),
            (rgb("#6E8FB0"), 8),
            (rgb("#E0C77E"), -6),
            (rgb("#8FAA7E"), 4),
            (rgb("#D9D2C5"), -2),
        )
    ):
        c.box(470 + dx, 660 - i * 12, 160, 12, colour, radius=2)
    c.poly([(560, 600), (660, 592), (668, 604), (566, 612)], rgb("#B77A9E"))
    # a mattress against the wall, a bare bulb
    c.box(20, 330, 110, 230, rgb("#D8D0BE"), radius=16)
    c.line((640, 0), (640, 40), rgb("#4B4540"), 2)
    c.circle(640, 48, 10, rgb("#E8E2CF"))


# --- Norfolk -----------------------------------------------------------------------------


@painter("norfolk_coast")
def norfolk_coast(c: Canvas) -> None:
    """A wide sky over the sea: a cliff with a church tower, a pier, groynes on the sand."""
    haze = rgb("#EEE9DC")
    m.sky(c, m.SKY_PALE, 400)
    m.clouds(c, 5, 70, 250, size=(170, 320))
    m.birds(c, 860, 200, 5, rgb("#5E6C77"), spread=110, size=11)
    c.vgradient(0, 400, DESIGN_W, 140, ((0.0, m.far(m.SEA_DEEP, haze, 0.35)), (1.0, m.SEA)))
    for i in range(9):  # soft lines of light on the water
        y = 410 + i * 13
        c.line(
            (c.rng.uniform(500, 900), y),
            (c.rng.uniform(950, 1250), y),
            mix(m.SEA, rgb("#FFFFFF"), 0.35),
            1.4,
        )
    # the cliff and the town on top of it
    cliff = [(-10, 300), (140, 298), (260, 320), (340, 380), (400, 460), (420, 540), (-10, 540)]
    top = rgb("#8DAA72")
    for i, hx in enumerate(range(10, 300, 52)):
        h = 40 + (i % 3) * 8
        m.gable_house(
            c,
            hx,
            304,
            44,
            h,
            m.far(rgb("#D9C9B0"), haze, 0.3),
            m.far(rgb("#8B5E4E"), haze, 0.3),
            roof_h=18,
            chimney=False,
            cols=1,
            rows=1,
            window_colour=m.far(rgb("#6E7D86"), haze, 0.3),
        )
    tower = m.far(rgb("#C9B99A"), haze, 0.3)
    c.box(190, 160, 46, 146, tower)
    c.box(186, 150, 54, 14, tower)
    for bx in (186, 202, 218, 230):
        c.box(bx, 140, 8, 12, tower)
    c.box(205, 180, 16, 30, m.far(rgb("#5D5750"), haze, 0.3), radius=8)
    c.poly(cliff, rgb("#C6A884"))
    c.poly([(-10, 300), (150, 296), (270, 322), (200, 330), (-10, 326)], top)
    for i in range(6):
        y = 345 + i * 32
        c.line((0, y), (300 + i * 16, y + 8), rgb("#B59674"), 3)
    # the pier on its legs, with a pavilion at the end
    pier_y = 430
    c.box(330, pier_y, 620, 12, rgb("#6B6560"))
    c.box(330, pier_y - 8, 620, 4, rgb("#E7E1D6"))
    for px in range(340, 950, 34):
        c.box(px, pier_y + 12, 6, 52, rgb("#5C5752"))
    c.box(880, pier_y - 50, 120, 50, rgb("#EFEBE2"))
    c.poly([(870, pier_y - 50), (940, pier_y - 86), (1010, pier_y - 50)], rgb("#6E8C8A"))
    m.windows(c, 892, pier_y - 40, 4, 1, 18, 22, 10, 0, rgb("#8CA4AE"))
    # beach with groynes, waves breaking softly
    c.vgradient(0, 530, DESIGN_W, 192, ((0.0, rgb("#D8C7A2")), (1.0, m.SAND)))
    c.poly([(0, 540), (1280, 520), (1280, 534), (0, 552)], rgb("#F4F1E8"))
    for gx in (520, 980):
        for i in range(9):
            y = 540 + i * 18
            x = gx + i * i * 3
            c.box(x, y - 28, 12 + i, 30 + i * 2, rgb("#7C6A56"))
    for _ in range(30):
        c.oval(c.rng.uniform(0, 1280), c.rng.uniform(580, 715), 3, 2, rgb("#B9A886"))
    m.grass_tufts(c, 30, 640, 720, rgb("#A8A26A"), height=24)


@painter("norfolk_town")
def norfolk_town(c: Canvas) -> None:
    """A seaside town's high street: shops with awnings, and an office with a glass front."""
    m.sky(c, m.SKY_PALE, 300)
    m.clouds(c, 3, 50, 120, size=(160, 260))
    m.birds(c, 640, 90, 3, rgb("#5E6C77"), spread=80)
    shops = [
        (0, 210, rgb("#E7D8BE"), rgb("#B86A5A"), "awning"),
        (210, 230, rgb("#B9CBD0"), rgb("#E7E2D8"), "office"),
        (440, 190, rgb("#D9B9A3"), rgb("#5E8A79"), "awning"),
        (630, 220, rgb("#EBE3CF"), rgb("#6A7FA8"), "awning"),
        (850, 200, rgb("#C8B7D0"), rgb("#C9A24E"), "awning"),
        (1050, 240, rgb("#E5CDAE"), rgb("#8C6A8E"), "awning"),
    ]
    rng = c.rng
    for x, w, wall, accent, kind in shops:
        top = 150 + rng.choice((0, 30, 50, 70))
        c.box(x, top, w, 590 - top, wall)
        c.box(x, top - 10, w, 12, mix(wall, rgb("#000000"), 0.18))
        cols = max(2, round(w / 80))
        gap = (w - cols * 40) / (cols + 1)
        m.windows(
            c,
            x + gap,
            top + 30,
            cols,
            2 if top < 200 else 1,
            40,
            56,
            gap,
            30,
            rgb("#8EA3AE"),
            frame=rgb("#F6F2EA"),
        )
        c.box(x, 390, w, 10, mix(wall, rgb("#000000"), 0.25))
        if kind == "office":
            # the big glass front, with reflections: Chrissie and Rodney's "possible" works here
            c.box(x + 10, 400, w - 20, 190, rgb("#6D8794"))
            ref = c.layer()
            ref.poly(
                [(x + 30, 400), (x + 80, 400), (x + 40, 590), (x + 10, 590)], (255, 255, 255, 255)
            )
            ref.poly(
                [(x + 120, 400), (x + 140, 400), (x + 100, 590), (x + 90, 590)],
                (255, 255, 255, 255),
            )
            c.blit(ref, 50)
            c.box(x + 20, 500, 60, 36, rgb("#556C77"))  # a desk inside
            c.box(x + 130, 480, 70, 56, rgb("#556C77"))
            c.box(x + 10, 404, w - 20, 18, rgb("#2F3B44"))
            c.box(x + 40, 408, w - 80, 10, rgb("#DCE3E6"))
        else:
            c.box(x + 16, 440, w * 0.55, 150, rgb("#A9BCC3"))
            c.box(x + w * 0.65, 430, w * 0.25, 160, mix(accent, rgb("#000000"), 0.35))
            # a striped awning
            stripes = 8
            for i in range(stripes):
                sx = x + 6 + (w - 12) * i / stripes
                col = accent if i % 2 == 0 else rgb("#F6F1E6")
                c.poly(
                    [
                        (sx, 402),
                        (sx + (w - 12) / stripes, 402),
                        (sx + (w - 12) / stripes + 4, 446),
                        (sx + 4, 446),
                    ],
                    col,
                )
            c.box(x + 6, 402, w - 12, 6, mix(accent, rgb("#000000"), 0.2))
            for i in range(4):  # things in the window
                c.box(
                    x + 28 + i * (w * 0.12),
                    540 - (i % 2) * 20,
                    w * 0.08,
                    50 + (i % 2) * 20,
                    rng.choice((rgb("#E5B05C"), rgb("#C96B5A"), rgb("#7EA07A"), rgb("#F0E6D2"))),
                )
    # pavement, kerb, road
    c.box(0, 588, DESIGN_W, 62, rgb("#CFC8BB"))
    for x in range(0, 1300, 90):
        c.line((x, 588), (x - 20, 650), rgb("#BDB5A7"), 1.5)
    c.box(0, 648, DESIGN_W, 8, rgb("#A39B8E"))
    c.box(0, 656, DESIGN_W, 70, rgb("#8C8A87"))
    for x in range(40, 1300, 180):
        c.box(x, 690, 80, 6, rgb("#E9E5DA"))
    # a lamp post and a bench
    post = rgb("#3F4E4A")
    c.box(600, 380, 8, 230, post)
    c.box(586, 372, 36, 14, post, radius=4)
    c.poly([(590, 372), (618, 372), (612, 350), (596, 350)], rgb("#E6E0C6"))
    c.box(980, 560, 120, 10, rgb("#7A5E45"))
    c.box(980, 540, 120, 8, rgb("#7A5E45"))
    c.box(988, 570, 8, 24, post)
    c.box(1084, 570, 8, 24, post)


# --- the carer years ---------------------------------------------------------------------


@painter("recovery_centre")
def recovery_centre(c: Canvas) -> None:
    """A recovery centre: a long, clean, low building, a square of grass, benches, a car."""
    haze = rgb("#EEE9DC")
    m.sky(c, m.SKY_PALE, 400)
    m.clouds(c, 4, 70, 200, size=(180, 300))
    back = c.ridge(380, 12, m.far(m.GRASS_DARK, haze, 0.6))
    for x in range(30, 1300, 90):
        m.tree(
            c,
            x,
            height_at(back, x) + 14,
            90,
            m.far(m.LEAF_DARK, haze, 0.5),
            m.far(m.TRUNK, haze, 0.5),
        )
    wall = rgb("#EDEBE4")
    shade = rgb("#D3D2CB")
    # two storeys of white rendered building, a flat roof, regular windows
    c.box(120, 220, 1040, 230, wall)
    c.box(110, 210, 1060, 14, rgb("#B8BCBE"))
    c.box(120, 330, 1040, 6, shade)
    for x0 in (150, 738):
        m.windows(c, x0, 244, 5, 2, 50, 60, 34, 54, rgb("#9FB5C2"), frame=rgb("#C9CDCE"))
    # the entrance with its canopy
    c.box(560, 320, 160, 130, rgb("#DDE5E9"))
    c.box(580, 350, 56, 100, rgb("#8FA6B2"))
    c.box(644, 350, 56, 100, rgb("#8FA6B2"))
    c.box(540, 306, 200, 18, rgb("#7D98A6"))
    c.box(548, 324, 6, 126, rgb("#A7B0B3"))
    c.box(726, 324, 6, 126, rgb("#A7B0B3"))
    c.box(600, 280, 80, 20, rgb("#7D98A6"), radius=4)
    c.box(636, 284, 8, 12, rgb("#F2F2EE"))
    c.box(630, 287, 20, 6, rgb("#F2F2EE"))
    # grass square with young trees and benches, a path, the car park
    c.box(0, 450, DESIGN_W, 280, rgb("#C9C4B8"))
    c.box(60, 470, 500, 180, rgb("#9CBB7C"), radius=8)
    c.box(720, 470, 500, 180, rgb("#9CBB7C"), radius=8)
    c.poly([(560, 450), (720, 450), (800, 720), (480, 720)], rgb("#DDD6C6"))
    for x in (150, 420, 860, 1130):
        m.tree(c, x, 590, 170, m.LEAF_LIGHT)
    for bx in (250, 960):
        c.box(bx, 600, 110, 10, rgb("#8A6C52"))
        c.box(bx, 580, 110, 8, rgb("#8A6C52"))
        c.box(bx + 8, 610, 6, 22, rgb("#5E5A55"))
        c.box(bx + 96, 610, 6, 22, rgb("#5E5A55"))
    for x in range(20, 1280, 160):
        c.box(x, 690, 100, 4, rgb("#F0EDE6"))
    car(c, 880, 712, 1.0, rgb("#6F8FA6"), rgb("#C8D6DE"))


@painter("road")
def road(c: Canvas) -> None:
    """A long, empty road across flat country: hedges, telegraph poles, a low sky."""
    haze = rgb("#EDEBDD")
    m.sky(c, m.SKY_DAY, 380)
    m.clouds(c, 5, 60, 230, size=(180, 320))
    horizon = 380
    vx = 700
    c.box(0, horizon - 2, DESIGN_W, 30, m.far(m.GRASS_DARK, haze, 0.55))
    edge = c.ridge(horizon, 6, m.far(m.GRASS_DARK, haze, 0.55))
    for x in (120, 180, 960, 1180):
        m.tree(
            c,
            x,
            height_at(edge, x) + 4,
            60,
            m.far(m.LEAF_DARK, haze, 0.5),
            m.far(m.TRUNK, haze, 0.5),
        )
    # fields either side: green on the left, gold stubble on the right
    c.poly([(-10, horizon + 4), (vx, horizon + 4), (-10, 720)], m.GRASS)
    c.poly([(vx, horizon + 4), (1290, horizon + 4), (1290, 720)], m.FIELD_GOLD)
    m.furrows(
        c, horizon + 6, 720, mix(m.FIELD_GOLD, m.EARTH, 0.35), count=16, vanish=(vx, horizon - 20)
    )
    # hedges along the road narrowing into the distance
    c.poly(
        [(vx - 8, horizon + 2), (vx - 2, horizon + 2), (140, 720), (-10, 720), (-10, 690)],
        m.LEAF_DARK,
    )
    c.poly(
        [(vx + 2, horizon + 2), (vx + 8, horizon + 2), (1290, 680), (1290, 720), (1160, 720)],
        m.LEAF,
    )
    # the road and its dashed centre line
    c.poly([(vx - 4, horizon + 4), (vx + 4, horizon + 4), (1100, 720), (240, 720)], rgb("#8A8885"))
    c.poly([(vx - 2, horizon + 4), (vx + 2, horizon + 4), (680, 720), (660, 720)], rgb("#9A9895"))
    for i in range(12):
        t0 = (i / 12) ** 2
        t1 = ((i + 0.45) / 12) ** 2
        ya, yb = horizon + 4 + (720 - horizon) * t0, horizon + 4 + (720 - horizon) * t1
        xa, xb = vx + (670 - vx) * t0, vx + (670 - vx) * t1
        wa, wb = 1 + 8 * t0, 1 + 8 * t1
        c.poly(
            [(xa - wa / 2, ya), (xa + wa / 2, ya), (xb + wb / 2, yb), (xb - wb / 2, yb)],
            rgb("#EDEAE0"),
        )
    # telegraph poles getting smaller and closer together, and their wires
    tops: list[tuple[float, float]] = []
    for i in range(9):
        t = 0.92 ** (i * 3)
        px = vx + (1180 - vx) * t
        base = horizon + (700 - horizon) * t
        h = 360 * t
        c.box(px - max(1.0, 7 * t), base - h, max(2.0, 14 * t), h, rgb("#6E5A48"))
        c.box(px - 40 * t, base - h + 20 * t, 80 * t, max(2.0, 6 * t), rgb("#6E5A48"))
        tops.append((px, base - h + 22 * t))
    c.polyline(tops, rgb("#5A504A"), 1.2)
    c.polyline([(x - 30 * (1 - i / 9), y) for i, (x, y) in enumerate(tops)], rgb("#5A504A"), 1.2)


@painter("marsh_boat")
def marsh_boat(c: Canvas) -> None:
    """The stranded boat in the marsh: pale sky, still water, reeds, dead trees, a wire fence."""
    haze = rgb("#E6E4DA")
    m.sky(c, ((0.0, rgb("#B8C6CF")), (0.6, rgb("#DCDFDA")), (1.0, rgb("#EAE4D4"))), 400)
    m.sun(c, 980, 170, 30, rgb("#F6F0DE"), glow=rgb("#F8F1DA"))
    m.clouds(c, 3, 80, 200, colour=rgb("#F3F1EA"), alpha=150, size=(240, 380))
    c.ridge(390, 6, m.far(rgb("#8C9479"), haze, 0.6))
    c.vgradient(
        0, 392, DESIGN_W, 330, ((0.0, m.far(rgb("#9DA784"), haze, 0.4)), (1.0, rgb("#8A9368")))
    )
    # channels of still water reflecting the sky
    water = rgb("#C9D3D4")
    for y, x0, x1, h in (
        (420, 200, 1100, 10),
        (452, -20, 700, 16),
        (500, 520, 1300, 24),
        (590, -20, 560, 40),
    ):
        c.oval((x0 + x1) / 2, y, (x1 - x0) / 2, h, water)
        c.line(
            (x0 + 80, y - h * 0.2), (x1 - 120, y - h * 0.2), mix(water, rgb("#FFFFFF"), 0.4), 1.4
        )
    # dead trees standing in the water, grey and bare
    for x, base, h in (
        (240, 440, 160),
        (330, 444, 120),
        (1090, 430, 180),
        (1180, 436, 140),
        (880, 420, 90),
    ):
        m.tree(c, x, base, h, kind="bare", trunk=m.far(rgb("#8C857A"), haze, 0.3))
    m.grass_tufts(c, 70, 430, 560, mix(rgb("#8A9368"), m.REED, 0.4), height=10)
    # the boat, run aground and leaning, with its reflection in a pool
    boat(c, 720, 488, 1.35, -0.1, haze, 0.05)
    refl = c.layer()
    refl.oval(720, 505, 230, 14, (70, 80, 84, 255))
    c.blit(refl, 40)
    m.mist(c, 380, 90, haze, 90)
    m.reeds(c, 300, 440, 560, m.REED, m.REED_DARK, height=46, gaps=((540, 930),))
    m.reeds(c, 260, 560, 730, m.REED, m.REED_DARK, height=80)
    # the wire fence they had to get through, in the foreground
    m.fence(
        c,
        720,
        [-40, 170, 380],
        260,
        rgb("#6E5F50"),
        wire=rgb("#54504C"),
        wires=4,
        slope=0.35,
        barbs=True,
    )


@painter("madames_house")
def madames_house(c: Canvas) -> None:
    """Madame's house at the end of a terrace in a seaside town, at dusk, one window lit."""
    m.sky(c, m.SKY_DUSK, 620)
    m.stars(c, 10, 120)
    m.birds(c, 300, 160, 3, rgb("#4C4A63"), spread=60)
    terrace = rgb("#B3A4A0")
    # the terrace: a run of tall narrow houses, Madame's at the end on the right
    for i, x in enumerate(range(-40, 760, 200)):
        colour = mix(terrace, rgb("#4E5D86"), 0.25 + 0.05 * (i % 2))
        c.box(x, 200, 200, 420, colour)
        c.box(x + 16, 170, 30, 40, mix(colour, rgb("#000000"), 0.2))
        m.windows(
            c,
            x + 40,
            240,
            2,
            2,
            44,
            70,
            40,
            50,
            rgb("#55607A"),
            frame=mix(colour, rgb("#FFFFFF"), 0.3),
            lit=[(1, 0)] if i == 1 else [],
        )
        c.box(x + 70, 500, 56, 120, mix(colour, rgb("#000000"), 0.35))
    c.poly([(-60, 204), (-40, 150), (760, 150), (780, 204)], rgb("#4D4C5E"))
    # Madame's house: bigger, a bay window glowing, a front door, a little garden and gate
    hx = 780
    wall = rgb("#D9CDBF")
    c.box(hx, 170, 440, 450, wall)
    c.poly([(hx - 16, 174), (hx + 30, 110), (hx + 410, 110), (hx + 456, 174)], rgb("#555467"))
    c.box(hx + 330, 80, 40, 60, rgb("#A08A80"))
    m.windows(
        c, hx + 50, 210, 3, 1, 70, 90, 50, 0, rgb("#5A6482"), frame=rgb("#F2EEE6"), lit=[(2, 0)]
    )
    # bay window downstairs, lit warm
    c.poly(
        [
            (hx + 30, 400),
            (hx + 60, 380),
            (hx + 230, 380),
            (hx + 260, 400),
            (hx + 260, 540),
            (hx + 30, 540),
        ],
        rgb("#F2EEE6"),
    )
    c.box(hx + 46, 404, 198, 124, rgb("#F3CF8C"))
    c.line((hx + 110, 404), (hx + 110, 528), rgb("#F2EEE6"), 5)
    c.line((hx + 180, 404), (hx + 180, 528), rgb("#F2EEE6"), 5)
    c.box(hx + 46, 404, 198, 24, rgb("#E1B276"))
    # front door with a fanlight and a number
    c.box(hx + 300, 400, 100, 220, rgb("#F2EEE6"))
    c.box(hx + 312, 430, 76, 190, rgb("#3F5B6A"))
    c.oval(hx + 350, 418, 38, 14, rgb("#F3CF8C"), start=math.pi, end=math.tau)
    c.circle(hx + 372, 530, 4, rgb("#D9B66A"))
    c.box(hx + 340, 460, 20, 14, rgb("#D9B66A"))
    # warm light spilling from the bay window
    c.glow(hx + 145, 470, 300, rgb("#FFD28C"), 70)
    # pavement, a low wall and hedge, the gate, a lamp post
    c.box(0, 620, DESIGN_W, 100, rgb("#8F8A93"))
    c.box(0, 616, DESIGN_W, 8, rgb("#A6A1A8"))
    m.hedge(c, -10, hx + 270, 612, 40, rgb("#4F6453"))
    c.box(hx, 590, 290, 30, rgb("#A08A80"))
    c.box(hx + 276, 560, 16, 60, rgb("#A08A80"))
    c.box(hx + 410, 560, 16, 60, rgb("#A08A80"))
    c.box(hx + 426, 590, 40, 30, rgb("#A08A80"))
    m.fence(c, 614, [hx + 300, hx + 350, hx + 400], 50, rgb("#33363F"), rails=True, wires=2)
    post = rgb("#2F3440")
    c.box(600, 330, 10, 300, post)
    c.box(588, 318, 34, 16, post, radius=4)
    c.poly([(590, 318), (620, 318), (614, 290), (596, 290)], rgb("#FBE3A8"))
    c.box(592, 284, 26, 8, post, radius=3)
    c.glow(605, 306, 150, rgb("#FCD992"), 110)


@painter("dark_field")
def dark_field(c: Canvas) -> None:
    """A field at night, lit by the car's headlights: mud and grass in two pale cones."""
    m.sky(c, m.SKY_NIGHT, 420)
    m.stars(c, 70, 360)
    c.circle(1040, 120, 26, rgb("#D9D6C4"))
    c.circle(1052, 112, 24, rgb("#121A31"))  # a thin moon
    edge = c.ridge(400, 10, rgb("#1B2234"))
    for x in (140, 260, 900, 1000):
        m.tree(c, x, height_at(edge, x) + 10, 130, rgb("#161C2B"), rgb("#161C2B"), highlight=False)
    c.vgradient(0, 400, DESIGN_W, 322, ((0.0, rgb("#1E2430")), (1.0, rgb("#262A30"))))
    # headlight beams from the car at the left edge: soft-edged, fading with distance
    ox, oy = 150.0, 630.0

    def beam(x: float, y: float) -> float:
        dx, dy = x - ox, y - oy
        if dx <= 0:
            return 0.0
        angle = math.atan2(dy, dx)  # 0 is straight ahead, the beam dips a little
        off = abs(angle - 0.02)
        edge = max(0.0, 1 - max(0.0, off - 0.06) / 0.1)
        dist = math.hypot(dx, dy)
        fade = float(max(0.0, 1 - dist / 1400) ** 0.8)
        return 200 * edge * fade

    c.light_map(beam, rgb("#EDE4C6"))
    lit_mud = rgb("#8A7E68")
    for _ in range(30):  # clods of earth and tufts picked out by the light
        cx = c.rng.uniform(360, 1260)
        span = (cx - 150) / 1150
        y = c.rng.uniform(626 - span * 90, 640 + span * 60)
        c.oval(
            cx,
            y,
            10 + span * 10,
            3 + span * 2,
            mix(lit_mud, rgb("#262A30"), c.rng.uniform(0.0, 0.5)),
        )
    for i, x in enumerate((480, 720, 960, 1200)):  # fence posts caught in the beams
        h = 130 - i * 18
        c.box(x, 660 - i * 14 - h, 10 - i, h, mix(rgb("#C9BA98"), rgb("#262A30"), i * 0.15))
    # the car: only its dark shape and two lamps show
    car(c, -60, 700, 1.15, rgb("#1A1D26"), rgb("#2B3142"))
    c.glow(148, 632, 60, rgb("#FFF0C8"), 200)
    c.circle(146, 632, 8, rgb("#FFF8E4"))


@painter("fence_field")
def fence_field(c: Canvas) -> None:
    """The flat fields of Norfolk, and a fence with rubbish caught along its wire."""
    haze = rgb("#E7E5DC")
    m.sky(c, ((0.0, rgb("#AAB9C4")), (0.65, rgb("#D8DCD8")), (1.0, rgb("#E9E5D8"))), 420)
    m.clouds(c, 4, 80, 240, colour=rgb("#F2F1EC"), alpha=170, size=(220, 360))
    m.birds(c, 420, 180, 3, rgb("#6B7480"), spread=70)
    horizon = 410
    c.box(0, horizon, DESIGN_W, 320, rgb("#A59070"))
    c.ridge(horizon + 2, 3, m.far(rgb("#8E8D6A"), haze, 0.55), waves=2)
    c.vgradient(
        0,
        horizon + 8,
        DESIGN_W,
        320,
        ((0.0, m.far(rgb("#9C8567"), haze, 0.4)), (1.0, rgb("#8E7556"))),
    )
    m.furrows(c, horizon + 8, 720, rgb("#7E6A4F"), count=22, vanish=(560, horizon - 4), width=2.2)
    m.mist(c, horizon - 40, 90, haze, 130)
    # the only two trees, far off
    m.tree(
        c,
        860,
        horizon + 8,
        110,
        m.far(rgb("#7F8465"), haze, 0.4),
        m.far(m.TRUNK, haze, 0.4),
        kind="bare",
    )
    m.tree(
        c,
        940,
        horizon + 8,
        90,
        m.far(rgb("#7F8465"), haze, 0.4),
        m.far(m.TRUNK, haze, 0.4),
        kind="bare",
    )
    # the fence: two lines of barbed wire between posts, across the whole picture
    posts = [-30, 250, 530, 810, 1090, 1370]
    foot = 640
    m.fence(c, foot, posts, 230, rgb("#6A5A4A"), wire=rgb("#4E4A46"), wires=2, barbs=True)
    wire_ys = [foot - 230 * (0.22 + 0.62 * i) for i in range(2)]
    # rubbish caught on the wire, like things washed up on a shore
    rng = c.rng
    scraps = (
        rgb("#EFEDE6"),
        rgb("#D8E0E6"),
        rgb("#9DB6C8"),
        rgb("#E4CFA8"),
        rgb("#C98B7E"),
        rgb("#F4F1E8"),
    )
    xs = sorted(rng.uniform(0, 1280) for _ in range(20))
    for i, x in enumerate(xs):
        y = wire_ys[i % 2]
        col = rng.choice(scraps)
        edge = mix(col, rgb("#5A5048"), 0.25)
        kind = rng.random()
        if kind < 0.55:
            # a plastic bag snagged by a handle, bellied out by the wind
            w, h = rng.uniform(28, 44), rng.uniform(30, 46)
            c.polyline([(x, y), (x + 4, y + 8)], edge, 1.6)
            c.polyline([(x + 10, y), (x + 8, y + 8)], edge, 1.6)
            c.poly(
                [
                    (x - 2, y + 6),
                    (x + 14, y + 6),
                    (x + w * 0.9, y + h * 0.35),
                    (x + w, y + h * 0.75),
                    (x + w * 0.55, y + h),
                    (x + 2, y + h * 0.8),
                    (x - 6, y + h * 0.4),
                ],
                col,
            )
            c.line((x + 6, y + 12), (x + w * 0.55, y + h * 0.8), edge, 1.2)
        elif kind < 0.85:
            # a strip of cloth or tape streaming out with the wind
            length = rng.uniform(40, 70)
            pts = [
                (x + t * length, y + 4 + math.sin(t * 5 + x) * 6 + t * 8)
                for t in (0.0, 0.33, 0.66, 1.0)
            ]
            c.polyline(pts, col, 6)
        else:
            # a sheet of paper, folded over the wire
            c.poly([(x - 12, y - 2), (x + 14, y - 4), (x + 16, y + 18), (x - 10, y + 22)], col)
            c.line((x - 12, y - 2), (x + 14, y - 4), edge, 1.2)
    # a little caught on the ground by the posts, and grass along the fence line
    m.grass_tufts(c, 60, foot - 20, 720, rgb("#7C7A52"), height=22)
    for px in posts[1:-1]:
        c.oval(px + 22, foot - 4, 16, 6, rng.choice(scraps))


# --- the title screen and the neutral fallback ---------------------------------------------


def paint_title_scene(c: Canvas) -> None:
    """Evening over soft hills, Hailsham small on its rise, birds going home; the sky is
    left open for the title."""
    haze = rgb("#F2C9A0")
    m.sky(c, m.SKY_DUSK, 520)
    m.sun(c, 880, 450, 46, rgb("#FCE6BC"), glow=rgb("#FDD9A4"))
    m.clouds(c, 3, 370, 420, colour=rgb("#F1C6AE"), alpha=130, size=(150, 230))
    m.birds(c, 980, 260, 6, rgb("#5C4F6A"), spread=110, size=10)
    bands = [
        m.Band(470, 24, mix(rgb("#9A8CA6"), haze, 0.35)),
        m.Band(520, 28, rgb("#7F7F98")),
        m.Band(575, 22, rgb("#5F6C79")),
    ]
    edges = m.landscape(c, bands)
    country_house(c, 330, height_at(edges[1], 330) + 6, 0.32, rgb("#7F7F98"), 0.7)
    for x in (180, 230, 470):
        m.tree(
            c, x, height_at(edges[1], x) + 8, 70, rgb("#6E6F8A"), rgb("#6E6F8A"), highlight=False
        )
    m.mist(c, 480, 110, rgb("#F4D2B0"), 80)
    front = c.ridge(640, 20, rgb("#465464"))
    m.fence(
        c,
        height_at(front, 900) + 6,
        [700, 800, 900, 1000, 1100, 1200, 1300],
        70,
        rgb("#3A4553"),
        wire=rgb("#3A4553"),
        wires=2,
        slope=0.04,
    )
    m.tree(c, 150, height_at(front, 150) + 10, 300, rgb("#3C4A59"), rgb("#3C4A59"), highlight=False)


@painter("_neutral")
def neutral(c: Canvas) -> None:
    """For a background id that has no painter yet: gentle hills, quiet and placeless."""
    haze = rgb("#EEE9DC")
    m.sky(c, m.SKY_PALE, 480)
    m.clouds(c, 3, 90, 220)
    m.landscape(
        c,
        [
            m.Band(420, 26, m.far(m.GRASS_DARK, haze, 0.6)),
            m.Band(500, 30, m.far(m.GRASS, haze, 0.35)),
            m.Band(600, 26, m.GRASS),
        ],
    )
