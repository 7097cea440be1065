#!/usr/bin/env bash
# Prints the HTML report of `kraftctl report --out DIR` (or `kraftctl demo`)
# to PDF with headless Chromium: A4 portrait, page numbers and (for the
# bundled illustrative data) the notice on every page, as the report's print
# style sheet lays them out. Chromium's own header and footer (date, file
# path) are left out.
#
#   Scripts/print-report.sh DIR [OUT.pdf]     (default: DIR/rapport.pdf)
#
# Needs Chromium 131 or later (chromium, chromium-browser, google-chrome or
# google-chrome-stable on PATH, or the program named by $CHROMIUM).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DIR [OUT.pdf]" >&2
  exit 64
fi
dir="$1"
if [ ! -f "$dir/index.html" ]; then
  echo "$0: $dir/index.html not found (write it with: kraftctl report --out $dir)" >&2
  exit 66
fi
out="${2:-$dir/rapport.pdf}"

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then
      browser="$name"
      break
    fi
  done
fi
if [ -z "$browser" ] || ! command -v "$browser" >/dev/null 2>&1; then
  echo "$0: Chromium was not found: install it (e.g. apt-get install chromium) or set CHROMIUM=/path/to/chrome," >&2
  echo "or open $dir/index.html in a browser and print it to PDF (A4, without headers and footers)." >&2
  exit 69
fi

html="$(cd "$dir" && pwd)/index.html"
url="file://$(printf '%s' "$html" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' -e 's/?/%3F/g')"
case "$out" in
  /*) pdf="$out" ;;
  *) pdf="$(pwd)/$out" ;;
esac
rm -f "$pdf"
# Chromium writes its progress and harmless D-Bus complaints to standard
# error; show them only when printing fails.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$browser" --headless --disable-gpu --no-sandbox --no-pdf-header-footer \
  --print-to-pdf="$pdf" "$url" >"$log" 2>&1 || [ ! -s "$pdf" ]; then
  cat "$log" >&2
  echo "$0: Chromium did not write $pdf" >&2
  exit 70
fi
echo "$pdf"
