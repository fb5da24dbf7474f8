"""The painted backgrounds: one for every place in story.yaml, the right size, never flat,
the same pixels every time, and no crash for an unknown id or an odd window size."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
import yaml

from game.paths import PROJECT_ROOT
from game.ui import art
from game.ui.art import preview

STORY_YAML = PROJECT_ROOT / "scenes" / "story.yaml"


def story_background_ids() -> list[str]:
    data = yaml.safe_load(STORY_YAML.read_text(encoding="utf-8"))
    return [entry["id"] for entry in data["backgrounds"]]


def distinct_colours(surface: pygame.Surface, step: int = 16) -> int:
    w, h = surface.get_size()
    return len(
        {tuple(surface.get_at((x, y)))[:3] for y in range(0, h, step) for x in range(0, w, step)}
    )


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def test_story_names_backgrounds() -> None:
    ids = story_background_ids()
    assert len(ids) >= 15
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("bg_id", story_background_ids())
def test_every_story_background_has_a_painter(bg_id: str) -> None:
    assert art.has_painter(bg_id), f"no painter for background {bg_id!r} in game/ui/art/scenes.py"
    assert bg_id in art.BACKGROUND_IDS


@pytest.mark.parametrize("bg_id", story_background_ids())
def test_painting_is_the_size_asked_and_not_flat(bg_id: str) -> None:
    picture = art.paint_background(bg_id, (1280, 720))
    assert picture.get_size() == (1280, 720)
    assert distinct_colours(picture) > 40, "looks like a flat fill"


@pytest.mark.parametrize("bg_id", story_background_ids())
def test_painting_is_deterministic(bg_id: str) -> None:
    a = art.paint_background(bg_id, (640, 360))
    b = art.paint_background(bg_id, (640, 360))
    assert pixels(a) == pixels(b)


def test_different_places_look_different() -> None:
    seen = {pixels(art.paint_background(bg, (320, 180))) for bg in story_background_ids()}
    assert len(seen) == len(story_background_ids())


@pytest.mark.parametrize(
    "size", [(800, 600), (1024, 768), (1920, 1080), (1366, 768), (720, 1280), (333, 111)]
)
def test_any_window_size_works(size: tuple[int, int]) -> None:
    for bg in ("hailsham_grounds", "marsh_boat"):
        picture = art.paint_background(bg, size)
        assert picture.get_size() == size
        assert distinct_colours(picture, step=8) > 10
    assert art.paint_title(size).get_size() == size


@pytest.mark.parametrize("size", [(1, 1), (0, 0), (2, 900)])
def test_degenerate_sizes_do_not_crash(size: tuple[int, int]) -> None:
    picture = art.paint_background("road", size)
    assert picture.get_width() >= 1 and picture.get_height() >= 1


def test_unknown_id_gets_a_neutral_painting(caplog: pytest.LogCaptureFixture) -> None:
    assert not art.has_painter("the_moon")
    assert not art.has_painter("_neutral")  # the fallback is not a place
    picture = art.paint_background("the_moon", (640, 360))
    assert picture.get_size() == (640, 360)
    assert distinct_colours(picture) > 10
    assert pixels(picture) == pixels(art.paint_background("_neutral", (640, 360)))


def test_title_art() -> None:
    a = art.paint_title((1280, 720))
    assert a.get_size() == (1280, 720)
    assert distinct_colours(a) > 40
    assert pixels(a) == pixels(art.paint_title((1280, 720)))


@pytest.mark.parametrize("scheme", ["cream", "dark", "high_contrast", None])
def test_tint_for_past_and_present(scheme: str | None) -> None:
    plain = art.paint_background("playing_field", (320, 180))
    before = pixels(plain)
    past = art.tint(plain, "past", scheme)
    present = art.tint(plain, "present", scheme)
    assert pixels(plain) == before, "tint must not change the picture it is given"
    assert past.get_size() == present.get_size() == (320, 180)
    assert len({before, pixels(past), pixels(present)}) == 3
    # the past is warmer: more red than blue, on average, than the present
    pr, _, pb, _ = pygame.transform.average_color(past)
    qr, _, qb, _ = pygame.transform.average_color(present)
    assert pr - pb > qr - qb
    assert pixels(art.tint(plain, None)) == before
    assert pixels(art.tint(plain, "someday")) == before


def test_background_cache_reuses_pictures() -> None:
    art.clear_cache()
    a = art.background("classroom", (320, 180), "past")
    assert art.background("classroom", (320, 180), "past") is a
    assert art.background("classroom", (320, 180), "present") is not a
    assert art.background("title", (320, 180)).get_size() == (320, 180)
    art.clear_cache()


def test_preview_writes_every_picture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert preview.main([str(tmp_path), "--size", "320x180"]) == 0
    written = {p.stem for p in tmp_path.glob("*.png")}
    assert written == {"title", *story_background_ids()}
    loaded = pygame.image.load(tmp_path / "marsh_boat.png")
    assert loaded.get_size() == (320, 180)
    assert "marsh_boat" in capsys.readouterr().out
