"""One module per panel kind, the registry, the shared drawing.

The kinds: title, cards, steps, stats, photo, quote, video; shared: text blocks, the
pictures and QR codes around a panel's text, veils over photos.
"""

# the modules other packages use; the others serve these
__all__ = ["base", "common", "registry"]
