"""Homework end to end, as a class would do it on the mini story, with exact numbers.

A teacher writes the assignment; Kit plays it all (a wrong try, a hint, a typo forgiven, a
written answer) through the runner; Moonbeam plays through the terminal player on another
computer, finishes the first level and leaves early after the due date.  Their results go
on a USB stick with a copy, an edited file, a damaged one and another homework's results;
the gradebook keeps the two real ones, says why it left each of the others out, and writes
the CSVs and the class report.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from game import saves
from game.classroom import HomeworkRecorder, load_assignment, parse_assignment, read_results
from game.classroom.results import ResultsError, sealed
from game.play import grading
from game.play.runner import ChoiceStep, PartEndStep, QuestionStep, Session
from game.text_player import TextPlayer
from game.tools import gradebook as gradebook_tool
from game.tools import results as results_tool
from tests.helpers import MINI

UTC = timezone.utc
KIT_TIME = datetime(2025, 3, 10, 18, 0, tzinfo=UTC)
MOONBEAM_TIME = datetime(2025, 3, 20, 9, 30, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def respond(step: QuestionStep, right: bool) -> Any:
    """A right or wrong answer as the player sees the question (options are shuffled)."""
    kind = step.checkpoint.kind
    if kind == "order" and not right:
        return [step.choices.index(i) for i in reversed(step.checkpoint.items)]
    choose = grading.right_response if right else grading.wrong_response
    return choose(step.checkpoint, step.choices)


def play_kit(story, assignment, profile) -> Path:
    """Kit plays the whole homework through the runner; returns the results file."""
    clock = Clock()
    recorder = HomeworkRecorder(story, assignment, profile, clock=clock, now=lambda: KIT_TIME)
    session = Session(story, recorder.new_state())
    ends = []
    for _ in range(100):
        step = session.step
        if isinstance(step, PartEndStep):
            ends.append((step.level, step.score.earned, step.score.possible, step.passed))
            if step.next_level is None:
                break
            session.advance()
        elif isinstance(step, ChoiceStep):
            session.choose(0)
        elif isinstance(step, QuestionStep):
            checkpoint = step.checkpoint.id
            if checkpoint == "q_single":
                session.answer(respond(step, False), seconds=10)
                session.answer(respond(step, True), seconds=10)
            elif checkpoint == "q_tf":
                session.hint()
                session.answer(True, seconds=10)
            elif checkpoint == "q_order":
                session.answer(respond(step, False), seconds=10)
                session.answer(respond(step, False), seconds=10)
            elif checkpoint == "q_short":
                session.answer("pale blu", seconds=10)
            elif checkpoint == "q_free":
                session.answer("It comforts her to remember.", seconds=10)
            else:
                session.answer(respond(step, True), seconds=10)
            session.advance()
        else:
            session.advance()
    assert ends == [("level_1", 1.5, 2, True), ("level_2", 4.0, 5, True)]
    clock.now = 300.0
    recorder.touch()
    clock.now = 600.0
    return recorder.save(session.state, finished=True).results


class Keyboard:
    """Types for Moonbeam at the terminal: 5 seconds a key press, answers by question."""

    def __init__(self, player_ref: list[TextPlayer], clock: Clock) -> None:
        self.player_ref = player_ref
        self.clock = clock
        self.menu = ["Moonbeam", "c"]
        self.answers = {"q_single": ["Tommy"], "q_tf": ["f", "f"]}
        self.typed: list[tuple[str, str]] = []

    def __call__(self, prompt: str) -> str:
        self.clock.now += 5
        answer = self.answer(prompt)
        self.typed.append((prompt, answer))
        return answer

    def answer(self, prompt: str) -> str:
        player = self.player_ref[0]
        step = player.session.step if player.session else None
        if prompt.startswith("Press Enter to go on to"):
            return "q"  # leave after the first level
        if prompt.startswith("Type a letter"):
            if self.menu:
                return self.menu.pop(0)
            raise EOFError
        if prompt.startswith("Choose a nickname"):
            return self.menu.pop(0)
        if isinstance(step, QuestionStep):
            answer = self.answers[step.checkpoint.id].pop(0)
            if answer in step.choices and step.checkpoint.kind != "true_false":
                return str(step.choices.index(answer) + 1)  # options are shuffled per player
            return answer
        if isinstance(step, ChoiceStep):
            return "1"
        return ""


def play_moonbeam(story, assignment, saves_dir: Path) -> tuple[Path, str, Keyboard]:
    clock = Clock()
    ref: list[TextPlayer] = []
    keyboard = Keyboard(ref, clock)
    out = io.StringIO()
    player = TextPlayer(
        story,
        saves.SaveStore(saves_dir),
        read=keyboard,
        out=out,
        width=100,
        assignment=assignment,
        clock=clock,
        now=lambda: MOONBEAM_TIME,
    )
    ref.append(player)
    player.run()
    results = player.profile.results_folder / "mini-hw.results.json"
    return results, out.getvalue(), keyboard


@pytest.fixture
def classroom(mini_story, homework_file: Path, tmp_path: Path) -> dict[str, Any]:
    assignment, diagnostics = load_assignment(homework_file, mini_story)
    assert assignment is not None and diagnostics == []
    kit = saves.SaveStore(tmp_path / "pc1").create_profile("Kit")
    kit_file = play_kit(mini_story, assignment, kit)
    moon_file, text, keyboard = play_moonbeam(mini_story, assignment, tmp_path / "pc2")
    moon = saves.SaveStore(tmp_path / "pc2").find("Moonbeam")
    return {
        "assignment": assignment,
        "kit": kit,
        "kit_file": kit_file,
        "moon": moon,
        "moon_file": moon_file,
        "text": text,
        "keyboard": keyboard,
        "tmp": tmp_path,
    }


def test_kits_results_hold_every_answer_and_the_scores(classroom) -> None:
    document = read_results(classroom["kit_file"])
    assert document["student"] == {"profile": classroom["kit"].id, "nickname": "Kit"}
    assert document["score"] == {"earned": 5.5, "possible": 7, "percent": 78.6, "passed": True}
    assert (document["completed"], document["finished"], document["late"]) == (True, True, False)
    assert document["seconds"] == 600.0
    assert document["completed_at"] == "2025-03-10T18:00:00+00:00"
    assert [
        (lv["id"], lv["earned"], lv["possible"], lv["passed"]) for lv in document["levels"]
    ] == [
        ("level_1", 1.5, 2, True),
        ("level_2", 4.0, 5, True),
    ]
    assert [(t["id"], t["percent"]) for t in document["themes"]] == [
        ("friendship", 87.5),
        ("memory", 66.7),
    ]
    assert [(k["id"], k["percent"]) for k in document["skills"]] == [
        ("retrieve", 50.0),
        ("infer", 100.0),
        ("explain", 100.0),
    ]
    answers = {c["id"]: c["answer"] for c in document["checkpoints"]}
    assert answers["q_single"] == {
        "responses": ["Kathy", "Tommy"],
        "correct": True,
        "earned": 0.5,
        "tries": 2,
        "hints": 0,
        "seconds": 20.0,
        "review_rounds": 0,
    }
    assert answers["q_tf"]["hints"] == 1
    assert answers["q_free"]["responses"] == ["It comforts her to remember."]
    assert answers["q_free"]["correct"] is None


def test_kits_page_to_hand_in_says_the_score_at_a_glance(classroom) -> None:
    page = classroom["kit_file"].with_name("mini-hw.report.html").read_text(encoding="utf-8")
    assert "Score: 5.5 of 7 points (79%)" in page and ">Passed</span> (pass mark 60%)" in page
    assert "Finished 10 Mar 2025, 18:00; due 14 Mar 2025, on time" in page
    assert 'aria-label="88%"' in page and "Friendship and loyalty" not in page  # mini themes
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")


def test_moonbeam_plays_in_the_terminal_and_leaves_early(classroom, mini_story) -> None:
    text = classroom["text"]
    assert "Homework: The opening and the middle\nFor class 9B, from Ms Okafor." in text
    assert (
        "  1. The opening (2 questions): not started\n  2. The middle (6 questions): not started\n  c. Start: The opening"
        in text
    )
    assert (
        "The end of The opening.\nYou scored 1 out of 2 (50%). The pass mark is 60%. Not passed yet."
        in text
    )
    assert "Your results are saved. To print or hand in: " in text
    assert "  1. The opening (2 questions): done: 1 of 2 points (50%), not passed" in text
    document = read_results(classroom["moon_file"])
    assert document["score"] == {"earned": 1.0, "possible": 7, "percent": 14.3, "passed": False}
    assert (document["completed"], document["finished"], document["late"]) == (False, False, True)
    answers = {c["id"]: c["answer"] for c in document["checkpoints"]}
    assert (answers["q_single"]["seconds"], answers["q_tf"]["seconds"]) == (5.0, 10.0)
    assert answers["q_tf"]["responses"] == ["False", "False"]
    assert answers["q_multi"] is None
    typed = classroom["keyboard"].typed
    first = next(i for i, (prompt, _) in enumerate(typed) if prompt.startswith("Type a letter"))
    last = next(
        i for i, (prompt, _) in enumerate(typed) if prompt.startswith("Press Enter to go on")
    )
    assert document["seconds"] == 5.0 * (last - first + 1), "time counts from the brief"


def test_moonbeam_carries_on_where_she_left(classroom, mini_story) -> None:
    recorder = HomeworkRecorder(mini_story, classroom["assignment"], classroom["moon"])
    state, notice = recorder.resume()
    assert notice == "" and state is not None
    assert state.finished_levels == ("level_1",) and state.answers["q_tf"].tries == 2
    assert recorder.seconds == read_results(classroom["moon_file"])["seconds"]


def gradebook_args(paths: list[Path], **values: Any) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    gradebook_tool.add_arguments(parser)
    args = parser.parse_args([str(p) for p in paths])
    for key, value in values.items():
        setattr(args, key, value)
    return args


def usb_stick(classroom, mini_story) -> Path:
    """What a teacher collects: two students, a copy, an edited file, a damaged one, and
    another homework's results."""
    usb = classroom["tmp"] / "usb"
    (usb / "9B").mkdir(parents=True)
    shutil.copy(classroom["kit_file"], usb / "9B" / "kit.results.json")
    shutil.copy(classroom["moon_file"], usb / "9B" / "moonbeam.results.json")
    (usb / "spare").mkdir()
    shutil.copy(classroom["kit_file"], usb / "spare" / "kit-again.results.json")
    edited = json.loads(classroom["moon_file"].read_text(encoding="utf-8"))
    edited["score"]["percent"] = 100.0
    (usb / "9B" / "moonbeam-edited.results.json").write_text(json.dumps(edited), encoding="utf-8")
    (usb / "9B" / "broken.results.json").write_text('{"game": "kathys-', encoding="utf-8")
    other, _ = parse_assignment(
        "format_version: 1\nid: other-hw\ntitle: Part two\nlevels: [{part: two}]\n",
        "other.yaml",
        mini_story,
    )
    assert other is not None
    stranger = saves.SaveStore(classroom["tmp"] / "pc3").create_profile("Stranger")
    recorder = HomeworkRecorder(mini_story, other, stranger, now=lambda: KIT_TIME)
    written = recorder.save(recorder.new_state()).results
    shutil.copy(written, usb / "9B" / "stranger.results.json")
    return usb


