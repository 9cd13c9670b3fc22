"""Reading content: parse (located JSON), model, checks, hints, where it comes from."""

# the modules other packages use; the others serve these
__all__ = [
    "filetypes", "lastgood", "load", "media", "model", "numbers", "problems", "schedule",
    "schema", "source", "timetext", "validation", "zones",
]
