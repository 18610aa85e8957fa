#!/usr/bin/env bash
# The windowed app's first paint with the platform plugin a till uses, as the release
# workflow checks it on every OS (the self-tests run offscreen and never load it):
#   packaging/first_paint.sh <platform> <report> <command...>
# runs `<command...> --demo` on that Qt platform plugin with a fresh profile and HPOS_EXIT_AFTER_FIRST_PAINT=<report>
# (hpos/ui/first_paint_exit.py: the app quits by itself right after its first paint),
# and fails unless it exits 0 within FIRST_PAINT_TIMEOUT seconds (default 90) with a
# report naming <platform> (windows, cocoa, xcb). <report>.png: the window as painted.
# Example: packaging/first_paint.sh cocoa build/first-paint.txt dist/HPOS.app/Contents/MacOS/HPOS
set -euo pipefail

if [ "$#" -lt 3 ]; then
  echo "usage: packaging/first_paint.sh <platform> <report> <command...>" >&2
  exit 2
fi
platform=$1 report=$2
shift 2
timeout=${FIRST_PAINT_TIMEOUT:-90}

profile=$(mktemp -d)
log="$profile/output.log"
native_profile=$profile
if command -v cygpath >/dev/null; then  # Git Bash: a native Windows app needs C:\... paths
  native_profile=$(cygpath -w "$profile")
fi
rm -f "$report" "$report.png"
mkdir -p "$(dirname "$report")"

echo "== $* --demo: the window's first paint on the '$platform' platform (at most $timeout s)"
# exactly that platform plugin, whatever QT_QPA_PLATFORM the job set for the self-tests
QT_QPA_PLATFORM="$platform" HPOS_CONFIG_DIR="$native_profile" HPOS_EXIT_AFTER_FIRST_PAINT="$report" \
  "$@" --demo >"$log" 2>&1 &
pid=$!
waited=0
while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((timeout * 10)) ]; do
  sleep 0.1
  waited=$((waited + 1))
done
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "the app did not quit within $timeout s of starting (no first paint?); its output:" >&2
  cat "$log" >&2
  exit 1
fi
status=0
wait "$pid" || status=$?
if [ "$status" -ne 0 ]; then
  echo "the app exited with $status; its output:" >&2
  cat "$log" >&2
  exit 1
fi
if [ ! -s "$report" ]; then
  echo "the app exited 0 but wrote no report to $report (never painted); its output:" >&2
  cat "$log" >&2
  exit 1
fi
cat "$report"
if ! grep -qx "platform: $platform" "$report"; then
  echo "the window was painted on the wrong platform (wanted '$platform'): see above" >&2
  exit 1
fi
rm -rf "$profile"
echo "== first paint on '$platform': ok"
