"""What happens between screens: the start-up order, keys that work everywhere, starting and
leaving a play-through, reloading the scene files, and the writer's overlay."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from . import text as tx
from .widgets import draw_panel

if TYPE_CHECKING:
    from ..play.state import PlayState
    from .app import App


# ---------------------------------------------------------------------- start-up


def open_first_screen(app: App) -> None:
    """After the first frame: load the story, pick the player, then the title (or play)."""
    from .screens.error import ErrorScreen
    from .sound import Sounds
    from .speech import Speech

    ctx = app.ctx
    result = ctx.load_story()
    app.sound = Sounds()
    app.speech = Speech()
    if not result.ok:
        app.reset(ErrorScreen(app, diagnostics=result.errors, at_start=True))
        return
    if ctx.options.profile:
        from ..saves import SaveError

        try:
            profile = ctx.store.find(ctx.options.profile) or ctx.store.create_profile(
                ctx.options.profile
            )
        except SaveError as problem:
            app.toast(str(problem))
        else:
            ctx.use_profile(profile)
            app.apply_settings()
    app.sound.start(ctx.settings)
    start_watcher(app)
    title = app.top
    if hasattr(title, "story_ready"):
        title.story_ready()
    if ctx.profile is None:
        from .screens.profile import ProfileScreen

        app.push(ProfileScreen(app, then=lambda: after_profile(app)))
    else:
        after_profile(app)


def after_profile(app: App) -> None:
    """The player is known: start where the command line asked, or show the title."""
    ctx = app.ctx
    opts = ctx.options
    if opts.assignment:
        from .screens.homework import open_assignment

        path = opts.assignment
        opts.assignment = None
        open_assignment(app, Path(path))
        return
    if opts.scene or opts.part:
        from ..play.runner import ActionError

        flags = opts.flag_values
        try:
            state = ctx.new_state(part=opts.part, scene=opts.scene, flags=flags)
        except ActionError as problem:
            app.toast(f"Cannot start there: {problem}.")
            return
        finally:
            opts.part = opts.scene = None
        play(app, state)


WATCH_SECONDS = 2.0
"""How often the scene files are checked for changes (a stat of each file: well under 1 ms)."""


def start_watcher(app: App) -> None:
    """The writers' StoryWatcher: F5 reloads, and an idle timer notices edited files."""
    try:
        from ..story.watch import StoryWatcher
    except ImportError:
        return
    if app.ctx.story is None:
        return
    app.watcher = StoryWatcher(app.ctx.options.scenes, app.ctx.story, cache_dir=app.ctx.cache_dir())
    app.after(WATCH_SECONDS, lambda: poll_watcher(app))


# ---------------------------------------------------------------------- playing


def play(app: App, state: PlayState, keep: Any = None) -> None:
    """Start playing from `state`, on top of the title screen (or of `keep`: the homework's
    level menu, which the player comes back to)."""
    from .screens.play import PlayScreen
    from .screens.title import TitleScreen

    session = app.ctx.begin(state)
    base = keep if keep is not None and keep in app.screens else app.find(TitleScreen)
    if base is not None:
        app.pop_to(base)
    app.push(PlayScreen(app, session))


def to_title(app: App) -> None:
    from .screens.title import TitleScreen

    play_screen = current_play(app)
    if play_screen is not None:
        play_screen.autosave()
    app.set_caption()
    from .screens.homework import LevelsScreen

    levels = app.find(LevelsScreen)
    if levels is not None and app.ctx.homework is not None:
        app.pop_to(levels)
        app.ctx.session = None
        return
    app.ctx.session = None
    title = app.find(TitleScreen)
    if title is not None:
        app.pop_to(title)
        title.refresh()
    else:
        app.reset(TitleScreen(app))


def current_play(app: App) -> Any:
    from .screens.play import PlayScreen

    return app.find(PlayScreen)


HOMEWORK_SAVES = "Saved games are not used during homework: it keeps its own place."


def quicksave(app: App) -> None:
    if app.ctx.homework is not None:
        app.toast(HOMEWORK_SAVES)
        return
    play_screen = current_play(app)
    if play_screen is None or app.top is not play_screen:
        app.toast("Quicksave works while reading the story.")
        return
    message = app.ctx.write_slot("quick", play_screen.thumbnail())
    app.toast("Quicksaved (F9 loads it)." if message.startswith("Saved") else message)


def quickload(app: App) -> None:
    if app.ctx.homework is not None:
        app.toast(HOMEWORK_SAVES)
        return
    if app.ctx.profile is None or app.ctx.story is None:
        return
    state, notices = app.ctx.read_slot("quick")
    if state is None:
        app.toast(
            "There is no quicksave yet: F6 makes one."
            if "empty" in " ".join(notices)
            else " ".join(notices)
        )
        return
    play(app, state)
    app.toast(" ".join(["Quickloaded.", *notices]))


