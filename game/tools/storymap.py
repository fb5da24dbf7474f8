"""`memories map [--part P] [--out FILE.svg|.png|.dot]`: the story map, readable at a glance.

One column per part, its scenes top to bottom in the order a player meets them.  Arrows:
solid for `next`, dashed for a `goto`, dotted for a choice that jumps.  Each checkpoint is a
dot in its theme's colour (story.yaml gives each theme a colour); a part's first scene is
marked START and a scene that ends the part END.  Scenes no path reaches are shaded red, and
scenes from which the story can never reach the end of a part (dead ends, loops with no way
out) are outlined in red.  A legend explains it all.

SVG and DOT are written as text (no Graphviz needed; `dot -Tpng` can render the DOT file);
PNG draws the same layout with pygame on an off-screen surface.  The layout is computed once
(`layout`) and each format only draws it.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TextIO

from .. import paths
from ..story import model as m
from ..story import schema as s
from ..story.checks import reachable_ops, scene_order
from ..story.loader import load_story

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2

# Geometry, in pixels of the SVG / PNG.
MARGIN = 36
COLUMN_WIDTH = 290
COLUMN_GAP = 96
GUTTER = COLUMN_GAP // 2
"""Room beside the outer columns for the curves of jumps."""
HEADER = 78
BOX_GAP = 30
DOT = 5
DOTS_PER_ROW = 16
TITLE_SIZE = 14
SMALL_SIZE = 11

INK = "#222222"
MUTED = "#6b6b6b"
PAPER = "#ffffff"
BOX_FILL = "#f7f5f0"
UNREACHED_FILL = "#fde0dc"
ALERT = "#c0392b"
EDGE_COLOURS = {"next": "#444444", "goto": "#1f5fa8", "choice": "#8a4fb0"}
EDGE_DASH = {"next": "", "goto": "7,5", "choice": "2,4"}
EDGE_WORDS = {
    "next": "next: when the scene's beats run out",
    "goto": "goto: a jump",
    "choice": "a choice's option that jumps",
}


@dataclass
class Box:
    scene: str
    title: str
    part: str
    path: str
    checkpoints: list[tuple[str, str]]
    """(checkpoint id, theme colour) in play order."""
    choices: int
    start: bool
    ends_part: bool
    unreached: bool
    no_way_out: bool
    ghost: bool = False
    x: float = 0.0
    y: float = 0.0
    w: float = COLUMN_WIDTH
    h: float = 0.0
    column: int = 0
    row: int = 0


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    points: list[tuple[float, float]] = field(default_factory=list)
    """Start, two control points and end of a cubic curve (or two points for a line)."""


@dataclass
class Layout:
    title: str
    width: float
    height: float
    columns: list[tuple[str, str, float]]
    """(part title, first scene, x) for each column."""
    boxes: dict[str, Box]
    edges: list[Edge]
    themes: list[tuple[str, str]]
    """(theme name, colour) for the legend."""
    legend_y: float
    counts: dict[str, int]


# ---------------------------------------------------------------------- facts


def _choice_gotos(scene: m.Scene) -> set[int]:
    """Indexes of GotoScene ops that belong to a choice's option (the option's jump)."""
    found: set[int] = set()
    for pc, op in enumerate(scene.ops):
        if not isinstance(op, m.Offer):
            continue
        starts = sorted({option.target for option in op.options})
        ends = [
            target.target
            for start in starts[1:]
            if isinstance(target := scene.ops[start - 1], m.Jump) and start - 1 > pc
        ]
        end = max(ends) if ends else len(scene.ops)
        for index, start in enumerate(starts):
            stop = starts[index + 1] if index + 1 < len(starts) else end
            for at in range(start, min(stop, len(scene.ops))):
                if isinstance(scene.ops[at], m.GotoScene):
                    found.add(at)
                    if not ends and index + 1 == len(starts):
                        break
    return found


def scene_edges(scene: m.Scene) -> list[tuple[str, str]]:
    """(target scene, kind) for every way out of `scene`, without repeats."""
    choice = _choice_gotos(scene)
    last = len(scene.ops) - 1
    found: dict[tuple[str, str], None] = {}
    for pc, op in enumerate(scene.ops):
        if not isinstance(op, m.GotoScene):
            continue
        if pc == last and scene.next == op.scene:
            kind = "next"
        elif pc in choice:
            kind = "choice"
        else:
            kind = "goto"
        found[(op.scene, kind)] = None
    return list(found)


def no_way_out(story: m.Story) -> set[str]:
    """Scenes from which no path of scenes reaches the end of a part (dead ends, traps)."""
    ends: set[str] = set()
    links: dict[str, set[str]] = {}
    for sid, scene in story.scenes.items():
        reached = reachable_ops(scene, [0, *scene.labels.values()])
        if any(isinstance(scene.ops[pc], m.EndOfPart) for pc in reached):
            ends.add(sid)
        links[sid] = {target for target, _kind in scene_edges(scene) if target in story.scenes}
    free = set(ends)
    changed = True
    while changed:
        changed = False
        for sid, targets in links.items():
            if sid not in free and targets & free:
                free.add(sid)
                changed = True
    return set(story.scenes) - free


# ---------------------------------------------------------------------- layout


def _box_height(box: Box) -> float:
    rows = max(1, math.ceil(len(box.checkpoints) / DOTS_PER_ROW)) if box.checkpoints else 0
    return 46 + rows * (2 * DOT + 5) + (4 if rows else 0)


def layout(story: m.Story, part: str | None = None) -> Layout:
    """Place every scene and route every arrow; the renderers only draw this."""
    roots = [p.first_scene for p in story.parts]
    reached = set(scene_order(dict(story.scenes), roots))
    trapped = no_way_out(story)
    parts = [p for p in story.parts if part is None or p.id == part]
    boxes: dict[str, Box] = {}
    columns: list[tuple[str, str, float]] = []
    for column, p in enumerate(parts):
        x = MARGIN + GUTTER + column * (COLUMN_WIDTH + COLUMN_GAP)
        columns.append((p.title, p.first_scene, x))
        y = MARGIN + HEADER
        for row, sid in enumerate(p.scenes):
            scene = story.scenes[sid]
            checkpoints = []
            for checkpoint in scene.checkpoints:
                theme = story.themes.get(checkpoint.theme)
                checkpoints.append((checkpoint.id, theme.colour if theme else "#555555"))
            box = Box(
                scene=sid,
                title=scene.title,
                part=p.id,
                path=scene.path,
                checkpoints=checkpoints,
                choices=sum(isinstance(op, m.Offer) for op in scene.ops),
                start=sid == p.first_scene,
                ends_part=any(isinstance(op, m.EndOfPart) for op in scene.ops),
                unreached=sid not in reached,
                no_way_out=sid in trapped,
                x=x,
                y=y,
                column=column,
                row=row,
            )
            box.h = _box_height(box)
            y += box.h + BOX_GAP
            boxes[sid] = box
    edges: list[Edge] = []
    ghosts: list[str] = []
    for sid in list(boxes):
        for target, kind in scene_edges(story.scenes[sid]):
            if target not in story.scenes:
                continue
            if target not in boxes and target not in ghosts:
                ghosts.append(target)
            edges.append(Edge(sid, target, kind))
    if ghosts:  # scenes of other parts that this part jumps to: a column of small boxes
        x = MARGIN + GUTTER + len(parts) * (COLUMN_WIDTH + COLUMN_GAP)
        columns.append(("Other parts", "", x))
        y = MARGIN + HEADER
        for row, sid in enumerate(ghosts):
            scene = story.scenes[sid]
            box = Box(sid, scene.title, scene.part, scene.path, [], 0, False, False, False, False)
            box.ghost, box.x, box.y, box.h = True, x, y, 46.0
            box.column, box.row = len(parts), row
            boxes[sid] = box
            y += box.h + BOX_GAP
    for edge in edges:
        edge.points = _route(boxes[edge.source], boxes[edge.target], edge.kind)
    _spread_ports(edges, boxes)
    bottom = max((b.y + b.h for b in boxes.values()), default=MARGIN + HEADER)
    width = 2 * (MARGIN + GUTTER) + len(columns) * COLUMN_WIDTH
    width += max(len(columns) - 1, 0) * COLUMN_GAP
    used = {c.theme for b in boxes.values() for c in _checkpoints(story, b.scene)}
    themes = [(t.name, t.colour) for t in story.themes.values() if t.id in used]
    legend_y = bottom + 40
    width = max(width, 520)
    rows = legend_placement([("", "", "")] * (7 + len(themes)), width, legend_y)
    height = max(y for _x, y, _item in rows) + MARGIN
    counts = {
        "scenes": sum(not b.ghost for b in boxes.values()),
        "checkpoints": sum(len(b.checkpoints) for b in boxes.values()),
        "unreached": sum(b.unreached for b in boxes.values() if not b.ghost),
        "no_way_out": sum(b.no_way_out for b in boxes.values() if not b.ghost),
    }
    title = story.title if part is None else f"{story.title}, {parts[0].title}"
    return Layout(title, width, height, columns, boxes, edges, themes, legend_y, counts)


def _checkpoints(story: m.Story, scene_id: str) -> Iterable[s.Checkpoint]:
    scene = story.scenes.get(scene_id)
    return scene.checkpoints if scene else ()


def _route(a: Box, b: Box, kind: str) -> list[tuple[float, float]]:
    """A straight drop to the box just below; otherwise a curve beside the column."""
    if a.column == b.column:
        if b.row == a.row + 1:
            return [(a.x + a.w / 2, a.y + a.h), (b.x + b.w / 2, b.y)]
        down = b.row > a.row
        side = a.x + a.w if down else a.x  # forward jumps on the right, backward on the left
        reach = min(14 + 8 * abs(b.row - a.row), GUTTER - 6)
        bulge = reach if down else -reach
        start = (side, a.y + a.h * 0.62)
        end = (side, b.y + b.h * 0.38)
        return [start, (side + bulge, start[1]), (side + bulge, end[1]), end]
    if b.column > a.column:
        start = (a.x + a.w, a.y + a.h / 2)
        end = (b.x, b.y + b.h / 2)
    else:
        start = (a.x, a.y + a.h / 2)
        end = (b.x + b.w, b.y + b.h / 2)
    pull = (end[0] - start[0]) * 0.45
    return [start, (start[0] + pull, start[1]), (end[0] - pull, end[1]), end]


def _spread_ports(edges: list[Edge], boxes: dict[str, Box]) -> None:
    """Curves leaving or entering the same side of a box start at different heights."""
    groups: dict[tuple[str, float], list[tuple[Edge, int]]] = {}
    for edge in edges:
        if len(edge.points) != 4:
            continue
        groups.setdefault((edge.source, edge.points[0][0]), []).append((edge, 0))
        groups.setdefault((edge.target, edge.points[3][0]), []).append((edge, 3))
    for (sid, _x), members in groups.items():
        if len(members) < 2:
            continue
        box = boxes[sid]
        for number, (edge, at) in enumerate(members):
            y = box.y + box.h * (number + 1) / (len(members) + 1)
            x, _old = edge.points[at]
            edge.points[at] = (x, y)
            near = 1 if at == 0 else 2
            cx, _cy = edge.points[near]
            edge.points[near] = (cx, y)


def bezier(points: list[tuple[float, float]], steps: int = 28) -> list[tuple[float, float]]:
    """Points along the curve (or the line), for renderers without curves."""
    if len(points) == 2:
        return points
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (
                u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
            )
        )
    return out


def arrow_points(points: list[tuple[float, float]], size: float = 9.0) -> list[tuple[float, float]]:
    """The triangle of an arrowhead at the end of a line or curve (tip first)."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    return [
        (x1, y1),
        (x1 - size * math.cos(angle - 0.4), y1 - size * math.sin(angle - 0.4)),
        (x1 - size * math.cos(angle + 0.4), y1 - size * math.sin(angle + 0.4)),
    ]


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def legend_items(lay: Layout) -> list[tuple[str, str, str]]:
    """(kind, colour or style, words) rows of the legend, shared by SVG and PNG."""
    rows = [("edge", kind, EDGE_WORDS[kind]) for kind in ("next", "goto", "choice")]
    rows += [
        ("badge", "START", "a part's first scene"),
        ("badge", "END", "a scene that ends the part"),
        ("unreached", UNREACHED_FILL, "no path from any part's start reaches it"),
        ("trapped", ALERT, "from here no path reaches the end of a part"),
    ]
    rows += [("dot", colour, f"checkpoint: {name}") for name, colour in lay.themes]
    return rows


