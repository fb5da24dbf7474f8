"""Homework levels in the runner: chosen scenes, level ends, focus themes, mastery rounds.

Every test runs twice (see `make_session` in tests/conftest.py): directly, and with the state
saved to JSON and loaded again after every action.
"""

from __future__ import annotations

import pytest

from game.play import grading, runner
from game.play.runner import ActionError, FeedbackStep, LineStep, PartEndStep, QuestionStep
from game.play.state import Level, Rules

MIDDLE = Level("middle_only", "The middle", scenes=("middle",))
BOTH = Level("both", "Middle, then the opening", scenes=("middle", "opening"))
PART_ONE = Level("one", "Part One", part="one")
PART_TWO = Level("two", "Part Two", part="two")


def respond(step: QuestionStep, right: bool) -> object:
    """A right or wrong answer in the terms the player sees (options are shuffled)."""
    choose = grading.right_response if right else grading.wrong_response
    if step.checkpoint.kind == "short" and not right:
        return "red"
    if step.checkpoint.kind == "free":
        return "I think so"
    return choose(step.checkpoint, step.choices)


def play(
    session, wrong: frozenset[str] = frozenset(), still_wrong: frozenset[str] = frozenset()
) -> list[str]:
    """Read on, choose the first option, answer until a level ends: wrongly for ids in
    `wrong`, and in review rounds wrongly again for ids in `still_wrong`.

    Returns the ids of the questions asked, in order (a review question is marked 'id*').
    """
    asked: list[str] = []
    for _ in range(200):
        step = session.step
        if isinstance(step, PartEndStep):
            return asked
        if isinstance(step, QuestionStep):
            asked.append(step.checkpoint.id + ("*" if step.review_round else ""))
            right = step.checkpoint.id not in (still_wrong if step.review_round else wrong)
            feedback = session.answer(respond(step, right), seconds=2)
            while not feedback.final:
                feedback = session.answer(respond(step, right), seconds=2)
            session.advance()
        elif isinstance(step, (LineStep, FeedbackStep)):
            session.advance()
        else:
            session.choose(0)
    raise AssertionError("no level end")


def test_a_level_of_chosen_scenes_plays_them_in_order_then_ends(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(levels=(BOTH,)))
    assert session.step.text == "Middle line."
    asked = play(session)
    assert asked == [
        "q_multi", "q_order", "q_match", "q_evidence", "q_short", "q_free", "q_single", "q_tf",
    ]  # fmt: skip
    end = session.step
    assert (end.level, end.level_title, end.next_level, end.next_part) == (
        "both",
        "Middle, then the opening",
        None,
        None,
    )
    assert (end.score.earned, end.score.possible, end.passed) == (7.0, 7, True)
    assert session.state.finished_levels == ("both",)
    assert session.state.finished_parts == (), "a few scenes do not finish a part"
    with pytest.raises(ActionError, match="end of the homework"):
        session.advance()


def test_levels_follow_each_other_and_answers_carry_their_level(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(levels=(MIDDLE, PART_TWO)))
    play(session)
    end = session.step
    assert (end.level, end.next_level, end.next_title, end.next_part) == (
        "middle_only",
        "two",
        "Part Two",
        "two",
    )
    assert session.advance().text == "Part two line."
    assert isinstance(session.advance(), PartEndStep)
    assert session.step.level == "two" and session.step.next_level is None
    assert session.state.finished_parts == ("two",)
    assert {r.level for r in session.state.answers.values()} == {"middle_only"}


def test_a_level_can_be_entered_out_of_order(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(levels=(PART_ONE, PART_TWO)), level="two")
    assert session.step.text == "Part two line."
    session.advance()
    assert session.step.next_level == "one", "the level not yet done comes next"
    session.enter_level("one")
    assert session.step.text == "Line one."
    with pytest.raises(ActionError, match="no level 'three'"):
        session.enter_level("three")


def test_starting_a_homework_by_part_finds_its_level(mini_story, make_session) -> None:
    rules = Rules(levels=(MIDDLE, PART_TWO))
    assert make_session(mini_story, rules=rules, part="two").state.level == "two"
    with pytest.raises(ActionError, match="not open in this homework"):
        make_session(mini_story, rules=rules, part="one")


