"""Grading every kind of checkpoint, and short answers that forgive case and small typos."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.play import grading
from game.story import schema as s

BASE = {"theme": "friendship", "skill": "infer", "question": "Q?", "about": "here"}


def order(n: int) -> s.OrderEvents:
    return s.OrderEvents(
        id="o", kind="order", items=[f"event {i}" for i in range(n)], explain="Because.", **BASE
    )


def match(n: int) -> s.MatchPairs:
    pairs = [s.MatchPair(left=f"L{i}", right=f"R{i}") for i in range(n)]
    return s.MatchPairs(id="m", kind="match", pairs=pairs, explain="Because.", **BASE)


def short(accept=(), keywords=(), min_keywords=None) -> s.ShortAnswer:
    return s.ShortAnswer(
        id="sa",
        kind="short",
        accept=list(accept),
        keywords=list(keywords),
        min_keywords=min_keywords,
        explain="Because.",
        **BASE,
    )


@given(st.integers(2, 8), st.integers(0, 10_000))
def test_the_shuffled_order_is_never_already_right_and_always_gradeable(n: int, seed: int) -> None:
    checkpoint = order(n)
    shown = grading.display_order(checkpoint, seed)
    assert sorted(shown) == list(range(n)) and shown != list(range(n))
    right = [shown.index(i) for i in range(n)]
    assert grading.grade(checkpoint, right, seed).correct is True
    assert grading.grade(checkpoint, list(range(n)), seed).correct is False


@given(st.integers(2, 8), st.integers(0, 10_000), st.randoms())
def test_match_is_right_only_for_the_true_pairing(n: int, seed: int, rnd) -> None:
    checkpoint = match(n)
    shown = grading.display_order(checkpoint, seed)
    right = [shown.index(i) for i in range(n)]
    assert grading.grade(checkpoint, right, seed).correct is True
    other = right[:]
    rnd.shuffle(other)
    assert grading.grade(checkpoint, other, seed).correct is (other == right)


def test_shuffles_are_the_same_every_time_for_a_seed() -> None:
    assert grading.display_order(order(6), 7) == grading.display_order(order(6), 7)
    assert grading.choices_shown(order(6), 7) == grading.choices_shown(order(6), 7)


def test_multiple_select_must_be_exactly_the_right_set() -> None:
    checkpoint = s.MultipleSelect(
        id="ms",
        kind="multiple",
        options=[
            s.Option(text="A", correct=True, explain="a"),
            s.Option(text="B", correct=True, explain="b"),
            s.Option(text="C", explain="c"),
        ],
        **BASE,
    )
    shown = grading.choices_shown(checkpoint, 0)
    a, b, c = (shown.index(text) for text in "ABC")
    assert grading.grade(checkpoint, [b, a], 0).correct is True
    assert grading.grade(checkpoint, [a], 0).correct is False
    assert grading.grade(checkpoint, [a, b, c], 0).correct is False
    with pytest.raises(grading.ResponseError, match="at least one"):
        grading.grade(checkpoint, [], 0)


@given(st.integers(0, 10_000))
def test_options_are_shuffled_per_player_and_graded_by_what_was_shown(seed: int) -> None:
    checkpoint = s.SingleChoice(
        id="sc",
        kind="single",
        options=[
            s.Option(text=t, correct=t == "right", explain=f"because {t}")
            for t in ("right", "no", "nope", "never")
        ],
        **BASE,
    )
    shown = grading.choices_shown(checkpoint, seed)
    assert sorted(shown) == sorted(["right", "no", "nope", "never"])
    result = grading.grade(checkpoint, shown.index("right"), seed)
    assert result.correct is True and result.response_text == "right"
    assert [o.text for o in result.options] == shown, "feedback lists options as they were shown"
    assert (
        grading.grade(checkpoint, grading.wrong_response(checkpoint, shown), seed).correct is False
    )


def test_the_right_answer_is_not_always_in_the_same_place() -> None:
    checkpoint = s.SingleChoice(
        id="sc",
        kind="single",
        options=[s.Option(text=t, correct=t == "b", explain="x") for t in "abc"],
        **BASE,
    )
    places = {grading.choices_shown(checkpoint, seed).index("b") for seed in range(30)}
    assert places == {0, 1, 2}


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("favourite", True),
        ("Favourite!", True),
        ("favorite", True),  # American spelling: one letter off
        ("favourtie", True),  # two letters swapped
        ("his favourite", True),
        ("it was his favorite shirt", True),
        ("he was proud of it", True),
        ("new", False),
        ("dirty", False),
    ],
)
def test_short_answers_forgive_case_punctuation_and_small_typos(typed: str, right: bool) -> None:
    checkpoint = short(
        accept=["favourite", "his favourite"], keywords=[["favourite", "proud", "special"]]
    )
    assert grading.grade(checkpoint, typed, 0).correct is right


def test_short_answer_keywords_can_require_several() -> None:
    checkpoint = short(keywords=["madame", ["cried", "crying", "tears"]])
    assert grading.grade(checkpoint, "Madame was crying", 0).correct is True
    assert grading.grade(checkpoint, "Madame watched", 0).correct is False
    some = short(keywords=["madame", "tape", "pillow"], min_keywords=2)
    assert grading.grade(some, "the pillow and the tape", 0).correct is True
    phrase = short(keywords=["lost corner"])
    assert grading.grade(phrase, "it was the lost corner of England", 0).correct is True
    assert grading.grade(phrase, "a corner that was lost", 0).correct is False


def test_short_words_must_be_exact() -> None:
    checkpoint = short(accept=["Ruth"])
    assert grading.grade(checkpoint, "ruth", 0).correct is True
    assert grading.grade(checkpoint, "rush", 0).correct is False


@given(st.text(max_size=40), st.text(max_size=40))
def test_edit_distance_is_symmetric_and_bounded(a: str, b: str) -> None:
    limit = 3
    d1 = grading.edit_distance(a, b, limit)
    assert d1 == grading.edit_distance(b, a, limit)
    assert 0 <= d1 <= limit + 1
    assert (d1 == 0) == (a == b)


def test_free_text_is_never_graded_and_needs_words() -> None:
    checkpoint = s.FreeText(id="f", kind="free", explain="Any.", min_words=3, **BASE)
    assert grading.grade(checkpoint, "I would have gone", 0).correct is None
    with pytest.raises(grading.ResponseError, match="at least 3 words"):
        grading.grade(checkpoint, "no", 0)


def test_responses_of_the_wrong_shape_are_refused_clearly() -> None:
    checkpoint = order(3)
    with pytest.raises(grading.ResponseError, match="each of the 3 items exactly once"):
        grading.grade(checkpoint, [0, 0, 1], 0)
    with pytest.raises(grading.ResponseError, match="no option 4"):
        grading.grade(checkpoint, [0, 1, 3], 0)
    tf = s.TrueFalse(
        id="t", kind="true_false", answer=True, explain_true="y", explain_false="n", **BASE
    )
    with pytest.raises(grading.ResponseError, match="true or false"):
        grading.grade(tf, "yes", 0)
