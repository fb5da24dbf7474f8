"""Profiles and saves: atomic, versioned, backed up, and clear about anything wrong with them."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import saves
from game.atomicfile import clean_stale_temps
from game.play import runner
from game.play.relocate import relocate
from game.story.loader import load_story
from tests.helpers import MINI, ROOT


@pytest.fixture
def store(tmp_path: Path) -> saves.SaveStore:
    return saves.SaveStore(tmp_path / "saves")


@pytest.fixture
def profile(store: saves.SaveStore) -> saves.Profile:
    return store.create_profile("Kit")


def test_profiles_keep_only_a_nickname_and_are_found_again(store: saves.SaveStore) -> None:
    kit = store.create_profile("  Kit  ")
    assert kit.nickname == "Kit" and kit.id.startswith("kit-")
    store.create_profile("Moon Beam")
    assert [p.nickname for p in store.profiles()] == ["Kit", "Moon Beam"]
    assert store.find("kit").id == kit.id
    data = json.loads((kit.folder / "profile.json").read_text())
    assert set(data) == {"profile_version", "id", "nickname", "created", "settings", "progress"}
    with pytest.raises(saves.SaveError, match="already a player called Kit"):
        store.create_profile("KIT")
    with pytest.raises(saves.SaveError, match="Type a nickname"):
        store.create_profile("   ")
    with pytest.raises(saves.SaveError, match="too long"):
        store.create_profile("x" * 40)


def test_settings_and_progress_are_saved_per_profile(
    store: saves.SaveStore, profile: saves.Profile
) -> None:
    profile.settings["text_size"] = 150
    profile.progress["finished_parts"] = ["hailsham"]
    store.write_profile(profile)
    again = store.open_profile(profile.id)
    assert again.settings == {"text_size": 150} and again.progress == {
        "finished_parts": ["hailsham"]
    }


def test_save_and_load_give_back_the_same_state(mini_story, profile: saves.Profile) -> None:
    state = runner.start(mini_story)
    state = runner.advance(mini_story, state)
    saves.write_save(profile, "3", state, mini_story)
    loaded = saves.read_save(profile, "3")
    assert loaded.state == state and not loaded.from_backup
    info = saves.list_slots(profile)[0]
    assert (info.slot, info.part_title, info.scene_title, info.line) == (
        "3",
        "Part One",
        "The opening",
        "Line two.",
    )
    assert saves.latest_slot(profile).slot == "3"


def test_the_previous_save_is_kept_as_a_backup(mini_story, profile: saves.Profile) -> None:
    first = runner.start(mini_story)
    second = runner.advance(mini_story, first)
    saves.write_save(profile, "1", first, mini_story)
    saves.write_save(profile, "1", second, mini_story)
    path = saves.slot_path(profile, "1")
    assert saves.read_save(profile, "1").state == second
    path.write_text(path.read_text()[:200])  # cut short, as a crash in an old game would
    loaded = saves.read_save(profile, "1")
    assert loaded.from_backup and loaded.state == first
    assert "damaged or cut short" in loaded.notice and "was loaded instead" in loaded.notice


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda doc: "{ not json", "damaged or cut short"),
        (lambda doc: "", "empty"),
        (
            lambda doc: json.dumps({**doc, "save_version": 9, "readable_by": 9}),
            "newer version of the game",
        ),
        (lambda doc: json.dumps({**doc, "game": "other"}), "not a save of Kathy's Memories"),
        (
            lambda doc: json.dumps({**doc, "state": {**doc["state"], "pc": "three"}}),
            "edited or damaged: the saved game has a bad value at 'pc'",
        ),
        (
            lambda doc: json.dumps({**doc, "save_version": "1"}),
            "version number is missing or not a number",
        ),
    ],
)
def test_a_bad_save_gives_a_clear_message(
    mini_story, profile: saves.Profile, damage, message: str
) -> None:
    saves.write_save(profile, "2", runner.start(mini_story), mini_story)
    path = saves.slot_path(profile, "2")
    path.write_text(damage(json.loads(path.read_text())))
    with pytest.raises(saves.SaveError, match=message):
        saves.read_save(profile, "2")
    assert saves.list_slots(profile)[0].damaged


def test_a_newer_save_that_says_we_can_read_it_is_read(mini_story, profile: saves.Profile) -> None:
    saves.write_save(profile, "2", runner.start(mini_story), mini_story)
    path = saves.slot_path(profile, "2")
    doc = json.loads(path.read_text())
    path.write_text(json.dumps({**doc, "save_version": 2, "readable_by": 1}))
    assert saves.read_save(profile, "2").state.scene == "opening"


def test_unknown_slots_are_refused(profile: saves.Profile) -> None:
    with pytest.raises(saves.SaveError, match="no save slot '12'"):
        saves.slot_path(profile, "12")


def test_stale_temp_files_are_cleaned(tmp_path: Path) -> None:
    stale = tmp_path / ".writing-1.json.abc.tmp"
    stale.write_text("half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".writing-2.json.def.tmp"
    fresh.write_text("in progress")
    assert clean_stale_temps(tmp_path) == 1
    assert not stale.exists() and fresh.exists()


# ---------------------------------------------------------------------- changed stories


def test_a_save_in_a_changed_scene_resumes_at_the_label_before(
    scratch_story: Path, tmp_path: Path
) -> None:
    story = load_story(scratch_story).story
    state = runner.start(story)
    state = runner.advance(story, state)  # "Line two.", after the label 'second'
    scene = scratch_story / "one" / "opening.yaml"
    scene.write_text(
        scene.read_text().replace(
            "  - narrate: Line one.\n",
            "  - narrate: A new first line.\n  - narrate: And another.\n",
        )
    )
    changed = load_story(scratch_story).story
    moved, notice = relocate(changed, state)
    assert runner.current(changed, moved).text == "Line two."
    assert "has changed since then" in notice


def test_a_save_whose_scene_is_gone_starts_its_part_again(scratch_story: Path) -> None:
    story = load_story(scratch_story).story
    state = runner.start(story, scene="middle")
    story_file = scratch_story / "one" / "middle.yaml"
    story_file.unlink()
    opening = scratch_story / "one" / "opening.yaml"
    opening.write_text(
        opening.read_text()
        .replace("next: middle", "")
        .replace("goto: middle", "goto: second")
        .replace(
            "  - checkpoint:\n      id: q_tf",
            "  - end_part: true\n  - checkpoint:\n      id: q_tf",
            1,
        )
    )
    changed = load_story(scratch_story)
    assert changed.story is not None, [d.format() for d in changed.errors]
    moved, notice = relocate(changed.story, state)
    assert moved.scene == "opening" and runner.current(changed.story, moved).text == "Line one."
    assert (
        notice
        == "The scene you were in is no longer in the story, so you are at the start of Part One."
    )


def test_an_unchanged_scene_resumes_exactly(mini_story) -> None:
    state = runner.advance(mini_story, runner.start(mini_story))
    assert relocate(mini_story, state) == (state, "")


# ---------------------------------------------------------------------- kill -9

WRITER = """
import sys, time
from dataclasses import replace
from pathlib import Path
from game import saves
from game.play import runner
from game.story.loader import load_story
story = load_story(Path(sys.argv[1])).story
store = saves.SaveStore(Path(sys.argv[2]))
profile = store.open_profile(sys.argv[3])
state = runner.start(story)
acks = open(sys.argv[4], "a", buffering=1)
counter = int(sys.argv[5])
print("ready", flush=True)
while True:
    counter += 1
    saves.write_save(profile, "1", replace(state, flags={"counter": counter}), story)
    acks.write(f"{counter}\\n")
"""


def test_no_save_is_ever_corrupt_or_lost_under_kill_9(tmp_path: Path) -> None:
    store = saves.SaveStore(tmp_path / "saves")
    profile = store.create_profile("Crash Test")
    acks = tmp_path / "acks.txt"
    acks.write_text("")
    rng = random.Random(1234)
    last_acked = 0
    kills = 0
    for _ in range(15):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(MINI),
                str(store.root),
                profile.id,
                str(acks),
                str(last_acked),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        child.wait()
        kills += 1
        lines = [line for line in acks.read_text().splitlines() if line.strip().isdigit()]
        if lines:
            last_acked = max(last_acked, int(lines[-1]))
        loaded = saves.read_save(store.open_profile(profile.id), "1") if last_acked else None
        if loaded is not None:
            assert loaded.state.flags["counter"] >= last_acked, "an acknowledged save was lost"
            last_acked = loaded.state.flags["counter"]
    assert kills == 15 and last_acked > 0
    leftovers = list((profile.saves_folder).glob(".writing-*"))
    assert clean_stale_temps(profile.saves_folder, older_than_seconds=0) == len(leftovers)
