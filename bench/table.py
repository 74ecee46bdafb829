#!/usr/bin/python3
"""Prints the benchmark table from the TSV lines of Bench.java (mlgate) and peers.py (peer).

    /usr/bin/python3 bench/table.py MLGATE.tsv PEER.tsv

Standard library only. Ratio = mlgate time / peer time (median of the timed runs, warm).
"""
import sys

# (label, mlgate op, peer op, auc model, target ratio or None, needs equal AUC)
ROWS = [
    ("load: CSV -> dataset  vs  pandas.read_csv", "load", "load", None, 1.0, False),
    ("load: CSV -> dataset  vs  read_csv + one-hot CSR", "load", "load_onehot", None, None, False),
    ("profile: reference profile of train", "profile", "profile", None, None, False),
    ("validate: holdout vs contract + profile", "validate", "validate", None, None, False),
    ("xgboost train  vs  xgboost binary:logistic", "xgboost_train", "xgboost_train", "xgboost", 1.1, True),
    ("xgboost train  vs  xgboost multi:softprob", "xgboost_train", "xgboost_train_softprob", ("xgboost", "xgboost_softprob"), None, False),
    ("  prototype: binary + DMatrix from columns (Probe)", "probe_xgb_fixed_total", "xgboost_train",
     ("probe_xgb_fixed_total", "xgboost"), 1.1, True),
    ("  prototype: fast load (FastLoad)  vs  read_csv", "probe_fastload_total", "load", None, 1.0, False),
    ("logistic train  vs  sklearn lbfgs", "logistic_train", "logistic_train", "logistic", None, False),
]
ONLY_MLGATE = [("infer contract (train)", "infer_contract"), ("fit encoder (train)", "fit_encoder"),
               ("CsvSource pass only (train)", "csv_scan")]
AUC_TOLERANCE = 0.002


def read(path):
    times, aucs, info = {}, {}, {}
    with open(path) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "TIME" and len(p) >= 7:
                times[p[2]] = (float(p[3]), float(p[4]), float(p[5]), int(p[6]))
            elif p[0] == "AUC" and len(p) >= 4:
                aucs[p[2]] = float(p[3])
            elif p[0] == "INFO" and len(p) >= 4:
                info[p[2]] = p[3]
    return times, aucs, info


def main():
    mt, ma, mi = read(sys.argv[1])
    pt, pa, pi = read(sys.argv[2])
    head = "%-50s %9s %9s %7s %9s %8s %8s %8s  %-22s %s" % ("operation", "mlgate s", "peer s", "ratio", "min ratio",
                                                             "AUC mg", "AUC peer", "dAUC", "target", "met?")
    print(head)
    print("-" * len(head))
    missed = 0
    for label, mop, pop, auc, target, equal_auc in ROWS:
        if mop not in mt or pop not in pt:
            print("%-50s %s" % (label, "(not measured)"))
            continue
        m, p = mt[mop][0], pt[pop][0]
        ratio = m / p if p > 0 else float("nan")
        min_ratio = mt[mop][1] / pt[pop][1] if pt[pop][1] > 0 else float("nan")
        am = ap = d = None
        if auc:
            mk, pk = auc if isinstance(auc, tuple) else (auc, auc)
            am, ap = ma.get(mk), pa.get(pk)
            d = am - ap if am is not None and ap is not None else None
        tgt, met = "-", ""
        if target is not None:
            ok = ratio <= target
            tgt = "<= %.1fx" % target
            if equal_auc:
                tgt += ", |dAUC|<=%.3f" % AUC_TOLERANCE
                ok = ok and d is not None and abs(d) <= AUC_TOLERANCE
            met = "met" if ok else "MISSED"
            if label.startswith("  prototype"):
                met = "(would be met)" if ok else "(still missed)"
            else:
                missed += not ok
        fmt = lambda v, f: (f % v) if v is not None else "-"
        print("%-50s %9.3f %9.3f %6.2fx %8.2fx %8s %8s %8s  %-22s %s" % (label, m, p, ratio, min_ratio, fmt(am, "%.4f"),
                                                                      fmt(ap, "%.4f"), fmt(d, "%+.4f"), tgt, met))
    for label, op in ONLY_MLGATE:
        if op in mt:
            print("%-50s %9.3f %9s" % (label + " (mlgate only)", mt[op][0], "-"))
    probes = [(k, v) for k, v in mt.items() if k.startswith("probe_")]
    if probes:
        print()
        print("where the time goes (bench/java/Probe.java: replicas and prototypes, not mlgate's API)")
        for k, v in probes:
            extra = ""
            key = k[len("probe_"):]
            if ("probe_" + key) in ma:
                extra = "  AUC %.4f" % ma["probe_" + key]
            print("  %-40s %9.3f s (min %.3f, reps %d)%s" % (key, v[0], v[1], v[3], extra))
        for k, v in mi.items():
            if k.startswith("probe_"):
                print("  %-40s %s" % (k[len("probe_"):], v))
    print()
    print("median of warm runs; ratio = mlgate / peer (medians), min ratio = fastest run / fastest run; first (cold) runs: mlgate load %s s, xgboost %s s"
          % (mt.get("load", (0, 0, float("nan")))[2], mt.get("xgboost_train", (0, 0, float("nan")))[2]))
    for side, info in (("mlgate", mi), ("peer", pi)):
        print("%s: %s" % (side, "; ".join("%s=%s" % (k, v) for k, v in info.items() if not k.startswith("probe_"))))
    print("targets missed: %d" % missed)


if __name__ == "__main__":
    main()
