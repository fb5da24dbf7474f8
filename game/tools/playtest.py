"""`memories playtest`: robots play the story and report what no path reaches, or what breaks.

Quick (the default) searches every place a player can be: from each part's start, in both age
settings, it takes every option of every choice, so both sides of every condition that any
path can reach are played.  A place is (scene, op, the flags still tested ahead), so the search
ends however many paths the story has.  It reports scenes, beats, options, journal entries and
checkpoints no path reaches, dead ends, loops with no way out, jumps that fail and checkpoints
whose own right answer is graded wrong, then a coverage summary by part, theme and checkpoint.

`--random N --seed S` plays N whole games (preferring the options used least so far, answering
right, wrong, then right, or wrong every time) and reports failures with the seed that repeats
them, how often each scene and checkpoint was reached, and how the flags ended up.

`--playthrough FILE` plays the choices and answers a writer pinned down in a playthrough file
and checks what must be seen (see game/tools/playthrough.py).

Everything is played through the runner (game/play/runner.py) exactly as a front end does;
nothing here re-implements the story's logic.  Exit codes: 0 no problems, 1 problems found,
2 the story could not be loaded or the input could not be used.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from .. import paths
from ..play import grading, runner
from ..play.state import PlayState, Rules
from ..story import model as m
from ..story import schema as s
from ..story.loader import load_story

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
AGES: tuple[str, ...] = ("14+", "11-13")
MAX_STATES = 400_000
"""The quick search stops (and says so) after this many places: a safety net, not a target."""
MAX_RANDOM_STEPS = 50_000
"""Actions in one random game before it is called a loop."""


# ---------------------------------------------------------------------- answers


def right_response(checkpoint: s.Checkpoint, seed: int) -> Any:
    """A response the runner grades as right, for the player with this seed."""
    return grading.right_response(checkpoint, grading.choices_shown(checkpoint, seed))


def wrong_response(checkpoint: s.Checkpoint, seed: int) -> Any:
    """A response the runner grades as wrong (free answers cannot be wrong: any text)."""
    return grading.wrong_response(checkpoint, grading.choices_shown(checkpoint, seed))


# ---------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    """One problem, at a place in a scene file, with how to see it happen."""

    path: str
    line: int
    kind: str
    message: str
    how: str = ""

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.kind}: {self.message}"
        if self.how:
            text += f"\n    how: {self.how}"
        return text


@dataclass
class Coverage:
    """What the robots reached; every set holds keys into the story's scenes and ops."""

    scenes: set[str] = field(default_factory=set)
    ops: set[tuple[str, int]] = field(default_factory=set)
    options: set[tuple[str, int, int]] = field(default_factory=set)
    journal: set[tuple[str, str]] = field(default_factory=set)
    ends: set[str] = field(default_factory=set)
    """Parts whose end some path reaches."""
    checkpoints_by_age: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


@dataclass
class QuickReport:
    findings: list[Finding]
    coverage: Coverage
    places: int
    seconds: float
    complete: bool = True
    parts: tuple[str, ...] = ()
    """The parts the report is about (all of them unless --part)."""


# ---------------------------------------------------------------------- story facts


def _tested_names(scene: m.Scene) -> set[str]:
    names: set[str] = set()
    for op in scene.ops:
        if isinstance(op, m.JumpUnless):
            names.update(op.condition.names())
        elif isinstance(op, m.Offer):
            for option in op.options:
                if option.condition is not None:
                    names.update(option.condition.names())
    return names


def _scene_links(story: m.Story, scene: m.Scene) -> set[str]:
    """Scenes a player can go on to from `scene` (jumps, next, and the next part's start)."""
    links = {op.scene for op in scene.ops if isinstance(op, m.GotoScene)}
    if any(isinstance(op, (m.EndOfPart, m.DeadEnd)) for op in scene.ops):
        following = story.next_part(scene.part) if story.has_part(scene.part) else None
        if following is not None:
            links.add(following.first_scene)
    return {link for link in links if link in story.scenes}


