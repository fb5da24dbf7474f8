"""Fit a saved place to the story as it is now: the file may have changed since.

Used when a save is loaded and when scene files are reloaded while playing.  If the scene is
unchanged the player is exactly where they were; if it changed they go back to the nearest
label before their place (or the scene's start); if it is gone they start its part again.
Each move comes with a sentence telling the player what happened.
"""

from __future__ import annotations

from dataclasses import replace

from ..story import model as m
from .runner import placed_at, review_position, settle
from .state import PlayState


def relocate(story: m.Story, state: PlayState) -> tuple[PlayState, str]:
    """The state placed in `story`, and a notice for the player ("" if nothing moved)."""
    scene = story.scenes.get(state.scene)
    if state.review:  # going over missed questions: back to the question, wherever it is now
        if scene is not None and scene.digest == state.scene_digest:
            return state, ""
        return review_position(story, replace(state, attempt=None, feedback=None)), ""
    if scene is not None:
        unchanged = scene.digest == state.scene_digest and 0 <= state.pc < len(scene.ops)
        if unchanged and (
            state.ended_part is not None
            or state.feedback is not None
            or isinstance(scene.ops[state.pc], m.WAITING_OPS)
        ):
            return state, ""
        if state.label is not None and state.label in scene.labels:
            pc = scene.labels[state.label]
            notice = (
                f"The scene \u201c{scene.title}\u201d has changed since then, so you are back at "
                "a moment just before where you were."
            )
        else:
            pc = 0
            notice = f"The scene \u201c{scene.title}\u201d has changed since then, so you are back at its start."
        return _place(story, state, scene, pc), notice
    part_id = state.part if story.has_part(state.part) else None
    if part_id is None:
        part_id = story.parts[0].id
        where = f"the start of {story.parts[0].title}"
    else:
        where = f"the start of {story.part(part_id).title}"
    first = story.scenes[story.part(part_id).first_scene]
    notice = f"The scene you were in is no longer in the story, so you are at {where}."
    return _place(story, state, first, 0), notice


def _place(story: m.Story, state: PlayState, scene: m.Scene, pc: int) -> PlayState:
    return settle(story, placed_at(state, scene, pc))
