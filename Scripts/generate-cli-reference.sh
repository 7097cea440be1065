#!/usr/bin/env bash
# Regenerates Documentation/CLI.md from kraftctl's own --help output.
# A test (Tests/kraftctlTests/CLIReferenceTests.swift) fails when the file
# and the help text drift apart.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product kraftctl >/dev/null
BIN=$(swift build --show-bin-path)/kraftctl
{
  echo "# kraftctl command reference"
  echo
  echo "Generated from \`kraftctl help\` and \`kraftctl <command> --help\` by"
  echo "\`Scripts/generate-cli-reference.sh\`; a test keeps it in step with the tool."
  echo
  echo '```'
  "$BIN" help
  echo '```'
  for cmd in $("$BIN" help | awk '/^COMMANDS:/{f=1;next} f&&/^  [a-z]/{print $1} f&&/^$/{if(n++)exit}'); do
    echo
    echo "## kraftctl $cmd"
    echo
    echo '```'
    "$BIN" "$cmd" --help
    echo '```'
  done
} > Documentation/CLI.md
echo "wrote Documentation/CLI.md"
