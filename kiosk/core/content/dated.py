"""The dated parts of the content model: opening hours, a panel's window, the notice.

`Schedule` (when the booth is open and what the screen does outside those hours),
`ShowWindow` (a panel's ``show``: from, until, days, hours) and `Notice` (a banner over
every panel, until a moment). Their texts are checked by `kiosk.core.content.timetext`
as the model reads them, so a content that loads has hours the kiosk can read; what
they mean is computed by `kiosk.core.content.schedule`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, model_validator

from kiosk.core.content import timetext
from kiosk.core.content.basics import Strict, Text

DayName = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_NAMES: tuple[str, ...] = DayName.__args__  # type: ignore[attr-defined]


def _checked_hours(text: str) -> str:
    timetext.parse_hours(text)
    return text


def _checked_day(text: str) -> str:
    timetext.parse_day(text)
    return text


def _checked_moment(text: str) -> str:
    timetext.parse_moment(text)
    return text


def _checked_zone(name: str) -> str:
    from kiosk.core.content.zones import check_zone

    check_zone(name)
    return name


Hours = Annotated[
    str,
    AfterValidator(_checked_hours),
    Field(
        description=(
            'Opening ranges of one day, 24-hour: "09:00-18:00", several: "09:00-12:00, '
            '13:00-18:00", past midnight: "22:00-02:00" (at most 12 hours), or "closed".'
        ),
        json_schema_extra={"pattern": timetext.HOURS_PATTERN},
    ),
]

DayKey = Annotated[
    str,
    AfterValidator(_checked_day),
    Field(description="A date, YYYY-MM-DD.", json_schema_extra={"pattern": timetext.DATE_PATTERN}),
]

LocalMoment = Annotated[
    str,
    AfterValidator(_checked_moment),
    Field(
        description=(
            'A local date and time, "2026-12-05T14:00", or a date, "2026-12-05" (as an '
            "until, a date includes its day). No time zone: the schedule's applies."
        ),
        json_schema_extra={"pattern": timetext.MOMENT_PATTERN},
    ),
]


class WeeklyHours(Strict):
    """Opening hours for each day of the week; a day left out is closed."""

    mon: Hours | None = None
    tue: Hours | None = None
    wed: Hours | None = None
    thu: Hours | None = None
    fri: Hours | None = None
    sat: Hours | None = None
    sun: Hours | None = None


class Schedule(Strict):
    """When the booth is open, and what the screen does outside those hours."""

    hours: WeeklyHours | None = Field(
        default=None,
        description="Weekly hours; a day left out is closed. Without it, open every day.",
    )
    dates: dict[DayKey, Hours] = Field(
        default_factory=dict,
        description='Dated exceptions that replace the weekly hours: {"2026-12-25": "closed"}.',
    )
    outside_hours: Literal["closed_screen", "screen_off"] = Field(
        default="closed_screen",
        description=(
            "Outside opening hours: a calm screen with the next opening time "
            '("closed_screen"), or the display switched off ("screen_off").'
        ),
    )
    timezone: Annotated[str, AfterValidator(_checked_zone)] | None = Field(
        default=None,
        description="The booth's time zone, e.g. America/Toronto (default: the machine's).",
    )
    hdmi_cec: bool = Field(
        default=False,
        description=(
            "With screen_off, also put a TV on standby over HDMI-CEC (cec-ctl or cec-client), "
            "for TVs that ignore the computer's power saving."
        ),
    )


class ShowWindow(Strict):
    """When a panel is in the rotation; outside it the panel is not shown."""

    model_config = ConfigDict(populate_by_name=False)

    starts: LocalMoment | None = Field(
        default=None, alias="from", description="Shown from this local date and time."
    )
    until: LocalMoment | None = Field(
        default=None, description="Shown until this local date and time (a date: to its end)."
    )
    days: list[DayName] | None = Field(
        default=None, min_length=1, max_length=7, description='Only on these days: ["fri", "sat"].'
    )
    hours: Hours | None = Field(default=None, description="Only during these hours of a day.")

    @model_validator(mode="after")
    def _until_after_from(self) -> ShowWindow:
        if self.starts is not None and self.until is not None:
            start = timetext.parse_moment(self.starts)
            end = timetext.parse_moment(self.until, end=True)
            if end <= start:
                raise ValueError(
                    f'"until" ({self.until}) must come after "from" ({self.starts}): '
                    "as written the panel is never shown"
                )
        return self


class Notice(Strict):
    """A banner over every panel: "Back at 14:00", "Pitch session at 15:00 today"."""

    text: Text
    until: LocalMoment | None = Field(
        default=None, description="The banner goes at this local date and time (a date: its end)."
    )
