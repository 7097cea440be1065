#!/usr/bin/env bash
# Builds, in a package outside the repository that depends on this one by
# path, the README's library snippet and every Examples/<Name>/main.swift.
# Inside the repository the examples could use `package` declarations; from
# outside only the public API is visible, so this proves that the README and
# the tutorials need nothing a user of the SDK cannot reach.
#
#   Scripts/check-external-use.sh [SCRATCH_DIR]   (default: a new temporary folder)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/UserPackage/Sources"
cd "$work/UserPackage"
targets=""
add_target() {  # name, source file
  mkdir -p "Sources/$1"
  cp "$2" "Sources/$1/main.swift"
  targets+="    .executableTarget(name: \"$1\", dependencies: [
      .product(name: \"KraftsamlingKit\", package: \"KraftsamlingKit\"),
      .product(name: \"KraftsamlingKitData\", package: \"KraftsamlingKit\")]),
"
}
# The README's second swift block is the library snippet.
python3 - "$repo/README.md" > readme-snippet.swift <<'PY'
import re, sys
blocks = re.findall(r"```swift\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S)
print(blocks[1])
PY
add_target ReadmeSnippet readme-snippet.swift
for dir in "$repo"/Examples/*/; do
  name=$(basename "$dir")
  [ -f "$dir/main.swift" ] && add_target "User$name" "$dir/main.swift"
done
cat > Package.swift <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
  name: "UserPackage",
  dependencies: [.package(name: "KraftsamlingKit", path: "$repo")],
  targets: [
$targets  ])
SWIFT
echo "== building the README snippet and the examples from outside ($work/UserPackage)"
swift build 2>&1 | grep -E "error|warning: .*deprecated|Compiling User|Build complete" | grep -v "^\[" || true
swift build >/dev/null 2>&1 || { swift build 2>&1 | grep -E "error" | head -20; exit 1; }
echo "ok: the README snippet and $(ls "$repo"/Examples/*/main.swift | wc -l) examples build against the public API"
