"""Pure logic of the kiosk: no Qt import anywhere in this package."""
