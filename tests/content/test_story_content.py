"""Content tests for the whole story in scenes/: what the writers promised the teachers.

These tests read the story as the game loads it (`load_story`), not the raw YAML, so they see
exactly what a player sees: compiled lines, checkpoints, mature passages. The thresholds are
the final ones for the finished game; every failure message says what is missing and where.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.story.loader import LoadResult, load_story
from game.story.model import (
    SKILLS,
    AddJournal,
    Ask,
    ChangeSetting,
    EndOfPart,
    Jump,
    JumpIfYoung,
    Offer,
    Scene,
    ShowLine,
    Story,
)
from game.story.schema import (
    CHECKPOINT_KINDS,
    FreeText,
    MatchPairs,
    MultipleSelect,
    OrderEvents,
    PickEvidence,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

SCENES = Path(__file__).resolve().parents[2] / "scenes"

MIN_CHECKPOINTS = 80
MIN_PER_THEME = 6
MIN_PER_PART = 15
MIN_PER_SKILL = 10
MIN_PER_KIND = 5
MIN_EXPLANATION_CHARS = 40
MAX_READING_GRADE = 8.0
MAX_QUOTES = 12
MAX_QUOTE_WORDS = 30

# The glossary terms the content brief asks for. Each is found when every fragment appears in
# one glossary term (lower case, punctuation ignored), so "complete, completion" matches
# "complete" and 'Norfolk, the "lost corner"' matches "norfolk" + "lost corner".
REQUIRED_GLOSSARY: dict[str, tuple[str, ...]] = {
    "carer": ("carer",),
    "donor": ("donor",),
    "donation": ("donation",),
    "complete / completion": ("complet",),
    "possible": ("possible",),
    "deferral": ("deferral",),
    "guardian": ("guardian",),
    "Exchanges": ("exchange",),
    "Sales": ("sale",),
    "tokens": ("token",),
    "the Gallery": ("gallery",),
    "veterans": ("veteran",),
    "recovery centre": ("recovery centre",),
    "told and not told": ("told and not told",),
    "Morningdale scandal": ("morningdale",),
    "Norfolk, the lost corner": ("norfolk", "lost corner"),
}

PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|lorem|ipsum|xxx+)\b", re.IGNORECASE)


# --------------------------------------------------------------------------- loading


@pytest.fixture(scope="module")
def loaded() -> LoadResult:
    return load_story(SCENES)


@pytest.fixture(scope="module")
def story(loaded: LoadResult) -> Story:
    if loaded.story is None:
        errors = "\n".join(d.format() for d in loaded.errors) or "(no diagnostics)"
        pytest.fail(f"the story in {SCENES} does not load; fix these errors first:\n{errors}")
    return loaded.story


# --------------------------------------------------------------------------- helpers


def scenes_in_play_order(story: Story) -> Iterator[tuple[str, Scene]]:
    """(part id, scene) for every scene, part by part, in the order a player meets them."""
    for part in story.parts:
        for scene_id in part.scenes:
            yield part.id, story.scenes[scene_id]


def lines(story: Story) -> Iterator[tuple[Scene, ShowLine]]:
    for _, scene in scenes_in_play_order(story):
        for op in scene.ops:
            if isinstance(op, ShowLine):
                yield scene, op


def where(scene: Scene, line: int) -> str:
    return f"{scene.path}:{line}"


def checkpoint_where(story: Story, scene: Scene, checkpoint_id: str) -> str:
    for op in scene.ops:
        if isinstance(op, Ask) and op.checkpoint.id == checkpoint_id:
            return f"{where(scene, op.line)} ({checkpoint_id})"
    return f"{scene.path} ({checkpoint_id})"


def explanations(checkpoint: object) -> list[tuple[str, str]]:
    """(what, text) for every piece of feedback a checkpoint gives."""
    found: list[tuple[str, str]] = []
    if isinstance(checkpoint, (SingleChoice, MultipleSelect, PickEvidence)):
        for number, option in enumerate(checkpoint.options, start=1):
            found.append((f"option {number} ({option.text[:40]!r})", option.explain))
    elif isinstance(checkpoint, TrueFalse):
        found += [("explain_true", checkpoint.explain_true)]
        found += [("explain_false", checkpoint.explain_false)]
    elif isinstance(checkpoint, (OrderEvents, MatchPairs, ShortAnswer, FreeText)):
        found.append(("explain", checkpoint.explain))
    return found


def all_texts(story: Story) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text a player or teacher can read."""
    yield "story.yaml title", story.title
    yield "story.yaml content_note", story.content_note
    for part in story.parts:
        yield f"story.yaml part {part.id} title", part.title
        yield f"story.yaml part {part.id} summary", part.summary
    for character in story.characters.values():
        yield f"story.yaml character {character.id} name", character.name
        if character.note:
            yield f"story.yaml character {character.id} note", character.note
    for entry in story.glossary:
        yield f"story.yaml glossary {entry.term!r}", entry.term
        yield f"story.yaml glossary {entry.term!r} definition", entry.definition
    for _, scene in scenes_in_play_order(story):
        yield f"{scene.path} title", scene.title
        for op in scene.ops:
            at = where(scene, op.line)
            if isinstance(op, ShowLine):
                yield at, op.text
            elif isinstance(op, Offer):
                if op.prompt is not None:
                    yield f"{at} choice prompt", op.prompt
                for option in op.options:
                    yield f"{at} choice option", option.text
            elif isinstance(op, Ask):
                checkpoint = op.checkpoint
                at = f"{at} checkpoint {checkpoint.id}"
                yield f"{at} question", checkpoint.question
                if checkpoint.hint is not None:
                    yield f"{at} hint", checkpoint.hint
                for what, text in explanations(checkpoint):
                    yield f"{at} {what} explanation", text
                if isinstance(checkpoint, (SingleChoice, MultipleSelect, PickEvidence)):
                    for option in checkpoint.options:
                        yield f"{at} option", option.text
                elif isinstance(checkpoint, OrderEvents):
                    for item in checkpoint.items:
                        yield f"{at} item", item
                elif isinstance(checkpoint, MatchPairs):
                    for pair in checkpoint.pairs:
                        yield f"{at} pair", pair.left
                        yield f"{at} pair", pair.right
                elif isinstance(checkpoint, ShortAnswer):
                    for accepted in checkpoint.accept:
                        yield f"{at} accept", accepted
            elif isinstance(op, AddJournal):
                yield f"{at} journal", op.text


