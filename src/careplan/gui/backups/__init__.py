"""Backups from the desktop app: File > Back up now… (:mod:`.dialog`) and the daily automatic
backup after sign-in (:mod:`.automatic`). The copying itself is :mod:`careplan.services.backup`."""