def _legend_positions(lay: Layout) -> list[tuple[float, float, tuple[str, str, str]]]:
    """Where each legend row goes: two columns on a wide map, one on a narrow one."""
    return legend_placement(legend_items(lay), lay.width, lay.legend_y)


def legend_placement(
    items: list[tuple[str, str, str]], width: float, top: float
) -> list[tuple[float, float, tuple[str, str, str]]]:
    fixed, dots = items[:7], items[7:]
    if width < 1000:  # one column
        return [(MARGIN, top + 34 + row * 22, item) for row, item in enumerate(items)]
    column_width = (width - 2 * MARGIN) / 2
    placed = []
    for index, item in enumerate(fixed):
        col, row = divmod(index, 4)
        placed.append((MARGIN + col * column_width, top + 34 + row * 22, item))
    for index, item in enumerate(dots):
        row, col = divmod(index, 2)
        placed.append((MARGIN + col * column_width, top + 34 + (4 + row) * 22, item))
    return placed


# ---------------------------------------------------------------------- SVG


def to_svg(lay: Layout) -> str:
    """The map as a standalone SVG document."""
    out: list[str] = []
    add = out.append
    add(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lay.width:.0f}" '
        f'height="{lay.height:.0f}" viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" '
        'font-family="Atkinson Hyperlegible, Verdana, Arial, sans-serif">'
    )
    add(f"<title>{escape(lay.title)}: story map</title>")
    add(f'<rect width="100%" height="100%" fill="{PAPER}"/>')
    add(
        f'<text x="{MARGIN}" y="{MARGIN - 8}" font-size="20" font-weight="bold" fill="{INK}">'
        f"{escape(lay.title)}: story map</text>"
    )
    for number, (title, first, x) in enumerate(lay.columns, start=1):
        label = f"Part {number}: {title}" if first else title
        add(
            f'<text x="{x:.0f}" y="{MARGIN + 34}" font-size="17" font-weight="bold" '
            f'fill="{INK}">{escape(label)}</text>'
        )
        if first:
            add(
                f'<text x="{x:.0f}" y="{MARGIN + 54}" font-size="{SMALL_SIZE + 1}" '
                f'fill="{MUTED}">starts at {escape(first)}</text>'
            )
    for edge in lay.edges:
        add(_svg_edge(edge))
    for box in lay.boxes.values():
        add(_svg_box(box))
    add(_svg_legend(lay))
    add("</svg>")
    return "\n".join(out) + "\n"


