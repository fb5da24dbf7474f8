"""Scores by theme, by reading skill and overall, from the answers in a state or a results file.

Works on `AnswerRecord`s alone (each carries its theme, skill, part and points), so the part
summary, the homework results and the teacher's gradebook all count the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def graded(records: Iterable[AnswerRecord], part: str | None = None) -> list[AnswerRecord]:
    """The records that count towards a score (free text does not), optionally of one part."""
    return [r for r in records if r.correct is not None and (part is None or r.part == part)]


def overall(records: Iterable[AnswerRecord], part: str | None = None) -> Score:
    total = Score()
    for record in graded(records, part):
        total = total.add(record)
    return total


def by_key(records: Iterable[AnswerRecord], key: str, part: str | None = None) -> dict[str, Score]:
    """Scores grouped by 'theme', 'skill', 'part' or 'kind'."""
    groups: dict[str, Score] = {}
    for record in graded(records, part):
        name = str(getattr(record, key))
        groups[name] = groups.get(name, Score()).add(record)
    return groups


def to_revisit(records: Iterable[AnswerRecord], part: str | None = None) -> list[AnswerRecord]:
    """Checkpoints not fully mastered: wrong, or right only after a wrong try."""
    return [r for r in graded(records, part) if r.earned < r.points]
