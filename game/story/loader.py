"""Load a whole story folder: story.yaml plus one YAML file per scene, all problems at once.

The result is an immutable `Story` (or None when there are errors) and every diagnostic.  A
cache keyed on the bytes of every file (and on this package's own code) makes an unchanged
story load in a fraction of the parse time; it is only ever written for a story without
errors, atomically, so a kill cannot leave a half-written cache behind.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..atomicfile import write_atomic
from . import schema as s
from .checks import SceneSource, StoryChecker, scene_order
from .compiler import compile_scene, file_digest
from .diagnostics import Diagnostic, sort_key
from .model import Ask, EndOfPart, GotoScene, Part, Scene, Story
from .validation import validate
from .yamlread import ReadResult, SourceMap, read_yaml_bytes, read_yaml_file

STORY_FILE = "story.yaml"
_CACHE_FORMAT = 1


@dataclass
class LoadResult:
    """What loading gave: the story if it is playable, and every problem found."""

    story: Story | None
    diagnostics: list[Diagnostic]
    files: int
    from_cache: bool = False
    sources: dict[str, SourceMap] = field(default_factory=dict)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def ok(self) -> bool:
        return self.story is not None and not self.errors


def find_story_root(path: Path) -> Path | None:
    """The folder holding story.yaml at or above `path`."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / STORY_FILE).is_file():
            return folder
    return None


