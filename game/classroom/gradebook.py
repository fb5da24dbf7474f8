"""The teacher's gradebook: many results files in, CSV and one HTML class report out.

`collect(paths)` reads results files and folders (a shared folder, a USB stick), keeps one
file per student for one homework, and lists plainly every file it leaves out and why:
unreadable, edited (checksum), another homework, a second copy.  It never raises for a bad
file.  `detail_csv`, `summary_csv` and `class_report` turn what it kept into the outputs.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .html import chart, escape, minutes, page, points, table, when
from .report import SKILL_NAMES
from .results import RESULTS_SUFFIX, ResultsError, read_results


@dataclass(frozen=True)
class Entry:
    """One student's results for the homework."""

    path: Path
    document: dict[str, Any]
    name: str
    """The nickname, with the profile id added when two students share a nickname."""

    @property
    def profile(self) -> str:
        return str(self.document["student"]["profile"])


@dataclass(frozen=True)
class LeftOut:
    path: str
    reason: str


@dataclass
class Gradebook:
    assignment: dict[str, Any]
    entries: list[Entry] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def checkpoints(self) -> list[dict[str, Any]]:
        """Every question of the homework, in order (from the results themselves)."""
        seen: dict[str, dict[str, Any]] = {}
        for entry in self.entries:
            for item in entry.document["checkpoints"]:
                seen.setdefault(item["id"], item)
        return list(seen.values())


def results_files(paths: Sequence[Path]) -> tuple[list[Path], list[LeftOut]]:
    """The files named, and every *.results.json file inside the folders named."""
    found: list[Path] = []
    missing: list[LeftOut] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*" + RESULTS_SUFFIX) if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(LeftOut(str(path), "no such file or folder"))
    unique: list[Path] = []
    seen: set[Path] = set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, missing


def collect(paths: Sequence[Path], assignment_id: str | None = None) -> Gradebook:
    """Read every results file; keep one per student of one homework (the one named, or the
    homework most files are for); list the rest with the reason."""
    files, left_out = results_files(paths)
    readable: list[tuple[Path, dict[str, Any]]] = []
    for path in files:
        try:
            document = read_results(path)
            _check_shape(document)
        except ResultsError as problem:
            left_out.append(LeftOut(str(path), f"this file {problem}"))
            continue
        readable.append((path, document))
    if assignment_id is None:
        counts = Counter(doc["assignment"]["id"] for _, doc in readable)
        assignment_id = min(counts, key=lambda a: (-counts[a], a)) if counts else ""
    chosen: list[tuple[Path, dict[str, Any]]] = []
    for path, document in readable:
        homework = document["assignment"]
        if homework["id"] != assignment_id:
            left_out.append(
                LeftOut(
                    str(path),
                    f"results of another homework ({homework['title']!r}, id {homework['id']})",
                )
            )
        else:
            chosen.append((path, document))
    kept = _one_per_student(chosen, left_out)
    assignment = _majority_assignment([doc for _, doc in kept])
    book = Gradebook(assignment, left_out=left_out)
    nicknames = Counter(doc["student"]["nickname"].casefold() for _, doc in kept)
    for path, document in kept:
        student = document["student"]
        name = student["nickname"]
        if nicknames[name.casefold()] > 1:
            name = f"{name} ({student['profile']})"
        book.entries.append(Entry(path, document, name))
        fingerprint = document["assignment"].get("fingerprint")
        if assignment and fingerprint != assignment.get("fingerprint"):
            book.notes.append(
                f"{name}'s results were made with a different version of the homework file "
                "(a setting was changed after it was handed out)."
            )
    book.entries.sort(key=lambda entry: (entry.name.casefold(), entry.profile))
    return book


_REQUIRED = {
    "assignment": dict,
    "student": dict,
    "score": dict,
    "levels": list,
    "checkpoints": list,
}


def _check_shape(document: Mapping[str, Any]) -> None:
    """A sealed file of the right kind can still lack parts (a bug, a hand-made file)."""
    for key, kind in _REQUIRED.items():
        if not isinstance(document.get(key), kind):
            raise ResultsError(f"is missing its '{key}'")
    if not isinstance(document["student"].get("nickname"), str) or not isinstance(
        document["assignment"].get("id"), str
    ):
        raise ResultsError("is missing the student's nickname or the homework's id")


