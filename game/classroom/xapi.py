"""xAPI 1.0.3 statements from homework results, as JSON lines or sent to a learning record store.

Each answered question gives an "answered" statement; each finished level a "completed" one
and a "passed" or "failed" one.  The actor is anonymous: an account named by the profile id
(never the nickname) on the game's home page.  Statement ids are UUIDs made from the
statement's own content, so sending the same results twice stores nothing twice, while
changed results (more answers) are new statements.

Sending uses only the standard library (urllib) with HTTP basic authentication; every network
problem becomes an `XapiError` with a sentence a teacher can act on.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ..atomicfile import write_atomic

XAPI_VERSION = "1.0.3"
DEFAULT_BASE = "https://kathys-memories.invalid"
"""Home page of the players' accounts and root of the activity ids; a school may use its own
address (`memories results --xapi-base URL`)."""

VERBS = {
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
INTERACTIONS = {
    "single": "choice",
    "multiple": "choice",
    "evidence": "choice",
    "true_false": "true-false",
    "order": "sequencing",
    "match": "matching",
    "short": "fill-in",
    "free": "long-fill-in",
}
INTERACTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction"
LESSON_TYPE = "http://adlnet.gov/expapi/activities/lesson"
COURSE_TYPE = "http://adlnet.gov/expapi/activities/assessment"
LANGUAGE = "en-GB"
BATCH = 50


class XapiError(Exception):
    """Statements that could not be sent; `str()` says why and what to try."""


def _duration(seconds: float) -> str:
    text = f"{max(seconds, 0.0):.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def _score(earned: float, possible: float) -> dict[str, Any]:
    scaled = round(earned / possible, 4) if possible else 0.0
    return {"raw": earned, "min": 0, "max": possible, "scaled": scaled}


def _activity(activity_id: str, name: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": activity_id,
        "definition": {"name": {LANGUAGE: name}, "type": kind, **extra},
    }


def _finish(statement: dict[str, Any]) -> dict[str, Any]:
    """Give a statement its id: a UUID made from its content (the same content, the same id)."""
    content = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "kathys-memories:" + content)), **statement}


def statements(document: Mapping[str, Any], base: str = DEFAULT_BASE) -> list[dict[str, Any]]:
    """The statements for one results document, in order: answers, then level outcomes."""
    base = base.rstrip("/")
    homework = document["assignment"]
    student = document["student"]
    actor = {
        "objectType": "Agent",
        "account": {"homePage": base, "name": str(student["profile"])},
    }
    homework_id = f"{base}/homework/{quote(homework['id'], safe='')}"
    stamp = document.get("updated_at")
    levels = {level["id"]: level for level in document["levels"]}

    def level_id(level: str) -> str:
        return f"{homework_id}/level/{quote(level, safe='')}"

    def context(parent: str) -> dict[str, Any]:
        """The level (or homework) a statement belongs to, and the homework it is part of."""
        activities: dict[str, Any] = {"parent": [{"objectType": "Activity", "id": parent}]}
        if parent != homework_id:
            activities["grouping"] = [_activity(homework_id, homework["title"], COURSE_TYPE)]
        return {
            "contextActivities": activities,
            "language": LANGUAGE,
            "platform": "Kathy's Memories",
        }

    found: list[dict[str, Any]] = []
    for item in document["checkpoints"]:
        answer = item.get("answer")
        if not answer:
            continue
        responses = answer.get("responses") or [""]
        result: dict[str, Any] = {
            "response": str(responses[-1]),
            "duration": _duration(float(answer.get("seconds", 0.0))),
            "extensions": {
                f"{base}/xapi/tries": answer.get("tries", 0),
                f"{base}/xapi/hints": answer.get("hints", 0),
            },
        }
        if answer.get("correct") is None:
            result["completion"] = True
        else:
            result["success"] = bool(answer["correct"])
            result["score"] = _score(float(answer.get("earned", 0.0)), float(item["points"]))
        found.append(
            _finish(
                {
                    "actor": actor,
                    "verb": {"id": VERBS["answered"], "display": {"en-US": "answered"}},
                    "object": _activity(
                        f"{level_id(item['level'])}/question/{quote(item['id'], safe='')}",
                        item["question"],
                        INTERACTION_TYPE,
                        interactionType=INTERACTIONS.get(item["kind"], "other"),
                    ),
                    "result": result,
                    "context": context(level_id(item["level"])),
                    "timestamp": stamp,
                }
            )
        )
    for level in levels.values():
        if not level.get("finished"):
            continue
        activity = _activity(level_id(level["id"]), level["title"], LESSON_TYPE)
        score = _score(float(level["earned"]), float(level["possible"]))
        outcome = "passed" if level.get("passed") else "failed"
        for verb, result in (
            ("completed", {"completion": True, "score": score}),
            (outcome, {"success": outcome == "passed", "completion": True, "score": score}),
        ):
            found.append(
                _finish(
                    {
                        "actor": actor,
                        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
                        "object": activity,
                        "result": result,
                        "context": context(homework_id),
                        "timestamp": stamp,
                    }
                )
            )
    return found


def write_jsonl(path: Path, items: Iterable[Mapping[str, Any]]) -> int:
    """Write statements as JSON lines (atomically); returns how many."""
    lines = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items]
    write_atomic(path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    return len(lines)


def send(
    endpoint: str,
    items: Sequence[Mapping[str, Any]],
    *,
    user: str = "",
    password: str = "",
    timeout: float = 20.0,
) -> int:
    """POST the statements to an LRS (`endpoint` is its xAPI address, without /statements).

    Returns how many were sent; raises XapiError with a plain explanation on any failure.
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise XapiError(
            f"the LRS address '{endpoint}' is not a web address: it must start with "
            "http:// or https://"
        )
    target = endpoint.rstrip("/") + "/statements"
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-Experience-API-Version": XAPI_VERSION,
    }
    if user or password:
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    sent = 0
    for start in range(0, len(items), BATCH):
        batch = list(items[start : start + BATCH])
        request = urllib.request.Request(
            target,
            data=json.dumps(batch, ensure_ascii=False).encode("utf-8"),
            headers=headers,
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            detail = error.read(300).decode("utf-8", "replace").strip()
            if error.code in (401, 403):
                raise XapiError(
                    f"the LRS at {endpoint} refused the user name or password "
                    f"(HTTP {error.code}); check --user and --password"
                ) from None
            raise XapiError(
                f"the LRS at {endpoint} refused the statements (HTTP {error.code}"
                + (f": {detail}" if detail else "")
                + f"); {sent} of {len(items)} were sent before this"
            ) from None
        except TimeoutError:
            raise XapiError(
                f"the LRS at {endpoint} did not answer within {timeout:g} seconds; "
                f"{sent} of {len(items)} statements were sent"
            ) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise XapiError(
                    f"the LRS at {endpoint} did not answer within {timeout:g} seconds; "
                    f"{sent} of {len(items)} statements were sent"
                ) from None
            raise XapiError(
                f"could not reach the LRS at {endpoint} ({error.reason}); check the address "
                f"and the network. {sent} of {len(items)} statements were sent"
            ) from None
        except OSError as error:
            raise XapiError(f"could not reach the LRS at {endpoint} ({error})") from None
        sent += len(batch)
    return sent
