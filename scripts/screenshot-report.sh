#!/usr/bin/env bash
# Renders the auditor report in a real headless browser (Debian's chromium) and saves a PNG, to look
# at what an auditor sees. Usage: scripts/screenshot-report.sh [reports-dir] [out.png] [WIDTHxHEIGHT]
# (default 1400x1800; e.g. 390x2400 for a phone-narrow view)
# Needs chromium (apt-get install chromium); it is not part of CI.
set -euo pipefail
reports="${1:-reports}"
out="${2:-$reports/conformance-report.png}"
size="${3:-1400x1800}"
html="$(cd "$reports" && pwd)/conformance-report.html"
[ -f "$html" ] || { echo "no $html: run 'npm run conformance' first" >&2; exit 2; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# The flags keep chromium off the network (this machine's network is closed) and out of any user profile.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="${size/x/,}" \
  --screenshot="$out" "file://$html" 2>/dev/null
echo "wrote $out"
