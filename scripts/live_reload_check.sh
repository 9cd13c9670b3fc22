#!/usr/bin/env bash
# Live reload check (issue #6): run a real kiosk on a copy of content.json and change the file
# under it the ways a booth sees (atomic replace, broken write, delete, restore), then restart it
# with a broken file. Prints one PASS/FAIL line per check; exits 1 if any check failed.
#
#   scripts/live_reload_check.sh            # uses fresh folders under $TMPDIR
#   WORK=/tmp/x DATA=/tmp/xd scripts/live_reload_check.sh
set -u
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
PY=${PYTHON:-python}
WORK=${WORK:-$(mktemp -d)}
DATA=${DATA:-$(mktemp -d)}
CONTENT="$WORK/content.json"
STATUS="$DATA/status.json"
FAILED=0
KIOSK_PID=""

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILED=1; }
# check CONDITION DESCRIPTION: both evaluated in order, so the description can show the result
check() { local ok=1; eval "$1" || ok=0; local say; say=$(eval "echo \"$2\""); \
  if [ "$ok" = 1 ]; then pass "$say"; else fail "$say"; fi; }
field() { "$PY" -c "import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2]))" "$STATUS" "$1" 2>/dev/null; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
shown() { "$PY" main.py report --data-dir "$DATA" --json \
  | "$PY" -c "import json,sys; print(sum(p['shown'] for p in json.load(sys.stdin)['panels'].values()))"; }
alive() { kill -0 "$KIOSK_PID" 2>/dev/null; }
# wait_for SECONDS CONDITION: true as soon as CONDITION holds, false after SECONDS
wait_for() {
  local end=$(( $(date +%s%N) + ${1%.*}000000000 )); shift
  until eval "$1"; do [ "$(date +%s%N)" -lt "$end" ] || return 1; sleep 0.05; done
}
# variant TITLE [DEST]: the shipped content with dwell 1 s and the first panel titled TITLE
variant() {
  "$PY" - "$1" "${2:-/dev/stdout}" <<'EOF'
import json, sys
doc = json.load(open("content.json", encoding="utf-8"))
doc.pop("$schema", None)
doc["settings"].update(dwell_seconds=1, transition_ms=200)
for panel in doc["panels"]:
    panel.pop("dwell_seconds", None)
doc["panels"][0]["title"] = {code: sys.argv[1] for code in doc["languages"]}
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False, indent=2))
EOF
}
atomic_write() { cp "$1" "$WORK/.content.json.tmp" && mv -f "$WORK/.content.json.tmp" "$CONTENT"; }
start_kiosk() {
  rm -f "$STATUS"
  KIOSK_COMMIT_SECONDS=1 "$PY" main.py run --windowed --content "$CONTENT" --data-dir "$DATA" \
    >>"$WORK/kiosk.out" 2>&1 &  # commits once a second, so that shown() sees the rotation
  KIOSK_PID=$!
  wait_for 20 '[ "$(field content_sha256)" != "" ] && [ "$(field current_panel)" != "None" ]'
}
stop_kiosk() { kill -TERM "$KIOSK_PID" 2>/dev/null; wait "$KIOSK_PID"; }
trap '[ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null' EXIT

echo "content: $CONTENT  data: $DATA"
mkdir -p "$WORK" "$DATA"
variant "First title" "$CONTENT"
check start_kiosk "the kiosk starts and writes status.json"
FIRST=$(field content_sha256)
check '[ "$FIRST" = "$(sha "$CONTENT")" ]' "status.json shows the file's sha256"

# 1. atomic replace with a changed title
variant "Second title" "$WORK/second.json"
T0=$(date +%s%N)
atomic_write "$WORK/second.json"
if wait_for 2 '[ "$(field content_sha256)" = "$(sha "$WORK/second.json")" ]'; then
  pass "atomic replace is live in $(( ($(date +%s%N) - T0) / 1000000 )) ms (<= 2000)"
else
  fail "atomic replace not live within 2 s (sha256 $(field content_sha256))"
fi
SECOND=$(sha "$WORK/second.json")

# 2. broken write in place: sha unchanged, last_error set, still rotating
BEFORE=$(shown)
head -c 400 "$WORK/second.json" >"$CONTENT"
check 'wait_for 4 "[ \"\$(field last_error)\" != None ]"' 'a broken write sets last_error: $(field last_error | cut -c1-70)'
check '[ "$(field content_sha256)" = "$SECOND" ]' "a broken write leaves content_sha256 unchanged"
check '[ "$(field using_last_good)" = True ]' "using_last_good is true while the file is broken"
check 'wait_for 5 "[ \$(shown) -gt $BEFORE ]"' 'the kiosk keeps rotating (showings $BEFORE -> $(shown))'

# 3. delete: nothing changes on screen
rm -f "$CONTENT"
BEFORE=$(shown)
check 'wait_for 4 "field last_error | grep -q \"does not exist\""' "deleting the file is reported in last_error"
check 'wait_for 5 "[ \$(shown) -gt $BEFORE ]"' 'the kiosk keeps rotating with the file deleted (showings $BEFORE -> $(shown))'
check '[ "$(field content_sha256)" = "$SECOND" ]' "content_sha256 unchanged with the file deleted"
check alive "the process is still up"

# 4. restore: last_error clears
atomic_write "$WORK/second.json"
check 'wait_for 3 "[ \"\$(field last_error)\" = None ]"' "restoring the file clears last_error"
check '[ "$(field content_sha256)" = "$SECOND" ] && [ "$(field using_last_good)" = False ]' \
  "restored content is the file's (using_last_good false)"
check alive "the process stayed up throughout (pid $KIOSK_PID)"
stop_kiosk
CODE=$?
check '[ "$CODE" -eq 0 ]' "SIGTERM stops the kiosk cleanly (exit code $CODE)"

# 5. start with a broken file after a good run: the last good content is shown
printf '{"languages": ["en"], "panels": [' >"$CONTENT"
check start_kiosk "the kiosk starts with a broken content.json"
check '[ "$(field using_last_good)" = True ]' "status using_last_good is true"
check '[ "$(field content_sha256)" = "$SECOND" ]' "the last good content (sha256 ${SECOND:0:12}) is on screen"
check '[ "$(field last_error)" != None ]' 'last_error says why: $(field last_error | cut -c1-60)'
check 'wait_for 5 "[ \"\$(field panels)\" -gt 1 ]"' 'it rotates the last good panels ($(field panels) panels)'
stop_kiosk
grep -q Traceback "$WORK/kiosk.out" && fail "tracebacks in the kiosk's output" || pass "no traceback"

[ "$FAILED" -eq 0 ] && echo "ALL PASS" || echo "SOME CHECKS FAILED (log: $DATA/kiosk.log)"
exit "$FAILED"