def _svg_path(points: list[tuple[float, float]]) -> str:
    if len(points) == 2:
        (x0, y0), (x1, y1) = points
        return f"M{x0:.1f},{y0:.1f} L{x1:.1f},{y1:.1f}"
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    return f"M{x0:.1f},{y0:.1f} C{x1:.1f},{y1:.1f} {x2:.1f},{y2:.1f} {x3:.1f},{y3:.1f}"


def _svg_arrow(points: list[tuple[float, float]], kind: str) -> str:
    """A line or curve with its arrowhead drawn as a triangle (viewers without markers too)."""
    dash = f' stroke-dasharray="{EDGE_DASH[kind]}"' if EDGE_DASH[kind] else ""
    colour = EDGE_COLOURS[kind]
    head = " ".join(f"{x:.1f},{y:.1f}" for x, y in arrow_points(bezier(points)))
    return (
        f'<path d="{_svg_path(points)}" fill="none" stroke="{colour}" stroke-width="1.8"{dash}/>'
        f'<polygon points="{head}" fill="{colour}"/>'
    )


def _svg_edge(edge: Edge) -> str:
    return (
        f"<g><title>{escape(edge.source)} → {escape(edge.target)} ({edge.kind})</title>"
        f"{_svg_arrow(edge.points, edge.kind)}</g>"
    )


