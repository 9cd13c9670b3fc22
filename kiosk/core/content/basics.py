"""The building blocks of the content model: strict classes, texts, colours, seconds.

They live apart from `kiosk.core.content.model` so that the media fields
(`kiosk.core.content.media`) can use them; the model re-exports every name.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

MAX_DWELL_SECONDS = 3600

LanguageCode = Annotated[
    str,
    Field(
        pattern=r"^[a-z]{2}$",
        description="A two-letter language code, lower case: 'en', 'fr'.",
    ),
]

Text = Annotated[
    str | dict[LanguageCode, str],
    Field(
        description=(
            'Text in each language: {"en": "...", "fr": "..."}. A plain string means '
            "the same text in every language."
        ),
    ),
]

Colour = Annotated[
    str,
    Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="A colour as #RRGGBB, e.g. #F5B041."),
]

Seconds = Annotated[
    float,
    Field(gt=0, le=MAX_DWELL_SECONDS, description="Seconds, more than 0, at most 3600."),
]


class Strict(BaseModel):
    """Base of every content class: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