def tested_ahead(story: m.Story) -> dict[str, frozenset[str]]:
    """For each scene, the flags tested in it or in any scene a player can go on to.

    Flags outside this set can never steer the story again, so two places that differ only in
    them play the same from there on: the search treats them as one place.
    """
    links = {sid: _scene_links(story, scene) for sid, scene in story.scenes.items()}
    tested = {sid: _tested_names(scene) for sid, scene in story.scenes.items()}
    ahead: dict[str, frozenset[str]] = {}
    for sid in story.scenes:
        seen, todo, names = {sid}, [sid], set()
        while todo:
            here = todo.pop()
            names |= tested[here]
            for link in links[here]:
                if link not in seen:
                    seen.add(link)
                    todo.append(link)
        ahead[sid] = frozenset(names)
    return ahead


def _where(story: m.Story, scene_id: str, pc: int) -> tuple[str, int]:
    scene = story.scenes[scene_id]
    return scene.path, scene.line_of(pc)


def _visible_options(op: m.Offer, shown: Sequence[str]) -> list[int]:
    """Indexes into `op.options` of the options a ChoiceStep shows (matched in order)."""
    found: list[int] = []
    start = 0
    for text in shown:
        for index in range(start, len(op.options)):
            if op.options[index].text == text:
                found.append(index)
                start = index + 1
                break
    return found


def _all_hidden(op: m.Offer, flags: Any) -> bool:
    return all(o.condition is not None and not o.condition.holds(flags) for o in op.options)


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


# ---------------------------------------------------------------------- quick search


Action = tuple[str, Any]
"""("choose", index) or ("advance", None) or ("answer", response)."""


def _bare(state: PlayState) -> PlayState:
    """The state without what never steers the story (history, answers, journal...)."""
    return replace(
        state,
        history=(),
        journal=(),
        answers={},
        withheld=(),
        seen_scenes=(),
        finished_parts=(),
    )


