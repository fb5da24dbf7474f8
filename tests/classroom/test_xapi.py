"""xAPI 1.0.3 statements from results, written as JSON lines and sent to a small fake LRS."""

from __future__ import annotations

import argparse
import base64
import io
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from game import saves
from game.classroom import HomeworkRecorder, parse_assignment, read_results, xapi
from game.play.runner import ChoiceStep, PartEndStep, QuestionStep, Session
from game.tools import results as results_tool

ADL_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
}
USER, PASSWORD = "teacher-key", "s3cret"


def check_statement(statement: dict[str, Any]) -> list[str]:
    """What an LRS would refuse in a statement (an empty list when it is well formed)."""
    problems = []
    try:
        uuid.UUID(statement["id"])
    except (KeyError, ValueError):
        problems.append("id is not a UUID")
    actor = statement.get("actor", {})
    account = actor.get("account", {})
    if actor.get("objectType") != "Agent" or set(account) != {"homePage", "name"}:
        problems.append("actor is not an anonymous account")
    if "mbox" in actor or "name" in actor:
        problems.append("actor carries personal data")
    if statement.get("verb", {}).get("id") not in ADL_VERBS:
        problems.append("verb is not an ADL verb")
    if not statement.get("verb", {}).get("display"):
        problems.append("verb has no display")
    obj = statement.get("object", {})
    if obj.get("objectType") != "Activity" or not obj.get("id", "").startswith("https://"):
        problems.append("object is not an activity with an IRI")
    result = statement.get("result", {})
    score = result.get("score")
    if score is not None and not (
        -1 <= score["scaled"] <= 1 and score["min"] <= score["raw"] <= score["max"]
    ):
        problems.append("score out of range")
    if "duration" in result and not result["duration"].startswith("PT"):
        problems.append("duration is not ISO 8601")
    try:
        stamp = datetime.fromisoformat(statement["timestamp"])
        if stamp.tzinfo is None:
            problems.append("timestamp has no time zone")
    except (KeyError, ValueError, TypeError):
        problems.append("timestamp is not ISO 8601")
    return problems


class FakeLRS(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    refusals: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self._reply(401, {"message": "bad credentials"})
            return
        if self.headers.get("X-Experience-API-Version") != "1.0.3":
            self._reply(400, {"message": "missing X-Experience-API-Version 1.0.3"})
            return
        if self.path != "/xapi/statements":
            self._reply(404, {"message": f"no {self.path}"})
            return
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        problems = [p for statement in body for p in check_statement(statement)]
        if problems:
            self.refusals.extend(problems)
            self._reply(400, {"message": "; ".join(problems)})
            return
        self.received.extend(body)
        self._reply(200, [statement["id"] for statement in body])

    def _reply(self, code: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Experience-API-Version", "1.0.3")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def lrs() -> Iterator[str]:
    FakeLRS.received, FakeLRS.refusals = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLRS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/xapi"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def results_file(mini_story, homework_file: Path, tmp_path: Path) -> Path:
    text = homework_file.read_text(encoding="utf-8")
    assignment, _ = parse_assignment(text, "hw.yaml", mini_story)
    profile = saves.SaveStore(tmp_path / "saves").create_profile("Kit")
    recorder = HomeworkRecorder(
        mini_story,
        assignment,
        profile,
        now=lambda: datetime(2025, 3, 10, 18, 0, tzinfo=timezone.utc),
    )
    session = Session(mini_story, recorder.new_state())
    while not (isinstance(session.step, PartEndStep) and session.step.next_level is None):
        step = session.step
        if isinstance(step, QuestionStep):
            session.answer({"single": 1, "true_false": True}[step.checkpoint.kind], seconds=12.5)
            if not session.state.feedback:
                session.answer(0, seconds=4)
        if isinstance(step, ChoiceStep):
            session.choose(0)
        elif isinstance(step, PartEndStep) and step.level == "level_1":
            break
        else:
            session.advance()
    return recorder.save(session.state).results


def test_statements_per_answer_and_per_finished_level(results_file: Path) -> None:
    document = read_results(results_file)
    found = xapi.statements(document)
    verbs = [s["verb"]["display"]["en-US"] for s in found]
    assert verbs == ["answered", "answered", "completed", "passed"]
    assert all(check_statement(s) == [] for s in found)
    single = found[0]
    assert single["actor"] == {
        "objectType": "Agent",
        "account": {
            "homePage": "https://kathys-memories.invalid",
            "name": document["student"]["profile"],
        },
    }
    assert single["object"]["id"] == (
        "https://kathys-memories.invalid/homework/mini-hw/level/level_1/question/q_single"
    )
    assert single["object"]["definition"]["interactionType"] == "choice"
    assert single["result"] == {
        "response": "Tommy",
        "duration": "PT16.5S",
        "success": True,
        "score": {"raw": 0.5, "min": 0, "max": 1.0, "scaled": 0.5},
        "extensions": {
            "https://kathys-memories.invalid/xapi/tries": 2,
            "https://kathys-memories.invalid/xapi/hints": 0,
        },
    }
    assert single["timestamp"] == "2025-03-10T18:00:00+00:00"
    assert found[3]["result"]["success"] is True and found[3]["result"]["score"]["scaled"] == 0.75
    assert xapi.statements(document) == found, "the same results make the same statement ids"
    assert "Kit" not in json.dumps(found), "the nickname never leaves the computer"


def test_memories_results_writes_json_lines_and_sends_them(
    results_file: Path, lrs: str, tmp_path: Path
) -> None:
    parser = argparse.ArgumentParser()
    results_tool.add_arguments(parser)
    lines = tmp_path / "statements.jsonl"
    args = parser.parse_args(
        [
            str(results_file),
            "--xapi",
            str(lines),
            "--lrs",
            lrs,
            "--user",
            USER,
            "--password",
            PASSWORD,
        ]
    )
    out = io.StringIO()
    assert results_tool.run(args, out) == 0, out.getvalue()
    written = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert len(written) == 4
    assert FakeLRS.refusals == []
    assert [s["id"] for s in FakeLRS.received] == [s["id"] for s in written]
    assert out.getvalue().splitlines()[-2:] == [
        f"Wrote 4 xAPI statements to {lines}",
        f"Sent 4 xAPI statements to {lrs}",
    ]


def test_network_problems_are_explained(results_file: Path, lrs: str, monkeypatch) -> None:
    found = xapi.statements(read_results(results_file))
    with pytest.raises(xapi.XapiError, match=r"refused the user name or password \(HTTP 401\)"):
        xapi.send(lrs, found, user=USER, password="wrong")
    with pytest.raises(
        xapi.XapiError, match=r"refused the statements \(HTTP 404: .*no /statements"
    ):
        xapi.send(lrs.removesuffix("/xapi"), found, user=USER, password=PASSWORD)
    with pytest.raises(
        xapi.XapiError, match=r"could not reach the LRS at http://127\.0\.0\.1:9/xapi"
    ):
        xapi.send("http://127.0.0.1:9/xapi", found, user=USER, password=PASSWORD, timeout=5)
    with pytest.raises(xapi.XapiError, match="must start with http:// or https://"):
        xapi.send("lrs.school.example", found)
    parser = argparse.ArgumentParser()
    results_tool.add_arguments(parser)
    monkeypatch.setenv("MEMORIES_LRS_PASSWORD", "wrong")
    args = parser.parse_args([str(results_file), "--lrs", lrs, "--user", USER])
    out = io.StringIO()
    assert results_tool.run(args, out) == 1
    assert out.getvalue().startswith("Could not send the statements: the LRS at ")
