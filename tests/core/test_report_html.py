"""The HTML report of a synthetic booth day: self-contained, every chart, escaped text."""

from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.records.paths import EVENTS_DB
from kiosk.core.records.report import empty_summary, summarize
from kiosk.core.records.report_html import render_html
from tests.booth_day import PANELS, write_booth_day

TORONTO = ZoneInfo("America/Toronto")
DAY = date(2026, 11, 27)
CHARTS = ("visitors-per-hour", "session-length", "panel-views", "languages")


class Page(HTMLParser):
    """What a browser would find in the page: tags, attributes, charts, text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.charts: list[str] = []
        self.svg_labels: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        self.attributes += [value or "" for value in found.values()]
        if "data-chart" in found:
            self.charts.append(found["data-chart"] or "")
        if tag == "svg":
            self.svg_labels.append(found.get("aria-label") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_of(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def day_summary(tmp_path_factory) -> dict:
    data_dir = tmp_path_factory.mktemp("booth")
    write_booth_day(data_dir, DAY, TORONTO)
    titles = [(panel_id, panel_id.replace("-", " ").title()) for panel_id, _ in PANELS]
    return summarize(data_dir / EVENTS_DB, tz=TORONTO, panels=titles)


def test_the_day_has_visitors_a_crash_and_an_error(day_summary) -> None:
    sessions = day_summary["sessions"]
    assert sessions["count"] > 50
    assert sessions["walked_away"] == sessions["count"]
    assert 0 < sessions["switched_to_french"] < sessions["count"]
    assert set(sessions["per_hour"]["2026-11-27"]) <= {f"{h:02d}" for h in range(9, 18)}
    assert day_summary["health"]["starts"] == 2
    assert day_summary["health"]["unclean_restarts"] == 1
    assert len(day_summary["health"]["content_errors"]) == 1


def test_the_page_is_self_contained(day_summary) -> None:
    html = render_html(day_summary)
    assert "http://" not in html and "https://" not in html
    page = page_of(html)
    assert not {"script", "link", "img", "iframe", "object"} & set(page.tags)
    assert not [value for value in page.attributes if "url(" in value or "//" in value]
    assert "url(" not in html


def test_every_chart_is_in_the_page(day_summary) -> None:
    page = page_of(render_html(day_summary))
    assert set(page.charts) == set(CHARTS)
    assert page.charts.count("visitors-per-hour") == 1  # one day, one chart
    assert len(page.svg_labels) == len(page.charts)
    assert "Visitor sessions per hour on 2026-11-27" in page.svg_labels
    text = " ".join(page.text)
    for _, title in [(p, p.replace("-", " ").title()) for p, _ in PANELS]:
        assert title in text  # every panel by its title, in the panel chart
    assert f"{day_summary['sessions']['count']}" in text


def test_the_page_fits_a_phone(day_summary) -> None:
    html = render_html(day_summary)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert 'width="100%"' in html and "max-width:760px" in html


def test_a_day_per_chart_when_the_report_spans_days(tmp_path: Path) -> None:
    write_booth_day(tmp_path, DAY, TORONTO, seed=1)
    write_booth_day(tmp_path, date(2026, 11, 28), TORONTO, seed=2)
    summary = summarize(tmp_path / EVENTS_DB, tz=TORONTO)
    assert page_of(render_html(summary)).charts.count("visitors-per-hour") == 2
    one_day = summarize(tmp_path / EVENTS_DB, since="2026-11-28", until="2026-11-28", tz=TORONTO)
    assert list(one_day["sessions"]["per_day"]) == ["2026-11-28"]


def test_text_from_content_and_the_log_is_escaped() -> None:
    summary = empty_summary(Path("<b>events</b>.sqlite3"), panels=[("a", "<script>x</script>")])
    summary["error"] = "<img src=x onerror=alert(1)>"
    summary["sessions"]["panels"][0]["visitor_views"] = 1
    html = render_html(summary)
    page = page_of(html)
    assert {"script", "img"}.isdisjoint(page.tags)
    text = " ".join(page.text)
    assert "<script>x</script>" in text and "<b>events</b>.sqlite3" in text


def test_an_empty_log_still_makes_a_page() -> None:
    page = page_of(render_html(empty_summary(Path("events.sqlite3"))))
    assert "Nobody touched the screen." in " ".join(page.text)