def test_focus_themes_ask_only_their_questions(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(levels=(BOTH,), themes=("memory",)))
    assert play(session) == ["q_order", "q_match", "q_free", "q_tf"]
    assert session.step.score.possible == 3


def test_an_early_stop_scores_unanswered_questions_as_nothing(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(levels=(MIDDLE,)))
    session.advance()
    session.advance()
    session.answer(respond(session.step, True))
    score = runner.unit_score(mini_story, session.state)
    assert (score.earned, score.possible, score.answered) == (1.0, 5, 1)


def test_mastery_brings_missed_questions_back_until_the_pass_mark(mini_story, make_session) -> None:
    rules = Rules(levels=(MIDDLE,), mastery_rounds=2, pass_mark=80, tries=1)
    session = make_session(mini_story, rules=rules)
    asked = play(session, wrong=frozenset({"q_order", "q_match"}))
    # 3 of 5 right (60%) is below 80%: the two missed come back once; both are then right,
    # earning half points each (4 of 5 = 80%), which passes.
    assert asked == ["q_multi", "q_order", "q_match", "q_evidence", "q_short", "q_free",
                     "q_order*", "q_match*"]  # fmt: skip
    end = session.step
    assert (end.score.earned, end.score.possible, end.passed, end.review_rounds) == (
        4.0,
        5,
        True,
        1,
    )
    record = session.state.answers["q_order"]
    assert (record.correct, record.earned, record.tries, record.review_rounds) == (True, 0.5, 2, 1)
    assert record.seconds == 4.0 and len(record.responses) == 2


def test_mastery_stops_when_the_rounds_run_out(mini_story, make_session) -> None:
    rules = Rules(levels=(MIDDLE,), mastery_rounds=2, pass_mark=100, tries=1)
    session = make_session(mini_story, rules=rules)
    asked = play(session, wrong=frozenset({"q_order"}), still_wrong=frozenset({"q_order"}))
    assert asked[-2:] == ["q_order*", "q_order*"], "two rounds, then the level ends"
    end = session.step
    assert (end.passed, end.review_rounds, end.score.earned) == (False, 2, 4.0)
    assert session.state.answers["q_order"].tries == 3


def test_no_review_when_the_pass_mark_is_met(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(levels=(MIDDLE,), mastery_rounds=2, tries=1))
    asked = play(session, wrong=frozenset({"q_order"}))
    assert "q_order*" not in asked and session.step.passed is True


def test_a_review_question_says_so_and_cannot_be_rolled_back(mini_story, make_session) -> None:
    rules = Rules(levels=(MIDDLE,), mastery_rounds=1, pass_mark=100, tries=1)
    session = make_session(mini_story, rules=rules)
    for _ in range(40):
        step = session.step
        if isinstance(step, QuestionStep) and step.review_round:
            break
        if isinstance(step, QuestionStep):
            session.answer(respond(step, step.checkpoint.id != "q_short"))
        session.advance()
    step = session.step
    assert (step.checkpoint.id, step.review_round, step.already_answered) == ("q_short", 1, False)
    assert [e.text for e in runner.reread(mini_story, session.state)] == [
        "Middle line.",
        "Another line here.",
    ]
    assert not runner.can_rollback_to(session.state, 0)
    with pytest.raises(ActionError, match="missed first"):
        session.rollback(0)


def test_free_text_may_be_left_out_when_the_homework_allows(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(free_text_required=False), scene="middle")
    for _ in range(30):
        step = session.step
        if isinstance(step, QuestionStep) and step.checkpoint.kind == "free":
            break
        if isinstance(step, QuestionStep):
            session.answer(respond(step, True))
        session.advance()
    assert session.step.may_skip
    feedback = session.answer("")
    assert feedback.final and feedback.message.startswith("You left this question out")
    assert session.state.answers["q_free"].responses == ("",)


def test_free_text_is_required_by_default(mini_story, make_session) -> None:
    session = make_session(mini_story, scene="middle")
    while not (isinstance(session.step, QuestionStep) and session.step.checkpoint.kind == "free"):
        if isinstance(session.step, QuestionStep):
            session.answer(respond(session.step, True))
        session.advance()
    assert not session.step.may_skip
    with pytest.raises(ActionError, match="write at least 2 words"):
        session.answer("")
