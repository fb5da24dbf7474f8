"""Everything that changes while playing, in one serialisable value: `PlayState`.

The state is immutable (frozen dataclasses, tuples, and dicts the runner never mutates), so
every step of the runner returns a new state and an old one is a perfect snapshot for undo,
saves and tests.  It holds enough to compute scores without the story (each answer records
its theme, skill, part and points), so gradebooks can read results on their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

FlagValue = bool | int
AgeMode = Literal["11-13", "14+"]
FeedbackMode = Literal["immediate", "end"]

STATE_VERSION = 1
"""Bump when the shape of PlayState changes; saves record it."""
OLDEST_READABLE_STATE = 1
"""The oldest state version this code can still read (older saves are refused clearly)."""

HISTORY_LIMIT = 2000
"""Lines kept for the history screen and rollback (a whole part is about 400)."""


@dataclass(frozen=True, slots=True)
class Level:
    """A piece of homework: a whole part, or chosen scenes played in order.

    A whole-part level is played as the story tells it, up to the part's end.  A level of
    chosen scenes plays each scene in turn: leaving a scene (by `next`, a `goto` or the end
    of its part) leads to the next scene of the level, and after the last one the level ends.
    """

    id: str
    title: str
    part: str | None = None
    """The part played whole, or None for a level of chosen scenes."""
    scenes: tuple[str, ...] = ()
    """The chosen scenes, in playing order (empty for a whole part)."""


@dataclass(frozen=True, slots=True)
class Rules:
    """How this play-through is run: the defaults, or a teacher's homework settings."""

    tries: int | None = None
    """Tries per checkpoint; None means the story's default."""
    hints: bool = True
    feedback: FeedbackMode = "immediate"
    lock_answered: bool = False
    """Forbid rolling back to before a checkpoint that has been answered."""
    age_mode: AgeMode = "14+"
    open_parts: tuple[str, ...] | None = None
    """Parts the player may enter; None means all."""
    levels: tuple[Level, ...] = ()
    """Homework levels, in order; empty for ordinary play (whole parts, one after another)."""
    themes: tuple[str, ...] = ()
    """Only checkpoints on these themes are asked (the story is still told in full); empty: all."""
    pass_mark: float = 60.0
    """The share of a level's points (0-100) that passes it."""
    mastery_rounds: int = 0
    """Mastery mode: missed checkpoints come back at the end of a level, up to this many
    rounds, until the pass mark is met (0 = off)."""
    free_text_required: bool = True
    """False lets the player skip free-text questions (an empty answer)."""
    homework: str = ""
    """The id of the assignment these rules come from ("" for ordinary play)."""


@dataclass(frozen=True, slots=True)
class OptionFeedback:
    """One option, answer item or pair, as the feedback screen lists it."""

    text: str
    correct: bool
    chosen: bool
    explain: str


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the player is told after answering a checkpoint."""

    checkpoint: str
    kind: str
    correct: bool | None
    """True, False, or None for free text (not graded)."""
    final: bool
    """False while the player may try again."""
    message: str
    explanation: str
    options: tuple[OptionFeedback, ...]
    right_answer: str
    """The right answer in words, shown once the tries are over."""
    earned: float
    points: int
    tries_used: int
    tries_left: int
    theme: str
    about: str
    withheld: bool = False
    """Feedback saved for the end of the part (a teacher's setting)."""
    practice: bool = False
    """The checkpoint was already answered earlier; this try does not change the score."""


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """The graded outcome of one checkpoint: what results and scores are built from."""

    checkpoint: str
    scene: str
    part: str
    theme: str
    skill: str
    kind: str
    points: int
    earned: float
    correct: bool | None
    tries: int
    hints: int
    seconds: float
    responses: tuple[Any, ...]
    """Each try's response in words (e.g. the option text), oldest first."""
    level: str = ""
    """The homework level it was answered in ("" outside homework)."""
    review_rounds: int = 0
    """Mastery mode: the review round it was last asked in (0 = only in the level itself)."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """A checkpoint being answered: tries and hints so far."""

    checkpoint: str
    tries: int = 0
    hints: int = 0
    seconds: float = 0.0
    responses: tuple[Any, ...] = ()
    hint_shown: bool = False
    last: Feedback | None = None


@dataclass(frozen=True, slots=True)
class JournalEntry:
    text: str
    theme: str | None
    scene: str
    part: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A line the player has seen, and everything needed to go back to it."""

    scene: str
    pc: int
    kind: str
    speaker: str | None
    text: str
    flags: Mapping[str, FlagValue]
    background: str
    time: str
    journal_size: int
    answered: int
    """How many checkpoints had been answered when this line was shown."""
    level: str | None = None
    """The homework level being played when this line was shown."""


@dataclass(frozen=True, slots=True)
class PlayState:
    scene: str
    pc: int
    part: str = ""
    flags: Mapping[str, FlagValue] = field(default_factory=dict)
    background: str = ""
    time: str = "past"
    journal: tuple[JournalEntry, ...] = ()
    answers: Mapping[str, AnswerRecord] = field(default_factory=dict)
    attempt: Attempt | None = None
    feedback: Feedback | None = None
    """Set after a final answer until the player moves on."""
    history: tuple[HistoryEntry, ...] = ()
    seen_scenes: tuple[str, ...] = ()
    finished_parts: tuple[str, ...] = ()
    ended_part: str | None = None
    """Set while the end-of-part summary is showing."""
    withheld: tuple[Feedback, ...] = ()
    """Feedback a teacher's 'feedback at the end' setting holds back until the part ends."""
    rules: Rules = Rules()
    seed: int = 0
    label: str | None = None
    """The nearest label at or before `pc`, kept so a changed scene can resume nearby."""
    scene_digest: str = ""
    """The digest of the scene file when `pc` was recorded (to spot an edited scene)."""
    level: str | None = None
    """The homework level being played (an id from `rules.levels`), or None."""
    finished_levels: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    """Mastery mode: the missed checkpoints still to go over in this review round."""
    review_round: int = 0
    """Mastery mode: 0 while playing a level, then 1, 2, ... for each review round."""
    version: int = STATE_VERSION


_ADAPTER: Any = None


def _adapter() -> Any:
    global _ADAPTER
    if _ADAPTER is None:
        from pydantic import TypeAdapter

        _ADAPTER = TypeAdapter(PlayState)
    return _ADAPTER


def state_to_data(state: PlayState) -> dict[str, Any]:
    """Plain JSON-ready data for a save file."""
    data: dict[str, Any] = _adapter().dump_python(state, mode="json")
    return data


class StateError(ValueError):
    """A saved state that cannot be used; the message says why in plain words."""


def state_from_data(data: Any) -> PlayState:
    """Rebuild a state from save data, or raise StateError saying what is wrong with it."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise StateError("the saved game is not a mapping of values")
    version = data.get("version", STATE_VERSION)
    if not isinstance(version, int) or version < OLDEST_READABLE_STATE:
        raise StateError(
            f"the saved game is from an old version of the game (state {version}), "
            f"which this version cannot read"
        )
    try:
        state: PlayState = _adapter().validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise StateError(
            f"the saved game has a bad value at '{where}': {first['msg']}"
            f" ({error.error_count()} problem{'s' if error.error_count() != 1 else ''} in all)"
        ) from None
    return state