def reload_story(app: App) -> None:
    """F5: read the scene files again and go on from the same place (for writers)."""
    from .screens.error import ErrorScreen
    from .screens.title import TitleScreen

    ctx = app.ctx
    if ctx.homework is not None and ctx.session is not None:
        app.toast("The story is not reloaded during homework.")
        return
    if app.watcher is None:
        result = ctx.load_story()
        if result.ok:
            start_watcher(app)
        elif not isinstance(app.top, ErrorScreen):
            app.push(ErrorScreen(app, diagnostics=result.errors))
        else:
            app.top.set_diagnostics(result.errors)
        return
    state = ctx.session.state if ctx.session is not None else None
    story, placed, notice, problems = app.watcher.reload(state)
    if problems:
        if isinstance(app.top, ErrorScreen):
            app.top.set_diagnostics(problems)
        else:
            app.push(ErrorScreen(app, diagnostics=problems))
        return
    ctx.story = story
    if isinstance(app.top, ErrorScreen):
        app.pop()
    play_screen = current_play(app)
    if play_screen is not None and placed is not None:
        play_screen.session = ctx.begin(placed)
        play_screen.reset_view()
    app.toast(notice or "Scene files reloaded.")
    title = app.find(TitleScreen)
    if title is not None:
        title.refresh()


def poll_watcher(app: App) -> None:
    """On an idle timer: reload when a scene file changed (writers edit while playing)."""
    watcher = app.watcher
    if watcher is None or not app.running:
        return
    try:
        changed = watcher.poll()
    except OSError:
        changed = False
    if changed and (app.ctx.homework is None or app.ctx.session is None):
        reload_story(app)
    app.after(WATCH_SECONDS, lambda: poll_watcher(app))


# ---------------------------------------------------------------------- keys


def global_key(app: App, event: pygame.event.Event) -> bool:
    """Keys that work on every screen. True when the key was used."""
    from .screens.help import HelpScreen

    key = event.key
    top = app.top
    typing = bool(top is not None and top.accepts_text)
    if key == pygame.K_F1 or (event.unicode == "?" and not typing):
        if isinstance(top, HelpScreen):
            app.pop()
        elif app.started:
            app.push(HelpScreen(app))
        return True
    if not app.started:
        return False
    if key == pygame.K_F11:
        settings = app.ctx.settings.with_(fullscreen=not app.fullscreen)
        app.ctx.save_settings(settings)
        app.apply_settings()
        return True
    if key == pygame.K_F6:
        quicksave(app)
        return True
    if key == pygame.K_F9:
        quickload(app)
        return True
    if key == pygame.K_F5:
        reload_story(app)
        return True
    if key == pygame.K_F2:
        app.writer_overlay = not app.writer_overlay
        return True
    return False


def before_quit(app: App) -> None:
    """Closing the window: autosave the play-through (if it is in a good state)."""
    play_screen = current_play(app)
    if play_screen is not None:
        play_screen.autosave()
        play_screen.left_early()


# ---------------------------------------------------------------------- writers


def writer_lines(app: App) -> list[str]:
    session = app.ctx.session
    if session is None:
        return ["Writer overlay (F2): start a scene to see where you are."]
    state = session.state
    try:
        from ..story.watch import flag_values, writer_info

        lines = [writer_info(session.story, state).format()]
        flags = flag_values(state.flags) or "none"
    except ImportError:
        scene = session.story.scenes.get(state.scene)
        lines = [f"{state.scene}  {scene.path}:{scene.line_of(state.pc)}" if scene else state.scene]
        flags = ", ".join(f"{k}={v}" for k, v in sorted(state.flags.items())) or "none"
    lines.append(f"Flags: {flags}")
    lines.append("F5 reloads the scene files. F2 hides this.")
    return lines


def draw_writer_overlay(app: App, surface: pygame.Surface) -> None:
    style = app.style
    spec = style.small
    lh = style.line_h(spec)
    width = min(app.size[0] // 2, style.measure_width(spec))
    wrapped: list[str] = []
    for line in writer_lines(app):
        wrapped.extend(tx.wrap(line, spec, width))
    rect = pygame.Rect(0, 0, width + style.unit * 4, lh * len(wrapped) + style.unit * 2)
    rect.topright = (app.size[0] - style.unit * 2, app.size[1] // 2 - rect.height // 2)
    draw_panel(surface, rect, style)
    tx.draw_lines(
        surface,
        wrapped,
        spec,
        style.scheme.muted,
        style.scheme.panel,
        (rect.x + style.unit * 2, rect.y + style.unit),
        lh,
    )
