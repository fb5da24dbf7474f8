"""Writers' mistakes give exact path:line:col diagnostics with a fix, all of them in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.story.loader import load_story


def problems(root: Path) -> list[str]:
    result = load_story(root)
    return [d.format().replace(str(root) + "/", "") for d in result.diagnostics]


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text()
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1))


def test_the_test_story_is_clean(scratch_story: Path) -> None:
    assert problems(scratch_story) == []


def test_typo_in_a_key_says_did_you_mean(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "      prompt: Pick one.", "      promt: Pick one.")
    assert problems(scratch_story) == [
        "one/opening.yaml:14:7: error[E020]: unknown key 'promt' (did you mean 'prompt'?)"
    ]


def test_typo_in_a_beat_kind_says_did_you_mean(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "  - narrate: Line one.", "  - narate: Line one.")
    assert problems(scratch_story) == [
        "one/opening.yaml:8:5: error[E026]: this beat is of no known kind (with keys narate) "
        "(did you mean 'narrate'?)"
    ]


def test_every_problem_in_a_file_is_reported_at_once(scratch_story: Path) -> None:
    edit(scratch_story, "one/middle.yaml", "      kind: multiple", "      kind: multi")
    edit(scratch_story, "one/middle.yaml", "      skill: retrieve", "      skill: remember")
    edit(scratch_story, "one/middle.yaml", "      min_words: 2", "      min_words: lots")
    found = problems(scratch_story)
    assert found == [
        "one/middle.yaml:11:13: error[E023]: 'multi' is not a kind of checkpoint (did you mean 'multiple'?)",
        "one/middle.yaml:25:14: error[E023]: 'skill' cannot be 'remember'; it is one of: retrieve, infer, explain, evaluate",
        "one/middle.yaml:75:18: error[E022]: 'min_words' should be a whole number, not text ('lots')",
    ]


def test_missing_key_points_at_the_mapping_and_says_what_it_is_for(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "    speaker: tommy\n", "")
    assert problems(scratch_story) == [
        "one/opening.yaml:10:5: error[E021]: missing required key 'speaker' "
        "(A character id from story.yaml.)"
    ]


def test_unknown_ids_list_what_exists(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "    speaker: tommy", "    speaker: tomy")
    edit(scratch_story, "one/opening.yaml", "theme: memory", "theme: memories")
    edit(scratch_story, "one/opening.yaml", "covers: [A-start]", "covers: [A-begin]")
    edit(
        scratch_story,
        "one/opening.yaml",
        "{background: field, time: past}",
        "{background: feild, time: past}",
    )
    assert problems(scratch_story) == [
        "one/opening.yaml:4:10: error[E108]: unknown plot id 'A-begin' (known: A-start, B-end)",
        "one/opening.yaml:11:14: error[E106]: unknown speaker 'tomy' (did you mean 'tommy'?)",
        "one/opening.yaml:12:27: error[E107]: unknown background 'feild' (did you mean 'field'?)",
        "one/opening.yaml:31:12: error[E105]: unknown theme 'memories' (did you mean 'memory'?)",
        "story.yaml:21:10: warning[W202]: no scene covers the plot id 'A-start' (add it to the "
        "covers: list of the scene that tells it)",
    ]


def test_goto_to_nowhere_and_dead_ends(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "          goto: middle", "          goto: midle")
    edit(scratch_story, "one/middle.yaml", "  - end_part: true\n", "")
    assert problems(scratch_story) == [
        "one/middle.yaml:66:5: error[E114]: the scene can run out of beats here with nowhere to go "
        "(add `next: <scene id>` to the scene, or end with `- goto: ...` or `- end_part: true`)",
        "one/opening.yaml:24:17: error[E104]: goto 'midle' names no label of this scene and no "
        "scene (did you mean 'middle'?)",
    ]


def test_checkpoint_checks(scratch_story: Path) -> None:
    edit(
        scratch_story,
        "one/opening.yaml",
        "{text: Tommy, correct: true, explain: Tommy said it.}",
        "{text: Tommy, explain: Tommy said it.}",
    )
    edit(
        scratch_story,
        "one/middle.yaml",
        "      about: top\n      question: Order them.",
        "      about: bottom\n      question: Order them.",
    )
    edit(
        scratch_story,
        "one/middle.yaml",
        "{text: Another line here, explain: Not quite.}",
        "{text: A line nobody wrote, explain: Not quite.}",
    )
    assert problems(scratch_story) == [
        "one/middle.yaml:26:14: error[E111]: there is no label 'bottom' in this scene "
        "(add `- label: bottom` just before the moment the question is about)",
        "one/middle.yaml:54:18: error[E116]: this evidence is not a sentence of the scene "
        "(copy whole sentences word for word from one line of this scene that every player sees "
        "(not inside a choice, an if or a mature passage))",
        "one/opening.yaml:45:9: error[E110]: a single checkpoint needs exactly one option with "
        "correct: true; it has 0 (mark the right option with correct: true)",
    ]


def test_bad_condition_points_at_the_column_inside_it(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "  - if: secret\n", "  - if: secret and\n")
    edit(
        scratch_story,
        "one/opening.yaml",
        "          if: secret\n",
        "          if: 'secret >= many'\n",
    )
    assert problems(scratch_story) == [
        "one/opening.yaml:23:26: error[E027]: cannot read the condition 'secret >= many': a counter "
        "is compared with a whole number, not 'many' (write e.g. kept_secret, not kept_secret, "
        "kindness >= 2, a and b)",
        "one/opening.yaml:25:19: error[E027]: cannot read the condition 'secret and': the "
        "condition stops too soon (write e.g. kept_secret, not kept_secret, kindness >= 2, a and b)",
    ]


def test_warnings_unreachable_scene_unset_flag_missing_hint(scratch_story: Path) -> None:
    (scratch_story / "one" / "orphan.yaml").write_text(
        "id: orphan\ntitle: Nobody comes here\npart: one\nsetting: {background: road}\n"
        "beats:\n  - if: kindnes >= 1\n    then:\n      - narrate: Hello.\n  - end_part: true\n"
    )
    result = load_story(scratch_story)
    assert result.story is not None, "warnings must not stop the story from loading"
    assert problems(scratch_story) == [
        "one/orphan.yaml:1:5: warning[W201]: no path from the start of any part reaches the scene "
        "'orphan' (link it in: a goto or next in another scene, or make it a part's first_scene)",
        "one/orphan.yaml:6:9: warning[W203]: the flag 'kindnes' is tested but never set "
        "(did you mean 'kindness'?)",
    ]


def test_duplicate_ids_and_labels(scratch_story: Path) -> None:
    edit(scratch_story, "one/middle.yaml", "      id: q_order", "      id: q_multi")
    edit(
        scratch_story,
        "one/opening.yaml",
        "  - label: second\n",
        "  - label: second\n  - label: second\n",
    )
    found = problems(scratch_story)
    assert (
        "one/middle.yaml:22:11: error[E102]: the checkpoint id 'q_multi' is also used at one/middle.yaml:10"
        in found[0]
    )
    assert found[1].startswith(
        "one/opening.yaml:10:12: error[E103]: the label 'second' is already used"
    )


def test_a_scene_filed_in_the_wrong_part_folder(scratch_story: Path) -> None:
    (scratch_story / "one" / "second_start.yaml").write_text(
        (scratch_story / "two" / "second_start.yaml").read_text()
    )
    (scratch_story / "two" / "second_start.yaml").unlink()
    assert problems(scratch_story) == [
        "one/second_start.yaml:3:7: error[E119]: this scene says part 'two' but is in the folder "
        "'one/' (move the file to scenes/two/ or change its part)"
    ]


def test_quotations_over_the_limit(scratch_story: Path) -> None:
    words = " ".join(["word"] * 31)
    edit(
        scratch_story,
        "one/opening.yaml",
        "  - narrate: Line one.\n",
        f"  - quote: {words}\n    chapter: 7\n",
    )
    assert problems(scratch_story) == [
        "one/opening.yaml:8:12: error[E120]: this quotation has 31 words; the limit is 30 "
        "(shorten it, or tell this moment in Kathy's own (new) words)"
    ]


def test_story_file_problems(scratch_story: Path) -> None:
    edit(scratch_story, "story.yaml", "first_scene: second_start", "first_scene: second_begin")
    edit(scratch_story, "story.yaml", "format_version: 1", "format_version: 2")
    edit(
        scratch_story,
        "story.yaml",
        "  - {id: road, name: The road}",
        "  - {id: road, name: The road, image: ../../etc/passwd}",
    )
    found = problems(scratch_story)
    assert found[0].startswith("story.yaml:2:17: error[E030]: this story is format 2")
    assert found[1].startswith(
        "story.yaml:8:45: error[E115]: part 'two' starts at scene 'second_begin', which does not exist (known: middle, opening, second_start)"
    )
    assert found[2].startswith(
        "story.yaml:17:39: error[E112]: the picture '../../etc/passwd' is outside assets/"
    )


def test_a_missing_asset_says_where_it_looked(scratch_story: Path, tmp_path: Path) -> None:
    edit(
        scratch_story,
        "story.yaml",
        "  - {id: road, name: The road}",
        "  - {id: road, name: The road, image: backgrounds/road.png}",
    )
    result = load_story(scratch_story, assets_dir=tmp_path / "assets")
    assert [d.format() for d in result.diagnostics] == [
        f"{scratch_story}/story.yaml:17:39: error[E113]: the picture 'backgrounds/road.png' does not exist "
        f"(looked for {tmp_path}/assets/backgrounds/road.png)"
    ]


def test_not_a_scene_file_gives_one_line(scratch_story: Path) -> None:
    (scratch_story / "one" / "notes.yaml").write_text("shopping: [milk, eggs]\n")
    assert problems(scratch_story) == [
        "one/notes.yaml:1:1: error[E016]: this is not a scene file: it has none of its keys "
        "(a scene file starts with id, title, part, setting, beats)"
    ]


@pytest.mark.parametrize("missing", ["story.yaml"])
def test_missing_story_file(tmp_path: Path, missing: str) -> None:
    result = load_story(tmp_path)
    assert result.story is None
    assert "E118" in result.diagnostics[0].format()


def test_checkpoints_and_evidence_must_be_outside_mature_passages(scratch_story: Path) -> None:
    edit(
        scratch_story,
        "one/opening.yaml",
        "        - narrate: An older passage.\n",
        "        - narrate: An older passage.\n        - label: inside\n",
    )
    edit(scratch_story, "one/opening.yaml", "      about: second\n      question: The field", "      about: inside\n      question: The field")
    assert problems(scratch_story) == [
        "one/opening.yaml:53:14: error[E124]: the label 'inside' is inside a mature passage "
        "(players in the 11-13 age mode never see it: point `about` at a label outside it)"
    ]


def test_evidence_must_be_whole_sentences(scratch_story: Path) -> None:
    edit(scratch_story, "one/middle.yaml", "  - narrate: Another line here.", "  - narrate: Another line here. And a second sentence!")
    assert problems(scratch_story) == []
    edit(scratch_story, "one/middle.yaml", "{text: Another line here, explain: Not quite.}", "{text: line here. And a second, explain: Not quite.}")
    assert [p.split(": error")[1][:6] for p in problems(scratch_story)] == ["[E116]"]


def test_a_key_of_another_kind_of_beat_says_where_it_belongs(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "  - narrate: Line one.\n", "  - narrate: Line one.\n    speker: kathy\n")
    assert problems(scratch_story) == [
        "one/opening.yaml:9:5: error[E020]: unknown key 'speker' (did you mean 'speaker'? only say and quote beats have it)"
    ]


def test_a_value_that_fits_no_type_of_a_union_gets_one_message(scratch_story: Path) -> None:
    edit(scratch_story, "one/opening.yaml", "          set: {secret: true}", "          set: {secret: yes please}")
    assert problems(scratch_story) == [
        "one/opening.yaml:21:25: error[E022]: 'secret' should be true or false or a whole number, not text ('yes please')"
    ]


def test_a_second_document_says_so_plainly(scratch_story: Path) -> None:
    scene = scratch_story / "two" / "second_start.yaml"
    scene.write_text(scene.read_text() + "---\nid: another\n")
    assert problems(scratch_story) == [
        "two/second_start.yaml:9:1: error[E011]: a second YAML document starts here; a file holds one "
        "(one file holds one scene; remove the extra ---)"
    ]
