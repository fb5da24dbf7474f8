"""The loaded story: frozen data built once by the loader, read by every front end.

Each scene's beats are compiled into a flat list of *ops* (a tiny program): lines to show,
choices, checkpoints, jumps.  Ops are NamedTuples: immutable, small, and about three times
quicker to unpickle than slotted dataclasses, which is most of the cost of a cached load.  Conditions, choice branches and mature passages become jumps,
so a place in the story is just (scene id, op index) and the runner stays a small loop.
Nothing here imports pygame, reads the clock or touches the disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .expr import Expr
from .schema import (
    BackgroundDef,
    CharacterDef,
    Checkpoint,
    GlossaryEntry,
    PlotDef,
    ThemeDef,
)

FlagValue = bool | int
LineKind = Literal["narration", "dialogue", "quote"]
TimeOfLife = Literal["present", "past"]
SKILLS: tuple[str, ...] = ("retrieve", "infer", "explain", "evaluate")


class ShowLine(NamedTuple):
    """A line the player reads, then advances past."""

    kind: LineKind
    text: str
    speaker: str | None
    chapter: int | None
    line: int
    mature: bool = False


class ChangeSetting(NamedTuple):
    background: str
    time: TimeOfLife
    line: int


class SetFlags(NamedTuple):
    values: tuple[tuple[str, FlagValue], ...]
    line: int


class AddJournal(NamedTuple):
    text: str
    theme: str | None
    line: int


class OfferOption(NamedTuple):
    text: str
    condition: Expr | None
    sets: tuple[tuple[str, FlagValue], ...]
    adds: tuple[tuple[str, int], ...]
    target: int
    line: int


class Offer(NamedTuple):
    """A choice: the player picks one of the options whose condition holds."""

    prompt: str | None
    options: tuple[OfferOption, ...]
    line: int


class JumpUnless(NamedTuple):
    condition: Expr
    target: int
    line: int


class JumpIfYoung(NamedTuple):
    """Skip a mature passage in the 11-13 age mode (to its gentle summary)."""

    target: int
    line: int


class Jump(NamedTuple):
    target: int
    line: int


class GotoScene(NamedTuple):
    scene: str
    label: str | None
    line: int


class Ask(NamedTuple):
    """A comprehension checkpoint."""

    checkpoint: Checkpoint
    line: int


class EndOfPart(NamedTuple):
    line: int


class DeadEnd(NamedTuple):
    """Where a scene's beats run out with no `next`; lint reports it if a path reaches it."""

    line: int


Op = (
    ShowLine
    | ChangeSetting
    | SetFlags
    | AddJournal
    | Offer
    | JumpUnless
    | JumpIfYoung
    | Jump
    | GotoScene
    | Ask
    | EndOfPart
    | DeadEnd
)
WAITING_OPS = (ShowLine, Offer, Ask, EndOfPart, DeadEnd)


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    title: str
    part: str
    covers: tuple[str, ...]
    background: str
    time: TimeOfLife
    next: str | None
    path: str
    ops: tuple[Op, ...]
    labels: Mapping[str, int]
    digest: str

    def label_before(self, pc: int) -> str | None:
        """The nearest label at or before op `pc`: where a changed scene resumes."""
        best: tuple[int, str | None] = (-1, None)
        for name, at in self.labels.items():
            if best[0] < at <= pc:
                best = (at, name)
        return best[1]

    def line_of(self, pc: int) -> int:
        """The source line of op `pc` (the writer overlay shows it)."""
        if 0 <= pc < len(self.ops):
            return self.ops[pc].line
        return 1

    @property
    def checkpoints(self) -> tuple[Checkpoint, ...]:
        return tuple(op.checkpoint for op in self.ops if isinstance(op, Ask))


@dataclass(frozen=True, slots=True)
class Part:
    id: str
    title: str
    first_scene: str
    summary: str
    scenes: tuple[str, ...]
    """Scene ids of this part in the order a player meets them."""
    main_line: tuple[str, ...] = ()
    """The scenes every player passes through, start to end (side memories left out)."""

    def progress(self, scene_id: str, seen: tuple[str, ...] = ()) -> tuple[int, int]:
        """(scene number, scenes in the part) as a player would count them.

        Counted along the main line, so an optional side memory neither adds to the total nor
        jumps the count: inside one, the number is that of the last main scene passed.
        """
        line = self.main_line or self.scenes
        if scene_id in line:
            return line.index(scene_id) + 1, len(line)
        passed = [index for index, sid in enumerate(line) if sid in seen]
        return (max(passed) + 1 if passed else 1), len(line)


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    format_version: int
    content_note: str
    parts: tuple[Part, ...]
    themes: Mapping[str, ThemeDef]
    characters: Mapping[str, CharacterDef]
    glossary: tuple[GlossaryEntry, ...]
    backgrounds: Mapping[str, BackgroundDef]
    plots: Mapping[str, PlotDef]
    scenes: Mapping[str, Scene]
    default_tries: int
    digest: str
    checkpoint_scene: Mapping[str, str] = field(default_factory=dict)

    def part(self, part_id: str) -> Part:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(part_id)

    def has_part(self, part_id: str) -> bool:
        return any(part.id == part_id for part in self.parts)

    def next_part(self, part_id: str) -> Part | None:
        ids = [part.id for part in self.parts]
        index = ids.index(part_id)
        return self.parts[index + 1] if index + 1 < len(self.parts) else None

    def checkpoint(self, checkpoint_id: str) -> Checkpoint:
        scene = self.scenes[self.checkpoint_scene[checkpoint_id]]
        for op in scene.ops:
            if isinstance(op, Ask) and op.checkpoint.id == checkpoint_id:
                return op.checkpoint
        raise KeyError(checkpoint_id)

    def all_checkpoints(self) -> list[tuple[Scene, Checkpoint]]:
        """Every checkpoint with its scene, in part and play order."""
        found: list[tuple[Scene, Checkpoint]] = []
        for part in self.parts:
            for scene_id in part.scenes:
                scene = self.scenes[scene_id]
                found.extend((scene, checkpoint) for checkpoint in scene.checkpoints)
        return found

    def speaker_name(self, speaker: str | None) -> str | None:
        if speaker is None:
            return None
        character = self.characters.get(speaker)
        return character.name if character else speaker
