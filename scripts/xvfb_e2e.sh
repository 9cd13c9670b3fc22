#!/usr/bin/env bash
# End-to-end check of touch navigation and lockdown on a virtual X screen with a window manager.
#
#   scripts/xvfb_e2e.sh            (needs Xvfb, openbox, xdotool; ImageMagick for screenshots)
#
# Starts Xvfb and openbox, runs `python main.py run --data-dir $E2E_DATA` full screen, drives
# it with xdotool and checks the event log (scripts/e2e_probe.py) after each step. Prints
# PASS/FAIL per step and exits non-zero if any step failed; exits 0 with SKIP when the tools
# are missing (e.g. in CI). Screenshots go to $E2E_SHOTS/e2e-N.png (and e2e-desk-KEYS.png after
# each desktop key: Super+D, Ctrl/Shift+Alt+arrows must not leave a black screen). The idle step waits
# idle_timeout_seconds plus a dwell (about 75 s with the shipped content); E2E_QUICK=1 skips it.
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DISPLAY_NUM="${E2E_DISPLAY:-:99}"
DATA="${E2E_DATA:-/tmp/e2e}"
SHOTS="${E2E_SHOTS:-/tmp}"
setting() {
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['settings'][sys.argv[2]])" \
    "$ROOT/content.json" "$1"
}
PIN="$(setting admin_pin)"
IDLE="$(setting idle_timeout_seconds)"
DWELL="$(setting dwell_seconds)"
SETTLE=1.6   # the event log commits once a second here (KIOSK_COMMIT_SECONDS=1)
FAILED=0
PIDS=()

for tool in Xvfb openbox xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (apt-get install -y xvfb xdotool openbox imagemagick)"
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

probe() { PYTHONPATH="$ROOT" python3 "$ROOT/scripts/e2e_probe.py" "$DATA" "$@"; }
alive() { kill -0 "$KIOSK" 2>/dev/null; }
shot() { command -v import >/dev/null && DISPLAY="$DISPLAY_NUM" import -window root "$SHOTS/e2e-$1.png"; }
x() { DISPLAY="$DISPLAY_NUM" xdotool "$@"; }
settle() { sleep "$SETTLE"; }

# --- the screen, the window manager, the kiosk ----------------------------------------------
Xvfb "$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do DISPLAY="$DISPLAY_NUM" xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY="$DISPLAY_NUM" openbox >/dev/null 2>&1 &
PIDS+=($!)
sleep 1

rm -rf "$DATA" && mkdir -p "$DATA"
(cd "$ROOT" && DISPLAY="$DISPLAY_NUM" KIOSK_COMMIT_SECONDS=1 exec python3 main.py run --data-dir "$DATA") \
  >"$DATA/stdout.txt" 2>&1 &
KIOSK=$!
PIDS+=("$KIOSK")

WINDOW="$(x search --sync --onlyvisible --name "Producers' Story Kiosk" | head -n1)"
check "kiosk window appeared" test -n "$WINDOW"
x windowactivate --sync "$WINDOW" 2>/dev/null
sleep 2
GEOMETRY="$(x getwindowgeometry "$WINDOW" | awk '/Geometry/ {print $2}')"
check "window is full screen ($GEOMETRY)" test "$GEOMETRY" = "1920x1080"
shot 1

# --- visitors ---------------------------------------------------------------------------------
x mousemove 960 500 click 1          # a tap holds the rotation, as any visitor's touch does
settle
BEFORE="$(probe panel)"
x mousemove 1500 540 mousedown 1 mousemove 1300 540 mousemove 1000 545 \
  mousemove 700 550 mousemove 450 550 mouseup 1
settle
AFTER="$(probe panel)"
check "drag right to left advances one panel ($BEFORE -> $AFTER)" test "$AFTER" -eq $((BEFORE + 1))
shot 2

x key Right
settle
RIGHT="$(probe panel)"
check "Right key moves on ($AFTER -> $RIGHT)" test "$RIGHT" -eq $((AFTER + 1))
x key Left
settle
LEFT="$(probe panel)"
check "Left key moves back ($RIGHT -> $LEFT)" test "$LEFT" -eq "$AFTER"

