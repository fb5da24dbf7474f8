"""Property tests: whatever a writer types, the loader answers with located diagnostics;
whatever a player does, the runner stays in a state that saves and loads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.play import runner
from game.play.state import state_from_data, state_to_data
from game.story.loader import load_story
from tests.helpers import MINI

SCENE = (MINI / "one" / "middle.yaml").read_text(encoding="utf-8")

edits = st.lists(
    st.tuples(
        st.integers(0, len(SCENE) - 1),
        st.integers(0, 12),
        st.text(alphabet=st.sampled_from(list("- :#'\"[]{}\n\tabcxyz0&*!|>")), max_size=6),
    ),
    min_size=1,
    max_size=4,
)


def mutate(text: str, changes: list[tuple[int, int, str]]) -> str:
    for at, cut, insert in changes:
        text = text[:at] + insert + text[at + cut :]
    return text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits)
def test_any_edit_of_a_scene_gives_diagnostics_never_an_exception(
    tmp_path_factory, changes
) -> None:
    root = tmp_path_factory.mktemp("story") / "scenes"
    shutil.copytree(MINI, root)
    edited = mutate(SCENE, changes)
    (root / "one" / "middle.yaml").write_text(edited, encoding="utf-8")
    result = load_story(root)
    lines = edited.count("\n") + 2
    for diagnostic in result.diagnostics:
        assert diagnostic.code and diagnostic.message
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        if diagnostic.path.endswith("middle.yaml"):
            assert diagnostic.line <= lines, diagnostic.format()
    assert (result.story is None) == any(d.is_error for d in result.diagnostics)


actions = st.lists(
    st.one_of(
        st.just(("advance",)),
        st.tuples(st.just("choose"), st.integers(0, 3)),
        st.tuples(
            st.just("answer"),
            st.sampled_from(
                [0, 1, True, False, [0, 1], [1, 0, 2], [2, 1, 0], "pale blue", "no idea at all", ""]
            ),
        ),
        st.just(("hint",)),
        st.tuples(st.just("rollback"), st.integers(0, 30)),
    ),
    max_size=60,
)


@settings(max_examples=80, deadline=None)
@given(actions, st.integers(0, 5))
def test_any_sequence_of_actions_keeps_a_valid_state(mini_story, sequence, seed) -> None:
    state = runner.start(mini_story, seed=seed)
    for action in sequence:
        try:
            if action[0] == "advance":
                state = runner.advance(mini_story, state)
            elif action[0] == "choose":
                state = runner.choose(mini_story, state, action[1])
            elif action[0] == "answer":
                state, _ = runner.answer(mini_story, state, action[1])
            elif action[0] == "hint":
                state, _ = runner.ask_hint(mini_story, state)
            else:
                state = runner.rollback(mini_story, state, action[1])
        except runner.ActionError:
            pass  # a refused action must leave the state as it was
        runner.current(mini_story, state)
        again = state_from_data(json.loads(json.dumps(state_to_data(state))))
        assert again == state
    assert all(0 <= record.earned <= record.points for record in state.answers.values())


def test_mini_fixture_is_where_the_properties_expect_it() -> None:
    assert Path(MINI / "one" / "middle.yaml").exists()