def _svg_box(box: Box) -> str:
    fill = UNREACHED_FILL if box.unreached else ("#eeeeee" if box.ghost else BOX_FILL)
    stroke = ALERT if (box.no_way_out or box.unreached) else ("#999999" if box.ghost else INK)
    width = 3 if box.no_way_out else 1.4
    dash = ' stroke-dasharray="5,3"' if box.unreached or box.ghost else ""
    parts = [
        f"<g><title>{escape(box.scene)}: {escape(box.path)}</title>",
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.w:.0f}" height="{box.h:.0f}" '
        f'rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>',
        f'<text x="{box.x + 10:.0f}" y="{box.y + 19:.0f}" font-size="{TITLE_SIZE}" '
        f'font-weight="bold" fill="{INK}">{escape(_fit(box.title, 32))}</text>',
    ]
    detail = box.scene if box.ghost else _detail(box)
    parts.append(
        f'<text x="{box.x + 10:.0f}" y="{box.y + 36:.0f}" font-size="{SMALL_SIZE}" '
        f'fill="{MUTED}">{escape(_fit(detail, 48))}</text>'
    )
    for index, (checkpoint, colour) in enumerate(box.checkpoints):
        cx, cy = _dot_at(box, index)
        parts.append(
            f"<g><title>{escape(checkpoint)}</title>"
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{DOT}" fill="{colour}" stroke="{INK}" '
            'stroke-width="0.6"/></g>'
        )
    for text, colour, right in _badges(box):
        parts.append(_svg_badge(box, text, colour, right))
    parts.append("</g>")
    return "".join(parts)


