"""All PySide6 and pyqtgraph code of the kiosk."""

# the modules other packages use; the others serve these
__all__ = ["app", "preview", "render"]
