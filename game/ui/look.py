"""The look of the player: colour schemes, fonts and text sizes, as plain data.

Screens read their colours and sizes from here so that one place decides what is readable
(contrast of at least 7:1 for text, WCAG 1.4.6), what the reader can choose (scheme, font,
text size) and how the layout grows with the window. The data needs no pygame; only
`load_font` imports it, lazily, so tests and tools can read the palette without a display.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from game.paths import assets_dir

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    import pygame

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Colour = RGB | RGBA | str


# --- colour ------------------------------------------------------------------------------


def rgb(colour: Colour) -> RGB:
    """`"#RRGGBB"`, `(r, g, b)` or `(r, g, b, a)` as an `(r, g, b)` tuple."""
    if isinstance(colour, str):
        text = colour.lstrip("#")
        if len(text) != 6:
            raise ValueError(f"colour {colour!r} is not of the form #RRGGBB")
        return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))
    return (int(colour[0]), int(colour[1]), int(colour[2]))


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.x relative luminance: 0 for black, 1 for white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: Colour, b: Colour) -> float:
    """WCAG 2.x contrast ratio between two opaque colours, from 1 (same) to 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    lighter, darker = max(la, lb), min(la, lb)
    return (lighter + 0.05) / (darker + 0.05)


def mix(a: Colour, b: Colour, t: float) -> RGB:
    """The colour a fraction `t` of the way from `a` to `b` (used for hovers and shades)."""
    ra, ga, ba = rgb(a)
    rb, gb, bb = rgb(b)
    return (
        round(ra + (rb - ra) * t),
        round(ga + (gb - ga) * t),
        round(ba + (bb - ba) * t),
    )


@dataclass(frozen=True, slots=True)
class Scheme:
    """One colour scheme. Text is always drawn on `panel` (or on `button` for buttons),
    never straight onto a painted background, so these pairs are all that need checking.

    `correct` and `wrong` are text colours for feedback on a panel; screens must also say
    it in words or with a mark, never by colour alone. `past_tint` and `present_tint` are
    RGBA washes laid over the painted background (see `game.ui.art.tint`).
    """

    name: str
    label: str
    background: RGB  # behind everything, where no art is shown (menus, settings)
    panel: RGB  # text boxes and cards
    panel_edge: RGB  # thin border around a panel, to lift it off the art
    text: RGB  # body text on panel
    muted: RGB  # secondary text on panel (speaker notes, hints, chapter numbers)
    accent: RGB  # headings, links, the speaker's name, selected items (text on panel)
    button: RGB  # button face
    button_text: RGB  # text on a button face
    focus: RGB  # keyboard focus ring (a non-text outline: at least 3:1 against panel)
    correct: RGB  # "right" feedback text on panel
    wrong: RGB  # "not quite" feedback text on panel
    past_tint: RGBA  # warm, faded wash for memories
    present_tint: RGBA  # cooler, clearer wash for Kathy's present

    def text_pairs(self) -> dict[str, tuple[RGB, RGB]]:
        """Every (foreground, background) pair of text this scheme promises is readable."""
        return {
            "text on panel": (self.text, self.panel),
            "text on background": (self.text, self.background),
            "muted on panel": (self.muted, self.panel),
            "accent on panel": (self.accent, self.panel),
            "button text on button": (self.button_text, self.button),
            "correct on panel": (self.correct, self.panel),
            "wrong on panel": (self.wrong, self.panel),
        }


TEXT_CONTRAST_MIN = 7.0  # WCAG 1.4.6 (AAA) for body text
FOCUS_CONTRAST_MIN = 3.0  # WCAG 1.4.11 for outlines such as the focus ring

