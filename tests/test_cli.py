"""The `memories` command as writers and tools use it: lint, export, schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from tests.helpers import MINI, ROOT


def test_lint_exit_codes(capsys: pytest.CaptureFixture[str], scratch_story: Path) -> None:
    assert main(["lint", str(MINI)]) == 0
    assert capsys.readouterr().out.startswith("0 errors, 0 warnings in 4 files")
    scene = scratch_story / "one" / "middle.yaml"
    scene.write_text(scene.read_text().replace("      hint: Two are.\n", ""))
    assert main(["lint", str(scratch_story)]) == 0, "warnings alone pass"
    assert main(["lint", "--strict", str(scratch_story)]) == 1
    scene.write_text(scene.read_text().replace("kind: multiple", "kind: many"))
    assert main(["lint", str(scratch_story)]) == 1
    out = capsys.readouterr().out
    assert "error[E023]: 'many' is not a kind of checkpoint" in out


def test_lint_of_one_file_inside_a_story_reports_only_that_file(
    capsys: pytest.CaptureFixture[str], scratch_story: Path
) -> None:
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text().replace("background: road", "background: lane"))
    other = scratch_story / "one" / "middle.yaml"
    other.write_text(other.read_text().replace("      hint: Two are.\n", ""))
    assert main(["lint", str(scene)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "unknown background 'lane'" in lines[0]


def test_lint_shows_the_source_line_with_a_caret(
    capsys: pytest.CaptureFixture[str], scratch_story: Path
) -> None:
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text().replace("background: road", "background: lane"))
    main(["lint", "--source", str(scratch_story)])
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "    setting: {background: lane, time: present}"
    assert out[2] == "    " + " " * 22 + "^"


def test_export_json_has_every_line_speaker_and_checkpoint_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "--json", str(MINI)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in data["parts"]] == ["one", "two"]
    assert {t["id"] for t in data["themes"]} == {"friendship", "memory"}
    assert data["glossary"] == [{"term": "carer", "definition": "Looks after donors."}]
    opening = data["scenes"][0]
    assert opening["id"] == "opening" and opening["covers"] == ["A-start"]
    assert opening["lines"][1] == {
        "kind": "dialogue",
        "text": "Line two.",
        "speaker": "tommy",
        "speaker_name": "Tommy",
        "chapter": None,
        "mature": False,
        "line": 10,
    }
    assert [line["text"] for line in opening["lines"] if line["mature"]] == ["An older passage."]
    assert opening["choices"][0]["options"][2] == {
        "text": "Hidden unless secret",
        "if": "secret",
        "set": {},
        "add": {},
    }
    middle = data["scenes"][1]
    short = next(c for c in middle["checkpoints"] if c["kind"] == "short")
    assert short["accept"] == ["pale blue"] and short["keywords"] == [["blue", "turquoise"]]
    assert short["theme"] == "friendship" and short["skill"] == "infer" and short["about"] == "top"
    assert short["explain"] == "It was pale blue." and short["hint"] == "Think."


def test_export_refuses_a_broken_story(
    capsys: pytest.CaptureFixture[str], scratch_story: Path
) -> None:
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text().replace("narrate:", "narate:"))
    assert main(["export", "--json", str(scratch_story)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "E026" in captured.err


def test_the_real_story_exports_and_every_part_has_lines() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "export", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert [p["id"] for p in data["parts"]] == ["hailsham", "cottages", "norfolk", "carer_years"]
    for part in data["parts"]:
        assert any(s["lines"] for s in data["scenes"] if s["part"] == part["id"])


def test_schema_check_passes_for_the_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--check"]) == 0


def test_memories_play_text_is_the_terminal_player(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "play",
            "--text",
            "--scenes",
            str(MINI),
            "--saves",
            str(tmp_path),
            "--profile",
            "Kit",
        ],
        input="n\n\nq\nq\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Line one." in result.stdout


def test_a_story_with_errors_does_not_start(tmp_path: Path, scratch_story: Path) -> None:
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text().replace("narrate:", "narate:"))
    result = subprocess.run(
        [
            sys.executable,
            "run_game.py",
            "--text",
            "--scenes",
            str(scratch_story),
            "--saves",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "cannot start" in result.stdout and "error[E026]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
