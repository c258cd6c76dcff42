"""Compiled Qt Designer forms (from ui/ by packaging/compile_forms.py)."""
