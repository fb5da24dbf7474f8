"""Loading the story: the model it builds, the cache, and the files shipped beside the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.story import expr
from game.story.diagnostics import CODES
from game.story.loader import load_story
from game.story.model import Ask, ShowLine
from game.tools.schema_export import SCHEMA_DIR, SCHEMAS, schema_text
from tests.helpers import MINI, ROOT


def test_parts_list_scenes_in_the_order_a_player_meets_them(mini_story) -> None:
    assert [p.id for p in mini_story.parts] == ["one", "two"]
    assert mini_story.part("one").scenes == ("opening", "middle")
    assert mini_story.checkpoint_scene["q_free"] == "middle"


def test_mature_passages_are_marked_and_have_their_gentle_summary(mini_story) -> None:
    lines = [op for op in mini_story.scenes["opening"].ops if isinstance(op, ShowLine)]
    assert [
        (line.text, line.mature)
        for line in lines
        if "passage" in line.text or "gentle" in line.text
    ] == [
        ("An older passage.", True),
        ("A gentle summary.", False),
    ]


def test_every_op_knows_its_source_line(mini_story) -> None:
    scene = mini_story.scenes["middle"]
    asks = [op for op in scene.ops if isinstance(op, Ask)]
    assert asks[0].line == 9 and asks[0].checkpoint.id == "q_multi"
    assert scene.line_of(0) == 7  # "- narrate: Middle line." (the label before it is not an op)


def test_an_unchanged_story_comes_from_the_cache_and_an_edit_is_seen(
    scratch_story: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = load_story(scratch_story, cache_dir=cache)
    assert first.ok and not first.from_cache
    second = load_story(scratch_story, cache_dir=cache)
    assert second.from_cache and second.story == first.story
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text().replace("Part two line.", "Part two, edited."))
    third = load_story(scratch_story, cache_dir=cache)
    assert not third.from_cache
    texts = [op.text for op in third.story.scenes["second_start"].ops if isinstance(op, ShowLine)]
    assert texts == ["Part two, edited."]


def test_a_broken_story_is_never_cached(scratch_story: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text().replace("narrate:", "narate:"))
    assert not load_story(scratch_story, cache_dir=cache).ok
    assert not list(cache.glob("*")) if cache.exists() else True


def test_a_damaged_cache_file_is_ignored(scratch_story: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_story(scratch_story, cache_dir=cache)
    for item in cache.glob("story-*.pickle"):
        item.write_bytes(b"not a pickle")
    again = load_story(scratch_story, cache_dir=cache)
    assert again.ok and not again.from_cache


def test_the_shipped_json_schemas_match_the_models() -> None:
    for name, (model, title) in SCHEMAS.items():
        shipped = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert shipped == schema_text(model, title), f"{name} is stale: run `memories schema`"


def test_the_docs_list_exactly_the_diagnostic_codes() -> None:
    docs = (ROOT / "docs" / "scene-format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([EW]\d{3}) \|", docs, flags=re.MULTILINE))
    assert documented == set(CODES)


def test_scene_files_name_the_schema_for_editors() -> None:
    for scene in (ROOT / "scenes").glob("*/*.yaml"):
        first = scene.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../game/story/scene.schema.json", scene


def test_the_pure_core_never_imports_pygame() -> None:
    code = (
        "import sys; import game.story.loader, game.play.runner, game.play.relocate, "
        "game.saves, game.text_player, game.tools.lint, game.tools.export, game.cli; "
        "from pathlib import Path; from game.story.loader import load_story; "
        "load_story(Path('tests/fixtures/mini')); "
        "print('pygame' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# ---------------------------------------------------------------------- conditions

names = st.sampled_from(["kind", "secret", "visits", "told_ruth"])
flag_values = st.dictionaries(names, st.one_of(st.booleans(), st.integers(-3, 3)))


def conditions(depth: int = 2) -> st.SearchStrategy[str]:
    atom = st.one_of(
        names,
        st.builds(
            lambda n, op, v: f"{n} {op} {v}",
            names,
            st.sampled_from([">=", "<=", "==", "!=", ">", "<"]),
            st.integers(-3, 3),
        ),
    )
    if depth == 0:
        return atom
    inner = conditions(depth - 1)
    return st.one_of(
        atom,
        st.builds(lambda a: f"not {a}", atom),
        st.builds(lambda a, b: f"{a} and {b}", inner, inner),
        st.builds(lambda a, b: f"({a}) or ({b})", inner, inner),
    )


def python_truth(text: str, flags: dict[str, bool | int]) -> bool:
    """The same condition evaluated by Python itself, as a reference."""
    env = {name: flags.get(name, False) for name in ["kind", "secret", "visits", "told_ruth"]}
    return bool(eval(text, {"__builtins__": {}}, env))


@given(conditions(), flag_values)
def test_conditions_mean_what_python_would_mean(text: str, flags: dict[str, bool | int]) -> None:
    assert expr.parse_condition(text).holds(flags) == python_truth(text, flags)


@given(conditions(), flag_values)
def test_a_condition_printed_and_read_again_means_the_same(
    text: str, flags: dict[str, bool | int]
) -> None:
    parsed = expr.parse_condition(text)
    assert expr.parse_condition(str(parsed)).holds(flags) == parsed.holds(flags)


@given(st.text(max_size=30))
def test_any_text_either_parses_or_says_where_it_fails(text: str) -> None:
    try:
        expr.parse_condition(text)
    except expr.ConditionError as error:
        assert 0 <= error.offset <= len(text)


def test_progress_counts_the_main_line_and_not_side_memories(mini_story) -> None:
    part = mini_story.part("one")
    assert part.main_line == ("opening", "middle")
    assert part.progress("middle") == (2, 2)


def test_a_side_memory_keeps_the_count_of_the_last_main_scene(scratch_story: Path) -> None:
    (scratch_story / "one" / "aside.yaml").write_text(
        "id: aside\ntitle: A side memory\npart: one\nsetting: {background: road}\nnext: middle\n"
        "beats:\n  - narrate: Something else I remember.\n"
    )
    opening = scratch_story / "one" / "opening.yaml"
    opening.write_text(opening.read_text().replace("          goto: middle", "          goto: aside"))
    story = load_story(scratch_story).story
    part = story.part("one")
    assert part.main_line == ("opening", "middle") and "aside" in part.scenes
    assert part.progress("aside", ("opening", "aside")) == (1, 2)


def test_two_copies_of_a_story_never_share_a_cache_entry(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, second = tmp_path / "a" / "scenes", tmp_path / "b" / "scenes"
    shutil.copytree(MINI, first)
    shutil.copytree(MINI, second)
    one = load_story(first, cache_dir=cache)
    two = load_story(second, cache_dir=cache)
    assert not two.from_cache
    assert one.story.scenes["opening"].path != two.story.scenes["opening"].path
