"""Shared drawing: theme and fonts, scale, plain text that fits, icons, pictures."""
