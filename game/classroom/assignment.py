"""Homework assignments: a YAML file a teacher writes (or `memories assign` writes for them).

The file says which levels to play (whole parts, or chosen scenes in order), the rules that
apply (tries, hints, feedback now or at the end, locking answered questions, age setting,
pass mark, mastery rounds, free text required or not), the themes to focus on and the due
date.  It is read with the same safe YAML reader and turned into the same
`path:line:col: error[CODE]: message (hint)` diagnostics as scene files, and checked against
the real story (unknown part, scene or theme ids get a "did you mean ...?").

`load_assignment(path, story)` gives an `Assignment` (or None) and every diagnostic;
`Assignment.rules()` gives the runner's `Rules`; `brief_text` is what students read first.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from .. import paths
from ..play.runner import level_checkpoints
from ..play.state import Level, Rules
from ..story import schema as s
from ..story.diagnostics import Diagnostic, did_you_mean, known_list
from ..story.model import Story
from ..story.validation import validate
from ..story.yamlread import SourceMap, read_yaml_bytes, read_yaml_file

FORMAT_VERSION = 1
DEFAULT_PASS_MARK = 60
SCHEMA_PATH = Path(__file__).with_name("assignment.schema.json")
SCHEMA_TITLE = "A homework assignment for Kathy's Memories"

CODES: dict[str, str] = {
    "E301": "unknown part",
    "E302": "unknown scene",
    "E303": "unknown theme",
    "E304": "a date that cannot be read",
    "E305": "a level needs either part or scenes",
    "E306": "a part or scene is in the homework twice",
    "E307": "two levels have the same id",
    "E308": "the assignment is written for another format version",
    "W301": "a level asks no questions",
    "W302": "the due date has passed",
    "W303": "a setting that has no effect",
}
"""The diagnostic codes of assignment files (docs/teachers.md lists them; a test checks).

Reading and shape problems use the scene files' codes (E001-E028), listed there too."""

AssignmentId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60),
    Field(description="A name for this homework: lower case, digits, - and _."),
]


class LevelSpec(s.Strict):
    """One level: a whole part, or chosen scenes played in order."""

    part: s.Id | None = Field(None, description="A part played whole: a part id from story.yaml.")
    scenes: list[s.Id] | None = Field(
        None, min_length=1, description="Or: scene ids, played in this order."
    )
    title: s.Text | None = Field(None, description="What students see (default: from the story).")
    id: s.Id | None = Field(
        None, description="A name for a level of chosen scenes (default: level_1, level_2, ...)."
    )


class AssignmentFile(s.Strict):
    """A homework assignment: what to play, how, and by when."""

    format_version: int = Field(
        description=f"The assignment format version; this game reads {FORMAT_VERSION}."
    )
    id: AssignmentId | None = Field(
        None,
        description="Results are matched to the homework by this name (default: from title and class).",
    )
    title: s.Text = Field(
        description="The homework's title, as students and the gradebook show it."
    )
    class_name: str = Field("", alias="class", description="The class, e.g. 9B.")
    teacher: str = Field("", description="The teacher's name as students know it, e.g. Ms Okafor.")
    due: str | None = Field(
        None,
        description="The due date, written YYYY-MM-DD (e.g. 2025-03-14).",
        json_schema_extra={"format": "date"},
    )
    instructions: str = Field("", description="A note for students, shown with the brief.")
    levels: list[LevelSpec] = Field(min_length=1, description="What to play, in order.")
    themes: list[s.Id] = Field(
        [], description="Only ask questions on these themes (theme ids); empty: every theme."
    )
    pass_mark: int = Field(
        DEFAULT_PASS_MARK, ge=0, le=100, description="Percent of the points that passes."
    )
    tries: int | None = Field(
        None, ge=1, le=5, description="Tries per question (default: the story's, 2)."
    )
    feedback: Literal["immediate", "end"] = Field(
        "immediate", description="Show right or wrong at once, or at the end of each level."
    )
    hints: bool = Field(True, description="Whether students may ask for hints.")
    lock_answered: bool = Field(
        False, description="Forbid going back to before a question already answered."
    )
    age_mode: Literal["11-13", "14+"] = Field(
        "14+", description="11-13 tells a few older moments as short summaries."
    )
    free_text_required: bool = Field(
        True, description="Whether students must write an answer to free-text questions."
    )
    mastery_rounds: int = Field(
        0,
        ge=0,
        le=5,
        description=(
            "Mastery: missed questions come back at the end of a level, up to this many "
            "rounds, until the pass mark is met (0 = off)."
        ),
    )


