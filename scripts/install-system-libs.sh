#!/bin/sh
# The few system libraries Qt's X11 (xcb) platform needs on Debian, Ubuntu and
# Raspberry Pi OS (and python3-venv, which the README's set-up uses). Run once, as
# root (sudo), before the first `kiosk`.
set -e
apt-get update
apt-get install -y python3-venv libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 \
    libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libegl1 libgl1 \
    libfontconfig1 libdbus-1-3
