"""Look at `kiosk report --html` without a booth: a synthetic day, the page, and PNGs of it.

``python scripts/report_preview.py --out /tmp/report-preview`` (with the repository on
PYTHONPATH, from the project's .venv) writes a synthetic booth day into
``OUT/data`` (tests/booth_day.py), the report page ``OUT/report.html``, and, when
Chromium is installed (Debian: ``apt-get install chromium``), screenshots of it as a
phone and a desktop see it, plus ``OUT/chart-visitors-per-hour.png``, the chart
shown in the README (copy it to docs/screenshots/ after a visual change).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.cli import main as kiosk
from kiosk.core.records.paths import LAST_GOOD
from kiosk.core.records.report_html import STYLE
from tests.booth_day import write_booth_day

ROOT = Path(__file__).resolve().parents[1]
TZ = "America/Toronto"
DAY = date(2026, 11, 27)
SHOTS = {"phone": (390, 2700), "desktop": (800, 2500)}
CHART = "visitors-per-hour"
CHART_SIZE = (600, 410)


def chromium() -> str | None:
    """The Chromium command, if one is installed."""
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)


def screenshot(browser: str, page: Path, png: Path, size: tuple[int, int]) -> None:
    """Let headless Chromium render `page` at `size` CSS pixels into `png`."""
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--hide-scrollbars",
            f"--window-size={size[0]},{size[1]}",
            f"--screenshot={png}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def chart_page(report: str) -> str:
    """A page with only the first visitors-per-hour chart of `report`, for the README."""
    heading = re.search(r"<h3>.*?</h3>", report)
    figure = re.search(rf'<figure data-chart="{CHART}">.*?</figure>', report, re.S)
    assert heading is not None and figure is not None
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{STYLE}'
        f"main{{padding:12px 16px}}</style></head><body><main>{heading.group(0)}"
        f"{figure.group(0)}</main></body></html>"
    )


def main() -> int:
    """Write the day, the page and its pictures; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/report-preview"))
    out = parser.parse_args().out
    data = out / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    shutil.copy(ROOT / "content.json", data / LAST_GOOD)
    write_booth_day(data, DAY, ZoneInfo(TZ))
    page = out / "report.html"
    kiosk(["report", "--data-dir", str(data), "--tz", TZ, "--html", str(page)])
    browser = chromium()
    if browser is None:
        print("Chromium is not installed: no pictures (apt-get install chromium)")
        return 0
    for name, size in SHOTS.items():
        screenshot(browser, page, out / f"report-{name}.png", size)
    chart = out / f"chart-{CHART}.html"
    chart.write_text(chart_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    screenshot(browser, chart, out / f"chart-{CHART}.png", CHART_SIZE)
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
