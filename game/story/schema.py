"""The scene-file format as pydantic models: one source for validation and the JSON Schema.

Writers see these models three ways: as the JSON Schema their editor uses to autocomplete
(`scene.schema.json`, `story.schema.json`, exported by `export_schemas`), as the error
messages of `memories lint`, and as the reference in docs/scene-format.md.  The models only
describe the *shape* of a file; whole-story checks (ids that exist, reachability, ...) live in
`checks.py`, and turning beats into something runnable lives in `compiler.py`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

FORMAT_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60),
    Field(description="A name in lower case: letters, digits and _ (e.g. tommy_field)."),
]
SceneRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?$", max_length=121),
    Field(
        description=(
            "Where to go: a label in this scene, a scene id, or scene_id/label for a label "
            "in another scene."
        )
    ),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Skill = Literal["retrieve", "infer", "explain", "evaluate"]
TimeOfLife = Literal["present", "past"]
FlagValue = bool | int


class Strict(BaseModel):
    """Every file model forbids unknown keys, so a typo is an error with a suggestion."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------- story.yaml


class PartDef(Strict):
    id: Literal["hailsham", "cottages", "norfolk", "carer_years"] | Id
    title: Text
    first_scene: Id = Field(description="The scene a player starts this part at.")
    summary: str = ""


class ThemeDef(Strict):
    id: Id
    name: Text
    guide: list[Text] = Field(
        min_length=1, description="The study-guide section(s) this theme links to."
    )
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")] = "#555555"


class CharacterDef(Strict):
    id: Id
    name: Text
    note: str = Field("", description="A short note for the journal's people page.")


class GlossaryEntry(Strict):
    term: Text
    definition: Text


class BackgroundDef(Strict):
    id: Id
    name: Text
    image: str | None = Field(
        None,
        description="Optional picture, relative to assets/ (otherwise the game paints one).",
    )


