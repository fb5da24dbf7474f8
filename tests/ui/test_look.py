"""The look: every scheme readable (7:1), fonts bundled with licences, text sizes sane."""

from __future__ import annotations

import subprocess
import sys

import pygame
import pytest

from game.paths import PROJECT_ROOT
from game.ui import look
from game.ui.look import (
    FOCUS_CONTRAST_MIN,
    FONT_FAMILIES,
    MIN_TEXT_PX,
    SCHEMES,
    TEXT_CONTRAST_MIN,
    TEXT_ROLES,
    TEXT_SIZE_STEPS,
    contrast_ratio,
)

# --- contrast ----------------------------------------------------------------------------


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio((255, 255, 255), (0, 0, 0, 255)) == pytest.approx(21.0)
    # the figures measured for the project (shared/FACTS.md)
    assert contrast_ratio("#1E1E1E", "#FAF6EC") == pytest.approx(15.5, abs=0.1)
    assert contrast_ratio("#E8E6E3", "#1B1B1F") == pytest.approx(13.8, abs=0.1)
    # order does not matter
    assert contrast_ratio("#1E1E1E", "#FAF6EC") == contrast_ratio("#FAF6EC", "#1E1E1E")


def test_rgb_rejects_malformed_hex() -> None:
    with pytest.raises(ValueError):
        look.rgb("#12345")


def test_the_three_schemes_exist_and_cream_is_default() -> None:
    assert set(SCHEMES) == {"cream", "dark", "high_contrast"}
    assert look.DEFAULT_SCHEME == "cream"
    assert look.scheme(None).name == "cream"
    assert look.scheme("no-such-scheme").name == "cream"  # old or hand-edited settings


SCHEME_PAIRS = [(name, pair) for name, scheme in SCHEMES.items() for pair in scheme.text_pairs()]


@pytest.mark.parametrize(("scheme_name", "pair"), SCHEME_PAIRS)
def test_text_is_at_least_7_to_1(scheme_name: str, pair: str) -> None:
    fg, bg = SCHEMES[scheme_name].text_pairs()[pair]
    ratio = contrast_ratio(fg, bg)
    assert ratio >= TEXT_CONTRAST_MIN, f"{scheme_name}: {pair} is only {ratio:.2f}:1"


@pytest.mark.parametrize("scheme_name", list(SCHEMES))
def test_every_kind_of_text_is_checked(scheme_name: str) -> None:
    pairs = SCHEMES[scheme_name].text_pairs()
    for wanted in (
        "text on panel",
        "muted on panel",
        "button text on button",
        "correct on panel",
        "wrong on panel",
    ):
        assert wanted in pairs


@pytest.mark.parametrize("scheme_name", list(SCHEMES))
def test_focus_ring_stands_out(scheme_name: str) -> None:
    s = SCHEMES[scheme_name]
    assert contrast_ratio(s.focus, s.panel) >= FOCUS_CONTRAST_MIN
    assert contrast_ratio(s.focus, s.background) >= FOCUS_CONTRAST_MIN


@pytest.mark.parametrize("scheme_name", list(SCHEMES))
def test_feedback_colours_differ(scheme_name: str) -> None:
    s = SCHEMES[scheme_name]
    assert s.correct != s.wrong
    assert len(s.past_tint) == 4 and len(s.present_tint) == 4
    assert all(0 <= v <= 255 for v in (*s.past_tint, *s.present_tint))


def test_look_data_needs_no_pygame() -> None:
    code = "import sys, game.ui.look as l; l.contrast_ratio('#000000', '#FFFFFF'); print('pygame' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# --- fonts -------------------------------------------------------------------------------

FONT_FILES = [(fam.id, name) for fam in FONT_FAMILIES.values() for name in fam.files()]


def test_font_families() -> None:
    assert set(FONT_FAMILIES) == {"atkinson", "andika", "opendyslexic"}
    assert look.DEFAULT_FONT == "atkinson"
    assert look.font_family("unknown").id == "atkinson"


@pytest.mark.parametrize(("family", "file_name"), FONT_FILES)
def test_every_bundled_font_loads(family: str, file_name: str) -> None:
    path = look.fonts_dir() / FONT_FAMILIES[family].folder / file_name
    assert path.is_file(), f"missing {path}"
    font = pygame.font.Font(path, 24)
    width, height = font.size("Kathy remembers Hailsham")
    assert width > 100 and height >= 24


