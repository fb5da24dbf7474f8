"""The runner as a player meets it: lines, choices, conditions, questions, feedback, ends.

Every test here runs twice (see `make_session` in conftest): directly, and with the state
saved to JSON and loaded again after every action.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.play import grading, runner, scores
from game.play.runner import (
    ActionError,
    ChoiceStep,
    FeedbackStep,
    LineStep,
    PartEndStep,
    QuestionStep,
)
from game.play.state import Rules


def texts_until_choice(session) -> list[str]:
    seen = []
    while isinstance(session.step, LineStep):
        seen.append(session.step.text)
        session.advance()
    return seen


def answer_right(session) -> None:
    step = session.step
    assert isinstance(step, QuestionStep)
    response = grading.right_response(step.checkpoint, step.choices)
    feedback = session.answer(response, seconds=3.5)
    assert feedback.final
    session.advance()


def play_to_questions(session) -> None:
    texts_until_choice(session)
    session.choose(0)
    texts_until_choice(session)


def test_lines_show_speaker_setting_and_progress(mini_story, make_session) -> None:
    session = make_session(mini_story)
    first = session.step
    assert isinstance(first, LineStep)
    assert (first.text, first.speaker_name, first.where.background, first.where.time) == (
        "Line one.",
        None,
        "road",
        "present",
    )
    assert (first.where.scene_number, first.where.scenes_in_part, first.where.part_title) == (
        1,
        2,
        "Part One",
    )
    second = session.advance()
    assert (second.text, second.speaker, second.speaker_name) == ("Line two.", "tommy", "Tommy")


def test_a_setting_beat_changes_background_and_time(mini_story, make_session) -> None:
    session = make_session(mini_story)
    session.advance()
    choice = session.advance()
    assert isinstance(choice, ChoiceStep)
    assert (choice.where.background, choice.where.time) == ("field", "past")


def test_hidden_options_appear_only_when_their_condition_holds(mini_story, make_session) -> None:
    session = make_session(mini_story)
    texts_until_choice(session)
    assert session.step.options == ("Kind", "Secret")
    session.state = replace(session.state, flags={"secret": True})
    assert session.step.options == ("Kind", "Secret", "Hidden unless secret")
    session.choose(2)
    assert session.step.where.scene == "middle"


def test_choices_set_flags_add_counters_and_branch(mini_story, make_session) -> None:
    kind = make_session(mini_story)
    texts_until_choice(kind)
    kind.choose(0)
    assert texts_until_choice(kind) == ["You were kind.", "No secret.", "An older passage."]
    assert kind.state.flags == {"kindness": 1}
    secret = make_session(mini_story)
    texts_until_choice(secret)
    secret.choose(1)
    assert texts_until_choice(secret) == ["You kept the secret.", "An older passage."]
    assert secret.state.flags == {"secret": True}


def test_the_young_age_mode_shows_the_gentle_summary_instead(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(age_mode="11-13"))
    texts_until_choice(session)
    session.choose(0)
    assert texts_until_choice(session) == ["You were kind.", "No secret.", "A gentle summary."]


def test_journal_entries_are_kept_with_their_theme(mini_story, make_session) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    assert [(e.text, e.theme, e.part) for e in session.state.journal] == [
        ("I remember the field.", "memory", "one")
    ]


def test_actions_that_do_not_fit_say_so(mini_story, make_session) -> None:
    session = make_session(mini_story)
    with pytest.raises(ActionError, match="no choice"):
        session.choose(0)
    with pytest.raises(ActionError, match="no question"):
        session.answer(0)
    texts_until_choice(session)
    with pytest.raises(ActionError, match="choose one of the options first"):
        session.advance()
    with pytest.raises(ActionError, match="from 1 to 2"):
        session.choose(5)


def test_a_wrong_answer_with_tries_left_asks_again_then_half_marks(
    mini_story, make_session
) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    step = session.step
    assert isinstance(step, QuestionStep) and step.checkpoint.id == "q_single"
    assert (step.tries_left, step.tries_allowed, step.choices) == (2, 2, ("Tommy", "Kathy"))
    wrong = session.answer(1, seconds=4)
    assert (wrong.correct, wrong.final, wrong.tries_left) == (False, False, 1)
    assert "try again" in wrong.message and wrong.explanation == ""
    again = session.step
    assert (
        isinstance(again, QuestionStep) and again.tries_left == 1 and again.last_feedback == wrong
    )
    right = session.answer(0, seconds=2)
    assert (right.correct, right.final, right.earned) == (True, True, 0.5)
    assert right.explanation == "Tommy said it."
    assert isinstance(session.step, FeedbackStep)
    record = session.state.answers["q_single"]
    assert (record.tries, record.earned, record.seconds, record.responses) == (
        2,
        0.5,
        6.0,
        ("Kathy", "Tommy"),
    )
    assert (record.theme, record.skill, record.part, record.scene) == (
        "friendship",
        "retrieve",
        "one",
        "opening",
    )


def test_when_tries_run_out_the_answer_and_every_explanation_are_shown(
    mini_story, make_session
) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    session.answer(1)
    final = session.answer(1)
    assert (final.correct, final.final, final.earned, final.right_answer) == (
        False,
        True,
        0.0,
        "Tommy",
    )
    assert [(o.text, o.correct, o.chosen, o.explain) for o in final.options] == [
        ("Tommy", True, False, "Tommy said it."),
        ("Kathy", False, True, "Kathy did not speak."),
    ]


def test_hints_are_counted_and_can_be_switched_off(mini_story, make_session) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    assert session.hint() == "Look at the speaker."
    assert session.step.hint == "Look at the speaker."
    session.hint()
    session.answer(0)
    assert session.state.answers["q_single"].hints == 1
    locked = make_session(mini_story, rules=Rules(hints=False))
    play_to_questions(locked)
    assert locked.step.hints_allowed is False
    with pytest.raises(ActionError, match="hints are switched off"):
        locked.hint()


def test_every_kind_of_checkpoint_can_be_answered_right(mini_story, make_session) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    for _ in range(8):
        answer_right(session)
        if isinstance(session.step, PartEndStep):
            break
        texts_until_choice(session)
    assert isinstance(session.step, PartEndStep)
    assert session.state.answers["q_free"].correct is None
    total = scores.overall(session.state.answers.values(), "one")
    assert (total.earned, total.possible, total.percent) == (7.0, 7, 100.0)


def test_the_part_ends_then_the_next_part_starts(mini_story, make_session) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    for _ in range(8):
        answer_right(session)
        if isinstance(session.step, PartEndStep):
            break
        texts_until_choice(session)
    end = session.step
    assert (end.part, end.part_title, end.next_part) == ("one", "Part One", "two")
    assert session.state.finished_parts == ("one",)
    nxt = session.advance()
    assert isinstance(nxt, LineStep) and nxt.text == "Part two line." and nxt.where.part == "two"
    last = session.advance()
    assert isinstance(last, PartEndStep) and last.next_part is None
    with pytest.raises(ActionError, match="end of the story"):
        session.advance()


def test_homework_can_close_parts(mini_story, make_session) -> None:
    session = make_session(mini_story, part="two", rules=Rules(open_parts=("two",)))
    assert session.step.text == "Part two line."
    with pytest.raises(ActionError, match="not open"):
        make_session(mini_story, part="one", rules=Rules(open_parts=("two",)))


def test_feedback_at_the_end_holds_explanations_until_the_part_ends(
    mini_story, make_session
) -> None:
    session = make_session(mini_story, rules=Rules(feedback="end"))
    play_to_questions(session)
    assert session.step.tries_allowed == 1
    held = session.answer(1)
    assert held.withheld and held.final and held.explanation == "" and held.earned == 0
    assert session.state.answers["q_single"].correct is False
    session.advance()
    for _ in range(8):
        if isinstance(session.step, PartEndStep):
            break
        if isinstance(session.step, QuestionStep):
            answer_right(session)
        else:
            texts_until_choice(session)
    end = session.step
    assert isinstance(end, PartEndStep)
    assert [f.checkpoint for f in end.withheld][:2] == ["q_single", "q_tf"]
    assert end.withheld[0].explanation == "Kathy did not speak."


def test_rollback_returns_to_a_line_as_it_was(mini_story, make_session) -> None:
    session = make_session(mini_story)
    texts_until_choice(session)
    session.choose(1)
    texts_until_choice(session)
    assert session.state.flags == {"secret": True} and len(session.state.journal) == 1
    history = session.state.history
    assert [h.text for h in history] == [
        "Line one.",
        "Line two.",
        "You kept the secret.",
        "An older passage.",
    ]
    back = session.rollback(1)
    assert back.text == "Line two." and session.state.flags == {} and session.state.journal == ()
    assert [h.text for h in session.state.history] == ["Line one.", "Line two."]


def test_a_teacher_can_lock_answered_checkpoints_against_rollback(mini_story, make_session) -> None:
    session = make_session(mini_story, rules=Rules(lock_answered=True))
    play_to_questions(session)
    answer_right(session)
    assert not runner.can_rollback_to(session.state, 0)
    with pytest.raises(ActionError, match="locked"):
        session.rollback(0)
    free = make_session(mini_story)
    play_to_questions(free)
    answer_right(free)
    free.rollback(0)
    assert "q_single" in free.state.answers, "answers stay recorded after going back"
    play_to_questions(free)
    assert free.step.already_answered
    practice = free.answer(1)
    assert practice.practice
    assert free.state.answers["q_single"].earned == 1.0, "a practice try never changes the score"


def test_reread_gives_the_lines_from_the_moment_asked_about(mini_story, make_session) -> None:
    session = make_session(mini_story)
    play_to_questions(session)
    lines = runner.reread(mini_story, session.state)
    assert [entry.text for entry in lines] == [
        "Line two.",
        "You were kind.",
        "No secret.",
        "An older passage.",
    ]


def test_start_at_a_scene_with_flags(mini_story, make_session) -> None:
    session = make_session(mini_story, scene="middle", flags={"secret": True})
    assert session.step.text == "Middle line." and session.state.flags == {"secret": True}
    with pytest.raises(ActionError, match="no scene 'nowhere'"):
        make_session(mini_story, scene="nowhere")
