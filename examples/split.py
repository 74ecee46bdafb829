#!/usr/bin/env python3
"""Splits the shipped modeldata CSVs into train/holdout (fixed seed) and writes a drifted copy.

Re-run from the repository root: python3 examples/split.py /path/to/shared/data
Only the Python standard library is used, so the split is reproducible anywhere.
"""
import csv, random, sys, os

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
here = os.path.dirname(os.path.abspath(__file__))

def read(name):
    with open(os.path.join(src, name), newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]

def write(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

def split(rows, holdout_share, seed, strata=None):
    rng = random.Random(seed)
    groups = {}
    for r in rows:
        groups.setdefault(r[strata] if strata is not None else "", []).append(r)
    train, hold = [], []
    for key in sorted(groups):
        g = groups[key][:]
        rng.shuffle(g)
        n = round(len(g) * holdout_share)
        hold += g[:n]
        train += g[n:]
    rng.shuffle(train)
    rng.shuffle(hold)
    return train, hold

# lending club: 80/20 stratified on Class
h, rows = read("lending_club.csv")
ci = h.index("Class")
train, hold = split(rows, 0.2, 20261205, ci)
d = os.path.join(here, "lending-club", "data")
write(os.path.join(d, "train.csv"), h, train)
write(os.path.join(d, "holdout.csv"), h, hold)

# drifted copy of the holdout: interest rates up 60%, incomes down 40%, more 60-month terms
rng = random.Random(7)
ir, inc, term = h.index("int_rate"), h.index("annual_inc"), h.index("term")
drift = []
for r in hold:
    r = r[:]
    r[ir] = "%.2f" % (float(r[ir]) * 1.6)
    r[inc] = "%.0f" % (float(r[inc]) * 0.6)
    if rng.random() < 0.5:
        r[term] = "term_60"
    drift.append(r)
write(os.path.join(d, "holdout-drifted.csv"), h, drift)

# ames: 80/20
h, rows = read("ames.csv")
train, hold = split(rows, 0.2, 20261205)
d = os.path.join(here, "ames", "data")
write(os.path.join(d, "train.csv"), h, train)
write(os.path.join(d, "holdout.csv"), h, hold)
