"""memories playtest: the quick search, random games and the command, on small stories."""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

import pytest

from game.play import grading
from game.story.loader import load_story
from game.tools import playtest
from game.tools.playtest import (
    ProgressBar,
    quick_playtest,
    random_playtest,
    right_response,
    wrong_response,
)
from tests.helpers import MINI, ROOT


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def loaded(root: Path):
    result = load_story(root)
    assert result.story is not None, [d.format() for d in result.errors]
    return result.story


def kinds(report) -> list[tuple[str, str, str]]:
    return [(Path(f.path).name, f.kind, f.message) for f in report.findings]


def test_the_real_story_has_no_problems_and_the_search_is_quick() -> None:
    story = loaded(ROOT / "scenes")
    report = quick_playtest(story)
    assert report.complete
    assert [f.format() for f in report.findings] == []
    assert report.seconds < 10, f"the quick playtest took {report.seconds:.1f} s (budget 10 s)"
    reached = report.coverage
    assert reached.scenes == set(story.scenes)
    assert reached.ends == {part.id for part in story.parts}
    every = set().union(*reached.checkpoints_by_age.values())
    assert every == set(story.checkpoint_scene)


def test_an_option_no_path_offers_is_found(mini_story) -> None:
    report = quick_playtest(mini_story)
    assert kinds(report) == [
        (
            "opening.yaml",
            "unreached",
            "the option 'Hidden unless secret' (if: secret) is never offered on any path",
        )
    ]
    assert report.coverage.checkpoints_by_age["11-13"] == report.coverage.checkpoints_by_age["14+"]


def test_unreached_scenes_loops_and_failing_jumps_are_found(scratch_story: Path) -> None:
    write(
        scratch_story,
        "one/lonely.yaml",
        "id: lonely\ntitle: Nobody comes\npart: one\nsetting: {background: field}\n"
        "next: middle\nbeats:\n  - narrate: Alone.\n",
    )
    for name, other in (("trap_a", "trap_b"), ("trap_b", "trap_a")):
        write(
            scratch_story,
            f"one/{name}.yaml",
            f"id: {name}\ntitle: Round\npart: one\nsetting: {{background: field}}\n"
            f"next: {other}\nbeats:\n  - narrate: Round we go.\n",
        )
    write(
        scratch_story,
        "one/spin.yaml",
        "id: spin\ntitle: Spinning\npart: one\nsetting: {background: field}\nbeats:\n"
        "  - label: top\n  - set: {dizzy: true}\n  - goto: top\n",
    )
    opening = scratch_story / "one" / "opening.yaml"
    opening.write_text(
        opening.read_text().replace(
            "        - text: Secret\n          set: {secret: true}\n",
            "        - text: Secret\n          set: {secret: true}\n"
            "        - text: Into the loop\n          goto: trap_a\n"
            "        - text: Spin\n          goto: spin\n",
        )
    )
    report = quick_playtest(loaded(scratch_story))
    found = kinds(report)
    assert (
        "lonely.yaml",
        "unreached",
        "no path reaches the scene 'lonely' "
        "(link it in with next: or a goto in a scene players reach)",
    ) in found
    loops = [f for f in report.findings if f.kind == "loop"]
    assert len(loops) == 1 and "trap_a, trap_b" in loops[0].message
    assert loops[0].how == "start one (age 14+); then opening: choose 'Into the loop'"
    failed = [f for f in report.findings if f.kind == "failed"]
    assert failed and "loops without showing anything" in failed[0].message
    assert "choose 'Spin'" in failed[0].format()


def test_a_choice_whose_options_are_all_hidden_is_found(scratch_story: Path) -> None:
    write(
        scratch_story,
        "two/second_start.yaml",
        "id: second_start\ntitle: Part two begins\npart: two\ncovers: [B-end]\n"
        "setting: {background: road}\nbeats:\n  - choice:\n      options:\n"
        "        - text: Never\n          if: never_set\n  - end_part: true\n",
    )
    report = quick_playtest(loaded(scratch_story))
    assert ("second_start.yaml", "empty choice") in [(n, k) for n, k, _m in kinds(report)]


