"""The reader's settings for the window player, kept in `profile.settings` (plain JSON).

Every value read from a profile is checked and replaced by its default when it is missing,
of the wrong type or out of range: a hand-edited or newer settings file never stops the game.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from . import look

TEXT_SPEEDS: dict[str, float] = {"slow": 25.0, "normal": 45.0, "fast": 90.0, "instant": 0.0}
"""Characters a second for the typing effect; 0 shows the whole line at once."""
TEXT_SPEED_LABELS = {"slow": "Slow", "normal": "Normal", "fast": "Fast", "instant": "Instant"}
LINE_SPACINGS: tuple[float, ...] = (1.5, 1.75, 2.0)
VOLUME_STEPS: tuple[int, ...] = (0, 25, 50, 75, 100)
AGE_MODES = ("14+", "11-13")


@dataclass(frozen=True, slots=True)
class UISettings:
    text_size: int = look.DEFAULT_TEXT_SIZE
    text_speed: str = "normal"
    font: str = look.DEFAULT_FONT
    scheme: str = look.DEFAULT_SCHEME
    line_spacing: float = 1.5
    reduce_motion: bool = False
    sound: bool = True
    volume: int = 50
    speech: bool = False
    fullscreen: bool = False
    age_mode: str = "14+"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> UISettings:
        """Settings from a profile, each bad or missing value replaced by its default."""
        data = data or {}
        default = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name, getattr(default, f.name))
            values[f.name] = _clean(f.name, value, getattr(default, f.name))
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_(self, **changes: Any) -> UISettings:
        return replace(self, **changes)

    @property
    def chars_per_second(self) -> float:
        return TEXT_SPEEDS.get(self.text_speed, TEXT_SPEEDS["normal"])


def _clean(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if name == "text_size":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return look.nearest_step(value)
        return default
    if name == "line_spacing":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return min(LINE_SPACINGS, key=lambda step: abs(step - value))
        return default
    if name == "volume":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return min(VOLUME_STEPS, key=lambda step: abs(step - value))
        return default
    if name == "text_speed":
        return value if value in TEXT_SPEEDS else default
    if name == "font":
        return value if value in look.FONT_FAMILIES else default
    if name == "scheme":
        return value if value in look.SCHEMES else default
    if name == "age_mode":
        return value if value in AGE_MODES else default
    return value if isinstance(value, type(default)) else default


def cycle(values: tuple[Any, ...] | list[Any], current: Any, step: int) -> Any:
    """The value `step` places after `current` in `values`, stopping at the ends."""
    items = list(values)
    index = items.index(current) if current in items else 0
    return items[max(0, min(len(items) - 1, index + step))]