FIELDS = tuple(info.alias or name for name, info in AssignmentFile.model_fields.items())
LEVEL_FIELDS = tuple(info.alias or name for name, info in LevelSpec.model_fields.items())


@dataclass(frozen=True)
class Assignment:
    """A checked assignment, tied to the story it was checked against."""

    spec: AssignmentFile
    levels: tuple[Level, ...]
    path: str
    """The file it was read from, as shown in messages."""

    @property
    def id(self) -> str:
        return self.spec.id or default_id(self.spec.title, self.spec.class_name)

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def due(self) -> date | None:
        return parse_date(self.spec.due) if self.spec.due else None

    @property
    def pass_mark(self) -> int:
        return self.spec.pass_mark

    @property
    def fingerprint(self) -> str:
        """A short hash of every setting: tells apart two versions of one homework."""
        canonical = json.dumps(
            self.spec.model_dump(mode="json", by_alias=True), sort_keys=True, ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def rules(self) -> Rules:
        """The runner's rules for this homework."""
        spec = self.spec
        return Rules(
            tries=spec.tries,
            hints=spec.hints,
            feedback=spec.feedback,
            lock_answered=spec.lock_answered,
            age_mode=spec.age_mode,
            open_parts=tuple(level.part for level in self.levels if level.part),
            levels=self.levels,
            themes=tuple(spec.themes),
            pass_mark=float(spec.pass_mark),
            mastery_rounds=spec.mastery_rounds,
            free_text_required=spec.free_text_required,
            homework=self.id,
        )

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def summary(self) -> dict[str, Any]:
        """What results files repeat about the homework (so gradebooks need no other file)."""
        spec = self.spec
        return {
            "id": self.id,
            "title": spec.title,
            "class": spec.class_name,
            "teacher": spec.teacher,
            "due": spec.due,
            "pass_mark": spec.pass_mark,
            "mastery_rounds": spec.mastery_rounds,
            "themes": list(spec.themes),
            "fingerprint": self.fingerprint,
        }


def default_id(title: str, class_name: str) -> str:
    words = f"{title} {class_name}".lower()
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:60].strip("-")
    return slug or "homework"


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str) -> date | None:
    """A YYYY-MM-DD date, or None if it is not one (or not a real day)."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# ---------------------------------------------------------------------- loading


def load_assignment(
    path: Path, story: Story, *, today: date | None = None
) -> tuple[Assignment | None, list[Diagnostic]]:
    """Read and check an assignment file: the assignment if it has no errors, and every problem.

    `today`, when given, also warns about a due date that has passed.
    """
    shown = paths.display_path(path)
    read = read_yaml_file(path, shown)
    return _load(read.data, read.source, read.diagnostics, story, today)


def parse_assignment(
    text: str, shown: str, story: Story, *, today: date | None = None
) -> tuple[Assignment | None, list[Diagnostic]]:
    """The same as `load_assignment`, for text that is not (yet) in a file."""
    read = read_yaml_bytes(text.encode("utf-8"), shown)
    return _load(read.data, read.source, read.diagnostics, story, today)


def _load(
    data: Any,
    source: SourceMap,
    problems: list[Diagnostic],
    story: Story,
    today: date | None,
) -> tuple[Assignment | None, list[Diagnostic]]:
    diagnostics = list(problems)
    if data is None:
        return None, diagnostics
    if not isinstance(data, dict) or not set(map(str, data)) & set(FIELDS):
        diagnostics.append(
            _at(
                source,
                (),
                "E016",
                "this is not an assignment file"
                + ("" if isinstance(data, dict) else ": it is not a mapping of keys to values"),
                "an assignment starts with format_version: 1, title: and levels:",
            )
        )
        return None, diagnostics
    cleaned, key_problems = _check_keys(data, source)
    diagnostics.extend(key_problems)
    spec, shape_problems = validate(AssignmentFile, cleaned, source)
    diagnostics.extend(shape_problems)
    levels, meaning_problems = _check_meaning(cleaned, source, story, today)
    shaky = {(d.line, d.col) for d in shape_problems}
    diagnostics.extend(d for d in meaning_problems if (d.line, d.col) not in shaky)
    if spec is None or any(d.is_error for d in diagnostics):
        return None, _sorted(diagnostics)
    return Assignment(spec, levels, source.path), _sorted(diagnostics)


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line, d.col, d.code))


def _at(
    source: SourceMap,
    loc: Sequence[str | int],
    code: str,
    message: str,
    hint: str = "",
    *,
    at_key: bool = False,
    severity: Literal["error", "warning"] = "error",
) -> Diagnostic:
    line, col = source.mark(loc, at_key=at_key)
    return Diagnostic(source.path, line, col, severity, code, message, hint)


def _descriptions(model: type[s.Strict]) -> dict[str, str]:
    return {
        info.alias or name: str(info.description or "") for name, info in model.model_fields.items()
    }


def _check_keys(data: dict[Any, Any], source: SourceMap) -> tuple[dict[Any, Any], list[Diagnostic]]:
    """Unknown keys (with "did you mean") and missing required keys, in a teacher's words.

    Done here rather than left to pydantic so the suggestions come from the assignment's own
    keys, not from those of scene files.
    """
    problems: list[Diagnostic] = []

    def unknown(
        mapping: dict[Any, Any], where: tuple[str | int, ...], allowed: Sequence[str]
    ) -> dict[Any, Any]:
        kept: dict[Any, Any] = {}
        for key, value in mapping.items():
            if str(key) in allowed:
                kept[key] = value
                continue
            free = [name for name in allowed if name not in mapping]
            hint = did_you_mean(str(key), free) or "allowed here: " + ", ".join(allowed)
            problems.append(
                _at(source, (*where, str(key)), "E020", f"unknown key '{key}'", hint, at_key=True)
            )
        return kept

    cleaned = unknown(data, (), FIELDS)
    descriptions = _descriptions(AssignmentFile)
    for name, info in AssignmentFile.model_fields.items():
        key = info.alias or name
        if info.is_required() and key not in data:
            problems.append(
                _at(
                    source,
                    (),
                    "E021",
                    f"missing required key '{key}'",
                    descriptions.get(key, ""),
                    at_key=True,
                )
            )
    levels = cleaned.get("levels")
    if isinstance(levels, list):
        cleaned["levels"] = [
            unknown(item, ("levels", index), LEVEL_FIELDS) if isinstance(item, dict) else item
            for index, item in enumerate(levels)
        ]
    return cleaned, problems


def _check_meaning(
    data: dict[Any, Any], source: SourceMap, story: Story, today: date | None
) -> tuple[tuple[Level, ...], list[Diagnostic]]:
    """Ids that must exist in the story, dates, repeats: everything the shape does not say.

    Works on the raw data (skipping values of the wrong type, which the shape check reports),
    so every problem in a file is found in one go.
    """
    problems: list[Diagnostic] = []

    def report(loc: tuple[str | int, ...], code: str, message: str, hint: str = "") -> None:
        problems.append(_at(source, loc, code, message, hint))

    def warn(loc: tuple[str | int, ...], code: str, message: str, hint: str = "") -> None:
        problems.append(_at(source, loc, code, message, hint, severity="warning"))

    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version != FORMAT_VERSION:
        report(
            ("format_version",),
            "E308",
            f"this game reads assignments of format_version {FORMAT_VERSION}, not {version}",
            f"write format_version: {FORMAT_VERSION}, or update the game",
        )
    themes = data.get("themes")
    focus: list[str] = []
    for index, theme in enumerate(themes if isinstance(themes, list) else []):
        if not isinstance(theme, str):
            continue
        if theme in story.themes:
            focus.append(theme)
        else:
            report(
                ("themes", index),
                "E303",
                f"there is no theme '{theme}' in the story",
                did_you_mean(theme, story.themes) or known_list(story.themes),
            )
    due_text = data.get("due")
    if isinstance(due_text, str):
        due = parse_date(due_text)
        if due is None:
            report(
                ("due",), "E304", _date_problem(due_text), "write it as YYYY-MM-DD, e.g. 2025-03-14"
            )
        elif today is not None and due < today:
            warn(
                ("due",),
                "W302",
                f"the due date {due.isoformat()} has passed (today is {today.isoformat()})",
                "students who finish now will be marked late",
            )
    tries = data.get("tries")
    if data.get("feedback") == "end" and isinstance(tries, int) and tries > 1:
        warn(
            ("tries",),
            "W303",
            f"tries: {tries} has no effect with feedback: end",
            "with feedback at the end each question has one try",
        )
    if data.get("mastery_rounds") and data.get("pass_mark") == 0:
        warn(
            ("mastery_rounds",),
            "W303",
            "mastery rounds have no effect with pass_mark: 0",
            "missed questions come back only while a level is below the pass mark",
        )
    items = data.get("levels")
    levels: list[Level] = []
    owner: dict[str, str] = {}  # scene id -> title of the level that has it
    whole_parts: dict[str, str] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        level = _check_level(item, index, len(levels), story, owner, whole_parts, report)
        if level is None:
            continue
        here: tuple[str | int, ...] = ("levels", index)
        if any(level.id == other.id for other in levels):
            report(
                (*here, "id") if "id" in item else here,
                "E307",
                f"two levels are called '{level.id}'",
                "give one of them another id",
            )
            continue
        if not level_checkpoints(story, Rules(themes=tuple(focus)), level):
            warn(
                here,
                "W301",
                f"the level '{level.title}' asks no questions"
                + (" on the chosen themes" if focus else ""),
                "students read it, and it counts as passed; add scenes with questions",
            )
        levels.append(level)
    return tuple(levels), problems


def _check_level(
    item: dict[Any, Any],
    index: int,
    count: int,
    story: Story,
    owner: dict[str, str],
    whole_parts: dict[str, str],
    report: Any,
) -> Level | None:
    """One level's ids against the story; the Level, or None if it has a problem."""
    here: tuple[str | int, ...] = ("levels", index)
    part_id, scenes, title, level_id = (item.get(k) for k in ("part", "scenes", "title", "id"))
    title = title if isinstance(title, str) and title else None
    level_id = level_id if isinstance(level_id, str) and level_id else None
    if (part_id is None) == (scenes is None):
        report(
            here,
            "E305",
            "a level needs either 'part' (a whole part) or 'scenes' (chosen scenes), "
            + ("not both" if part_id is not None else "and has neither"),
            "e.g. - part: hailsham   or   - scenes: [tommy_field, tommy_art]",
        )
        return None
    if part_id is not None:
        if not isinstance(part_id, str):
            return None
        part_ids = [part.id for part in story.parts]
        if part_id not in part_ids:
            report(
                (*here, "part"),
                "E301",
                f"there is no part '{part_id}' in the story",
                did_you_mean(part_id, part_ids) or known_list(part_ids),
            )
            return None
        if part_id in whole_parts:
            report(
                (*here, "part"),
                "E306",
                f"the part '{part_id}' is already level {whole_parts[part_id]}",
                "keep one of them",
            )
            return None
        part = story.part(part_id)
        level = Level(level_id or part_id, title or part.title, part=part_id)
        whole_parts[part_id] = f"{count + 1} ({level.title})"
        for scene_id in part.scenes:
            owner.setdefault(scene_id, level.title)
        return level
    if not isinstance(scenes, list) or not scenes:
        return None
    good: list[str] = []
    for number, scene_id in enumerate(scenes):
        loc = (*here, "scenes", number)
        if not isinstance(scene_id, str):
            continue
        if scene_id not in story.scenes:
            report(
                loc,
                "E302",
                f"there is no scene '{scene_id}' in the story",
                did_you_mean(scene_id, story.scenes) or "`memories assign --scenes` lists them",
            )
        elif scene_id in good:
            report(loc, "E306", f"the scene '{scene_id}' is in this level twice", "keep one")
        elif scene_id in owner:
            report(
                loc,
                "E306",
                f"the scene '{scene_id}' is already in the level '{owner[scene_id]}'",
                "a scene can be in one level only",
            )
        else:
            good.append(scene_id)
    if len(good) != len(scenes):
        return None
    first = story.scenes[good[0]].title
    more = len(good) - 1
    default_title = first + (f" and {plural(more, 'more scene')}" if more else "")
    level = Level(level_id or f"level_{index + 1}", title or default_title, scenes=tuple(good))
    for scene_id in good:
        owner[scene_id] = level.title
    return level


