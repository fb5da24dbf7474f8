"""The project's promises about itself: README's quick start, CI, packaging, style."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT


def quick_start_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_quick_start_is_two_lines_play_then_test() -> None:
    play, test = quick_start_lines()
    assert play == "python -m pip install -e . && python run_game.py"
    assert test == "python -m pip install -e '.[test]' && python -m pytest"


def test_ci_runs_the_readme_test_line() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_lines()[1] in ci.splitlines()


def test_player_data_is_ignored_but_the_folder_exists() -> None:
    assert (ROOT / "saves" / ".gitkeep").exists()
    ignored = subprocess.run(
        ["git", "check-ignore", "saves/someone/profile.json"], cwd=ROOT, capture_output=True, text=True
    )
    assert ignored.returncode == 0


def test_the_memories_command_lists_its_sub_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for command in ("play", "lint", "export", "schema"):
        assert command in result.stdout


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed by the test extra")
def test_the_code_is_ruff_clean() -> None:
    result = subprocess.run(["ruff", "check", "game", "tests", "bench", "run_game.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is installed by the test extra")
def test_the_pure_core_passes_mypy_strict() -> None:
    result = subprocess.run(["mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
