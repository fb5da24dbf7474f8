"""Homework: open the file a teacher gave, read the brief, play the levels it sets, and
write the results (on finishing a level, on finishing, and on leaving early).

The homework logic lives in game.classroom (load_assignment, brief_text, HomeworkRecorder);
this screen only shows it. `--assignment FILE` opens a file straight away.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from .. import control
from ..widgets import Button, Row, Text, TextField, Widget
from .base import PanelScreen


def classroom() -> Any:
    """The classroom modules, or None when this build has none."""
    try:
        from ...classroom import assignment, recorder
    except ImportError:
        return None
    if not hasattr(assignment, "load_assignment") or not hasattr(recorder, "HomeworkRecorder"):
        return None
    return assignment, recorder


class HomeworkScreen(PanelScreen):
    name = "homework"
    backdrop = "title"
    heading = "Homework"

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.field = TextField(
            self.open, placeholder="for example homework/hailsham.yaml", name="file"
        )
        self.problem = ""

    def build(self) -> tuple[list[Widget], list[Widget]]:
        if classroom() is None:
            return [
                Text(
                    "Homework files cannot be opened in this version of the game.", "body", "muted"
                )
            ], [Row([Button("Back", self.back, hint="Esc", fill=False)])]
        items: list[Widget] = [
            Text(
                "Your teacher gives you a homework file. Type or paste where it is "
                "(Ctrl+V pastes), then press Enter.",
                "body",
                "text",
            ),
            self.field,
        ]
        if self.problem:
            items.append(Text(self.problem, "body", "wrong", mark="cross"))
        recent = self.recent()
        if recent:
            items.append(Text("Opened before:", "small", "muted"))
            items += [
                Button(path, lambda p=path: self.open_path(p), variant="option", name=path)
                for path in recent
            ]
        return items, [
            Row(
                [
                    Button("Open", self.open, fill=False),
                    Button("Back", self.back, hint="Esc", fill=False),
                ]
            )
        ]

    def first_focus(self) -> Widget:
        return self.field

    def recent(self) -> list[str]:
        profile = self.app.ctx.profile
        value = profile.progress.get("homework_files", []) if profile else []
        return (
            [p for p in value if isinstance(p, str) and Path(p).exists()][-5:]
            if isinstance(value, list)
            else []
        )

    def open(self) -> None:
        self.open_path(self.field.value.strip().strip('"'))

    def open_path(self, text: str) -> None:
        if not text:
            self.problem = "Type where the homework file is first."
            self.refresh()
            return
        path = Path(text).expanduser()
        if not path.is_file():
            self.problem = f"There is no file at {text}. Check the name and the folder."
            self.refresh()
            return
        open_assignment(self.app, path)


def open_assignment(app: Any, path: Path) -> None:
    """Read and check a homework file; show its brief, or its problems."""
    modules = classroom()
    ctx = app.ctx
    if modules is None or ctx.story is None:
        app.toast("Homework files cannot be opened in this version of the game.")
        return
    assignment_mod, _ = modules
    try:
        assignment, diagnostics = assignment_mod.load_assignment(path, ctx.story)
    except OSError as error:
        app.toast(f"Could not read {path}: {error.strerror}.")
        return
    errors = [d for d in diagnostics if getattr(d, "is_error", True)]
    if assignment is None or errors:
        from .error import ErrorScreen

        screen = ErrorScreen(app, diagnostics=errors or diagnostics)
        screen.heading = "This homework file has a problem"
        app.push(screen)
        return
    profile = ctx.profile
    if profile is not None:
        files = [p for p in profile.progress.get("homework_files", []) if isinstance(p, str)]
        shown = str(path.resolve())
        profile.progress["homework_files"] = [*(p for p in files if p != shown), shown][-5:]
        with contextlib.suppress(OSError):
            ctx.store.write_profile(profile)
    app.push(BriefScreen(app, assignment))


class BriefScreen(PanelScreen):
    name = "brief"
    heading = "Your homework"
    compact = False

    def __init__(self, app: Any, assignment: Any) -> None:
        super().__init__(app)
        self.assignment = assignment
        _, recorder_mod = classroom()
        self.recorder = recorder_mod.HomeworkRecorder(app.ctx.story, assignment, app.ctx.profile)
        self.resumed, self.notice = self.recorder.resume()

    def build(self) -> tuple[list[Widget], list[Widget]]:
        assignment_mod, _ = classroom()
        text = assignment_mod.brief_text(self.assignment, self.app.ctx.story)
        items: list[Widget] = []
        for line in text.split("\n"):
            if line.strip():
                items.append(
                    Text(
                        line.strip().lstrip("- "),
                        "body",
                        "text",
                        mark="dot" if line.startswith("  - ") else None,
                    )
                )
        if self.notice:
            items.append(Text(self.notice, "body", "accent"))
        buttons: list[Widget] = []
        if self.resumed is not None:
            buttons.append(Button("Carry on", self.carry_on, fill=False, name="Carry on"))
        buttons.append(
            Button(
                "Start" if self.resumed is None else "Start again",
                self.start,
                fill=False,
                name="Start",
            )
        )
        buttons.append(Button("Back", self.back, hint="Esc", fill=False))
        return items, [Row(buttons)]

    def first_focus(self) -> Widget | None:
        return self.flow.footer[0].children[0] if self.flow.footer else None  # type: ignore[attr-defined]

    def begin(self, state: Any) -> None:
        ctx = self.app.ctx
        ctx.homework = self.recorder
        ctx.homework_rules = self.assignment.rules()
        self.app.replace(LevelsScreen(self.app, self.recorder, state))

    def carry_on(self) -> None:
        self.begin(self.resumed)

    def start(self) -> None:
        self.begin(self.recorder.new_state(seed=self.app.ctx.seed()))


class LevelsScreen(PanelScreen):
    """The homework's levels: done (with the score and pass or not), in progress, to do."""

    name = "levels"
    compact = False

    def __init__(self, app: Any, recorder: Any, state: Any) -> None:
        super().__init__(app)
        self.recorder = recorder
        self.state = state
        self.heading = f"Homework: {recorder.assignment.title}"

    def resume(self) -> None:
        if self.app.ctx.session is not None:
            self.state = self.app.ctx.session.state
        super().resume()

    def build(self) -> tuple[list[Widget], list[Widget]]:
        state = self.state
        levels = self.recorder.levels(state)
        in_progress = state.level is not None and state.level not in state.finished_levels
        items: list[Widget] = [Text("Choose a level to play.", "small", "muted")]
        for number, level in enumerate(levels, start=1):
            if level.finished:
                verdict = "passed" if level.passed else "not passed"
                status = (
                    f"done: {level.score.earned:g} of {level.score.possible} points "
                    f"({level.score.percent:.0f}%), {verdict}"
                )
                mark = "tick" if level.passed else "right"
            elif in_progress and level.id == state.level:
                status, mark = "in progress: carry on", "right"
            else:
                status, mark = "to do", "box_off"
            items.append(
                Button(
                    f"{level.title} ({level.questions} questions): {status}",
                    lambda lv=level.id: self.play(lv),
                    hint=str(number),
                    variant="option",
                    mark=mark,
                    name=level.title,
                )
            )
        if self.recorder.done(state):
            items.append(
                Text(
                    "You have finished every level. Your results are saved.",
                    "body",
                    "correct",
                    mark="tick",
                )
            )
        return items, [
            Row(
                [
                    Button(
                        "Leave the homework",
                        self.leave_homework,
                        hint="Esc",
                        fill=False,
                        name="Leave",
                    )
                ]
            )
        ]

    def play(self, level_id: str) -> None:
        state = self.state
        if not (state.level == level_id and level_id not in state.finished_levels):
            state = self.recorder.enter_level(state, level_id)
        control.play(self.app, state, keep=self)

    def leave_homework(self) -> None:
        end_homework(self.app)
        control.to_title(self.app)

    def back(self) -> None:
        self.leave_homework()


def write_results(app: Any, finished: bool) -> None:
    """Write the homework results now (no-op outside homework)."""
    ctx = app.ctx
    recorder = ctx.homework
    if recorder is None or ctx.session is None:
        return
    state = ctx.session.state
    try:
        files = recorder.save(state, finished=finished and recorder.done(state))
    except Exception as error:
        app.toast(f"Could not write your homework results: {error}")
        return
    if finished:
        app.toast(f"Your results are saved in {files.report}.", 6)


def end_homework(app: Any) -> None:
    app.ctx.homework = None
    app.ctx.homework_rules = None