def _date_problem(text: str) -> str:
    match = _DATE.match(text.strip())
    if match:
        return f"there is no such day as {text.strip()}"
    return f"the date '{text}' is not written as YYYY-MM-DD"


# ---------------------------------------------------------------------- writing


def schema_text() -> str:
    """The JSON Schema of assignment files, as the exact text shipped next to this module."""
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **AssignmentFile.model_json_schema(by_alias=True),
    }
    document["title"] = SCHEMA_TITLE
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _quoted(text: str) -> str:
    """Text as YAML that reads back as the same text (JSON strings are YAML strings)."""
    return json.dumps(text, ensure_ascii=False)


def assignment_yaml(values: Mapping[str, Any], *, schema: str | None = None) -> str:
    """An assignment file a teacher can read and edit, with a comment on each setting.

    `values` uses the file's keys (`class`, not `class_name`); levels are mappings with
    `part` or `scenes` (and optional `title`, `id`).  Nothing is checked here: the text is
    read back with `load_assignment`, which says what is wrong and where.
    """
    get = values.get
    lines: list[str] = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={schema}")
    lines += [
        "# Homework for Kathy's Memories (see docs/teachers.md).",
        "# Check it with: memories assign --check THIS_FILE",
        f"format_version: {get('format_version', FORMAT_VERSION)}",
    ]
    if get("id"):
        lines.append(f"id: {_scalar(get('id'))}")
    for key in ("title", "class", "teacher"):
        lines.append(f"{key}: {_scalar(get(key, ''))}")
    if get("due"):
        lines.append(_commented(f"due: {_scalar(get('due'))}", "YYYY-MM-DD"))
    if get("instructions"):
        lines.append(f"instructions: {_scalar(get('instructions'))}")
    lines.append(_commented("levels:", "played in this order"))
    for level in get("levels") or []:
        if level.get("part") is not None:
            lines.append(f"  - part: {_scalar(level['part'])}")
        else:
            scenes = ", ".join(_scalar(scene) for scene in level.get("scenes") or [])
            lines.append(f"  - scenes: [{scenes}]")
        for key in ("title", "id"):
            if level.get(key):
                lines.append(f"    {key}: {_scalar(level[key])}")
    themes = ", ".join(_scalar(theme) for theme in get("themes") or [])
    lines += [
        _commented(f"themes: [{themes}]", "only questions on these themes; [] = all"),
        _commented(f"pass_mark: {_scalar(get('pass_mark', DEFAULT_PASS_MARK))}", "percent"),
        _commented(f"tries: {_scalar(get('tries'))}", "per question, 1-5")
        if get("tries") is not None
        else _commented("# tries: 2", "per question, 1-5 (the story's default is 2)"),
        _commented(f"feedback: {_scalar(get('feedback', 'immediate'))}", "immediate or end"),
        _commented(f"hints: {_scalar(get('hints', True))}", "true or false"),
        _commented(
            f"lock_answered: {_scalar(get('lock_answered', False))}",
            "true: no going back before an answered question",
        ),
        _commented(f"age_mode: {_scalar(get('age_mode', '14+'))}", '"11-13" or "14+"'),
        _commented(
            f"free_text_required: {_scalar(get('free_text_required', True))}",
            "false: written answers may be left out",
        ),
        _commented(
            f"mastery_rounds: {_scalar(get('mastery_rounds', 0))}",
            "missed questions come back, up to this many rounds (0 = off)",
        ),
    ]
    return "\n".join(lines) + "\n"


