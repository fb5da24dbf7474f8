"""Grade a response to a checkpoint and explain it, for every kind of checkpoint.

Responses are given in *display* terms (the index of the option the player picked, the order
they put the shuffled items in), because that is what every front end has; `display_order`
makes the shuffles from the state's seed, so they are the same on every screen and after a
load.  Short answers forgive case, punctuation and small typos.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..story import schema as s
from .state import OptionFeedback


class ResponseError(ValueError):
    """A response that does not fit the checkpoint (wrong type, index out of range, ...)."""


@dataclass(frozen=True, slots=True)
class Grade:
    correct: bool | None
    options: tuple[OptionFeedback, ...]
    explanation: str
    right_answer: str
    response_text: str
    """The response in words, for results and the teacher's gradebook."""


def display_order(checkpoint: s.Checkpoint, seed: int) -> list[int]:
    """How options, events (order) or right-hand sides (match) are shuffled for this player.

    Options are shuffled so that where a writer happens to put the right answer teaches
    nothing ("it is always the second one").  Events and pairs are never shown in the right
    order itself when there is another: a question whose answer is already on the screen
    would test nothing.
    """
    if isinstance(checkpoint, (s.SingleChoice, s.MultipleSelect, s.PickEvidence)):
        order = list(range(len(checkpoint.options)))
        random.Random(f"{seed}:{checkpoint.id}:options").shuffle(order)
        return order
    if isinstance(checkpoint, s.OrderEvents):
        count = len(checkpoint.items)
    elif isinstance(checkpoint, s.MatchPairs):
        count = len(checkpoint.pairs)
    else:
        return []
    order = list(range(count))
    random.Random(f"{seed}:{checkpoint.id}").shuffle(order)
    if order == sorted(order):  # never show the answer itself: rotate by one instead
        order = order[1:] + order[:1]
    return order


def choices_shown(checkpoint: s.Checkpoint, seed: int) -> list[str]:
    """The texts a player chooses among, in display order."""
    if isinstance(checkpoint, (s.SingleChoice, s.MultipleSelect, s.PickEvidence)):
        return [checkpoint.options[i].text for i in display_order(checkpoint, seed)]
    if isinstance(checkpoint, s.TrueFalse):
        return ["True", "False"]
    if isinstance(checkpoint, s.OrderEvents):
        return [checkpoint.items[i] for i in display_order(checkpoint, seed)]
    if isinstance(checkpoint, s.MatchPairs):
        return [checkpoint.pairs[i].right for i in display_order(checkpoint, seed)]
    return []


def grade(checkpoint: s.Checkpoint, response: Any, seed: int) -> Grade:
    """Grade `response`; raises ResponseError if it is not a response to this checkpoint."""
    if isinstance(checkpoint, (s.SingleChoice, s.PickEvidence)):
        return _grade_single(checkpoint, response, seed)
    if isinstance(checkpoint, s.MultipleSelect):
        return _grade_multiple(checkpoint, response, seed)
    if isinstance(checkpoint, s.TrueFalse):
        return _grade_true_false(checkpoint, response)
    if isinstance(checkpoint, s.OrderEvents):
        return _grade_order(checkpoint, response, seed)
    if isinstance(checkpoint, s.MatchPairs):
        return _grade_match(checkpoint, response, seed)
    if isinstance(checkpoint, s.ShortAnswer):
        return _grade_short(checkpoint, response)
    return _grade_free(checkpoint, response)


def _index(response: Any, count: int) -> int:
    if isinstance(response, bool) or not isinstance(response, int):
        raise ResponseError(f"expected the number of an option, got {response!r}")
    if not 0 <= response < count:
        raise ResponseError(f"there is no option {response + 1}; choose 1 to {count}")
    return response


def _option_feedback(
    checkpoint: s.SingleChoice | s.MultipleSelect | s.PickEvidence,
    shown: list[int],
    chosen: set[int],
) -> tuple[OptionFeedback, ...]:
    """Every option with its explanation, in the order the player saw them."""
    return tuple(
        OptionFeedback(
            checkpoint.options[index].text,
            checkpoint.options[index].correct,
            index in chosen,
            checkpoint.options[index].explain,
        )
        for index in shown
    )


def _grade_single(checkpoint: s.SingleChoice | s.PickEvidence, response: Any, seed: int) -> Grade:
    """`response` is the display position of the option chosen."""
    shown = display_order(checkpoint, seed)
    chosen = shown[_index(response, len(checkpoint.options))]
    right = next(option for option in checkpoint.options if option.correct)
    return Grade(
        checkpoint.options[chosen].correct,
        _option_feedback(checkpoint, shown, {chosen}),
        checkpoint.options[chosen].explain,
        right.text,
        checkpoint.options[chosen].text,
    )