class _Search:
    def __init__(self, story: m.Story, *, follow_parts: bool = True) -> None:
        self.story = story
        self.follow_parts = follow_parts
        self.ahead = tested_ahead(story)
        self.coverage = Coverage()
        self.findings: list[Finding] = []
        self.parent: dict[Hashable, tuple[Hashable | None, str]] = {}
        self.edges: dict[Hashable, list[Hashable]] = defaultdict(list)
        self.terminal: set[Hashable] = set()
        self.failed: set[Hashable] = set()
        self.places: dict[Hashable, PlayState] = {}
        self.reported: set[tuple[str, str, int]] = set()
        self.complete = True

    def key(self, state: PlayState) -> Hashable:
        live = self.ahead.get(state.scene, frozenset())
        flags = tuple(sorted((k, v) for k, v in state.flags.items() if k in live))
        return (
            state.scene,
            state.pc,
            state.feedback is not None,
            state.ended_part,
            state.rules.age_mode,
            flags,
        )

    def path_to(self, key: Hashable) -> str:
        """The choices that lead to a place, as a writer would make them."""
        moves: list[str] = []
        origin = ""
        current: Hashable | None = key
        while current is not None:
            before, move = self.parent[current]
            if before is None:
                origin = move
            elif move:
                moves.append(move)
            current = before
        moves.reverse()
        return origin + ("; then " + ", ".join(moves) if moves else "")

    def report(self, kind: str, scene_id: str, pc: int, message: str, key: Hashable) -> None:
        path, line = _where(self.story, scene_id, pc)
        if (kind, path, line) in self.reported:
            return
        self.reported.add((kind, path, line))
        self.findings.append(Finding(path, line, kind, message, self.path_to(key)))

    def run(self, parts: Sequence[str], ages: Sequence[str]) -> None:
        queue: deque[Hashable] = deque()
        for age in ages:
            for part in parts:
                origin = f"start {part} (age {age})"
                try:
                    state = runner.start(self.story, part=part, rules=Rules(age_mode=age))  # type: ignore[arg-type]
                except Exception as error:  # a broken first scene: say so, go on
                    first = self.story.part(part).first_scene
                    path, line = _where(self.story, first, 0)
                    self.findings.append(Finding(path, line, "failed", str(error), origin))
                    continue
                state = _bare(state)
                key = self.key(state)
                if key not in self.places:
                    self.places[key] = state
                    self.parent[key] = (None, origin)
                    queue.append(key)
        while queue:
            if len(self.places) > MAX_STATES:
                self.complete = False
                break
            key = queue.popleft()
            for child, move in self.expand(key):
                child_key = self.key(child)
                self.edges[key].append(child_key)
                if child_key not in self.places:
                    self.places[child_key] = child
                    self.parent[child_key] = (key, move)
                    queue.append(child_key)

    def expand(self, key: Hashable) -> Iterable[tuple[PlayState, str]]:
        state = self.places[key]
        story, cov = self.story, self.coverage
        cov.scenes.add(state.scene)
        try:
            step = runner.current(story, state)
        except Exception as error:
            self.failed.add(key)
            self.report("failed", state.scene, state.pc, str(error), key)
            return []
        scene = story.scenes[state.scene]
        op = scene.ops[state.pc]
        cov.ops.add((state.scene, state.pc))
        moves: list[tuple[Action, str]] = []
        if isinstance(step, runner.PartEndStep):
            self.terminal.add(key)
            cov.ends.add(step.part)
            if isinstance(op, m.DeadEnd) and state.feedback is None:
                self.report(
                    "dead end",
                    state.scene,
                    state.pc,
                    f"the scene '{scene.id}' runs out of beats here with nowhere to go "
                    "(add next:, a goto or end_part)",
                    key,
                )
            if step.next_part is not None and self.follow_parts:
                moves.append((("advance", None), ""))
        elif isinstance(step, (runner.LineStep, runner.FeedbackStep)):
            moves.append((("advance", None), ""))
        elif isinstance(step, runner.ChoiceStep):
            assert isinstance(op, m.Offer)
            if _all_hidden(op, state.flags):
                self.report(
                    "empty choice",
                    state.scene,
                    state.pc,
                    "every option of this choice is hidden here (their if: conditions are all "
                    "false), so the player is shown the first one anyway",
                    key,
                )
            indexes = _visible_options(op, step.options)
            for shown, index in enumerate(indexes):
                cov.options.add((state.scene, state.pc, index))
                label = f"{scene.id}: choose '{_short(op.options[index].text, 40)}'"
                moves.append((("choose", shown), label))
        elif isinstance(step, runner.QuestionStep):
            cov.checkpoints_by_age[state.rules.age_mode].add(step.checkpoint.id)
            moves.append((("answer", right_response(step.checkpoint, state.seed)), ""))
        children: list[tuple[PlayState, str]] = []
        for (action, argument), label in moves:
            try:
                if action == "advance":
                    child = runner.advance(story, state)
                elif action == "choose":
                    child = runner.choose(story, state, argument)
                else:
                    child, feedback = runner.answer(story, state, argument)
                    if feedback.correct is False:
                        self.report(
                            "checkpoint",
                            state.scene,
                            state.pc,
                            f"the right answer to '{step.checkpoint.id}' "  # type: ignore[union-attr]
                            f"({argument!r}) is graded wrong",
                            key,
                        )
            except Exception as error:
                self.failed.add(key)
                where = f"after {label}: " if label else ""
                self.report("failed", state.scene, state.pc, where + str(error), key)
                continue
            cov.scenes.update(child.seen_scenes)
            for entry in child.journal:
                cov.journal.add((entry.scene, entry.text))
            children.append((_bare(child), label))
        return children

    def traps(self) -> None:
        """Places from which no path reaches the end of a part: loops with no way out."""
        back: dict[Hashable, list[Hashable]] = defaultdict(list)
        for parent, children in self.edges.items():
            for child in children:
                back[child].append(parent)
        free = set(self.terminal)
        todo = list(self.terminal)
        while todo:
            for parent in back[todo.pop()]:
                if parent not in free:
                    free.add(parent)
                    todo.append(parent)
        trapped = [k for k in self.places if k not in free and k not in self.failed]
        by_scene: dict[str, list[Hashable]] = defaultdict(list)
        for key in trapped:
            by_scene[self.places[key].scene].append(key)
        covered: set[str] = set()
        for scene_id, keys in sorted(by_scene.items()):
            if scene_id in covered:
                continue  # one report for each loop, at the first of its scenes
            first = min(keys, key=lambda k: self.places[k].pc)
            loop = sorted({self.places[k].scene for k in self._reach(first)})
            covered.update(loop)
            self.report(
                "loop",
                scene_id,
                self.places[first].pc,
                "a loop with no way out: from here the story only goes round "
                + ", ".join(loop)
                + " and never reaches the end of a part",
                first,
            )

    def _reach(self, key: Hashable) -> set[Hashable]:
        seen, todo = {key}, [key]
        while todo:
            for child in self.edges.get(todo.pop(), []):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen


