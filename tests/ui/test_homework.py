"""Homework in the window: --assignment opens the brief, the levels play, and the results
are written on finishing a level and on leaving early."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import MINI
from tests.ui.conftest_helpers import new_player, play_to_summary

HOMEWORK = """\
format_version: 1
title: The mini homework
class: 9B
teacher: Ms Okafor
levels:
  - scenes: [opening]
    title: The opening
  - part: two
pass_mark: 50
"""


def write_homework(tmp_path: Path) -> Path:
    path = tmp_path / "homework.yaml"
    path.write_text(HOMEWORK, encoding="utf-8")
    return path


def test_homework_from_the_title_screen_to_the_results(tmp_path: Path) -> None:
    homework = write_homework(tmp_path)
    d = new_player(tmp_path / "saves")
    d.click_on("Homework")
    assert d.screen_name == "homework"
    d.type(str(homework)).key("enter")
    assert d.screen_name == "brief"
    assert "The mini homework" in d.text and "Ms Okafor" in d.text
    d.key("enter")  # Start
    assert d.screen_name == "levels"
    assert "The opening" in d.text and "to do" in d.text
    d.key("enter")  # the first level
    assert d.screen_name == "play/LineView"
    d.key("esc")
    assert "Save" not in d.text.split("\n")[1:3]  # saved games are not used in homework
    d.key("esc")
    play_to_summary(d)
    assert "The end of The opening" in d.text and "pass mark is 50%" in d.text
    results = list((tmp_path / "saves").glob("*/results/*"))
    assert results, "no results written at the end of the level"
    d.click_on("Title")  # back to the homework levels
    assert d.screen_name == "levels"
    assert "done:" in d.text


def test_assignment_option_opens_the_brief_after_the_player_is_known(tmp_path: Path) -> None:
    from tests.ui.driver import Driver

    homework = write_homework(tmp_path)
    d = Driver(MINI, tmp_path / "saves", profile="Kit", assignment=homework)
    assert d.screen_name == "brief"
    assert "The mini homework" in d.text


def test_a_homework_file_with_mistakes_is_shown_plainly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HOMEWORK.replace("part: two", "part: tw"), encoding="utf-8")
    d = new_player(tmp_path / "saves")
    d.click_on("Homework")
    d.type(str(bad)).key("enter")
    assert d.screen_name == "error"
    assert "bad.yaml" in d.text and "did you mean 'two'" in d.text
