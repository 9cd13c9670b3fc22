#!/usr/bin/env bash
# End-to-end check of `kiosk preview` (issue #19) on a virtual X screen, read back by OCR.
#
#   scripts/preview_e2e.sh         (needs Xvfb, xdotool, ImageMagick, tesseract; openbox if present)
#
# Runs `python main.py preview` on a copy of content.json, breaks the file the way an editor does
# (a missing comma), and checks that the window lists the problem exactly as `kiosk validate` words
# it (line, column, hint), read from a screenshot (`import -window root`) by tesseract; that the
# panel stays on screen; that a fixed save clears the list and keeps the panel; and how long each
# save takes to reach the window (its title says "(1 error)" while the file is broken). Prints
# PASS/FAIL per step; exits 1 if any failed, 0 with SKIP when a tool is missing (e.g. in CI).
# Screenshots and what tesseract read go to $E2E_SHOTS/preview-*.png|txt; E2E_DOCS=1 also writes the
# window with an error and a warning listed to docs/screenshots/preview-problem.png.
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DISPLAY_NUM="${E2E_DISPLAY:-:98}"
WORK="${E2E_WORK:-$(mktemp -d)}"
SHOTS="${E2E_SHOTS:-$WORK}"
PY="${PYTHON:-python3}"
[ -z "${PYTHON:-}" ] && [ -x "$ROOT/.venv/bin/python" ] && PY="$ROOT/.venv/bin/python"  # the test set-up's
FAILED=0
PIDS=()

for tool in Xvfb xdotool import convert tesseract; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (apt-get install -y xvfb xdotool imagemagick tesseract-ocr)"
    exit 0
  fi
done

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT

