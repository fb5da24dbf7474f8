"""What the window player is playing: options, the story, the player's profile and settings,
the current play-through (a runner `Session`), and saving.

One `Context` is made by the `App` and handed to every screen through it: there is no global
game object. The heavy modules (the story loader, pydantic, saves) are imported here lazily,
after the first frame is on screen.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import paths
from .settings import UISettings

if TYPE_CHECKING:
    import pygame

    from ..play.runner import Session
    from ..play.state import PlayState, Rules
    from ..saves import Profile, SaveStore
    from ..story.loader import LoadResult
    from ..story.model import Story


@dataclass
class Options:
    """How the window was started (from the command line, or by a test)."""

    scenes: Path = field(default_factory=paths.scenes_dir)
    saves: Path = field(default_factory=paths.saves_dir)
    profile: str | None = None
    part: str | None = None
    scene: str | None = None
    age: str | None = None
    assignment: Path | None = None
    flag_values: dict[str, Any] | None = None
    """Flags to start with (`--flags FILE`, read and checked by the launcher)."""
    size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False

    @classmethod
    def from_args(cls, args: Any) -> Options:
        def arg(name: str) -> Any:
            return getattr(args, name, None)

        return cls(
            scenes=arg("scenes") or paths.scenes_dir(),
            saves=arg("saves") or paths.saves_dir(),
            profile=arg("profile"),
            part=arg("part"),
            scene=arg("scene"),
            age=arg("age"),
            assignment=arg("assignment"),
            flag_values=arg("flag_values"),
        )


class Context:
    def __init__(self, options: Options) -> None:
        self.options = options
        self._store: SaveStore | None = None
        self.profile: Profile | None = None
        self.settings = UISettings()
        self.result: LoadResult | None = None
        self.story: Story | None = None
        self.session: Session | None = None
        self.homework: Any = None
        """An assignment from game.classroom, while doing homework."""
        self.homework_rules: Rules | None = None

    # ------------------------------------------------------------------ story

    def cache_dir(self) -> Path:
        return self.options.saves / ".cache"

    def load_story(self) -> LoadResult:
        from ..story.loader import load_story

        result = load_story(self.options.scenes, cache_dir=self.cache_dir())
        self.result = result
        if result.ok:
            self.story = result.story
        return result

    # ------------------------------------------------------------------ profiles

    @property
    def store(self) -> SaveStore:
        if self._store is None:
            from ..saves import SaveStore

            self._store = SaveStore(self.options.saves)
        return self._store

    def use_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.settings = UISettings.from_dict(profile.settings)

    def save_settings(self, settings: UISettings) -> None:
        self.settings = settings
        if self.profile is not None:
            self.profile.settings.update(settings.to_dict())
            with contextlib.suppress(OSError):
                self.store.write_profile(self.profile)

    def finished_parts(self) -> list[str]:
        if self.profile is None:
            return []
        value = self.profile.progress.get("finished_parts", [])
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    def mark_finished(self, part: str) -> None:
        finished = self.finished_parts()
        if self.profile is not None and part not in finished:
            self.profile.progress["finished_parts"] = [*finished, part]
            with contextlib.suppress(OSError):
                self.store.write_profile(self.profile)

    def part_status(self, part_id: str) -> str:
        """'finished', 'open' or 'locked' (as the terminal player decides)."""
        assert self.story is not None
        finished = set(self.finished_parts())
        if part_id in finished:
            return "finished"
        ids = [p.id for p in self.story.parts]
        index = ids.index(part_id)
        rules = self.rules()
        allowed = rules.open_parts is None or part_id in rules.open_parts
        unlocked = index == 0 or ids[index - 1] in finished
        if self.homework_rules is not None and allowed:
            return "open"
        return "open" if unlocked and allowed else "locked"

    # ------------------------------------------------------------------ playing

    def rules(self) -> Rules:
        from ..play.state import Rules

        if self.homework_rules is not None:
            return self.homework_rules
        rules = Rules()
        age = self.options.age or self.settings.age_mode
        if age in ("11-13", "14+"):
            rules = replace(rules, age_mode=age)
        return rules

    def seed(self) -> int:
        return sum(ord(ch) for ch in self.profile.id) if self.profile else 0

    def new_state(
        self,
        *,
        part: str | None = None,
        scene: str | None = None,
        flags: dict[str, Any] | None = None,
    ) -> PlayState:
        from ..play import runner

        assert self.story is not None
        return runner.start(
            self.story, part=part, scene=scene, rules=self.rules(), seed=self.seed(), flags=flags
        )

    def begin(self, state: PlayState) -> Session:
        from ..play.runner import Session

        assert self.story is not None
        self.session = Session(self.story, state)
        return self.session

    # ------------------------------------------------------------------ saves

    def write_slot(self, slot: str, thumbnail: pygame.Surface | None = None) -> str:
        """Save the play-through; returns a sentence for the player."""
        from .. import saves

        if self.profile is None or self.session is None:
            return "There is nothing to save yet."
        png = png_bytes(thumbnail) if thumbnail is not None else None
        try:
            saves.write_save(self.profile, slot, self.session.state, self.session.story, png)
        except (OSError, saves.SaveError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            return f"Could not save: {reason}. Your game is still here."
        name = {"auto": "the autosave", "quick": "the quicksave"}.get(slot, f"slot {slot}")
        return f"Saved in {name}."

    def read_slot(self, slot: str) -> tuple[PlayState | None, list[str]]:
        """A saved state placed in the story as it is now, and what to tell the player."""
        from .. import saves
        from ..play.relocate import relocate

        if self.profile is None or self.story is None:
            return None, ["Choose a player first."]
        try:
            loaded = saves.read_save(self.profile, slot)
        except saves.SaveError as problem:
            return None, [str(problem)]
        notices = [loaded.notice] if loaded.notice else []
        state, notice = relocate(self.story, loaded.state)
        if notice:
            notices.append(notice)
        return state, notices


def png_bytes(surface: pygame.Surface) -> bytes:
    """The surface as PNG file bytes (for a save's thumbnail).

    Encoded here with zlib rather than `pygame.image.save` into a BytesIO: pygame-ce 2.5.8
    keeps a reference to the file object it is given, so every autosave leaked its picture
    (found by the random-input soak).  A PNG is a signature and three chunks.
    """
    import struct
    import zlib

    import pygame

    width, height = surface.get_size()
    rgb = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    raw = b"".join(b"\x00" + rgb[row * stride : (row + 1) * stride] for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return (
            struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def saves_env(options: Options) -> None:
    """Let the core's paths follow the saves folder chosen for this window."""
    os.environ.setdefault("MEMORIES_SAVES", str(options.saves))
