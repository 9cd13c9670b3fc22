"""The kiosk's palette and typefaces, built from `settings.theme`; the one font factory.

Fonts ship in resources/fonts (`kiosk.shipped`) and are registered once per process, so
text looks the same on every machine, offline. Every font the kiosk draws with comes from
`make_font`: a pixel size (fractional sizes round), a weight, no hinting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase

from kiosk.core.content.model import Theme as ThemeSettings
from kiosk.shipped import resource_dir

log = logging.getLogger(__name__)

FONTS_DIR = resource_dir("fonts")
FALLBACK_FAMILY = "Inter"


@cache
def register_fonts() -> tuple[str, ...]:
    """Register every bundled font with Qt once; return the families found."""
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("*.otf")) + sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if FALLBACK_FAMILY not in families:
        log.warning(
            "the bundled font %s is missing from %s; text is drawn with the system's "
            "fallback font instead",
            FALLBACK_FAMILY,
            FONTS_DIR,
        )
    return tuple(dict.fromkeys(families))


@cache
def _unknown_family(family: str) -> None:
    """Log, once per family, that content asked for a font the kiosk does not ship."""
    log.warning(
        "font family %r is not shipped; using the fallback font %s", family, FALLBACK_FAMILY
    )


def make_font(
    family: str, pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal
) -> QFont:
    """A font of `family` at `pixel_size` device pixels (at least 1), unhinted."""
    font = QFont(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass(frozen=True)
class Theme:
    """Colours and fonts for painting; one instance per content version."""

    background: QColor
    surface: QColor
    text: QColor
    muted: QColor
    accent: QColor
    accent_red: QColor
    family: str

    @classmethod
    def from_settings(cls, settings: ThemeSettings) -> Theme:
        """Build the painting theme from the content's theme settings."""
        families = register_fonts()
        family = settings.font_family
        if family not in families:
            _unknown_family(family)
            family = FALLBACK_FAMILY
        return cls(
            background=QColor(settings.background),
            surface=QColor(settings.surface),
            text=QColor(settings.text),
            muted=QColor(settings.muted),
            accent=QColor(settings.accent),
            accent_red=QColor(settings.accent_red),
            family=family,
        )

    def font(self, pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        """A font of this theme's family at `pixel_size` device pixels."""
        return make_font(self.family, pixel_size, weight)