def _commented(line: str, comment: str) -> str:
    return f"{line:<31} # {comment}"


_PLAIN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _scalar(value: Any) -> str:
    """A value as YAML that reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if value is None:
        return "null"
    text = str(value)
    reserved = text in ("true", "false", "null", "yes", "no", "on", "off")
    looks_like_number = re.fullmatch(r"[0-9_.-]+", text) and not parse_date(text)
    if _PLAIN.match(text) and not reserved and not looks_like_number:
        return text
    return json.dumps(text, ensure_ascii=False)


# ---------------------------------------------------------------------- the brief


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def plural(count: int, word: str) -> str:
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def brief_text(assignment: Assignment, story: Story) -> str:
    """What a student reads before starting: what to play, the rules, the due date."""
    spec = assignment.spec
    rules = assignment.rules()
    lines = [f"Homework: {spec.title}"]
    who = []
    if spec.class_name:
        who.append(f"for class {spec.class_name}")
    if spec.teacher:
        who.append(f"{',' if who else ''} from {spec.teacher}".lstrip(" "))
    due = assignment.due
    joined = " ".join(who).replace(" ,", ",")
    sentence = joined[:1].upper() + joined[1:] + "." if who else ""
    if due:
        sentence = (sentence + " " if sentence else "") + f"Due {_long_date(due)}."
    if sentence:
        lines.append(sentence)
    if spec.instructions:
        lines += ["", spec.instructions]
    lines += ["", "What to play:"]
    for number, level in enumerate(assignment.levels, start=1):
        questions = len(level_checkpoints(story, rules, level))
        if level.part:
            what = f"the whole part, {plural(questions, 'question')}"
        else:
            titles = ", ".join(story.scenes[scene].title for scene in level.scenes)
            what = (
                f"{plural(len(level.scenes), 'scene')}: {titles}; {plural(questions, 'question')}"
            )
        lines.append(f"  {number}. {level.title} ({what})")
    if spec.themes:
        names = "; ".join(story.themes[t].name for t in spec.themes if t in story.themes)
        lines += ["", f"Themes to focus on: {names}. Only questions on these themes are asked."]
    tries = 1 if spec.feedback == "end" else (spec.tries or story.default_tries)
    lines += ["", "How it works:"]
    rules_said = [
        f"You have {plural(tries, 'try')} at each question."
        if tries != 1
        else "You have one try at each question.",
        "Hints are on: ask for one when you are stuck (your teacher sees how many you used)."
        if spec.hints
        else "Hints are switched off for this homework.",
        "You see whether you were right straight away."
        if spec.feedback == "immediate"
        else "You find out how you did at the end of each level.",
    ]
    if spec.lock_answered:
        rules_said.append("Once you answer a question, you cannot go back to before it.")
    rules_said.append(f"To pass, score at least {spec.pass_mark}% of the points.")
    if spec.mastery_rounds:
        rules_said.append(
            "Questions you miss come back at the end of a level (up to "
            f"{plural(spec.mastery_rounds, 'more round')}) until you reach the pass mark; "
            "a question put right then earns half its points."
        )
    rules_said.append(
        "Questions where you write your own answer are read by your teacher"
        + ("." if spec.free_text_required else "; you may leave them out.")
    )
    if spec.age_mode == "11-13":
        rules_said.append("Age setting 11-13: a few older moments are told as short summaries.")
    lines += [f"  - {sentence}" for sentence in rules_said]
    lines += [
        "",
        "Your results are saved on this computer when you finish or leave, "
        "as a page you can print or hand in.",
    ]
    return "\n".join(lines)
