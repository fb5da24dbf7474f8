"""Writers' help for a running game: hot reload, "where am I", and a flags file.

Front-end neutral: the terminal player and the pygame window both use it the same way.

- `StoryWatcher(root, story)` notices when a story file changes on disk: `poll()` only looks
  at the names, sizes and modification times of the files (a few hundred microseconds for the
  real story, so a front end may call it before every line or on an idle timer), and
  `reload(state)` loads the story again and puts the player back at the same place (the same
  scene and label, or the nearest one before it: game/play/relocate.py).  A broken file never
  stops the game: the old story and place are kept and the diagnostics are returned.
- `writer_info(story, state)` says which scene, file, line and label the player is at.
- `read_flags_file(path)` reads a small YAML mapping of flag: value for `--flags FILE`.

Reading the disk is this module's job; the story and the state themselves stay pure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..play.relocate import relocate
from ..play.state import FlagValue, PlayState
from .diagnostics import Diagnostic, Severity, did_you_mean
from .loader import STORY_FILE, load_story
from .model import JumpUnless, Offer, SetFlags, Story
from .yamlread import read_yaml_file

Signature = frozenset[tuple[str, int, int]]
_FLAG_NAME = re.compile(r"[a-z][a-z0-9_]*")


def story_signature(root: Path) -> Signature:
    """The name, size and modification time of every story file: cheap to take, cheap to compare.

    Walks `root` the way the loader finds files (story.yaml and *.yaml / *.yml in the part
    folders), with os.scandir so each file costs one stat.
    """
    found: set[tuple[str, int, int]] = set()

    def add(entry: os.DirEntry[str]) -> None:
        try:
            info = entry.stat()
        except OSError:
            return
        found.add((entry.path, info.st_size, info.st_mtime_ns))

    def walk(folder: str, top: bool) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, False)
            elif entry.name == STORY_FILE if top else entry.name.endswith((".yaml", ".yml")):
                add(entry)

    walk(str(root), True)
    return frozenset(found)


class Reload(NamedTuple):
    """What a reload gave: unpack as `story, state, notice, diagnostics = watcher.reload(...)`."""

    story: Story
    """The story to play on: the new one, or the old one if the files now have errors."""
    state: PlayState | None
    """The player's place in that story (None if None was given)."""
    notice: str
    """One line for the player: what was reloaded and whether they moved ('' if nothing)."""
    diagnostics: list[Diagnostic]
    """Errors that stopped the new files loading (the game carries on), else []."""


class StoryWatcher:
    """Watches a story folder and reloads it when its files change.

    Typical use in a front end::

        watcher = StoryWatcher(scenes_dir, story)
        ...
        if watcher.poll():                         # before each line, or on a timer
            story, state, notice, problems = watcher.reload(state)
        # on F5 / a /reload command: watcher.reload(state) without polling
    """

    def __init__(
        self,
        root: Path,
        story: Story,
        *,
        cache_dir: Path | None = None,
        assets_dir: Path | None = None,
    ) -> None:
        self.root = root
        self.cache_dir = cache_dir
        self.assets_dir = assets_dir
        self.signature = story_signature(root)
        self._story = story
        self.reloads = 0

    @property
    def story(self) -> Story:
        """The story last loaded without errors (the one the game is playing)."""
        return self._story

    def changed_files(self) -> list[str]:
        """The story files added, removed or changed since the last reload (or the start)."""
        now = story_signature(self.root)
        before = {(path, size, mtime) for path, size, mtime in self.signature}
        changed = {path for path, _size, _mtime in now.symmetric_difference(before)}
        return sorted(changed)

    def poll(self) -> bool:
        """True when a story file has been added, removed or changed since the last reload."""
        return story_signature(self.root) != self.signature

    def reload(self, state: PlayState | None = None) -> Reload:
        """Load the story again and fit `state` into it; never raises for a broken file.

        With errors in the files, the story and state stay as they were and the errors come
        back in `diagnostics`; the watcher will not report the same broken files again until
        they change once more.
        """
        changed = self.changed_files()
        self.signature = story_signature(self.root)
        result = load_story(self.root, cache_dir=self.cache_dir, assets_dir=self.assets_dir)
        names = _names(changed)
        if result.story is None or not result.ok:
            errors = result.errors
            notice = (
                f"The story files have {len(errors)} error{'s' if len(errors) != 1 else ''}, "
                "so the story was not reloaded; you can play on as before."
            )
            return Reload(self._story, state, notice, errors)
        self._story = result.story
        self.reloads += 1
        notice = f"Reloaded the story ({names})." if names else "Reloaded the story."
        if state is None:
            return Reload(result.story, None, notice, [])
        placed, moved = relocate(result.story, state)
        if moved:
            notice += " " + moved
        return Reload(result.story, placed, notice, [])


