"""Hot reload, the writer overlay and --flags: the game follows the files as a writer edits."""

from __future__ import annotations

import io
import os
import time
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path

from game import launcher, saves
from game.play import runner
from game.story.loader import load_story
from game.story.watch import StoryWatcher, read_flags_file, story_signature, writer_info
from game.text_player import TextPlayer
from tests.helpers import ROOT


def touch_edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    later = time.time() + 2  # a different mtime even on coarse file systems
    os.utime(path, (later, later))


def test_poll_sees_changes_and_is_cheap(scratch_story: Path) -> None:
    story = load_story(scratch_story).story
    watcher = StoryWatcher(scratch_story, story)
    assert not watcher.poll()
    touch_edit(scratch_story / "one" / "middle.yaml", "Middle line.", "Middle line, edited.")
    assert watcher.poll() and watcher.changed_files()[0].endswith("middle.yaml")
    started = time.perf_counter()
    for _ in range(100):
        story_signature(ROOT / "scenes")
    each = (time.perf_counter() - started) / 100
    assert each < 0.01, f"a poll of the real story took {each * 1000:.1f} ms"


def test_reload_keeps_the_place_and_a_broken_file_keeps_the_game(scratch_story: Path) -> None:
    story = load_story(scratch_story).story
    watcher = StoryWatcher(scratch_story, story)
    state = runner.start(story, scene="middle")
    state = runner.advance(story, state)  # at "Another line here." after the label top
    assert runner.current(story, state).text == "Another line here."
    touch_edit(
        scratch_story / "one" / "middle.yaml",
        "  - narrate: Another line here.\n",
        "  - narrate: Another line here.\n  - narrate: A brand new line.\n",
    )
    new_story, new_state, notice, problems = watcher.reload(state)
    assert problems == [] and new_story is watcher.story and new_story is not story
    assert runner.current(new_story, runner.advance(new_story, new_state)).text == (
        "Another line here."
    )
    assert new_state.scene == "middle" and new_state.label == "top"
    assert runner.current(new_story, new_state).text == "Middle line."  # back to the label
    assert "Reloaded the story (middle.yaml changed)." in notice
    touch_edit(scratch_story / "one" / "middle.yaml", "  - narrate: Middle line.", "  - narate: x")
    kept_story, kept_state, notice, problems = watcher.reload(new_state)
    assert kept_story is new_story and kept_state is new_state
    assert [d.code for d in problems] == ["E026"] and "was not reloaded" in notice
    assert not watcher.poll(), "the same broken files are not reported again"


def test_writer_info_names_the_scene_file_line_and_label(mini_story) -> None:
    state = runner.start(mini_story, scene="middle")
    info = writer_info(mini_story, state)
    assert (info.scene, Path(info.path).name, info.line, info.label) == (
        "middle",
        "middle.yaml",
        7,
        "top",
    )
    assert info.format().endswith("middle.yaml:7  (after label: top)")


def test_a_flags_file_is_read_with_places_for_its_mistakes(mini_story, tmp_path: Path) -> None:
    path = tmp_path / "flags.yaml"
    path.write_text("kindness: 2\nsecret: yes please\nBad Name: 1\nkindnes: 1\n")
    flags, problems = read_flags_file(path, mini_story, shown="flags.yaml")
    assert flags == {"kindness": 2, "kindnes": 1}
    assert [d.format() for d in problems] == [
        "flags.yaml:2:9: error[E022]: the flag 'secret' should be true, false or a whole number "
        "(e.g. told_ruth: true or kindness: 2)",
        "flags.yaml:3:1: error[E024]: 'Bad Name' is not a flag name (flag names are lower case "
        "letters, digits and _)",
        "flags.yaml:4:1: warning[W209]: the story never uses the flag 'kindnes' (did you mean "
        "'kindness'?)",
    ]
    path.write_text("- kindness\n")
    assert [d.code for d in read_flags_file(path)[1]] == ["E016"]


def scripted(answers: list[str]) -> tuple[Iterator[str], object]:
    queue = iter(answers)

    def read(_prompt: str) -> str:
        try:
            item = next(queue)
        except StopIteration:
            raise EOFError from None
        return item() if callable(item) else item

    return queue, read


def test_the_terminal_player_reloads_and_shows_where_it_is(
    scratch_story: Path, tmp_path: Path
) -> None:
    story = load_story(scratch_story).story
    middle = scratch_story / "one" / "middle.yaml"

    def edit() -> str:
        touch_edit(
            middle,
            "  - narrate: Middle line.\n",
            "  - narrate: Middle line.\n  - narrate: A line written while playing.\n",
        )
        return ""

    _queue, read = scripted(["Kit", "w", edit, "", "/reload", "q", "q"])
    out = io.StringIO()
    player = TextPlayer(
        story,
        saves.SaveStore(tmp_path / "saves"),
        read=read,
        out=out,
        width=200,
        watcher=StoryWatcher(scratch_story, story),
    )
    player.run(scene="middle", flags={"kindness": 3})
    text = out.getvalue()
    assert "Scene: middle\nFile: " in text and "middle.yaml:7\nAfter the label: top" in text
    assert "Flags: kindness: 3" in text
    assert "Reloaded the story (middle.yaml changed)." in text
    assert text.index("A line written while playing.") > text.index("Reloaded the story")
    assert "Reloaded the story." in text  # /reload, with nothing changed since


def test_reload_without_a_watcher_says_so(mini_story, tmp_path: Path) -> None:
    _queue, read = scripted(["Kit", "/reload", "q", "q"])
    out = io.StringIO()
    TextPlayer(mini_story, saves.SaveStore(tmp_path), read=read, out=out).run(scene="opening")
    assert "There is nothing to reload" in out.getvalue()


def test_run_game_flags_start_the_scene_with_those_flags(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    flags = tmp_path / "flags.yaml"
    flags.write_text("secret: true\n")
    args = Namespace(
        text=True,
        profile="Kit",
        part=None,
        scene="opening",
        age=None,
        assignment=None,
        scenes=ROOT / "tests" / "fixtures" / "mini",
        saves=tmp_path / "saves",
        flags=flags,
    )
    keys = iter(["", "", "w", "q", "q"])
    monkeypatch.setattr("builtins.input", lambda _prompt="": next(keys))
    monkeypatch.setenv("MEMORIES_SAVES", str(args.saves))  # restored after the test
    assert launcher.run(args, io.StringIO()) == 0
    assert "Flags: secret: true" in capsys.readouterr().out
    flags.write_text("secret: maybe\n")
    out = io.StringIO()
    assert launcher.run(args, out) == launcher.EXIT_BAD_STORY
    assert "flags.yaml:1:9: error[E022]" in out.getvalue()