def _one_per_student(
    chosen: list[tuple[Path, dict[str, Any]]], left_out: list[LeftOut]
) -> list[tuple[Path, dict[str, Any]]]:
    """Keep each student's most complete, most recent file; the others are duplicates."""
    by_student: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for path, document in chosen:
        by_student.setdefault(document["student"]["profile"], []).append((path, document))
    kept: list[tuple[Path, dict[str, Any]]] = []
    for copies in by_student.values():
        copies.sort(
            key=lambda item: (bool(item[1].get("completed")), str(item[1].get("updated_at"))),
            reverse=True,
        )
        best_path, best = copies[0]
        kept.append((best_path, best))
        for path, document in copies[1:]:
            same = document.get("checksum") == best.get("checksum")
            nickname = document["student"]["nickname"]
            reason = (
                f"a second copy of {nickname}'s results (the same as {best_path})"
                if same
                else f"older results of {nickname} (saved {when(document.get('updated_at'))}); "
                f"{best_path} is used"
            )
            left_out.append(LeftOut(str(path), reason))
    return kept


def _majority_assignment(documents: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    if not documents:
        return {}
    counts = Counter(doc["assignment"].get("fingerprint") for doc in documents)
    fingerprint = min(counts, key=lambda f: (-counts[f], str(f)))
    return dict(
        next(
            doc["assignment"]
            for doc in documents
            if doc["assignment"].get("fingerprint") == fingerprint
        )
    )


# ---------------------------------------------------------------------- CSV

DETAIL_COLUMNS = (
    "student", "assignment", "level", "checkpoint", "theme", "skill", "response", "correct",
    "tries", "hints", "seconds", "points", "earned", "question",
)  # fmt: skip
SUMMARY_COLUMNS = (
    "student", "assignment", "score", "pass", "completed", "time", "late", "earned", "possible",
    "levels_finished", "last_saved", "profile", "file",
)  # fmt: skip


def _cell(value: Any) -> str:
    """Text for a spreadsheet: numbers without noise, and no cell a spreadsheet runs as a
    formula (a student's answer starting with '=' is shown, not calculated)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    else:
        text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        text = "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def correct_word(item: Mapping[str, Any]) -> str:
    answer = item.get("answer")
    if not answer:
        return "not answered"
    if answer["correct"] is None:
        return "not graded" if (answer["responses"] or [""])[-1] else "left out"
    return "yes" if answer["correct"] else "no"


def detail_rows(book: Gradebook) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for entry in book.entries:
        homework = entry.document["assignment"]["id"]
        for item in entry.document["checkpoints"]:
            answer = item.get("answer") or {}
            responses = answer.get("responses") or [""]
            rows.append(
                [
                    entry.name,
                    homework,
                    item["level"],
                    item["id"],
                    item["theme"],
                    item["skill"],
                    responses[-1],
                    correct_word(item),
                    answer.get("tries", 0),
                    answer.get("hints", 0),
                    float(answer.get("seconds", 0.0)),
                    item["points"],
                    float(answer.get("earned", 0.0)),
                    item["question"],
                ]
            )
    return rows


def detail_csv(book: Gradebook) -> str:
    """A row per student per question."""
    return _csv(detail_rows(book), DETAIL_COLUMNS)


def summary_rows(book: Gradebook) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for entry in book.entries:
        doc = entry.document
        score = doc["score"]
        finished = sum(1 for level in doc["levels"] if level.get("finished"))
        rows.append(
            [
                entry.name,
                doc["assignment"]["id"],
                float(score["percent"]),
                bool(score.get("passed")),
                bool(doc.get("completed")),
                round(float(doc.get("seconds", 0.0)) / 60, 1),
                bool(doc.get("late")),
                float(score["earned"]),
                score["possible"],
                f"{finished} of {len(doc['levels'])}",
                doc.get("updated_at", ""),
                entry.profile,
                str(entry.path),
            ]
        )
    return rows


def summary_csv(book: Gradebook) -> str:
    """A row per student: score (percent), pass, completed, time (minutes), late."""
    return _csv(summary_rows(book), SUMMARY_COLUMNS)


# ---------------------------------------------------------------------- the class report


@dataclass(frozen=True)
class QuestionStats:
    item: dict[str, Any]
    answered: int
    right: int
    wrong_choices: list[tuple[str, int]]
    """Wrong options (or wrong answers), with how many students chose each, most first."""

    @property
    def facility(self) -> float | None:
        """The share of students who answered it who got it right, 0-100."""
        return 100.0 * self.right / self.answered if self.answered else None


def question_stats(book: Gradebook) -> list[QuestionStats]:
    stats: list[QuestionStats] = []
    for item in book.checkpoints():
        answered = right = 0
        wrong: Counter[str] = Counter()
        wrong_options = [o["text"] for o in (item.get("options") or []) if not o["correct"]]
        for entry in book.entries:
            mine = next((c for c in entry.document["checkpoints"] if c["id"] == item["id"]), None)
            answer = (mine or {}).get("answer")
            if not answer or answer["correct"] is None:
                continue
            answered += 1
            right += 1 if answer["correct"] else 0
            chosen: set[str] = set()
            responses = [str(response) for response in answer["responses"]]
            if wrong_options:
                for text in responses:
                    picked = set(text.split("; ")) if item["kind"] == "multiple" else {text}
                    chosen |= picked & set(wrong_options)
            else:
                chosen |= set(responses[:-1] if answer["correct"] else responses)
            wrong.update(chosen)
        if wrong_options:
            ordered = [(text, wrong[text]) for text in wrong_options]
            ordered.sort(key=lambda pair: -pair[1])
        else:
            ordered = wrong.most_common(5)
        stats.append(QuestionStats(item, answered, right, ordered))
    return stats


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def class_averages(book: Gradebook, key: str) -> list[tuple[str, str, float, int]]:
    """(id, name, mean percent, students) per theme or skill: each student's share of the
    points on it (unanswered questions earn nothing), averaged over the students."""
    groups: dict[str, tuple[str, list[float]]] = {}
    for entry in book.entries:
        for item in entry.document.get(key, []):
            name = item.get("name") or SKILL_NAMES.get(item["id"], item["id"])
            groups.setdefault(item["id"], (name, []))[1].append(float(item["percent"]))
    return [(gid, name, _mean(values), len(values)) for gid, (name, values) in groups.items()]


def class_report(book: Gradebook) -> str:
    """The whole class on one page: students, questions, themes, skills, free answers."""
    homework = book.assignment
    title = homework.get("title", "Homework")
    entries = book.entries
    parts = [f"<h1>{escape(title)}: class report</h1>"]
    meta = [
        f"class {homework['class']}" if homework.get("class") else "",
        homework.get("teacher", ""),
        f"due {homework['due']}" if homework.get("due") else "",
        f"pass mark {homework.get('pass_mark', 60)}%",
        f"homework id {homework.get('id', '')}",
    ]
    parts.append(f'<p class="meta">{escape(" · ".join(m for m in meta if m))}</p>')
    passed = sum(1 for e in entries if e.document["score"].get("passed"))
    completed = sum(1 for e in entries if e.document.get("completed"))
    late = sum(1 for e in entries if e.document.get("late"))
    mean = _mean([float(e.document["score"]["percent"]) for e in entries])
    parts.append(
        f'<p class="big">{len(entries)} student{"" if len(entries) == 1 else "s"} · '
        f"average score {mean:.0f}% · {passed} passed · {completed} finished · {late} late</p>"
    )
    if book.left_out:
        parts.append(
            f'<p class="fail">{len(book.left_out)} file{"" if len(book.left_out) == 1 else "s"} '
            'left out: see <a href="#left-out">the list at the end</a>.</p>'
        )
    parts += ["<h2>Students</h2>", _students_table(book)]
    for key, heading in (
        ("themes", "Class average by theme"),
        ("skills", "Class average by reading skill"),
    ):
        averages = class_averages(book, key)
        if averages:
            parts += [
                f"<h2>{heading}</h2>",
                chart((name, value, f"{count} students") for _, name, value, count in averages),
            ]
    parts += ["<h2>Questions</h2>", _questions_table(book)]
    free = [item for item in book.checkpoints() if item["kind"] == "free"]
    if free:
        parts.append("<h2>Written answers</h2>")
        for item in free:
            parts.append(f"<h3>{escape(item['question'])}</h3>")
            answers = []
            for entry in entries:
                mine = next(
                    (c for c in entry.document["checkpoints"] if c["id"] == item["id"]), None
                )
                answer = (mine or {}).get("answer")
                text = (answer or {}).get("responses", [""])[-1] if answer else ""
                if text:
                    answers.append(
                        f"<blockquote><b>{escape(entry.name)}:</b> {escape(str(text))}</blockquote>"
                    )
                else:
                    state = "left it out" if answer else "did not reach it"
                    answers.append(
                        f'<blockquote class="muted">{escape(entry.name)} {state}.</blockquote>'
                    )
            parts.extend(answers)
    if book.notes:
        parts += (
            ["<h2>Notes</h2>", "<ul>"] + [f"<li>{escape(n)}</li>" for n in book.notes] + ["</ul>"]
        )
    if book.left_out:
        parts += ['<h2 id="left-out">Files left out</h2>', '<ul class="problems">']
        parts += [
            f"<li><code>{escape(item.path)}</code>: {escape(item.reason)}</li>"
            for item in book.left_out
        ]
        parts.append("</ul>")
    parts.append(
        "<footer>Made by <code>memories gradebook</code> from the students' .results.json files. "
        "Scores count every question of the homework; questions not answered earn nothing. "
        "A checksum in each file shows up casual edits; it is not proof against a determined forger."
        "</footer>"
    )
    return page(f"{title}: class report", "\n".join(parts))


def _students_table(book: Gradebook) -> str:
    level_titles: list[tuple[str, str]] = [
        (level["id"], level["title"]) for level in book.assignment.get("levels", [])
    ]
    headers = ["Student", "Score", "Points", "Passed", "Finished", "Late", "Time"]
    headers += [title for _, title in level_titles]
    rows = []
    for entry in book.entries:
        doc = entry.document
        score = doc["score"]
        levels = {level["id"]: level for level in doc["levels"]}
        row = [
            escape(entry.name),
            f"{score['percent']:.0f}%",
            f"{points(score['earned'])} of {score['possible']}",
            '<span class="pass">yes</span>'
            if score.get("passed")
            else '<span class="fail">no</span>',
            "yes" if doc.get("completed") else "no",
            "late" if doc.get("late") else "",
            minutes(float(doc.get("seconds", 0))),
        ]
        for level_id, _ in level_titles:
            level = levels.get(level_id)
            if level is None:
                row.append("")
            else:
                unfinished = "" if level.get("finished") else " (unfinished)"
                row.append(f"{level['percent']:.0f}%{unfinished}")
        rows.append(row)
    return table(headers, rows, numeric=(1, 2, 6))


def _questions_table(book: Gradebook) -> str:
    rows = []
    for number, stats in enumerate(question_stats(book), start=1):
        item = stats.item
        about = f"{item['theme_name']} · {item['skill']}"
        question = f'{escape(item["question"])}<br><span class="muted">{escape(about)}</span>'
        if item["kind"] == "free":
            rows.append([str(number), question, "written answer", "", "see below"])
            continue
        facility = stats.facility
        shown = "&ndash;" if facility is None else f"{facility:.0f}%"
        wrong = "<br>".join(
            f"{escape(text)}: {count}" for text, count in stats.wrong_choices if count
        )
        rows.append(
            [
                str(number),
                question,
                f"{stats.right} of {stats.answered} right",
                shown,
                wrong or '<span class="muted">none</span>',
            ]
        )
    return table(
        ["#", "Question", "Answered", "Facility", "Wrong answers chosen (students)"],
        rows,
        numeric=(0, 3),
    )
