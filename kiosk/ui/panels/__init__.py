"""One module per panel kind (title, cards, steps, stats), the registry, the shared drawing."""

# the modules other packages use; the others serve these
__all__ = ["base", "common", "registry"]
