"""docs/writing-scenes.md never drifts: its reference is the schemas', its codes are CODES, and
its tutorial scene and playthrough work in the real story exactly as written."""

from __future__ import annotations

import io
import json
import re
import shutil
from argparse import Namespace
from pathlib import Path

import pytest

from game.story.diagnostics import CODES
from game.story.loader import load_story
from game.tools import new
from game.tools.playtest import quick_playtest
from game.tools.playthrough import run_playthrough
from tests.helpers import ROOT

DOC = ROOT / "docs" / "writing-scenes.md"
SCHEMAS = {"scene": "scene.schema.json", "story": "story.schema.json"}


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def schema_keys() -> set[tuple[str, str, str]]:
    keys = set()
    for short, name in SCHEMAS.items():
        document = json.loads((ROOT / "game" / "story" / name).read_text(encoding="utf-8"))
        for key in document.get("properties", {}):
            keys.add((short, "file", key))
        for definition, body in document.get("$defs", {}).items():
            for key in body.get("properties", {}):
                keys.add((short, definition, key))
    return keys


def documented_keys() -> set[tuple[str, str, str]]:
    """(schema, definition, key) for every row of every table under a schema marker."""
    reference = section(DOC.read_text(encoding="utf-8"), "Reference: every key")
    found = set()
    for match in re.finditer(r"<!-- schema: (\w+) ([\w ]+?) -->\n((?:\|.*\n)+)", reference):
        short, definitions, table = match[1], match[2].split(), match[3]
        rows = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE)
        assert rows, f"the table after {match[0].strip()} has no keys"
        for definition in definitions:
            found.update((short, definition, key) for key in rows)
    return found


def test_the_reference_lists_every_key_of_the_schemas_and_nothing_else() -> None:
    documented, schema = documented_keys(), schema_keys()
    missing = sorted(schema - documented)
    extra = sorted(documented - schema)
    assert not missing, f"keys in the schemas but not in the reference: {missing}"
    assert not extra, f"keys in the reference but not in the schemas: {extra}"


def test_every_diagnostic_code_has_an_example_and_a_fix() -> None:
    codes = section(DOC.read_text(encoding="utf-8"), "Every diagnostic, with an example and a fix")
    entries = re.split(r"^#### ", codes, flags=re.MULTILINE)[1:]
    documented = [entry.split()[0] for entry in entries]
    assert sorted(documented) == sorted(CODES), "the codes must be exactly CODES"
    assert len(documented) == len(set(documented)), "each code once"
    for entry in entries:
        code = entry.split()[0]
        example = re.search(r"```text\n(.+?)\n```", entry, flags=re.S)
        assert example, f"{code} has no example"
        severity = "error" if code.startswith("E") else "warning"
        assert f": {severity}[{code}]: " in example[1], f"{code}'s example is not its own message"
        assert "**Fix:**" in entry, f"{code} has no fix"


def test_the_two_docs_list_the_same_codes() -> None:
    compact = (ROOT / "docs" / "scene-format.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([EW]\d{3}) \|", compact, flags=re.MULTILINE))
    assert listed == set(CODES)
    assert "writing-scenes.md" in compact, "the compact reference points at the guide"


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    target = tmp_path / "scenes"
    shutil.copytree(ROOT / "scenes", target)
    return target


def test_the_tutorial_works_as_written(real_copy: Path) -> None:
    doc = DOC.read_text(encoding="utf-8")
    out = io.StringIO()
    args = Namespace(name="hailsham/by_the_pond", after="tommy_field", title=None, scenes=real_copy)
    assert new.run(args, out) == 0
    scene = re.search(r"<!-- tutorial-scene: (\S+) -->\n```yaml\n(.*?)```", doc, flags=re.S)
    assert scene and scene[1] == "hailsham/by_the_pond.yaml"
    (real_copy / scene[1]).write_text(scene[2], encoding="utf-8")
    link = re.search(r"change line (\d+) of (\S+):\n    (.+)\nto\n    (.+)\n", out.getvalue())
    assert link and (link[3], link[4]) == ("next: tommy_art", "next: by_the_pond")
    path = Path(link[2])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[int(link[1]) - 1] == link[3]
    lines[int(link[1]) - 1] = link[4]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_story(real_copy)
    assert result.ok and [d.format() for d in result.diagnostics] == []
    report = quick_playtest(result.story)
    assert report.findings == [] and "by_the_pond" in report.coverage.scenes
    playthrough = re.search(r"<!-- tutorial-playthrough -->\n```yaml\n(.*?)```", doc, flags=re.S)
    assert playthrough
    pt = real_copy.parent / "by_the_pond.yaml"
    pt.write_text(playthrough[1], encoding="utf-8")
    assert run_playthrough(result.story, pt) == []
