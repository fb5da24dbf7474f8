"""What a front end holds while a student does homework: `HomeworkRecorder`.

It starts or resumes the homework's play-through, keeps the time spent (the runner has no
clock), and writes the results (and the page to hand in) whenever the front end says so:
at the end of each level, when the homework is done, and when the student leaves early.
The unfinished play-through is kept beside the results (`<id>.progress.json`) so the
student carries on where they left off; it is never handed in.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..atomicfile import write_atomic
from ..jsondoc import GAME_ID
from ..play import runner, scores
from ..play.relocate import relocate
from ..play.state import PlayState, StateError, state_from_data, state_to_data
from ..story.model import Story
from .assignment import Assignment
from .results import (
    PROGRESS_KIND,
    ResultsFiles,
    dump,
    previous_results,
    progress_path,
    write_results,
)

IDLE_LIMIT = 300.0
"""A gap between two key presses longer than this counts as this long (the student left)."""


@dataclass(frozen=True)
class LevelStatus:
    """A homework level as a level menu shows it."""

    id: str
    title: str
    questions: int
    finished: bool
    score: scores.Score
    passed: bool


class HomeworkRecorder:
    """One student's homework on one computer.

    `profile` is a `saves.Profile`; `clock` gives seconds (time.monotonic by default) and
    `now` the current local time, so tests can script both.
    """

    def __init__(
        self,
        story: Story,
        assignment: Assignment,
        profile: Any,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.story = story
        self.assignment = assignment
        self.profile = profile
        self.clock = clock
        self.now = now or (lambda: datetime.now().astimezone())
        previous = previous_results(profile.results_folder, assignment.id)
        self.seconds = float(previous.get("seconds", 0.0)) if previous else 0.0
        self._last = clock()

    # ------------------------------------------------------------------ time

    def touch(self) -> None:
        """Call on every key press or click: the time since the last one is homework time."""
        moment = self.clock()
        self.seconds += min(max(moment - self._last, 0.0), IDLE_LIMIT)
        self._last = moment

    # ------------------------------------------------------------------ play-throughs

    def new_state(self, *, seed: int = 0, level: str | None = None) -> PlayState:
        """A fresh start of the homework, at `level` (default: the first)."""
        return runner.start(self.story, rules=self.assignment.rules(), seed=seed, level=level)

    def resume(self) -> tuple[PlayState | None, str]:
        """The play-through kept from last time, placed in the story as it is now, and a
        notice for the student ("" if there is nothing to say); (None, "") if none is kept."""
        path = progress_path(self.profile.results_folder, self.assignment.id)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            state = state_from_data(document["state"])
        except FileNotFoundError:
            return None, ""
        except (OSError, ValueError, KeyError, TypeError, StateError):
            return None, "Your homework so far could not be read, so it starts again."
        notices: list[str] = []
        if document.get("fingerprint") != self.assignment.fingerprint:
            state = replace(state, rules=self.assignment.rules())
            notices.append("Your teacher has changed this homework since you started.")
        if state.level is not None and runner.find_level(state.rules, state.level) is None:
            state = runner.enter_level(self.story, state, self.assignment.levels[0].id)
        else:
            state, moved = relocate(self.story, state)
            if moved:
                notices.append(moved)
        return state, " ".join(notices)

    def enter_level(self, state: PlayState, level_id: str) -> PlayState:
        return runner.enter_level(self.story, state, level_id)

    def levels(self, state: PlayState | None) -> list[LevelStatus]:
        rules = self.assignment.rules()
        found = []
        for level in self.assignment.levels:
            asked = runner.level_checkpoints(self.story, rules, level)
            graded = [(c.id, c.points) for c in asked if c.kind != "free"]
            score = scores.out_of(state.answers if state else {}, graded)
            found.append(
                LevelStatus(
                    level.id,
                    level.title,
                    len(asked),
                    state is not None and level.id in state.finished_levels,
                    score,
                    score.possible == 0 or score.percent >= self.assignment.pass_mark,
                )
            )
        return found

    def done(self, state: PlayState) -> bool:
        """Whether every level has been finished."""
        return all(level.id in state.finished_levels for level in self.assignment.levels)

    # ------------------------------------------------------------------ writing

    def save(self, state: PlayState, *, finished: bool = False) -> ResultsFiles:
        """Write the results, the report page and the play-through so far."""
        self.touch()
        folder = self.profile.results_folder
        write_atomic(
            progress_path(folder, self.assignment.id),
            dump(
                {
                    "game": GAME_ID,
                    "kind": PROGRESS_KIND,
                    "assignment": self.assignment.id,
                    "fingerprint": self.assignment.fingerprint,
                    "state": state_to_data(state),
                }
            ),
        )
        return write_results(
            self.profile,
            self.assignment,
            self.story,
            state,
            finished=finished,
            seconds=self.seconds,
            now=self.now(),
        )
