"""The content model: what staff write in content.json, as pydantic classes.

The model is the single source of truth for the file format: `kiosk schema`
generates content.schema.json from it, and `kiosk.core.content.load.load` validates
documents against it. Every class forbids unknown keys, so a typo is an error
rather than a setting that silently does nothing.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from kiosk.core.content.basics import (
    MAX_DWELL_SECONDS,
    Colour,
    LanguageCode,
    Seconds,
    Strict,
    Text,
)
from kiosk.core.content.dated import Notice, Schedule, ShowWindow
from kiosk.core.content.media import FileName, ImageRef, Picture, QrCode, picture_of

__all__ = [
    "MAX_DWELL_SECONDS",
    "Colour",
    "Content",
    "LanguageCode",
    "Notice",
    "Picture",
    "QrCode",
    "Schedule",
    "Seconds",
    "ShowWindow",
    "Strict",
    "Text",
    "localize",
    "picture_of",
]

IconName = Literal[
    "clapperboard",
    "handshake",
    "contract",
    "map-pin",
    "megaphone",
    "globe",
    "seedling",
    "spotlight",
    "pen",
    "people",
    "camera",
    "coins",
    "search",
    "star",
]
ICON_NAMES: tuple[str, ...] = IconName.__args__  # type: ignore[attr-defined]

FigureFormat = Literal["currency-compact", "currency", "number", "percent"]


class Theme(Strict):
    """Colours and typeface of the kiosk; the defaults are the house style."""

    background: Colour = "#0F1B2D"
    surface: Colour = "#172A44"
    text: Colour = "#F4EFE6"
    muted: Colour = "#C3CCD8"
    accent: Colour = "#F5B041"
    accent_red: Colour = "#E5484D"
    font_family: str = Field(
        default="Inter", description="A font family shipped in resources/fonts (Inter)."
    )


class Settings(Strict):
    """How the kiosk behaves; every setting is optional."""

    dwell_seconds: Seconds = Field(default=12, description="How long each panel stays up.")
    transition: Literal["fade", "slide", "none"] = "fade"
    transition_ms: int = Field(
        default=600, ge=0, le=5000, description="Length of a transition in milliseconds."
    )
    idle_timeout_seconds: Seconds = Field(
        default=60, description="After this long without a touch, return to the attract loop."
    )
    reduced_motion: bool = Field(
        default=False, description="Show every panel settled at once: no count-up, no motion."
    )
    screenshot_minutes: int = Field(
        default=10,
        ge=0,
        le=1440,
        description=(
            "Every this many minutes, save what visitors see as screenshot.png in the data "
            "folder (for operators watching a fleet); 0 turns it off."
        ),
    )
    sync_to_clock: bool = Field(
        default=False,
        description=(
            "Keep screens that show the same content in step: the panel on screen follows "
            "the clock (a cycle from local midnight), so every screen shows the same panel "
            "at the same moment. Needs clocks kept right (NTP or chrony)."
        ),
    )
    admin_pin: str = Field(
        default="2468",
        pattern=r"^[0-9]{4,8}$",
        description="The operator PIN that leaves the kiosk: 4 to 8 digits, in quotes.",
    )
    theme: Theme = Theme()


class PanelBase(Strict):
    """Fields every panel has, whatever its kind."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,39}$",
        description="A unique short name: lower-case letters, digits and dashes.",
    )
    dwell_seconds: Seconds | None = Field(
        default=None, description="How long this panel stays up (overrides settings)."
    )
    image: ImageRef | None = None
    qr: QrCode | None = Field(
        default=None, description="A QR code visitors scan to take a web page away."
    )
    show: ShowWindow | None = Field(
        default=None,
        description="When this panel is in the rotation (from, until, days, hours); always if "
        "left out.",
    )

    def headline(self) -> Text | None:
        """What names this panel in a report: its title, else its caption or its words."""
        for name in ("title", "caption", "quote"):
            text = getattr(self, name, None)
            if text:
                return text
        return None


class TitlePanel(PanelBase):
    """A headline screen: the story's opening."""

    kind: Literal["title"]
    title: Text
    subtitle: Text | None = None


