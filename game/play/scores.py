"""Scores by theme, by reading skill and overall, from the answers in a state or a results file.

Works on `AnswerRecord`s alone (each carries its theme, skill, part and points), so the part
summary, the homework results and the teacher's gradebook all count the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .state import AnswerRecord


@dataclass(frozen=True, slots=True)
class Score:
    earned: float = 0.0
    possible: int = 0
    answered: int = 0
    right: int = 0

    @property
    def percent(self) -> float:
        """Share of the points earned, 0-100 (0 when nothing was graded)."""
        return 100.0 * self.earned / self.possible if self.possible else 0.0

    def add(self, record: AnswerRecord) -> Score:
        return Score(
            self.earned + record.earned,
            self.possible + record.points,
            self.answered + 1,
            self.right + (1 if record.correct else 0),
        )


def graded(
    records: Iterable[AnswerRecord], part: str | None = None, *, level: str | None = None
) -> list[AnswerRecord]:
    """The records that count towards a score (free text does not), optionally of one part
    or one homework level."""
    return [
        r
        for r in records
        if r.correct is not None
        and (part is None or r.part == part)
        and (level is None or r.level == level)
    ]


def overall(
    records: Iterable[AnswerRecord], part: str | None = None, *, level: str | None = None
) -> Score:
    total = Score()
    for record in graded(records, part, level=level):
        total = total.add(record)
    return total


def by_key(
    records: Iterable[AnswerRecord], key: str, part: str | None = None, *, level: str | None = None
) -> dict[str, Score]:
    """Scores grouped by 'theme', 'skill', 'part', 'kind' or 'level'."""
    groups: dict[str, Score] = {}
    for record in graded(records, part, level=level):
        name = str(getattr(record, key))
        groups[name] = groups.get(name, Score()).add(record)
    return groups


def to_revisit(
    records: Iterable[AnswerRecord], part: str | None = None, *, level: str | None = None
) -> list[AnswerRecord]:
    """Checkpoints not fully mastered: wrong, or right only after a wrong try."""
    return [r for r in graded(records, part, level=level) if r.earned < r.points]


def out_of(answers: Mapping[str, AnswerRecord], checkpoints: Iterable[tuple[str, int]]) -> Score:
    """The score over a fixed set of graded checkpoints, given as (id, points).

    Unlike `overall`, checkpoints not answered (left early, skipped by a jump) count with
    nothing earned: this is the score of a homework level, which must not look better for
    stopping early.
    """
    earned, possible, answered, right = 0.0, 0, 0, 0
    for checkpoint_id, points in checkpoints:
        possible += points
        record = answers.get(checkpoint_id)
        if record is not None and record.correct is not None:
            earned += record.earned
            answered += 1
            right += 1 if record.correct else 0
    return Score(earned, possible, answered, right)
