"""Homework results: one JSON file per student and assignment, sealed with a checksum.

A results file holds everything a gradebook needs without the story or the assignment file:
the homework's settings, the student's nickname and profile id (nothing else about them),
every question asked (its text, theme, skill, points, options and right answer) and what the
student answered (each try's response, right or not, tries, hints, seconds), the scores by
level, theme and reading skill, and whether it was finished, passed and on time.

The checksum is an HMAC-SHA256 of the file's canonical JSON, with a key written in this
module.  It shows up a casual edit (changing a score in a text editor); it cannot stop a
determined forger who reads this code.  Files are written atomically (`write_atomic`), so a
kill leaves the old results or the new ones, never half of each.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..atomicfile import write_atomic
from ..jsondoc import GAME_ID, DocumentError, read_document
from ..play import runner, scores
from ..play.state import AnswerRecord, PlayState
from ..story import schema as s
from ..story.model import Story
from .assignment import Assignment

RESULTS_KIND = "homework-results"
PROGRESS_KIND = "homework-progress"
RESULTS_VERSION = 1
RESULTS_SUFFIX = ".results.json"
REPORT_SUFFIX = ".report.html"
PROGRESS_SUFFIX = ".progress.json"

_KEY = b"kathys-memories results v1 - a seal against casual edits, not a secret"
CHECKSUM_PREFIX = "hmac-sha256:"
SKILLS = ("retrieve", "infer", "explain", "evaluate")


class ResultsError(Exception):
    """A results file that cannot be used; `str()` says why in plain words."""


@dataclass(frozen=True)
class ResultsFiles:
    """Where a student's results went."""

    results: Path
    report: Path


# ---------------------------------------------------------------------- the seal


