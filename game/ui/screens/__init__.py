"""One class per screen of the window player; each has handle(event), update(dt), draw(surface)."""
