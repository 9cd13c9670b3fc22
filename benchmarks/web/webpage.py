"""Build the browser peer: the kiosk's six panels as one self-contained web page.

The page is what a team would ship to Chromium's kiosk mode instead of the app:
the same content.json (embedded), the same bundled Inter font (by a relative
path to resources/fonts), inline CSS and JavaScript, no network. It rotates the
panels with a 600 ms fade, staggers the entrances, counts the figures up with
`Intl.NumberFormat` and grows the chart in step, then stops animating (nothing
runs on a settled panel, as in the kiosk). `?dwell=8` overrides every dwell.

    python benchmarks/web/webpage.py [--content content.json] [--out benchmarks/web/index.html]
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ICONS = ROOT / "resources" / "icons"
FONTS = ROOT / "resources" / "fonts"
FONT_FACES = (
    ("Inter-Regular.otf", 400),
    ("Inter-Medium.otf", 500),
    ("Inter-SemiBold.otf", 600),
    ("Inter-Bold.otf", 700),
)
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}

CSS = """
:root { --u: calc(min(100vw, 100vh) / 1080); --bg: %(background)s; --surface: %(surface)s;
  --text: %(text)s; --muted: %(muted)s; --accent: %(accent)s; --red: %(accent_red)s; }
%(faces)s
html, body { margin: 0; height: 100%%; overflow: hidden; background: var(--bg);
  color: var(--text); font-family: Inter, sans-serif; cursor: none; user-select: none; }
body { background: radial-gradient(circle at 12%% -15%%, rgba(23, 42, 68, 0.67),
  rgba(0, 0, 0, 0) 85%%), var(--bg); }
.panel { position: absolute; inset: 0; padding: 0 6vw calc(120 * var(--u));
  box-sizing: border-box; display: flex; flex-direction: column; justify-content: center;
  opacity: 0; transition: opacity 600ms cubic-bezier(0.65, 0, 0.35, 1); }
.panel.on { opacity: 1; }
.enter { opacity: 0; transform: translateY(calc(40 * var(--u)));
  transition: opacity 500ms cubic-bezier(0.33, 1, 0.68, 1),
    transform 500ms cubic-bezier(0.33, 1, 0.68, 1);
  transition-delay: calc(var(--i, 0) * 80ms + var(--d, 0ms)); }
.shown .enter { opacity: 1; transform: none; }
.bar { display: flex; gap: calc(10 * var(--u)); margin-bottom: calc(32 * var(--u)); }
.bar i { display: block; height: calc(10 * var(--u)); border-radius: calc(5 * var(--u));
  background: var(--accent); width: calc(112 * var(--u)); }
.bar i + i { background: var(--red); width: calc(28 * var(--u)); }
.title { text-align: center; align-items: center; }
.title .bar { justify-content: center; }
h1 { font-size: calc(132 * var(--u)); font-weight: 700; line-height: 1.2; margin: 0;
  max-width: 90%%; }
h2 { font-size: calc(92 * var(--u)); font-weight: 700; margin: 0; }
.sub { font-size: calc(52 * var(--u)); color: var(--muted); margin-top: calc(48 * var(--u)); }
.intro { font-size: calc(44 * var(--u)); color: var(--muted); margin-top: calc(16 * var(--u)); }
.head { position: absolute; top: calc(56 * var(--u)); left: 6vw; right: 6vw; }
.body { margin-top: calc(230 * var(--u)); }
.steps { display: flex; gap: calc(56 * var(--u)); }
.step { flex: 1; position: relative; }
.ring { width: calc(184 * var(--u)); height: calc(184 * var(--u)); border-radius: 50%%;
  border: calc(5 * var(--u)) solid var(--accent); display: grid; place-items: center;
  color: var(--accent); box-sizing: border-box; }
.ring svg { width: calc(84 * var(--u)); height: calc(84 * var(--u)); display: block; }
.line { position: absolute; top: calc(89 * var(--u)); left: calc(208 * var(--u));
  right: calc(-32 * var(--u)); height: calc(6 * var(--u)); background: var(--accent);
  transform-origin: left; transform: scaleX(0); transition: transform 350ms ease-out;
  transition-delay: var(--d, 0ms); }
