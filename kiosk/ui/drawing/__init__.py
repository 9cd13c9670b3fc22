"""Shared drawing: theme and fonts, scale, plain text that fits, icons, pictures."""

# the modules other packages use; the others serve these
__all__ = ["cache", "icons", "pictures", "scale", "text", "theme"]