def _detail(box: Box) -> str:
    words = [box.scene]
    if box.choices:
        words.append(f"{box.choices} choice{'s' if box.choices != 1 else ''}")
    if box.checkpoints:
        count = len(box.checkpoints)
        words.append(f"{count} checkpoint{'s' if count != 1 else ''}")
    return " · ".join(words)


def _dot_at(box: Box, index: int) -> tuple[float, float]:
    row, col = divmod(index, DOTS_PER_ROW)
    return box.x + 10 + DOT + col * (2 * DOT + 5), box.y + 46 + DOT + row * (2 * DOT + 5)


def _badges(box: Box) -> list[tuple[str, str, float]]:
    """(text, colour, right edge x) of the small labels at the box's top right."""
    found: list[tuple[str, str]] = []
    if box.start:
        found.append(("START", "#2e7d32"))
    if box.ends_part:
        found.append(("END", INK))
    if box.unreached:
        found.append(("UNREACHED", ALERT))
    if box.no_way_out:
        found.append(("NO WAY OUT", ALERT))
    right = box.x + box.w - 6
    placed = []
    for text, colour in found:
        placed.append((text, colour, right))
        right -= _badge_width(text) + 4
    return placed


def _badge_width(text: str) -> float:
    return 7.2 * len(text) + 10


def _svg_badge(box: Box, text: str, colour: str, right: float) -> str:
    width = _badge_width(text)
    x = right - width
    y = box.y + box.h - 20 if box.checkpoints else box.y + 28
    if not box.checkpoints:
        y = box.y + box.h - 20
    return (
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="15" rx="3" fill="{colour}"/>'
        f'<text x="{x + width / 2:.0f}" y="{y + 11.5:.0f}" font-size="10" font-weight="bold" '
        f'fill="{PAPER}" text-anchor="middle">{escape(text)}</text>'
    )


def _svg_legend(lay: Layout) -> str:
    parts = [
        f'<line x1="{MARGIN}" y1="{lay.legend_y:.0f}" x2="{lay.width - MARGIN:.0f}" '
        f'y2="{lay.legend_y:.0f}" stroke="#cccccc"/>',
        f'<text x="{MARGIN}" y="{lay.legend_y + 22:.0f}" font-size="15" font-weight="bold" '
        f'fill="{INK}">Legend</text>',
    ]
    for x, y, (kind, style, words) in _legend_positions(lay):
        if kind == "edge":
            parts.append(_svg_arrow([(x, y - 4), (x + 40, y - 4)], style))
        elif kind == "badge":
            colour = "#2e7d32" if style == "START" else INK
            width = _badge_width(style)
            parts.append(
                f'<rect x="{x:.0f}" y="{y - 12:.0f}" width="{width:.0f}" height="15" rx="3" '
                f'fill="{colour}"/><text x="{x + width / 2:.0f}" y="{y - 0.5:.0f}" '
                f'font-size="10" font-weight="bold" fill="{PAPER}" text-anchor="middle">'
                f"{style}</text>"
            )
        elif kind in ("unreached", "trapped"):
            fill = UNREACHED_FILL if kind == "unreached" else BOX_FILL
            stroke_width = 1.4 if kind == "unreached" else 3
            dash = ' stroke-dasharray="5,3"' if kind == "unreached" else ""
            parts.append(
                f'<rect x="{x:.0f}" y="{y - 13:.0f}" width="40" height="16" rx="4" '
                f'fill="{fill}" stroke="{ALERT}" stroke-width="{stroke_width}"{dash}/>'
            )
        else:
            parts.append(
                f'<circle cx="{x + 20:.0f}" cy="{y - 4:.0f}" r="{DOT + 1}" fill="{style}" '
                f'stroke="{INK}" stroke-width="0.6"/>'
            )
        parts.append(
            f'<text x="{x + 52:.0f}" y="{y:.0f}" font-size="{SMALL_SIZE + 2}" fill="{INK}">'
            f"{escape(words)}</text>"
        )
    return "".join(parts)