def test_the_gradebook_from_a_usb_stick(classroom, mini_story) -> None:
    usb = usb_stick(classroom, mini_story)
    grades, html = classroom["tmp"] / "grades.csv", classroom["tmp"] / "class.html"
    out = io.StringIO()
    code = gradebook_tool.run(gradebook_args([usb], csv=grades, html=html), out)
    assert code == 0, out.getvalue()
    kit, moon = classroom["kit"].id, classroom["moon"].id
    detail = grades.read_text(encoding="utf-8-sig")
    assert detail.splitlines() == [
        "student,assignment,level,checkpoint,theme,skill,response,correct,tries,hints,seconds,points,earned,question",
        "Kit,mini-hw,level_1,q_single,friendship,retrieve,Tommy,yes,2,0,20,1,0.5,Who spoke line two?",
        "Kit,mini-hw,level_1,q_tf,memory,infer,True,yes,1,1,10,1,1,The field is in the past.",
        "Kit,mini-hw,level_2,q_multi,friendship,explain,A; B,yes,1,0,10,1,1,Which are true?",
        'Kit,mini-hw,level_2,q_order,memory,retrieve,"third, then second, then first",no,2,0,20,1,0,Order them.',
        "Kit,mini-hw,level_2,q_match,memory,retrieve,Kathy \u2014 carer; Tommy \u2014 artist; Ruth \u2014 leader,yes,1,0,10,1,1,Match them.",
        "Kit,mini-hw,level_2,q_evidence,friendship,infer,Middle line.,yes,1,0,10,1,1,Which line?",
        "Kit,mini-hw,level_2,q_short,friendship,infer,pale blu,yes,1,0,10,1,1,What colour was the shirt?",
        "Kit,mini-hw,level_2,q_free,memory,evaluate,It comforts her to remember.,not graded,1,0,10,0,0,What do you think?",
        "Moonbeam,mini-hw,level_1,q_single,friendship,retrieve,Tommy,yes,1,0,5,1,1,Who spoke line two?",
        "Moonbeam,mini-hw,level_1,q_tf,memory,infer,False,no,2,0,10,1,0,The field is in the past.",
        "Moonbeam,mini-hw,level_2,q_multi,friendship,explain,,not answered,0,0,0,1,0,Which are true?",
        "Moonbeam,mini-hw,level_2,q_order,memory,retrieve,,not answered,0,0,0,1,0,Order them.",
        "Moonbeam,mini-hw,level_2,q_match,memory,retrieve,,not answered,0,0,0,1,0,Match them.",
        "Moonbeam,mini-hw,level_2,q_evidence,friendship,infer,,not answered,0,0,0,1,0,Which line?",
        "Moonbeam,mini-hw,level_2,q_short,friendship,infer,,not answered,0,0,0,1,0,What colour was the shirt?",
        "Moonbeam,mini-hw,level_2,q_free,memory,evaluate,,not answered,0,0,0,0,0,What do you think?",
    ]  # fmt: skip
    moon_seconds = read_results(classroom["moon_file"])["seconds"]
    summary = (classroom["tmp"] / "grades-summary.csv").read_text(encoding="utf-8-sig")
    assert summary.splitlines() == [
        "student,assignment,score,pass,completed,time,late,earned,possible,levels_finished,last_saved,profile,file",
        f"Kit,mini-hw,78.6,yes,yes,10,no,5.5,7,2 of 2,2025-03-10T18:00:00+00:00,{kit},{usb / '9B' / 'kit.results.json'}",
        f"Moonbeam,mini-hw,14.3,no,no,{round(moon_seconds / 60, 1):g},yes,1,7,1 of 2,2025-03-20T09:30:00+00:00,{moon},{usb / '9B' / 'moonbeam.results.json'}",
    ]  # fmt: skip
    said = out.getvalue()
    assert said.startswith("The opening and the middle (id mini-hw): results of 2 students.\n")
    assert "4 file(s) left out:" in said
    assert (
        f"  {usb / '9B' / 'broken.results.json'}: this file is damaged or cut short (it stops making sense at line 1)"
        in said
    )
    assert (
        f"  {usb / '9B' / 'moonbeam-edited.results.json'}: this file has been edited: its checksum does not match what it says, so it cannot be trusted"
        in said
    )
    assert (
        f"  {usb / '9B' / 'stranger.results.json'}: results of another homework ('Part two', id other-hw)"
        in said
    )
    assert (
        f"  {usb / 'spare' / 'kit-again.results.json'}: a second copy of Kit's results (the same as {usb / '9B' / 'kit.results.json'})"
        in said
    )

    page = html.read_text(encoding="utf-8")
    assert "2 students · average score 46% · 1 passed · 1 finished · 1 late" in page
    assert "<td>Kit</td><td class=num>79%</td><td class=num>5.5 of 7</td>" in page
    assert "<td class=num>14%</td><td class=num>1 of 7</td>" in page
    # per question: facility and the wrong options chosen
    assert (
        "Who spoke line two?" in page
        and "2 of 2 right</td><td class=num>100%</td><td>Kathy: 1</td>" in page
    )
    assert "1 of 2 right</td><td class=num>50%</td><td>False: 1</td>" in page
    assert (
        "0 of 1 right</td><td class=num>0%</td><td>third, then second, then first: 1</td>" in page
    )
    # class averages by theme: Kit 87.5% and Moonbeam 25% of the friendship points
    assert '<td class="label">friendship</td>' not in page
    assert (
        '<td class="label">Friendship</td><td><svg width="220" height="14" role="img" aria-label="56%">'
        in page
    )
    assert (
        '<td class="label">Memory</td><td><svg width="220" height="14" role="img" aria-label="33%">'
        in page
    )
    assert "<blockquote><b>Kit:</b> It comforts her to remember.</blockquote>" in page
    assert '<blockquote class="muted">Moonbeam did not reach it.</blockquote>' in page
    assert "4 files left out" in page and "has been edited" in page
    assert "<script" not in page


