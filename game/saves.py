"""Profiles and save slots: versioned JSON, written atomically, with a backup of each save.

Layout (all under the saves folder, git-ignored):

    saves/<profile-id>/profile.json          nickname, settings, progress
    saves/<profile-id>/saves/<slot>.json     a save: "1".."9", "auto" or "quick"
    saves/<profile-id>/saves/<slot>.json.bak the save it replaced

A save that cannot be used (damaged, cut short, from a newer game, edited by hand) raises
`SaveError` with a message for the player, and `read_save` falls back to the backup where one
works.  Nothing here raises for a bad file without saying what to do about it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .atomicfile import clean_stale_temps, write_atomic
from .jsondoc import GAME_ID, DocumentError, read_document
from .play.state import PlayState, StateError, state_from_data, state_to_data
from .story.model import Story

SAVE_VERSION = 1
"""The version of the save file format this game writes."""
READABLE_BY = 1
"""Written into each save: the oldest game save version that can read it."""
OLDEST_READABLE_SAVE = 1
"""The oldest save_version this game can read."""
PROFILE_VERSION = 1

SLOTS = tuple(str(number) for number in range(1, 10))
SPECIAL_SLOTS = ("auto", "quick")
MAX_NICKNAME = 24


class SaveError(Exception):
    """A save or profile that cannot be used; `str()` is a message for the player."""


@dataclass
class Profile:
    """One student on this computer: a nickname and their own saves, settings and results."""

    id: str
    nickname: str
    folder: Path
    created: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    progress: dict[str, Any] = field(default_factory=dict)

    @property
    def saves_folder(self) -> Path:
        return self.folder / "saves"

    @property
    def results_folder(self) -> Path:
        return self.folder / "results"


@dataclass(frozen=True)
class SlotInfo:
    """What the load screen lists for a slot."""

    slot: str
    saved_at: str
    part_title: str
    scene_title: str
    line: str
    thumbnail: Path | None
    damaged: str = ""
    """Why the slot cannot be read, if it cannot."""


@dataclass(frozen=True)
class LoadedSave:
    state: PlayState
    slot: str
    saved_at: str
    from_backup: bool = False
    notice: str = ""
    """Something the player should be told (e.g. the backup was used)."""


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def clean_nickname(nickname: str) -> str:
    """A nickname fit to show: trimmed, single spaces, no control characters."""
    text = "".join(
        ch for ch in unicodedata.normalize("NFC", nickname) if unicodedata.category(ch)[0] != "C"
    )
    return " ".join(text.split())


def check_nickname(nickname: str) -> str:
    """The cleaned nickname, or SaveError saying what to change."""
    cleaned = clean_nickname(nickname)
    if not cleaned:
        raise SaveError("Type a nickname (not your full name), for example Kit or Moonbeam.")
    if len(cleaned) > MAX_NICKNAME:
        raise SaveError(f"That nickname is too long: use at most {MAX_NICKNAME} letters.")
    return cleaned


def _slug(nickname: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", nickname).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:16] or "player"


class SaveStore:
    """All profiles in one saves folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def profiles(self) -> list[Profile]:
        """Every readable profile, most recently created last; damaged ones are skipped."""
        found: list[Profile] = []
        if not self.root.is_dir():
            return found
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and (folder / "profile.json").is_file():
                with contextlib.suppress(SaveError):
                    found.append(self.open_profile(folder.name))
        return sorted(found, key=lambda p: (p.created, p.nickname))

    def find(self, nickname: str) -> Profile | None:
        wanted = clean_nickname(nickname).casefold()
        return next((p for p in self.profiles() if p.nickname.casefold() == wanted), None)

    def create_profile(self, nickname: str) -> Profile:
        cleaned = check_nickname(nickname)
        existing = self.find(cleaned)
        if existing is not None:
            raise SaveError(
                f"There is already a player called {existing.nickname} on this computer."
            )
        profile_id = f"{_slug(cleaned)}-{secrets.token_hex(3)}"
        profile = Profile(profile_id, cleaned, self.root / profile_id, created=_now())
        self.write_profile(profile)
        return profile

    def open_profile(self, profile_id: str) -> Profile:
        folder = self.root / profile_id
        path = folder / "profile.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SaveError(f"There is no player '{profile_id}'.") from None
        except (OSError, ValueError) as error:
            raise SaveError(f"The player file {path} is damaged ({error}).") from None
        if not isinstance(data, dict) or not isinstance(data.get("nickname"), str):
            raise SaveError(f"The player file {path} is damaged (it has no nickname).")
        clean_stale_temps(folder)
        clean_stale_temps(folder / "saves")
        return Profile(
            id=profile_id,
            nickname=data["nickname"],
            folder=folder,
            created=str(data.get("created", "")),
            settings=data.get("settings") if isinstance(data.get("settings"), dict) else {},
            progress=data.get("progress") if isinstance(data.get("progress"), dict) else {},
        )

    def write_profile(self, profile: Profile) -> None:
        data = {
            "profile_version": PROFILE_VERSION,
            "id": profile.id,
            "nickname": profile.nickname,
            "created": profile.created,
            "settings": profile.settings,
            "progress": profile.progress,
        }
        write_atomic(profile.folder / "profile.json", _dump(data))


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def slot_path(profile: Profile, slot: str) -> Path:
    if slot not in SLOTS and slot not in SPECIAL_SLOTS:
        raise SaveError(f"There is no save slot '{slot}': use 1-9, auto or quick.")
    return profile.saves_folder / f"{slot}.json"