# ---------------------------------------------------------------------- DOT


def _html(text: str) -> str:
    """Text for a Graphviz HTML-like label (no &#x27; entities, which some versions reject)."""
    return escape(text, quote=False)


def to_dot(story: m.Story, lay: Layout) -> str:
    """The map as Graphviz DOT text (render with e.g. `dot -Tsvg map.dot`)."""

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "digraph story {",
        f"  label={quote(lay.title + ': story map')}; labelloc=t; fontsize=20;",
        "  rankdir=TB; newrank=true; nodesep=0.4; ranksep=0.45;",
        '  node [shape=box, style="rounded,filled", fillcolor="#f7f5f0", fontname="Helvetica",'
        " fontsize=11];",
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    by_column: dict[int, list[Box]] = {}
    for box in lay.boxes.values():
        by_column.setdefault(box.column, []).append(box)
    for column, (title, first, _x) in enumerate(lay.columns):
        name = f"cluster_{column}"
        label = f"Part {column + 1}: {title}" if first else title
        lines.append(f"  subgraph {name} {{")
        lines.append(f'    label={quote(label)}; style=rounded; color="#bbbbbb";')
        for box in sorted(by_column.get(column, []), key=lambda b: b.row):
            lines.append("    " + _dot_node(box, quote))
        lines.append("  }")
    for edge in lay.edges:
        style = {"next": "solid", "goto": "dashed", "choice": "dotted"}[edge.kind]
        lines.append(
            f"  {quote(edge.source)} -> {quote(edge.target)} "
            f'[style={style}, color="{EDGE_COLOURS[edge.kind]}", tooltip={quote(edge.kind)}];'
        )
    lines.append("  subgraph cluster_legend {")
    lines.append('    label="Legend"; style=rounded; color="#bbbbbb"; node [shape=plaintext];')
    legend = "".join(
        f'<tr><td><font color="{colour}">&#9679;</font></td><td align="left">'
        f"checkpoint: {_html(name)}</td></tr>"
        for name, colour in lay.themes
    )
    edges = "".join(
        f'<tr><td><font color="{EDGE_COLOURS[k]}">{_html({"next": "──", "goto": "- -", "choice": "···"}[k])}'
        f'</font></td><td align="left">{_html(EDGE_WORDS[k])}</td></tr>'
        for k in ("next", "goto", "choice")
    )
    marks = (
        '<tr><td bgcolor="#fde0dc">    </td><td align="left">no path reaches it</td></tr>'
        f'<tr><td><font color="{ALERT}">&#9632;</font></td><td align="left">red outline: no'
        " path from here reaches the end of a part</td></tr>"
    )
    lines.append(f'    legend [label=<<table border="0">{edges}{marks}{legend}</table>>];')
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_node(box: Box, quote: Callable[[str], str]) -> str:
    dots = "".join(f'<font color="{colour}">&#9679;</font>' for _id, colour in box.checkpoints)
    marks = " ".join(word for word, _c, _r in _badges(box))
    rows = [f"<b>{_html(box.title)}</b>", f'<font point-size="9">{_html(box.scene)}</font>']
    if dots:
        rows.append(dots)
    if marks:
        rows.append(
            f'<font point-size="8" color="{ALERT if box.unreached or box.no_way_out else INK}">{marks}</font>'
        )
    attributes = [f"label=<{'<br/>'.join(rows)}>", f"tooltip={quote(box.path)}"]
    if box.unreached:
        attributes += ['fillcolor="#fde0dc"', f'color="{ALERT}"', 'style="rounded,filled,dashed"']
    if box.no_way_out:
        attributes += [f'color="{ALERT}"', "penwidth=3"]
    if box.ghost:
        attributes += ['fillcolor="#eeeeee"', 'style="rounded,filled,dashed"']
    return f"{quote(box.scene)} [{', '.join(attributes)}];"


# ---------------------------------------------------------------------- PNG


