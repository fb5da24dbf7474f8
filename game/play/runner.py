"""The runner: a pure function of (story, state, action) that every front end shares.

`current(story, state)` says what the player faces now (a line, a choice, a question, its
feedback, or the end of a part); `advance`, `choose`, `answer`, `ask_hint`, `rollback` and
`start` return a new state.  No pygame, no clock (front ends pass the seconds an answer took),
no disk.  Invalid actions raise `ActionError` with a message a front end can show.

Homework (`Rules.levels`) is played as *levels*: a whole part, or chosen scenes played in
order.  `start(level=...)` and `enter_level` go to a level's start; the end of a level shows
as a `PartEndStep` naming the level.  In mastery mode (`Rules.mastery_rounds`) the checkpoints
missed in a level come back, one round after another, until the pass mark is met or the
rounds run out; `QuestionStep.review_round` says when a question is such a second chance.

`Session` wraps a story and a state for front ends that prefer methods to functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..story import model as m
from ..story import schema as s
from . import grading, scores
from .state import (
    HISTORY_LIMIT,
    AnswerRecord,
    Attempt,
    Feedback,
    FlagValue,
    HistoryEntry,
    JournalEntry,
    Level,
    PlayState,
    Rules,
)

MAX_INSTANT_OPS = 100_000
"""Ops run without waiting for the player before the runner calls it a loop."""

LATER_TRY_SHARE = 0.5
"""A right answer after a wrong one earns half the points."""


class ActionError(ValueError):
    """An action that does not fit the current step (e.g. choosing while a line is shown)."""


class StoryLoopError(RuntimeError):
    """The story jumps around forever without showing anything (lint's playtest finds these)."""


# ---------------------------------------------------------------------- steps

NO_SCORE = scores.Score()


@dataclass(frozen=True, slots=True)
class Where:
    """Where the player is: shown by every step."""

    scene: str
    scene_title: str
    part: str
    part_title: str
    background: str
    time: str
    scene_number: int
    scenes_in_part: int


@dataclass(frozen=True, slots=True)
class LineStep:
    where: Where
    kind: str
    text: str
    speaker: str | None
    speaker_name: str | None
    chapter: int | None


@dataclass(frozen=True, slots=True)
class ChoiceStep:
    where: Where
    prompt: str | None
    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuestionStep:
    where: Where
    checkpoint: s.Checkpoint
    theme_name: str
    choices: tuple[str, ...]
    """Options, True/False, shuffled events (order) or shuffled right-hand sides (match)."""
    tries_left: int
    tries_allowed: int
    hint: str | None
    """The hint, once asked for."""
    hints_allowed: bool
    last_feedback: Feedback | None
    """The feedback of a wrong try when another try is allowed."""
    already_answered: bool
    review_round: int = 0
    """Mastery mode: 1, 2, ... when this is another go at a question missed in the level."""
    may_skip: bool = False
    """A free-text question the homework lets the player leave out (answer with "")."""


@dataclass(frozen=True, slots=True)
class FeedbackStep:
    where: Where
    feedback: Feedback


@dataclass(frozen=True, slots=True)
class PartEndStep:
    where: Where
    part: str
    part_title: str
    next_part: str | None
    """The part that follows, or None at the end of the story (or of the homework)."""
    withheld: tuple[Feedback, ...]
    """Feedback a teacher's setting held back until now."""
    level: str | None = None
    """The homework level that ended (None outside homework)."""
    level_title: str | None = None
    next_level: str | None = None
    """The homework level that follows (the next one not yet finished), or None when done."""
    next_title: str | None = None
    """The title of what comes next (a level, or a part outside homework), or None."""
    score: scores.Score = NO_SCORE
    """The score of the level (or part) over all its checkpoints; unanswered ones earn 0."""
    passed: bool | None = None
    """Homework only: whether the level's score reaches the pass mark."""
    review_rounds: int = 0
    """Mastery mode: how many review rounds this level took."""


Step = LineStep | ChoiceStep | QuestionStep | FeedbackStep | PartEndStep


# ---------------------------------------------------------------------- starting


def start(
    story: m.Story,
    *,
    part: str | None = None,
    scene: str | None = None,
    rules: Rules | None = None,
    seed: int = 0,
    flags: Mapping[str, FlagValue] | None = None,
    level: str | None = None,
) -> PlayState:
    """A new play-through at the start of `part` (default: the first open part) or `scene`.

    With homework levels in `rules`, it starts at `level` (default: the first level), or at
    the level that is `part`.
    """
    rules = rules or Rules()
    if rules.levels and scene is None and level is None:
        if part is None:
            level = rules.levels[0].id
        else:
            level = next((lv.id for lv in rules.levels if lv.part == part), None)
            if level is None:
                title = story.part(part).title if story.has_part(part) else part
                raise ActionError(f"the part '{title}' is not open in this homework")
    if level is not None:
        chosen = find_level(rules, level)
        if chosen is None:
            raise ActionError(f"there is no level '{level}' in this homework")
        scene = level_scenes(story, chosen)[0]
    if scene is None:
        if part is None:
            open_parts = [p.id for p in story.parts if _part_open(rules, p.id)]
            if not open_parts:
                raise ActionError("no part of the story is open")
            part = open_parts[0]
        if not story.has_part(part):
            raise ActionError(f"there is no part '{part}'")
        if not _part_open(rules, part):
            raise ActionError(f"the part '{story.part(part).title}' is not open in this homework")
        scene = story.part(part).first_scene
    if scene not in story.scenes:
        raise ActionError(f"there is no scene '{scene}'")
    target = story.scenes[scene]
    state = PlayState(
        scene=scene,
        part=target.part,
        pc=0,
        flags=dict(flags or {}),
        background=target.background,
        time=target.time,
        rules=rules,
        seed=seed,
        seen_scenes=(scene,),
        scene_digest=target.digest,
        level=level,
    )
    return _settle(story, state)


def _part_open(rules: Rules, part: str) -> bool:
    return rules.open_parts is None or part in rules.open_parts


# ---------------------------------------------------------------------- levels


def find_level(rules: Rules, level_id: str | None) -> Level | None:
    return next((level for level in rules.levels if level.id == level_id), None)


def level_scenes(story: m.Story, level: Level) -> tuple[str, ...]:
    """The scenes of a level: the chosen ones, or every scene of its part in playing order."""
    if level.part is not None:
        return story.part(level.part).scenes
    return level.scenes


def asked(checkpoint: s.Checkpoint, rules: Rules) -> bool:
    """Whether the rules ask this checkpoint (a homework may focus on some themes)."""
    return not rules.themes or checkpoint.theme in rules.themes


def level_checkpoints(story: m.Story, rules: Rules, level: Level) -> list[s.Checkpoint]:
    """The checkpoints a level asks, in playing order."""
    found: list[s.Checkpoint] = []
    for scene_id in level_scenes(story, level):
        scene = story.scenes.get(scene_id)
        if scene is not None:
            found.extend(c for c in scene.checkpoints if asked(c, rules))
    return found


def _unit_checkpoints(story: m.Story, state: PlayState) -> list[s.Checkpoint]:
    """The checkpoints of the level being played, or of the part outside homework."""
    level = find_level(state.rules, state.level)
    if level is not None:
        return level_checkpoints(story, state.rules, level)
    if not story.has_part(state.part):
        return []
    part_level = Level(state.part, story.part(state.part).title, part=state.part)
    return level_checkpoints(story, state.rules, part_level)


def unit_score(story: m.Story, state: PlayState) -> scores.Score:
    """The score of the current level (or part) over all its graded checkpoints."""
    graded = [(c.id, c.points) for c in _unit_checkpoints(story, state) if c.kind != "free"]
    return scores.out_of(state.answers, graded)


def next_level(state: PlayState) -> Level | None:
    """The level after the current one that is not finished yet (wrapping round), or None."""
    levels = state.rules.levels
    ids = [level.id for level in levels]
    here = ids.index(state.level) if state.level in ids else -1
    for offset in range(1, len(levels) + 1):
        candidate = levels[(here + offset) % len(levels)]
        if candidate.id != state.level and candidate.id not in state.finished_levels:
            return candidate
    return None


def enter_level(story: m.Story, state: PlayState, level_id: str) -> PlayState:
    """Go to the start of a homework level, keeping the answers given so far."""
    level = find_level(state.rules, level_id)
    if level is None:
        raise ActionError(f"there is no level '{level_id}' in this homework")
    first = story.scenes[level_scenes(story, level)[0]]
    return _settle(
        story,
        placed_at(
            state,
            first,
            withheld=(),
            review=(),
            review_round=0,
            level=level.id,
            seen_scenes=_add(state.seen_scenes, first.id),
        ),
    )


def _next_scene_of(level: Level, scene_id: str) -> str | None:
    """In a level of chosen scenes: the scene that follows `scene_id`, or None after the last."""
    if scene_id not in level.scenes:
        return None
    index = level.scenes.index(scene_id)
    return level.scenes[index + 1] if index + 1 < len(level.scenes) else None


def _unit_end(story: m.Story, state: PlayState) -> PlayState:
    """The end of a level (or part): a review round in mastery mode, else the summary."""
    rules = state.rules
    if rules.mastery_rounds > state.review_round:
        score = unit_score(story, state)
        if score.possible and score.percent < rules.pass_mark:
            missed = tuple(
                c.id
                for c in _unit_checkpoints(story, state)
                if c.kind != "free"
                and c.id in state.answers
                and state.answers[c.id].correct is False
            )
            if missed:
                return review_position(
                    story, replace(state, review=missed, review_round=state.review_round + 1)
                )
    level = find_level(rules, state.level)
    finished_parts = state.finished_parts
    if level is None or level.part is not None:
        finished_parts = _add(finished_parts, state.part)
    finished_levels = state.finished_levels
    if level is not None:
        finished_levels = _add(finished_levels, level.id)
    return replace(
        state,
        ended_part=state.part,
        finished_parts=finished_parts,
        finished_levels=finished_levels,
        review=(),
        attempt=None,
        feedback=None,
    )


def _ask_pc(scene: m.Scene, checkpoint_id: str) -> int | None:
    for pc, op in enumerate(scene.ops):
        if isinstance(op, m.Ask) and op.checkpoint.id == checkpoint_id:
            return pc
    return None


def review_position(story: m.Story, state: PlayState) -> PlayState:
    """Place a state in review at the first checkpoint of `state.review` that still exists."""
    review = state.review
    while review:
        scene = story.scenes.get(story.checkpoint_scene.get(review[0], ""))
        pc = _ask_pc(scene, review[0]) if scene is not None else None
        if scene is not None and pc is not None:
            return placed_at(state, scene, pc, review=review, ended_part=state.ended_part)
        review = review[1:]
    return _unit_end(story, replace(state, review=(), attempt=None, feedback=None))


# ---------------------------------------------------------------------- what now


def current(story: m.Story, state: PlayState) -> Step:
    """What the player faces in `state`."""
    where = _where(story, state)
    if state.ended_part is not None:
        return _end_step(story, state, where)
    if state.feedback is not None:
        return FeedbackStep(where, state.feedback)
    op = _op(story, state)
    if isinstance(op, m.ShowLine):
        return LineStep(
            where, op.kind, op.text, op.speaker, story.speaker_name(op.speaker), op.chapter
        )
    if isinstance(op, m.Offer):
        return ChoiceStep(where, op.prompt, tuple(option.text for option in _visible(op, state)))
    if isinstance(op, m.Ask):
        checkpoint = op.checkpoint
        attempt = state.attempt or Attempt(checkpoint.id)
        allowed = tries_allowed(story, state)
        theme = story.themes.get(checkpoint.theme)
        in_review = _in_review(state, checkpoint.id)
        return QuestionStep(
            where,
            checkpoint,
            theme.name if theme else checkpoint.theme,
            tuple(grading.choices_shown(checkpoint, state.seed)),
            max(allowed - attempt.tries, 0),
            allowed,
            checkpoint.hint if attempt.hint_shown else None,
            state.rules.hints and bool(checkpoint.hint),
            attempt.last,
            checkpoint.id in state.answers and not in_review,
            state.review_round if in_review else 0,
            checkpoint.kind == "free" and not state.rules.free_text_required,
        )
    raise AssertionError(f"the runner stopped on {type(op).__name__}")  # pragma: no cover


def _end_step(story: m.Story, state: PlayState, where: Where) -> PartEndStep:
    assert state.ended_part is not None
    score = unit_score(story, state)
    level = find_level(state.rules, state.level)
    if level is not None:
        following = next_level(state)
        return PartEndStep(
            where,
            state.ended_part,
            story.part(state.ended_part).title,
            level_part(story, following) if following else None,
            state.withheld,
            level=level.id,
            level_title=level.title,
            next_level=following.id if following else None,
            next_title=following.title if following else None,
            score=score,
            passed=score.possible == 0 or score.percent >= state.rules.pass_mark,
            review_rounds=state.review_round,
        )
    next_part = story.next_part(state.ended_part)
    while next_part is not None and not _part_open(state.rules, next_part.id):
        next_part = story.next_part(next_part.id)
    return PartEndStep(
        where,
        state.ended_part,
        story.part(state.ended_part).title,
        next_part.id if next_part else None,
        state.withheld,
        next_title=next_part.title if next_part else None,
        score=score,
        review_rounds=state.review_round,
    )


def level_part(story: m.Story, level: Level) -> str:
    """The part a level starts in."""
    return level.part or story.scenes[level.scenes[0]].part


def _in_review(state: PlayState, checkpoint_id: str) -> bool:
    return bool(state.review) and state.review[0] == checkpoint_id


def tries_allowed(story: m.Story, state: PlayState) -> int:
    if state.rules.feedback == "end":
        return 1
    return state.rules.tries or story.default_tries


def _where(story: m.Story, state: PlayState) -> Where:
    scene = story.scenes[state.scene]
    part = story.part(scene.part)
    number, total = part.progress(scene.id, state.seen_scenes)
    return Where(
        scene.id,
        scene.title,
        part.id,
        part.title,
        state.background,
        state.time,
        number,
        total,
    )


def _op(story: m.Story, state: PlayState) -> m.Op:
    return story.scenes[state.scene].ops[state.pc]


def _visible(op: m.Offer, state: PlayState) -> list[m.OfferOption]:
    shown = [o for o in op.options if o.condition is None or o.condition.holds(state.flags)]
    return shown or list(op.options[:1])  # never an empty menu: lint warns, the player goes on


# ---------------------------------------------------------------------- actions


def advance(story: m.Story, state: PlayState) -> PlayState:
    """Move past the line, the feedback, or the end of a part."""
    if state.ended_part is not None:
        step = current(story, state)
        assert isinstance(step, PartEndStep)
        if step.level is not None:
            if step.next_level is None:
                raise ActionError("this is the end of the homework")
            return enter_level(story, state, step.next_level)
        if step.next_part is None:
            raise ActionError("this is the end of the story")
        return _enter_part(story, state, step.next_part)
    if state.feedback is not None and _in_review(state, state.feedback.checkpoint):
        rest = replace(state, feedback=None, attempt=None, review=state.review[1:])
        return review_position(story, rest) if rest.review else _unit_end(story, rest)
    if state.feedback is not None:
        return _settle(story, replace(state, feedback=None, attempt=None, pc=state.pc + 1))
    op = _op(story, state)
    if isinstance(op, m.ShowLine):
        return _settle(story, replace(state, pc=state.pc + 1))
    if isinstance(op, m.Offer):
        raise ActionError("choose one of the options first")
    raise ActionError("answer the question first")


def choose(story: m.Story, state: PlayState, index: int) -> PlayState:
    """Pick option `index` (0-based, among the options shown)."""
    if state.ended_part is not None or state.feedback is not None:
        raise ActionError("there is no choice to make here")
    op = _op(story, state)
    if not isinstance(op, m.Offer):
        raise ActionError("there is no choice to make here")
    options = _visible(op, state)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(options):
        raise ActionError(f"choose an option from 1 to {len(options)}")
    option = options[index]
    flags = dict(state.flags)
    flags.update(option.sets)
    for name, amount in option.adds:
        flags[name] = int(flags.get(name, 0)) + amount
    return _settle(story, replace(state, flags=flags, pc=option.target))


def ask_hint(story: m.Story, state: PlayState) -> tuple[PlayState, str]:
    """Show the hint of the current checkpoint (counted in the results)."""
    step = current(story, state)
    if not isinstance(step, QuestionStep):
        raise ActionError("there is no question to give a hint for")
    if not step.hints_allowed:
        raise ActionError(
            "hints are switched off for this homework"
            if not state.rules.hints
            else "this question has no hint"
        )
    attempt = state.attempt or Attempt(step.checkpoint.id)
    if not attempt.hint_shown:
        attempt = replace(attempt, hint_shown=True, hints=attempt.hints + 1)
    return replace(state, attempt=attempt), step.checkpoint.hint or ""


def answer(
    story: m.Story, state: PlayState, response: Any, seconds: float = 0.0
) -> tuple[PlayState, Feedback]:
    """Grade `response` to the current checkpoint; see grading.grade for response forms."""
    step = current(story, state)
    if not isinstance(step, QuestionStep):
        raise ActionError("there is no question to answer here")
    checkpoint = step.checkpoint
    in_review = _in_review(state, checkpoint.id)
    skipped = step.may_skip and (
        response is None or (isinstance(response, str) and not response.strip())
    )
    try:
        graded = (
            grading.Grade(None, (), checkpoint.explain, "", "")
            if skipped and isinstance(checkpoint, s.FreeText)
            else grading.grade(checkpoint, response, state.seed)
        )
    except grading.ResponseError as error:
        raise ActionError(str(error)) from None
    attempt = state.attempt or Attempt(checkpoint.id)
    attempt = replace(
        attempt,
        tries=attempt.tries + 1,
        seconds=attempt.seconds + max(seconds, 0.0),
        responses=(*attempt.responses, graded.response_text),
    )
    tries_left = step.tries_allowed - attempt.tries
    final = graded.correct is not False or tries_left <= 0
    earned = 0.0
    if graded.correct:
        first_time = attempt.tries == 1 and not in_review
        earned = checkpoint.points * (1.0 if first_time else LATER_TRY_SHARE)
    withheld = state.rules.feedback == "end" and graded.correct is not None
    feedback = Feedback(
        checkpoint=checkpoint.id,
        kind=checkpoint.kind,
        correct=graded.correct,
        final=final,
        message=SKIPPED_MESSAGE
        if skipped
        else _message(graded.correct, final, tries_left, withheld),
        explanation=graded.explanation if (final or graded.correct) else "",
        options=graded.options if final else (),
        right_answer=graded.right_answer if final else "",
        earned=earned if graded.correct is not None else 0.0,
        points=checkpoint.points if graded.correct is not None else 0,
        tries_used=attempt.tries,
        tries_left=max(tries_left, 0),
        theme=checkpoint.theme,
        about=checkpoint.about,
        withheld=withheld,
        practice=step.already_answered,
    )
    if not final:
        return replace(state, attempt=replace(attempt, last=feedback)), feedback
    answers = dict(state.answers)
    if in_review and checkpoint.id in answers:
        before = answers[checkpoint.id]
        answers[checkpoint.id] = replace(
            before,
            earned=max(before.earned, feedback.earned),
            correct=graded.correct,
            tries=before.tries + attempt.tries,
            hints=before.hints + attempt.hints,
            seconds=round(before.seconds + attempt.seconds, 1),
            responses=(*before.responses, *attempt.responses),
            review_rounds=state.review_round,
        )
    elif not step.already_answered:
        scene = story.scenes[state.scene]
        answers[checkpoint.id] = AnswerRecord(
            checkpoint=checkpoint.id,
            scene=scene.id,
            part=scene.part,
            theme=checkpoint.theme,
            skill=checkpoint.skill,
            kind=checkpoint.kind,
            points=feedback.points,
            earned=feedback.earned,
            correct=graded.correct,
            tries=attempt.tries,
            hints=attempt.hints,
            seconds=round(attempt.seconds, 1),
            responses=attempt.responses,
            level=state.level or "",
        )
    withheld_list = state.withheld
    shown = feedback
    if withheld:
        kept = tuple(f for f in withheld_list if f.checkpoint != feedback.checkpoint)
        withheld_list = (*kept, feedback)
        shown = replace(
            feedback,
            message="Your answer is saved. You will see how you did at the end of the part.",
            explanation="",
            options=(),
            right_answer="",
            earned=0.0,
        )
    updated = replace(
        state,
        answers=answers,
        attempt=replace(attempt, last=feedback),
        feedback=shown,
        withheld=withheld_list,
    )
    return updated, shown


SKIPPED_MESSAGE = "You left this question out. That is allowed in this homework."


def _message(correct: bool | None, final: bool, tries_left: int, withheld: bool) -> str:
    if correct is None:
        return "Thank you. Your answer is kept for your teacher."
    if withheld:
        return "Your answer is saved."
    if correct:
        return "Yes, that's right."
    if not final:
        return f"Not quite. Have another look and try again ({tries_left} {'try' if tries_left == 1 else 'tries'} left)."
    return "Not this time. Here is the answer, and why."


def rollback(story: m.Story, state: PlayState, index: int) -> PlayState:
    """Return to history line `index` (0 = the oldest kept), as it was when first shown."""
    if not 0 <= index < len(state.history):
        raise ActionError("there is no such line in the history")
    entry = state.history[index]
    if state.review:
        raise ActionError("finish going over the questions you missed first")
    if state.rules.lock_answered and entry.answered < len(state.answers):
        raise ActionError(
            "your teacher has locked answered questions: you cannot go back before them"
        )
    if entry.scene not in story.scenes or entry.pc >= len(story.scenes[entry.scene].ops):
        raise ActionError("that line is no longer in the story")
    scene = story.scenes[entry.scene]
    restored = replace(
        state,
        scene=entry.scene,
        pc=entry.pc,
        flags=dict(entry.flags),
        background=entry.background,
        time=entry.time,
        journal=state.journal[: entry.journal_size],
        attempt=None,
        feedback=None,
        ended_part=None,
        history=state.history[: index + 1],
        label=scene.label_before(entry.pc),
        scene_digest=scene.digest,
        level=entry.level if state.rules.levels else state.level,
    )
    return restored


def can_rollback_to(state: PlayState, index: int) -> bool:
    if not 0 <= index < len(state.history) or state.review:
        return False
    return not (state.rules.lock_answered and state.history[index].answered < len(state.answers))


def reread(story: m.Story, state: PlayState) -> list[HistoryEntry]:
    """The lines of this scene from the moment the current question is about, as seen."""
    step = current(story, state)
    if not isinstance(step, QuestionStep):
        return []
    scene = story.scenes[state.scene]
    start_pc = scene.labels.get(step.checkpoint.about, 0)
    lines: list[HistoryEntry] = []
    found = False
    for entry in reversed(state.history):
        if entry.scene != state.scene or entry.pc > state.pc:
            if state.review and not found:
                continue  # going over a missed question: find the scene's lines further back
            break
        found = True
        if entry.pc >= start_pc:
            lines.append(entry)
    return list(reversed(lines))


def _enter_part(story: m.Story, state: PlayState, part_id: str) -> PlayState:
    first = story.scenes[story.part(part_id).first_scene]
    return _settle(
        story,
        placed_at(state, first, withheld=(), seen_scenes=_add(state.seen_scenes, first.id)),
    )


def _add(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    return items if item in items else (*items, item)


def settle(story: m.Story, state: PlayState) -> PlayState:
    """Bring a state whose position was set by hand (a load, a reload) to a step the player sees."""
    return _settle(story, state)


def _settle(story: m.Story, state: PlayState) -> PlayState:
    """Run ops that need no player (flags, jumps, settings) until one that does.

    In a level of chosen scenes, leaving a scene (a goto to another scene, `next`, or the end
    of its part) leads to the level's next scene instead; after its last scene the level ends.
    Checkpoints on themes a homework does not focus on are passed over.
    """
    scene = story.scenes[state.scene]
    pc = state.pc
    flags: dict[str, FlagValue] | None = None
    background, time = state.background, state.time
    journal = state.journal
    seen = state.seen_scenes
    level = find_level(state.rules, state.level)
    chosen = level if level is not None and level.part is None else None

    def here(at: int) -> PlayState:
        return replace(
            state,
            scene=scene.id,
            part=scene.part,
            pc=at,
            flags=flags if flags is not None else state.flags,
            background=background,
            time=time,
            journal=journal,
            seen_scenes=seen,
            label=scene.label_before(at),
            scene_digest=scene.digest,
        )

    for _ in range(MAX_INSTANT_OPS):
        op = scene.ops[pc]
        if isinstance(op, m.Ask) and not asked(op.checkpoint, state.rules):
            pc += 1
            continue
        leaving_to: tuple[str, str | None] | None = None
        if isinstance(op, m.WAITING_OPS):
            if isinstance(op, m.ShowLine):
                return _remember_line(here(pc), op)
            if isinstance(op, (m.EndOfPart, m.DeadEnd)):
                if chosen is None:
                    return _unit_end(story, here(pc))
                following = _next_scene_of(chosen, scene.id)
                if following is None:
                    return _unit_end(story, here(pc))
                leaving_to = (following, None)
            else:
                return here(pc)
        elif isinstance(op, m.ChangeSetting):
            background, time = op.background, op.time
            pc += 1
        elif isinstance(op, m.SetFlags):
            flags = dict(flags if flags is not None else state.flags)
            flags.update(op.values)
            pc += 1
        elif isinstance(op, m.AddJournal):
            journal = (*journal, JournalEntry(op.text, op.theme, scene.id, scene.part))
            pc += 1
        elif isinstance(op, m.JumpUnless):
            current_flags = flags if flags is not None else state.flags
            pc = pc + 1 if op.condition.holds(current_flags) else op.target
        elif isinstance(op, m.JumpIfYoung):
            pc = op.target if state.rules.age_mode == "11-13" else pc + 1
        elif isinstance(op, m.Jump):
            pc = op.target
        elif isinstance(op, m.GotoScene):
            if op.scene not in story.scenes:
                raise StoryLoopError(
                    f"scene '{scene.id}' jumps to '{op.scene}', which does not exist"
                )
            leaving_to = (op.scene, op.label)
            if chosen is not None and op.scene != scene.id:
                following = _next_scene_of(chosen, scene.id)
                if following is None:
                    return _unit_end(story, here(pc))
                if following != op.scene:
                    leaving_to = (following, None)
        else:  # pragma: no cover - every op kind is handled above
            raise AssertionError(type(op).__name__)
        if leaving_to is not None:
            target, label = leaving_to
            scene = story.scenes[target]
            pc = scene.labels.get(label, 0) if label else 0
            background, time = scene.background, scene.time
            if label and pc > 0:
                background, time = setting_at(scene, pc)
            seen = _add(seen, scene.id)
    raise StoryLoopError(f"the story loops without showing anything, around scene '{scene.id}'")


def placed_at(state: PlayState, scene: m.Scene, pc: int = 0, **changes: Any) -> PlayState:
    """`state` moved to op `pc` of `scene`, with the setting in force there and no question,
    feedback or part end pending; `changes` are further fields to set.  Not yet settled."""
    background, time = setting_at(scene, pc)
    fields: dict[str, Any] = {
        "scene": scene.id,
        "part": scene.part,
        "pc": pc,
        "background": background,
        "time": time,
        "attempt": None,
        "feedback": None,
        "ended_part": None,
        "label": scene.label_before(pc),
        "scene_digest": scene.digest,
    }
    fields.update(changes)
    return replace(state, **fields)


def setting_at(scene: m.Scene, pc: int) -> tuple[str, str]:
    """The background and time in force at `pc` when entering a scene part-way through."""
    background, time = scene.background, scene.time
    for op in scene.ops[:pc]:
        if isinstance(op, m.ChangeSetting):
            background, time = op.background, op.time
    return background, time


def _remember_line(state: PlayState, op: m.ShowLine) -> PlayState:
    entry = HistoryEntry(
        scene=state.scene,
        pc=state.pc,
        kind=op.kind,
        speaker=op.speaker,
        text=op.text,
        flags=state.flags,
        background=state.background,
        time=state.time,
        journal_size=len(state.journal),
        answered=len(state.answers),
        level=state.level,
    )
    history = (*state.history, entry)
    if len(history) > HISTORY_LIMIT:
        history = history[-HISTORY_LIMIT:]
    return replace(state, history=history)


# ---------------------------------------------------------------------- session


class Session:
    """A story and the current state, with the runner's actions as methods.

    Front ends hold one of these; tests and tools can use the functions directly.
    """

    def __init__(self, story: m.Story, state: PlayState) -> None:
        self.story = story
        self.state = state

    @classmethod
    def new(cls, story: m.Story, **options: Any) -> Session:
        return cls(story, start(story, **options))

    @property
    def step(self) -> Step:
        return current(self.story, self.state)

    def advance(self) -> Step:
        self.state = advance(self.story, self.state)
        return self.step

    def choose(self, index: int) -> Step:
        self.state = choose(self.story, self.state, index)
        return self.step

    def answer(self, response: Any, seconds: float = 0.0) -> Feedback:
        self.state, feedback = answer(self.story, self.state, response, seconds)
        return feedback

    def hint(self) -> str:
        self.state, text = ask_hint(self.story, self.state)
        return text

    def rollback(self, index: int) -> Step:
        self.state = rollback(self.story, self.state, index)
        return self.step

    def enter_level(self, level_id: str) -> Step:
        self.state = enter_level(self.story, self.state, level_id)
        return self.step
