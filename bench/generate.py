#!/usr/bin/env python3
"""Generates the benchmark data: a loan table shaped like examples/lending-club/data/train.csv.

Standard library only, fixed seed: the same command always writes the same bytes.

    python3 bench/generate.py OUT_DIR [--rows 200000] [--holdout 50000] [--seed 20240601]

writes OUT_DIR/train.csv and OUT_DIR/holdout.csv (same distribution, disjoint rows).

Columns: 13 numeric (integer counts and amounts, rates and ratios with realistic spreads and
heavy tails), 6 categorical (3 to 50 levels) and the label `Class` (good/bad, ~9% bad). The
label is drawn from a logistic model of the features that is nonlinear on purpose (thresholds,
a U-shape, interactions) plus latent noise, so that the best achievable AUC is around 0.8 and
trees beat a linear model on the raw columns by a little.
"""
import argparse
import math
import os
import random

STATES = ["AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS",
          "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV",
          "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV"]
# a few large states dominate, as in the real data
STATE_WEIGHTS = [1 + (20 if s == "CA" else 10 if s in ("NY", "TX", "FL") else 4 if s in ("IL", "NJ", "PA", "OH", "GA")
                      else 0) for s in STATES]
RISKY_STATES = {"NV", "FL", "MS", "AL", "LA", "OK", "NM", "AR"}
SUB_GRADES = [g + str(i) for g in "ABCDEFG" for i in range(1, 6)]
VERIFICATION = ["Not_Verified", "Source_Verified", "Verified"]
EMP = ["emp_lt_1"] + ["emp_%d" % i for i in range(1, 10)] + ["emp_ge_10"]
EMP_WEIGHTS = [9, 7, 9, 8, 6, 6, 5, 4, 4, 4, 33]
HOME = ["MORTGAGE", "RENT", "OWN", "OTHER"]
HOME_WEIGHTS = [48, 40, 11, 1]
PURPOSE = ["debt_consolidation", "credit_card", "home_improvement", "other", "major_purchase", "medical",
           "small_business", "car", "moving", "vacation", "house", "wedding", "renewable_energy", "educational"]
PURPOSE_WEIGHTS = [55, 22, 7, 6, 2.5, 1.3, 1.2, 1.1, 0.8, 0.7, 0.6, 0.4, 0.2, 0.2]
PURPOSE_EFFECT = {"small_business": 0.7, "medical": 0.3, "moving": 0.3, "credit_card": -0.25, "car": -0.2,
                  "wedding": -0.15, "house": 0.15, "educational": 0.2}

HEADER = ["funded_amnt", "sub_grade", "int_rate", "addr_state", "verification_status", "annual_inc", "emp_length",
          "home_ownership", "purpose", "dti", "delinq_2yrs", "inq_last_6mths", "revol_util", "acc_now_delinq",
          "open_il_6m", "total_bal_il", "all_util", "inq_last_12m", "num_il_tl", "total_il_high_credit_limit",
          "Class"]

INTERCEPT = -3.45


def poisson(rng, lam):
    # Knuth: fine for the small means used here
    limit = math.exp(-lam)
    k = 0
    p = rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def row(rng):
    grade = min(34, max(0, int(rng.gammavariate(3.0, 3.2))))
    sub_grade = SUB_GRADES[grade]
    int_rate = min(30.99, max(5.31, 5.6 + 0.68 * grade + rng.gauss(0, 1.1)))
    annual_inc = min(2_000_000.0, max(6000.0, math.exp(rng.gauss(11.1, 0.55))))
    funded = int(min(40000, max(1000, math.exp(rng.gauss(9.45, 0.6)) + 0.08 * annual_inc)) // 25 * 25)
    state = rng.choices(STATES, STATE_WEIGHTS)[0]
    verification = rng.choices(VERIFICATION, [30 + 3 * grade, 38, 20 + 2 * grade])[0]
    emp = rng.choices(EMP, EMP_WEIGHTS)[0]
    home = rng.choices(HOME, HOME_WEIGHTS)[0]
    purpose = rng.choices(PURPOSE, PURPOSE_WEIGHTS)[0]
    dti = min(60.0, max(0.0, rng.gauss(18.5, 8.5)))
    delinq = poisson(rng, 0.32)
    inq6 = poisson(rng, 0.55 + 0.02 * grade)
    revol_util = min(150.0, max(0.0, rng.betavariate(2.2, 2.0) * 110))
    acc_now = 1 if rng.random() < 0.006 else 0
    open_il_6m = poisson(rng, 0.9)
    num_il = poisson(rng, 7.0)
    has_il = rng.random() < 0.82
    high_limit = int(math.exp(rng.gauss(10.5, 1.0))) if has_il else 0
    bal_il = int(high_limit * rng.betavariate(3, 2)) if has_il else 0
    all_util = int(min(180, max(0, rng.gauss(60, 20) + 0.1 * (revol_util - 55))))
    inq12 = inq6 + poisson(rng, 1.4)

    z = INTERCEPT
    z += 0.17 * (int_rate - 12.0) + 0.08 * max(0.0, int_rate - 20.0)  # steeper for the worst grades
    z -= 0.85 * math.log(annual_inc / 65000.0)
    z += 0.75 if (revol_util > 80 and annual_inc < 55000) else 0.0       # interaction
    z += 0.35 * min(inq6, 4)                                              # saturating count
    z += 0.5 if delinq > 0 else 0.0
    z += 0.9 * acc_now
    z += 0.4 * ((dti - 18.0) / 10.0) ** 2 - 0.15                         # U-shape
    z += 0.55 if (all_util > 85 and open_il_6m >= 2) else 0.0            # interaction
    z += 0.25 if state in RISKY_STATES else 0.0
    z += PURPOSE_EFFECT.get(purpose, 0.0)
    z += 0.25 if home == "RENT" else (-0.1 if home == "MORTGAGE" else 0.0)
    z += 0.3 if emp == "emp_lt_1" else (-0.1 if emp == "emp_ge_10" else 0.0)
    z += 0.15 * (funded > 30000)
    z += rng.gauss(0.0, 0.3)                                             # what no model can see
    bad = rng.random() < 1.0 / (1.0 + math.exp(-z))

    return [str(funded), sub_grade, "%.2f" % int_rate, state, verification, "%.2f" % annual_inc, emp, home, purpose,
            "%.2f" % dti, str(delinq), str(inq6), "%.1f" % revol_util, str(acc_now), str(open_il_6m), str(bal_il),
            str(all_util), str(inq12), str(num_il), str(high_limit), "bad" if bad else "good"]


def write(path, rows, rng):
    tmp = path + ".tmp"
    bad = 0
    with open(tmp, "w", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for _ in range(rows):
            r = row(rng)
            bad += r[-1] == "bad"
            f.write(",".join(r) + "\n")
    os.replace(tmp, path)
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--holdout", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    rng = random.Random(a.seed)
    bad = write(os.path.join(a.out_dir, "train.csv"), a.rows, rng)
    bad_h = write(os.path.join(a.out_dir, "holdout.csv"), a.holdout, rng)
    print("generated %d train rows (%.1f%% bad) and %d holdout rows (%.1f%% bad) in %s"
          % (a.rows, 100.0 * bad / a.rows, a.holdout, 100.0 * bad_h / a.holdout, a.out_dir))


if __name__ == "__main__":
    main()