def unreached(story: m.Story, coverage: Coverage) -> list[Finding]:
    """Scenes, beats, options, journal entries and checkpoints no path reached."""
    findings: list[Finding] = []
    for scene_id, scene in story.scenes.items():
        if scene_id not in coverage.scenes:
            findings.append(
                Finding(
                    scene.path,
                    scene.line_of(0),
                    "unreached",
                    f"no path reaches the scene '{scene_id}' "
                    "(link it in with next: or a goto in a scene players reach)",
                )
            )
            continue
        run: list[int] = []
        for pc, op in enumerate(scene.ops):
            waiting = isinstance(op, (m.ShowLine, m.Offer, m.Ask, m.EndOfPart))
            if waiting and (scene_id, pc) not in coverage.ops:
                run.append(pc)
                continue
            if waiting and run:
                findings.append(_unreached_run(story, scene, run))
                run = []
        if run:
            findings.append(_unreached_run(story, scene, run))
        for pc, op in enumerate(scene.ops):
            if isinstance(op, m.Offer) and (scene_id, pc) in coverage.ops:
                for index, option in enumerate(op.options):
                    if (scene_id, pc, index) not in coverage.options:
                        condition = f" (if: {option.condition})" if option.condition else ""
                        findings.append(
                            Finding(
                                scene.path,
                                option.line,
                                "unreached",
                                f"the option '{_short(option.text)}'{condition} is never "
                                "offered on any path",
                            )
                        )
            elif isinstance(op, m.AddJournal) and (scene_id, op.text) not in coverage.journal:
                findings.append(
                    Finding(
                        scene.path,
                        op.line,
                        "unreached",
                        f"no path adds the journal entry '{_short(op.text)}'",
                    )
                )
    return findings


def _unreached_run(story: m.Story, scene: m.Scene, pcs: list[int]) -> Finding:
    lines = [scene.ops[pc].line for pc in pcs]
    asks = [op.checkpoint.id for pc in pcs if isinstance(op := scene.ops[pc], m.Ask)]
    span = f"line {lines[0]}" if min(lines) == max(lines) else f"lines {min(lines)}-{max(lines)}"
    what = f"no path reaches the beats at {span}"
    if asks:
        what += " (checkpoints " + ", ".join(asks) + ")"
    return Finding(scene.path, min(lines), "unreached", what)