SCHEMES: Mapping[str, Scheme] = MappingProxyType(
    {
        "cream": Scheme(
            name="cream",
            label="Cream paper",
            background=rgb("#F1E9D8"),
            panel=rgb("#FAF6EC"),
            panel_edge=rgb("#CDBFA3"),
            text=rgb("#1E1E1E"),
            muted=rgb("#4A4238"),
            accent=rgb("#7A3412"),
            button=rgb("#2E4A5C"),
            button_text=rgb("#FAF6EC"),
            focus=rgb("#0B63B0"),
            correct=rgb("#1D5B2C"),
            wrong=rgb("#8E1D1D"),
            past_tint=(240, 214, 170, 48),
            present_tint=(196, 214, 232, 28),
        ),
        "dark": Scheme(
            name="dark",
            label="Dark",
            background=rgb("#121216"),
            panel=rgb("#1B1B1F"),
            panel_edge=rgb("#4A4A52"),
            text=rgb("#E8E6E3"),
            muted=rgb("#BDB8AF"),
            accent=rgb("#F2C27B"),
            button=rgb("#F2C27B"),
            button_text=rgb("#1B1B1F"),
            focus=rgb("#7FC8FF"),
            correct=rgb("#93D7A2"),
            wrong=rgb("#FFB0A8"),
            past_tint=(120, 90, 56, 60),
            present_tint=(20, 34, 56, 70),
        ),
        "high_contrast": Scheme(
            name="high_contrast",
            label="High contrast",
            background=rgb("#000000"),
            panel=rgb("#000000"),
            panel_edge=rgb("#FFFFFF"),
            text=rgb("#FFFFFF"),
            muted=rgb("#E6E6E6"),
            accent=rgb("#FFE14D"),
            button=rgb("#FFE14D"),
            button_text=rgb("#000000"),
            focus=rgb("#00E5FF"),
            correct=rgb("#7DFF8E"),
            wrong=rgb("#FFA3A3"),
            past_tint=(90, 66, 30, 80),
            present_tint=(0, 10, 30, 110),
        ),
    }
)
DEFAULT_SCHEME = "cream"


def scheme(name: str | None) -> Scheme:
    """The named scheme, or the default one for an unknown or missing name (never fails:
    a settings file from a newer version must not stop the game)."""
    return SCHEMES.get(name or DEFAULT_SCHEME, SCHEMES[DEFAULT_SCHEME])


# --- fonts -------------------------------------------------------------------------------

Style = Literal["regular", "bold", "italic", "bold_italic"]


@dataclass(frozen=True, slots=True)
class FontFamily:
    """A bundled font family: file names inside `assets/fonts/<folder>/`.

    `bold_italic` may be missing to keep the repository small; `font_path` falls back.
    """

    id: str
    label: str
    folder: str
    regular: str
    bold: str
    italic: str
    bold_italic: str | None
    licence: str  # licence file in the same folder

    def files(self) -> tuple[str, ...]:
        """Every font file this family ships."""
        names = (self.regular, self.bold, self.italic, self.bold_italic)
        return tuple(n for n in names if n)


FONT_FAMILIES: Mapping[str, FontFamily] = MappingProxyType(
    {
        "atkinson": FontFamily(
            id="atkinson",
            label="Atkinson Hyperlegible",
            folder="atkinson",
            regular="AtkinsonHyperlegible-Regular.ttf",
            bold="AtkinsonHyperlegible-Bold.ttf",
            italic="AtkinsonHyperlegible-Italic.ttf",
            bold_italic="AtkinsonHyperlegible-BoldItalic.ttf",
            licence="OFL.txt",
        ),
        "andika": FontFamily(
            id="andika",
            label="Andika",
            folder="andika",
            regular="Andika-Regular.ttf",
            bold="Andika-Bold.ttf",
            italic="Andika-Italic.ttf",
            bold_italic=None,
            licence="LICENSE.txt",
        ),
        "opendyslexic": FontFamily(
            id="opendyslexic",
            label="OpenDyslexic",
            folder="opendyslexic",
            regular="OpenDyslexic-Regular.otf",
            bold="OpenDyslexic-Bold.otf",
            italic="OpenDyslexic-Italic.otf",
            bold_italic=None,
            licence="LICENSE.txt",
        ),
    }
)
DEFAULT_FONT = "atkinson"


def fonts_dir() -> Path:
    """Where the bundled fonts live (follows MEMORIES_ASSETS)."""
    return assets_dir() / "fonts"


def font_family(name: str | None) -> FontFamily:
    """The named family, or the default for an unknown or missing name."""
    return FONT_FAMILIES.get(name or DEFAULT_FONT, FONT_FAMILIES[DEFAULT_FONT])


