#!/usr/bin/env bash
# Fails when a Swift source is not in Unicode NFC. Swift does not normalise
# identifiers, so `Nämnd` typed with a precomposed "ä" and with "a" plus a
# combining diaeresis are two different names.
# Usage: Scripts/check-nfc.sh [PATH ...]
#   (default: Package.swift and the *.swift files under Sources Tests Examples Fuzz,
#   relative to the repository root)
# Prints file:line for each offending line; exit 0 when all are NFC, 1 otherwise.
set -euo pipefail
if [ $# -eq 0 ]; then
  cd "$(dirname "$0")/.."
  set -- Package.swift Sources Tests Examples Fuzz
fi
python3 - "$@" <<'PY'
import os, sys, unicodedata

def swift_files(path):
    if os.path.isfile(path):
        yield path
        return
    if not os.path.isdir(path):
        sys.exit(f"check-nfc: no such file or directory: {path}")
    for d, dirs, names in os.walk(path):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".build") and x != ".git")
        for name in sorted(names):
            if name.endswith(".swift"):
                yield os.path.join(d, name)

files = bad = 0
for root in sys.argv[1:]:
    for path in swift_files(root):
        files += 1
        try:
            text = open(path, encoding="utf-8").read()
        except UnicodeDecodeError as e:
            print(f"{path}: not valid UTF-8 ({e})")
            bad += 1
            continue
        for n, line in enumerate(text.split("\n"), 1):
            if not unicodedata.is_normalized("NFC", line):
                print(f"{path}:{n}: not NFC: {line.strip()[:80]}")
                bad += 1
print(f"check-nfc: {files} Swift files, {bad} problem(s)")
sys.exit(1 if bad else 0)
PY