# --- the attract loop -------------------------------------------------------------------------
if [ "${E2E_QUICK:-0}" != 1 ]; then
  x key l
  settle
  check "L switches to French ($(probe language))" test "$(probe language)" = fr
  sleep "$((IDLE - 5))"
  shot 7   # the countdown
  sleep 6
  check "after ${IDLE} s idle: first panel ($(probe panel)) in English ($(probe language))" \
    test "$(probe panel)-$(probe language)" = "0-en"
  check "idle reset recorded" test "$(probe count idle_reset)" -eq 1
  sleep "$((DWELL + 1))"
  check "rotating again ($(probe panel))" test "$(probe panel)" -eq 1
  x mousemove 960 500 click 1   # hold the rotation again for the steps below
  settle
  LEFT="$(probe panel)"
fi

# --- lockdown ---------------------------------------------------------------------------------
logged() { grep -c -- "$1" "$DATA/kiosk.log" 2>/dev/null || echo 0; }
for keys in alt+F4 Escape ctrl+w ctrl+q super alt+Tab; do
  x key "$keys"
  sleep 1
  check "$keys leaves it running" alive
done

# --- the desktop's own keys never leave the visitor on a black desktop ----------------------
# Super+D shows the desktop, Ctrl+Alt+arrows change desktops, Shift+Alt+arrows send the window
# to another one (openbox's defaults): one second later the kiosk must be on screen again.
lit() {  # lit NAME: the screen's mean brightness (0 is black), from a screenshot
  DISPLAY="$DISPLAY_NUM" import -window root "$SHOTS/e2e-$1.png" 2>/dev/null &&
    convert "$SHOTS/e2e-$1.png" -colorspace gray -format '%[fx:mean>0.02]' info: 2>/dev/null
}
if command -v import >/dev/null && command -v convert >/dev/null; then
  for keys in super+d ctrl+alt+Right shift+alt+Right ctrl+alt+Left shift+alt+Left super+F2 \
              super+d super+d ctrl+alt+Down; do
    x key "$keys"
    sleep 1
    check "$keys: the kiosk is on screen 1 s later (not a black desktop)" \
      test "$(lit "desk-${keys//+/-}")" = 1
  done
  check "the log says the window was brought back in front" \
    test "$(logged 'bringing it back in front')" -ge 1
  check "still running after the desktop keys" alive
else
  echo "SKIP  desktop keys: ImageMagick (import, convert) is not installed"
fi
check "the window manager's close (Alt+F4) reached the window and was refused" \
  test "$(logged 'close request ignored')" -ge 1
check "the panel did not change ($(probe panel))" test "$(probe panel)" -eq "$LEFT"

x mousemove 12 12 mousedown 1
sleep 3.4
x mouseup 1
sleep 0.5
shot 3
check "3 s corner press opened the PIN pad" test "$(logged 'PIN pad opened')" -eq 1
x key Escape
sleep 0.5
check "Escape closed the pad (cancelled), still running" test "$(logged 'PIN pad cancelled')" -eq 1
check "still running after the cancel" alive

x key ctrl+shift+q
sleep 0.8
x type --delay 80 "$(echo "$PIN" | tr '0-9' '1-90')"
shot 4
x key Return
sleep 0.2
shot 5
sleep 1.5
check "wrong PIN leaves it running" alive
settle
check "wrong PIN recorded as admin/wrong" test "$(probe count admin wrong)" -eq 1

x key ctrl+shift+q
sleep 0.8
x type --delay 80 "$PIN"
shot 6
x key Return
for _ in $(seq 100); do alive || break; sleep 0.1; done
if alive; then
  check "right PIN ends the process" false
else
  wait "$KIOSK"
  CODE=$?
  check "right PIN ends the process with code 0 (got $CODE)" test "$CODE" -eq 0
fi

# --- what the operator's report says ----------------------------------------------------------
REPORT="$(cd "$ROOT" && python3 main.py report --data-dir "$DATA" --json)"
echo "$REPORT" | python3 -c "import json,sys; print('interactions:', json.load(sys.stdin)['interactions'])"
check "report counts the swipe" test "$(probe count swipe)" -ge 1
check "report counts the keys" test "$(probe count key)" -ge 2
check "report counts admin ok" test "$(probe count admin ok)" -eq 1
LEAKS="$(cat "$DATA"/*.log* 2>/dev/null | grep -i "pin" | grep -c -- "$PIN")"
check "the PIN digits are not in the log" test "${LEAKS:-0}" -eq 0

echo
if [ "$FAILED" -eq 0 ]; then echo "ALL PASS"; else echo "SOME STEPS FAILED"; fi
exit "$FAILED"
