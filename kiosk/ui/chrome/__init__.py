"""What is drawn over every panel: controls, progress dots, the operator's PIN pad."""

# the modules other packages use; the others serve these
__all__ = ["controls", "pinpad"]
