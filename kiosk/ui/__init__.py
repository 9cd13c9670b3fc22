"""All PySide6 and pyqtgraph code of the kiosk."""
