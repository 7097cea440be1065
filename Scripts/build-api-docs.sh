#!/usr/bin/env bash
# Builds the DocC API reference of KraftsamlingKit with the toolchain's own
# tools (no plugin dependency): symbol graphs from `swift package
# dump-symbol-graph`, the guides of Documentation/ as articles, `docc convert`.
#
#   Scripts/build-api-docs.sh [OUTPUT_DIR]      (default .build/api-docs)
#
# Open OUTPUT_DIR/index.html through a web server (DocC sites need one), e.g.
#   python3 -m http.server -d .build/api-docs 8000   → http://localhost:8000/documentation/kraftsamlingkit
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-.build/api-docs}"
WORK=.build/docc-work
rm -rf "$WORK" && mkdir -p "$WORK/symbol-graphs" "$WORK/KraftsamlingKit.docc"
swift package dump-symbol-graph --minimum-access-level public >/dev/null
# The library's own symbol graphs (not the tests', not the data target's).
find .build -path '*symbolgraph*' \( -name 'KraftsamlingKit.symbols.json' -o -name 'KraftsamlingKit@*.symbols.json' \) \
  -exec cp {} "$WORK/symbol-graphs/" \;
# The landing page, then every guide as an article.
{
  echo "# \`\`KraftsamlingKit\`\`"
  echo
  echo "Decide in public, and defensibly, where a city concentrates its social investment, which interventions qualify, and how much money each administration gets."
  echo
  echo "## Topics"
  echo
  echo "### Guides"
  echo
  for f in Documentation/*.md; do
    name=$(basename "$f" .md)
    [ "$name" = README ] && continue
    echo "- <doc:$name>"
  done
} > "$WORK/KraftsamlingKit.docc/KraftsamlingKit.md"
for f in Documentation/*.md; do
  name=$(basename "$f" .md)
  [ "$name" = README ] && continue
  # DocC links between articles use <doc:Name>; plain relative links still read well.
  cp "$f" "$WORK/KraftsamlingKit.docc/$name.md"
done
docc convert "$WORK/KraftsamlingKit.docc" \
  --additional-symbol-graph-dir "$WORK/symbol-graphs" \
  --fallback-display-name KraftsamlingKit --fallback-bundle-identifier org.kraftsamlingkit.KraftsamlingKit \
  --output-path "$OUT" 2>&1 | grep -E "error|warning: .*(unresolved|missing)" | head -20 || true
echo "API reference written to $OUT"
