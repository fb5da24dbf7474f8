"""The terminal player, played as a student (and a screen-reader user) would."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from game import saves
from game.text_player import TextPlayer, parse_response
from tests.autoplay import play_through
from tests.helpers import MINI, ROOT

PLAYER: list[TextPlayer] = []


def keyboard(answers: list[str]) -> tuple[list[str], object]:
    """Types `answers` in turn; '@text' types the number of the option shown with that text
    (options are shuffled for each player, so their numbers differ)."""
    prompts: list[str] = []
    queue: Iterator[str] = iter(answers)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        try:
            answer = next(queue)
        except StopIteration:
            raise EOFError from None
        if answer.startswith("@"):
            choices = PLAYER[-1].session.step.choices
            return str(choices.index(answer[1:]) + 1)
        return answer

    return prompts, read


def run(story, tmp_path: Path, answers: list[str], **options) -> tuple[str, list[str], TextPlayer]:
    prompts, read = keyboard(answers)
    out = io.StringIO()
    player = TextPlayer(
        story, saves.SaveStore(tmp_path / "saves"), read=read, out=out, width=90, **options
    )
    PLAYER.append(player)
    player.run()
    return out.getvalue(), prompts, player


@pytest.mark.parametrize("pick", ["first", "last"])
def test_the_whole_test_story_can_be_played_to_the_end(
    mini_story, tmp_path: Path, pick: str
) -> None:
    text, _keys = play_through(mini_story, tmp_path / "saves", pick)
    assert "The end of Part One." in text and "The end of Part Two." in text
    assert "This is the end of the story. Thank you for playing." in text
    assert "Traceback" not in text


def test_a_first_session_reads_as_plain_text(mini_story, tmp_path: Path) -> None:
    text, _prompts, _ = run(
        mini_story, tmp_path, ["Kit", "n", "", "", "2", "", "", "h", "@Tommy", "", "q", "q"]
    )
    assert "Hello, Kit." in text
    assert (
        "Part One: The opening (scene 1 of 2)\n[Now: The road]\n\nLine one.\n\nTommy: Line two.\n[A memory: The field]"
        in text
    )
    assert "Pick one.\n  1. Kind\n  2. Secret" in text
    assert "Question. Theme: Friendship. Skill: retrieve. 1 point.\nWho spoke line two?" in text
    assert "  1. Tommy\n  2. Kathy" in text or "  1. Kathy\n  2. Tommy" in text
    assert "Hint: Look at the speaker." in text
    assert "Yes, that's right.\nTommy said it." in text
    assert "Your place is saved." in text
    assert all(ord(ch) < 0x2500 for ch in text), "no box drawing or symbols that read badly aloud"


def test_continue_resumes_where_the_player_left(mini_story, tmp_path: Path) -> None:
    run(mini_story, tmp_path, ["Kit", "n", "", "q", "q"])
    text, _, _ = run(mini_story, tmp_path, ["1", "c", "", "q", "q"])
    assert "c. Continue (Part One: The opening)" in text
    after_menu = text.split("Type a letter", 1)[0]
    assert "Tommy: Line two." in text.split("c. Continue", 1)[1]
    assert after_menu


def test_save_load_and_going_back(mini_story, tmp_path: Path) -> None:
    answers = ["Kit", "n", "", "s", "4", "", "b", "1", "", "l", "4", "", "q", "q"]
    text, _, _player = run(mini_story, tmp_path, answers)
    assert "Saved in slot 4." in text
    assert "Earlier lines:\n  1. Line one." in text
    assert "4. slot 4: Part One, The opening" in text


def test_wrong_input_gets_a_short_answer_and_nothing_is_lost(mini_story, tmp_path: Path) -> None:
    text, _, _player = run(
        mini_story, tmp_path, ["Kit", "x", "n", "", "", "7", "two", "1", "q", "q"]
    )
    assert "Type one of the letters shown." in text
    assert text.count("Type a number from 1 to 2.") == 2
    assert "You were kind." in text


def test_end_of_input_saves_and_says_goodbye(mini_story, tmp_path: Path) -> None:
    text, _, player = run(mini_story, tmp_path, ["Kit", "n", ""])
    assert text.rstrip().endswith("Goodbye.")
    assert saves.latest_slot(player.profile).slot == "auto"


def test_the_young_age_setting_is_kept_in_the_profile(mini_story, tmp_path: Path) -> None:
    text, _, player = run(mini_story, tmp_path, ["Kit", "a", "q"])
    assert "Age setting: 11-13." in text
    assert player.profile.settings["age_mode"] == "11-13"
    text, _ = play_through(mini_story, tmp_path / "saves", "first", menu=["1", "n", "q"])
    assert "A gentle summary." in text and "An older passage." not in text


@pytest.mark.parametrize(
    ("kind", "typed", "count", "parsed"),
    [
        ("single", "2", 3, 1),
        ("single", "4", 3, "Use numbers from 1 to 3."),
        ("multiple", "1, 3", 3, [0, 2]),
        ("true_false", "F", 2, False),
        ("order", "3 1 2", 3, [2, 0, 1]),
        ("order", "3 1", 3, "Type all 3 numbers, each once, e.g. 3 2 1."),
        ("match", "2 2 1", 3, "Type all 3 numbers, each once, e.g. 3 2 1."),
    ],
)
def test_typed_answers_are_read_kindly(kind: str, typed: str, count: int, parsed: object) -> None:
    assert parse_response(kind, typed, count) == parsed


def test_run_game_text_plays_from_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "run_game.py",
            "--text",
            "--scenes",
            str(MINI),
            "--saves",
            str(tmp_path),
            "--profile",
            "Kit",
        ],
        input="n\n\n\nq\nq\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Line one." in result.stdout and "Tommy: Line two." in result.stdout