def to_png(lay: Layout, target: Path, scale: float = 1.0) -> None:
    """Draw the layout with pygame on an off-screen surface and save it as PNG."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    fonts = paths.assets_dir() / "fonts" / "atkinson"

    def font(size: int, bold: bool = False) -> pygame.font.Font:
        name = "AtkinsonHyperlegible-Bold.ttf" if bold else "AtkinsonHyperlegible-Regular.ttf"
        file = fonts / name
        return pygame.font.Font(str(file) if file.is_file() else None, round(size * scale))

    def at(x: float, y: float) -> tuple[int, int]:
        return round(x * scale), round(y * scale)

    def colour(text: str) -> pygame.Color:
        return pygame.Color(text)

    surface = pygame.Surface(at(lay.width, lay.height))
    surface.fill(colour(PAPER))
    title_font, head_font = font(20, True), font(17, True)
    box_font, small_font, badge_font = font(TITLE_SIZE, True), font(SMALL_SIZE), font(10, True)
    legend_font = font(SMALL_SIZE + 2)

    def text(
        words: str,
        where: tuple[float, float],
        which: pygame.font.Font,
        ink: str,
        *,
        centre: bool = False,
        width: float | None = None,
    ) -> None:
        if width is not None:
            while words and which.size(words)[0] > width * scale:
                words = words[:-2] + "…" if len(words) > 2 else ""
        image = which.render(words, True, colour(ink))
        x, y = at(*where)
        if centre:
            x -= image.get_width() // 2
        surface.blit(image, (x, y - image.get_height() + round(3 * scale)))

    def line(points: list[tuple[float, float]], ink: str, dash: str, width: float) -> None:
        scaled = [at(x, y) for x, y in points]
        thick = max(1, round(width * scale))
        if not dash:
            if thick <= 1:
                pygame.draw.aalines(surface, colour(ink), False, scaled)
            else:
                pygame.draw.lines(surface, colour(ink), False, scaled, thick)
            return
        on, off = (float(v) * scale for v in dash.split(","))
        drawing, left = True, on
        for (x0, y0), (x1, y1) in itertools.pairwise(scaled):
            length = math.hypot(x1 - x0, y1 - y0)
            done = 0.0
            while done < length:
                step = min(left, length - done)
                if drawing:
                    a = (x0 + (x1 - x0) * done / length, y0 + (y1 - y0) * done / length)
                    b = (
                        x0 + (x1 - x0) * (done + step) / length,
                        y0 + (y1 - y0) * (done + step) / length,
                    )
                    pygame.draw.line(surface, colour(ink), a, b, thick)
                done += step
                left -= step
                if left <= 0:
                    drawing = not drawing
                    left = on if drawing else off

    def arrowhead(points: list[tuple[float, float]], ink: str) -> None:
        pygame.draw.polygon(surface, colour(ink), [at(x, y) for x, y in arrow_points(points)])

    def rect(
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        edge: str,
        width: float,
        dashed: bool = False,
        radius: int = 8,
    ) -> None:
        area = pygame.Rect(*at(x, y), round(w * scale), round(h * scale))
        pygame.draw.rect(surface, colour(fill), area, border_radius=round(radius * scale))
        if dashed:
            corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
            line(corners, edge, "5,3", width)
        else:
            pygame.draw.rect(
                surface,
                colour(edge),
                area,
                max(1, round(width * scale)),
                border_radius=round(radius * scale),
            )

    text(f"{lay.title}: story map", (MARGIN, MARGIN - 8), title_font, INK)
    for number, (title, first, x) in enumerate(lay.columns, start=1):
        label = f"Part {number}: {title}" if first else title
        text(label, (x, MARGIN + 34), head_font, INK)
        if first:
            text(f"starts at {first}", (x, MARGIN + 54), small_font, MUTED)
    for edge in lay.edges:
        points = bezier(edge.points)
        line(points, EDGE_COLOURS[edge.kind], EDGE_DASH[edge.kind], 1.8)
        arrowhead(points, EDGE_COLOURS[edge.kind])
    for box in lay.boxes.values():
        fill = UNREACHED_FILL if box.unreached else ("#eeeeee" if box.ghost else BOX_FILL)
        edge_colour = (
            ALERT if (box.no_way_out or box.unreached) else ("#999999" if box.ghost else INK)
        )
        rect(
            box.x,
            box.y,
            box.w,
            box.h,
            fill,
            edge_colour,
            3 if box.no_way_out else 1.4,
            dashed=box.unreached or box.ghost,
        )
        text(box.title, (box.x + 10, box.y + 19), box_font, INK, width=box.w - 20)
        detail = box.scene if box.ghost else _detail(box)
        text(detail, (box.x + 10, box.y + 36), small_font, MUTED, width=box.w - 20)
        for index, (_checkpoint, dot_colour) in enumerate(box.checkpoints):
            cx, cy = _dot_at(box, index)
            pygame.draw.circle(surface, colour(dot_colour), at(cx, cy), round(DOT * scale))
            pygame.draw.circle(surface, colour(INK), at(cx, cy), round(DOT * scale), 1)
        for words, badge_colour, right in _badges(box):
            width = _badge_width(words)
            y = box.y + box.h - 20
            rect(right - width, y, width, 15, badge_colour, badge_colour, 1, radius=3)
            text(words, (right - width / 2, y + 11.5), badge_font, PAPER, centre=True)
    pygame.draw.line(
        surface, colour("#cccccc"), at(MARGIN, lay.legend_y), at(lay.width - MARGIN, lay.legend_y)
    )
    text("Legend", (MARGIN, lay.legend_y + 22), head_font, INK)
    for x, y, (kind, style, words) in _legend_positions(lay):
        if kind == "edge":
            points = [(x, y - 4), (x + 40, y - 4)]
            line(points, EDGE_COLOURS[style], EDGE_DASH[style], 1.8)
            arrowhead(points, EDGE_COLOURS[style])
        elif kind == "badge":
            fill = "#2e7d32" if style == "START" else INK
            width = _badge_width(style)
            rect(x, y - 12, width, 15, fill, fill, 1, radius=3)
            text(style, (x + width / 2, y - 0.5), badge_font, PAPER, centre=True)
        elif kind in ("unreached", "trapped"):
            fill = UNREACHED_FILL if kind == "unreached" else BOX_FILL
            rect(
                x,
                y - 13,
                40,
                16,
                fill,
                ALERT,
                1.4 if kind == "unreached" else 3,
                dashed=kind == "unreached",
                radius=4,
            )
        else:
            pygame.draw.circle(surface, colour(style), at(x + 20, y - 4), round((DOT + 1) * scale))
            pygame.draw.circle(surface, colour(INK), at(x + 20, y - 4), round((DOT + 1) * scale), 1)
        text(words, (x + 52, y), legend_font, INK)
    target.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(target))


# ---------------------------------------------------------------------- command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", type=Path, default=None, help="the scenes folder (default: scenes/)"
    )
    parser.add_argument("--part", help="draw only this part (and the scenes it jumps to)")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("story-map.svg"),
        help="FILE.svg, FILE.png or FILE.dot (default: story-map.svg)",
    )
    parser.add_argument("--scale", type=float, default=1.5, help="PNG only: size (default 1.5)")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    root = args.path if args.path is not None else paths.scenes_dir()
    suffix = args.out.suffix.lower()
    if suffix not in (".svg", ".png", ".dot"):
        print(f"{args.out}: error: the map is written as .svg, .png or .dot", file=out)
        return EXIT_UNUSABLE
    if not (root / "story.yaml").is_file():
        print(
            f"{paths.display_path(root)}: error: no story.yaml here (give the scenes folder)",
            file=out,
        )
        return EXIT_UNUSABLE
    result = load_story(root)  # fresh: the map names this folder's files
    if result.story is None:
        for diagnostic in result.errors[:20]:
            print(diagnostic.format(), file=out)
        print("The story has errors, so there is no map: fix them first (memories lint).", file=out)
        return EXIT_PROBLEMS
    story = result.story
    if args.part is not None and not story.has_part(args.part):
        from ..story.diagnostics import did_you_mean

        ids = [p.id for p in story.parts]
        hint = did_you_mean(args.part, ids) or "parts: " + ", ".join(ids)
        print(f"error: there is no part '{args.part}' ({hint})", file=out)
        return EXIT_UNUSABLE
    lay = layout(story, args.part)
    if suffix == ".svg":
        args.out.write_text(to_svg(lay), encoding="utf-8")
    elif suffix == ".dot":
        args.out.write_text(to_dot(story, lay), encoding="utf-8")
    else:
        to_png(lay, args.out, scale=args.scale)
    counts = lay.counts
    notes = []
    if counts["unreached"]:
        notes.append(f"{counts['unreached']} no path reaches")
    if counts["no_way_out"]:
        notes.append(f"{counts['no_way_out']} with no way out")
    extra = f" ({'; '.join(notes)})" if notes else ""
    print(
        f"Wrote {paths.display_path(args.out)}: {counts['scenes']} scenes, "
        f"{counts['checkpoints']} checkpoints{extra}.",
        file=out,
    )
    return EXIT_OK