@pytest.mark.parametrize("family", list(FONT_FAMILIES))
def test_every_family_has_its_licence_and_is_listed(family: str) -> None:
    licence = look.licence_path(family)
    assert licence.is_file(), f"missing licence {licence}"
    text = licence.read_text(encoding="utf-8")
    assert len(text) > 1000
    readme = (look.fonts_dir() / "README.md").read_text(encoding="utf-8")
    for name in FONT_FAMILIES[family].files():
        assert name.removesuffix(".ttf").removesuffix(".otf").split("-")[0] in readme


def test_licence_texts_are_the_right_ones() -> None:
    assert "SIL OPEN FONT LICENSE Version 1.1" in look.licence_path("atkinson").read_text(
        encoding="utf-8"
    )
    assert "OFL-1.1" in look.licence_path("andika").read_text(encoding="utf-8")
    odys = look.licence_path("opendyslexic").read_text(encoding="utf-8")
    assert "CC-BY-3.0" in odys and "Bitstream" in odys


@pytest.mark.parametrize("family", list(FONT_FAMILIES))
@pytest.mark.parametrize("style", ["regular", "bold", "italic", "bold_italic"])
def test_every_style_resolves_to_a_file(family: str, style: look.Style) -> None:
    assert look.font_path(family, style).is_file()
    font = look.load_font(family, 20, style)
    assert font.get_height() > 0
    assert look.load_font(family, 20, style) is font  # cached, not reopened


# --- sizes -------------------------------------------------------------------------------

WINDOW_SIZES = [
    (320, 180),
    (640, 360),
    (800, 600),
    (1024, 768),
    (1280, 720),
    (1920, 1080),
    (3840, 2160),
    (1280, 400),
]


def test_text_size_steps_reach_200_percent() -> None:
    assert len(TEXT_SIZE_STEPS) >= 4
    assert TEXT_SIZE_STEPS[0] == 100 and TEXT_SIZE_STEPS[-1] == 200
    assert list(TEXT_SIZE_STEPS) == sorted(set(TEXT_SIZE_STEPS))
    assert look.DEFAULT_TEXT_SIZE in TEXT_SIZE_STEPS


def test_body_text_is_at_least_24px_at_1280x720() -> None:
    assert look.BASE_TEXT_PX >= 24
    assert look.text_px((1280, 720)) >= 24
    assert look.text_px((1280, 720), 200) >= 2 * 24


@pytest.mark.parametrize("size", WINDOW_SIZES)
@pytest.mark.parametrize("step", TEXT_SIZE_STEPS)
@pytest.mark.parametrize("role", list(TEXT_ROLES))
def test_no_text_under_18px(size: tuple[int, int], step: int, role: str) -> None:
    assert look.text_px(size, step, role) >= MIN_TEXT_PX == 18


@pytest.mark.parametrize("size", WINDOW_SIZES)
def test_bigger_steps_give_bigger_text(size: tuple[int, int]) -> None:
    sizes = [look.text_px(size, step) for step in TEXT_SIZE_STEPS]
    assert sizes == sorted(sizes)
    if size[1] >= 720:
        assert len(set(sizes)) == len(sizes)


def test_scale_for_window() -> None:
    assert look.scale_for((1280, 720)) == 1.0
    assert look.scale_for((1920, 1080)) == 1.5
    assert look.scale_for((2560, 720)) == 1.0  # limited by the height: the layout must fit
    assert look.scale_for((0, 0)) == 1.0
    assert look.text_px((1920, 1080)) > look.text_px((1280, 720))


def test_line_height_is_one_and_a_half() -> None:
    assert look.LINE_HEIGHT == 1.5
    for px in (18, 24, 26, 39, 52):
        assert look.line_height(px) == pytest.approx(px * 1.5, abs=1)


def test_stored_sizes_snap_to_a_step() -> None:
    assert look.nearest_step(130) == 125
    assert look.nearest_step(1000) == 200
    assert look.nearest_step(10) == 100
    assert look.text_px((1280, 720), 137) == look.text_px((1280, 720), 125)


def test_targets_and_spacing_scale() -> None:
    assert look.target_px((320, 180)) >= 44
    assert look.target_px((1920, 1080)) > look.target_px((1280, 720))
    assert look.spacing((1280, 720), 2) == 16
