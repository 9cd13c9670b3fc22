"""Producers' Story Kiosk: an offline touch kiosk about Canada's independent screen producers."""
