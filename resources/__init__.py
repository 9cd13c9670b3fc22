"""The kiosk's shipped files (fonts, icons, deployment files), as the package kiosk.resources.

See kiosk/shipped.py, which reads them with importlib.resources.
"""
