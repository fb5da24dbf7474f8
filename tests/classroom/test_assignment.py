"""Assignment files as a teacher writes them: every mistake named at its line and column,
the settings students get, and `memories assign` making and checking files."""

from __future__ import annotations

import argparse
import io
import re
from datetime import date
from pathlib import Path

import pytest

from game.classroom.assignment import (
    CODES,
    SCHEMA_PATH,
    brief_text,
    load_assignment,
    parse_assignment,
    schema_text,
)
from game.play.state import Level, Rules
from game.tools import assign
from tests.classroom.conftest import MINI_HOMEWORK
from tests.helpers import MINI, ROOT

MISTAKES = """\
format_version: 1
title: Hailsham, chapters 1-9
class: 9B
teacher: Ms Okafor
due: 2025-02-30
levels:
  - part: hailsam
  - scenes: [tommy_feld, tommy_art]
    titel: Tommy
  - {part: hailsham, scenes: [tommy_art]}
themes: [friendship, memry]
pass_mark: 150
feedback: imediate
age_mode: 14
pasmark: 3
"""


def lines(diagnostics) -> list[str]:
    return [d.format() for d in diagnostics]


def test_every_mistake_is_named_at_its_place_with_a_hint(real_story) -> None:
    assignment, diagnostics = parse_assignment(MISTAKES, "homework.yaml", real_story)
    assert assignment is None
    assert lines(diagnostics) == [
        "homework.yaml:5:6: error[E304]: there is no such day as 2025-02-30 (write it as YYYY-MM-DD, e.g. 2025-03-14)",
        "homework.yaml:7:11: error[E301]: there is no part 'hailsam' in the story (did you mean 'hailsham'?)",
        "homework.yaml:8:14: error[E302]: there is no scene 'tommy_feld' in the story (did you mean 'tommy_field'?)",
        "homework.yaml:9:5: error[E020]: unknown key 'titel' (did you mean 'title'?)",
        "homework.yaml:10:5: error[E305]: a level needs either 'part' (a whole part) or 'scenes' (chosen scenes), not both (e.g. - part: hailsham   or   - scenes: [tommy_field, tommy_art])",
        "homework.yaml:11:22: error[E303]: there is no theme 'memry' in the story (did you mean 'memory'?)",
        "homework.yaml:12:12: error[E028]: 'pass_mark' must be at most 100, not 150",
        "homework.yaml:13:11: error[E023]: 'feedback' cannot be 'imediate'; it is one of: immediate, end (did you mean 'immediate'?)",
        "homework.yaml:14:11: error[E023]: 'age_mode' cannot be 14; it is one of: 11-13, 14+",
        "homework.yaml:15:1: error[E020]: unknown key 'pasmark' (allowed here: format_version, id, title, class, teacher, due, instructions, levels, themes, pass_mark, tries, feedback, hints, lock_answered, age_mode, free_text_required, mastery_rounds)",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: x\nlevels: [{part: one}]\n",
         "hw.yaml:1:1: error[E021]: missing required key 'format_version' (The assignment format version; this game reads 1.)"),
        ("format_version: 2\ntitle: x\nlevels: [{part: one}]\n",
         "hw.yaml:1:17: error[E308]: this game reads assignments of format_version 1, not 2 (write format_version: 1, or update the game)"),
        ("format_version: 1\ntitle: x\ndue: 14/03/2025\nlevels: [{part: one}]\n",
         "hw.yaml:3:6: error[E304]: the date '14/03/2025' is not written as YYYY-MM-DD (write it as YYYY-MM-DD, e.g. 2025-03-14)"),
        ("format_version: 1\ntitle: x\nlevels: [{part: one}, {part: one}]\n",
         "hw.yaml:3:30: error[E306]: the part 'one' is already level 1 (Part One) (keep one of them)"),
        ("format_version: 1\ntitle: x\nlevels: [{part: one}, {scenes: [middle]}]\n",
         "hw.yaml:3:33: error[E306]: the scene 'middle' is already in the level 'Part One' (a scene can be in one level only)"),
        ("format_version: 1\ntitle: x\nlevels:\n  - {scenes: [opening], id: a}\n  - {scenes: [middle], id: a}\n",
         "hw.yaml:5:28: error[E307]: two levels are called 'a' (give one of them another id)"),
        ("format_version: 1\ntitle: x\nlevels: []\n",
         "hw.yaml:3:9: error[E025]: 'levels': list should have at least 1 item after validation, not 0"),
        ("format_version: 1\ntitle: x\nlevels: [{}]\n",
         "hw.yaml:3:10: error[E305]: a level needs either 'part' (a whole part) or 'scenes' (chosen scenes), and has neither (e.g. - part: hailsham   or   - scenes: [tommy_field, tommy_art])"),
        ("- a list\n",
         "hw.yaml:1:1: error[E016]: this is not an assignment file: it is not a mapping of keys to values (an assignment starts with format_version: 1, title: and levels:)"),
        ("format_version: 1\ntitle: x\nlevels: [{part: one}]\nhints: maybe\n",
         "hw.yaml:4:8: error[E022]: 'hints' should be true or false, not text ('maybe')"),
        ("format_version: 1\ntitle: [x\n",
         "hw.yaml:3:1: error[E010]: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"),
    ],
)  # fmt: skip
def test_one_mistake_one_clear_line(mini_story, text: str, expected: str) -> None:
    assignment, diagnostics = parse_assignment(text, "hw.yaml", mini_story)
    assert assignment is None
    assert expected in lines(diagnostics), lines(diagnostics)


