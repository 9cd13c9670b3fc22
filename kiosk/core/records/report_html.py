"""`kiosk report --html FILE`: one self-contained page an exhibitor can open and e-mail.

The page is built from the same summary as the text and JSON reports
(`kiosk.core.records.report.summarize`). Everything is inside the one file: the
styles, and the charts as inline SVG (`kiosk.core.records.svgchart`); no font, script,
picture or web address is fetched, so it opens the same offline, in a mail client or
on a phone. The layout is one readable column that fits a phone's width.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from kiosk.core.records.report import notes
from kiosk.core.records.report_text import duration, plural
from kiosk.core.records.svgchart import MAX_CSS_WIDTH, Row, bar_rows, columns

VISITORS = "#d98a00"
ROTATION = "#9aa8ba"
LANGUAGES = {"en": "English", "fr": "French"}

STYLE = """
body{margin:0;background:#f4f1ea;color:#1d2a3a;font:16px/1.45 system-ui,-apple-system,
"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:760px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 8px}
h3{font-size:1em;margin:18px 0 4px;color:#5b6b7f}
.meta,.note,figcaption{color:#5b6b7f;font-size:.9em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:18px 0}
.card{background:#fff;border-radius:10px;padding:12px 14px}
.card b{display:block;font-size:1.6em;line-height:1.2}
figure{margin:0;background:#fff;border-radius:10px;padding:12px 14px}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 4px 0 10px}
ul{padding-left:1.2em}
""" + f"figure svg{{display:block;max-width:{MAX_CSS_WIDTH}px}}"


def render_html(summary: dict[str, Any]) -> str:
    """The whole report page for `summary`, as one HTML document."""
    sessions = summary["sessions"]
    parts = [
        _head(summary),
        _cards(summary),
        _per_hour(sessions),
        _lengths(sessions),
        _panels(sessions),
        _languages(sessions),
        _kiosk(summary["health"]),
        "</main></body></html>\n",
    ]
    return "\n".join(parts)


def _head(summary: dict[str, Any]) -> str:
    days = list(summary["sessions"]["per_day"])
    when = days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}" if days else "no visitors"
    meta = f"{when} · times in {summary['time_zone']} · {summary['database']}"
    note = "".join(f'<p class="note">{escape(text)}</p>' for text in notes(summary))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Booth report: {escape(when)}</title><style>{STYLE}</style></head>"
        f'<body><main><h1>What the booth saw</h1><p class="meta">{escape(meta)}</p>{note}'
    )


def _cards(summary: dict[str, Any]) -> str:
    sessions = summary["sessions"]
    count = sessions["count"]
    share = sessions["french_share"]
    cards = [
        ("Visitor sessions", str(count)),
        ("Median session", duration(sessions["median_seconds"])),
        ("Switched to French", "-" if share is None else f"{round(100 * share)}%"),
        ("Busiest hour", _busiest(sessions["per_hour"])),
        ("Restarts after a crash", str(summary["health"]["unclean_restarts"])),
        ("Content errors", str(len(summary["health"]["content_errors"]))),
    ]
    body = "".join(
        f'<div class="card"><b>{escape(value)}</b>{escape(name)}</div>' for name, value in cards
    )
    return f'<section class="cards">{body}</section>'


def _busiest(per_hour: dict[str, dict[str, int]]) -> str:
    slots = [(n, day, hour) for day, hours in per_hour.items() for hour, n in hours.items()]
    if not slots:
        return "-"
    count, day, hour = max(slots, key=lambda slot: slot[0])
    label = f"{hour}:00" if len(per_hour) == 1 else f"{_day(day, short=True)} {hour}:00"
    return f"{label} ({count})"


def _day(iso: str, short: bool = False) -> str:
    return date.fromisoformat(iso).strftime("%a %d %b" if short else "%A %d %B %Y")


def _figure(name: str, caption: str, chart: str, legend: str = "") -> str:
    caption_html = f"<figcaption>{escape(caption)}{legend}</figcaption>"
    return f'<figure data-chart="{name}">{chart}{caption_html}</figure>'


def _per_hour(sessions: dict[str, Any]) -> str:
    per_hour: dict[str, dict[str, int]] = sessions["per_hour"]
    hours = sorted({int(hour) for day in per_hour.values() for hour in day})
    if not hours:
        return _section("Visitors per hour", '<p class="note">Nobody touched the screen.</p>')
    out: list[str] = []
    span = range(hours[0], hours[-1] + 1)
    for day, counts in per_hour.items():
        bars = [(f"{h:02d}", float(counts.get(f"{h:02d}", 0))) for h in span]
        chart = columns(bars, f"Visitor sessions per hour on {day}", VISITORS)
        total = sessions["per_day"][day]
        out.append(f"<h3>{escape(_day(day))}: {total} sessions</h3>")
        out.append(_figure("visitors-per-hour", "Sessions started in each local hour.", chart))
    return _section("Visitors per hour", "".join(out))


def _lengths(sessions: dict[str, Any]) -> str:
    bars = [(row["label"], float(row["count"])) for row in sessions["lengths"]]
    chart = columns(bars, "How long visitor sessions lasted", VISITORS)
    caption = (
        "Sessions by time from the first touch to the last; median "
        f"{duration(sessions['median_seconds'])}."
    )
    return _section("How long visitors stayed", _figure("session-length", caption, chart))


def _panels(sessions: dict[str, Any]) -> str:
    views = sessions["panels"]
    by_visitors = sum(row["visitor_views"] for row in views) or 1
    by_rotation = sum(row["rotation_views"] for row in views) or 1
    rows = [
        Row(
            row["title"] or row["id"],
            (row["visitor_views"] / by_visitors, row["rotation_views"] / by_rotation),
            (_share(row["visitor_views"], by_visitors), _share(row["rotation_views"], by_rotation)),
        )
        for row in views
    ]
    chart = bar_rows(rows, (VISITORS, ROTATION), "Panel views by visitors and by the rotation")
    legend = (
        f'<br><span class="key" style="background:{VISITORS}"></span>seen by visitors'
        f'<span class="key" style="background:{ROTATION}"></span>shown by the rotation'
    )
    caption = (
        "Each panel's share of the views, in show order. A panel visitors seek out has "
        "a longer orange bar than grey."
    )
    figure = _figure("panel-views", caption, chart, legend)
    return _section("Panels: visitors and the rotation", figure)


def _share(count: int, total: int) -> str:
    return f"{count} ({round(100 * count / total)}%)"


def _languages(sessions: dict[str, Any]) -> str:
    count = sessions["count"] or 1
    rows = [
        Row(f"Ended in {LANGUAGES.get(code, code)}", (n / count,), (_share(n, count),))
        for code, n in sessions["languages"].items()
    ]
    french = sessions["switched_to_french"]
    switched = Row("Switched to French at least once", (french / count,), (_share(french, count),))
    rows.append(switched)
    chart = bar_rows(rows, (VISITORS,), "Languages of visitor sessions")
    caption = "Sessions by the language on screen at the visitor's last touch."
    return _section("Languages", _figure("languages", caption, chart))


def _kiosk(health: dict[str, Any]) -> str:
    if not health["recorded"]:
        return _section("The kiosk", '<p class="note">This log has no starts or errors.</p>')
    errors = health["content_errors"]
    items = "".join(
        f"<li>{escape(error['at'][:16].replace('T', ' '))}: {escape(error['message'])}</li>"
        for error in errors
    )
    text = (
        f"<p>Started {health['starts']} times; {health['unclean_restarts']} of them after "
        f"a crash or power cut. {plural(len(errors), 'content error')}.</p>"
    )
    return _section("The kiosk", text + (f"<ul>{items}</ul>" if items else ""))


def _section(title: str, body: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{body}</section>"
