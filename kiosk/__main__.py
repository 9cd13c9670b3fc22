"""``python -m kiosk``: the same as the `kiosk` command (``pythonw -m kiosk`` on Windows)."""

from kiosk.cli import main

raise SystemExit(main())
