"""The record and its rules. Knows nothing of Qt, sessions or files."""
