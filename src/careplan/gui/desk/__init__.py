"""The manager's desk: its own window (``window``), opened from the main window's menu."""