.shown .line { transform: scaleX(1); }
.step h3, .card h3 { font-size: calc(52 * var(--u)); margin: calc(32 * var(--u)) 0 0; }
.step p, .card p { font-size: calc(38 * var(--u)); color: var(--muted);
  margin: calc(12 * var(--u)) 0 0; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: calc(32 * var(--u)); }
.card { background: var(--surface); border-radius: calc(28 * var(--u));
  padding: calc(40 * var(--u)); color: var(--text); }
.card svg { width: calc(72 * var(--u)); height: calc(72 * var(--u)); color: var(--accent);
  display: block; }
.card h3 { font-size: calc(48 * var(--u)); }
.card p { font-size: calc(30 * var(--u)); }
.stats { display: flex; gap: calc(56 * var(--u)); }
.figures { flex: 1.1; display: grid; grid-template-columns: 1fr 1fr; gap: calc(48 * var(--u)); }
.figure b { display: block; font-size: calc(140 * var(--u)); color: var(--accent);
  font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figure span { font-size: calc(34 * var(--u)); }
.chart { flex: 1; font-size: calc(30 * var(--u)); }
.chart h4 { margin: 0 0 calc(16 * var(--u)); font-size: calc(34 * var(--u)); }
.legend i { display: inline-block; width: 1em; height: 1em; margin: 0 0.4em 0 1em;
  vertical-align: middle; }
.row { margin-top: calc(24 * var(--u)); }
.track { display: flex; align-items: center; height: calc(40 * var(--u)); }
.seg { height: 100%%; transform-origin: left; transform: scaleX(0);
  transition: transform 1500ms cubic-bezier(0.33, 1, 0.68, 1); transition-delay: var(--d); }
.shown .seg { transform: scaleX(1); }
.source { position: absolute; left: 6vw; right: 6vw; bottom: calc(140 * var(--u));
  font-size: calc(26 * var(--u)); color: var(--muted); }
.chrome { position: absolute; left: 0; right: 0; bottom: 0; height: calc(120 * var(--u));
  display: flex; align-items: center; justify-content: center; gap: calc(24 * var(--u)); }
.dot { width: calc(14 * var(--u)); height: calc(14 * var(--u)); border-radius: 99px;
  background: var(--muted); opacity: 0.55; transition: width 300ms, background 300ms; }
.dot.on { width: calc(36 * var(--u)); background: var(--accent); opacity: 1; }
.lang { position: absolute; right: 6vw; padding: calc(14 * var(--u)) calc(36 * var(--u));
  border: 2px solid var(--muted); border-radius: 99px; font-size: calc(30 * var(--u));
  font-weight: 600; }
"""

JS = r"""
const C = JSON.parse(document.getElementById('content').textContent);
const ICONS = JSON.parse(document.getElementById('icons').textContent);
const NAMES = %(names)s;
const query = new URLSearchParams(location.search);
const forced = Number(query.get('dwell')) || 0;
let lang = C.default_language, index = 0, timer = 0, frame = 0;
const T = (text) => text == null ? '' : typeof text === 'string' ? text
  : (text[lang] ?? text[C.default_language] ?? Object.values(text)[0]);
const el = (tag, cls, text) => { const e = document.createElement(tag);
  if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
const enter = (e, i, delay) => { e.classList.add('enter'); e.style.setProperty('--i', i);
  if (delay) e.style.setProperty('--d', delay + 'ms'); return e; };
const icon = (name) => { const s = el('span'); s.innerHTML = ICONS[name] || ''; return s; };
function bar() { const b = el('div', 'bar'); b.append(el('i'), el('i')); return b; }
function header(p, s) { const h = el('div', 'head'); const b = bar();
  h.append(enter(b, 0), enter(el('h2', null, T(p.title)), 0));
  if (p.intro) h.append(enter(el('div', 'intro', T(p.intro)), 1)); s.append(h); }
function title(p, s) { s.classList.add('title'); s.append(enter(bar(), 0),
  enter(el('h1', null, T(p.title)), 0));
  if (p.subtitle) s.append(enter(el('div', 'sub', T(p.subtitle)), 1)); }
function steps(p, s) { header(p, s); const row = el('div', 'steps body');
  p.steps.forEach((st, i) => { const d = el('div', 'step'); const ring = el('div', 'ring');
    ring.append(icon(st.icon)); d.append(ring, el('h3', null, T(st.title)),
      el('p', null, T(st.text)));
    if (i < p.steps.length - 1) { const l = el('div', 'line');
      l.style.setProperty('--d', (160 + 220 * i + 300) + 'ms'); d.append(l); }
    row.append(enter(d, 0, 160 + 220 * i)); }); s.append(row); }
function cards(p, s) { header(p, s); const grid = el('div', 'cards body');
  p.cards.forEach((c, i) => { const d = el('div', 'card'); d.append(icon(c.icon),
    el('h3', null, T(c.title)), el('p', null, T(c.text))); grid.append(enter(d, i + 1)); });
  s.append(grid); }
function formatter(f) { const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  if (f.format === 'currency-compact') return new Intl.NumberFormat(locale, {style: 'currency',
    currency: f.currency || 'CAD', notation: 'compact', compactDisplay: 'long',
    maximumFractionDigits: 1});
  if (f.format === 'currency') return new Intl.NumberFormat(locale, {style: 'currency',
    currency: f.currency || 'CAD', maximumFractionDigits: 0});
  if (f.format === 'percent') return new Intl.NumberFormat(locale, {style: 'percent'});
  return new Intl.NumberFormat(locale, {maximumFractionDigits: 0}); }
function stats(p, s) { header(p, s); const body = el('div', 'stats body');
  const figs = el('div', 'figures'); s.counters = [];
  p.figures.forEach((f, i) => { const d = el('div', 'figure'); const b = el('b');
    const fmt = formatter(f); b.textContent = fmt.format(0);
    d.append(b, el('span', null, T(f.label))); figs.append(enter(d, i + 1));
    s.counters.push({b, fmt, value: f.value, delay: 150 + 120 * i}); });
  body.append(figs);
  if (p.chart) body.append(chart(p.chart)); s.append(body);
  if (p.source) s.append(enter(el('div', 'source', T(p.source)), 2)); }
function chart(c) { const box = el('div', 'chart'); box.append(el('h4', null, T(c.title)));
  const colours = ['var(--accent)', 'var(--red)', 'var(--muted)'];
  const legend = el('div', 'legend'); c.series.forEach((s, i) => { const k = el('i');
    k.style.background = colours[i %% 3]; legend.append(k, T(s.name)); }); box.append(legend);
  const totals = c.categories.map((_, j) => c.series.reduce((a, s) => a + s.values[j], 0));
  const top = Math.max(...totals);
  c.categories.forEach((cat, j) => { const row = el('div', 'row'); row.append(T(cat));
    const track = el('div', 'track'); c.series.forEach((s, i) => { const seg = el('div', 'seg');
      seg.style.width = (80 * s.values[j] / top) + '%%'; seg.style.background = colours[i %% 3];
      seg.style.setProperty('--d', (150 + 120 * j) + 'ms'); track.append(seg); });
    track.append(el('span', null, '\u00a0' + totals[j].toLocaleString('en-CA')));
    row.append(track); box.append(row); });
  return box; }
const BUILD = {title, steps, cards, stats};
const ease = (x) => 1 - Math.pow(1 - Math.min(Math.max(x, 0), 1), 3);
function countUp(section) { const start = performance.now();
  const step = (now) => { let busy = false;
    for (const c of section.counters) { const x = (now - start - c.delay) / 1500;
      busy = busy || x < 1; c.b.textContent = c.fmt.format(c.value * ease(x)); }
    frame = busy ? requestAnimationFrame(step) : 0; };
  frame = requestAnimationFrame(step); }
function render() { const stage = document.getElementById('stage'); stage.textContent = '';
  C.panels.forEach((p, i) => { const s = el('section', 'panel'); BUILD[p.kind](p, s);
    stage.append(s); });
  const dots = document.getElementById('dots'); dots.textContent = '';
  C.panels.forEach(() => dots.append(el('div', 'dot')));
  const other = C.languages[(C.languages.indexOf(lang) + 1) %% C.languages.length];
  document.getElementById('lang').textContent = NAMES[other] || other.toUpperCase(); }
function enterPanel(s) { s.classList.add('shown'); if (s.counters) countUp(s); }
function show(i) { const panels = document.querySelectorAll('.panel');
  const dots = document.querySelectorAll('.dot'); const old = panels[index];
  const fade = old && old !== panels[i];
  cancelAnimationFrame(frame); frame = 0; index = i;
  panels.forEach((p, j) => { p.style.transition = fade ? '' : 'none';
    p.classList.toggle('on', j === i); });
  dots.forEach((d, j) => d.classList.toggle('on', j === i));
  if (fade) { setTimeout(() => old.classList.remove('shown'), 600);
    setTimeout(() => enterPanel(panels[i]), 600); }
  else requestAnimationFrame(() => requestAnimationFrame(() => enterPanel(panels[i])));
  const p = C.panels[i];
  const dwell = forced || p.dwell_seconds || (C.settings || {}).dwell_seconds || 12;
  clearTimeout(timer); timer = setTimeout(() => show((i + 1) %% C.panels.length), dwell * 1000); }
document.getElementById('lang').addEventListener('click', () => {
  lang = C.languages[(C.languages.indexOf(lang) + 1) %% C.languages.length];
  render(); index = -1; show(0); });
render(); show(0);
"""

PAGE = """<!doctype html>
<html lang="%(lang)s"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Producers' Story Kiosk (web peer)</title>
<style>%(css)s</style></head>
<body><main id="stage"></main>
<nav class="chrome"><div id="dots" style="display:flex;gap:inherit"></div>
<div class="lang" id="lang"></div></nav>
<script type="application/json" id="content">%(content)s</script>
<script type="application/json" id="icons">%(icons)s</script>
<script>%(js)s</script></body></html>
"""


def font_faces(out_dir: Path) -> str:
    """@font-face rules pointing at the bundled Inter files, relative to the page."""
    rules = []
    for name, weight in FONT_FACES:
        url = Path(os.path.relpath(FONTS / name, out_dir)).as_posix()
        rules.append(
            f"@font-face {{ font-family: Inter; font-weight: {weight}; "
            f"src: url('{url}') format('opentype'); }}"
        )
    return "\n".join(rules)


def icons() -> dict[str, str]:
    """Every bundled SVG icon, stroked with the CSS colour instead of black."""
    found = {}
    for path in sorted(ICONS.glob("*.svg")):
        svg = path.read_text(encoding="utf-8")
        svg = re.sub(r"<\?xml[^>]*>", "", svg).replace("#000000", "currentColor")
        found[path.stem] = svg.strip()
    return found


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def build(content: dict, out_dir: Path) -> str:
    """The page's HTML for `content`, with font URLs relative to `out_dir`."""
    theme = {
        "background": "#0F1B2D",
        "surface": "#172A44",
        "text": "#F4EFE6",
        "muted": "#C3CCD8",
        "accent": "#F5B041",
        "accent_red": "#E5484D",
    }
    theme.update((content.get("settings") or {}).get("theme") or {})
    css = CSS % {**theme, "faces": font_faces(out_dir)}
    return PAGE % {
        "lang": content.get("default_language", "en"),
        "css": css,
        "content": script_json(content),
        "icons": script_json(icons()),
        "js": JS % {"names": json.dumps(LANGUAGE_NAMES, ensure_ascii=False)},
    }


def main() -> int:
    """Write the page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content.json")
    parser.add_argument("--out", type=Path, default=HERE / "index.html")
    args = parser.parse_args()
    content = json.loads(args.content.read_text(encoding="utf-8"))
    content.pop("$schema", None)
    args.out.write_text(build(content, args.out.resolve().parent), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