def test_the_gradebook_can_be_told_which_homework(classroom, mini_story, homework_file) -> None:
    usb = usb_stick(classroom, mini_story)
    out = io.StringIO()
    assert gradebook_tool.run(gradebook_args([usb], assignment="other-hw"), out) == 0
    assert "Part two (id other-hw): results of 1 student." in out.getvalue()
    out = io.StringIO()
    args = gradebook_args([usb], assignment=str(homework_file), scenes_dir=MINI)
    assert gradebook_tool.run(args, out) == 0
    assert "(id mini-hw): results of 2 students." in out.getvalue()
    out = io.StringIO()
    assert gradebook_tool.run(gradebook_args([classroom["tmp"] / "nowhere"]), out) == 2
    assert out.getvalue().splitlines()[-2:] == [
        f"left out {classroom['tmp'] / 'nowhere'}: no such file or folder",
        "No usable results were found.",
    ]


def test_a_student_answer_never_runs_as_a_spreadsheet_formula(classroom, mini_story) -> None:
    from game.classroom.gradebook import _cell

    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _cell("-3") == "-3" and _cell("@home") == "'@home" and _cell(0.5) == "0.5"


def test_an_edited_file_is_flagged_however_small_the_edit(classroom) -> None:
    document = json.loads(classroom["kit_file"].read_text(encoding="utf-8"))
    document["checkpoints"][3]["answer"]["correct"] = True
    path = classroom["tmp"] / "edited.results.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ResultsError, match="has been edited"):
        read_results(path)
    resealed = classroom["tmp"] / "resealed.results.json"
    resealed.write_text(json.dumps(sealed(document)), encoding="utf-8")
    assert read_results(resealed)["checkpoints"][3]["answer"]["correct"] is True, (
        "the seal stops casual edits only: someone who reads the code can make a new one"
    )