def quick_playtest(
    story: m.Story,
    *,
    parts: Sequence[str] | None = None,
    ages: Sequence[str] = AGES,
) -> QuickReport:
    """Search every place a player can reach; report what breaks and what is never reached.

    The search always starts from every part (a later part's conditions may test flags set in
    an earlier one); `parts` only narrows the report to those parts' scenes.
    """
    started = time.perf_counter()
    search = _Search(story)
    search.run([part.id for part in story.parts], ages)
    search.traps()
    findings = list(search.findings)
    for scene, checkpoint in story.all_checkpoints():
        findings.extend(_check_grading(scene, checkpoint))
    if search.complete:
        findings.extend(unreached(story, search.coverage))
    if parts:
        paths_wanted = {scene.path for scene in story.scenes.values() if scene.part in parts}
        findings = [f for f in findings if f.path in paths_wanted]
    findings.sort(key=lambda f: (f.path, f.line, f.kind))
    return QuickReport(
        findings,
        search.coverage,
        len(search.places),
        time.perf_counter() - started,
        search.complete,
        tuple(parts) if parts else tuple(part.id for part in story.parts),
    )


def _check_grading(scene: m.Scene, checkpoint: s.Checkpoint) -> list[Finding]:
    """A checkpoint whose right answer is graded wrong, or whose wrong answer right."""
    line = next(
        (op.line for op in scene.ops if isinstance(op, m.Ask) and op.checkpoint is checkpoint), 1
    )
    found: list[Finding] = []
    for label, response, expected in (
        ("right", right_response(checkpoint, 0), True),
        ("wrong", wrong_response(checkpoint, 0), False),
    ):
        if isinstance(checkpoint, s.FreeText):
            continue
        try:
            graded = grading.grade(checkpoint, response, 0).correct
        except grading.ResponseError as error:
            graded, expected = None, True
            found.append(Finding(scene.path, line, "checkpoint", f"'{checkpoint.id}': {error}"))
            continue
        if graded is not expected:
            found.append(
                Finding(
                    scene.path,
                    line,
                    "checkpoint",
                    f"'{checkpoint.id}': the {label} answer {response!r} is graded "
                    f"{'right' if graded else 'wrong'}",
                )
            )
    return found


# ---------------------------------------------------------------------- random games


@dataclass
class RandomReport:
    games: int
    seed: int
    failures: list[Finding]
    scenes: Counter[str]
    checkpoints: Counter[str]
    outcomes: dict[str, Counter[str]]
    flags: dict[str, Counter[str]]
    seconds: float


