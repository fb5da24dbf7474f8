"""Paths and small helpers shared by tests (import as `from tests.helpers import ...`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
CORPORA = SHARED_CORPORA if SHARED_CORPORA.is_dir() else Path(__file__).parent / "fixtures" / "corpora"
"""The shared test corpora beside the checkout, or the copy kept in the repo (MIT licence,
from the YAML test suite) so a clean checkout alone runs every test."""
