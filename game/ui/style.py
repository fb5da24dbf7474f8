"""Sizes, fonts and colours for one window size and one reader's settings.

A `Style` is rebuilt when the window is resized or a setting changes, never per frame, so
screens can read `style.body`, `style.line_h` and `style.scheme.panel` freely.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import look
from .settings import UISettings


@dataclass(frozen=True, slots=True)
class FontSpec:
    """A font as a hashable key: family, pixel size and style (what text caches key on)."""

    family: str
    px: int
    style: look.Style = "regular"

    @property
    def font(self) -> pygame.font.Font:
        return look.load_font(self.family, self.px, self.style)


class Style:
    def __init__(self, size: tuple[int, int], settings: UISettings) -> None:
        self.size = size
        self.settings = settings
        self.scheme = look.scheme(settings.scheme)
        self.scale = look.scale_for(size)
        family = settings.font

        def spec(role: str, style: look.Style = "regular") -> FontSpec:
            return FontSpec(family, look.text_px(size, settings.text_size, role), style)

        self.body = spec("body")
        self.body_bold = spec("body", "bold")
        self.italic = spec("body", "italic")
        self.small = spec("small")
        self.button = spec("button", "bold")
        self.speaker = spec("speaker", "bold")
        self.heading = spec("heading", "bold")
        self.title = spec("title", "bold")
        self.target = look.target_px(size)
        self.unit = look.spacing(size)
        self.margin = look.spacing(size, 3)
        self.ring = max(3, round(3 * self.scale))
        self.radius = max(4, round(10 * self.scale))

    def line_h(self, spec: FontSpec) -> int:
        """Distance between lines: look.line_height scaled by the reader's line spacing."""
        return round(look.line_height(spec.px) * self.settings.line_spacing / look.LINE_HEIGHT)

    def measure_width(self, spec: FontSpec) -> int:
        """A comfortable line width: about look.LINE_CHARS characters of this font."""
        sample = "the quick brown fox jumps over a lazy dog and "
        per_char = spec.font.size(sample)[0] / len(sample)
        return round(per_char * look.LINE_CHARS)