class _Usage:
    """How often each option has been taken, so later games prefer the least used."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, int, int]] = Counter()

    def pick(self, rng: random.Random, keys: list[tuple[str, int, int]]) -> int:
        least = min(self.counts[key] for key in keys)
        choices = [i for i, key in enumerate(keys) if self.counts[key] == least]
        index = rng.choice(choices)
        self.counts[keys[index]] += 1
        return index


def random_playtest(
    story: m.Story,
    games: int,
    seed: int,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> RandomReport:
    """Play `games` whole games, each from the first part to the end of the story."""
    started = time.perf_counter()
    usage = _Usage()
    report = RandomReport(
        games, seed, [], Counter(), Counter(), defaultdict(Counter), defaultdict(Counter), 0.0
    )
    for number in range(1, games + 1):
        how = f"game {number} of --random {number} --seed {seed}"
        final = _random_game(story, random.Random(f"{seed}:{number}"), usage, report, how)
        if final is not None:
            report.scenes.update(final.seen_scenes)
            for name, value in final.flags.items():
                report.flags[name][_flag_text(value)] += 1
        if progress is not None:
            progress(number, games)
    names = {name for name in report.flags}
    for name in names:  # games that never set a flag count as "unset"
        unset = games - sum(report.flags[name].values())
        if unset:
            report.flags[name]["unset"] += unset
    report.seconds = time.perf_counter() - started
    return report


def _flag_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _random_game(
    story: m.Story, rng: random.Random, usage: _Usage, report: RandomReport, how: str
) -> PlayState | None:
    age = rng.choice(AGES)
    try:
        state = runner.start(story, rules=Rules(age_mode=age), seed=rng.randrange(1 << 30))  # type: ignore[arg-type]
    except Exception as error:
        first = story.parts[0].first_scene
        path, line = _where(story, first, 0)
        report.failures.append(Finding(path, line, "failed", str(error), how))
        return None
    choices: list[str] = []
    plan: dict[str, str] = {}
    for _ in range(MAX_RANDOM_STEPS):
        try:
            step = runner.current(story, state)
            if isinstance(step, runner.PartEndStep):
                op = story.scenes[state.scene].ops[state.pc]
                if isinstance(op, m.DeadEnd):
                    path, line = _where(story, state.scene, state.pc)
                    report.failures.append(
                        Finding(path, line, "dead end", "the scene runs out of beats here", how)
                    )
                if step.next_part is None:
                    return state
                state = runner.advance(story, state)
            elif isinstance(step, (runner.LineStep, runner.FeedbackStep)):
                state = runner.advance(story, state)
            elif isinstance(step, runner.ChoiceStep):
                op = story.scenes[state.scene].ops[state.pc]
                assert isinstance(op, m.Offer)
                indexes = _visible_options(op, step.options)
                keys = [(state.scene, state.pc, index) for index in indexes]
                picked = usage.pick(rng, keys)
                choices.append(f"{state.scene}: '{_short(step.options[picked], 30)}'")
                state = runner.choose(story, state, picked)
            elif isinstance(step, runner.QuestionStep):
                checkpoint = step.checkpoint
                if not step.already_answered and checkpoint.id not in plan:
                    plan[checkpoint.id] = rng.choice(("right", "right", "wrong-right", "wrong"))
                    report.checkpoints[checkpoint.id] += 1
                    if step.hints_allowed and rng.random() < 0.2:
                        state, _hint = runner.ask_hint(story, state)
                policy = plan.get(checkpoint.id, "right")
                first_try = step.tries_left == step.tries_allowed
                if policy == "wrong" or (policy == "wrong-right" and first_try):
                    response = wrong_response(checkpoint, state.seed)
                else:
                    response = right_response(checkpoint, state.seed)
                state, feedback = runner.answer(story, state, response)
                if feedback.final and not feedback.practice:
                    outcome = (
                        "free"
                        if feedback.correct is None
                        else "right"
                        if feedback.correct and feedback.tries_used == 1
                        else "right later"
                        if feedback.correct
                        else "wrong"
                    )
                    report.outcomes[checkpoint.id][outcome] += 1
        except Exception as error:
            path, line = _where(story, state.scene, state.pc)
            trail = "; choices: " + ", ".join(choices[-8:]) if choices else ""
            report.failures.append(Finding(path, line, "failed", str(error), how + trail))
            return None
    path, line = _where(story, state.scene, state.pc)
    report.failures.append(
        Finding(
            path,
            line,
            "loop",
            f"the game did not end after {MAX_RANDOM_STEPS} actions: a loop with no way out?",
            how,
        )
    )
    return None


# ---------------------------------------------------------------------- printing


def _ratio(done: int, total: int) -> str:
    percent = 100 * done / total if total else 100.0
    return f"{done}/{total} ({percent:.0f}%)"


def print_quick(story: m.Story, report: QuickReport, out: TextIO, *, verbose: bool) -> None:
    for finding in report.findings:
        print(finding.format(), file=out)
    if report.findings:
        print(file=out)
    if not report.complete:
        print(
            f"The search stopped after {MAX_STATES} places, so what it did not reach is not "
            "listed: flags multiply the paths. Try --part.",
            file=out,
        )
    cov = report.coverage
    print(
        "Coverage by part (scenes, lines and choices' options reached; checkpoints asked):",
        file=out,
    )
    for part in story.parts:
        if report.parts and part.id not in report.parts:
            continue
        scenes = [story.scenes[sid] for sid in part.scenes]
        totals = Counter[str]()
        reached = Counter[str]()
        for scene in scenes:
            totals["scenes"] += 1
            reached["scenes"] += scene.id in cov.scenes
            for pc, op in enumerate(scene.ops):
                if isinstance(op, m.ShowLine):
                    totals["lines"] += 1
                    reached["lines"] += (scene.id, pc) in cov.ops
                elif isinstance(op, m.Offer):
                    totals["options"] += len(op.options)
                    reached["options"] += sum(
                        (scene.id, pc, i) in cov.options for i in range(len(op.options))
                    )
                elif isinstance(op, m.Ask):
                    totals["checkpoints"] += 1
                    reached["checkpoints"] += (scene.id, pc) in cov.ops
        end = "ends" if part.id in cov.ends else "NEVER ENDS"
        print(
            f"  {part.title}: scenes {_ratio(reached['scenes'], totals['scenes'])}, "
            f"lines {_ratio(reached['lines'], totals['lines'])}, "
            f"options {_ratio(reached['options'], totals['options'])}, "
            f"checkpoints {_ratio(reached['checkpoints'], totals['checkpoints'])}; {end}",
            file=out,
        )
    asked = cov.checkpoints_by_age
    every = set().union(*asked.values()) if asked else set()
    mine = [
        (scene, checkpoint)
        for scene, checkpoint in story.all_checkpoints()
        if not report.parts or scene.part in report.parts
    ]
    ids = {checkpoint.id for _scene, checkpoint in mine}
    by_theme: dict[str, list[str]] = defaultdict(list)
    for _scene, checkpoint in mine:
        by_theme[checkpoint.theme].append(checkpoint.id)
    print("Checkpoints asked, by theme:", file=out)
    for theme_id, theme_ids in by_theme.items():
        theme = story.themes.get(theme_id)
        name = theme.name if theme else theme_id
        print(f"  {name}: {_ratio(sum(i in every for i in theme_ids), len(theme_ids))}", file=out)
    for age in AGES:
        if age in asked:
            reached = len(asked[age] & ids)
            print(
                f"Checkpoints asked in the {age} age setting: {_ratio(reached, len(ids))}",
                file=out,
            )
    if verbose:
        print("Every checkpoint:", file=out)
        for scene, checkpoint in mine:
            ages = [age for age in AGES if checkpoint.id in asked.get(age, set())]
            shown = ", ".join(ages) if ages else "NEVER"
            print(f"  {checkpoint.id} ({scene.id}, {checkpoint.theme}): asked in {shown}", file=out)
    problems = len(report.findings)
    verdict = "no problems" if not problems else f"{problems} problem{'s' if problems != 1 else ''}"
    print(
        f"Quick playtest: {verdict}; {report.places} places searched in {report.seconds:.2f} s.",
        file=out,
    )


def print_random(story: m.Story, report: RandomReport, out: TextIO, *, verbose: bool) -> None:
    for finding in report.failures:
        print(finding.format(), file=out)
    if report.failures:
        print(file=out)
    games = report.games
    print(f"Scenes reached in {games} games:", file=out)
    for part in story.parts:
        cells = [f"{sid} {report.scenes[sid]}" for sid in part.scenes]
        print(f"  {part.title}: " + ", ".join(cells), file=out)
    never = [sid for sid in story.scenes if report.scenes[sid] == 0]
    if never:
        print("  never reached: " + ", ".join(sorted(never)), file=out)
    print("Checkpoints (games that reached each; right first / right later / wrong):", file=out)
    rows = []
    for scene, checkpoint in story.all_checkpoints():
        outcome = report.outcomes.get(checkpoint.id, Counter())
        reached = report.checkpoints[checkpoint.id]
        free = " (free text)" if outcome.get("free") else ""
        rows.append(
            f"  {checkpoint.id} ({scene.id}): {reached}; {outcome['right']} / "
            f"{outcome['right later']} / {outcome['wrong']}{free}"
        )
    if verbose or len(rows) <= 20:
        for row in rows:
            print(row, file=out)
    else:
        missed = [cp.id for _s, cp in story.all_checkpoints() if report.checkpoints[cp.id] == 0]
        least = sorted(story.checkpoint_scene, key=lambda cid: report.checkpoints[cid])[:5]
        print(
            f"  {len(rows) - len(missed)} of {len(rows)} reached; least often: "
            + ", ".join(f"{cid} {report.checkpoints[cid]}" for cid in least)
            + " (--verbose lists them all)",
            file=out,
        )
        if missed:
            print("  never reached: " + ", ".join(missed), file=out)
    print("Flags at the end of the games:", file=out)
    for name in sorted(report.flags):
        spread = ", ".join(
            f"{value} {count}" for value, count in sorted(report.flags[name].items())
        )
        print(f"  {name}: {spread}", file=out)
    failures = len(report.failures)
    verdict = "no failures" if not failures else f"{failures} failure{'s' if failures != 1 else ''}"
    print(
        f"Random playtest: {games} games with --seed {report.seed}: {verdict} "
        f"({report.seconds:.2f} s).",
        file=out,
    )


class ProgressBar:
    """A bar on stderr for long runs, only when stderr is a terminal (never in logs)."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} games{end}")
        self.stream.flush()


