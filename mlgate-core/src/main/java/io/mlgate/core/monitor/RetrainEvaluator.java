package io.mlgate.core.monitor;

import io.mlgate.core.config.DriftSpec;
import io.mlgate.core.config.DriftThresholds;
import io.mlgate.core.config.RetrainSpec;
import io.mlgate.core.evaluate.MetricCatalog;
import io.mlgate.core.gate.GateStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The retraining triggers of {@code retrain:} judged on one {@link Evidence}. Pure: the same
 * evidence gives the same verdicts and messages (the schedule reads only {@link Evidence#now()}).
 */
public final class RetrainEvaluator {
    static final String NO_SIGNALS = "no serving signals (pass --server URL or --prometheus URL)";
    static final String NO_OUTCOMES = "no labelled outcomes (pass --outcomes FILE with --prediction-log DIR)";

    private RetrainEvaluator() {
    }

    /** The verdict of every configured trigger, in a fixed order: drift, prediction shift, live metrics, new data, schedule, on demand. */
    public static List<TriggerResult> evaluate(RetrainSpec spec, DriftSpec contractDrift, Evidence e) {
        List<TriggerResult> out = new ArrayList<>();
        if (spec.drift().enabled()) {
            out.add(drift(spec.drift(), contractDrift, e));
        }
        if (spec.predictionShift().enabled()) {
            out.add(predictionShift(spec.predictionShift(), e));
        }
        for (RetrainSpec.LiveMetric m : spec.liveMetrics()) {
            out.add(liveMetric(m, e));
        }
        if (spec.newData() != null) {
            out.add(newData(spec.newData(), e));
        }
        if (spec.schedule() != null) {
            out.add(schedule(spec.schedule(), e));
        }
        if (e.onDemand() != null) {
            out.add(TriggerResult.of("on-demand", "on demand", GateStatus.FAILED, "requested with " + e.onDemand(),
                    "on demand (" + e.onDemand() + ")"));
        }
        return out;
    }

    static TriggerResult drift(RetrainSpec.Drift spec, DriftSpec contract, Evidence e) {
        String id = "drift";
        String label = "drift";
        ServingSignals s = e.signals();
        if (s == null || !s.available()) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, s == null ? NO_SIGNALS : "serving signals unreadable", null);
        }
        int minRows = spec.minRows() != null ? spec.minRows() : contract.minRows();
        long rows = s.driftRows() == null ? 0 : s.driftRows();
        if (rows < minRows) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, rows(rows) + " rows in the drift window, fewer than min_rows "
                    + rows(minRows), null);
        }
        if (s.psi().isEmpty()) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, "no drift values for version " + e.version() + " at " + s.source()
                    + " (the server publishes them from its --drift-min-rows; the model needs reference-profile.json)", null);
        }
        record Drifted(String feature, double psi, String why) {
        }
        List<Drifted> drifted = new ArrayList<>();
        String worst = null;
        double worstPsi = Double.NEGATIVE_INFINITY;
        double worstLimit = 0;
        for (Map.Entry<String, Double> f : s.psi().entrySet()) {
            DriftThresholds t = contract.thresholdsFor(f.getKey());
            if (t.isIgnored()) {
                continue;
            }
            double psiFail = spec.psiFail() != null ? spec.psiFail() : t.psiFail();
            Double jsFail = spec.jsFail() != null ? spec.jsFail() : t.jsFail();
            double psi = f.getValue();
            Double js = s.js().get(f.getKey());
            if (psi >= psiFail) {
                drifted.add(new Drifted(f.getKey(), psi, "PSI " + fmt(psi) + " >= " + limit(psiFail)));
            } else if (jsFail != null && js != null && js >= jsFail) {
                drifted.add(new Drifted(f.getKey(), psi, "JS " + fmt(js) + " >= " + limit(jsFail)));
            }
            if (psi > worstPsi) {
                worstPsi = psi;
                worst = f.getKey();
                worstLimit = psiFail;
            }
        }
        drifted.sort(Comparator.comparingDouble(Drifted::psi).reversed());
        List<String> named = drifted.stream().map(d -> d.feature() + " (" + d.why() + ")").toList();
        if (!drifted.isEmpty() && drifted.size() >= spec.minFeatures()) {
            return TriggerResult.of(id, label, GateStatus.FAILED, "drift on " + String.join(", ", named) + " over " + rows(rows) + " rows",
                    "drift on " + String.join(", ", drifted.stream().map(Drifted::feature).toList()));
        }
        if (!drifted.isEmpty()) {
            return TriggerResult.of(id, label, GateStatus.PASSED, "drift on " + String.join(", ", named) + ", fewer than min_features "
                    + spec.minFeatures() + " over " + rows(rows) + " rows", null);
        }
        if (worst == null) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, "every feature is ignored (contract.drift.features)", null);
        }
        return TriggerResult.of(id, label, GateStatus.PASSED, "no feature drifted (highest PSI " + fmt(worstPsi) + " on " + worst + " < "
                + limit(worstLimit) + ") over " + rows(rows) + " rows", null);
    }

    static TriggerResult predictionShift(RetrainSpec.PredictionShift spec, Evidence e) {
        String id = "prediction-shift";
        String label = "prediction shift";
        ServingSignals s = e.signals();
        if (s == null || !s.available()) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, s == null ? NO_SIGNALS : "serving signals unreadable", null);
        }
        if (e.baseline() == null) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, "no holdout predictions of version " + e.version()
                    + " to compare with (set data.holdout)", null);
        }
        double n = s.predictions();
        if (n < spec.minRows()) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, rows(n) + " predictions " + s.window() + ", fewer than min_rows "
                    + rows(spec.minRows()), null);
        }
        boolean classes = e.baseline().isClassification();
        double psi = classes ? e.baseline().classPsi(s.predictedClasses()) : e.baseline().valuePsi(s.predictedValues());
        if (Double.isNaN(psi)) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, "the server publishes no " + (classes ? "predicted classes" : "predicted values")
                    + " for version " + e.version(), null);
        }
        String what = classes ? "predicted class shares" : "predicted values";
        String over = " over " + rows(n) + " predictions";
        if (psi >= spec.psiFail()) {
            String shares = classes ? ": " + shareChanges(e.baseline().classShares(), PredictionProfile.normalise(s.predictedClasses())) : "";
            return TriggerResult.of(id, label, GateStatus.FAILED, what + " moved (PSI " + fmt(psi) + " >= " + limit(spec.psiFail()) + ")"
                    + over + shares, "prediction shift (PSI " + fmt(psi) + ")");
        }
        return TriggerResult.of(id, label, GateStatus.PASSED, what + " stable (PSI " + fmt(psi) + " < " + limit(spec.psiFail()) + ")" + over, null);
    }

    private static String shareChanges(Map<String, Double> before, Map<String, Double> after) {
        java.util.TreeSet<String> classes = new java.util.TreeSet<>(before.keySet());
        classes.addAll(after.keySet());
        List<String> parts = new ArrayList<>();
        for (String c : classes) {
            parts.add(c + " " + percent(before.getOrDefault(c, 0.0)) + " -> " + percent(after.getOrDefault(c, 0.0)));
        }
        return String.join(", ", parts);
    }

    static TriggerResult liveMetric(RetrainSpec.LiveMetric spec, Evidence e) {
        MetricCatalog metric = MetricCatalog.find(spec.metric()).orElseThrow();
        String name = metric.metricName();
        String id = "live-" + name.replace('_', '-');
        String label = "live " + name;
        if (e.live() == null) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, NO_OUTCOMES, null);
        }
        String over = " over " + rows(e.labelledRows()) + " labelled rows";
        if (e.labelledRows() < spec.minRows()) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, rows(e.labelledRows()) + " labelled rows of version " + e.version()
                    + ", fewer than min_rows " + rows(spec.minRows()), null);
        }
        Double live = e.live().get(name);
        if (live == null) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, "live " + name + " cannot be computed" + over
                    + " (a single class among the outcomes?)", null);
        }
        boolean higher = metric.higherIsBetter();
        List<String> parts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String value = "live " + name + " " + fmt(live);
        if (spec.threshold() != null) {
            boolean bad = higher ? live < spec.threshold() : live > spec.threshold();
            String bound = (higher ? "floor " : "ceiling ") + limit(spec.threshold());
            String cmp = bad ? (higher ? " < " : " > ") : (higher ? " >= " : " <= ");
            parts.add(value + cmp + bound);
            if (bad) {
                reasons.add(value + cmp + bound);
            }
        }
        Double limitDelta = higher ? spec.minDelta() : spec.maxDelta();
        if (limitDelta != null) {
            Double registered = e.registeredMetrics().get(name);
            if (registered == null) {
                parts.add((parts.isEmpty() ? value + ", " : "") + "no " + name + " recorded at registration to compare with");
            } else {
                double delta = live - registered;
                boolean bad = higher ? delta < limitDelta : delta > limitDelta;
                String text = "at registration " + fmt(registered) + ", delta " + signed(delta) + (bad ? (higher ? " < " : " > ") : (higher ? " >= " : " <= "))
                        + limit(limitDelta);
                parts.add(parts.isEmpty() ? value + ", " + text : text);
                if (bad) {
                    reasons.add(value + " vs " + fmt(registered) + " at registration (delta " + signed(delta) + ")");
                }
            }
        }
        GateStatus status = reasons.isEmpty() ? GateStatus.PASSED : GateStatus.FAILED;
        return TriggerResult.of(id, label, status, String.join(", ", parts) + over, String.join("; ", reasons));
    }

    static TriggerResult newData(RetrainSpec.NewData spec, Evidence e) {
        String id = "new-data";
        String label = "new data";
        if (e.newLabelledRows() == null) {
            return TriggerResult.of(id, label, GateStatus.INACTIVE, NO_OUTCOMES, null);
        }
        long n = e.newLabelledRows();
        String since = e.lastTraining() == null ? "in the prediction log" : "since version " + e.lastTrainedVersion() + " was registered";
        if (n >= spec.minRows()) {
            return TriggerResult.of(id, label, GateStatus.FAILED, rows(n) + " new labelled rows " + since + " (>= " + rows(spec.minRows()) + ")",
                    rows(n) + " new labelled rows");
        }
        return TriggerResult.of(id, label, GateStatus.PASSED, rows(n) + " new labelled rows " + since + ", fewer than " + rows(spec.minRows()), null);
    }

    static TriggerResult schedule(RetrainSpec.Schedule spec, Evidence e) {
        String id = "schedule";
        String label = "schedule";
        Duration every = spec.period();
        String everyText = spec.every().strip();
        if (e.lastTraining() == null) {
            return TriggerResult.of(id, label, GateStatus.FAILED, "no registration in the history; the schedule wants one every " + everyText,
                    "schedule every " + everyText + " (never trained)");
        }
        Duration age = Duration.between(e.lastTraining(), e.now());
        String last = "last training " + span(age) + " ago (version " + e.lastTrainedVersion() + " registered " + e.lastTraining() + ")";
        if (age.compareTo(every) >= 0) {
            return TriggerResult.of(id, label, GateStatus.FAILED, last + ", every " + everyText,
                    "schedule every " + everyText + " (last training " + span(age) + " ago)");
        }
        return TriggerResult.of(id, label, GateStatus.PASSED, last + ", next due in " + span(every.minus(age)) + " (every " + everyText + ")", null);
    }

    // ------------------------------------------------------------------ formats (pinned: tests assert them verbatim)

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }

    /** A configured limit as written: 0.25, 0.65, -0.05. */
    static String limit(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String rows(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** 8d 2h, 5h 30m, 12m, 40s. */
    static String span(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m" : s + "s";
    }
}
