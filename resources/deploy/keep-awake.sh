#!/bin/sh
# Keep a booth screen from blanking or sleeping (X11 and GNOME). Run once per session,
# e.g. from the autostart entry or an ExecStartPre= line in the systemd unit.
xset s off -dpms s noblank 2>/dev/null || true
if command -v gsettings >/dev/null 2>&1; then
  gsettings set org.gnome.desktop.session idle-delay 0
  gsettings set org.gnome.desktop.screensaver lock-enabled false
  gsettings set org.gnome.settings-daemon.plugins.power sleep-inactive-ac-type 'nothing'
  gsettings set org.gnome.settings-daemon.plugins.power idle-dim false
fi
