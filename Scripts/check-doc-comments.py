#!/usr/bin/env python3
"""Fail if a public declaration in the libraries has no doc comment.

Checks every `public`/`open` declaration in the library targets (the stage
modules Sources/Kraftsamling*/, the umbrella and KraftsamlingKitData; generated
files excluded): the nearest non-attribute
line above it must end a `///` (or `*/`) doc comment.
Usage: python3 Scripts/check-doc-comments.py   (exit 1 and a list when some lack one)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIRS = sorted(
    os.path.join("Sources", d) for d in os.listdir(os.path.join(ROOT, "Sources")) if d.startswith("Kraftsamling"))
DECL = re.compile(r"^\s*(@\w+(\([^)]*\))?\s+)*(public|open)\s+(?!import)(.*)")
missing = []
for d in DIRS:
    for base, _, files in os.walk(os.path.join(ROOT, d)):
        if "Generated" in base:
            continue
        for f in files:
            if not f.endswith(".swift"):
                continue
            path = os.path.join(base, f)
            lines = open(path, encoding="utf-8").read().split("\n")
            for i, line in enumerate(lines):
                m = DECL.match(line)
                if not m:
                    continue
                rest = m.group(4)
                if rest.startswith("extension"):
                    continue  # extensions themselves need no comment; their members do
                j = i - 1
                while j >= 0 and (lines[j].strip().startswith("@") or lines[j].strip() == ""):
                    if lines[j].strip() == "":
                        j = -1
                        break
                    j -= 1
                ok = j >= 0 and (lines[j].strip().startswith("///") or lines[j].strip().endswith("*/"))
                if not ok:
                    missing.append(f"{os.path.relpath(path, ROOT)}:{i + 1}: {line.strip()[:90]}")
if missing:
    print("public declarations without a doc comment:")
    print("\n".join(missing))
    sys.exit(1)
print("every public declaration has a doc comment")
