"""Timing shared by the benchmark scripts (run from bench/, which is then on sys.path)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best(fn: Callable[[], object], runs: int) -> float:
    """The fastest of `runs` timings: the least disturbed by the rest of the machine.

    Garbage is collected before each run, outside the timing, so one run's leftovers do not
    land in the next one's figure.
    """
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)
