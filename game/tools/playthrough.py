"""Playthroughs kept as data: the choices and answers to give, and what must be seen.

A playthrough file (tests/playthroughs/*.yaml, format in docs/writing-scenes.md) pins down a
path a writer cares about.  The robot presses Enter through lines and feedback by itself and
stops where the player must decide; each step either acts (`choose`, `answer`, `type`) or
checks (`see`, `not_see`, `reach`, `flags`, `answered`, `end_part`).  A check that fails says
where, in the playthrough's own path:line:col, and what the story showed instead:

    tests/playthroughs/pond.yaml:9:10: playthrough failed: expected to see 'the pond' by
    line 9, but the story showed: ...

Run them with `memories playtest --playthrough FILE` (or a folder); tests/tools runs every
file in tests/playthroughs/ against the real story.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .. import paths
from ..play import grading, runner
from ..play.state import PlayState, Rules
from ..story import model as m
from ..story.diagnostics import Diagnostic, did_you_mean
from ..story.yamlread import SourceMap, read_yaml_file
from .playtest import right_response, wrong_response

MAX_LINES_PER_STEP = 20_000
STEP_KEYS: dict[str, tuple[str, ...]] = {
    # the key that names the step: the other keys it may have
    "see": (),
    "not_see": (),
    "choose": (),
    "answer": ("checkpoint", "hint"),
    "type": ("checkpoint", "hint"),
    "reach": (),
    "flags": (),
    "answered": (),
    "end_part": (),
}
TOP_KEYS = ("title", "start", "steps")
START_KEYS = ("part", "scene", "age", "flags", "tries", "seed")


@dataclass(frozen=True)
class Step:
    kind: str
    value: Any
    line: int
    col: int
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Playthrough:
    path: str
    title: str
    part: str | None
    scene: str | None
    age: str
    flags: dict[str, bool | int]
    tries: int | None
    seed: int
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Failure:
    path: str
    line: int
    col: int
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: playthrough failed: {self.message}"


# ---------------------------------------------------------------------- reading


class _Reader:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.problems: list[Diagnostic] = []

    def error(self, loc: Sequence[str | int], code: str, message: str, hint: str = "") -> None:
        line, col = self.source.mark(loc)
        self.problems.append(Diagnostic(self.source.path, line, col, "error", code, message, hint))

    def keys(
        self, data: dict[Any, Any], loc: tuple[str | int, ...], allowed: Sequence[str]
    ) -> None:
        for key in data:
            if key not in allowed:
                line, col = self.source.mark((*loc, key), at_key=True)
                hint = did_you_mean(str(key), allowed) or "allowed here: " + ", ".join(allowed)
                self.problems.append(
                    Diagnostic(
                        self.source.path, line, col, "error", "E020", f"unknown key '{key}'", hint
                    )
                )


def _is_flag_value(value: Any) -> bool:
    return isinstance(value, (bool, int))


def read_playthrough(path: Path) -> tuple[Playthrough | None, list[Diagnostic]]:
    """Read a playthrough file; problems in it come back as path:line:col diagnostics."""
    shown = paths.display_path(path)
    read = read_yaml_file(path, shown)
    if read.data is None:
        return None, read.diagnostics
    reader = _Reader(read.source)
    data = read.data
    if not isinstance(data, dict) or "steps" not in data:
        reader.error((), "E016", "a playthrough is a mapping with title:, start: and steps:")
        return None, reader.problems
    reader.keys(data, (), TOP_KEYS)
    start = data.get("start", {}) or {}
    if not isinstance(start, dict):
        reader.error(("start",), "E022", "start: should be a mapping, e.g. {part: hailsham}")
        start = {}
    reader.keys(start, ("start",), START_KEYS)
    if "part" in start and "scene" in start:
        reader.error(("start", "scene"), "E028", "give part: or scene:, not both")
    for key in ("part", "scene"):
        if key in start and not isinstance(start[key], str):
            reader.error(("start", key), "E022", f"{key}: should be an id (text)")
    age = str(start.get("age", "14+"))
    if age not in ("14+", "11-13"):
        reader.error(("start", "age"), "E023", f"age cannot be '{age}'; it is one of: 14+, 11-13")
    flags = start.get("flags", {}) or {}
    if not isinstance(flags, dict) or not all(_is_flag_value(v) for v in flags.values()):
        reader.error(("start", "flags"), "E022", "flags: maps flag names to true/false or numbers")
        flags = {}
    for key in ("tries", "seed"):
        if key in start and (isinstance(start[key], bool) or not isinstance(start[key], int)):
            reader.error(("start", key), "E022", f"{key}: should be a whole number")
    steps_data = data.get("steps")
    steps: list[Step] = []
    if not isinstance(steps_data, list) or not steps_data:
        reader.error(("steps",), "E022", "steps: should be a list of steps (lines starting '- ')")
        steps_data = []
    for index, item in enumerate(steps_data):
        step = _read_step(reader, item, ("steps", index))
        if step is not None:
            steps.append(step)
    if reader.problems:
        return None, reader.problems
    title = data.get("title")
    return (
        Playthrough(
            path=shown,
            title=str(title) if title else Path(path).stem,
            part=start.get("part"),
            scene=start.get("scene"),
            age=age,
            flags=dict(flags),
            tries=start.get("tries"),
            seed=int(start.get("seed", 0)),
            steps=tuple(steps),
        ),
        [],
    )


def _read_step(reader: _Reader, item: Any, loc: tuple[str | int, ...]) -> Step | None:
    if not isinstance(item, dict) or not item:
        reader.error(loc, "E022", "a step is a mapping such as `- see: text` or `- choose: 2`")
        return None
    kind = next((key for key in item if key in STEP_KEYS), None)
    if kind is None:
        first = str(next(iter(item)))
        hint = did_you_mean(first, STEP_KEYS) or "steps: " + ", ".join(STEP_KEYS)
        reader.error(loc, "E026", f"a step of no known kind ({first})", hint)
        return None
    reader.keys(item, loc, (kind, *STEP_KEYS[kind]))
    value = item[kind]
    where = (*loc, kind)
    if kind in ("see", "not_see", "type", "reach", "end_part") and not (
        isinstance(value, str) and value.strip()
    ):
        reader.error(where, "E022", f"{kind}: needs some text")
    elif kind == "choose" and not (
        (isinstance(value, int) and not isinstance(value, bool) and value >= 1)
        or (isinstance(value, str) and value.strip())
    ):
        reader.error(where, "E022", "choose: takes an option's number (from 1) or words from it")
    elif kind == "answer" and not _answer_ok(value):
        reader.error(
            where,
            "E022",
            "answer: takes right, wrong, an option number, a list of numbers, or true/false",
            "for typed answers use `- type: your words`",
        )
    elif kind == "flags" and not (
        isinstance(value, dict) and value and all(_is_flag_value(v) for v in value.values())
    ):
        reader.error(where, "E022", "flags: maps flag names to true/false or numbers")
    elif kind == "answered" and not (
        isinstance(value, dict)
        and value
        and all(v in ("right", "wrong", "free") for v in value.values())
    ):
        reader.error(where, "E022", "answered: maps checkpoint ids to right, wrong or free")
    line, col = reader.source.mark(where)
    options = {key: item[key] for key in item if key != kind}
    return Step(kind, value, line, col, options)


def _answer_ok(value: Any) -> bool:
    if value in ("right", "wrong") or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return value >= 1
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in value)
    )


# ---------------------------------------------------------------------- playing


class _Stop(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    return " ".join(text.replace("\u201d", '"').lower().split())


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


@dataclass
class _Shown:
    text: str
    where: str


class PlaythroughRunner:
    """Plays one playthrough through the runner, keeping everything the story showed."""

    def __init__(self, story: m.Story, playthrough: Playthrough) -> None:
        self.story = story
        self.pt = playthrough
        self.shown: list[_Shown] = []
        self.cursor = 0
        self.state: PlayState | None = None
        self.recorded: set[tuple[str, int, str]] = set()

    # -------------------------------------------------------------- helpers

    def where(self) -> str:
        assert self.state is not None
        scene = self.story.scenes[self.state.scene]
        return f"{scene.path}:{scene.line_of(self.state.pc)}"

    def show(self, text: str) -> None:
        self.shown.append(_Shown(text, self.where()))

    def record(self, step: runner.Step) -> None:
        """Put what a step shows into the transcript (once per place)."""
        assert self.state is not None
        mark = (self.state.scene, self.state.pc, type(step).__name__)
        if isinstance(step, runner.LineStep):
            who = f"{step.speaker_name}: " if step.speaker_name else ""
            self.show(who + step.text)
        elif isinstance(step, runner.FeedbackStep):
            if mark in self.recorded:
                return
            self.show_feedback(step.feedback)
        elif isinstance(step, runner.ChoiceStep):
            if mark in self.recorded:
                return
            if step.prompt:
                self.show(step.prompt)
            for number, option in enumerate(step.options, start=1):
                self.show(f"{number}. {option}")
        elif isinstance(step, runner.QuestionStep):
            if mark in self.recorded:
                return
            self.show(step.checkpoint.question)
            for number, choice in enumerate(step.choices, start=1):
                self.show(f"{number}. {choice}")
        elif isinstance(step, runner.PartEndStep):
            if mark in self.recorded:
                return
            self.show(f"The end of {step.part_title}.")
        self.recorded.add(mark)

    def show_feedback(self, feedback: Any) -> None:
        for text in (feedback.message, feedback.right_answer, feedback.explanation):
            if text:
                self.show(text)

    def stopped_at(self) -> str:
        assert self.state is not None
        step = runner.current(self.story, self.state)
        if isinstance(step, runner.ChoiceStep):
            prompt = f" ({_short(step.prompt, 50)})" if step.prompt else ""
            return f"a choice{prompt} at {self.where()}"
        if isinstance(step, runner.QuestionStep):
            return f"the question '{step.checkpoint.id}' at {self.where()}"
        if isinstance(step, runner.PartEndStep):
            if step.next_part is None:
                return "the end of the story"
            return f"the end of {step.part_title}"
        return self.where()

    def recent(self, since: int) -> str:
        texts = self.shown[since:]
        if not texts:
            return "nothing new"
        if len(texts) > 5:
            head = f"{len(texts) - 5} earlier lines, then "
            texts = texts[-5:]
        else:
            head = ""
        return head + "; ".join(f"'{_short(t.text, 60)}' ({t.where})" for t in texts)

    def go_on(self, *, through_part_end: bool) -> runner.Step:
        """Press Enter through lines and feedback until the player must decide."""
        assert self.state is not None
        for _ in range(MAX_LINES_PER_STEP):
            step = runner.current(self.story, self.state)
            self.record(step)
            if isinstance(step, (runner.LineStep, runner.FeedbackStep)) or (
                isinstance(step, runner.PartEndStep)
                and through_part_end
                and step.next_part is not None
            ):
                self.state = runner.advance(self.story, self.state)
            else:
                return step
        raise _Stop(f"the story went on for {MAX_LINES_PER_STEP} lines without a choice: a loop?")

    # -------------------------------------------------------------- steps

    def start(self) -> None:
        pt = self.pt
        rules = Rules(age_mode=pt.age, tries=pt.tries)  # type: ignore[arg-type]
        try:
            self.state = runner.start(
                self.story,
                part=pt.part,
                scene=pt.scene,
                rules=rules,
                seed=pt.seed,
                flags=pt.flags,
            )
        except runner.ActionError as error:
            raise _Stop(f"cannot start: {error}") from None

    def run(self) -> Failure | None:
        try:
            self.start()
        except _Stop as stop:
            return Failure(self.pt.path, 1, 1, stop.message)
        for step in self.pt.steps:
            try:
                getattr(self, "do_" + step.kind)(step)
            except _Stop as stop:
                return Failure(self.pt.path, step.line, step.col, stop.message)
            except (runner.ActionError, runner.StoryLoopError) as error:
                return Failure(self.pt.path, step.line, step.col, f"the runner said: {error}")
        return None

    def find(self, text: str, start: int) -> int | None:
        wanted = _norm(text)
        for index in range(start, len(self.shown)):
            if wanted in _norm(self.shown[index].text):
                return index
        return None

    def do_see(self, step: Step) -> None:
        since = self.cursor
        while True:
            current = self.go_on(through_part_end=False)
            found = self.find(step.value, self.cursor)
            if found is not None:
                self.cursor = found
                return
            if isinstance(current, runner.PartEndStep) and current.next_part is not None:
                assert self.state is not None
                self.state = runner.advance(self.story, self.state)
                continue
            raise _Stop(
                f"expected to see '{_short(step.value, 60)}' by line {step.line}, but the story "
                f"showed: {self.recent(since)}; and then stopped at {self.stopped_at()}"
            )

    def do_not_see(self, step: Step) -> None:
        self.go_on(through_part_end=False)
        found = self.find(step.value, self.cursor)
        if found is not None:
            raise _Stop(
                f"expected not to see '{_short(step.value, 60)}' by line {step.line}, but the "
                f"story showed it: '{_short(self.shown[found].text)}' ({self.shown[found].where})"
            )

    def do_choose(self, step: Step) -> None:
        since = self.cursor
        current = self.go_on(through_part_end=True)
        if not isinstance(current, runner.ChoiceStep):
            raise _Stop(
                f"expected a choice by line {step.line}, but the story showed: "
                f"{self.recent(since)}; and then stopped at {self.stopped_at()}"
            )
        options = current.options
        listing = "; ".join(f"{n}. {_short(o, 50)}" for n, o in enumerate(options, start=1))
        if isinstance(step.value, int):
            if not 1 <= step.value <= len(options):
                raise _Stop(f"there is no option {step.value} here; the options are: {listing}")
            index = step.value - 1
        else:
            matches = [i for i, o in enumerate(options) if _norm(step.value) in _norm(o)]
            if not matches:
                raise _Stop(f"no option says '{step.value}'; the options are: {listing}")
            if len(matches) > 1:
                raise _Stop(f"more than one option says '{step.value}': {listing}")
            index = matches[0]
        assert self.state is not None
        self.state = runner.choose(self.story, self.state, index)
        self.cursor = len(self.shown)

    def question(self, step: Step) -> runner.QuestionStep:
        since = self.cursor
        current = self.go_on(through_part_end=True)
        if not isinstance(current, runner.QuestionStep):
            raise _Stop(
                f"expected a question by line {step.line}, but the story showed: "
                f"{self.recent(since)}; and then stopped at {self.stopped_at()}"
            )
        wanted = step.options.get("checkpoint")
        if wanted and wanted != current.checkpoint.id:
            raise _Stop(
                f"expected the question '{wanted}' by line {step.line}, but the story asked "
                f"'{current.checkpoint.id}' ({self.where()})"
            )
        if step.options.get("hint"):
            assert self.state is not None
            self.state, hint = runner.ask_hint(self.story, self.state)
            self.show(hint)
        return current

    def give(self, response: Any) -> None:
        assert self.state is not None
        self.cursor = len(self.shown)
        self.state, feedback = runner.answer(self.story, self.state, response)
        if not feedback.final:
            self.show_feedback(feedback)

    def do_answer(self, step: Step) -> None:
        current = self.question(step)
        checkpoint = current.checkpoint
        assert self.state is not None
        value = step.value
        if value == "right":
            response = right_response(checkpoint, self.state.seed)
        elif value == "wrong":
            if checkpoint.kind == "free":
                raise _Stop(f"'{checkpoint.id}' is a free answer, which is never wrong")
            response = wrong_response(checkpoint, self.state.seed)
        elif isinstance(value, bool):
            response = value
        elif checkpoint.kind in ("single", "evidence", "multiple"):
            numbers = [value] if isinstance(value, int) else list(value)
            response = [self.shown_position(checkpoint, n, step) for n in numbers]
            if checkpoint.kind != "multiple":
                response = response[0]
        elif isinstance(value, int):
            response = value - 1
        else:
            response = [v - 1 for v in value]
        self.give(response)

    def shown_position(self, checkpoint: Any, number: int, step: Step) -> int:
        """Option `number` as written in the scene file, where this player sees it.

        Options are shuffled for each player, so numbers in playthroughs follow the file.
        """
        assert self.state is not None
        if not 1 <= number <= len(checkpoint.options):
            raise _Stop(
                f"'{checkpoint.id}' has options 1 to {len(checkpoint.options)}, not {number} "
                f"(line {step.line})"
            )
        shown = grading.choices_shown(checkpoint, self.state.seed)
        return shown.index(checkpoint.options[number - 1].text)

    def do_type(self, step: Step) -> None:
        current = self.question(step)
        if current.checkpoint.kind not in ("short", "free"):
            raise _Stop(
                f"'{current.checkpoint.id}' is a {current.checkpoint.kind} question: "
                "answer it with `- answer: ...`, not `- type:`"
            )
        self.give(step.value)

    def do_reach(self, step: Step) -> None:
        since = self.cursor
        scene_id, _, label = step.value.partition("/")
        if scene_id not in self.story.scenes:
            hint = did_you_mean(scene_id, self.story.scenes)
            raise _Stop(f"there is no scene '{scene_id}'" + (f" ({hint})" if hint else ""))
        assert self.state is not None
        for _ in range(MAX_LINES_PER_STEP):
            if self.state.scene == scene_id and (not label or self.state.label == label):
                return
            current = runner.current(self.story, self.state)
            self.record(current)
            done = isinstance(current, runner.PartEndStep) and current.next_part is None
            if isinstance(current, (runner.ChoiceStep, runner.QuestionStep)) or done:
                raise _Stop(
                    f"expected to reach {step.value} by line {step.line}, but the story showed: "
                    f"{self.recent(since)}; and then stopped at {self.stopped_at()}"
                )
            self.state = runner.advance(self.story, self.state)
        raise _Stop(f"the story went on for {MAX_LINES_PER_STEP} lines: a loop?")

    def do_flags(self, step: Step) -> None:
        assert self.state is not None
        wrong = []
        for name, value in step.value.items():
            have = self.state.flags.get(name, 0 if not isinstance(value, bool) else False)
            if have != value or isinstance(have, bool) != isinstance(value, bool):
                wrong.append(f"{name} is {_value(have)}, not {_value(value)}")
        if wrong:
            raise _Stop(
                f"expected other flags by line {step.line}: {'; '.join(wrong)} (at {self.where()})"
            )

    def do_answered(self, step: Step) -> None:
        assert self.state is not None
        wrong = []
        for checkpoint, expected in step.value.items():
            record = self.state.answers.get(checkpoint)
            if record is None:
                wrong.append(f"'{checkpoint}' has not been answered")
                continue
            got = "free" if record.correct is None else "right" if record.correct else "wrong"
            if got != expected:
                wrong.append(f"'{checkpoint}' was answered {got}, not {expected}")
        if wrong:
            raise _Stop(f"expected other results by line {step.line}: " + "; ".join(wrong))

    def do_end_part(self, step: Step) -> None:
        since = self.cursor
        while True:
            current = self.go_on(through_part_end=False)
            if isinstance(current, runner.PartEndStep):
                if current.part == step.value:
                    return
                if current.next_part is not None:
                    assert self.state is not None
                    self.state = runner.advance(self.story, self.state)
                    continue
            raise _Stop(
                f"expected the end of the part '{step.value}' by line {step.line}, but the story "
                f"showed: {self.recent(since)}; and then stopped at {self.stopped_at()}"
            )


def run_playthrough(story: m.Story, path: Path) -> list[str]:
    """Every problem with one playthrough file, formatted (an empty list when it passes)."""
    playthrough, problems = read_playthrough(path)
    if playthrough is None:
        return [d.format() for d in problems]
    failure = PlaythroughRunner(story, playthrough).run()
    return [failure.format()] if failure else []


def playthrough_files(targets: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found.extend(sorted(target.glob("*.yaml")))
        else:
            found.append(target)
    return found


def run_files(story: m.Story, targets: Sequence[Path], out: TextIO | None = None) -> int:
    """Run playthrough files (or folders of them); 0 when all pass, 1 otherwise, 2 if none."""
    out = out or sys.stdout
    files = playthrough_files(targets)
    missing = [f for f in files if not f.is_file()]
    if missing or not files:
        for item in missing:
            print(f"{item}: error: no such playthrough file", file=out)
        if not files:
            print("error: no playthrough files found", file=out)
        return 2
    failed = 0
    for item in files:
        problems = run_playthrough(story, item)
        for problem in problems:
            print(problem, file=out)
        if problems:
            failed += 1
        else:
            print(f"{paths.display_path(item)}: passed", file=out)
    total = len(files)
    print(f"{total - failed} of {total} playthrough{'s' if total != 1 else ''} passed.", file=out)
    return 1 if failed else 0
