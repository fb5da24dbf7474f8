"""The student's one-page report: what they scored, by theme and skill, and every answer.

Built from the results document alone (so `memories results` can make it again), as one
HTML file with no scripts and nothing to download, that prints on a page or two.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from .html import chart, escape, minutes, page, points, table, when

SKILL_NAMES = {
    "retrieve": "Retrieve (find what the text says)",
    "infer": "Infer (read between the lines)",
    "explain": "Explain (say how and why)",
    "evaluate": "Evaluate (judge and give a view)",
}


def verdict(document: Mapping[str, Any]) -> str:
    """E.g. 'Passed', 'Not passed yet', in words a student and a parent read at a glance."""
    return "Passed" if document["score"].get("passed") else "Not passed yet"


def status(document: Mapping[str, Any]) -> str:
    if document.get("completed"):
        text = f"Finished {when(document.get('completed_at'))}"
    else:
        text = f"Not finished (last played {when(document.get('updated_at'))})"
    due = document["assignment"].get("due")
    if due:
        text += f"; due {_day(due)}" + (", late" if document.get("late") else ", on time")
    return text


def _day(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%b %Y}"


def answer_text(entry: Mapping[str, Any]) -> str:
    answer = entry.get("answer")
    if not answer:
        return '<span class="muted">not answered</span>'
    responses = [escape(str(r)) for r in answer["responses"]]
    if entry["kind"] == "free":
        return (
            responses[-1] if responses and responses[-1] else '<span class="muted">left out</span>'
        )
    if len(responses) > 1:
        return "<br>".join(f"{n}. {r}" for n, r in enumerate(responses, start=1))
    return responses[0] if responses else ""


def outcome(entry: Mapping[str, Any]) -> str:
    answer = entry.get("answer")
    if not answer:
        return "&ndash;"
    if answer["correct"] is None:
        return "for your teacher"
    if answer["correct"]:
        extra = " (review)" if answer.get("review_rounds") else ""
        return f'<span class="pass">right</span>{extra}'
    return '<span class="fail">not right</span>'


def student_report(document: Mapping[str, Any]) -> str:
    """The report page for one results document."""
    homework = document["assignment"]
    student = document["student"]
    score = document["score"]
    pass_mark = homework.get("pass_mark", 60)
    who = ", ".join(
        part
        for part in (
            f"class {homework['class']}" if homework.get("class") else "",
            homework.get("teacher", ""),
        )
        if part
    )
    parts = [
        f"<h1>{escape(homework['title'])}</h1>",
        f'<p class="meta">{escape(student["nickname"])}'
        + (f" &middot; {escape(who)}" if who else "")
        + f" &middot; {escape(status(document))}</p>",
        f'<p class="big">Score: {points(score["earned"])} of {score["possible"]} points '
        f"({score['percent']:.0f}%) &middot; "
        f'<span class="{"pass" if score.get("passed") else "fail"}">{verdict(document)}</span>'
        f" (pass mark {pass_mark}%)</p>",
        f"<p>Time spent: {minutes(document.get('seconds', 0))}.</p>",
        "<h2>Levels</h2>",
        table(
            ["Level", "Finished", "Points", "Score", "Passed"],
            (
                [
                    escape(level["title"]),
                    "yes" if level["finished"] else "no",
                    f"{points(level['earned'])} of {level['possible']}",
                    f"{level['percent']:.0f}%",
                    "yes" if level.get("passed") else "no",
                ]
                for level in document["levels"]
            ),
            numeric=(2, 3),
        ),
    ]
    if document.get("themes"):
        parts += [
            "<h2>By theme</h2>",
            chart(
                (t["name"], t["percent"], f"{points(t['earned'])} of {t['possible']} points")
                for t in document["themes"]
            ),
        ]
    if document.get("skills"):
        parts += [
            "<h2>By reading skill</h2>",
            chart(
                (
                    SKILL_NAMES.get(k["id"], k["id"]),
                    k["percent"],
                    f"{points(k['earned'])} of {k['possible']} points",
                )
                for k in document["skills"]
            ),
        ]
    rows = []
    for number, entry in enumerate(document["checkpoints"], start=1):
        answer = entry.get("answer") or {}
        rows.append(
            [
                str(number),
                escape(entry["question"]),
                answer_text(entry),
                outcome(entry),
                str(answer.get("tries", "")),
                str(answer.get("hints", "")),
            ]
        )
    parts += [
        "<h2>Questions</h2>",
        table(["#", "Question", "Your answer", "", "Tries", "Hints"], rows, numeric=(0, 4, 5)),
        f"<footer>Kathy's Memories homework results for {escape(student['nickname'])} "
        f"(player {escape(student['profile'])}), saved {escape(when(document.get('updated_at')))}. "
        "Your teacher's gradebook reads the file ending in .results.json next to this page; "
        f"its checksum is {escape(str(document.get('checksum', ''))[:24])}&hellip;</footer>",
    ]
    return page(f"{homework['title']}: {student['nickname']}", "\n".join(parts))