def scene_files(root: Path) -> list[Path]:
    """Every .yaml/.yml file in the part folders below `root`, in a stable order."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if Path(folder) == root:
            continue
        found.extend(Path(folder) / name for name in files if name.endswith((".yaml", ".yml")))
    return sorted(found)


def load_story(
    root: Path,
    *,
    cache_dir: Path | None = None,
    assets_dir: Path | None = None,
    keep_sources: bool = False,
) -> LoadResult:
    """Load, validate, compile and check the story in `root`; never raises for bad files."""
    story_path = root / STORY_FILE
    if not story_path.is_file():
        shown = paths.display_path(story_path)
        return LoadResult(
            None,
            [
                Diagnostic(
                    shown,
                    1,
                    1,
                    "error",
                    "E118",
                    f"there is no {STORY_FILE} in {paths.display_path(root)}",
                    "give the scenes folder (the one with story.yaml), e.g. memories lint scenes",
                )
            ],
            0,
        )
    files = [story_path, *scene_files(root)]
    blobs: list[tuple[Path, bytes | None]] = []
    for path in files:
        try:
            blobs.append((path, path.read_bytes()))
        except OSError:
            blobs.append((path, None))
    assets = assets_dir or paths.assets_dir()
    key = _cache_key(root, blobs, assets)
    if cache_dir is not None and not keep_sources:
        with _collector_paused():
            cached = _read_cache(cache_dir, key)
        if cached is not None:
            return cached
    with _collector_paused():
        result = _load_fresh(root, blobs, assets, key, keep_sources)
    if cache_dir is not None and result.ok:
        _write_cache(cache_dir, key, result)
    return result


def _relative(path: Path, root: Path) -> str:
    """`path` below `root` as a/b.yaml (string work: Path.relative_to is slow per file)."""
    full, base = path.as_posix(), root.as_posix().rstrip("/")
    return full[len(base) + 1 :] if full.startswith(base + "/") else full


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building the story.

    Loading creates hundreds of thousands of small, long-lived objects.  With the collector
    running, Python rescans them again and again while they are made (it made a 2,000-scene
    load about twice as slow), and the first collection after turning it back on would scan
    them all once more.  `freeze()` then `unfreeze()` moves every object straight into the
    oldest generation without scanning it, so the story is only looked at again by an
    occasional full collection.  (Staying frozen would be quicker still, but frozen garbage
    cycles are never freed: the window's screens, discarded after a reload, leaked that way.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _read(path: Path, raw: bytes | None, root: Path, root_shown: str) -> ReadResult:
    relative = _relative(path, root)
    shown = relative if root_shown == "." else f"{root_shown}/{relative}"
    return read_yaml_file(path, shown) if raw is None else read_yaml_bytes(raw, shown)


def _load_fresh(
    root: Path, blobs: list[tuple[Path, bytes | None]], assets: Path, key: str, keep_sources: bool
) -> LoadResult:
    diagnostics: list[Diagnostic] = []
    sources: dict[str, SourceMap] = {}
    (story_path, story_raw), *scene_blobs = blobs
    root_shown = paths.display_path(root)
    story_read = _read(story_path, story_raw, root, root_shown)
    sources[story_read.source.path] = story_read.source
    diagnostics.extend(story_read.diagnostics)
    story_model: s.StoryFile | None = None
    if story_read.data is not None:
        story_model, problems = validate(s.StoryFile, story_read.data, story_read.source)
        diagnostics.extend(problems)

    loaded: list[SceneSource] = []
    broken_ids: set[str] = set()  # scenes that failed to load still count as existing
    failed = 0
    for path, raw in scene_blobs:
        read = _read(path, raw, root, root_shown)
        sources[read.source.path] = read.source
        diagnostics.extend(read.diagnostics)
        if read.data is None:
            failed += 1
            broken_ids.add(path.stem)  # unreadable: its id is most likely its file name
            continue
        model, problems = validate(s.SceneFile, read.data, read.source)
        diagnostics.extend(problems)
        if model is None:
            failed += 1
            if isinstance(read.data, dict) and isinstance(read.data.get("id"), str):
                broken_ids.add(read.data["id"])
            continue
        scene, problems = compile_scene(model, read.source, file_digest(read.raw), read.lines)
        diagnostics.extend(problems)
        relative = _relative(path, root)
        folder = relative.split("/", 1)[0] if "/" in relative else ""
        loaded.append(SceneSource(model, read.source, scene, folder, compiled_cleanly=not problems))

    story: Story | None = None
    if story_model is not None:
        checker = StoryChecker(
            story_model, story_read.source, loaded, assets, broken_ids, incomplete=failed > 0
        )
        diagnostics.extend(checker.run())
        if not any(d.is_error for d in diagnostics):
            story = _build_story(story_model, [item.scene for item in loaded], key)
    diagnostics.sort(key=sort_key)
    return LoadResult(story, diagnostics, len(blobs), False, sources if keep_sources else {})


def main_line(scenes: dict[str, Scene], first: str, part: str) -> tuple[str, ...]:
    """The shortest way through a part from its first scene to a scene that ends it.

    Side memories (a choice's detour that rejoins the story) are longer ways round, so they
    are left out; this is what progress counts along.
    """
    parents: dict[str, str | None] = {first: None}
    queue = deque([first])
    while queue:
        scene_id = queue.popleft()
        ops = scenes[scene_id].ops
        if any(isinstance(op, EndOfPart) for op in ops):
            path = [scene_id]
            while (parent := parents[path[-1]]) is not None:
                path.append(parent)
            return tuple(reversed(path))
        for op in ops:
            if (
                isinstance(op, GotoScene)
                and op.scene in scenes
                and op.scene not in parents
                and scenes[op.scene].part == part
            ):
                parents[op.scene] = scene_id
                queue.append(op.scene)
    return ()


def _build_story(model: s.StoryFile, scenes: list[Scene], key: str) -> Story:
    by_id = {scene.id: scene for scene in scenes}
    parts: list[Part] = []
    for part in model.parts:
        met = [sid for sid in scene_order(by_id, [part.first_scene]) if by_id[sid].part == part.id]
        rest = sorted(
            sid for sid, scene in by_id.items() if scene.part == part.id and sid not in met
        )
        parts.append(
            Part(
                part.id,
                part.title,
                part.first_scene,
                part.summary,
                tuple(met + rest),
                main_line(by_id, part.first_scene, part.id),
            )
        )
    checkpoint_scene = {
        op.checkpoint.id: scene.id for scene in scenes for op in scene.ops if isinstance(op, Ask)
    }
    return Story(
        title=model.title,
        format_version=model.format_version,
        content_note=model.content_note,
        parts=tuple(parts),
        themes={theme.id: theme for theme in model.themes},
        characters={character.id: character for character in model.characters},
        glossary=tuple(sorted(model.glossary, key=lambda entry: entry.term.lower())),
        backgrounds={background.id: background for background in model.backgrounds},
        plots={plot.id: plot for plot in model.plots},
        scenes=by_id,
        default_tries=model.defaults.tries,
        digest=key,
        checkpoint_scene=checkpoint_scene,
    )


# ---------------------------------------------------------------------- cache


def _code_digest() -> bytes:
    """A digest of this package's code, so a changed loader never reads an old cache."""
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.digest()


_CODE_DIGEST: bytes | None = None


def _cache_key(root: Path, blobs: Iterable[tuple[Path, bytes | None]], assets: Path) -> str:
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        _CODE_DIGEST = _code_digest()
    digest = hashlib.blake2b(_CODE_DIGEST, digest_size=16)
    digest.update(str(_CACHE_FORMAT).encode())
    # Where the story is (Scene.path and diagnostics name its files), where it is shown from,
    # and whether lint's reading-level check can run all change what a load produces.
    where = (
        root.resolve(),
        assets.resolve(),
        Path.cwd(),
        importlib.util.find_spec("textstat") is not None,
    )
    digest.update("\0".join(map(str, where)).encode())
    for path, raw in blobs:
        digest.update(_relative(path, root).encode() + b"\0")
        digest.update(hashlib.blake2b(raw or b"", digest_size=16).digest())
    return digest.hexdigest()


def _cache_file(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"story-{key}.pickle"


def _read_cache(cache_dir: Path, key: str) -> LoadResult | None:
    try:
        data = _cache_file(cache_dir, key).read_bytes()
        result = pickle.loads(data)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
    ):
        return None
    if not isinstance(result, LoadResult):
        return None
    result.from_cache = True
    return result


def _write_cache(cache_dir: Path, key: str, result: LoadResult) -> None:
    try:
        for old in cache_dir.glob("story-*.pickle"):
            old.unlink()
        write_atomic(
            _cache_file(cache_dir, key), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        )
    except OSError:
        pass  # a cache is a nicety; a read-only folder must not stop the game
