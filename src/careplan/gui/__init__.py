"""The desktop workspace (Qt). The only package that imports PySide6."""
