"""The kiosk's own words (not content): controls, countdown, PIN pad, fallback screen.

Every string exists in English and French; other languages fall back to English.
"""

from __future__ import annotations

from kiosk.core.content.timetext import MONTHS, WEEKDAY_NAMES

UI_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "language_name": "English",
        "countdown": "Returning to start in {seconds}",
        "paused": "Paused",
        "previous": "Previous",
        "next": "Next",
        "pin_title": "Operator PIN",
        "pin_wrong": "Wrong PIN",
        "pin_locked": "Locked: try again in {seconds} s",
        "pin_cancel": "Cancel",
        "pin_ok": "OK",
        "fallback_title": "Independent producers make it happen",
        "fallback_subtitle": "The story will be back in a moment.",
        "qr_caption": "Scan with your phone",
        "closed": "Closed",
        "open_today": "Open again today at {time}",
        "open_tomorrow": "Open again tomorrow at {time}",
        "open_weekday": "Open again on {weekday} at {time}",
        "open_date": "Open again on {weekday}, {month} {day} at {time}",
        "open_year": "Open again on {month} {day}, {year} at {time}",
        "not_reopening": "Thank you for your visit",
        "time": "{hour}:{minute:02d}",
        "time_minutes": "{hour}:{minute:02d}",
    },
    "fr": {
        "language_name": "Français",
        "countdown": "Retour au début dans {seconds}",
        "paused": "En pause",
        "previous": "Précédent",
        "next": "Suivant",
        "pin_title": "NIP de l’opérateur",
        "pin_wrong": "NIP erroné",
        "pin_locked": "Verrouillé : réessayez dans {seconds} s",
        "pin_cancel": "Annuler",
        "pin_ok": "OK",
        "fallback_title": "Les producteurs indépendants font bouger les choses",
        "fallback_subtitle": "L’histoire reprend dans un instant.",
        "qr_caption": "Scannez avec votre téléphone",
        "closed": "Fermé",
        "open_today": "Réouverture aujourd’hui à {time}",
        "open_tomorrow": "Réouverture demain à {time}",
        "open_weekday": "Réouverture {weekday} à {time}",
        "open_date": "Réouverture le {weekday} {day} {month} à {time}",
        "open_year": "Réouverture le {day} {month} {year} à {time}",
        "not_reopening": "Merci de votre visite",
        "time": "{hour}\u00a0h",
        "time_minutes": "{hour}\u00a0h\u00a0{minute:02d}",
    },
}


def ui_text(key: str, language: str, **values: object) -> str:
    """The kiosk string `key` in `language` (English if missing), with `values` filled in."""
    table = UI_STRINGS.get(language, UI_STRINGS["en"])
    template = table.get(key, UI_STRINGS["en"][key])
    return template.format(**values) if values else template


CALENDAR_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # weekdays from Monday, months from January
    "en": (WEEKDAY_NAMES, MONTHS),
    "fr": (
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"),
    ),
}


def calendar_names(language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names of the weekdays (Monday first) and months in `language` (English if missing)."""
    return CALENDAR_NAMES.get(language, CALENDAR_NAMES["en"])


def language_name(code: str) -> str:
    """A language's own name for itself: 'Français' for fr, 'English' for en."""
    if code in UI_STRINGS:
        return UI_STRINGS[code]["language_name"]
    try:
        from babel import Locale

        name = Locale.parse(code).get_display_name(code)
    except Exception:  # any unknown code still gets a label
        name = None
    return name.capitalize() if name else code.upper()
