"""memories map: one layout drawn as SVG, DOT and PNG, with every scene, jump and checkpoint."""

from __future__ import annotations

import io
import itertools
import xml.etree.ElementTree as ET
from argparse import Namespace
from pathlib import Path

import pytest

from game.story.loader import load_story
from game.tools import storymap
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def real_story():
    story = load_story(ROOT / "scenes").story
    assert story is not None
    return story


def test_the_layout_has_every_scene_in_play_order_and_every_jump(real_story) -> None:
    lay = storymap.layout(real_story)
    assert set(lay.boxes) == set(real_story.scenes)
    for part in real_story.parts:
        rows = [lay.boxes[sid].row for sid in part.scenes]
        assert rows == sorted(rows)
        assert lay.boxes[part.first_scene].start
    edges = {(e.source, e.target, e.kind) for e in lay.edges}
    assert ("carer_now", "tommy_field", "next") in edges
    assert ("exchanges", "collection_chest", "choice") in edges
    assert lay.counts["unreached"] == 0 and lay.counts["no_way_out"] == 0
    dots = sum(len(b.checkpoints) for b in lay.boxes.values())
    assert dots == len(real_story.checkpoint_scene)
    boxes = sorted(lay.boxes.values(), key=lambda b: (b.column, b.row))
    for above, below in itertools.pairwise(boxes):
        if above.column == below.column:
            assert above.y + above.h < below.y, "boxes never overlap"


def test_the_svg_is_well_formed_with_a_legend_and_theme_colours(real_story) -> None:
    lay = storymap.layout(real_story)
    svg = storymap.to_svg(lay)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    words = " ".join(root.itertext())
    assert "Legend" in words and "a choice's option that jumps" in words
    for theme in real_story.themes.values():
        assert theme.colour in svg and theme.name in words


def test_the_dot_text_has_a_cluster_per_part(real_story) -> None:
    dot = storymap.to_dot(real_story, storymap.layout(real_story))
    assert dot.startswith("digraph story {") and dot.rstrip().endswith("}")
    assert dot.count("subgraph cluster_") == len(real_story.parts) + 1  # and the legend
    assert '"carer_now" -> "tommy_field" [style=solid' in dot


def test_unreached_and_no_way_out_scenes_are_marked(scratch_story: Path) -> None:
    (scratch_story / "one" / "lonely.yaml").write_text(
        "id: lonely\ntitle: Lonely\npart: one\nsetting: {background: road}\nnext: middle\n"
        "beats:\n  - narrate: Alone.\n"
    )
    for name, other in (("loop_a", "loop_b"), ("loop_b", "loop_a")):
        (scratch_story / "one" / f"{name}.yaml").write_text(
            f"id: {name}\ntitle: Loop\npart: one\nsetting: {{background: road}}\n"
            f"next: {other}\nbeats:\n  - narrate: Round.\n"
        )
    lay = storymap.layout(load_story(scratch_story).story)
    assert lay.boxes["lonely"].unreached and not lay.boxes["lonely"].no_way_out
    assert lay.boxes["loop_a"].no_way_out and lay.boxes["loop_b"].no_way_out
    assert not lay.boxes["opening"].no_way_out


def test_a_part_map_shows_the_scenes_it_jumps_to_elsewhere(scratch_story: Path) -> None:
    middle = scratch_story / "one" / "middle.yaml"
    middle.write_text(
        middle.read_text().replace("  - end_part: true\n", "  - goto: second_start\n")
    )
    story = load_story(scratch_story).story
    lay = storymap.layout(story, "one")
    assert lay.boxes["second_start"].ghost
    assert [title for title, _first, _x in lay.columns] == ["Part One", "Other parts"]


def run_map(tmp_path: Path, name: str, **options: object) -> tuple[int, str, Path]:
    target = tmp_path / name
    args = Namespace(path=ROOT / "scenes", part=None, out=target, scale=1.0)
    for key, value in options.items():
        setattr(args, key, value)
    out = io.StringIO()
    return storymap.run(args, out), out.getvalue(), target


@pytest.mark.parametrize("name", ["map.svg", "map.dot", "map.png"])
def test_the_command_writes_each_format(tmp_path: Path, name: str) -> None:
    code, text, target = run_map(tmp_path, name)
    assert code == 0 and target.is_file() and target.stat().st_size > 1000
    assert "40 scenes" in text or "scenes," in text
    if name.endswith(".png"):
        pygame = pytest.importorskip("pygame")
        image = pygame.image.load(str(target))
        assert image.get_width() > 1000 and image.get_height() > 1000


def test_the_command_refuses_clearly(tmp_path: Path) -> None:
    code, text, _target = run_map(tmp_path, "map.jpg")
    assert code == 2 and "written as .svg, .png or .dot" in text
    code, text, _target = run_map(tmp_path, "map.svg", part="hailshem")
    assert code == 2 and "(did you mean 'hailsham'?)" in text
