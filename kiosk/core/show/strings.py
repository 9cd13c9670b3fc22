"""The kiosk's own words (not content): controls, countdown, PIN pad, fallback screen.

Every string exists in English and French; other languages fall back to English.
"""

from __future__ import annotations

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
    },
}


def ui_text(key: str, language: str, **values: object) -> str:
    """The kiosk string `key` in `language` (English if missing), with `values` filled in."""
    table = UI_STRINGS.get(language, UI_STRINGS["en"])
    template = table.get(key, UI_STRINGS["en"][key])
    return template.format(**values) if values else template


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
