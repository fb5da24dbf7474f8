"""The terminal player: the whole game as plain text, on the same runner as the window.

It is also how screen-reader users play, so it prints plain words only: no colours, no boxes,
no symbols that read badly aloud.  Every prompt says what can be typed; anything else gets a
short answer saying what was expected, and nothing is lost.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from . import saves
from .classroom import Assignment, HomeworkRecorder, brief_text, load_assignment
from .play import runner, scores
from .play.relocate import relocate
from .play.state import Feedback, FlagValue, PlayState, Rules
from .story import schema as s
from .story.model import Story
from .story.watch import StoryWatcher, flag_values, writer_info

HELP = """\
While reading, press Enter to go on. You can also type:
  s  save          l  load          b  go back to an earlier line
  j  journal       g  glossary      p  people in the story
  q  save and quit to the menu      ?  this help
  w  where am I (for writers)       /reload  read changed scene files again
At a question: h for a hint, r to re-read the scene from the moment it asks about.
When typing an answer, start commands with a slash: /h, /r, /q."""


MOVED, STAYED = "moved", "stayed"
_LIST_ITEM = re.compile(r"^\s+(- |\d+\. )")
"""A list line ("  - ...", "  2. ..."): its wrapped lines hang under its text."""


class QuitToMenu(Exception):
    """The player asked to leave the story (it has been autosaved)."""


class EndOfInput(Exception):
    """Standard input closed: save and stop."""


class TextPlayer:
    def __init__(
        self,
        story: Story,
        store: saves.SaveStore,
        *,
        read: Callable[[str], str] | None = None,
        out: TextIO | None = None,
        width: int | None = None,
        rules: Rules | None = None,
        profile_name: str | None = None,
        assignment: Assignment | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
        watcher: StoryWatcher | None = None,
    ) -> None:
        self.story = story
        self.watcher = watcher
        """Reloads the story when its files change (hot reload for writers), if given."""
        self.store = store
        self._read = read or input
        self.out = out or sys.stdout
        columns = width or shutil.get_terminal_size((80, 24)).columns
        self.width = max(40, min(columns, 100) - 2)
        self.base_rules = rules
        self.profile_name = profile_name
        self.profile: saves.Profile | None = None
        self.session: runner.Session | None = None
        self.assignment = assignment
        self.clock = clock
        self.now = now
        self.recorder: HomeworkRecorder | None = None
        """Set while homework is being played: it keeps the time and writes the results."""
        self._timer: tuple[str, float] | None = None
        """The question being answered and when it was shown (or last tried)."""

    # ------------------------------------------------------------------ output

    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            print(file=self.out)
            return
        for paragraph in text.split("\n"):
            item = _LIST_ITEM.match(paragraph)
            hanging = indent + " " * len(item.group(0)) if item else indent
            wrapped = textwrap.fill(
                paragraph, self.width, initial_indent=indent, subsequent_indent=hanging
            )
            print(wrapped if paragraph else "", file=self.out)

    def ask(self, prompt: str) -> str:
        try:
            answer = self._read(prompt)
        except EOFError:
            raise EndOfInput from None
        if self.recorder is not None:
            self.recorder.touch()
        return answer.strip()

    # ------------------------------------------------------------------ start

    def run(
        self,
        *,
        part: str | None = None,
        scene: str | None = None,
        flags: Mapping[str, FlagValue] | None = None,
    ) -> int:
        """Play until the player quits; returns an exit code."""
        try:
            self.profile = self.choose_profile()
            self.say()
            self.say(self.story.title)
            self.say(self.story.content_note)
            if self.assignment is not None:
                self.homework(self.assignment)
            elif part or scene or flags:
                self.play(
                    runner.start(
                        self.story,
                        part=part,
                        scene=scene,
                        rules=self.rules(),
                        seed=self.seed(),
                        flags=flags,
                    )
                )
            self.menu()
        except EndOfInput:
            self.autosave()
            self.say()
            self.say("Goodbye.")
        return 0

    def rules(self) -> Rules:
        rules = self.base_rules or Rules()
        age = self.profile.settings.get("age_mode") if self.profile else None
        if self.base_rules is None and age in ("11-13", "14+"):
            rules = replace(rules, age_mode=age)
        return rules

    def seed(self) -> int:
        return sum(ord(ch) for ch in self.profile.id) if self.profile else 0

    def choose_profile(self) -> saves.Profile:
        if self.profile_name:
            found = self.store.find(self.profile_name)
            return found or self.store.create_profile(self.profile_name)
        profiles = self.store.profiles()
        while True:
            if profiles:
                self.say("Who is playing?")
                for number, profile in enumerate(profiles, start=1):
                    self.say(f"  {number}. {profile.nickname}")
                self.say("  n. A new player")
                answer = self.ask("Type a number, or n: ")
                if answer.isdigit() and 1 <= int(answer) <= len(profiles):
                    return profiles[int(answer) - 1]
                if answer.lower() != "n":
                    self.say(f"Type a number from 1 to {len(profiles)}, or n for a new player.")
                    continue
            nickname = self.ask("Choose a nickname (not your real full name): ")
            try:
                profile = self.store.create_profile(nickname)
            except saves.SaveError as problem:
                self.say(str(problem))
                continue
            self.say(f"Hello, {profile.nickname}.")
            return profile

    def menu(self) -> None:
        assert self.profile is not None
        while True:
            latest = saves.latest_slot(self.profile)
            self.say()
            self.say("Menu")
            if latest:
                self.say(f"  c. Continue ({latest.part_title}: {latest.scene_title})")
            self.say("  n. New game (from the start)")
            self.say("  p. Choose a part")
            self.say("  l. Load a saved game")
            self.say("  h. Homework (open the file your teacher gave you)")
            self.say("  g. Glossary")
            age = self.rules().age_mode
            self.say(f"  a. Age setting (now {age})")
            self.say("  q. Quit")
            choice = self.ask("Type a letter: ").lower()
            if choice == "c" and latest:
                self.play_loaded(self.load_slot(latest.slot))
            elif choice == "n":
                self.play(runner.start(self.story, rules=self.rules(), seed=self.seed()))
            elif choice == "p":
                self.choose_part()
            elif choice == "l":
                self.play_loaded(self.load_menu())
            elif choice == "g":
                self.show_glossary()
            elif choice == "h":
                self.open_homework()
            elif choice == "a":
                self.toggle_age()
            elif choice == "q":
                self.say("Goodbye.")
                return
            else:
                self.say("Type one of the letters shown.")

    def toggle_age(self) -> None:
        assert self.profile is not None
        new = "14+" if self.rules().age_mode == "11-13" else "11-13"
        self.profile.settings["age_mode"] = new
        self.store.write_profile(self.profile)
        self.say(
            "Age setting: 11-13. A few older moments are told as short summaries."
            if new == "11-13"
            else "Age setting: 14+. The whole story is told."
        )

    def choose_part(self) -> None:
        finished = set(self.finished_parts())
        rules = self.rules()
        open_ids: list[str] = []
        for number, part in enumerate(self.story.parts, start=1):
            previous = self.story.parts[number - 2].id if number > 1 else None
            unlocked = previous is None or previous in finished
            allowed = rules.open_parts is None or part.id in rules.open_parts
            status = (
                "finished" if part.id in finished else "open" if unlocked and allowed else "locked"
            )
            self.say(f"  {number}. {part.title} ({status})")
            if status != "locked":
                open_ids.append(part.id)
        answer = self.ask("Type a part number, or Enter to go back: ")
        if not answer:
            return
        if not answer.isdigit() or not 1 <= int(answer) <= len(self.story.parts):
            self.say("There is no part with that number.")
            return
        part = self.story.parts[int(answer) - 1]
        if part.id not in open_ids:
            self.say(f"{part.title} opens when you finish the part before it.")
            return
        self.play(runner.start(self.story, part=part.id, rules=rules, seed=self.seed()))

    def finished_parts(self) -> list[str]:
        assert self.profile is not None
        value = self.profile.progress.get("finished_parts", [])
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    # ------------------------------------------------------------------ homework

    def open_homework(self) -> None:
        """Ask for the path of an assignment file, check it, and play it."""
        answer = self.ask(
            "Type the path of the homework file (e.g. hailsham.yaml), or Enter to go back: "
        )
        if not answer:
            return
        path = Path(answer.strip().strip("\"'"))
        if not path.is_file():
            self.say(f"There is no file {path}. Check the name and the folder with your teacher.")
            return
        assignment, diagnostics = load_assignment(path, self.story)
        if assignment is None:
            self.say("This homework file has mistakes, so it cannot be opened. Show your teacher:")
            for diagnostic in diagnostics:
                if diagnostic.is_error:
                    self.say(diagnostic.format(), indent="  ")
            return
        self.homework(assignment)

    def homework(self, assignment: Assignment) -> None:
        """The brief, then the level menu, until the student goes back to the main menu."""
        assert self.profile is not None
        recorder = HomeworkRecorder(
            self.story,
            assignment,
            self.profile,
            clock=self.clock,
            **({"now": self.now} if self.now else {}),
        )
        self.say()
        self.say(brief_text(assignment, self.story))
        state, notice = recorder.resume()
        if notice:
            self.say()
            self.say(notice)
        fresh = state is None
        if state is None:
            state = recorder.new_state(seed=self.seed())
        self.recorder = recorder
        try:
            while True:
                choice = self.level_menu(recorder, state, fresh)
                if choice is None:
                    return
                if choice != "":
                    state = recorder.enter_level(state, choice)
                fresh = False
                self.play(state)
                assert self.session is not None
                state = self.session.state
        finally:
            self.recorder = None

    def level_menu(self, recorder: HomeworkRecorder, state: PlayState, fresh: bool) -> str | None:
        """The homework's levels; a level id to start, "" to carry on, None to leave."""
        levels = recorder.levels(state)
        in_progress = (
            state.ended_part is None
            and state.level is not None
            and state.level not in state.finished_levels
        )
        while True:
            self.say()
            self.say(f"Homework: {recorder.assignment.title}")
            for number, level in enumerate(levels, start=1):
                if level.finished:
                    verdict = "passed" if level.passed else "not passed"
                    status = (
                        f"done: {fmt(level.score.earned)} of {level.score.possible} points "
                        f"({level.score.percent:.0f}%), {verdict}"
                    )
                elif in_progress and level.id == state.level and not fresh:
                    status = "started"
                else:
                    status = "not started"
                self.say(f"  {number}. {level.title} ({level.questions} questions): {status}")
            current = next((lv for lv in levels if lv.id == state.level), None)
            if in_progress and current is not None:
                self.say(f"  c. {'Start' if fresh else 'Carry on'}: {current.title}")
            self.say("  b. Read the brief again")
            self.say("  q. Back to the menu")
            if recorder.done(state):
                self.say("You have finished every level. Your results are saved.")
            answer = self.ask("Type a letter or a level number: ").lower()
            if answer == "c" and in_progress:
                return ""
            if answer.isdigit() and 1 <= int(answer) <= len(levels):
                chosen = levels[int(answer) - 1]
                return "" if in_progress and chosen.id == state.level else chosen.id
            if answer == "b":
                self.say(brief_text(recorder.assignment, self.story))
            elif answer == "q":
                return None
            else:
                self.say(f"Type a level number from 1 to {len(levels)}, b or q.")

    def save_homework(self) -> None:
        """Write the results (and the page to hand in); say so if the disk refuses."""
        assert self.recorder is not None and self.session is not None
        state = self.session.state
        try:
            self.recorder.save(state, finished=self.recorder.done(state))
        except OSError as error:
            self.say(f"Could not save your homework results: {error.strerror}.")

    # ------------------------------------------------------------------ saving

    def autosave(self) -> None:
        if self.recorder is not None and self.session is not None:
            self.save_homework()
            return
        if self.profile is not None and self.session is not None:
            try:
                saves.write_save(self.profile, "auto", self.session.state, self.story)
            except OSError as error:
                self.say(f"Could not autosave: {error.strerror}.")

    def save_menu(self) -> None:
        assert self.profile is not None and self.session is not None
        if self.recorder is not None:
            self.say("Homework saves itself at every new scene and when you leave.")
            return
        answer = self.ask("Save in which slot (1-9)? Enter to cancel: ")
        if not answer:
            return
        if answer not in saves.SLOTS:
            self.say("Slots are numbered 1 to 9.")
            return
        try:
            saves.write_save(self.profile, answer, self.session.state, self.story)
        except OSError as error:
            self.say(f"Could not save: {error.strerror}. Your game is still here.")
            return
        self.say(f"Saved in slot {answer}.")

    def play_loaded(self, state: PlayState | None) -> None:
        if state is not None:
            self.play(state)

    def load_menu(self) -> PlayState | None:
        """Let the player pick a save; the state to play, or None if nothing was loaded."""
        assert self.profile is not None
        if self.recorder is not None:
            self.say("Saved games cannot be opened during homework: quit it first (q).")
            return None
        slots = saves.list_slots(self.profile)
        if not slots:
            self.say("There are no saved games yet.")
            return None
        for info in slots:
            name = {"auto": "autosave", "quick": "quicksave"}.get(info.slot, f"slot {info.slot}")
            if info.damaged:
                self.say(f"  {info.slot}. {name}: cannot be opened. {info.damaged}")
            else:
                self.say(
                    f"  {info.slot}. {name}: {info.part_title}, {info.scene_title} ({info.saved_at})"
                )
        answer = self.ask("Type the slot to load (e.g. 1 or auto), or Enter to go back: ").lower()
        if not answer:
            return None
        return self.load_slot(answer)

    def load_slot(self, slot: str) -> PlayState | None:
        assert self.profile is not None
        try:
            loaded = saves.read_save(self.profile, slot)
        except saves.SaveError as problem:
            self.say(str(problem))
            return None
        if loaded.notice:
            self.say(loaded.notice)
        state, notice = relocate(self.story, loaded.state)
        if notice:
            self.say(notice)
        return state

    # ------------------------------------------------------------------ playing

    def play(self, state: PlayState) -> None:
        """Play from `state` until the player quits to the menu or the story ends."""
        self.session = runner.Session(self.story, state)
        self._timer = None
        last_scene = ""
        last_setting = ("", "")
        try:
            while True:
                self.reload_if_changed()
                step = self.session.step
                where = step.where
                if where.scene != last_scene:
                    if last_scene:
                        self.autosave()
                    self.say()
                    self.say(
                        f"{where.part_title}: {where.scene_title} (scene {where.scene_number} of {where.scenes_in_part})"
                    )
                    last_scene = where.scene
                if (where.background, where.time) != last_setting:
                    self.describe_setting(where.background, where.time)
                    last_setting = (where.background, where.time)
                if isinstance(step, runner.LineStep):
                    self.show_line(step)
                elif isinstance(step, runner.ChoiceStep):
                    self.make_choice(step)
                elif isinstance(step, runner.QuestionStep):
                    self.ask_question(step)
                elif isinstance(step, runner.FeedbackStep):
                    self.show_feedback(step.feedback)
                    if self.wait_for_enter():
                        self.session.advance()
                elif isinstance(step, runner.PartEndStep) and not self.end_of_part(step):
                    return
        except QuitToMenu:
            self.say("Your place is saved.")
        finally:
            self.autosave()

    def describe_setting(self, background: str, time: str) -> None:
        place = self.story.backgrounds.get(background)
        name = place.name if place else background
        self.say(f"[{'Now' if time == 'present' else 'A memory'}: {name}]")

    def show_line(self, step: runner.LineStep) -> None:
        assert self.session is not None
        self.say()
        if step.kind == "quote":
            who = f"{step.speaker_name}, " if step.speaker_name else ""
            self.say(f"From the novel ({who}chapter {step.chapter}):")
            self.say(f"\u201c{step.text}\u201d", indent="  ")
        elif step.speaker_name:
            self.say(f"{step.speaker_name}: {step.text}")
        else:
            self.say(step.text)
        if self.wait_for_enter():
            self.session.advance()

    def wait_for_enter(self) -> bool:
        """Wait for Enter, running any commands typed meanwhile.

        True when Enter was pressed; False when a command (going back, loading) moved the
        player somewhere else, so the caller must not move on.
        """
        while True:
            answer = self.ask("")
            if not answer:
                return True
            outcome = self.command(answer.lstrip("/").lower())
            if outcome is None:
                self.say("Press Enter to go on, or ? for help.")
            elif outcome == MOVED:
                return False

    def command(self, word: str) -> str | None:
        """Run a command typed at a prompt: MOVED if it changed the place, STAYED, or None."""
        assert self.session is not None
        before = self.session.state
        if word == "?":
            self.say(HELP)
        elif word == "s":
            self.save_menu()
        elif word == "l":
            loaded = self.load_menu()
            if loaded is not None:
                self.session.state = loaded
        elif word == "b":
            self.go_back()
        elif word == "j":
            self.show_journal()
        elif word == "g":
            self.show_glossary()
        elif word == "p":
            self.show_people()
        elif word == "q":
            raise QuitToMenu
        elif word == "w":
            self.show_writer_info()
        elif word == "reload":
            self.reload_if_changed(force=True)
        else:
            return None
        moves = ("b", "l", "reload")
        return MOVED if self.session.state is not before and word in moves else STAYED

    # ------------------------------------------------------------------ for writers

    def reload_if_changed(self, *, force: bool = False) -> None:
        """Hot reload: read the story again if a scene file changed (or when asked)."""
        if self.watcher is None or self.session is None:
            if force:
                self.say("There is nothing to reload: no scenes folder is being watched.")
            return
        if not force and not self.watcher.poll():
            return
        if self.recorder is not None:
            if force:
                self.say("The story is not reloaded during homework.")
            return
        story, state, notice, problems = self.watcher.reload(self.session.state)
        for problem in problems[:5]:
            self.say(problem.format())
        if len(problems) > 5:
            self.say(f"... and {len(problems) - 5} more (memories lint shows them all).")
        self.say(notice)
        assert state is not None
        self.story = story
        self.session.story, self.session.state = story, state

    def show_writer_info(self) -> None:
        assert self.session is not None
        info = writer_info(self.story, self.session.state)
        self.say(f"Scene: {info.scene}")
        self.say(f"File: {info.path}:{info.line}")
        if info.label:
            self.say(f"After the label: {info.label}")
        flags = self.session.state.flags
        self.say("Flags: " + (flag_values(flags) if flags else "none set"))

    def go_back(self) -> None:
        assert self.session is not None
        history = self.session.state.history
        if len(history) < 2:
            self.say("There is nothing earlier to go back to yet.")
            return
        first = max(0, len(history) - 11)
        self.say("Earlier lines:")
        for index in range(first, len(history) - 1):
            entry = history[index]
            who = self.story.speaker_name(entry.speaker)
            text = f"{who}: {entry.text}" if who else entry.text
            mark = "" if runner.can_rollback_to(self.session.state, index) else " (locked)"
            self.say(f"  {index - first + 1}. {shorten(text, self.width - 8)}{mark}")
        answer = self.ask("Type a number to go back to that line, or Enter to stay: ")
        if not answer:
            return
        if not answer.isdigit() or not 1 <= int(answer) <= len(history) - 1 - first:
            self.say("There is no line with that number.")
            return
        try:
            self.session.rollback(first + int(answer) - 1)
        except runner.ActionError as problem:
            self.say(str(problem).capitalize() + ".")

    def make_choice(self, step: runner.ChoiceStep) -> None:
        assert self.session is not None
        self.say()
        if step.prompt:
            self.say(step.prompt)
        for number, option in enumerate(step.options, start=1):
            self.say(f"  {number}. {option}")
        while True:
            answer = self.ask(f"Choose 1 to {len(step.options)}: ")
            if answer.isdigit() and 1 <= int(answer) <= len(step.options):
                self.session.choose(int(answer) - 1)
                return
            outcome = self.command(answer.lstrip("/").lower()) if answer else None
            if outcome == MOVED:
                return
            if outcome == STAYED:
                continue
            self.say(f"Type a number from 1 to {len(step.options)}.")

    # ------------------------------------------------------------------ questions

    def ask_question(self, step: runner.QuestionStep) -> None:
        assert self.session is not None
        checkpoint = step.checkpoint
        self.say()
        skill = checkpoint.skill
        points = f"{checkpoint.points} point{'s' if checkpoint.points != 1 else ''}"
        self.say(f"Question. Theme: {step.theme_name}. Skill: {skill}. {points}.")
        if step.already_answered:
            self.say(
                "(You answered this before; this try is practice and does not change your score.)"
            )
        if step.review_round:
            self.say(
                f"(Another go, round {step.review_round}: you missed this question earlier. "
                "A right answer now earns half its points.)"
            )
        self.say(checkpoint.question)
        if step.tries_left < step.tries_allowed:
            self.say(f"Tries left: {step.tries_left}.")
        if step.hint:
            self.say(f"Hint: {step.hint}")
        if self._timer is None or self._timer[0] != checkpoint.id:
            self._timer = (checkpoint.id, self.clock())
        response = self.read_response(step)
        if response is None:
            return
        started = self._timer[1] if self._timer else self.clock()
        moment = self.clock()
        try:
            feedback = self.session.answer(response, seconds=max(moment - started, 0.0))
        except runner.ActionError as problem:
            self.say(str(problem).capitalize() + ".")
            return
        self._timer = None if feedback.final else (checkpoint.id, moment)
        if not feedback.final:
            self.show_feedback(feedback)

    def read_response(self, step: runner.QuestionStep) -> object | None:
        """Ask for an answer in the form the kind of checkpoint needs; None after a command."""
        checkpoint = step.checkpoint
        kind = checkpoint.kind
        if kind in ("single", "evidence", "multiple"):
            for number, text in enumerate(step.choices, start=1):
                self.say(f"  {number}. {text}")
        elif kind == "true_false":
            self.say("  1. True\n  2. False")
        elif kind == "order":
            self.say("These are in the wrong order:")
            for number, text in enumerate(step.choices, start=1):
                self.say(f"  {number}. {text}")
        elif kind == "match":
            assert isinstance(checkpoint, s.MatchPairs)
            self.say(f"{checkpoint.left_title}:")
            for number, pair in enumerate(checkpoint.pairs):
                self.say(f"  {chr(65 + number)}. {pair.left}")
            self.say(f"{checkpoint.right_title}:")
            for number, text in enumerate(step.choices, start=1):
                self.say(f"  {number}. {text}")
        prompts = {
            "single": f"Choose 1 to {len(step.choices)}",
            "evidence": f"Choose the sentence, 1 to {len(step.choices)}",
            "multiple": "Type every right number, e.g. 1 3",
            "true_false": "Type t for true or f for false",
            "order": "Type the numbers in the right order, first event first, e.g. 3 1 2",
            "match": f"Type a number for each letter, in order A to {chr(64 + len(step.choices))}, e.g. 2 1 3",
            "short": "Type your answer",
            "free": "Type your answer (your teacher will read it"
            + ("; Enter to leave it out)" if step.may_skip else ")"),
        }
        typed = kind in ("short", "free")
        extra = " (/h hint, /r re-read)" if typed else " (h hint, r re-read)"
        while True:
            answer = self.ask(prompts[kind] + extra + ": ")
            if typed and not answer.startswith("/") and answer:
                return answer
            if typed and not answer and step.may_skip:
                return ""
            word = answer.lstrip("/").lower()
            if word == "h":
                self.give_hint()
                return None
            if word == "r":
                self.reread()
                continue
            if answer and (not typed or answer.startswith("/")):
                outcome = self.command(word)
                if outcome == MOVED:
                    return None
                if outcome == STAYED:
                    continue
            if typed:
                self.say("Type an answer first.")
                continue
            parsed = parse_response(kind, answer, len(step.choices))
            if isinstance(parsed, str):
                self.say(parsed)
                continue
            return parsed

    def give_hint(self) -> None:
        assert self.session is not None
        try:
            self.session.hint()
        except runner.ActionError as problem:
            self.say(str(problem).capitalize() + ".")

    def reread(self) -> None:
        assert self.session is not None
        lines = runner.reread(self.story, self.session.state)
        if not lines:
            self.say("There is nothing to re-read here.")
            return
        self.say("From the moment this question is about:")
        for entry in lines:
            who = self.story.speaker_name(entry.speaker)
            self.say(f"{who}: {entry.text}" if who else entry.text, indent="  ")

    def show_feedback(self, feedback: Feedback) -> None:
        self.say()
        self.say(feedback.message)
        if feedback.final and feedback.correct is False and feedback.right_answer:
            self.say(f"The answer: {feedback.right_answer}")
        if feedback.explanation:
            self.say(feedback.explanation)
        if feedback.final and feedback.kind in ("single", "multiple", "evidence"):
            for option in feedback.options:
                if option.chosen and option.explain != feedback.explanation:
                    verdict = "right" if option.correct else "not right"
                    self.say(f"You chose: {option.text} ({verdict}). {option.explain}", indent="  ")
                elif option.correct and not option.chosen:
                    self.say(f"Right answer: {option.text}. {option.explain}", indent="  ")
        if feedback.final and feedback.kind in ("order", "match"):
            for option in feedback.options:
                verdict = "right" if option.correct else f"not right: {option.explain}"
                self.say(f"{option.text} ({verdict})", indent="  ")
        if feedback.final and feedback.correct is not None and not feedback.withheld:
            theme = self.story.themes.get(feedback.theme)
            if theme:
                self.say(f"Theme: {theme.name}. In the study guide: {theme.guide[0]}.")

    # ------------------------------------------------------------------ ends

    def end_of_part(self, step: runner.PartEndStep) -> bool:
        """Show the part summary; True if play goes on into the next part."""
        assert self.session is not None and self.profile is not None
        if step.level is not None:
            return self.end_of_level(step)
        state = self.session.state
        finished = self.finished_parts()
        if step.part not in finished:
            self.profile.progress["finished_parts"] = [*finished, step.part]
            self.store.write_profile(self.profile)
        records = list(state.answers.values())
        total = scores.overall(records, step.part)
        self.say()
        self.say(f"The end of {step.part_title}.")
        if total.possible:
            self.say(
                f"You scored {fmt(total.earned)} out of {total.possible} ({total.percent:.0f}%)."
            )
            self.say("By theme:")
            by_theme = scores.by_key(records, "theme", step.part)
            for theme_id in [t for t in self.story.themes if t in by_theme]:  # story.yaml's order
                score = by_theme[theme_id]
                self.say(
                    f"{self.story.themes[theme_id].name}: {fmt(score.earned)} of "
                    f"{score.possible} ({score.percent:.0f}%)",
                    indent="  ",
                )
            self.say("By reading skill:")
            for skill in ("retrieve", "infer", "explain", "evaluate"):
                score = scores.by_key(records, "skill", step.part).get(skill)
                if score:
                    self.say(
                        f"{skill}: {fmt(score.earned)} of {score.possible} ({score.percent:.0f}%)",
                        indent="  ",
                    )
            revisit = scores.to_revisit(records, step.part)
            if revisit:
                self.say("Worth another look:")
                for record in revisit:
                    scene = self.story.scenes.get(record.scene)
                    self.say(
                        f"{self.question_text(record.checkpoint)} (in: "
                        f"{scene.title if scene else record.scene})",
                        indent="  ",
                    )
        for feedback in step.withheld:
            self.say()
            self.say(f"Question: {self.question_text(feedback.checkpoint)}")
            self.show_feedback(replace(feedback, withheld=False))
        self.say()
        if step.next_part is None:
            self.say("This is the end of the story. Thank you for playing.")
            self.ask("Press Enter to return to the menu.")
            return False
        next_title = self.story.part(step.next_part).title
        answer = self.ask(f"Press Enter to go on to {next_title}, or q for the menu: ").lower()
        if answer == "q":
            return False
        self.session.advance()
        return True

    def end_of_level(self, step: runner.PartEndStep) -> bool:
        """A homework level's summary; saves the results. True if play goes on."""
        assert self.session is not None
        records = list(self.session.state.answers.values())
        score = step.score
        pass_mark = self.session.state.rules.pass_mark
        self.say()
        self.say(f"The end of {step.level_title}.")
        if score.possible:
            verdict = "You passed." if step.passed else "Not passed yet."
            self.say(
                f"You scored {fmt(score.earned)} out of {score.possible} ({score.percent:.0f}%). "
                f"The pass mark is {pass_mark:g}%. {verdict}"
            )
        if step.review_rounds:
            rounds = f"{step.review_rounds} round{'s' if step.review_rounds != 1 else ''}"
            self.say(f"You went over the questions you missed in {rounds}.")
        by_theme = scores.by_key(records, "theme", level=step.level)
        if by_theme:
            self.say("By theme:")
            for theme_id, theme_score in sorted(by_theme.items()):
                theme = self.story.themes.get(theme_id)
                self.say(
                    f"  {theme.name if theme else theme_id}: {fmt(theme_score.earned)} of "
                    f"{theme_score.possible} ({theme_score.percent:.0f}%)"
                )
        for feedback in step.withheld:
            self.say()
            self.say(f"Question: {self.question_text(feedback.checkpoint)}")
            self.show_feedback(replace(feedback, withheld=False))
        if self.recorder is not None:
            try:
                files = self.recorder.save(
                    self.session.state, finished=self.recorder.done(self.session.state)
                )
                self.say(f"Your results are saved. To print or hand in: {files.report}")
            except OSError as error:
                self.say(f"Could not save your homework results: {error.strerror}.")
        self.say()
        if step.next_level is None:
            self.say("That was the last level: the homework is finished. Well done.")
            self.ask("Press Enter to return to the menu.")
            return False
        answer = self.ask(
            f"Press Enter to go on to {step.next_title}, or q for the homework menu: "
        ).lower()
        if answer == "q":
            return False
        self.session.advance()
        return True

    def question_text(self, checkpoint_id: str) -> str:
        try:
            return self.story.checkpoint(checkpoint_id).question
        except KeyError:
            return checkpoint_id

    # ------------------------------------------------------------------ reference

    def show_journal(self) -> None:
        assert self.session is not None
        entries = self.session.state.journal
        if not entries:
            self.say("Your journal is empty so far. Memories are added as you play.")
            return
        self.say("Journal:")
        for part in self.story.parts:
            mine = [e for e in entries if e.part == part.id]
            if mine:
                self.say(f"{part.title}:")
                for entry in mine:
                    theme = self.story.themes.get(entry.theme or "")
                    suffix = f" ({theme.name})" if theme else ""
                    self.say(f"- {entry.text}{suffix}", indent="  ")

    def show_glossary(self) -> None:
        self.say("Glossary:")
        for entry in self.story.glossary:
            self.say(f"{entry.term}: {entry.definition}", indent="  ")

    def show_people(self) -> None:
        self.say("People in the story:")
        for character in self.story.characters.values():
            if character.note:
                self.say(f"{character.name}: {character.note}", indent="  ")


def shorten(text: str, width: int) -> str:
    return textwrap.shorten(text, width=max(width, 20), placeholder="...")


def fmt(number: float) -> str:
    return f"{number:g}"


def parse_response(kind: str, answer: str, count: int) -> object:
    """A typed answer turned into a runner response, or a sentence saying what to type."""
    words = answer.replace(",", " ").split()
    if kind == "true_false":
        lowered = answer.lower()
        if lowered in ("t", "true", "1", "yes", "y"):
            return True
        if lowered in ("f", "false", "2", "no", "n"):
            return False
        return "Type t for true or f for false."
    numbers: list[int] = []
    for word in words:
        if not word.isdigit() or not 1 <= int(word) <= count:
            return f"Use numbers from 1 to {count}."
        numbers.append(int(word) - 1)
    if kind in ("single", "evidence"):
        if len(numbers) != 1:
            return f"Type one number from 1 to {count}."
        return numbers[0]
    if kind == "multiple":
        if not numbers:
            return "Type at least one number."
        return sorted(set(numbers))
    if len(numbers) != count or len(set(numbers)) != count:
        return f"Type all {count} numbers, each once, e.g. {' '.join(str(n) for n in range(count, 0, -1))}."
    return numbers
