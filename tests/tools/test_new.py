"""memories new: a scene from a template, the exact line that links it in, clear refusals."""

from __future__ import annotations

import io
import re
from argparse import Namespace
from pathlib import Path

import pytest

from game.story.loader import load_story
from game.tools import new
from game.tools.playtest import quick_playtest


def run_new(root: Path, name: str, **options: object) -> tuple[int, str]:
    args = Namespace(name=name, after=None, title=None, scenes=root)
    for key, value in options.items():
        setattr(args, key, value)
    out = io.StringIO()
    return new.run(args, out), out.getvalue()


def test_a_new_scene_lints_clean_and_says_how_to_link_it(scratch_story: Path) -> None:
    code, text = run_new(scratch_story, "one/the_swim")
    target = scratch_story / "one" / "the_swim.yaml"
    assert code == 0 and target.is_file()
    first = target.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../game/story/scene.schema.json"
    result = load_story(scratch_story)
    assert result.ok
    assert [(d.code, Path(d.path).name) for d in result.diagnostics] == [("W201", "the_swim.yaml")]
    match = re.search(r"change line (\d+) of (\S+):\n    (.+)\nto\n    (.+)\n", text)
    assert match, text
    line, path, old, wanted = int(match[1]), Path(match[2]), match[3], match[4]
    assert path.name == "opening.yaml" and (old, wanted) == ("next: middle", "next: the_swim")
    lines = path.read_text().splitlines()
    assert lines[line - 1] == old
    lines[line - 1] = wanted  # do exactly what the message says
    path.write_text("\n".join(lines) + "\n")
    linked = load_story(scratch_story)
    assert linked.ok and linked.diagnostics == []
    report = quick_playtest(linked.story)
    assert "the_swim" in report.coverage.scenes
    assert "python run_game.py --text --profile writer --scene the_swim" in text


def test_after_chooses_where_the_link_goes(scratch_story: Path) -> None:
    code, text = run_new(
        scratch_story, "one/by_the_pond.yaml", after="opening", title="By the pond"
    )
    assert code == 0
    assert "To play it after opening" in text
    assert "title: By the pond\n" in (scratch_story / "one" / "by_the_pond.yaml").read_text()


def test_a_part_with_no_next_line_gets_a_goto_suggestion(scratch_story: Path) -> None:
    code, text = run_new(scratch_story, "two/epilogue")
    assert code == 0 and "add `- goto: epilogue`" in text
    assert load_story(scratch_story).ok


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("on/x", {}, "there is no part 'on' (did you mean 'one'?); the parts are: one, two"),
        ("one/opening", {}, "already exists: edit it, or choose another name"),
        ("two/middle", {}, "a scene called 'middle' already exists"),
        (
            "one/The Swim",
            {},
            "'The Swim' cannot be a scene name: use lower case letters, "
            "digits and _, starting with a letter, at most 60 (e.g. the_swim)",
        ),
        ("one/2nd", {}, "(e.g. scene_2nd)"),
        ("the_swim", {}, "'the_swim' is not PART/NAME"),
        (
            "one/x",
            {"after": "midle"},
            "--after: there is no scene 'midle' (did you mean 'middle'?)",
        ),
        ("two/x", {"after": "opening"}, "--after: the scene 'opening' is in the part 'one'"),
        ("one/x", {"after": "middle"}, "--after: the scene 'middle' has no `next:` line"),
    ],
)
def test_refusals_say_why(scratch_story: Path, name: str, options: dict, message: str) -> None:
    before = sorted(scratch_story.rglob("*.yaml"))
    code, text = run_new(scratch_story, name, **options)
    assert code == 2
    assert message in text, text
    assert sorted(scratch_story.rglob("*.yaml")) == before, "nothing is written when refused"
