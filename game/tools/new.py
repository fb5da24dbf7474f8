"""`memories new PART/NAME`: create a scene file from a template, ready to edit and play.

The file starts with the schema line (so editors autocomplete), passes lint as it is, and is
linked to nothing: the command prints the exact line to change, in which file, to put the new
scene into the story (after the scene given with --after, or the part's last linked scene).
It refuses, and says why, for an unknown part, a name that is not an id, or a file or scene id
that already exists.  Exit codes: 0 created, 2 refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .. import paths
from ..story import schema as s
from ..story.diagnostics import did_you_mean
from ..story.loader import STORY_FILE, load_story, scene_files
from ..story.model import Story
from ..story.validation import validate
from ..story.yamlread import read_yaml_file

EXIT_CREATED, EXIT_REFUSED = 0, 2
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
NEXT_LINE = re.compile(r"^next:[ \t]*([a-z][a-z0-9_]*)[ \t]*(#.*)?$", re.MULTILINE)


class Refused(Exception):
    """The command cannot create the file; the message says why and what to do."""


@dataclass(frozen=True)
class Link:
    """How to put the new scene into the story: change `old` to `new` at path:line."""

    scene: str
    path: str
    line: int
    old: str
    new: str
    then: str
    """The scene the new one goes on to."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="PART/NAME", help="e.g. hailsham/the_swim")
    parser.add_argument(
        "--after", metavar="SCENE", help="the scene the new one should follow (for the link)"
    )
    parser.add_argument("--title", help="the scene's title (default: made from the name)")
    parser.add_argument(
        "--scenes", type=Path, metavar="DIR", help="the scenes folder (default: scenes/)"
    )


def split_name(text: str) -> tuple[str, str]:
    """'hailsham/the_swim' (or .yaml, or a path under scenes/) as (part, name)."""
    cleaned = text.strip().replace("\\", "/").removesuffix(".yaml").removesuffix(".yml")
    pieces = [piece for piece in cleaned.split("/") if piece]
    if pieces[:1] == ["scenes"]:
        pieces = pieces[1:]
    if len(pieces) != 2:
        raise Refused(
            f"'{text}' is not PART/NAME: give the part and the scene's name, "
            "e.g. memories new hailsham/the_swim"
        )
    return pieces[0], pieces[1]


