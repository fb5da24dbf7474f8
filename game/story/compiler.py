"""Turn a validated scene file into a runnable `Scene`: nested beats become a flat op list.

Why compile: the runner then needs no recursion and a place in the story is a plain integer,
which makes saves, history and hot reload simple.  Conditions, choice branches and mature
passages become jumps; labels become op indexes.  Problems found on the way (a condition that
cannot be read, a label used twice) are diagnostics, never exceptions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

from . import schema as s
from .diagnostics import Diagnostic, did_you_mean
from .expr import ConditionError, Expr, parse_condition
from .model import (
    AddJournal,
    Ask,
    ChangeSetting,
    DeadEnd,
    EndOfPart,
    GotoScene,
    Jump,
    JumpIfYoung,
    JumpUnless,
    Offer,
    OfferOption,
    Op,
    Scene,
    SetFlags,
    ShowLine,
)
from .yamlread import LineIndex, SourceMap

Path_ = tuple[str | int, ...]


def walk_beats(beats: Sequence[Any], path: Path_) -> Iterator[tuple[Any, Path_]]:
    """Every beat, nested ones included, with its path in the file (depth first, in order)."""
    for index, beat in enumerate(beats):
        here = (*path, index)
        yield beat, here
        if isinstance(beat, s.ChoiceBeat):
            for number, option in enumerate(beat.choice.options):
                yield from walk_beats(option.beats, (*here, "choice", "options", number, "beats"))
        elif isinstance(beat, s.Condition):
            yield from walk_beats(beat.then, (*here, "then"))
            yield from walk_beats(beat.else_, (*here, "else"))
        elif isinstance(beat, s.Mature):
            yield from walk_beats(beat.mature.beats, (*here, "mature", "beats"))


def file_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=12).hexdigest()


class _SceneCompiler:
    def __init__(self, scene: s.SceneFile, source: SourceMap, lines: LineIndex | None) -> None:
        self.scene, self.source, self.lines = scene, source, lines
        self.ops: list[Op] = []
        self.labels: dict[str, int] = {}
        self.local_jumps: list[tuple[int, str, Path_]] = []
        self.diagnostics: list[Diagnostic] = []
        self.in_mature = False
        self.pending_gotos: list[tuple[int, str, int]] = []

    def line(self, path: Path_) -> int:
        """The line of the beat at `path` (cheap: no node tree is needed)."""
        return self.lines.line(path) if self.lines is not None else self.source.mark(path)[0]

    def error(
        self, path: Path_, code: str, message: str, hint: str = "", *, col_shift: int = 0
    ) -> None:
        line, col = self.source.mark(path)
        self.diagnostics.append(
            Diagnostic(self.source.path, line, col + col_shift, "error", code, message, hint)
        )

    def condition(self, text: str, path: Path_) -> Expr | None:
        try:
            return parse_condition(text)
        except ConditionError as error:
            node, matched = self.source.node_at(path)
            quoted = 1 if matched == len(path) and getattr(node, "style", None) in ("'", '"') else 0
            self.error(
                path,
                "E027",
                f"cannot read the condition '{text}': {error}",
                "write e.g. kept_secret, not kept_secret, kindness >= 2, a and b",
                col_shift=quoted + error.offset,
            )
            return None

    def emit(self, op: Op) -> int:
        self.ops.append(op)
        return len(self.ops) - 1

    def goto(self, target: str, path: Path_) -> None:
        line = self.line(path)
        if "/" in target:
            scene_id, label = target.split("/", 1)
            if scene_id == self.scene.id:
                self.local_jumps.append((self.emit(Jump(-1, line)), label, path))
            else:
                self.emit(GotoScene(scene_id, label, line))
        else:  # a label here if there is one, else a scene: known once all beats are seen
            self.pending_gotos.append((self.emit(Jump(-1, line)), target, line))

    def beats(self, beats: Sequence[Any], path: Path_) -> None:
        for index, beat in enumerate(beats):
            self.beat(beat, (*path, index))

    def beat(self, beat: Any, path: Path_) -> None:
        line = self.line(path)
        if isinstance(beat, s.Narrate):
            self.emit(ShowLine("narration", beat.narrate, None, None, line, self.in_mature))
        elif isinstance(beat, s.Say):
            self.emit(ShowLine("dialogue", beat.say, beat.speaker, None, line, self.in_mature))
        elif isinstance(beat, s.Quote):
            self.emit(
                ShowLine("quote", beat.quote, beat.speaker, beat.chapter, line, self.in_mature)
            )
        elif isinstance(beat, s.Label):
            if beat.label in self.labels:
                self.error(
                    (*path, "label"),
                    "E103",
                    f"the label '{beat.label}' is already used in this scene",
                    "give each label in a scene its own name",
                )
            else:
                self.labels[beat.label] = len(self.ops)
        elif isinstance(beat, s.SettingBeat):
            self.emit(ChangeSetting(beat.setting.background, beat.setting.time, line))
        elif isinstance(beat, s.SetFlags):
            self.emit(SetFlags(tuple(beat.set.items()), line))
        elif isinstance(beat, s.Journal):
            self.emit(AddJournal(beat.journal, beat.theme, line))
        elif isinstance(beat, s.ChoiceBeat):
            self.choice(beat.choice, path)
        elif isinstance(beat, s.Condition):
            self.branch(beat, path)
        elif isinstance(beat, s.CheckpointBeat):
            self.emit(Ask(beat.checkpoint, line))
        elif isinstance(beat, s.Goto):
            self.goto(beat.goto, (*path, "goto"))
        elif isinstance(beat, s.EndPart):
            self.emit(EndOfPart(line))
        elif isinstance(beat, s.Mature):
            self.mature(beat.mature, path)

    def choice(self, body: s.ChoiceBody, path: Path_) -> None:
        offer_at = self.emit(Jump(-1, self.line(path)))  # replaced by the Offer below
        options: list[OfferOption] = []
        to_end: list[int] = []
        for number, option in enumerate(body.options):
            option_path = (*path, "choice", "options", number)
            condition = self.condition(option.if_, (*option_path, "if")) if option.if_ else None
            target = len(self.ops)
            self.beats(option.beats, (*option_path, "beats"))
            if option.goto:
                self.goto(option.goto, (*option_path, "goto"))
            else:
                to_end.append(self.emit(Jump(-1, self.line(option_path))))
            options.append(
                OfferOption(
                    option.text,
                    condition,
                    tuple(option.set.items()),
                    tuple(option.add.items()),
                    target,
                    self.line(option_path),
                )
            )
        end = len(self.ops)
        for at in to_end:
            self.ops[at] = Jump(end, self.ops[at].line)
        self.ops[offer_at] = Offer(body.prompt, tuple(options), self.line(path))

    def branch(self, beat: s.Condition, path: Path_) -> None:
        condition = self.condition(beat.if_, (*path, "if"))
        line = self.line(path)
        test_at = self.emit(Jump(-1, line))
        self.beats(beat.then, (*path, "then"))
        skip_else = self.emit(Jump(-1, line)) if beat.else_ else None
        else_start = len(self.ops)
        self.beats(beat.else_, (*path, "else"))
        if skip_else is not None:
            self.ops[skip_else] = Jump(len(self.ops), line)
        if condition is None:  # already reported; keep the op list well formed
            self.ops[test_at] = Jump(test_at + 1, line)
        else:
            self.ops[test_at] = JumpUnless(condition, else_start, line)

    def mature(self, body: s.MatureBody, path: Path_) -> None:
        line = self.line(path)
        test_at = self.emit(Jump(-1, line))
        was_mature, self.in_mature = self.in_mature, True
        self.beats(body.beats, (*path, "mature", "beats"))
        self.in_mature = was_mature
        skip_gentle = self.emit(Jump(-1, line))
        gentle_at = self.emit(
            ShowLine("narration", body.gentle, None, None, self.line((*path, "mature", "gentle")))
        )
        self.ops[test_at] = JumpIfYoung(gentle_at, line)
        self.ops[skip_gentle] = Jump(gentle_at + 1, line)

    def finish(self) -> None:
        for at, target, line in self.pending_gotos:
            if target in self.labels:
                self.ops[at] = Jump(self.labels[target], line)
            else:
                self.ops[at] = GotoScene(target, None, line)
        end_line = self.line(("beats", len(self.scene.beats) - 1))
        if self.scene.next:
            self.emit(GotoScene(self.scene.next, None, end_line))
        else:
            self.emit(DeadEnd(end_line))
        for at, label, path in self.local_jumps:
            if label in self.labels:
                self.ops[at] = Jump(self.labels[label], self.ops[at].line)
            else:
                self.error(
                    path,
                    "E104",
                    f"there is no label '{label}' in scene '{self.scene.id}'",
                    did_you_mean(label, self.labels)
                    or "add `- label: " + label + "` where it should go",
                )
                self.ops[at] = Jump(len(self.ops) - 1, self.ops[at].line)


def compile_scene(
    scene: s.SceneFile, source: SourceMap, digest: str, lines: LineIndex | None = None
) -> tuple[Scene, list[Diagnostic]]:
    """Compile one validated scene; also returns the problems found while compiling."""
    compiler = _SceneCompiler(scene, source, lines)
    compiler.beats(scene.beats, ("beats",))
    compiler.finish()
    compiled = Scene(
        id=scene.id,
        title=scene.title,
        part=scene.part,
        covers=tuple(scene.covers),
        background=scene.setting.background,
        time=scene.setting.time,
        next=scene.next,
        path=source.path,
        ops=tuple(compiler.ops),
        labels=dict(compiler.labels),
        digest=digest,
    )
    return compiled, compiler.diagnostics