def test_warnings_do_not_stop_an_assignment(mini_story) -> None:
    text = (
        "format_version: 1\ntitle: x\ndue: 2025-03-14\nfeedback: end\ntries: 3\n"
        "levels: [{scenes: [second_start]}]\n"
    )
    assignment, diagnostics = parse_assignment(text, "hw.yaml", mini_story, today=date(2025, 3, 20))
    assert assignment is not None
    assert lines(diagnostics) == [
        "hw.yaml:3:6: warning[W302]: the due date 2025-03-14 has passed (today is 2025-03-20) (students who finish now will be marked late)",
        "hw.yaml:5:8: warning[W303]: tries: 3 has no effect with feedback: end (with feedback at the end each question has one try)",
        "hw.yaml:6:10: warning[W301]: the level 'Part two begins' asks no questions (students read it, and it counts as passed; add scenes with questions)",
    ]  # fmt: skip


def test_the_settings_become_the_runners_rules(mini_story, homework_file: Path) -> None:
    assignment, diagnostics = load_assignment(homework_file, mini_story)
    assert assignment is not None and diagnostics == []
    assert assignment.id == "mini-hw"
    assert assignment.rules() == Rules(
        tries=2,
        open_parts=(),
        levels=(
            Level("level_1", "The opening", scenes=("opening",)),
            Level("level_2", "The middle", scenes=("middle",)),
        ),
        pass_mark=60.0,
        homework="mini-hw",
    )
    strict = MINI_HOMEWORK.replace("tries: 2\n", "") + (
        "feedback: end\nhints: false\nlock_answered: true\nage_mode: 11-13\n"
        "free_text_required: false\nmastery_rounds: 2\nthemes: [memory]\n"
    )
    other, _ = parse_assignment(strict, "hw.yaml", mini_story)
    assert other is not None
    rules = other.rules()
    assert (rules.feedback, rules.hints, rules.lock_answered, rules.age_mode) == (
        "end",
        False,
        True,
        "11-13",
    )
    assert (rules.free_text_required, rules.mastery_rounds, rules.themes) == (False, 2, ("memory",))


def test_without_an_id_the_title_and_class_name_the_homework(mini_story) -> None:
    text = MINI_HOMEWORK.replace("id: mini-hw\n", "")
    assignment, _ = parse_assignment(text, "hw.yaml", mini_story)
    assert assignment is not None and assignment.id == "the-opening-and-the-middle-9b"


def test_the_brief_says_what_to_play_and_how(mini_story, homework_file: Path) -> None:
    assignment, _ = load_assignment(homework_file, mini_story)
    assert brief_text(assignment, mini_story) == (
        "Homework: The opening and the middle\n"
        "For class 9B, from Ms Okafor. Due Friday 14 March 2025.\n"
        "\n"
        "What to play:\n"
        "  1. The opening (1 scene: The opening; 2 questions)\n"
        "  2. The middle (1 scene: The middle; 6 questions)\n"
        "\n"
        "How it works:\n"
        "  - You have 2 tries at each question.\n"
        "  - Hints are on: ask for one when you are stuck (your teacher sees how many you used).\n"
        "  - You see whether you were right straight away.\n"
        "  - To pass, score at least 60% of the points.\n"
        "  - Questions where you write your own answer are read by your teacher.\n"
        "\n"
        "Your results are saved on this computer when you finish or leave, as a page you can "
        "print or hand in."
    )