@pytest.mark.parametrize("scene_id", ["opening", "middle"])
def test_right_and_wrong_answers_are_graded_so(mini_story, scene_id: str) -> None:
    for checkpoint in mini_story.scenes[scene_id].checkpoints:
        for seed in (0, 7):
            right = grading.grade(checkpoint, right_response(checkpoint, seed), seed)
            assert right.correct in (True, None), checkpoint.id
            wrong = grading.grade(checkpoint, wrong_response(checkpoint, seed), seed)
            assert wrong.correct in (False, None), checkpoint.id


def test_random_games_are_repeatable_and_report_what_they_reached(mini_story) -> None:
    first = random_playtest(mini_story, 12, seed=5)
    again = random_playtest(mini_story, 12, seed=5)
    assert first.failures == [] and again.failures == []
    assert first.scenes == again.scenes and first.flags == again.flags
    assert first.scenes["opening"] == 12 and first.scenes["second_start"] == 12
    assert first.checkpoints["q_single"] == 12
    outcomes = first.outcomes["q_single"]
    assert outcomes["right"] and outcomes["wrong"]  # right and wrong answers are both tried
    assert set(first.flags["secret"]) <= {"true", "unset"}
    out = io.StringIO()
    playtest.print_random(mini_story, first, out, verbose=True)
    assert "Random playtest: 12 games with --seed 5: no failures" in out.getvalue()


def test_the_least_used_options_are_preferred(mini_story) -> None:
    report = random_playtest(mini_story, 4, seed=1)
    # opening's choice shows two options: four games take each of them twice
    assert report.flags["kindness"]["1"] == 2 and report.flags["secret"]["true"] == 2


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_only_draws_on_a_terminal() -> None:
    log = io.StringIO()
    ProgressBar(log)(3, 10)
    assert log.getvalue() == ""
    terminal = FakeTerminal()
    bar = ProgressBar(terminal, width=10)
    bar(5, 10)
    bar(10, 10)
    assert terminal.getvalue() == "\r[#####.....] 5/10 games\r[##########] 10/10 games\n"


def run_command(*argv: str, path: Path = MINI) -> tuple[int, str]:
    parser_args = Namespace(
        path=path, random=None, seed=1, playthrough=None, part=None, age=None, verbose=False
    )
    for name, value in zip(argv[::2], argv[1::2], strict=True):
        setattr(parser_args, name, value)
    out = io.StringIO()
    return playtest.run(parser_args, out), out.getvalue()


def test_the_command_exit_codes_and_summary(tmp_path: Path) -> None:
    code, text = run_command()
    assert code == 1
    assert "tests/fixtures/mini/one/opening.yaml:22: unreached:" in text
    assert "Part One: scenes 2/2 (100%), lines 9/9 (100%), options 2/3 (67%)" in text
    assert "Checkpoints asked, by theme:\n  Friendship: 4/4 (100%)\n  Memory: 4/4 (100%)" in text
    code, text = run_command("random", 3)
    assert code == 0 and "3 games with --seed 1: no failures" in text
    code, text = run_command("part", "on")
    assert code == 2 and "there is no part 'on' (did you mean 'one'?)" in text
    code, text = run_command(path=tmp_path)
    assert code == 2 and "no story.yaml here" in text


def test_part_narrows_the_report_but_not_the_search(mini_story) -> None:
    assert quick_playtest(mini_story, parts=["two"]).findings == []
    one = quick_playtest(mini_story, parts=["one"])
    assert [f.kind for f in one.findings] == ["unreached"] and one.parts == ("one",)
    out = io.StringIO()
    playtest.print_quick(mini_story, one, out, verbose=False)
    assert "Part Two" not in out.getvalue()
