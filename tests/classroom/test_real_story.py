"""A real assignment on the real story, played to the end, graded, and opened from the
command line as a student would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game import saves
from game.classroom import HomeworkRecorder, parse_assignment, read_results
from game.classroom.gradebook import class_report, collect, summary_rows
from game.play import runner
from game.play.runner import ChoiceStep, PartEndStep, QuestionStep, Session
from tests.helpers import MINI, ROOT

REAL = """\
format_version: 1
id: y9-friendship
title: Friendship at Hailsham and the Cottages
class: 9B
levels:
  - scenes: [tommy_field, tommy_art, pencil_case]
    title: Tommy and Ruth
  - part: cottages
themes: [friendship, love, memory]
mastery_rounds: 1
pass_mark: 70
free_text_required: false
"""


def first_choice(step: QuestionStep):
    kind = step.checkpoint.kind
    if kind in ("order", "match"):
        return list(range(len(step.choices)))
    if kind in ("short", "free"):
        return "" if step.may_skip else "Ruth and Kathy stay friends."
    return {"single": 0, "evidence": 0, "multiple": [0], "true_false": True}[kind]


def test_a_real_assignment_plays_to_the_end_and_grades(real_story, tmp_path: Path) -> None:
    assignment, diagnostics = parse_assignment(REAL, "real.yaml", real_story)
    assert assignment is not None, [d.format() for d in diagnostics]
    profile = saves.SaveStore(tmp_path).create_profile("Kit")
    recorder = HomeworkRecorder(real_story, assignment, profile)
    session = Session(real_story, recorder.new_state(seed=7))
    seen_scenes, ends, reviews = [], [], 0
    for _ in range(5000):
        step = session.step
        if step.where.scene not in seen_scenes:
            seen_scenes.append(step.where.scene)
        if isinstance(step, PartEndStep):
            ends.append(step.level)
            if step.next_level is None:
                break
            session.advance()
        elif isinstance(step, QuestionStep):
            assert step.checkpoint.theme in ("friendship", "love", "memory")
            reviews += 1 if step.review_round else 0
            feedback = session.answer(first_choice(step), seconds=3)
            while not feedback.final:
                feedback = session.answer(first_choice(step), seconds=3)
            session.advance()
        elif isinstance(step, ChoiceStep):
            session.choose(0)
        else:
            session.advance()
    assert ends == ["level_1", "cottages"]
    assert seen_scenes[:3] == ["tommy_field", "tommy_art", "pencil_case"]
    assert all(real_story.scenes[s].part == "cottages" for s in seen_scenes[3:])
    document = read_results(recorder.save(session.state, finished=True).results)
    asked = sum(
        len(runner.level_checkpoints(real_story, assignment.rules(), level))
        for level in assignment.levels
    )
    assert len(document["checkpoints"]) == asked
    graded = [c for c in document["checkpoints"] if c["kind"] != "free"]
    assert document["score"]["possible"] == sum(c["points"] for c in graded)
    assert document["score"]["earned"] == sum(c["answer"]["earned"] for c in graded)
    assert document["completed"] is True
    if document["score"]["percent"] < 70:
        assert reviews > 0, "below the pass mark, the missed questions came back"
    book = collect([tmp_path])
    assert [row[0] for row in summary_rows(book)] == ["Kit"]
    assert "Friendship and loyalty" in class_report(book)


def test_students_open_homework_from_the_command_line(tmp_path: Path) -> None:
    homework = tmp_path / "hw.yaml"
    homework.write_text(
        "format_version: 1\ntitle: Part two\nlevels: [{part: two}]\n", encoding="utf-8"
    )
    command = [sys.executable, "run_game.py", "--text", "--scenes", str(MINI),
               "--saves", str(tmp_path / "saves"), "--profile", "Kit", "--assignment", str(homework)]  # fmt: skip
    result = subprocess.run(
        command, input="c\n\n\nq\nq\n", capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Homework: Part two" in result.stdout and "Part two line." in result.stdout
    assert "The end of Part Two." in result.stdout
    assert "That was the last level: the homework is finished. Well done." in result.stdout
    results = list((tmp_path / "saves").glob("*/results/part-two.results.json"))
    assert len(results) == 1 and read_results(results[0])["completed"] is True


def test_a_broken_homework_file_does_not_start_and_says_why(tmp_path: Path) -> None:
    homework = tmp_path / "hw.yaml"
    homework.write_text("format_version: 1\ntitle: x\nlevels: [{part: three}]\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", "--scenes", str(MINI),
         "--saves", str(tmp_path / "saves"), "--assignment", str(homework)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        "This homework file has mistakes, so it cannot be opened:",
        f"  {homework}:3:17: error[E301]: there is no part 'three' in the story (known: one, two)",
    ]
