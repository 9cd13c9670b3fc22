"""`kiosk preview`: the content editor's window beside their text editor.

It shows the panel being worked on exactly as the booth will (the kiosk's own
presentation model, stages and show view), reloads on every save (the kiosk's
content watcher), and lists the file's problems in `kiosk validate`'s words.
"""

# the modules other packages use; the others serve these
__all__ = ["app"]
