"""Reading YAML: every invalid file gives one clean located error; unsafe YAML is refused."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest

from game.cli import main
from game.story.yamlread import MAX_FILE_BYTES, read_yaml_bytes
from tests.helpers import CORPORA

INVALID = sorted((CORPORA / "yaml-invalid").glob("*.yaml"))
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): error\[(?P<code>E\d{3})\]: .+$")


def lint_output(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["lint", str(path)])
    lines = capsys.readouterr().out.splitlines()
    return code, lines


def test_the_corpus_is_there() -> None:
    assert len(INVALID) >= 90, "the shared corpus of invalid YAML should be next to the checkout"


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_every_invalid_yaml_file_gives_one_clean_located_error(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = lint_output(path, capsys)
    assert code == 1
    problems = [line for line in lines if LINE.match(line)]
    assert len(problems) == 1, lines
    match = LINE.match(problems[0])
    assert match and match["path"].endswith(path.name)
    assert int(match["line"]) >= 1 and int(match["col"]) >= 1
    assert "Traceback" not in "\n".join(lines)


def read(text: str) -> tuple[object, list[str]]:
    result = read_yaml_bytes(text.encode(), "scene.yaml")
    return result.data, [d.format() for d in result.diagnostics]


def test_anchors_and_aliases_are_refused_at_the_first_of_them() -> None:
    data, problems = read("a: &x hello\nb: *x\n")
    assert data is None
    assert problems == [
        "scene.yaml:1:4: error[E012]: anchors (&x) are not allowed "
        "(write each value out in full where it is needed)"
    ]
    assert read("a: &unused hello\n")[1][0].startswith("scene.yaml:1:4: error[E012]")
    assert read("a: 'stars * and & ampersands are fine in text'\n")[1] == []


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    started = time.perf_counter()
    data, problems = read("\n".join(lines))
    assert data is None and "E012" in problems[0]
    assert time.perf_counter() - started < 5  # generous: it is refused at the first alias


def test_merge_keys_tags_and_duplicate_keys_are_refused() -> None:
    assert "E012" in read("base: {a: 1}\nb:\n  <<: {a: 2}\n")[1][0]
    assert "E013" in read("a: !!python/object:os.system ls\n")[1][0]
    assert "E013" in read("a: !!binary aGVsbG8=\n")[1][0]
    _, problems = read("id: one\ntitle: x\nid: two\n")
    assert problems == [
        "scene.yaml:3:1: error[E014]: the key 'id' appears twice here "
        "(keep one of them; YAML would silently drop the first)"
    ]


def test_plain_values_keep_their_types() -> None:
    data, problems = read("a: 1\nb: true\nc: ~\nd: 1.5\ne: 2026-01-02\nf: text\n")
    assert problems == []
    assert data == {"a": 1, "b": True, "c": None, "d": 1.5, "e": "2026-01-02", "f": "text"}


def test_size_limit_and_encoding() -> None:
    big = read_yaml_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 1), "big.yaml")
    assert big.data is None and "E002" in big.diagnostics[0].format()
    latin = read_yaml_bytes("a: caf\u00e9\n".encode("latin-1"), "latin.yaml")
    assert latin.diagnostics[0].format().startswith("latin.yaml:1:7: error[E003]")
    assert read("")[1] == ["scene.yaml:1:1: error[E015]: the file is empty"]


def test_tabs_get_a_hint(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    scene = tmp_path / "tabbed.yaml"
    scene.write_text("id: x\nbeats:\n\t- narrate: hi\n")
    code, lines = lint_output(scene, capsys)
    assert code == 1
    assert lines[0] == (
        f"{scene}:3:1: error[E010]: YAML syntax error: found character that cannot start any "
        "token (while scanning for the next token) (use spaces, not tabs, to indent)"
    )


def test_lint_of_a_missing_path_is_unusable_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "/no/such/place"]) == 2
    assert "no such file or folder" in capsys.readouterr().out


def test_lint_of_a_folder_without_story_is_unusable_input(tmp_path: Path) -> None:
    out = io.StringIO()
    from argparse import Namespace

    from game.tools import lint

    code = lint.run(Namespace(path=tmp_path, strict=False, source=False, quiet=False), out)
    assert code == 2
    assert "no story.yaml" in out.getvalue()
