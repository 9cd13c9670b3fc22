"""Validate's warnings for what staff write that the visitor would read wrong.

Texts longer than fit at their legibility floor (with the field's path and the limit,
landscape and portrait), figures too wide, compact currency written in billions,
control characters and direction overrides, pictures that are not drawn, and pictures
named with another letter case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.core.content.capacities import CAPACITIES
from kiosk.core.content.cleantext import shown_text, unwanted, unwanted_message
from kiosk.core.content.length_checks import too_long_message
from kiosk.core.content.limits import FIGURE_WIDTHS, FLOORS, ROLES, figure_width
from kiosk.core.content.load import LoadResult, load, load_bytes
from kiosk.core.content.problems import Problem, format_problem
from tests.support import png_header, sample_document, sample_items

FRENCH = "Les producteurs indépendants racontent nos histoires sur tous les écrans. "


def check(document: dict, base_dir: Path = Path(".")) -> LoadResult:
    return load_bytes(json.dumps(document, ensure_ascii=False, indent=1).encode(), base_dir)


def warnings_at(result: LoadResult, path: str, about: str = "") -> list[Problem]:
    return [p for p in result.problems
            if p.path == path and p.severity == "warning" and about in p.message]


FLOOR = "at the smallest readable size"


def capacity(key: str, orientation: str, count: int = 1) -> int:
    return CAPACITIES[key][orientation][count - 1]


# -- lengths ---------------------------------------------------------------------------------
def test_every_field_has_a_floor_and_a_capacity_in_both_orientations() -> None:
    for key, role in ROLES.items():
        assert role in FLOORS
        variants = [name for name in CAPACITIES if name.split("@")[0] == key]
        assert variants, key
        for name in variants:
            assert set(CAPACITIES[name]) == {"landscape", "portrait"}


def test_the_floors_are_the_visual_briefs() -> None:
    # the visual brief's six, and the notice banner's (read in passing: a card title's floor)
    assert FLOORS == {"hero": 72, "title": 56, "item_title": 36, "body": 28, "figure": 96,
                      "caption": 20, "quote": 40,  # a quote's words: large type (issue 17)
                      "notice": 36}


def test_a_card_text_far_too_long_is_warned_with_path_length_and_limit() -> None:
    document = sample_document()
    text = (FRENCH * 20)[:1480]
    document["panels"][1]["cards"][0]["text"] = {"en": "Short", "fr": text}
    result = check(document)
    assert result.ok  # a warning, not an error: the screen cuts it short
    (problem,) = warnings_at(result, "panels[1].cards[0].text (fr)")
    landscape = capacity("cards.cards.text", "landscape", 6)
    portrait = capacity("cards.cards.text", "portrait", 6)
    assert problem.message.startswith(
        f"1,480 characters; about {landscape} fit at the smallest readable size in "
        f"landscape, {portrait} in portrait"
    )
    assert problem.line is not None
    assert "panels[1].cards[0].text (fr): 1,480 characters; about" in format_problem(
        problem, "content.json"
    )


def test_a_text_too_long_only_in_portrait_says_so() -> None:
    landscape = capacity("steps.intro", "landscape")
    portrait = capacity("steps.intro", "portrait")
    assert portrait < landscape
    document = sample_document()
    document["panels"][2]["intro"] = ("word " * 200)[: portrait + 10]
    (problem,) = warnings_at(check(document), "panels[2].intro", FLOOR)  # plain: no (en)
    assert f"about {portrait} fit at the smallest readable size in portrait " in problem.message
    assert f"({landscape} in landscape)" in problem.message
    assert "a portrait screen cuts it short" in problem.message


def test_texts_that_fit_get_no_warning() -> None:
    document = sample_document()
    document["panels"][1]["cards"] = sample_items(8)
    assert not [p for p in check(document).problems if FLOOR in p.message]


def test_ten_thousand_emoji_and_eight_cards_of_500_characters_are_warned() -> None:
    document = sample_document()
    document["panels"][0]["title"] = "\U0001f600" * 10000
    document["panels"][1]["cards"] = sample_items(8, text="x" * 500)
    result = check(document)
    (title,) = warnings_at(result, "panels[0].title", FLOOR)
    assert title.message.startswith("10,000 characters; about ")
    for index in range(8):
        (card,) = warnings_at(result, f"panels[1].cards[{index}].text", FLOOR)
        assert card.message.startswith("500 characters; about ")


def test_the_message_says_when_nothing_fits() -> None:
    message = too_long_message(12, {"landscape": 0, "portrait": 60}, "characters",
                               "shorten it", "categories")
    assert message.startswith("12 characters; none fit at the smallest readable size in "
                              "landscape (60 in portrait) (fewer categories leave more room)")


# -- figures ---------------------------------------------------------------------------------
def stats_document(*figures: dict) -> dict:
    return {
        "languages": ["en", "fr"], "default_language": "en",
        "panels": [{"id": "s", "kind": "stats", "title": "Figures", "source": "Source",
                    "figures": list(figures)}],
    }


def test_figure_width_counts_digits_marks_and_unit_words() -> None:
    assert figure_width("148,200") == pytest.approx(6 + FIGURE_WIDTHS["mark"])
    unit = FIGURE_WIDTHS["unit gap"] + 5 * FIGURE_WIDTHS["unit narrow"] + 3 * FIGURE_WIDTHS["unit"]
    billion = 3 + FIGURE_WIDTHS["mark"] + unit  # "$" 7 1; " " i l l i narrow; b o n
    assert figure_width("$7.1 billion") == pytest.approx(billion)


def test_a_figure_too_wide_at_the_floor_is_warned() -> None:
    figures = [{"value": 1e15 - 1, "label": "A huge count"}, {"value": 148200, "label": "Jobs"}]
    result = check(stats_document(*figures))
    (problem,) = warnings_at(result, "panels[0].figures[0].value")
    assert "digits wide (\"999,999,999,999,999\" in en)" in problem.message
    assert "never cut short" in problem.message
    assert warnings_at(result, "panels[0].figures[1].value") == []


def test_a_compact_currency_figure_under_1000_suggests_billions() -> None:
    figure = {"value": 7.4, "format": "currency-compact", "label": "Volume"}
    (problem,) = warnings_at(check(stats_document(figure)), "panels[0].figures[0].value")
    assert 'shows as "$7.4"' in problem.message
    assert "did you mean 7400000000 for $7.4 billion?" in problem.message


@pytest.mark.parametrize("value", [0, 1000, 7100000000])
def test_no_billions_hint_for_real_amounts(value) -> None:
    figure = {"value": value, "format": "currency-compact", "label": "Volume"}
    assert warnings_at(check(stats_document(figure)), "panels[0].figures[0].value") == []


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ({"value": 0.0004, "format": "currency-compact"},
         'shows as "$0.000" although its value is 0.0004: it rounds to zero even at 3 '
         "decimals, the most the kiosk shows; check the value (write an amount in full, "
         "7100000000 rather than 7.1: the kiosk adds the word)"),
        ({"value": 1e-300, "format": "currency-compact"},  # was no warning at all (h12 V5)
         'shows as "$0.000" although its value is 1e-300: it rounds to zero even at 3'),
        ({"value": 0.0004, "format": "percent"},
         'shows as "0.000%" although its value is 0.0004: it rounds to zero even at 3 '
         "decimals, the most the kiosk shows; check the value"),
        ({"value": 0.3, "format": "number", "decimals": 0},
         'shows as "0" although its value is 0.3: it rounds to zero at 0 decimals; give '
         '"decimals": 1, or leave "decimals" out (the kiosk then shows the digits that matter)'),
        ({"value": 0.04, "format": "currency", "decimals": 1},
         'shows as "$0.0" although its value is 0.04: it rounds to zero at 1 decimal; give '
         '"decimals": 2'),
        ({"value": 40000, "format": "currency-compact", "decimals": 0, "currency": "EUR"}, None),
        ({"value": 0.0005, "format": "number"}, None),  # "0.001": the digit that matters
    ],
)
def test_a_figure_that_shows_as_zero_is_warned(figure: dict, message: str | None) -> None:
    # h12 V5: 0.0004 with currency-compact showed "$0.000"; validate said OK
    found = warnings_at(check(stats_document({**figure, "label": "Volume"})),
                        "panels[0].figures[0].value")
    if message is None:
        assert found == []
    else:
        (problem,) = found
        assert problem.message.startswith(message)


# -- control characters ----------------------------------------------------------------------
def test_control_characters_and_overrides_are_named_and_stripped() -> None:
    text = "a\x00b\x07c\x1bd\x7fe\x85f \u202etxt.exe"
    assert shown_text(text) == "abcdef txt.exe"
    assert unwanted_message(unwanted(text)).startswith(
        "invisible control characters: NUL (U+0000), BEL (U+0007), ESC (U+001B), "
        "DEL (U+007F), NEL (U+0085), RLO (U+202E); the kiosk leaves them out "
        '(a direction override reorders text: "txt.exe" would read "exe.txt")'
    )


def test_joiners_marks_and_line_breaks_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by ZWJ
    text = f"e\u0301 {family} \u200c\u200e\u05d0\ufe0f line\r\nnext\ttab"
    assert shown_text(text) == f"e\u0301 {family} \u200c\u200e\u05d0\ufe0f line\nnext tab"
    assert unwanted(text) == []


def test_validate_warns_about_control_characters_per_language() -> None:
    document = sample_document()
    document["panels"][0]["title"] = {"en": "Bell\u0007", "fr": "Cloche"}
    result = check(document)
    (problem,) = warnings_at(result, "panels[0].title.en")
    assert "BEL (U+0007)" in problem.message
    assert warnings_at(result, "panels[0].title.fr") == []


# -- blank texts ------------------------------------------------------------------------------
SHOWS_NOTHING = "so the kiosk shows nothing here: write the text"


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "is empty"),
        ("   ", "holds only spaces"),
        (" \n\t ", "holds only spaces"),
        ("\u200b", "holds only characters that show nothing (U+200B)"),
        ("\u2060\u00ad \u3164", "holds only characters that show nothing (U+2060, U+00AD, U+3164)"),
        ("\x07\ufeff", "holds only characters that show nothing (BEL (U+0007), BOM (U+FEFF))"),
    ],
)
def test_a_text_that_shows_nothing_is_warned_with_its_place(text: str, what: str) -> None:
    # h12 V2: validate said OK, the screen showed an empty panel
    document = sample_document()
    document["panels"][0]["title"] = {"en": text, "fr": "Les producteurs"}
    result = check(document)
    assert result.ok  # a warning: the kiosk still runs, with nothing where the title goes
    (problem,) = warnings_at(result, "panels[0].title.en", SHOWS_NOTHING)
    assert problem.message == f"{what}, {SHOWS_NOTHING}"
    assert problem.line is not None
    assert warnings_at(result, "panels[0].title.fr", SHOWS_NOTHING) == []


def test_every_kind_of_text_is_checked_by_the_one_rule() -> None:
    document = sample_document()
    document["panels"][1]["cards"][0]["title"] = ""
    document["panels"][2]["steps"][1]["text"] = {"en": "\u200b", "fr": "Texte"}
    document["panels"].append({"id": "q", "kind": "quote", "quote": " ", "name": "Ana",
                               "qr": {"url": "https://cmpa.ca", "caption": ""}})
    document["notice"] = {"text": {"en": "Back soon", "fr": "  "}}
    result = check(document)
    for path in ("panels[1].cards[0].title", "panels[2].steps[1].text.en", "panels[3].quote",
                 "panels[3].qr.caption", "notice.text.fr"):
        assert warnings_at(result, path, SHOWS_NOTHING), path


def test_an_optional_text_blank_everywhere_may_be_left_out() -> None:
    document = sample_document()
    document["panels"][0]["subtitle"] = {"en": "", "fr": " "}
    result = check(document)
    for language in ("en", "fr"):
        (problem,) = warnings_at(result, f"panels[0].subtitle.{language}", SHOWS_NOTHING)
        assert problem.message.endswith('write the text, or leave out "subtitle"')
    document["panels"][0]["subtitle"] = {"en": "", "fr": "Des histoires"}
    (problem,) = warnings_at(check(document), "panels[0].subtitle.en", SHOWS_NOTHING)
    assert problem.message.endswith("write the text")  # leaving it out loses the French


def test_a_blank_plain_notice_is_not_called_the_same_text_in_every_language() -> None:
    document = sample_document()
    document["notice"] = {"text": ""}
    result = check(document)
    assert [p.message for p in result.problems if p.path == "notice.text"] == [
        f"is empty, {SHOWS_NOTHING}"]


def test_words_in_a_language_not_listed_are_not_checked_for_blanks() -> None:
    document = sample_document()
    document["panels"][0]["title"] = {"en": "Producers", "fr": "Producteurs", "de": ""}
    assert warnings_at(check(document), "panels[0].title.de", SHOWS_NOTHING) == []


# -- pictures ---------------------------------------------------------------------------------
@pytest.mark.parametrize("index", [0, 1, 2])
def test_a_picture_on_any_panel_is_drawn_and_not_warned(tmp_path, index) -> None:
    (tmp_path / "booth.jpg").write_bytes(png_header(1920, 1080))  # PNG bytes: read as such
    document = sample_document()
    document["panels"][index]["image"] = "booth.jpg"
    assert warnings_at(check(document, tmp_path), f"panels[{index}].image") == []


def test_a_picture_named_in_another_case_gets_the_real_name(tmp_path) -> None:
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "booth.jpg").write_bytes(b"jpeg")
    document = sample_document()
    document["panels"][0]["image"] = "Pictures/Booth.JPG"
    path = tmp_path / "stand.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    (problem,) = warnings_at(load(path), "panels[0].image")
    assert "not found in the folder of stand.json" in problem.message
    assert "did you mean 'pictures/booth.jpg'?" in problem.message


def test_a_missing_picture_with_no_near_name_gets_no_guess(tmp_path) -> None:
    document = sample_document()
    document["panels"][0]["image"] = "pictures/booth.jpg"
    (problem,) = warnings_at(check(document, tmp_path), "panels[0].image")
    assert "did you mean" not in problem.message
