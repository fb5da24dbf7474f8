"""W208: the reading level of each scene's narration, as textstat 0.7.8 measures it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.story import checks, diagnostics
from game.story.loader import load_story
from game.story.model import ShowLine
from tests.helpers import ROOT

textstat = pytest.importorskip("textstat", reason="textstat==0.7.8 comes with the test extra")

HARD = (
    "Notwithstanding considerable institutional deliberation, the administrative authorities "
    "systematically overlooked fundamental considerations regarding individual responsibility, "
    "consequently perpetuating unsatisfactory organisational circumstances."
)


def narration(scene) -> str:
    return " ".join(
        op.text for op in scene.ops if isinstance(op, ShowLine) and op.kind == "narration"
    )


def test_the_grade_is_exactly_textstats() -> None:
    story = load_story(ROOT / "scenes").story
    texts = [narration(scene) for scene in story.scenes.values()]
    texts += [HARD, "Hello.", "It's Tommy's shirt, isn't it? Yes.", ""]
    for text in texts:
        expected = textstat.flesch_kincaid_grade(text)
        assert checks._grade(text) == pytest.approx(expected, abs=1e-9), text[:60]
        assert checks.reading_grade(text) == pytest.approx(expected, abs=1e-9), text[:60]


def test_hard_narration_is_a_warning_at_its_hardest_line(scratch_story: Path) -> None:
    easy = "Tommy ran down the hill to the pond. The sun was out and the grass was wet. "
    (scratch_story / "one" / "hard.yaml").write_text(
        "id: hard\ntitle: Too hard\npart: one\nsetting: {background: road}\nnext: middle\n"
        "beats:\n"
        f"  - narrate: {easy * 3}\n"
        f"  - narrate: {HARD} {HARD}\n"
        f"  - narrate: {easy * 2}\n"
    )
    found = [d for d in load_story(scratch_story).diagnostics if d.code == "W208"]
    assert len(found) == 1
    assert (Path(found[0].path).name, found[0].line, found[0].severity) == (
        "hard.yaml",
        8,
        "warning",
    )
    assert "the target is 8 or below" in found[0].message
    assert "shorter sentences and plainer words" in found[0].hint


def test_short_scenes_are_not_graded(scratch_story: Path) -> None:
    (scratch_story / "one" / "short.yaml").write_text(
        "id: short\ntitle: Short\npart: one\nsetting: {background: road}\nnext: middle\n"
        f"beats:\n  - narrate: {HARD}\n"
    )
    assert not [d for d in load_story(scratch_story).diagnostics if d.code == "W208"]


def test_without_textstat_lint_says_once_that_the_check_was_skipped(monkeypatch) -> None:
    monkeypatch.setattr(diagnostics, "_READING_LEVEL", False)
    summary = diagnostics.count_summary([], 3)
    assert summary.startswith("0 errors, 0 warnings in 3 files; the reading-level check (W208)")
    assert summary.count("skipped") == 1 and "pip install textstat==0.7.8" in summary
    monkeypatch.setattr(diagnostics, "_READING_LEVEL", True)
    assert diagnostics.count_summary([], 3) == "0 errors, 0 warnings in 3 files"
