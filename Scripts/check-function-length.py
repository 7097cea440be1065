#!/usr/bin/env python3
"""Fails when a function, initialiser or subscript of the library or kraftctl
is longer than 80 lines (STYLE: name the stages of a long computation).

  python3 Scripts/check-function-length.py    (exit 1 and a list when some are longer)
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 80
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def long_functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    found = []
    for i, line in enumerate(lines):
        code = line.split("//")[0]
        if line.strip().startswith("///") or not re.search(r"\b(func|init|subscript)\b", code):
            continue
        depth, started, j = 0, False, i
        while j < len(lines):
            text = STRING.sub("", lines[j].split("//")[0])
            for ch in text:
                if ch == "{":
                    depth += 1
                    started = True
                elif ch == "}":
                    depth -= 1
            if started and depth <= 0:
                break
            if not started and j > i + 8:
                break
            j += 1
        if started and j - i + 1 > LIMIT:
            found.append((j - i + 1, i + 1, line.strip()[:90]))
    return found


problems = []
for path in sorted(glob.glob(os.path.join(ROOT, "Sources", "*", "**", "*.swift"), recursive=True)):
    if "/Generated/" in path or "/kraftbench/" in path:
        continue
    for n, line, text in long_functions(path):
        problems.append(f"{os.path.relpath(path, ROOT)}:{line}: {n} lines: {text}")
if problems:
    print(f"functions longer than {LIMIT} lines (split them into named steps):")
    print("\n".join(problems))
    sys.exit(1)
print(f"no function is longer than {LIMIT} lines")
