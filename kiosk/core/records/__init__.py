"""What happened: event log, report, status file, systemd notices, the data folder."""

# the modules other packages use; the others serve these
__all__ = [
    "localtime", "paths", "recorder", "report", "report_html", "report_text", "sdnotify",
    "showorder",
]
