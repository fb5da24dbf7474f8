"""How fast the story loads, as ratios to a bare libyaml parse of the same files.

Generates a story of 2,000 realistic scenes (about the size of the real ones: narration,
dialogue, a choice, a condition, two checkpoints) in a temporary folder, then times, in this
one process, best of several runs:

  bare      yaml.load(..., Loader=CSafeLoader) of every file            (the baseline)
  load      load_story(): read, compose, check, validate, compile, whole-story checks
  cached    load_story() again with the cache of an unchanged story

Goals (issue 2): load <= 1.3 x bare; cached <= 0.15 x bare.  Also times `lint` of the real
story (goal < 0.5 s).  Run: python bench/load.py [--scenes 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best  # noqa: E402

from game.story.loader import load_story, scene_files  # noqa: E402

STORY = """format_version: 1
title: Bench story
content_note: Generated for timing.
parts:
{parts}
themes:
  - {{id: friendship, name: Friendship, guide: ["The Power of Friendship"]}}
  - {{id: memory, name: Memory, guide: ["Memory and Coping"]}}
characters:
  - {{id: kathy, name: Kathy}}
  - {{id: ruth, name: Ruth}}
  - {{id: tommy, name: Tommy}}
backgrounds:
  - {{id: field, name: Field}}
  - {{id: road, name: Road}}
"""

SCENE = """# yaml-language-server: $schema=../../game/story/scene.schema.json
id: s{n}
title: Scene number {n}
part: p{part}
setting:
  background: field
  time: past
{next}
beats:
  - narrate: >-
      We were twelve or thirteen. It was a bright afternoon, and the boys were picking teams
      for football on the playing field near the pond and the old pavilion.
  - label: start
  - narrate: >-
      Tommy was bigger than most of them and good at games. He should have been picked early.
      But the two captains picked everyone else first, one by one, until only he was left.
  - say: It's his own fault, you know. If he could just keep calm, they'd leave him alone.
    speaker: ruth
  - narrate: Then they turned their backs on him and ran off with the ball. A few of them laughed.
  - choice:
      prompt: The others are laughing. What does Kathy do?
      options:
        - text: Stay with the girls and watch.
          set: {{stayed_{n}: true}}
          beats:
            - narrate: I stayed where I was for a while, but the longer I watched, the worse I felt.
        - text: Go straight down the slope.
          add: {{kindness: 1}}
          beats:
            - narrate: I didn't really decide to go. I just found I was walking down the slope.
  - if: stayed_{n}
    then:
      - narrate: I wished I had come down sooner. Maybe I could have stopped it.
    else:
      - narrate: I was glad I had come. Nobody else was going to.
  - say: Tommy, look. Your shirt.
    speaker: kathy
  - journal: I was the one who went down to Tommy on the playing field.
    theme: friendship
  - checkpoint:
      id: c{n}_a
      kind: single
      theme: friendship
      skill: infer
      about: start
      question: Why was Tommy left out of the team?
      hint: Read what Kathy says about Tommy and games.
      options:
        - text: He was bad at football.
          explain: Look again. Kathy says Tommy was big and good at games.
        - text: The boys wanted to make him lose his temper.
          correct: true
          explain: Yes. They left him out on purpose, knowing how he would react.
        - text: He had hurt his leg.
          explain: Nothing in the scene says he was hurt.
  - checkpoint:
      id: c{n}_b
      kind: short
      theme: memory
      skill: retrieve
      about: start
      question: In one word, what was special about Tommy's shirt?
      hint: Kathy says how Tommy felt about it.
      accept: [favourite, his favourite]
      keywords: [[favourite, favorite, proud]]
      explain: It was his favourite shirt, one he was proud of.
{end}"""


def make_story(folder: Path, scenes: int, parts: int = 4) -> None:
    per_part = scenes // parts
    part_lines = "\n".join(
        f"  - {{id: p{p}, title: Part {p}, first_scene: s{p * per_part}}}" for p in range(parts)
    )
    (folder / "story.yaml").write_text(STORY.format(parts=part_lines))
    for n in range(scenes):
        part = min(n // per_part, parts - 1)
        last = (n + 1) % per_part == 0 or n == scenes - 1
        (folder / f"p{part}").mkdir(exist_ok=True)
        (folder / f"p{part}" / f"s{n}.yaml").write_text(
            SCENE.format(
                n=n,
                part=part,
                next="" if last else f"next: s{n + 1}",
                end="  - end_part: true\n" if last else "",
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memories-bench-"))
    try:
        story_dir, cache = work / "scenes", work / "cache"
        story_dir.mkdir()
        make_story(story_dir, args.scenes)
        files = [story_dir / "story.yaml", *scene_files(story_dir)]
        size = sum(f.stat().st_size for f in files)
        check = load_story(story_dir)
        assert check.ok, [d.format() for d in check.errors[:5]]

        def bare() -> None:
            for path in files:
                yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

        bare_s = best(bare, args.runs)
        load_s = best(lambda: load_story(story_dir), args.runs)
        load_story(story_dir, cache_dir=cache)
        cached_s = best(lambda: load_story(story_dir, cache_dir=cache), args.runs)
        assert load_story(story_dir, cache_dir=cache).from_cache

        real = ROOT / "scenes"
        lint_s = best(lambda: load_story(real), args.runs)

        print(f"{len(files)} files, {size / 1e6:.1f} MB, best of {args.runs}")
        print(f"bare CSafeLoader load   {bare_s * 1000:8.0f} ms   1.00")
        print(
            f"load_story              {load_s * 1000:8.0f} ms   {load_s / bare_s:.2f} x bare   (goal <= 1.30)"
        )
        print(
            f"load_story, cached      {cached_s * 1000:8.0f} ms   {cached_s / bare_s:.2f} x bare   (goal <= 0.15)"
        )
        print(f"lint of the real story  {lint_s * 1000:8.0f} ms   (goal < 500 ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
