"""Auto-lock: after a while without input, or on Ctrl+L, every personal detail is hidden until the
same member of staff types their password again."""
