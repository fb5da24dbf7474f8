"""Playthroughs kept as data: the real ones pass, and a failed expectation says where and why."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.story.loader import load_story
from game.tools.playthrough import read_playthrough, run_files, run_playthrough
from tests.helpers import ROOT

PLAYTHROUGHS = sorted((ROOT / "tests" / "playthroughs").glob("*.yaml"))


@pytest.fixture(scope="module")
def real_story():
    result = load_story(ROOT / "scenes")
    assert result.story is not None, [d.format() for d in result.errors]
    return result.story


def test_there_are_playthroughs_of_the_real_story() -> None:
    assert 3 <= len(PLAYTHROUGHS) <= 12


@pytest.mark.parametrize("path", PLAYTHROUGHS, ids=lambda p: p.stem)
def test_every_playthrough_of_the_real_story_passes(real_story, path: Path) -> None:
    assert run_playthrough(real_story, path) == []


def play(story, tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "pt.yaml"
    path.write_text(text, encoding="utf-8")
    return [line.replace(str(tmp_path) + "/", "") for line in run_playthrough(story, path)]


def test_a_line_that_is_not_shown_says_what_was(mini_story, tmp_path: Path) -> None:
    found = play(
        mini_story,
        tmp_path,
        "start: {part: one}\nsteps:\n  - see: Line one.\n  - see: Line three.\n",
    )
    assert found == [
        "pt.yaml:4:10: playthrough failed: expected to see 'Line three.' by line 4, but the "
        "story showed: 'Line one.' (tests/fixtures/mini/one/opening.yaml:8); "
        "'Tommy: Line two.' (tests/fixtures/mini/one/opening.yaml:10); "
        "'Pick one.' (tests/fixtures/mini/one/opening.yaml:13); '1. Kind' "
        "(tests/fixtures/mini/one/opening.yaml:13); '2. Secret' "
        "(tests/fixtures/mini/one/opening.yaml:13); and then stopped at a choice (Pick one.) "
        "at tests/fixtures/mini/one/opening.yaml:13"
    ]


def test_choices_answers_and_checks(mini_story, tmp_path: Path) -> None:
    steps = """\
start: {part: one, age: "11-13"}
steps:
  - choose: secret
  - see: You kept the secret.
  - not_see: An older passage.
  - see: A gentle summary.
  - flags: {secret: true, kindness: 0}
  - answer: wrong
    checkpoint: q_single
  - see: Not quite
  - answer: right
  - answer: true
  - reach: middle
  - answer: [1, 2]
  - answer: right
  - answer: wrong
  - answer: wrong
  - answer: right
  - type: Pale blue
  - type: I think it was sad and lonely.
  - answered: {q_single: right, q_tf: right, q_order: right, q_match: wrong, q_free: free}
  - end_part: one
  - see: Part two line.
"""
    assert play(mini_story, tmp_path, steps) == []


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (
            "  - choose: Nobody\n",
            "pt.yaml:4:13: playthrough failed: no option says 'Nobody'; the options are: "
            "1. Kind; 2. Secret",
        ),
        (
            "  - answer: right\n",
            "pt.yaml:4:13: playthrough failed: expected a question by line 4, but the story "
            "showed: 'Line one.'",
        ),
        (
            "  - choose: 1\n  - flags: {kindness: 2}\n",
            "pt.yaml:5:12: playthrough failed: expected other flags by line 5: kindness is 1, "
            "not 2",
        ),
        (
            "  - choose: 2\n  - not_see: You kept the secret\n",
            "pt.yaml:5:14: playthrough failed: expected not to see 'You kept the secret' by "
            "line 5, but the story showed it: 'You kept the secret.'",
        ),
        (
            "  - choose: 1\n  - answer: right\n    checkpoint: q_tf\n",
            "pt.yaml:5:13: playthrough failed: expected the question 'q_tf' by line 5, but the "
            "story asked 'q_single'",
        ),
        (
            "  - reach: midle\n",
            "pt.yaml:4:12: playthrough failed: there is no scene 'midle' (did you mean 'middle'?)",
        ),
    ],
)
def test_each_failure_says_where_and_what(
    mini_story, tmp_path: Path, steps: str, message: str
) -> None:
    found = play(mini_story, tmp_path, "start: {part: one}\nsteps:\n  - see: Line one.\n" + steps)
    assert len(found) == 1 and found[0].startswith(message), found


def test_mistakes_in_the_file_are_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "title: Bad\nstart: {part: one, age: adult, flag: {}}\nsteps:\n"
        "  - sea: Line one.\n  - answer: maybe\n  - choose: 0\n",
        encoding="utf-8",
    )
    playthrough, problems = read_playthrough(path)
    assert playthrough is None
    shown = [d.format().replace(str(tmp_path) + "/", "") for d in problems]
    assert shown == [
        "bad.yaml:2:32: error[E020]: unknown key 'flag' (did you mean 'flags'?)",
        "bad.yaml:2:25: error[E023]: age cannot be 'adult'; it is one of: 14+, 11-13",
        "bad.yaml:4:5: error[E026]: a step of no known kind (sea) (did you mean 'see'?)",
        "bad.yaml:5:13: error[E022]: answer: takes right, wrong, an option number, a list of "
        "numbers, or true/false (for typed answers use `- type: your words`)",
        "bad.yaml:6:13: error[E022]: choose: takes an option's number (from 1) or words from it",
    ]


def test_run_files_reports_each_file(mini_story, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("start: {part: one}\nsteps:\n  - see: Line one.\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("start: {part: one}\nsteps:\n  - see: Nothing like it.\n", encoding="utf-8")
    out = io.StringIO()
    assert run_files(mini_story, [tmp_path], out) == 1
    text = out.getvalue()
    assert "good.yaml: passed" in text and "bad.yaml:3:10: playthrough failed" in text
    assert text.rstrip().endswith("1 of 2 playthroughs passed.")
    assert run_files(mini_story, [tmp_path / "missing.yaml"], io.StringIO()) == 2