def _as_id(text: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return ("scene_" + cleaned if cleaned[:1].isdigit() else cleaned) or "new_scene"


def check_name(name: str) -> None:
    if not ID_PATTERN.match(name) or len(name) > 60:
        raise Refused(
            f"'{name}' cannot be a scene name: use lower case letters, digits and _, starting "
            f"with a letter, at most 60 (e.g. {_as_id(name)})"
        )


def story_parts(root: Path) -> list[str]:
    """The part ids in story.yaml, read on their own (the rest of the story may be broken)."""
    read = read_yaml_file(root / STORY_FILE, paths.display_path(root / STORY_FILE))
    if read.data is None:
        return []
    model, _problems = validate(s.StoryFile, read.data, read.source)
    if model is not None:
        return [part.id for part in model.parts]
    parts = read.data.get("parts", []) if isinstance(read.data, dict) else []
    return [p["id"] for p in parts if isinstance(p, dict) and isinstance(p.get("id"), str)]


def existing_ids(root: Path) -> dict[str, Path]:
    """Scene ids already used, from the `id:` line of every scene file."""
    found: dict[str, Path] = {}
    for path in scene_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        match = re.search(r"^id:[ \t]*([A-Za-z0-9_]+)", text, re.MULTILINE)
        if match:
            found.setdefault(match.group(1), path)
    return found


def find_link(story: Story | None, part: str, name: str, after: str | None) -> Link | None:
    """Where to link the new scene in: the `next:` line of the scene it should follow."""
    if story is None:
        return None
    if after is not None:
        if after not in story.scenes:
            hint = did_you_mean(after, story.scenes) or "give a scene id, e.g. tommy_field"
            raise Refused(f"--after: there is no scene '{after}' ({hint})")
        candidates = [after]
    else:
        order = list(story.part(part).scenes) if story.has_part(part) else []
        candidates = [sid for sid in reversed(order) if story.scenes[sid].next is not None]
    for scene_id in candidates:
        scene = story.scenes[scene_id]
        if scene.part != part:
            raise Refused(
                f"--after: the scene '{scene_id}' is in the part '{scene.part}', not '{part}'; "
                f"choose a scene of {part}, or create the new one in {scene.part}/"
            )
        try:
            text = Path(scene.path).read_text(encoding="utf-8")
        except OSError:
            continue
        match = NEXT_LINE.search(text)
        if match is None or scene.next is None:
            continue
        line = text.count("\n", 0, match.start()) + 1
        return Link(scene_id, scene.path, line, f"next: {scene.next}", f"next: {name}", scene.next)
    if after is not None:
        raise Refused(
            f"--after: the scene '{after}' has no `next:` line (it ends with a goto or "
            "end_part), so there is no single line to change; choose another scene, or link "
            f"the new one from a choice with `goto: {name}`"
        )
    return None


def template(
    name: str, part: str, title: str, background: str, speaker: str, link: Link | None
) -> str:
    """The new scene's text: valid as it is, with the common beats shown as examples."""
    if link is not None:
        ending = f"{'next: ' + link.then:<28} # the scene that follows when the beats run out\n"
        last_beat = ""
    else:
        ending = "# next: some_scene          # the scene that follows when the beats run out\n"
        last_beat = "  - end_part: true             # or: next: above, or a goto\n"
    return f"""\
# yaml-language-server: $schema=../../game/story/scene.schema.json
#
# A new scene. Replace the example beats with your own, keeping each line short.
# How to write scenes: docs/writing-scenes.md. Check: memories lint.
# Play it now: python run_game.py --text --profile writer --scene {name}
id: {name}
title: {title}
part: {part}
covers: []                   # plot ids from story.yaml this scene tells, e.g. [H-tommy-field]
setting:
  background: {background}
  time: past                 # past: a memory; present: Kathy the carer, now
{ending}
beats:
  - narrate: >-
      Write what Kathy remembers here, in her own words.
  - label: the_moment         # names this place, for checkpoints' about: and for goto
  - say: Something someone says.
    speaker: {speaker}
  # A choice (remove the # signs to use it):
  # - choice:
  #     prompt: What does Kathy do?
  #     options:
  #       - text: She goes over to him.
  #         set: {{went_over: true}}
  #       - text: She stays where she is.
  # A checkpoint about the moment labelled the_moment:
  # - checkpoint:
  #     id: {name}_true_false
  #     kind: true_false
  #     theme: friendship
  #     skill: retrieve
  #     about: the_moment
  #     question: "True or false: ..."
  #     hint: Look at what Kathy says just before.
  #     answer: true
  #     explain_true: Yes, because ...
  #     explain_false: Look again: ...
{last_beat}"""


def create(
    root: Path, spec: str, *, after: str | None = None, title: str | None = None
) -> tuple[Path, Link | None]:
    """Create the scene file; raises Refused with a message for the writer."""
    part, name = split_name(spec)
    if not (root / STORY_FILE).is_file():
        raise Refused(f"there is no {STORY_FILE} in {paths.display_path(root)}: give --scenes DIR")
    parts = story_parts(root)
    if part not in parts:
        hint = did_you_mean(part, parts)
        raise Refused(
            f"there is no part '{part}'"
            + (f" ({hint})" if hint else "")
            + "; the parts are: "
            + ", ".join(parts)
        )
    check_name(name)
    target = root / part / f"{name}.yaml"
    if target.exists():
        raise Refused(
            f"{paths.display_path(target)} already exists: edit it, or choose another name"
        )
    used = existing_ids(root)
    if name in used:
        raise Refused(
            f"a scene called '{name}' already exists ({paths.display_path(used[name])}); "
            "scene ids are unique in the whole story, so choose another name"
        )
    story = load_story(root).story  # not the cache: it may hold a copy's paths
    link = find_link(story, part, name, after)
    background, speaker = "road", "kathy"
    if story is not None:
        near = story.scenes[link.scene] if link else None
        if near is None and story.has_part(part):
            near = story.scenes.get(story.part(part).first_scene)
        background = near.background if near else next(iter(story.backgrounds))
        if speaker not in story.characters:
            speaker = next(iter(story.characters))
    shown_title = title or name.replace("_", " ").capitalize()
    text = template(name, part, _yaml_text(shown_title), background, speaker, link)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite a file
        handle.write(text)
    return target, link


def _yaml_text(text: str) -> str:
    """A title as YAML text: quoted when plain YAML would misread it."""
    plain = re.match(r"^[A-Za-z][^:#\n]*$", text) and not text.endswith(" ")
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    root = args.scenes or paths.scenes_dir()
    try:
        target, link = create(root, args.name, after=args.after, title=args.title)
    except Refused as refused:
        print(f"memories new: {refused}", file=out)
        return EXIT_REFUSED
    shown = paths.display_path(target)
    name = target.stem
    print(f"Created {shown}.", file=out)
    print(
        "It is not linked in yet, so no player can reach it (lint warns W201 until it is).",
        file=out,
    )
    if link is not None:
        print(f"To play it after {link.scene}, change line {link.line} of {link.path}:", file=out)
        print(f"    {link.old}", file=out)
        print("to", file=out)
        print(f"    {link.new}", file=out)
        print(
            f"({name} already goes on to {link.then}. Use --after SCENE for another place.)",
            file=out,
        )
    else:
        print(
            f"To link it in, add `- goto: {name}` where a scene should go on to it "
            f"(or `goto: {name}` in a choice's option).",
            file=out,
        )
    play = f"python run_game.py --text --profile writer --scene {name}"
    print("Then:", file=out)
    print(f"    {'memories lint':<{len(play)}}  check it", file=out)
    print(f"    {play}  play it at once", file=out)
    return EXIT_CREATED
