"""Reading the current line aloud with espeak-ng, when it is installed and the reader asked
for it (off by default). The speaker runs as a separate process: nothing here ever waits for
it, and a new line stops the one before."""

from __future__ import annotations

import contextlib
import shutil
import subprocess


class Speech:
    def __init__(self) -> None:
        self.program = shutil.which("espeak-ng") or shutil.which("espeak")
        self.process: subprocess.Popen[bytes] | None = None
        self._stopped: list[subprocess.Popen[bytes]] = []
        self.spoken: list[str] = []
        """What was sent to the speaker (tests read it)."""

    @property
    def available(self) -> bool:
        return self.program is not None

    def say(self, text: str) -> None:
        self.stop()
        self.spoken.append(text)
        if self.program is None or not text.strip():
            return
        with contextlib.suppress(OSError):
            self.process = subprocess.Popen(
                [self.program, "-s", "150", "--", text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def stop(self) -> None:
        """Stop the line being spoken, without waiting for the speaker to finish."""
        process = self.process
        self.process = None
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.terminate()
            self._stopped.append(process)
        # reap speakers stopped earlier (poll never blocks)
        self._stopped = [p for p in self._stopped if p.poll() is None]
