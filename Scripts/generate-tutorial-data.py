#!/usr/bin/env python3
"""Writes Examples/data/egen-statistik.csv: the tutorial's "own data" file.

It is the bundled illustrative statistics re-dressed as a Swedish spreadsheet
export — semicolons, decimal commas, Latin-1, headers with spaces, SCB's ".."
for a few suppressed cells — plus an invented trygghet share, so that
Documentation/GettingStarted.md can walk through reading your own file.
ILLUSTRATIVE: not official statistics. Deterministic (seed 7).
"""
import csv
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "Data", "malmo", "statistik_exempel.csv")
OUT = os.path.join(ROOT, "Examples", "data", "egen-statistik.csv")
rng = random.Random(7)
rows = list(csv.DictReader(open(SRC, encoding="utf-8")))
header = ["Områdeskod", "Område", "Barn 0-18", "Trångbodda barn", "Barn i låg inkomst", "Vuxna 20-64",
          "Ekonomiskt bistånd 20-64", "Avgångna åk 9", "Ej behöriga yrkesprogram", "Trygga (andel)"]
lines = [";".join(header)]
for r in rows:
    barn = int(r["barn_0_18"])
    low = int(r["lag_inkomststandard_0_18"])
    # An invented trygghet share: lower where low income is common.
    share = None if barn < 20 else max(0.35, min(0.95, 0.9 - 0.8 * low / max(barn, 1) + rng.gauss(0, 0.04)))
    cells = [r["kod"], r["namn"], r["barn_0_18"], r["trangbodda_0_18"], r["lag_inkomststandard_0_18"],
             r["befolkning_20_64"], r["ekonomiskt_bistand_20_64"], r["avgangna_ak9"], r["ej_behoriga_yrkesprogram_ak9"],
             ".." if share is None else f"{share:.3f}".replace(".", ",")]
    lines.append(";".join(cells))
with open(OUT, "w", encoding="latin-1", newline="\r\n") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", os.path.relpath(OUT, ROOT), len(rows), "rows")
