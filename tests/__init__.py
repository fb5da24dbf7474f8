"""Tests for Kathy's Memories (a package, so `tests.helpers` always means these)."""