def mature_ranges(scene: Scene) -> list[tuple[int, int, int]]:
    """(first, last, gentle) op indexes of each mature passage in a compiled scene.

    The compiler writes a mature block as: JumpIfYoung(to the gentle line), the mature beats,
    Jump(past the gentle line), the gentle line. So the passage is every op strictly between
    the JumpIfYoung and the Jump just before the gentle line.
    """
    ranges = []
    for index, op in enumerate(scene.ops):
        if isinstance(op, JumpIfYoung):
            gentle = op.target
            skip = gentle - 1
            assert isinstance(scene.ops[skip], Jump), "compiled mature block has changed shape"
            ranges.append((index + 1, skip - 1, gentle))
    return ranges


def narration(scene: Scene) -> str:
    return " ".join(
        op.text for op in scene.ops if isinstance(op, ShowLine) and op.kind == "narration"
    )


def fk_grade(text: str) -> float:
    textstat = pytest.importorskip(
        "textstat", reason="textstat is not installed (pip install textstat==0.7.8)"
    )
    return float(textstat.flesch_kincaid_grade(text))


# --------------------------------------------------------------------------- lint


def test_lint_has_no_errors(loaded: LoadResult) -> None:
    errors = [d.format() for d in loaded.errors]
    assert not errors, f"memories lint reports {len(errors)} error(s):\n" + "\n".join(errors)


def test_lint_has_no_warnings(loaded: LoadResult) -> None:
    warnings = [d.format() for d in loaded.diagnostics if not d.is_error]
    assert not warnings, f"memories lint reports {len(warnings)} warning(s):\n" + "\n".join(
        warnings
    )


# --------------------------------------------------------------------------- the plot


def test_every_plot_id_is_covered(story: Story) -> None:
    covered = {plot for scene in story.scenes.values() for plot in scene.covers}
    missing = [
        f"{plot.id} ({plot.part}: {plot.summary})"
        for plot in story.plots.values()
        if plot.id not in covered
    ]
    assert not missing, "no scene covers these plot ids:\n" + "\n".join(missing)


def test_every_part_has_scenes_and_an_ending(story: Story) -> None:
    problems = []
    for part in story.parts:
        if not part.scenes:
            problems.append(f"part {part.id} has no scenes")
            continue
        ends = [
            scene_id
            for scene_id in part.scenes
            if any(isinstance(op, EndOfPart) for op in story.scenes[scene_id].ops)
        ]
        if not ends:
            problems.append(f"part {part.id}: no scene ends with `- end_part: true`")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- checkpoints


def test_enough_checkpoints(story: Story) -> None:
    total = len(story.all_checkpoints())
    assert total >= MIN_CHECKPOINTS, (
        f"the story has {total} checkpoints; it needs at least {MIN_CHECKPOINTS}"
    )


