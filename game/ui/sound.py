"""Gentle sounds made by code (no sound files): a soft page-turn tick when the story moves
on, a low hum for a choice, two rising notes for a right answer, one soft falling note for
"not quite". They follow the Sound and Volume settings; if no sound device can be opened the
settings say so and offer no sound controls."""

from __future__ import annotations

import array
import contextlib
import math
import os
import random
import sys
from pathlib import Path
from typing import Any

import pygame

RATE = 22050


def _tone(notes: list[tuple[float, float]], volume: float = 0.35, noise: float = 0.0) -> bytes:
    """16-bit mono samples: each note (frequency, seconds) with a soft attack and decay."""
    samples = array.array("h")
    rng = random.Random(7)
    for freq, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            t = i / RATE
            envelope = min(1.0, i / (RATE * 0.01)) * math.exp(-5.0 * t / seconds)
            value = math.sin(2 * math.pi * freq * t) * (1 - noise)
            if noise:
                value += (rng.random() * 2 - 1) * noise
            samples.append(int(32767 * volume * envelope * value))
    return samples.tobytes()


def no_sound_device() -> bool:
    """True where there is plainly no sound device (Linux without ALSA devices or a sound
    server), so the mixer is not even tried: trying makes ALSA print a page of errors."""
    if sys.platform != "linux" or os.environ.get("SDL_AUDIODRIVER"):
        return False
    if os.path.exists("/dev/snd") or os.environ.get("PULSE_SERVER"):
        return False
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", "/nonexistent"))
    return not ((runtime / "pulse").exists() or (runtime / "pipewire-0").exists())


class Sounds:
    def __init__(self) -> None:
        self.available = False
        self.reason = "Sound is starting."
        self.sounds: dict[str, Any] = {}
        self.enabled = False
        self.volume = 0.5

    def start(self, settings: Any) -> None:
        if no_sound_device():
            self.reason = "No sound device was found."
            self.available = False
            return
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(RATE, -16, 1, 512)
            _freq, _size, channels = pygame.mixer.get_init()
        except pygame.error as error:
            self.reason = f"No sound device was found ({error})."
            self.available = False
            return

        def make(data: bytes) -> Any:
            if channels == 2:
                mono = array.array("h")
                mono.frombytes(data)
                stereo = array.array("h")
                for v in mono:
                    stereo.append(v)
                    stereo.append(v)
                data = stereo.tobytes()
            return pygame.mixer.Sound(buffer=data)

        try:
            self.sounds = {
                "page": make(_tone([(1800, 0.035)], 0.12, noise=0.7)),
                "choose": make(_tone([(392, 0.12)], 0.25)),
                "right": make(_tone([(523, 0.12), (659, 0.2)], 0.25)),
                "try": make(_tone([(330, 0.22)], 0.2)),
            }
        except (pygame.error, ValueError) as error:
            self.reason = f"Sounds could not be made ({error})."
            return
        self.available = True
        self.reason = ""
        self.configure(settings)

    def configure(self, settings: Any) -> None:
        self.enabled = bool(settings.sound) and self.available
        self.volume = settings.volume / 100

    def play(self, name: str) -> None:
        if not self.enabled or self.volume <= 0:
            return
        sound = self.sounds.get(name)
        if sound is not None:
            with contextlib.suppress(pygame.error):
                sound.set_volume(self.volume)
                sound.play()
