"""Producers' Story Kiosk: an offline touch kiosk about Canada's independent screen producers."""
__version__ = "0.1.0"