def _shortfall(story: Story, names: list[str], key: str, minimum: int, what: str) -> list[str]:
    counts: Counter[str] = Counter()
    by_part: dict[str, Counter[str]] = defaultdict(Counter)
    for scene, checkpoint in story.all_checkpoints():
        value = scene.part if key == "part" else getattr(checkpoint, key)
        counts[value] += 1
        by_part[value][scene.part] += 1
    short = []
    for name in names:
        if counts[name] < minimum:
            parts = ", ".join(f"{part} {n}" for part, n in sorted(by_part[name].items()))
            short.append(
                f"{what} {name!r}: {counts[name]} checkpoint(s), needs {minimum}"
                + (f" (by part: {parts})" if parts else "")
            )
    return short


def test_every_theme_has_enough_checkpoints(story: Story) -> None:
    short = _shortfall(story, list(story.themes), "theme", MIN_PER_THEME, "theme")
    assert not short, "too few checkpoints for these themes:\n" + "\n".join(short)


def test_every_part_has_enough_checkpoints(story: Story) -> None:
    short = _shortfall(story, [p.id for p in story.parts], "part", MIN_PER_PART, "part")
    assert not short, "too few checkpoints in these parts:\n" + "\n".join(short)


def test_every_skill_has_enough_checkpoints(story: Story) -> None:
    short = _shortfall(story, list(SKILLS), "skill", MIN_PER_SKILL, "skill")
    assert not short, "too few checkpoints for these reading skills:\n" + "\n".join(short)


def test_every_kind_has_enough_checkpoints(story: Story) -> None:
    short = _shortfall(story, list(CHECKPOINT_KINDS), "kind", MIN_PER_KIND, "kind")
    assert not short, "too few checkpoints of these kinds:\n" + "\n".join(short)


def test_every_checkpoint_is_answerable(story: Story) -> None:
    problems = []
    for scene, checkpoint in story.all_checkpoints():
        at = checkpoint_where(story, scene, checkpoint.id)
        if isinstance(checkpoint, (SingleChoice, PickEvidence)):
            right = sum(option.correct for option in checkpoint.options)
            if right != 1:
                problems.append(
                    f"{at}: {checkpoint.kind} needs exactly 1 right option, has {right}"
                )
        elif isinstance(checkpoint, MultipleSelect):
            if not any(option.correct for option in checkpoint.options):
                problems.append(f"{at}: multiple has no right option")
        elif isinstance(checkpoint, ShortAnswer):
            if not (checkpoint.accept or checkpoint.keywords):
                problems.append(f"{at}: short answer has neither accept nor keywords")
        elif isinstance(checkpoint, OrderEvents):
            if len(set(checkpoint.items)) != len(checkpoint.items):
                problems.append(f"{at}: order has two identical items, so two orders are right")
        elif isinstance(checkpoint, MatchPairs):
            lefts = [pair.left for pair in checkpoint.pairs]
            rights = [pair.right for pair in checkpoint.pairs]
            if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
                problems.append(f"{at}: match has a repeated left or right side")
        if isinstance(checkpoint, (SingleChoice, MultipleSelect, PickEvidence)):
            texts = [option.text for option in checkpoint.options]
            if len(set(texts)) != len(texts):
                problems.append(f"{at}: two options have the same text")
    assert not problems, "checkpoints a player cannot answer fairly:\n" + "\n".join(problems)


def test_every_checkpoint_explains_and_hints(story: Story) -> None:
    problems = []
    for scene, checkpoint in story.all_checkpoints():
        at = checkpoint_where(story, scene, checkpoint.id)
        if not (checkpoint.hint or "").strip():
            problems.append(f"{at}: no hint")
        for what, text in explanations(checkpoint):
            size = len(text.strip())
            if size < MIN_EXPLANATION_CHARS:
                problems.append(
                    f"{at}: the explanation for {what} is {size} characters; write at least "
                    f"{MIN_EXPLANATION_CHARS} that say why, pointing back to the scene"
                )
    assert not problems, "\n".join(problems)


def test_checkpoint_ids_and_abouts(story: Story) -> None:
    seen: dict[str, str] = {}
    problems = []
    for scene, checkpoint in story.all_checkpoints():
        at = checkpoint_where(story, scene, checkpoint.id)
        if checkpoint.id in seen:
            problems.append(f"{at}: id also used at {seen[checkpoint.id]}")
        seen[checkpoint.id] = at
        if checkpoint.about not in scene.labels:
            problems.append(f"{at}: about names no label of its scene ({checkpoint.about!r})")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- text