def _names(changed: list[str]) -> str:
    if not changed:
        return ""
    shown = [Path(path).name for path in changed[:3]]
    more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
    return ", ".join(shown) + more + " changed"


# ---------------------------------------------------------------------- writer overlay


@dataclass(frozen=True, slots=True)
class WriterInfo:
    """Where the player is, as a writer looks for it in the files."""

    scene: str
    path: str
    line: int
    label: str | None

    def format(self) -> str:
        """E.g. 'tommy_field  scenes/hailsham/tommy_field.yaml:42  (after label: the_mud)'."""
        label = f"  (after label: {self.label})" if self.label else ""
        return f"{self.scene}  {self.path}:{self.line}{label}"


def writer_info(story: Story, state: PlayState) -> WriterInfo:
    """The scene id, file, line and nearest label of the player's place (for an overlay)."""
    scene = story.scenes.get(state.scene)
    if scene is None:
        return WriterInfo(state.scene, "?", 1, state.label)
    return WriterInfo(scene.id, scene.path, scene.line_of(state.pc), scene.label_before(state.pc))


# ---------------------------------------------------------------------- --flags FILE


def story_flag_names(story: Story) -> set[str]:
    """Every flag or counter the story sets, adds to or tests."""
    names: set[str] = set()
    for scene in story.scenes.values():
        for op in scene.ops:
            if isinstance(op, SetFlags):
                names.update(name for name, _value in op.values)
            elif isinstance(op, JumpUnless):
                names.update(op.condition.names())
            elif isinstance(op, Offer):
                for option in op.options:
                    names.update(name for name, _value in option.sets)
                    names.update(name for name, _value in option.adds)
                    if option.condition is not None:
                        names.update(option.condition.names())
    return names


def read_flags_file(
    path: Path, story: Story | None = None, *, shown: str | None = None
) -> tuple[dict[str, FlagValue], list[Diagnostic]]:
    """Read `flag: value` lines (true/false or whole numbers) from a small YAML file.

    Mistakes come back as path:line:col diagnostics: errors for what cannot be used, and a
    warning (with "did you mean") for a flag the story never uses, when `story` is given.
    """
    read = read_yaml_file(path, shown or str(path))
    if read.data is None:
        return {}, read.diagnostics
    source = read.source
    problems: list[Diagnostic] = []

    def report(
        loc: tuple[str, ...],
        code: str,
        message: str,
        hint: str = "",
        *,
        key: bool = False,
        warning: bool = False,
    ) -> None:
        line, col = source.mark(loc, at_key=key)
        severity: Severity = "warning" if warning else "error"
        problems.append(Diagnostic(source.path, line, col, severity, code, message, hint))

    if not isinstance(read.data, dict):
        report(
            (),
            "E016",
            "a flags file is a mapping of flag names to values",
            "write one flag a line, e.g. kindness: 2 or told_ruth: true",
        )
        return {}, problems
    known = story_flag_names(story) if story is not None else set()
    flags: dict[str, FlagValue] = {}
    for name, value in read.data.items():
        key = str(name)
        if not isinstance(name, str) or not _FLAG_NAME.fullmatch(name):
            report(
                (key,),
                "E024",
                f"'{key}' is not a flag name",
                "flag names are lower case letters, digits and _",
                key=True,
            )
            continue
        if isinstance(value, (bool, int)):
            flags[name] = value
        else:
            report(
                (key,),
                "E022",
                f"the flag '{name}' should be true, false or a whole number",
                "e.g. told_ruth: true or kindness: 2",
            )
            continue
        if story is not None and name not in known:
            hint = did_you_mean(name, known) or "the story never sets or tests it"
            report(
                (key,),
                "W209",
                f"the story never uses the flag '{name}'",
                hint,
                key=True,
                warning=True,
            )
    return flags, problems


def flag_values(mapping: Mapping[str, FlagValue]) -> str:
    """Flags as a writer types them: 'kindness: 2, told_ruth: true'."""

    def show(value: FlagValue) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return ", ".join(f"{name}: {show(value)}" for name, value in sorted(mapping.items()))