check() {  # check NAME CONDITION...: print PASS/FAIL for a test(1) condition
  local name="$1"; shift
  if "$@"; then echo "PASS  $name"; else echo "FAIL  $name"; FAILED=1; fi
}
x() { DISPLAY="$DISPLAY_NUM" xdotool "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
title() { x getwindowname "$WINDOW" 2>/dev/null; }
# until_title PATTERN: wait up to 5 s for the window title to match; print the milliseconds taken
until_title() {
  local start; start=$(now_ms)
  while ! title | grep -q -- "$1"; do
    [ $(( $(now_ms) - start )) -gt 5000 ] && { echo 99999; return; }
    sleep 0.01
  done
  echo $(( $(now_ms) - start ))
}
# read_window NAME: screenshot the screen, OCR the preview window (3x, grey): the whole window,
# then its lower part alone, where the problems are listed (read apart from the panel's art)
read_window() {
  local shot="$SHOTS/preview-$1.png" lower=$((HEIGHT * 2 / 5))
  DISPLAY="$DISPLAY_NUM" import -window root "$shot"
  convert "$shot" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -resize 300% -colorspace gray \
    -normalize "$SHOTS/preview-$1-ocr.png"
  convert "$shot" -crop "${WIDTH}x${lower}+${X}+$((Y + HEIGHT - lower))" +repage -resize 300% \
    -colorspace gray -normalize "$SHOTS/preview-$1-ocr-lower.png"
  tesseract "$SHOTS/preview-$1-ocr-lower.png" - 2>/dev/null | tr -s ' ' >"$SHOTS/preview-$1-lower.txt"
  tesseract "$SHOTS/preview-$1-ocr.png" - 2>/dev/null | tr -s ' ' |
    cat - "$SHOTS/preview-$1-lower.txt" | tee "$SHOTS/preview-$1.txt"
}
# lit NAME: whether the top half of the window, where the panel is drawn, is lit (not black)
lit() {
  convert "$SHOTS/preview-$1.png" -crop "${WIDTH}x$((HEIGHT / 2))+${X}+${Y}" -colorspace gray \
    -format '%[fx:mean>0.05]' info:
}
# content EDIT: rewrite the copy of content.json with a Python expression on its text `s`
content() {
  "$PY" - "$WORK/content.json" "$1" <<'EOF'
import sys
path, edit = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(eval(edit))
EOF
}

# document CODE: load the copy of content.json as `d`, run CODE, save it back (JSON, indented)
document() {
  "$PY" - "$WORK/content.json" "$1" <<'EOF'
import json, sys
path = sys.argv[1]
d = json.load(open(path, encoding="utf-8"))
exec(sys.argv[2])
open(path, "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False, indent=2))
EOF
}

# --- the screen, the window manager, the preview ---------------------------------------------
Xvfb "$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do x getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
if command -v openbox >/dev/null; then
  DISPLAY="$DISPLAY_NUM" openbox >/dev/null 2>&1 &
  PIDS+=($!)
  sleep 1
fi

mkdir -p "$WORK" "$SHOTS"
cp "$ROOT/content.json" "$WORK/content.json"
(cd "$ROOT" && DISPLAY="$DISPLAY_NUM" exec "$PY" main.py preview --content "$WORK/content.json" \
  --data-dir "$WORK/data") >"$WORK/preview.out" 2>&1 &
PREVIEW=$!
PIDS+=("$PREVIEW")

WINDOW="$(x search --sync --onlyvisible --name "Kiosk preview" | head -n1)"
check "the preview window appeared ($(title))" test -n "$WINDOW"
x windowactivate --sync "$WINDOW" 2>/dev/null
sleep 2
eval "$(x getwindowgeometry --shell "$WINDOW")"  # X, Y, WIDTH, HEIGHT of the window
TEXT="$(read_window 1-ok)"
check "OCR reads the verdict: content.json: OK (6 panels, no problems)" \
  grep -q "OK (6 panels, no problems)" <<<"$TEXT"
check "the panel is drawn (not a black window)" test "$(lit 1-ok)" = 1

# --- the editor moves to panel 3, then saves with a comma missing -------------------------------
x key 3
sleep 1
TEXT="$(read_window 2-panel)"
check "key 3 shows panel 3, What producers do" grep -q "What producers do" <<<"$TEXT"

content 's.replace("\"what-producers-do\",", "\"what-producers-do\"", 1)'
MS="$(until_title "1 error")"
check "the broken save reached the window in $MS ms (at most 500)" test "$MS" -le 500
EXPECTED="$(cd "$ROOT" && "$PY" main.py validate "$WORK/content.json" 2>&1 | grep ': error: ' | head -n1)"
sleep 0.5
TEXT="$(read_window 3-broken)"
echo "kiosk validate says: $EXPECTED"
check "OCR reads validate's line in the window: ${EXPECTED%%: error*}" \
  grep -qF -- "$EXPECTED" <<<"$TEXT"
check "OCR reads that the save is not shown and the last good version is" \
  grep -q "this save is not shown" <<<"$TEXT"
check "the last good panel stays up (What producers do, drawn)" \
  test "$(grep -c "What producers do" <<<"$TEXT")" -ge 1 -a "$(lit 3-broken)" = 1

# --- the editor fixes it, with a new panel before theirs: the preview stays on their panel ------
content 's.replace("\"what-producers-do\"", "\"what-producers-do\",", 1).replace("\"panels\": [", "\"panels\": [ {\"id\": \"added\", \"kind\": \"title\", \"title\": {\"en\": \"Added\", \"fr\": \"Ajout\"}},", 1)'
MS="$(until_title "^content.json · ")"
check "the fixed save reached the window in $MS ms (at most 500)" test "$MS" -le 500
sleep 0.5
TEXT="$(read_window 4-fixed)"
check "OCR reads no problems (7 panels)" grep -q "OK (7 panels, no problems)" <<<"$TEXT"
check "it stays on the panel by id (What producers do, now the 4th)" \
  grep -q "What producers do" <<<"$TEXT"

# --- a long text is outlined; a save with an error lists it first, then the warnings ----------
x key 2   # the welcome panel (the title panel after the one added)
document 'd["panels"][1]["subtitle"]["en"] = "Stories on every screen that reflect all Canadians, told by the independent producers who find them, fund them, make them and bring them to audiences in Canada and around the world, year after year, on every platform and in every region, with writers, directors, actors and crews of every size, from the first spark of an idea to the last night of a festival run, and then on to the next story waiting to be told"'
MS="$(until_title "^content.json · ")"
sleep 1.5
TEXT="$(read_window 5-long)"
check "a text over its limit: warned, and outlined on the panel (OCR: too long)" \
  grep -q "warning: panels\[1\].subtitle (en)" <<<"$TEXT"
check "the outline's tag reads: too long" grep -q "too long" <<<"$TEXT"
document 'd["panels"][1]["dwell_seconds"] = 0; del d["panels"][1]["title"]["fr"]'
MS="$(until_title "1 error")"
sleep 0.5
read_window 6-error-and-warning >/dev/null
LOWER="$SHOTS/preview-6-error-and-warning-lower.txt"  # the list alone, read in its order
ERROR_AT="$(grep -n ": error: panels\[1\].dwell_seconds" "$LOWER" | head -n1 | cut -d: -f1)"
WARNING_AT="$(grep -n ": warning: panels\[1\].title: no text in fr" "$LOWER" | head -n1 | cut -d: -f1)"
check "the error is listed first (OCR line ${ERROR_AT:-none}), the warning after (${WARNING_AT:-none})" \
  test -n "$ERROR_AT" -a -n "$WARNING_AT" -a "${ERROR_AT:-0}" -lt "${WARNING_AT:-0}"
if [ "${E2E_DOCS:-0}" = 1 ]; then  # the screenshot in docs/editing-content.md
  DISPLAY="$DISPLAY_NUM" import -window "$WINDOW" "$ROOT/docs/screenshots/preview-problem.png"
  echo "wrote docs/screenshots/preview-problem.png"
fi

# --- closing ----------------------------------------------------------------------------------
kill -TERM "$PREVIEW"
wait "$PREVIEW"
CODE=$?
check "SIGTERM closes the preview with code 0 (got $CODE)" test "$CODE" -eq 0
check "the preview kept its own data folder, and no records" \
  test -f "$WORK/data/last-good-content.json" -a ! -e "$WORK/data/events.sqlite3"

echo
if [ "$FAILED" -eq 0 ]; then echo "ALL PASS"; else echo "SOME STEPS FAILED"; fi
exit "$FAILED"
