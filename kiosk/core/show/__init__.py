"""Running the show: rotation, idle, gestures, PIN gate, easing, the kiosk's own words."""