class Card(Strict):
    """One card of a cards panel: an icon, a title and one line of text."""

    icon: IconName
    title: Text
    text: Text


class CardsPanel(PanelBase):
    """A grid of cards, e.g. what a producer does."""

    kind: Literal["cards"]
    title: Text
    cards: list[Card] = Field(min_length=1, max_length=8)


class Step(Strict):
    """One step of a steps panel."""

    icon: IconName
    title: Text
    text: Text


class StepsPanel(PanelBase):
    """A sequence of steps joined by connectors, e.g. identify, nurture, showcase."""

    kind: Literal["steps"]
    title: Text
    intro: Text | None = None
    steps: list[Step] = Field(min_length=1, max_length=6)


class Figure(Strict):
    """A figure that counts up on the statistics panel."""

    value: float = Field(ge=0, le=1e15, description="The figure, as a plain number: 7100000000.")
    format: FigureFormat = "number"
    currency: str = Field(default="CAD", pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    decimals: int | None = Field(
        default=None, ge=0, le=3, description="Decimals shown; default depends on the format."
    )
    label: Text


class ChartSeries(Strict):
    """One series of bars: one value per chart category."""

    name: Text
    values: list[Annotated[float, Field(ge=0, le=1e15)]] = Field(min_length=1, max_length=12)


class Chart(Strict):
    """A bar chart that grows with the figures."""

    title: Text
    categories: list[Text] = Field(min_length=1, max_length=12)
    series: list[ChartSeries] = Field(min_length=1, max_length=4)
    stacked: bool = Field(default=True, description="Stack the series in one bar per category.")


class StatsPanel(PanelBase):
    """Figures that count up, an optional chart, and the source line."""

    kind: Literal["stats"]
    title: Text
    figures: list[Figure] = Field(min_length=1, max_length=6)
    chart: Chart | None = None
    source: Text


class PhotoPanel(PanelBase):
    """One photograph over the whole screen, with a caption and its credit."""

    kind: Literal["photo"]
    image: ImageRef
    caption: Text | None = None
    credit: Text | None = Field(default=None, description='Who took it: "Photo: A. Martin".')


class QuotePanel(PanelBase):
    """A producer's or creator's words in large type, with their name and role.

    The optional `image` is their portrait.
    """

    kind: Literal["quote"]
    quote: Text = Field(description="Their words, without quotation marks (the kiosk adds them).")
    name: Text
    role: Text | None = None


class VideoPanel(PanelBase):
    """A short muted video that loops; its poster shows whenever the video cannot play.

    Without `dwell_seconds`, the panel stays up as long as the video lasts.
    """

    kind: Literal["video"]
    video: FileName = Field(description='An MP4 video (H.264), e.g. "media/trailer.mp4".')
    poster: ImageRef | None = Field(
        default=None, description="A still shown before the video plays, and instead of it."
    )
    caption: Text | None = None
    muted: bool = Field(default=True, description="Play without sound (the default).")


Panel = Annotated[
    TitlePanel | CardsPanel | StepsPanel | StatsPanel | PhotoPanel | QuotePanel | VideoPanel,
    Field(discriminator="kind"),
]

PANEL_KINDS: tuple[str, ...] = ("title", "cards", "steps", "stats", "photo", "quote", "video")


class Content(Strict):
    """A whole content.json document."""

    schema_ref: str | None = Field(default=None, alias="$schema")
    languages: list[LanguageCode] = Field(min_length=1, max_length=8)
    default_language: LanguageCode
    settings: Settings = Settings()
    schedule: Schedule | None = Field(
        default=None, description="Opening hours; without a schedule the kiosk is always on."
    )
    notice: Notice | None = Field(default=None, description="A banner shown over every panel.")
    panels: list[Panel] = Field(min_length=1, max_length=50)

    def dwell_for(self, index: int) -> float:
        """Seconds panel `index` stays up: its own dwell, or the default."""
        own = self.panels[index].dwell_seconds
        return own if own is not None else self.settings.dwell_seconds


def localize(text: Text | None, language: str, fallback: str) -> str:
    """Return `text` in `language`, else in `fallback`, else any language, else ''."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for code in (language, fallback):
        if code in text:
            return text[code]
    return next(iter(text.values()), "")
