"""Every screen of the window player, driven by real key and mouse events through its loop.

The assertions are about what a player would notice: the line shown, the choice taken, the
answer graded, the setting kept, the save listed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
import pytest

from game import saves
from game.ui import look
from game.ui import text as tx
from tests.helpers import MINI
from tests.ui.conftest_helpers import answer_any, new_player, play_to_summary, to_question
from tests.ui.driver import Driver


def profile_data(saves_dir: Path) -> dict:
    [path] = saves_dir.glob("*/profile.json")
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- first run


def test_first_run_makes_a_player_and_offers_reading_settings(tmp_path: Path) -> None:
    d = Driver(MINI, tmp_path)
    assert d.screen_name == "new-player"
    assert "Not your full name" in d.text
    d.key("enter")  # nothing typed yet
    assert "Type a nickname" in d.text
    d.type("Kit").key("enter")
    assert d.screen_name == "settings"
    assert "Text size: 100%" in d.text and "Font: Atkinson Hyperlegible" in d.text
    assert "Colours: Cream paper" in d.text
    d.key("right")  # the focus starts on text size
    assert "Text size: 125%" in d.text
    assert profile_data(tmp_path)["settings"]["text_size"] == 125
    d.focus("Start").key("enter")
    assert d.screen_name == "title"
    assert "Playing as Kit" in d.text
    assert "A test story." in d.text  # the content note


def test_a_second_launch_asks_who_is_playing(tmp_path: Path) -> None:
    new_player(tmp_path, nickname="Kit")
    d = Driver(MINI, tmp_path)
    assert d.screen_name == "profile"
    assert "Kit" in d.text and "A new player" in d.text
    d.key("enter")
    assert d.screen_name == "title" and "Playing as Kit" in d.text


def test_profile_option_skips_the_question(tmp_path: Path) -> None:
    d = Driver(MINI, tmp_path, profile="Robin")
    assert d.screen_name == "title"
    assert "Playing as Robin" in d.text


# --------------------------------------------------------------------------- reading


def test_new_game_shows_the_first_line_typing_out_and_a_key_completes_it(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.app.ctx.save_settings(d.app.ctx.settings.with_(text_speed="slow"))
    d.key("enter")  # New game has the focus
    assert d.screen_name == "play/LineView"
    assert d.text == "Line one."
    view = d.top.view
    view.shown = 0
    assert view.typing()
    d.key("space")  # completes the line, does not move on
    assert not view.typing() and d.text == "Line one."
    d.key("space")
    assert d.text == "Tommy: Line two."


def test_scene_shows_part_progress_and_time_of_life(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter")
    info = " ".join(text for text, _, _ in d.top._info_lines())
    assert "Part One: The opening" in info
    assert "Scene 1 of 2" in info and "Now" in info
    d.key("space", times=2)  # the setting changes to a memory before the choice
    info = " ".join(text for text, _, _ in d.top._info_lines())
    assert "A memory" in info


def test_choices_by_number_key_by_arrows_and_by_mouse(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter").key("space", times=2)
    assert d.screen_name == "play/ChoiceView"
    assert "Pick one." in d.text
    d.key("2")
    assert d.app.ctx.session.state.flags.get("secret") is True
    assert d.text == "You kept the secret."
    # back to the choice through the history, then the mouse
    d.key("h")
    assert d.screen_name == "history"
    d.focus("line-1").key("enter")
    assert d.screen_name == "confirm"
    d.key("enter")
    assert d.text == "Tommy: Line two."
    d.key("space")
    d.click_on("Kind")
    assert d.text == "You were kind."
    assert d.app.ctx.session.state.flags.get("kindness") == 1


def test_wheel_up_opens_the_history_and_escape_returns(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter").key("space")
    d.wheel(1)
    assert d.screen_name == "history"
    assert "Line one." in d.text and "(you are here)" in d.text
    d.key("esc")
    assert d.screen_name == "play/LineView"


def test_locked_history_lines_cannot_be_chosen(tmp_path: Path) -> None:
    from dataclasses import replace

    d = new_player(tmp_path)
    d.key("enter")
    to_question(d)
    pick(d, "Tommy").key("enter")  # answer it (right)
    session = d.app.ctx.session
    session.state = replace(session.state, rules=replace(session.state.rules, lock_answered=True))
    d.key("enter")  # go on past the feedback
    d.key("esc").click_on("History")
    assert "(locked by your teacher)" in d.text


# --------------------------------------------------------------------------- checkpoints


def test_single_choice_wrong_then_hint_then_explanation_with_theme(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter")
    to_question(d)
    assert "Who spoke line two?" in d.text and "Theme: Friendship" in d.text
    d.focus("Check").key("enter")
    assert "Choose an answer first." in d.text
    pick(d, "Kathy").key("enter")
    assert "Not quite" in d.text and "1 try left" in d.text
    d.key("h")
    assert "Hint: Look at the speaker." in d.text
    d.key("r")
    assert d.screen_name == "reread" and "Tommy: Line two." in d.text
    d.key("esc")
    pick(d, "Kathy").key("enter")
    assert d.screen_name == "play/FeedbackView"
    assert "Not this time" in d.text and "The answer: Tommy" in d.text
    assert "Theme: Friendship. In the study guide: The Power of Friendship." in d.text
    record = d.app.ctx.session.state.answers["q_single"]
    assert record.correct is False and record.hints == 1 and record.tries == 2


def pick(d: Driver, text: str) -> Driver:
    """Press the number key of the option showing `text` (options are shuffled per player)."""
    return d.key(str(d.top.view.step.choices.index(text) + 1))


def answer_through(d: Driver) -> None:
    """Answer the opening's two questions right and reach the middle scene's first question."""
    to_question(d)
    pick(d, "Tommy").key("enter").key("enter")  # single: Tommy
    d.key("t").key("enter").key("enter")  # true/false: true
    to_question(d)


def test_multiple_true_false_and_mouse_ticks(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter")
    answer_through(d)
    answers = d.app.ctx.session.state.answers
    assert answers["q_single"].correct and answers["q_tf"].correct
    assert "Which are true?" in d.text
    d.click_on("A").click_on("B")
    d.click_on("Check")
    assert "Yes, that's right." in d.text
    assert d.app.ctx.session.state.answers["q_multi"].correct


def test_order_by_keyboard_and_match_by_mouse(tmp_path: Path) -> None:
    from game.play import grading

    d = new_player(tmp_path)
    d.key("enter")
    answer_through(d)
    pick(d, "A")
    pick(d, "B").focus("Check").key("enter").key("enter")  # multiple
    assert "Order them." in d.text
    view = d.top.view
    step = view.step
    shown = grading.display_order(step.checkpoint, d.app.ctx.session.state.seed)
    # pick up and move cards with the keyboard until the order is right
    for target in range(len(shown)):
        row = view.arrangement.index(shown.index(target))
        d.focus(view.flow.focusables()[row].label)
        d.key("space")
        for _ in range(row - target):
            d.key("up")
        d.key("space")
    assert [step.choices[i] for i in view.arrangement] == ["first", "second", "third"]
    d.focus("Check").key("enter")
    assert d.app.ctx.session.state.answers["q_order"].correct
    d.key("enter")
    assert "Match them." in d.text
    view = d.top.view
    cp = view.cp
    # use the up and down buttons on each card with the mouse
    want = [pair.right for pair in cp.pairs]
    for row in range(len(want)):
        at = next(r for r in range(len(want)) if view.card_text(r) == want[row])
        for current in range(at, row, -1):
            card = next(w for w in view.flow.focusables() if getattr(w, "index", None) == current)
            rect = view.flow.screen_rect(card)
            _, up, _, _ = card._split(rect, d.app.style)
            d.click(up.center)
        assert view.card_text(row) == want[row]
    d.click_on("Check")
    assert d.app.ctx.session.state.answers["q_match"].correct


def test_short_answer_field_edits_pastes_and_grades(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.ui import widgets

    d = new_player(tmp_path)
    d.key("enter")
    answer_through(d)
    for _ in range(3):  # multiple, order, match: any answer, to the end of their tries
        answer_any(d)
    assert "Which line?" in d.text
    pick(d, "Middle line.").key("enter").key("enter")
    assert "What colour was the shirt?" in d.text
    assert d.top.accepts_text
    d.type("pale blew")
    d.key("backspace", times=2).type("ue")
    assert d.top.view.field.value == "pale blue"
    d.key("home").key("end")
    d.key("a", ctrl=True)
    monkeypatch.setattr(widgets, "paste_text", lambda: "!")
    d.key("v", ctrl=True)
    assert d.top.view.field.value == "pale blue!"
    d.key("h")  # typed, not a shortcut for the hint
    assert d.top.view.field.value == "pale blue!h"
    d.key("backspace")
    # an input method's composition shows, then commits
    pygame.event.post(
        pygame.event.Event(pygame.TEXTEDITING, text="xy", start=0, length=2, window=None)
    )
    d.app.settle()
    assert d.top.view.field.composing == "xy"
    pygame.event.post(
        pygame.event.Event(pygame.TEXTEDITING, text="", start=0, length=0, window=None)
    )
    d.app.settle()
    d.key("enter")
    assert d.screen_name == "play/FeedbackView"
    assert d.app.ctx.session.state.answers["q_short"].correct


def test_free_text_needs_enough_words_and_thanks_the_player(tmp_path: Path) -> None:
    from game.play import runner

    d = new_player(tmp_path)
    d.key("enter")
    session = d.app.ctx.session
    # jump straight to the free-text question
    scene = session.story.scenes["middle"]
    pc = next(
        i
        for i, op in enumerate(scene.ops)
        if getattr(getattr(op, "checkpoint", None), "id", "") == "q_free"
    )
    from dataclasses import replace

    session.state = runner.settle(session.story, replace(session.state, scene="middle", pc=pc))
    d.top.reset_view()
    d.app.settle()
    assert "What do you think?" in d.text
    d.type("one").key("enter")
    assert "Write at least 2 words" in d.text
    d.type(" two").key("enter")
    assert "Thank you." in d.text
    assert session.state.answers["q_free"].correct is None


# --------------------------------------------------------------------------- end of part


def test_end_of_part_summary_charts_and_part_unlocks(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter")
    play_to_summary(d)
    assert d.screen_name == "play/SummaryView", d.text
    assert "The end of Part One" in d.text
    assert "You scored" in d.text
    assert "Friendship:" in d.text and "Retrieve:" in d.text
    assert "Worth another look" in d.text
    assert profile_data(tmp_path)["progress"]["finished_parts"] == ["one"]
    d.click_on("Title")
    d.click_on("Choose a part")
    assert "Part Two (Open)" in d.text


def test_withheld_feedback_is_shown_at_the_end(tmp_path: Path) -> None:
    from dataclasses import replace

    d = new_player(tmp_path)
    d.key("enter")
    session = d.app.ctx.session
    session.state = replace(session.state, rules=replace(session.state.rules, feedback="end"))
    to_question(d)
    pick(d, "Kathy").key("enter")
    assert "You will see how you did at the end of the part." in d.text
    play_to_summary(d)
    assert "Question: Who spoke line two?" in d.text
    assert "The answer: Tommy" in d.text


# --------------------------------------------------------------------------- saving


def test_autosave_at_scene_start_with_a_thumbnail_and_load_it(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter")
    profile = d.app.ctx.profile
    info = saves.latest_slot(profile)
    assert info is not None and info.slot == "auto" and info.scene_title == "The opening"
    assert info.thumbnail is not None and info.thumbnail.read_bytes()[:4] == b"\x89PNG"
    d.key("space")
    d.key("esc").click_on("Save")
    assert d.screen_name == "saveload" and "Slot 1: empty" in d.text
    d.focus("Slot 3").key("enter")
    assert "Saved in slot 3." in d.text
    assert (profile.saves_folder / "3.png").exists()
    d.key("esc").key("esc")
    d.key("space", times=3)
    d.key("esc").click_on("Load")
    assert "Slot 3: Part One, The opening" in d.text
    d.focus("Slot 3").key("enter")
    assert d.screen_name == "play/LineView" and d.text == "Tommy: Line two."


def test_quicksave_and_quickload_keys(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter").key("space")
    d.key("f6")
    assert "Quicksaved" in d.app.toast_text
    d.key("space", times=3)
    d.key("f9")
    assert d.text == "Tommy: Line two."


def test_continue_opens_the_latest_save(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter").key("space")
    d.key("esc").click_on("Title")
    assert "Continue: Part One, The opening" in d.text
    d.click_on("Continue")
    assert d.text == "Tommy: Line two."


# --------------------------------------------------------------------------- settings


def test_settings_change_at_once_and_are_kept_per_player(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.click_on("Settings")
    body = d.app.style.body.px
    d.focus("Text size").key("right", times=4)
    assert "Text size: 200%" in d.text
    assert d.app.style.body.px == 2 * body
    d.focus("Font").key("right", times=2)
    assert "Font: OpenDyslexic" in d.text
    d.focus("Colours").key("right", times=2)
    assert d.app.style.scheme.name == "high_contrast"
    d.focus("Text speed").key("right", times=2)
    d.focus("Line spacing").key("right")
    d.focus("Reduce motion").key("enter")
    settings = profile_data(tmp_path)["settings"]
    assert settings["text_size"] == 200 and settings["font"] == "opendyslexic"
    assert settings["scheme"] == "high_contrast" and settings["text_speed"] == "instant"
    assert settings["line_spacing"] == 1.75 and settings["reduce_motion"] is True
    d.key("esc")
    assert d.screen_name == "title"


def test_sound_controls_only_when_sound_works(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.click_on("Settings")
    if d.app.sound.available:
        assert "Sounds: On" in d.text and "Volume: 50%" in d.text
        d.focus("Sounds").key("enter")
        assert profile_data(tmp_path)["settings"]["sound"] is False
    else:
        assert "Sound: none on this computer" in d.text
    if d.app.speech.available:
        d.focus("Read lines aloud").key("enter")
        d.key("esc").click_on("New game")
        assert d.app.speech.spoken[-1] == "Line one."
    else:
        assert "espeak-ng" in d.text


def test_help_overlay_lists_the_keys(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("f1")
    assert d.screen_name == "help"
    for words in ("F6: quicksave", "F9: quickload", "F11: full screen", "1 to 9", "Tab"):
        assert words in d.text
    assert "OpenDyslexic by Abelardo Gonzalez" in d.text
    d.key("esc")
    d.key("?")
    assert d.screen_name == "help"


def test_journal_glossary_and_people(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.click_on("Glossary")
    assert "carer: Looks after donors." in d.text
    d.click_on("People")
    assert "Tommy: A boy." in d.text
    d.key("esc")
    d.click_on("New game")
    d.key("j")
    assert "Your journal is empty so far" in d.text
    d.key("esc")
    for _ in range(6):
        d.key("space") if d.screen_name != "play/ChoiceView" else d.key("1")
    d.key("j")
    assert "I remember the field." in d.text and "Memory" in d.text


# --------------------------------------------------------------------------- errors


def test_a_story_with_errors_shows_them_and_reloads_when_fixed(
    tmp_path: Path, scratch_story: Path
) -> None:
    opening = scratch_story / "one" / "opening.yaml"
    good = opening.read_text(encoding="utf-8")
    opening.write_text(good.replace("narrate: Line one.", "narate: Line one."), encoding="utf-8")
    d = Driver(scratch_story, tmp_path / "saves")
    assert d.screen_name == "error"
    assert "opening.yaml" in d.text and "narate" in d.text
    opening.write_text(good, encoding="utf-8")
    d.key("r")
    assert d.screen_name in ("new-player", "title"), d.text


def test_a_scene_broken_while_playing_keeps_the_game_and_the_save(
    tmp_path: Path, scratch_story: Path
) -> None:
    d = new_player(tmp_path / "saves", scenes=scratch_story)
    d.key("enter").key("space")
    before = saves.latest_slot(d.app.ctx.profile)
    middle = scratch_story / "one" / "middle.yaml"
    good = middle.read_text(encoding="utf-8")
    middle.write_text(
        good.replace("question: Which are true?", "questoin: Which are true?"), encoding="utf-8"
    )
    d.key("f5")
    assert d.screen_name == "error" and "middle.yaml" in d.text
    assert saves.latest_slot(d.app.ctx.profile).saved_at == before.saved_at
    middle.write_text(good, encoding="utf-8")
    d.key("r")
    assert d.screen_name == "play/LineView" and d.text == "Tommy: Line two."


def test_an_unexpected_error_shows_the_error_screen_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEMORIES_RAISE", raising=False)
    d = new_player(tmp_path)
    monkeypatch.setenv("MEMORIES_RAISE", "")
    d.key("enter")
    d.top.session.advance = lambda: (_ for _ in ()).throw(RuntimeError("boom"))
    d.key("space")
    assert d.screen_name == "error" and "boom" in d.text
    d.app.errors.clear()
    d.key("esc")
    assert d.screen_name == "title"


# --------------------------------------------------------------------------- look


def test_default_body_text_is_at_least_24px_and_targets_at_least_44px(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    assert d.app.style.body.px >= 24
    d.click_on("New game")
    d.key("esc")
    sizes = [
        r.height
        for flow in d.flows()
        for w in flow.focusables()
        if (r := flow.screen_rect(w)) is not None
    ]
    assert sizes and min(sizes) >= look.MIN_TARGET_PX


@pytest.mark.parametrize("scheme", list(look.SCHEMES))
def test_screens_draw_text_only_in_the_promised_readable_pairs(tmp_path: Path, scheme: str) -> None:
    d = new_player(tmp_path)
    d.app.ctx.save_settings(d.app.ctx.settings.with_(scheme=scheme))
    d.app.apply_settings()
    tx.record_pairs(True)
    try:
        d.key("f1").key("esc")
        d.click_on("New game")
        d.key("space", times=2).key("1")
        to_question(d)
        pick(d, "Kathy").key("enter")
        pick(d, "Kathy").key("enter")  # feedback with right and wrong marks
        d.key("esc").click_on("Save")
        d.key("esc").key("esc")
        d.key("h").key("esc")
        seen = tx.pairs_seen()
    finally:
        tx.record_pairs(False)
    promised = set(look.SCHEMES[scheme].text_pairs().values())
    assert seen, "no text was drawn"
    for fg, bg in seen:
        assert (fg, bg) in promised, f"{fg} on {bg} is not one of {scheme}'s text pairs"
        assert look.contrast_ratio(fg, bg) >= look.TEXT_CONTRAST_MIN


def test_the_layout_scales_with_the_window(tmp_path: Path) -> None:
    d = new_player(tmp_path, size=(1920, 1080))
    assert d.app.style.body.px == round(26 * 1.5)
    d2_px = look.text_px((800, 450))
    assert d2_px >= look.MIN_TEXT_PX
    pygame.event.post(
        pygame.event.Event(pygame.VIDEORESIZE, size=(800, 450), w=800, h=450, window=None)
    )
    d.app.settle()
    assert d.screen_name == "title"


def test_keyboard_only_tab_moves_focus_and_escape_goes_back(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    assert d.focused() == "New game"
    d.key("tab")
    assert d.focused() == "Load a saved game"
    d.key("tab", shift=True)
    assert d.focused() == "New game"
    d.focus("Choose a part").key("enter")
    assert d.screen_name == "parts"
    assert "Part Two (Locked): finish Part One first" in d.text
    d.key("esc")
    assert d.screen_name == "title"


def test_no_display_falls_back_to_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from game import launcher
    from game.ui import app as app_module

    def no_window(*args: object, **kwargs: object) -> None:
        raise pygame.error("no available video device")

    monkeypatch.setattr(app_module, "App", no_window)
    called = {}
    monkeypatch.setattr(launcher, "run", lambda args: called.setdefault("text", args.text) and 0)
    args = argparse.Namespace(
        text=False, scenes=None, saves=None, profile=None, part=None, scene=None, age=None
    )
    app_module.run_window(args)
    assert called["text"] is True
    assert "plays in the terminal instead" in capsys.readouterr().err


def test_the_scene_redraws_only_when_something_changes(tmp_path: Path) -> None:
    d = new_player(tmp_path)
    d.key("enter")
    d.app.settle()
    frames = d.app.frames
    d.app.run_frames(20)
    assert d.app.frames == frames  # idle: nothing drawn
    d.key("space")
    assert d.app.frames > frames


__all__ = ["shutil"]


def test_writers_start_at_a_scene_with_flags_and_see_where_they_are(tmp_path: Path) -> None:
    d = Driver(MINI, tmp_path, profile="Writer", scene="middle", flag_values={"secret": True})
    assert d.screen_name == "play/LineView" and d.text == "Middle line."
    assert d.app.ctx.session.state.flags["secret"] is True
    d.key("f2")
    from game.ui.control import writer_lines

    lines = "\n".join(writer_lines(d.app))
    assert "middle" in lines and "middle.yaml:" in lines and "secret" in lines
    d.shot()  # the overlay draws
