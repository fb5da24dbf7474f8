"""Homework for teachers: assignments, results, the gradebook and xAPI, with no server.

The few calls a front end needs (the window and the terminal player use the same ones):

    assignment, diagnostics = load_assignment(path, story)   # None and errors if it is wrong
    print(brief_text(assignment, story))                      # what the student reads first
    recorder = HomeworkRecorder(story, assignment, profile)   # one student's homework
    state, notice = recorder.resume()                         # carry on, or (None, "")
    state = state or recorder.new_state(seed=...)             # assignment.rules() apply
    recorder.levels(state)                                    # the level menu: LevelStatus
    state = recorder.enter_level(state, level_id)
    recorder.touch()                                          # on every key press or click
    recorder.save(state, finished=...)                        # results + report page

`write_results(profile, assignment, story, state, finished=...)` does the writing alone.
"""

from .assignment import Assignment, brief_text, load_assignment, parse_assignment
from .recorder import HomeworkRecorder, LevelStatus
from .results import ResultsError, ResultsFiles, read_results, write_results

__all__ = [
    "Assignment",
    "HomeworkRecorder",
    "LevelStatus",
    "ResultsError",
    "ResultsFiles",
    "brief_text",
    "load_assignment",
    "parse_assignment",
    "read_results",
    "write_results",
]