def test_results_export_copies_a_students_results_for_handing_in(classroom) -> None:
    parser = argparse.ArgumentParser()
    results_tool.add_arguments(parser)
    handin = classroom["tmp"] / "handin"
    args = parser.parse_args(
        ["--saves", str(classroom["tmp"] / "pc1"), "--profile", "kit", "--export", str(handin)]
    )
    out = io.StringIO()
    assert results_tool.run(args, out) == 0, out.getvalue()
    name = f"mini-hw--kit-{classroom['kit'].id}"
    assert sorted(p.name for p in handin.iterdir()) == [
        f"{name}.report.html",
        f"{name}.results.json",
    ]
    assert read_results(handin / f"{name}.results.json")["score"]["percent"] == 78.6
    listing = io.StringIO()
    args = parser.parse_args(["--saves", str(classroom["tmp"] / "pc1")])
    assert results_tool.run(args, listing) == 0
    assert listing.getvalue().startswith(
        "Kit: The opening and the middle: 79% (passed), finished, saved 10 Mar 2025, 18:00 ("
    )


def test_opening_finished_homework_again_never_makes_it_late(classroom, mini_story) -> None:
    recorder = HomeworkRecorder(
        mini_story,
        classroom["assignment"],
        classroom["kit"],
        now=lambda: KIT_TIME + timedelta(days=30),
    )
    state, _ = recorder.resume()
    recorder.save(state)
    document = read_results(classroom["kit_file"])
    assert document["late"] is False and document["completed_at"] == "2025-03-10T18:00:00+00:00"
    assert document["updated_at"] == "2025-04-09T18:00:00+00:00"