def font_path(family: str | None = None, style: Style = "regular") -> Path:
    """The file for a family and style. Bold italic falls back to bold when not bundled
    (pygame can slant it: `Font.italic = True`)."""
    fam = font_family(family)
    name = {
        "regular": fam.regular,
        "bold": fam.bold,
        "italic": fam.italic,
        "bold_italic": fam.bold_italic or fam.bold,
    }[style]
    return fonts_dir() / fam.folder / name


def licence_path(family: str | None = None) -> Path:
    """The licence file that travels with a family."""
    fam = font_family(family)
    return fonts_dir() / fam.folder / fam.licence


@functools.lru_cache(maxsize=64)
def load_font(family: str | None, px: int, style: Style = "regular") -> pygame.font.Font:
    """A loaded font, cached: opening a font file costs milliseconds, so never do it per
    frame. Needs `pygame.font.init()` (or `pygame.init()`) first."""
    import pygame

    fam = font_family(family)
    font = pygame.font.Font(font_path(fam.id, style), px)
    if style == "bold_italic" and fam.bold_italic is None:
        font.italic = True  # synthesised slant on the bold face
    return font


# --- sizes -------------------------------------------------------------------------------

REFERENCE_SIZE: tuple[int, int] = (1280, 720)  # the window the sizes below are designed for
BASE_TEXT_PX = 26  # body text at 100% in a 1280x720 window
MIN_TEXT_PX = 18  # no text is ever smaller, at any window size or role
TEXT_SIZE_STEPS: tuple[int, ...] = (100, 125, 150, 175, 200)  # percent, the reader chooses
DEFAULT_TEXT_SIZE = 100
LINE_HEIGHT = 1.5  # line spacing as a multiple of the text size
LINE_CHARS = 65  # aim for 60-70 characters a line; wider text columns are harder to follow
MIN_TARGET_PX = 44  # smallest click or touch target (WCAG 2.5.5)

# Each kind of text as a multiple of body text. Every role stays >= MIN_TEXT_PX.
TEXT_ROLES: Mapping[str, float] = MappingProxyType(
    {
        "small": 0.8,  # hints, captions, the chapter number
        "body": 1.0,  # narration, dialogue, answers
        "button": 1.0,
        "speaker": 1.05,  # the speaker's name above a line
        "heading": 1.35,
        "title": 2.2,
    }
)


def scale_for(window_size: tuple[int, int]) -> float:
    """How much bigger (or smaller) than 1280x720 the layout should be drawn.

    Uses the smaller of the two ratios so that a layout designed for 1280x720 always fits;
    the caller centres it in the spare space (letterboxing) if the aspect differs.
    """
    w, h = window_size
    if w <= 0 or h <= 0:
        return 1.0
    return min(w / REFERENCE_SIZE[0], h / REFERENCE_SIZE[1])


def nearest_step(percent: int | float) -> int:
    """The text-size step closest to a stored setting (settings files may be hand-edited)."""
    return min(TEXT_SIZE_STEPS, key=lambda step: (abs(step - percent), step))


def text_px(
    window_size: tuple[int, int],
    text_size: int = DEFAULT_TEXT_SIZE,
    role: str = "body",
) -> int:
    """The pixel size for a kind of text: base x window scale x reader's step x role,
    never under MIN_TEXT_PX."""
    factor = TEXT_ROLES.get(role, 1.0)
    px = BASE_TEXT_PX * scale_for(window_size) * (nearest_step(text_size) / 100) * factor
    return max(MIN_TEXT_PX, round(px))


def line_height(px: int) -> int:
    """Distance between baselines for text of `px` pixels (1.5 times, WCAG 1.4.8/1.4.12).

    Use this, not `Font.get_linesize()`: the bundled families differ (at 24 px Atkinson's
    own line is 30 px, Andika's 39, OpenDyslexic's 42), and the layout should not jump
    when the reader changes font.
    """
    return max(px + 2, round(px * LINE_HEIGHT))


def target_px(window_size: tuple[int, int]) -> int:
    """The smallest side of a button or other target at this window size."""
    return max(MIN_TARGET_PX, round(52 * scale_for(window_size)))


def spacing(window_size: tuple[int, int], units: float = 1.0) -> int:
    """Layout spacing: 8 px units at 1280x720, scaled with the window."""
    return max(1, round(8 * units * scale_for(window_size)))