def test_the_shipped_json_schema_matches_the_model() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run: memories assign --schema"


def test_the_teachers_guide_lists_exactly_the_assignment_codes() -> None:
    guide = (ROOT / "docs" / "teachers.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([EW]3\d\d) \|", guide, flags=re.MULTILINE))
    assert documented == set(CODES)


def test_a_real_assignment_on_the_real_story(real_story) -> None:
    text = (
        "format_version: 1\ntitle: Hailsham and the Cottages\nclass: 10A\n"
        "levels:\n  - part: hailsham\n  - scenes: [possibles, magazines, norfolk_plans]\n"
        "themes: [friendship, memory, identity]\nmastery_rounds: 1\n"
    )
    assignment, diagnostics = parse_assignment(text, "hw.yaml", real_story)
    assert assignment is not None, lines(diagnostics)
    brief = brief_text(assignment, real_story)
    assert "  1. Hailsham (the whole part, " in brief
    assert "  2. Possibles and 2 more scenes (3 scenes: " in brief
    assert "Friendship and loyalty" in brief


# ---------------------------------------------------------------------- memories assign


def assign_args(**values) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    assign.add_arguments(parser)
    args = parser.parse_args([])
    for key, value in values.items():
        setattr(args, key, value)
    return args


def test_assign_from_flags_writes_a_file_that_checks_clean(tmp_path: Path) -> None:
    target = tmp_path / "tommy.yaml"
    out = io.StringIO()
    code = assign.run(
        assign_args(
            title="Tommy and Kathy",
            class_name="8C",
            teacher="Mr Day",
            scenes=["opening", "middle"],
            due="2099-01-31",
            mastery=1,
            id="tommy-8c",
            out=target,
            scenes_dir=MINI,
        ),
        out,
    )
    text = out.getvalue()
    assert code == 0, text
    assert "0 errors, 0 warnings in 1 file." in text and "id tommy-8c" in text
    assert f"Students open it with: python run_game.py --assignment {target}" in text
    written = target.read_text(encoding="utf-8")
    assert (
        "levels:                         # played in this order\n  - scenes: [opening]\n  - scenes: [middle]\n"
        in written
    )
    assert written.startswith("# yaml-language-server: $schema=")
    again = io.StringIO()
    assert assign.run(assign_args(check=target, scenes_dir=MINI), again) == 0
    assert (
        assign.run(assign_args(title="x", parts=["two"], out=target, scenes_dir=MINI), again) == 2
    )
    assert "already exists" in again.getvalue()


def test_assign_asks_questions_when_run_without_flags(tmp_path: Path, monkeypatch) -> None:
    answers = iter(
        ["Memory homework", "9B", "Ms Okafor", "opening middle", "memory", "2099-02-01", "70",
         "now", "3", "n", "y", "11-13", "n", "2"]
    )  # fmt: skip
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    target = tmp_path / "memory.yaml"
    out = io.StringIO()
    assert assign.run(assign_args(out=target, scenes_dir=MINI), out) == 0, out.getvalue()
    assignment, diagnostics = load_assignment(target, _mini())
    assert assignment is not None and diagnostics == []
    spec = assignment.spec
    assert (spec.title, spec.class_name, spec.teacher, spec.due) == (
        "Memory homework", "9B", "Ms Okafor", "2099-02-01",
    )  # fmt: skip
    assert assignment.levels == (
        Level("level_1", "The opening and 1 more scene", scenes=("opening", "middle")),
    )
    assert (spec.themes, spec.pass_mark, spec.tries, spec.hints, spec.lock_answered) == (
        ["memory"], 70, 3, False, True,
    )  # fmt: skip
    assert (spec.age_mode, spec.free_text_required, spec.mastery_rounds) == ("11-13", False, 2)


def _mini():
    from game.story.loader import load_story

    return load_story(MINI).story


def test_assign_check_prints_the_diagnostics_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format_version: 1\ntitle: x\nlevels: [{part: tree}]\n", encoding="utf-8")
    out = io.StringIO()
    assert assign.run(assign_args(check=bad, scenes_dir=MINI), out) == 1
    shown = str(bad)
    assert out.getvalue().splitlines() == [
        f"{shown}:3:17: error[E301]: there is no part 'tree' in the story (known: one, two)",
        "1 error, 0 warnings in 1 file: students cannot open it yet.",
    ]
    assert assign.run(assign_args(check=tmp_path / "none.yaml", scenes_dir=MINI), out) == 2