def _grade_multiple(checkpoint: s.MultipleSelect, response: Any, seed: int) -> Grade:
    """`response` holds the display positions of every option chosen."""
    if isinstance(response, (str, bytes)) or not isinstance(
        response, (list, tuple, set, frozenset)
    ):
        raise ResponseError(f"expected a set of option numbers, got {response!r}")
    shown = display_order(checkpoint, seed)
    chosen = {shown[_index(item, len(checkpoint.options))] for item in response}
    if not chosen:
        raise ResponseError("choose at least one option")
    right = {index for index, option in enumerate(checkpoint.options) if option.correct}
    return Grade(
        chosen == right,
        _option_feedback(checkpoint, shown, chosen),
        "",
        "; ".join(checkpoint.options[i].text for i in sorted(right)),
        "; ".join(checkpoint.options[i].text for i in sorted(chosen)),
    )


def _grade_true_false(checkpoint: s.TrueFalse, response: Any) -> Grade:
    if not isinstance(response, bool):
        raise ResponseError(f"expected true or false, got {response!r}")
    options = (
        OptionFeedback("True", checkpoint.answer, response, checkpoint.explain_true),
        OptionFeedback("False", not checkpoint.answer, not response, checkpoint.explain_false),
    )
    explanation = checkpoint.explain_true if response else checkpoint.explain_false
    return Grade(
        response == checkpoint.answer,
        options,
        explanation,
        "True" if checkpoint.answer else "False",
        "True" if response else "False",
    )


def _permutation(response: Any, count: int) -> list[int]:
    if isinstance(response, (str, bytes)) or not isinstance(response, (list, tuple)):
        raise ResponseError(f"expected a list of {count} positions, got {response!r}")
    items = [_index(item, count) for item in response]
    if sorted(items) != list(range(count)):
        raise ResponseError(f"use each of the {count} items exactly once")
    return items


def _grade_order(checkpoint: s.OrderEvents, response: Any, seed: int) -> Grade:
    """`response` lists display positions, first event first."""
    shown = display_order(checkpoint, seed)
    picked = [shown[position] for position in _permutation(response, len(checkpoint.items))]
    options = tuple(
        OptionFeedback(
            f"{place + 1}. {checkpoint.items[item]}",
            item == place,
            True,
            "" if item == place else f"this is event {item + 1} of {len(checkpoint.items)}",
        )
        for place, item in enumerate(picked)
    )
    return Grade(
        picked == list(range(len(checkpoint.items))),
        options,
        checkpoint.explain,
        ", then ".join(checkpoint.items),
        ", then ".join(checkpoint.items[item] for item in picked),
    )


def _grade_match(checkpoint: s.MatchPairs, response: Any, seed: int) -> Grade:
    """`response[i]` is the display position of the right-hand side given to left item i."""
    shown = display_order(checkpoint, seed)
    picked = [shown[position] for position in _permutation(response, len(checkpoint.pairs))]
    options = tuple(
        OptionFeedback(
            f"{pair.left} — {checkpoint.pairs[picked[index]].right}",
            picked[index] == index,
            True,
            "" if picked[index] == index else f"it goes with: {pair.right}",
        )
        for index, pair in enumerate(checkpoint.pairs)
    )
    return Grade(
        picked == list(range(len(checkpoint.pairs))),
        options,
        checkpoint.explain,
        "; ".join(f"{pair.left} — {pair.right}" for pair in checkpoint.pairs),
        "; ".join(
            f"{pair.left} — {checkpoint.pairs[picked[index]].right}"
            for index, pair in enumerate(checkpoint.pairs)
        ),
    )


def _text(response: Any) -> str:
    if not isinstance(response, str):
        raise ResponseError(f"expected typed text, got {response!r}")
    return response.strip()


def _grade_short(checkpoint: s.ShortAnswer, response: Any) -> Grade:
    text = _text(response)
    if not text:
        raise ResponseError("type an answer first")
    correct = short_answer_matches(
        text, checkpoint.accept, checkpoint.keywords, checkpoint.min_keywords
    )
    shown = (
        checkpoint.accept[0]
        if checkpoint.accept
        else ", ".join(
            group if isinstance(group, str) else group[0] for group in checkpoint.keywords
        )
    )
    return Grade(correct, (), checkpoint.explain, shown, text)


