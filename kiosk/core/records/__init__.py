"""What happened: event log, report, status file, systemd notices, the data folder."""