class PlotDef(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[A-Z]-[a-z0-9-]+$")]
    part: Id
    summary: Text


class Defaults(Strict):
    tries: int = Field(2, ge=1, le=5, description="Tries per checkpoint unless homework says.")


class StoryFile(Strict):
    """scenes/story.yaml: everything that is not a scene."""

    format_version: int = Field(
        description=f"The scene format version; this game reads {FORMAT_VERSION}."
    )
    title: Text
    content_note: Text = Field(description="Shown on the title screen for teachers and parents.")
    parts: list[PartDef] = Field(min_length=1)
    themes: list[ThemeDef] = Field(min_length=1)
    characters: list[CharacterDef] = Field(min_length=1)
    glossary: list[GlossaryEntry] = []
    backgrounds: list[BackgroundDef] = Field(min_length=1)
    plots: list[PlotDef] = []
    defaults: Defaults = Defaults()


# --------------------------------------------------------------------------- checkpoints


class CheckpointBase(Strict):
    id: Id = Field(description="Unique in the whole story; results and gradebooks use it.")
    theme: Id = Field(description="One of the theme ids in story.yaml.")
    skill: Skill = Field(description="The reading skill: retrieve, infer, explain or evaluate.")
    question: Text
    about: Id = Field(description="The label of the beat this question is about.")
    hint: str | None = Field(None, description="A nudge shown when the player asks for one.")
    points: int = Field(1, ge=1, le=10)


class Option(Strict):
    text: Text
    correct: bool = False
    explain: Text = Field(description="Why this option is right or wrong.")


class SingleChoice(CheckpointBase):
    kind: Literal["single"]
    options: list[Option] = Field(min_length=2, max_length=8)


class MultipleSelect(CheckpointBase):
    kind: Literal["multiple"]
    options: list[Option] = Field(min_length=2, max_length=8)


class TrueFalse(CheckpointBase):
    kind: Literal["true_false"]
    answer: bool = Field(description="Whether the statement in `question` is true.")
    explain_true: Text = Field(description="Feedback for a player who answers True.")
    explain_false: Text = Field(description="Feedback for a player who answers False.")


class OrderEvents(CheckpointBase):
    kind: Literal["order"]
    items: list[Text] = Field(min_length=2, max_length=8, description="In the right order.")
    explain: Text


class MatchPair(Strict):
    left: Text
    right: Text


class MatchPairs(CheckpointBase):
    kind: Literal["match"]
    left_title: str = "Match"
    right_title: str = "with"
    pairs: list[MatchPair] = Field(min_length=2, max_length=8)
    explain: Text


class PickEvidence(CheckpointBase):
    kind: Literal["evidence"]
    options: list[Option] = Field(
        min_length=2, max_length=8, description="Sentences taken word for word from the scene."
    )


Keyword = Text | list[Text]


class ShortAnswer(CheckpointBase):
    kind: Literal["short"]
    accept: list[Text] = Field([], description="Whole answers that are right.")
    keywords: list[Keyword] = Field(
        [], description="Words a right answer contains; a list inside means any of them."
    )
    min_keywords: int | None = Field(None, ge=1, description="How many keywords (default all).")
    explain: Text


class FreeText(CheckpointBase):
    kind: Literal["free"]
    explain: Text = Field(description="What a good answer might say; shown after answering.")
    min_words: int = Field(0, ge=0, le=500)


Checkpoint = Annotated[
    SingleChoice
    | MultipleSelect
    | TrueFalse
    | OrderEvents
    | MatchPairs
    | PickEvidence
    | ShortAnswer
    | FreeText,
    Field(discriminator="kind"),
]
CHECKPOINT_KINDS = (
    "single",
    "multiple",
    "true_false",
    "order",
    "match",
    "evidence",
    "short",
    "free",
)


# --------------------------------------------------------------------------- beats


class Narrate(Strict):
    narrate: Text


class Say(Strict):
    say: Text
    speaker: Id = Field(description="A character id from story.yaml.")


class Quote(Strict):
    quote: Text = Field(description="The novel's own words: at most 30 words, 12 in the game.")
    chapter: int = Field(ge=1, le=23)
    speaker: Id | None = None


class Label(Strict):
    label: Id = Field(description="Names this place so goto, checkpoints and saves can find it.")


class SettingChange(Strict):
    background: Id = Field(description="A background id from story.yaml.")
    time: TimeOfLife = Field(
        "past", description="present: Kathy the carer now; past: a memory (drawn warm and faded)."
    )


class SettingBeat(Strict):
    setting: SettingChange


class SetFlags(Strict):
    set: dict[Id, FlagValue] = Field(description="Flags (true/false) or counters (numbers) to set.")


class Journal(Strict):
    journal: Text = Field(description="A memory Kathy keeps; it appears in the player's journal.")
    theme: Id | None = None


class ChoiceOption(Strict):
    text: Text
    if_: str | None = Field(None, alias="if", description="Show this option only if this holds.")
    set: dict[Id, FlagValue] = {}
    add: dict[Id, int] = Field({}, description="Numbers to add to counters.")
    beats: list[Beat] = Field(
        [], description="Beats played after choosing, then the story goes on."
    )
    goto: SceneRef | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class ChoiceBody(Strict):
    prompt: str | None = None
    options: list[ChoiceOption] = Field(min_length=1, max_length=6)


class ChoiceBeat(Strict):
    choice: ChoiceBody


class Condition(Strict):
    if_: str = Field(alias="if", description="e.g. kept_secret, not kept_secret, kindness >= 2")
    then: list[Beat] = Field(min_length=1)
    else_: list[Beat] = Field([], alias="else")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class CheckpointBeat(Strict):
    checkpoint: Checkpoint


class Goto(Strict):
    goto: SceneRef


class EndPart(Strict):
    end_part: Literal[True]


class MatureBody(Strict):
    gentle: Text = Field(description="The short, gentle summary shown in the 11-13 age mode.")
    beats: list[Beat] = Field(min_length=1)


class Mature(Strict):
    mature: MatureBody


BEAT_KEYS: dict[str, type[Strict]] = {
    "narrate": Narrate,
    "say": Say,
    "quote": Quote,
    "label": Label,
    "setting": SettingBeat,
    "set": SetFlags,
    "journal": Journal,
    "choice": ChoiceBeat,
    "if": Condition,
    "checkpoint": CheckpointBeat,
    "goto": Goto,
    "end_part": EndPart,
    "mature": Mature,
}


def beat_kind(value: Any) -> str | None:
    """The tag of a beat: the first of its keys that names a kind of beat."""
    if isinstance(value, dict):
        for key in value:
            if key in BEAT_KEYS:
                return str(key)
        return None
    for key, model in BEAT_KEYS.items():
        if isinstance(value, model):
            return key
    return None


Beat = Annotated[
    Union[  # noqa: UP007 - a tagged union pydantic resolves by `beat_kind`
        Annotated[Narrate, Tag("narrate")],
        Annotated[Say, Tag("say")],
        Annotated[Quote, Tag("quote")],
        Annotated[Label, Tag("label")],
        Annotated[SettingBeat, Tag("setting")],
        Annotated[SetFlags, Tag("set")],
        Annotated[Journal, Tag("journal")],
        Annotated[ChoiceBeat, Tag("choice")],
        Annotated[Condition, Tag("if")],
        Annotated[CheckpointBeat, Tag("checkpoint")],
        Annotated[Goto, Tag("goto")],
        Annotated[EndPart, Tag("end_part")],
        Annotated[Mature, Tag("mature")],
    ],
    Discriminator(
        beat_kind,
        custom_error_type="unknown_beat",
        custom_error_message="a beat needs one of: " + ", ".join(BEAT_KEYS),
    ),
]


class SceneSetting(Strict):
    background: Id
    time: TimeOfLife = "past"


class SceneFile(Strict):
    """One scene file: one of Kathy's memories."""

    id: Id = Field(description="Unique in the whole story.")
    title: Text
    part: Id
    covers: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]-[a-z0-9-]+$")]] = Field(
        [], description="The plot ids (from story.yaml) this scene tells."
    )
    setting: SceneSetting
    next: Id | None = Field(None, description="The scene that follows when the beats run out.")
    beats: list[Beat] = Field(min_length=1)


# Validators are built on first use (defer_build): a cached story loads without them, which
# keeps `memories lint` and the game's start quick.