def _grade_free(checkpoint: s.FreeText, response: Any) -> Grade:
    text = _text(response)
    words = len(text.split())
    if words < max(checkpoint.min_words, 1):
        need = max(checkpoint.min_words, 1)
        raise ResponseError(
            f"write at least {need} word{'s' if need != 1 else ''} (you have {words})"
        )
    return Grade(None, (), checkpoint.explain, "", text)


# ---------------------------------------------------------------------- short answers

_NOT_WORD = re.compile(r"[^a-z0-9']+")


def normalise_answer(text: str) -> str:
    """Lower case, curly quotes made plain, punctuation dropped, single spaces."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(_NOT_WORD.sub(" ", text).replace("'", "").split())


def typo_allowance(word: str) -> int:
    """Small typos forgiven: none up to 5 letters (carer is not career), one up to 8, then two."""
    if len(word) <= 5:
        return 0
    return 1 if len(word) <= 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (swaps count as one), stopping early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _close(answer: str, target: str) -> bool:
    return edit_distance(answer, target, typo_allowance(target)) <= typo_allowance(target)


def _phrase_in(words: Sequence[str], phrase: str) -> bool:
    target = phrase.split()
    if not target:
        return False
    size = len(target)
    for start in range(len(words) - size + 1):
        window = words[start : start + size]
        if all(_close(word, goal) for word, goal in zip(window, target, strict=True)):
            return True
    return False


def short_answer_matches(
    text: str,
    accept: Sequence[str],
    keywords: Sequence[str | Sequence[str]],
    min_keywords: int | None,
) -> bool:
    """Right if it matches an accepted answer, or holds enough keyword groups."""
    answer = normalise_answer(text)
    for accepted in accept:
        target = normalise_answer(accepted)
        allowance = typo_allowance(target) if " " not in target else max(1, len(target) // 8)
        if target and edit_distance(answer, target, allowance) <= allowance:
            return True
    if not keywords:
        return False
    words = answer.split()
    groups = [[group] if isinstance(group, str) else list(group) for group in keywords]
    found = sum(
        1 for group in groups if any(_phrase_in(words, normalise_answer(alt)) for alt in group)
    )
    needed = min_keywords if min_keywords is not None else len(groups)
    return found >= needed


# ---------------------------------------------------------------------- robots and tests


def right_response(checkpoint: s.Checkpoint, choices: Sequence[str]) -> Any:
    """A response graded right, in display terms (`choices` as a QuestionStep shows them).

    For robots (playtest, scripted players) and tests, which must not guess positions:
    options are shuffled for each player.
    """
    if isinstance(checkpoint, (s.SingleChoice, s.PickEvidence)):
        return choices.index(next(o.text for o in checkpoint.options if o.correct))
    if isinstance(checkpoint, s.MultipleSelect):
        return sorted(choices.index(o.text) for o in checkpoint.options if o.correct)
    if isinstance(checkpoint, s.TrueFalse):
        return checkpoint.answer
    if isinstance(checkpoint, s.OrderEvents):
        return [choices.index(item) for item in checkpoint.items]
    if isinstance(checkpoint, s.MatchPairs):
        return [choices.index(pair.right) for pair in checkpoint.pairs]
    if isinstance(checkpoint, s.ShortAnswer):
        if checkpoint.accept:
            return checkpoint.accept[0]
        return " ".join(g if isinstance(g, str) else g[0] for g in checkpoint.keywords)
    return " ".join(["thoughtful"] * max(checkpoint.min_words, 1))


def wrong_response(checkpoint: s.Checkpoint, choices: Sequence[str]) -> Any:
    """A response graded wrong (free text cannot be wrong: then any text), in display terms."""
    if isinstance(checkpoint, (s.SingleChoice, s.PickEvidence)):
        wrong = [choices.index(o.text) for o in checkpoint.options if not o.correct]
        return min(wrong) if wrong else 0
    if isinstance(checkpoint, s.MultipleSelect):
        wrong = [choices.index(o.text) for o in checkpoint.options if not o.correct]
        return [min(wrong)] if wrong else [0]
    if isinstance(checkpoint, s.TrueFalse):
        return not checkpoint.answer
    if isinstance(checkpoint, (s.OrderEvents, s.MatchPairs)):
        right = right_response(checkpoint, choices)
        return right[1:] + right[:1]
    if isinstance(checkpoint, s.ShortAnswer):
        return "zzz"
    return right_response(checkpoint, choices)
