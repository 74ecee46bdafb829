#!/usr/bin/python3
"""The Python side of the benchmark: pandas, scikit-learn and xgboost (Debian packages) doing the
work mlgate does in bench/java/Bench.java, on the same files, timed the same way.

    /usr/bin/python3 bench/peers.py TRAIN.csv HOLDOUT.csv [key=value ...]
      reps=5 train_reps=3 rounds=200 depth=6 eta=0.1 threads=2 seed=42 softprob=true

Prints tab-separated lines (same format as Bench.java):
    TIME  peer  OP  MEDIAN_S  MIN_S  FIRST_S  REPS
    AUC   peer  MODEL  VALUE
    INFO  peer  KEY  VALUE
The median is over `reps` runs after one warm-up run; FIRST_S is the warm-up run.
"""
import gc
import math
import platform
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp
import sklearn
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

LABEL = "Class"
POSITIVE = "bad"
BINS = 10
EPSILON = 1e-4  # mlgate's Drift.EPSILON: share used for an empty bin in PSI


def out(*fields):
    print("\t".join(str(f) for f in fields), flush=True)


def timed(op, reps, fn):
    result = None
    first = None
    runs = []
    for i in range(reps + 1):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        sec = time.perf_counter() - t0
        if i == 0:
            first = sec
        else:
            runs.append(sec)
    runs.sort()
    median = runs[len(runs) // 2] if len(runs) % 2 else (runs[len(runs) // 2 - 1] + runs[len(runs) // 2]) / 2
    out("TIME", "peer", op, "%.4f" % median, "%.4f" % runs[0], "%.4f" % first, reps)
    return result


# ---------------------------------------------------------------- validation

def contract_of(df):
    """What mlgate's ContractInferrer writes, enough for the checks: type, [min, max] fence, domain."""
    contract = {}
    for c in df.columns:
        s = df[c]
        if c == LABEL:
            contract[c] = {"type": "category", "values": sorted(s.dropna().unique()), "label": True}
        elif pd.api.types.is_numeric_dtype(s):
            lo, hi = float(s.min()), float(s.max())
            margin = (hi - lo) / 2 if hi > lo else max(abs(hi) / 2, 1)
            contract[c] = {"type": "int" if pd.api.types.is_integer_dtype(s) else "float",
                           "min": max(lo - margin, 0) if lo >= 0 else lo - margin, "max": hi + margin}
        else:
            contract[c] = {"type": "category", "values": sorted(s.dropna().unique())}
    return contract


def profile(path, contract):
    """Reference profile: decile edges and bin shares per numeric feature, shares per category."""
    df = pd.read_csv(path)
    prof = {}
    for c, spec in contract.items():
        if spec.get("label"):
            continue
        s = df[c].dropna()
        if spec["type"] in ("int", "float"):
            v = np.sort(s.to_numpy(dtype=np.float64))
            n = len(v)
            # lower empirical quantile at i/BINS, distinct edges (mlgate's quantileEdges)
            at = np.clip(np.ceil(np.arange(1, BINS) * n / BINS).astype(np.int64) - 1, 0, n - 1)
            edges = np.unique(v[at])
            counts = np.bincount(np.searchsorted(edges, v, side="left"), minlength=len(edges) + 1)
            prof[c] = ("numeric", edges, counts / counts.sum())
        else:
            shares = s.value_counts(normalize=True).sort_index()
            cats = list(shares.index)
            prof[c] = ("category", cats, np.append(shares.to_numpy(), 0.0))  # last bucket: (other)
    return prof


def psi_js(ref, cur):
    e = np.maximum(ref, EPSILON)
    a = np.maximum(cur, EPSILON)
    psi = float(np.sum((a - e) * np.log(a / e)))
    p = ref / ref.sum()
    q = cur / cur.sum()
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = lambda x: np.nansum(np.where(x > 0, x * np.log2(x / m), 0.0))
        js = math.sqrt(max(0.0, (kl(p) + kl(q)) / 2))
    return psi, js


def validate(path, contract, prof):
    """The checks of mlgate's DataValidator: columns, dtypes, nulls, ranges, domains, drift (PSI, JS)."""
    df = pd.read_csv(path)
    problems = []
    missing = [c for c in contract if c not in df.columns]
    unexpected = [c for c in df.columns if c not in contract]
    problems += ["missing " + c for c in missing] + ["unexpected " + c for c in unexpected]
    drift = {}
    nulls = df.isna().sum()
    for c, spec in contract.items():
        if c in missing:
            continue
        s = df[c]
        if nulls[c] > 0:
            problems.append("nulls %s %d" % (c, nulls[c]))
        present = s.dropna()
        if spec["type"] in ("int", "float"):
            if not pd.api.types.is_numeric_dtype(s):
                problems.append("type " + c)
                continue
            if spec["type"] == "int" and not pd.api.types.is_integer_dtype(s) and (present % 1 != 0).any():
                problems.append("type " + c)
            out_of_range = int(((present < spec["min"]) | (present > spec["max"])).sum())
            if out_of_range:
                problems.append("range %s %d" % (c, out_of_range))
            if c in prof:
                _, edges, ref = prof[c]
                counts = np.bincount(np.searchsorted(edges, present.to_numpy(dtype=np.float64), side="left"),
                                     minlength=len(edges) + 1)
                drift[c] = psi_js(ref, counts / counts.sum())
        else:
            unknown = int((~present.isin(spec["values"])).sum())
            if unknown:
                problems.append("domain %s %d" % (c, unknown))
            if c in prof:
                _, cats, ref = prof[c]
                vc = present.value_counts()
                cur = np.array([vc.get(k, 0) for k in cats] + [int(vc[~vc.index.isin(cats)].sum())], dtype=np.float64)
                drift[c] = psi_js(ref, cur / cur.sum())
    return len(df), problems, drift


# ---------------------------------------------------------------- models

def encode(df, names, index, numeric, categorical, scale=None):
    """The CSR matrix mlgate hands to XGBoost: Tribuo's feature order (names sorted), numeric
    columns always present (zeros included), one entry per category column (value 1)."""
    n = len(df)
    cols, vals = [], []
    for c in numeric:
        cols.append(np.full(n, index[c], dtype=np.int64))
        v = df[c].to_numpy(dtype=np.float64)
        if scale is not None:
            v = (v - scale[c][0]) / scale[c][1]
        vals.append(v.astype(np.float32))
    for c in categorical:
        levels = [x.split("=", 1)[1] for x in names if x.startswith(c + "=")]
        codes = pd.Categorical(df[c], categories=levels).codes.astype(np.int64)
        ids = np.array([index[c + "=" + lv] for lv in levels], dtype=np.int64)
        cols.append(np.where(codes >= 0, ids[np.maximum(codes, 0)], -1))
        vals.append(np.ones(n, dtype=np.float32))
    ind = np.stack(cols, 1)
    val = np.stack(vals, 1)
    order = np.argsort(ind, axis=1, kind="stable")  # CSR rows with ascending column ids
    ind = np.take_along_axis(ind, order, 1)
    val = np.take_along_axis(val, order, 1)
    keep = ind >= 0  # unseen categories encode as nothing, as in mlgate
    indptr = np.concatenate([[0], np.cumsum(keep.sum(1))])
    return sp.csr_matrix((val[keep], ind[keep], indptr), shape=(n, len(names)))


def main():
    train_csv, holdout_csv = sys.argv[1], sys.argv[2]
    opt = dict(a.split("=", 1) for a in sys.argv[3:])
    reps = int(opt.get("reps", 5))
    train_reps = int(opt.get("train_reps", 3))
    threads = int(opt.get("threads", 2))
    seed = int(opt.get("seed", 42))
    rounds = int(opt.get("rounds", 200))
    softprob = opt.get("softprob", "true") == "true"
    params = {"tree_method": "hist", "max_depth": int(opt.get("depth", 6)), "eta": float(opt.get("eta", 0.1)),
              "subsample": 1.0, "colsample_bytree": 1.0, "lambda": 1.0, "alpha": 0.0, "min_child_weight": 1.0,
              "gamma": 0.0, "nthread": threads, "seed": seed, "verbosity": 0}
    out("INFO", "peer", "python", platform.python_implementation() + " " + platform.python_version() + " " + sys.executable)
    out("INFO", "peer", "versions", "pandas %s numpy %s scikit-learn %s xgboost %s"
        % (pd.__version__, np.__version__, sklearn.__version__, xgb.__version__))
    out("INFO", "peer", "xgboost_params", "rounds=%d %s" % (rounds, params))

    # ---- (a) load
    df = timed("load", reps, lambda: pd.read_csv(train_csv))
    out("INFO", "peer", "train_rows", len(df))

    # ---- (b) validation
    contract = contract_of(df)
    prof = timed("profile", reps, lambda: profile(train_csv, contract))
    rows, problems, drift = timed("validate", reps, lambda: validate(holdout_csv, contract, prof))
    out("INFO", "peer", "validate_status", "rows=%d problems=%d drift_features=%d max_psi=%.4f"
        % (rows, len(problems), len(drift), max(p for p, _ in drift.values())))

    # ---- encoding shared by the models (untimed on both sides: mlgate's is inside load)
    features = [c for c in df.columns if c != LABEL]
    numeric = [c for c in features if pd.api.types.is_numeric_dtype(df[c])]
    categorical = [c for c in features if c not in numeric]
    names = sorted(numeric + [c + "=" + v for c in categorical for v in sorted(df[c].unique())])
    index = {nm: i for i, nm in enumerate(names)}
    hold = pd.read_csv(holdout_csv)
    x_train = encode(df, names, index, numeric, categorical)
    x_hold = encode(hold, names, index, numeric, categorical)
    y_train = (df[LABEL] == POSITIVE).to_numpy(dtype=np.float32)
    y_hold = (hold[LABEL] == POSITIVE).to_numpy()
    out("INFO", "peer", "features", "%d (nnz per row %.1f)" % (len(names), x_train.nnz / x_train.shape[0]))
    timed("load_onehot", reps, lambda: encode(pd.read_csv(train_csv), names, index, numeric, categorical))

    # ---- (c) XGBoost: DMatrix construction is inside the timing, as Tribuo's conversion is on the mlgate side
    def boost(objective):
        p = dict(params, objective=objective)
        if objective.startswith("multi"):
            p["num_class"] = 2
        return xgb.train(p, xgb.DMatrix(x_train, label=y_train), rounds)

    booster = timed("xgboost_train", train_reps, lambda: boost("binary:logistic"))
    out("AUC", "peer", "xgboost", "%.5f" % roc_auc_score(y_hold, booster.predict(xgb.DMatrix(x_hold))))
    if softprob:
        booster = timed("xgboost_train_softprob", train_reps, lambda: boost("multi:softprob"))
        out("AUC", "peer", "xgboost_softprob", "%.5f" % roc_auc_score(y_hold, booster.predict(xgb.DMatrix(x_hold))[:, 1]))

    # ---- (d) logistic regression on standardised numeric columns and one-hot categories
    scale = {c: (df[c].mean(), df[c].std(ddof=0) or 1.0) for c in numeric}
    xs_train = encode(df, names, index, numeric, categorical, scale)
    xs_hold = encode(hold, names, index, numeric, categorical, scale)
    lr = timed("logistic_train", train_reps,
               lambda: LogisticRegression(solver="lbfgs", C=1.0, max_iter=1000).fit(xs_train, y_train))
    out("INFO", "peer", "logistic_iterations", int(lr.n_iter_[0]))
    out("AUC", "peer", "logistic", "%.5f" % roc_auc_score(y_hold, lr.predict_proba(xs_hold)[:, 1]))


if __name__ == "__main__":
    main()