def test_reading_level_of_each_part(story: Story) -> None:
    too_hard = []
    for part in story.parts:
        text = " ".join(narration(story.scenes[scene_id]) for scene_id in part.scenes).strip()
        if not text:
            too_hard.append(f"part {part.id} has no narration at all")
            continue
        grade = fk_grade(text)
        if grade > MAX_READING_GRADE:
            worst = sorted(
                (fk_grade(narration(story.scenes[scene_id]) or "Empty."), scene_id)
                for scene_id in part.scenes
            )[-3:]
            hardest = ", ".join(f"{scene_id} {g:.1f}" for g, scene_id in reversed(worst))
            too_hard.append(
                f"part {part.id}: Flesch-Kincaid grade {grade:.1f} (target <= "
                f"{MAX_READING_GRADE:.0f}); hardest scenes: {hardest}"
            )
    assert not too_hard, "narration above the reading level:\n" + "\n".join(too_hard)


def test_quotations(story: Story) -> None:
    quotes = [(scene, op) for scene, op in lines(story) if op.kind == "quote"]
    problems = []
    if len(quotes) > MAX_QUOTES:
        listing = ", ".join(where(scene, op.line) for scene, op in quotes)
        problems.append(f"{len(quotes)} quotations; at most {MAX_QUOTES} allowed ({listing})")
    for scene, op in quotes:
        words = len(op.text.split())
        if words > MAX_QUOTE_WORDS:
            problems.append(
                f"{where(scene, op.line)}: quotation of {words} words (at most {MAX_QUOTE_WORDS})"
            )
        if op.chapter is None or not 1 <= op.chapter <= 23:
            problems.append(f"{where(scene, op.line)}: quotation without a chapter (1-23)")
    assert not problems, "\n".join(problems)


def test_no_empty_or_placeholder_text(story: Story) -> None:
    problems = []
    for at, text in all_texts(story):
        if not text.strip():
            problems.append(f"{at}: empty text")
        elif match := PLACEHOLDER.search(text):
            problems.append(f"{at}: placeholder {match.group(0)!r} in {text[:60]!r}")
    assert not problems, "unfinished text:\n" + "\n".join(problems)


def test_backgrounds_and_speakers_are_known(story: Story) -> None:
    problems = []
    for _, scene in scenes_in_play_order(story):
        if scene.background not in story.backgrounds:
            problems.append(f"{scene.path}: unknown background {scene.background!r}")
        for op in scene.ops:
            if isinstance(op, ChangeSetting) and op.background not in story.backgrounds:
                problems.append(f"{where(scene, op.line)}: unknown background {op.background!r}")
            if isinstance(op, ShowLine) and op.speaker and op.speaker not in story.characters:
                problems.append(f"{where(scene, op.line)}: unknown speaker {op.speaker!r}")
    assert not problems, "\n".join(problems)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def test_glossary_has_every_required_term(story: Story) -> None:
    terms = [_normal(entry.term) for entry in story.glossary]
    missing = [
        name
        for name, fragments in REQUIRED_GLOSSARY.items()
        if not any(all(fragment in term for fragment in fragments) for term in terms)
    ]
    assert not missing, "the glossary (story.yaml) has no entry for: " + ", ".join(missing)
    thin = [entry.term for entry in story.glossary if len(entry.definition.strip()) < 20]
    assert not thin, "these glossary entries need a real definition: " + ", ".join(thin)


def test_every_speaker_has_a_note(story: Story) -> None:
    speakers = {op.speaker for _, op in lines(story) if op.speaker}
    missing = sorted(
        speaker
        for speaker in speakers
        if speaker in story.characters and len(story.characters[speaker].note.strip()) < 10
    )
    assert not missing, "these characters speak but have no note in story.yaml: " + ", ".join(
        missing
    )


# --------------------------------------------------------------------------- age modes


def test_there_is_a_mature_passage_with_a_gentle_summary(story: Story) -> None:
    found = []
    problems = []
    for _, scene in scenes_in_play_order(story):
        for first, last, gentle in mature_ranges(scene):
            found.append(scene.id)
            op = scene.ops[gentle]
            if not (isinstance(op, ShowLine) and op.text.strip() and not op.mature):
                problems.append(f"{scene.path}: a mature passage has no gentle summary")
            if not any(
                isinstance(inner, ShowLine) and inner.mature
                for inner in scene.ops[first : last + 1]
            ):
                problems.append(f"{scene.path}: a mature passage has no lines")
    assert found, "no scene has a `mature:` passage; wrap the most mature moment in one"
    assert not problems, "\n".join(problems)


def test_no_checkpoint_inside_a_mature_passage(story: Story) -> None:
    inside = []
    for _, scene in scenes_in_play_order(story):
        for first, last, _gentle in mature_ranges(scene):
            for op in scene.ops[first : last + 1]:
                if isinstance(op, Ask):
                    inside.append(f"{where(scene, op.line)} ({op.checkpoint.id})")
    assert not inside, (
        "checkpoints inside mature passages (the 11-13 mode never shows them):\n"
        + "\n".join(inside)
    )