def _backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_save(
    profile: Profile, slot: str, state: PlayState, story: Story, thumbnail_png: bytes | None = None
) -> Path:
    """Save `state` in `slot`; the save it replaces is kept as the slot's backup."""
    path = slot_path(profile, slot)
    scene = story.scenes.get(state.scene)
    part = story.part(scene.part) if scene is not None and story.has_part(scene.part) else None
    last_line = state.history[-1].text if state.history else ""
    thumbnail_name = None
    if thumbnail_png is not None:
        thumbnail_name = f"{slot}.png"
        write_atomic(profile.saves_folder / thumbnail_name, thumbnail_png)
    document = {
        "game": GAME_ID,
        "save_version": SAVE_VERSION,
        "readable_by": READABLE_BY,
        "saved_at": _now(),
        "story_digest": story.digest,
        "summary": {
            "part": part.id if part else "",
            "part_title": part.title if part else "",
            "scene": state.scene,
            "scene_title": scene.title if scene else "",
            "line": last_line[:120],
        },
        "thumbnail": thumbnail_name,
        "state": state_to_data(state),
    }
    data = _dump(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _worth_keeping(path):
        os.replace(path, _backup_path(path))
    write_atomic(path, data)
    return path


def _worth_keeping(path: Path) -> bool:
    """Whether the save about to be replaced is good enough to become the backup."""
    try:
        json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return True


_SAVE_PROBLEMS = {
    "missing": "This slot is empty.",
    "unreadable": "This save cannot be opened ({error.detail}).",
    "empty": "This save is empty: it was cut short while being written.",
    "not_text": "This save is damaged: it is not text.",
    "damaged": (
        "This save is damaged or cut short (it stops making sense at line {error.line}, "
        "column {error.col})."
    ),
    "foreign": "This file is not a save of Kathy's Memories.",
}


def _parse_save(path: Path) -> tuple[PlayState, dict[str, Any]]:
    """Read one save file, or raise SaveError saying plainly what is wrong with it."""
    try:
        document = read_document(path)
    except DocumentError as error:
        raise SaveError(_SAVE_PROBLEMS[error.problem].format(error=error)) from None
    version = document.get("save_version")
    readable_by = document.get("readable_by", version)
    if not isinstance(version, int) or not isinstance(readable_by, int):
        raise SaveError("This save has been edited: its version number is missing or not a number.")
    if readable_by > SAVE_VERSION:
        raise SaveError(
            f"This save was made by a newer version of the game (save version {version}). "
            "Update the game to open it."
        )
    if version < OLDEST_READABLE_SAVE:
        raise SaveError(
            f"This save is from an old version of the game (save version {version}) and cannot be opened."
        )
    try:
        state = state_from_data(document.get("state"))
    except StateError as error:
        raise SaveError(f"This save has been edited or damaged: {error}.") from None
    return state, document


def read_save(profile: Profile, slot: str) -> LoadedSave:
    """Load a slot; if it is damaged but its backup works, load the backup and say so."""
    path = slot_path(profile, slot)
    try:
        state, document = _parse_save(path)
        return LoadedSave(state, slot, str(document.get("saved_at", "")))
    except SaveError as problem:
        backup = _backup_path(path)
        if not backup.exists():
            raise
        try:
            state, document = _parse_save(backup)
        except SaveError:
            raise problem from None
        when = str(document.get("saved_at", ""))
        notice = f"{problem} The save before it (from {_friendly_time(when)}) was loaded instead."
        if not path.exists():
            notice = f"The save was interrupted, so the one before it (from {_friendly_time(when)}) was loaded."
        return LoadedSave(state, slot, when, from_backup=True, notice=notice)


def list_slots(profile: Profile) -> list[SlotInfo]:
    """Every slot that holds a save (or a damaged one), newest first."""
    infos: list[SlotInfo] = []
    for slot in (*SPECIAL_SLOTS, *SLOTS):
        path = slot_path(profile, slot)
        if not path.exists() and not _backup_path(path).exists():
            continue
        infos.append(_slot_info(profile, slot, path))
    return sorted(infos, key=lambda info: info.saved_at, reverse=True)


def _slot_info(profile: Profile, slot: str, path: Path) -> SlotInfo:
    try:
        _, document = _parse_save(path)
    except SaveError as problem:
        return SlotInfo(slot, "", "", "", "", None, damaged=str(problem))
    summary = document.get("summary") if isinstance(document.get("summary"), dict) else {}
    thumbnail = document.get("thumbnail")
    thumb_path = (
        profile.saves_folder / thumbnail
        if isinstance(thumbnail, str) and "/" not in thumbnail
        else None
    )
    return SlotInfo(
        slot,
        str(document.get("saved_at", "")),
        str(summary.get("part_title", "")),
        str(summary.get("scene_title", "")),
        str(summary.get("line", "")),
        thumb_path if thumb_path is not None and thumb_path.exists() else None,
    )


def latest_slot(profile: Profile) -> SlotInfo | None:
    """The newest readable save: what Continue opens."""
    return next((info for info in list_slots(profile) if not info.damaged), None)


def delete_slot(profile: Profile, slot: str) -> None:
    path = slot_path(profile, slot)
    for item in (path, _backup_path(path), profile.saves_folder / f"{slot}.png"):
        with contextlib.suppress(FileNotFoundError):
            item.unlink()


def _friendly_time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return "earlier"
    return moment.strftime("%d %b %Y, %H:%M")