# ---------------------------------------------------------------------- command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="the scenes folder (default: the game's scenes/)",
    )
    parser.add_argument("--random", type=int, metavar="N", help="play N whole random games instead")
    parser.add_argument(
        "--seed", type=int, default=1, help="seed for --random (the same seed, the same games)"
    )
    parser.add_argument(
        "--playthrough",
        type=Path,
        action="append",
        metavar="FILE",
        help="play a playthrough file (or every *.yaml in a folder) and check it",
    )
    parser.add_argument("--part", help="quick: report only on this part's scenes")
    parser.add_argument("--age", choices=AGES, help="quick: only this age setting")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every checkpoint")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    root: Path = args.path if args.path is not None else paths.scenes_dir()
    if not (root / "story.yaml").is_file():
        print(
            f"{paths.display_path(root)}: error: no story.yaml here "
            "(give the scenes folder, e.g. memories playtest scenes)",
            file=out,
        )
        return EXIT_UNUSABLE
    result = load_story(root)  # fresh: findings name this folder's files
    if result.story is None or not result.ok:
        for diagnostic in result.errors[:20]:
            print(diagnostic.format(), file=out)
        print(
            "The story has errors, so it cannot be played: fix them first (memories lint).",
            file=out,
        )
        return EXIT_PROBLEMS
    story = result.story
    if args.playthrough:
        from .playthrough import run_files

        return run_files(story, args.playthrough, out)
    if args.random is not None:
        if args.random < 1:
            print("--random needs a number of games of at least 1", file=out)
            return EXIT_UNUSABLE
        report = random_playtest(story, args.random, args.seed, progress=ProgressBar())
        print_random(story, report, out, verbose=args.verbose)
        return EXIT_PROBLEMS if report.failures else EXIT_CLEAN
    parts = None
    if args.part:
        if not story.has_part(args.part):
            from ..story.diagnostics import did_you_mean

            known = ", ".join(part.id for part in story.parts)
            hint = did_you_mean(args.part, [part.id for part in story.parts]) or f"parts: {known}"
            print(f"error: there is no part '{args.part}' ({hint})", file=out)
            return EXIT_UNUSABLE
        parts = [args.part]
    ages = (args.age,) if args.age else AGES
    quick = quick_playtest(story, parts=parts, ages=ages)
    print_quick(story, quick, out, verbose=args.verbose)
    return EXIT_PROBLEMS if quick.findings or not quick.complete else EXIT_CLEAN
