"""The terminal player's "h. Homework" entry, with two students sharing one computer."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from game import saves
from game.classroom.gradebook import collect, summary_rows
from game.text_player import TextPlayer


def play(story, saves_dir: Path, keys: list[str]) -> str:
    queue: Iterator[str] = iter(keys)

    def read(prompt: str) -> str:
        try:
            return next(queue)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    TextPlayer(story, saves.SaveStore(saves_dir), read=read, out=out, width=100).run()
    return out.getvalue()


def test_homework_from_the_menu_for_two_students_on_one_computer(
    mini_story, homework_file: Path, tmp_path: Path
) -> None:
    pc = tmp_path / "saves"
    # Kit opens the homework from the menu, reads the first lines, and leaves.
    text = play(mini_story, pc, ["Kit", "h", str(homework_file), "1", "", "q", "q", "q"])
    assert "  h. Homework (open the file your teacher gave you)" in text
    assert "Homework: The opening and the middle\nFor class 9B, from Ms Okafor." in text
    assert "Line one." in text and "Your place is saved." in text
    # Moonbeam, on the same computer, gets her own homework from the start.
    text = play(mini_story, pc, ["n", "Moonbeam", "h", str(homework_file), "q", "q"])
    assert "  1. The opening (2 questions): not started" in text
    # Kit comes back and carries on where she left off.
    text = play(mini_story, pc, ["1", "h", str(homework_file), "q", "q"])
    assert (
        "  1. The opening (2 questions): started\n" in text and "  c. Carry on: The opening" in text
    )
    store = saves.SaveStore(pc)
    kit, moon = store.find("Kit"), store.find("Moonbeam")
    assert (kit.results_folder / "mini-hw.results.json").is_file()
    assert not (moon.results_folder / "mini-hw.results.json").exists(), "Moonbeam has not played"
    assert [row[0] for row in summary_rows(collect([pc]))] == ["Kit"]


def test_a_wrong_path_or_a_broken_file_is_explained(mini_story, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format_version: 1\ntitle: x\nlevels: [{part: tree}]\n", encoding="utf-8")
    text = play(mini_story, tmp_path / "saves", ["Kit", "h", "nowhere.yaml", "h", str(broken), "q"])
    assert "There is no file nowhere.yaml. Check the name and the folder with your teacher." in text
    assert "This homework file has mistakes, so it cannot be opened. Show your teacher:" in text
    flat = " ".join(text.split())  # long paths wrap
    assert ":3:17: error[E301]: there is no part 'tree' in the story (known: one, two)" in flat
