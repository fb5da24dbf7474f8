"""Where the game finds its files. Environment variables let tests and classrooms move them."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def scenes_dir() -> Path:
    """The folder holding story.yaml and one folder of scene files per part."""
    return Path(os.environ.get("MEMORIES_SCENES", PROJECT_ROOT / "scenes"))


def assets_dir() -> Path:
    return Path(os.environ.get("MEMORIES_ASSETS", PROJECT_ROOT / "assets"))


def saves_dir() -> Path:
    """Player data: profiles, saves, settings and results (git-ignored)."""
    return Path(os.environ.get("MEMORIES_SAVES", PROJECT_ROOT / "saves"))


def cache_dir() -> Path:
    return saves_dir() / ".cache"


def display_path(path: Path) -> str:
    """A path as a writer would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