def canonical(document: Mapping[str, Any]) -> bytes:
    """The bytes the checksum covers: sorted keys, no spaces, the checksum itself left out."""
    body = {key: value for key, value in document.items() if key != "checksum"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def checksum(document: Mapping[str, Any]) -> str:
    return CHECKSUM_PREFIX + hmac.new(_KEY, canonical(document), hashlib.sha256).hexdigest()


def sealed(document: Mapping[str, Any]) -> dict[str, Any]:
    return {**document, "checksum": checksum(document)}


def seal_intact(document: Mapping[str, Any]) -> bool:
    given = document.get("checksum")
    return isinstance(given, str) and hmac.compare_digest(given, checksum(document))


# ---------------------------------------------------------------------- building


def file_stem(assignment_id: str) -> str:
    return assignment_id


def results_path(folder: Path, assignment_id: str) -> Path:
    return folder / f"{assignment_id}{RESULTS_SUFFIX}"


def report_path(folder: Path, assignment_id: str) -> Path:
    return folder / f"{assignment_id}{REPORT_SUFFIX}"


def progress_path(folder: Path, assignment_id: str) -> Path:
    return folder / f"{assignment_id}{PROGRESS_SUFFIX}"


def timestamp(moment: datetime) -> str:
    """Local time with its offset, to the second (the due date is a local date)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.replace(microsecond=0).isoformat()


def right_answer(checkpoint: s.Checkpoint) -> str:
    """The right answer in words ("" for free text)."""
    if isinstance(checkpoint, (s.SingleChoice, s.PickEvidence)):
        return next(option.text for option in checkpoint.options if option.correct)
    if isinstance(checkpoint, s.MultipleSelect):
        return "; ".join(option.text for option in checkpoint.options if option.correct)
    if isinstance(checkpoint, s.TrueFalse):
        return "True" if checkpoint.answer else "False"
    if isinstance(checkpoint, s.OrderEvents):
        return ", then ".join(checkpoint.items)
    if isinstance(checkpoint, s.MatchPairs):
        return "; ".join(f"{pair.left} \u2014 {pair.right}" for pair in checkpoint.pairs)
    if isinstance(checkpoint, s.ShortAnswer):
        if checkpoint.accept:
            return checkpoint.accept[0]
        return ", ".join(g if isinstance(g, str) else g[0] for g in checkpoint.keywords)
    return ""


def _options(checkpoint: s.Checkpoint) -> list[dict[str, Any]] | None:
    if isinstance(checkpoint, (s.SingleChoice, s.PickEvidence, s.MultipleSelect)):
        return [{"text": o.text, "correct": o.correct} for o in checkpoint.options]
    if isinstance(checkpoint, s.TrueFalse):
        return [
            {"text": "True", "correct": checkpoint.answer},
            {"text": "False", "correct": not checkpoint.answer},
        ]
    return None


def _answer(record: AnswerRecord | None) -> dict[str, Any] | None:
    if record is None:
        return None
    return {
        "responses": [str(response) for response in record.responses],
        "correct": record.correct,
        "earned": record.earned,
        "tries": record.tries,
        "hints": record.hints,
        "seconds": record.seconds,
        "review_rounds": record.review_rounds,
    }


def _score(score: scores.Score, pass_mark: float | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "earned": score.earned,
        "possible": score.possible,
        "percent": round(score.percent, 1),
    }
    if pass_mark is not None:
        data["passed"] = score.possible == 0 or score.percent >= pass_mark
    return data


def build_results(
    story: Story,
    assignment: Assignment,
    state: PlayState,
    *,
    profile_id: str,
    nickname: str,
    finished: bool,
    seconds: float,
    now: datetime,
    previous: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The results document (sealed) for `state`; pure apart from the `now` it is given.

    `previous` is the student's earlier results for this homework, if any: its start and
    completion times are kept, so opening finished homework again never makes it late.
    """
    rules = assignment.rules()
    answers = state.answers
    checkpoints: list[dict[str, Any]] = []
    levels: list[dict[str, Any]] = []
    graded_all: list[tuple[str, int]] = []
    by_theme: dict[str, list[tuple[str, int]]] = {}
    by_skill: dict[str, list[tuple[str, int]]] = {}
    for level in assignment.levels:
        asked = runner.level_checkpoints(story, rules, level)
        graded = [(c.id, c.points) for c in asked if c.kind != "free"]
        graded_all += graded
        level_score = scores.out_of(answers, graded)
        rounds = max((answers[c.id].review_rounds for c in asked if c.id in answers), default=0)
        levels.append(
            {
                "id": level.id,
                "title": level.title,
                "part": level.part,
                "scenes": list(runner.level_scenes(story, level)),
                "finished": level.id in state.finished_levels,
                "questions": len(asked),
                **_score(level_score, assignment.pass_mark),
                "review_rounds": rounds,
            }
        )
        for checkpoint in asked:
            scene = story.scenes[story.checkpoint_scene[checkpoint.id]]
            theme = story.themes.get(checkpoint.theme)
            if checkpoint.kind != "free":
                by_theme.setdefault(checkpoint.theme, []).append((checkpoint.id, checkpoint.points))
                by_skill.setdefault(checkpoint.skill, []).append((checkpoint.id, checkpoint.points))
            checkpoints.append(
                {
                    "id": checkpoint.id,
                    "level": level.id,
                    "scene": scene.id,
                    "scene_title": scene.title,
                    "question": checkpoint.question,
                    "kind": checkpoint.kind,
                    "theme": checkpoint.theme,
                    "theme_name": theme.name if theme else checkpoint.theme,
                    "skill": checkpoint.skill,
                    "points": 0 if checkpoint.kind == "free" else checkpoint.points,
                    "options": _options(checkpoint),
                    "right_answer": right_answer(checkpoint),
                    "answer": _answer(answers.get(checkpoint.id)),
                }
            )
    completed = all(level["finished"] for level in levels)
    moment = timestamp(now)
    earlier = previous or {}
    completed_at = earlier.get("completed_at") if earlier.get("completed") else None
    if completed and not completed_at:
        completed_at = moment
    due = assignment.due
    handed = completed_at if completed else moment
    late = due is not None and _day(handed) > due
    document: dict[str, Any] = {
        "game": GAME_ID,
        "kind": RESULTS_KIND,
        "results_version": RESULTS_VERSION,
        "assignment": {
            **assignment.summary(),
            "levels": [{"id": level.id, "title": level.title} for level in assignment.levels],
            "settings": assignment.spec.model_dump(mode="json", by_alias=True),
        },
        "student": {"profile": profile_id, "nickname": nickname},
        "story_digest": story.digest,
        "started_at": earlier.get("started_at") or moment,
        "updated_at": moment,
        "completed_at": completed_at,
        "finished": finished,
        "completed": completed,
        "late": bool(late),
        "seconds": round(seconds, 1),
        "score": _score(scores.out_of(answers, graded_all), assignment.pass_mark),
        "levels": levels,
        "themes": [
            {
                "id": theme_id,
                "name": story.themes[theme_id].name if theme_id in story.themes else theme_id,
                **_score(scores.out_of(answers, items)),
            }
            for theme_id, items in by_theme.items()
        ],
        "skills": [
            {"id": skill, **_score(scores.out_of(answers, by_skill[skill]))}
            for skill in SKILLS
            if skill in by_skill
        ],
        "checkpoints": checkpoints,
    }
    return sealed(document)


def _day(stamp: str | None) -> date:
    if not stamp:
        return date.min
    try:
        return datetime.fromisoformat(stamp).date()
    except ValueError:
        return date.min


# ---------------------------------------------------------------------- files


def dump(document: Mapping[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_RESULTS_PROBLEMS = {
    "missing": "cannot be read (No such file or directory)",
    "unreadable": "cannot be read ({error.detail})",
    "empty": "is empty (it was cut short while being written)",
    "not_text": "is damaged: it is not text",
    "damaged": "is damaged or cut short (it stops making sense at line {error.line})",
    "foreign": "is not a results file of Kathy's Memories",
}


def read_results(path: Path) -> dict[str, Any]:
    """A results file's document, or ResultsError saying plainly what is wrong with it."""
    try:
        document = read_document(path)
    except DocumentError as error:
        raise ResultsError(_RESULTS_PROBLEMS[error.problem].format(error=error)) from None
    if document.get("kind") != RESULTS_KIND:
        raise ResultsError("is not a homework results file")
    version = document.get("results_version")
    if not isinstance(version, int) or version > RESULTS_VERSION:
        raise ResultsError(
            f"was written by a newer version of the game (results version {version}); "
            "update the game to read it"
        )
    if not seal_intact(document):
        raise ResultsError(
            "has been edited: its checksum does not match what it says, so it cannot be trusted"
        )
    return document


def previous_results(folder: Path, assignment_id: str) -> dict[str, Any] | None:
    """The student's earlier, intact results for this homework, or None."""
    path = results_path(folder, assignment_id)
    if not path.exists():
        return None
    try:
        return read_results(path)
    except ResultsError:
        return None


def write_results(
    profile: Any,
    assignment: Assignment,
    story: Story,
    state: PlayState,
    *,
    finished: bool,
    seconds: float | None = None,
    now: datetime | None = None,
) -> ResultsFiles:
    """Write the results file and the one-page report into the profile's results folder.

    `profile` is a `saves.Profile` (anything with `id`, `nickname` and `results_folder`).
    `seconds` is the time spent on the homework; None keeps the time already recorded.
    """
    from .report import student_report

    folder: Path = profile.results_folder
    previous = previous_results(folder, assignment.id)
    if seconds is None:
        seconds = float(previous.get("seconds", 0.0)) if previous else 0.0
    document = build_results(
        story,
        assignment,
        state,
        profile_id=profile.id,
        nickname=profile.nickname,
        finished=finished,
        seconds=seconds,
        now=now or datetime.now().astimezone(),
        previous=previous,
    )
    target = results_path(folder, assignment.id)
    write_atomic(target, dump(document))
    page = report_path(folder, assignment.id)
    write_atomic(page, student_report(document).encode("utf-8"))
    return ResultsFiles(target, page)
