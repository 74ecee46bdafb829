package io.mlgate.core.gate;

import io.mlgate.core.config.Baseline;
import io.mlgate.core.config.Criticality;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.NoBaselinePolicy;
import io.mlgate.core.config.Task;
import io.mlgate.core.evaluate.DeltaInterval;
import io.mlgate.core.evaluate.Evaluator;
import io.mlgate.core.evaluate.MetricCatalog;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.evaluate.PairedBootstrap;
import io.mlgate.core.evaluate.Predictions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evaluates quality gates on the candidate's holdout predictions, and on the champion's
 * predictions for the same rows. The rules (ARCHITECTURE.md section 5):
 *
 * <ul>
 *   <li>The direction comes from the metric: for higher-is-better metrics a threshold is a
 *   minimum, for lower-is-better ones a maximum. {@code min_*} limits are floors and
 *   {@code max_*} limits ceilings on delta = candidate - champion (relative: delta / |champion|);
 *   all configured limits must hold.</li>
 *   <li>A violation gives FAILED, WARNING or, for criticality note, PASSED with "(note)".</li>
 *   <li>A comparison that cannot be made never reads as a pass: no champion makes champion
 *   gates INACTIVE (or FAILED) as the {@code no_baseline} policy says; a relative limit against
 *   a champion of 0 is INACTIVE; a metric missing from the evaluation is FAILED.</li>
 *   <li>With {@code bootstrap}, a delta limit is violated only when the whole paired bootstrap
 *   interval is beyond it; a point delta beyond the limit with an interval that is not is
 *   PASSED "(not significant)".</li>
 *   <li>A sliced gate is applied to the rows of each value of the column; slices with fewer
 *   than {@code min_rows} rows are INACTIVE.</li>
 * </ul>
 *
 * <p>Messages are pinned: values at 4 decimals, deltas signed, delta limits as configured,
 * relative deltas in percent with 2 decimals. An absolute threshold is printed as configured
 * when met and at 4 decimals when violated, so that both numbers of a failure line up.
 * Comparisons forgive 1e-12 (relative to the limit) of floating-point noise.
 */
public final class GateEvaluator {
    private static final String NO_CHAMPION = "no champion (production alias unset)";
    private static final String APPROVAL_REQUIRED = "approval required: no champion";
    private static final double NOISE = 1e-12;

    private GateEvaluator() {
    }

    /**
     * @param gates           the configured gates, in order
     * @param policy          what champion gates do without a champion (null: pass_with_note)
     * @param candidate       the candidate's predictions on the holdout
     * @param champion        the champion's predictions on the same rows, null when there is none
     * @param championVersion the champion's registry version, null when unknown
     * @param sliceColumns    holdout column values per row for sliced gates (may be null)
     */
    public static GateReport evaluate(List<GateSpec> gates, NoBaselinePolicy policy, Predictions candidate,
                                      Predictions champion, String championVersion, Map<String, String[]> sliceColumns) {
        Objects.requireNonNull(candidate, "candidate predictions");
        List<GateSpec> specs = gates == null ? List.of() : gates;
        NoBaselinePolicy noBaseline = policy == null ? NoBaselinePolicy.PASS_WITH_NOTE : policy;
        Map<String, String[]> columns = sliceColumns == null ? Map.of() : sliceColumns;
        requireSameRows(candidate, champion, columns);

        MetricSet candidateMetrics = Evaluator.evaluate(candidate);
        MetricSet championMetrics = champion == null ? null : Evaluator.evaluate(champion);
        Run run = new Run(noBaseline, candidate, champion, championVersion, candidateMetrics, championMetrics, columns);

        List<GateResult> results = new ArrayList<>();
        for (GateSpec spec : specs) {
            results.addAll(run.gate(spec));
        }
        List<String> notes = new ArrayList<>();
        GateStatus status = GateStatus.worstOf(results.stream().map(GateResult::status).toList());
        if (specs.isEmpty()) {
            notes.add("no gates configured");
        }
        if (champion != null) {
            notes.add("champion" + (championVersion == null ? "" : " version " + championVersion)
                    + " evaluated on the same " + champion.size() + " rows");
        } else if (run.championGates > 0) {
            String what = switch (noBaseline) {
                case PASS_WITH_NOTE, REQUIRE_APPROVAL -> " inactive";
                case FAIL -> " failed";
            };
            notes.add(run.noChampionReason() + ": " + run.championGates + " champion gate" + (run.championGates == 1 ? "" : "s")
                    + what + "; no_baseline=" + noBaseline.yamlName());
            if (noBaseline == NoBaselinePolicy.REQUIRE_APPROVAL) {
                notes.add(APPROVAL_REQUIRED);
                status = status.worst(GateStatus.WARNING);
            }
        }
        return new GateReport(status, results, candidateMetrics, championMetrics, notes);
    }

    private static void requireSameRows(Predictions candidate, Predictions champion, Map<String, String[]> columns) {
        int n = candidate.size();
        if (champion != null) {
            if (champion.task() != candidate.task()) {
                throw new IllegalArgumentException("champion predictions are " + champion.task().yamlName() + " but the candidate's are "
                        + candidate.task().yamlName() + "; a champion of another task cannot be compared");
            }
            if (champion.size() != n) {
                throw new IllegalArgumentException("champion has predictions for " + champion.size() + " rows but the candidate for " + n
                        + "; score both models on the same holdout rows");
            }
            boolean same = candidate.task() == Task.CLASSIFICATION
                    ? Arrays.equals(candidate.actual(), champion.actual())
                    : Arrays.equals(candidate.actualValues(), champion.actualValues());
            if (!same) {
                throw new IllegalArgumentException("champion and candidate predictions have different actual values; score both models on the same holdout rows in the same order");
            }
        }
        columns.forEach((column, values) -> {
            if (values == null || values.length != n) {
                throw new IllegalArgumentException("slice column '" + column + "' has " + (values == null ? 0 : values.length)
                        + " values but the holdout has " + n + " rows; pass one value per holdout row");
            }
        });
    }

    /** One evaluation: the inputs shared by all gates. */
    private static final class Run {
        final NoBaselinePolicy policy;
        final Predictions candidate;
        final Predictions champion;
        final String championVersion;
        final MetricSet candidateMetrics;
        final MetricSet championMetrics;
        final Map<String, String[]> columns;
        int championGates;

        Run(NoBaselinePolicy policy, Predictions candidate, Predictions champion, String championVersion,
            MetricSet candidateMetrics, MetricSet championMetrics, Map<String, String[]> columns) {
            this.policy = policy;
            this.candidate = candidate;
            this.champion = champion;
            this.championVersion = championVersion;
            this.candidateMetrics = candidateMetrics;
            this.championMetrics = championMetrics;
            this.columns = columns;
        }

        String noChampionReason() {
            return championVersion == null ? NO_CHAMPION : "no champion predictions (production version " + championVersion + " was not scored)";
        }

        List<GateResult> gate(GateSpec spec) {
            Gate gate = new Gate(spec);
            if (spec.baseline() == Baseline.CHAMPION) {
                championGates++;
            }
            if (spec.slice() == null) {
                return List.of(evaluate(gate, gate.name, null, candidate, champion, candidateMetrics, championMetrics, false));
            }
            String column = spec.slice().column();
            String sliced = gate.name + " @ " + column;
            String[] values = columns.get(column);
            if (values == null) {
                return List.of(gate.result(sliced, null, GateStatus.FAILED, false,
                        "slice column '" + column + "' is missing from the holdout data"));
            }
            if (spec.baseline() == Baseline.CHAMPION && champion == null) {
                return List.of(noChampion(gate, sliced, null));
            }
            TreeMap<String, List<Integer>> rowsByValue = new TreeMap<>();
            for (int i = 0; i < values.length; i++) {
                rowsByValue.computeIfAbsent(values[i] == null ? "" : values[i], v -> new ArrayList<>()).add(i);
            }
            List<GateResult> results = new ArrayList<>();
            rowsByValue.forEach((value, rowList) -> {
                String slice = column + "=" + value;
                String name = gate.name + " @ " + slice;
                if (rowList.size() < spec.slice().minRows()) {
                    results.add(gate.result(name, slice, GateStatus.INACTIVE, false,
                            rowList.size() + " rows < min_rows " + spec.slice().minRows()));
                    return;
                }
                int[] rows = rowList.stream().mapToInt(Integer::intValue).toArray();
                Predictions c = candidate.select(rows);
                Predictions h = champion == null ? null : champion.select(rows);
                results.add(evaluate(gate, name, slice, c, h, Evaluator.evaluate(c), h == null ? null : Evaluator.evaluate(h), true));
            });
            return results;
        }

        private GateResult noChampion(Gate gate, String name, String slice) {
            GateStatus status = policy == NoBaselinePolicy.FAIL ? GateStatus.FAILED : GateStatus.INACTIVE;
            return gate.result(name, slice, status, false, noChampionReason() + "; no_baseline=" + policy.yamlName());
        }

        private GateResult evaluate(Gate gate, String name, String slice, Predictions cand, Predictions champ,
                                    MetricSet candMetrics, MetricSet champMetrics, boolean isSlice) {
            Double c = candMetrics.get(gate.metricName);
            if (gate.metric == null || c == null) {
                return missing(gate, name, slice, isSlice, candMetrics, candidateMetrics, "");
            }
            if (gate.spec.baseline() == Baseline.ABSOLUTE) {
                if (gate.spec.threshold() == null) {
                    return gate.result(name, slice, GateStatus.FAILED, false, "no threshold configured; set threshold or baseline: champion");
                }
                Check check = thresholdCheck(c, gate.spec.threshold(), gate.metric.higherIsBetter());
                return gate.decide(name, slice, List.of(check), check.text, c, null, null, null, gate.spec.threshold(), null);
            }
            if (champ == null) {
                return noChampion(gate, name, slice);
            }
            Double h = champMetrics.get(gate.metricName);
            if (h == null) {
                return missing(gate, name, slice, isSlice, champMetrics, championMetrics, "champion's ");
            }
            double delta = c - h;
            Double relative = h == 0 ? null : delta / Math.abs(h);
            GateSpec spec = gate.spec;
            boolean anyDelta = spec.minDelta() != null || spec.maxDelta() != null;
            boolean anyRelative = spec.minRelativeDelta() != null || spec.maxRelativeDelta() != null;
            DeltaInterval interval = null;
            boolean bootstrapFailed = false;
            if (spec.bootstrap() != null && (anyDelta || anyRelative)) {
                Optional<DeltaInterval> computed = PairedBootstrap.interval(gate.metric, cand, champ, spec.bootstrap());
                interval = computed.orElse(null);
                bootstrapFailed = computed.isEmpty();
            }
            List<Check> checks = new ArrayList<>();
            if (spec.minDelta() != null) {
                checks.add(deltaCheck(delta, spec.minDelta(), true, interval));
            }
            if (spec.maxDelta() != null) {
                checks.add(deltaCheck(delta, spec.maxDelta(), false, interval));
            }
            if (spec.minRelativeDelta() != null) {
                checks.add(relativeCheck(relative, spec.minRelativeDelta(), true, interval));
            }
            if (spec.maxRelativeDelta() != null) {
                checks.add(relativeCheck(relative, spec.maxRelativeDelta(), false, interval));
            }
            if (spec.threshold() != null) {
                checks.add(thresholdCheck(c, spec.threshold(), gate.metric.higherIsBetter()));
            }
            StringBuilder body = new StringBuilder("candidate ").append(f4(c)).append(", champion ").append(f4(h));
            if (!anyDelta && !anyRelative) {
                body.append(", delta ").append(signed4(delta));
            }
            for (Check check : checks) {
                body.append(", ").append(check.text);
            }
            if (bootstrapFailed) {
                body.append(", bootstrap interval not computable (metric undefined on most resamples)");
            }
            Double limit = spec.minDelta() != null ? spec.minDelta()
                    : spec.maxDelta() != null ? spec.maxDelta()
                    : spec.minRelativeDelta() != null ? spec.minRelativeDelta()
                    : spec.maxRelativeDelta() != null ? spec.maxRelativeDelta()
                    : spec.threshold();
            double[] bounds = null;
            if (interval != null) {
                if (anyDelta) {
                    bounds = new double[] {interval.lower(), interval.upper()};
                } else if (interval.hasRelative()) {
                    bounds = new double[] {interval.relativeLower(), interval.relativeUpper()};
                }
            }
            return gate.decide(name, slice, checks, body.toString(), c, h, delta, relative, limit, bounds);
        }

        /** Missing on the whole holdout is FAILED; undefined on a slice only (AUC with one class) is INACTIVE. */
        private GateResult missing(Gate gate, String name, String slice, boolean isSlice, MetricSet scope, MetricSet whole, String whose) {
            if (isSlice && gate.metric != null && whole != null && whole.has(gate.metricName)) {
                return gate.result(name, slice, GateStatus.INACTIVE, false,
                        "metric '" + gate.metricName + "' cannot be computed on the " + scope.rows() + " rows of this slice");
            }
            return gate.result(name, slice, GateStatus.FAILED, false, "metric '" + gate.metricName + "' is missing from the " + whose + "evaluation");
        }
    }

    /** A configured gate with its resolved metric and name. */
    private static final class Gate {
        final GateSpec spec;
        final MetricCatalog metric;
        final String metricName;
        final String name;

        Gate(GateSpec spec) {
            this.spec = spec;
            this.metric = MetricCatalog.find(spec.metric()).orElse(null);
            this.metricName = metric != null ? metric.metricName() : String.valueOf(spec.metric()).trim().toLowerCase(Locale.ROOT);
            this.name = spec.name() != null && !spec.name().isBlank() ? spec.name().trim() : spec.baseline().yamlName() + " - " + metricName;
        }

        GateResult result(String name, String slice, GateStatus status, boolean note, String body) {
            return new GateResult(name, metricName, spec.baseline(), slice, status, null, null, null, null, null, null,
                    spec.criticality(), message(name, status, note, body));
        }

        GateResult decide(String name, String slice, List<Check> checks, String body, Double c, Double h, Double delta,
                          Double relative, Double limit, double[] interval) {
            boolean violated = checks.stream().anyMatch(Check::violated);
            boolean inactive = checks.stream().anyMatch(Check::inactive);
            GateStatus status;
            if (violated) {
                status = switch (spec.criticality()) {
                    case FAILURE -> GateStatus.FAILED;
                    case WARNING -> GateStatus.WARNING;
                    case NOTE -> GateStatus.PASSED;
                };
            } else {
                status = inactive ? GateStatus.INACTIVE : GateStatus.PASSED;
            }
            boolean note = violated && spec.criticality() == Criticality.NOTE;
            return new GateResult(name, metricName, spec.baseline(), slice, status, c, h, delta, relative, limit, interval,
                    spec.criticality(), message(name, status, note, body));
        }

        private static String message(String name, GateStatus status, boolean note, String body) {
            return "[" + name + "]: " + status.name() + (note ? " (note)" : "") + " - " + body;
        }
    }

    /** One limit of a gate: its text for the message and whether it is violated or could not be checked. */
    private record Check(String text, boolean violated, boolean inactive) {
    }

    private static boolean beyond(double value, double limit, boolean floor) {
        double slack = NOISE * Math.max(1, Math.abs(limit));
        return floor ? value < limit - slack : value > limit + slack;
    }

    private static String op(boolean floor, boolean violated) {
        if (floor) {
            return violated ? "<" : ">=";
        }
        return violated ? ">" : "<=";
    }

    private static Check thresholdCheck(double candidate, double threshold, boolean higherIsBetter) {
        boolean violated = beyond(candidate, threshold, higherIsBetter);
        String limit = violated ? f4(threshold) : plain(threshold);
        return new Check("candidate " + f4(candidate) + " " + op(higherIsBetter, violated) + " " + limit, violated, false);
    }

    private static Check deltaCheck(double delta, double limit, boolean floor, DeltaInterval interval) {
        boolean pointBeyond = beyond(delta, limit, floor);
        String text = "delta " + signed4(delta) + " " + op(floor, pointBeyond) + " " + plain(limit);
        if (interval == null) {
            return new Check(text, pointBeyond, false);
        }
        // the whole interval beyond the limit: its bound nearest to the limit is beyond it
        boolean significant = beyond(floor ? interval.upper() : interval.lower(), limit, floor);
        text += ", " + percent(interval.confidence()) + " CI [" + signed4(interval.lower()) + ", " + signed4(interval.upper()) + "]";
        if (pointBeyond && !significant) {
            text += " (not significant)";
        }
        return new Check(text, pointBeyond && significant, false);
    }

    private static Check relativeCheck(Double relative, double limit, boolean floor, DeltaInterval interval) {
        if (relative == null) {
            return new Check("relative delta not computable (champion is 0)", false, true);
        }
        boolean pointBeyond = beyond(relative, limit, floor);
        String text = "relative delta " + signedPercent(relative) + " " + op(floor, pointBeyond) + " " + percent2(limit);
        if (interval == null) {
            return new Check(text, pointBeyond, false);
        }
        if (!interval.hasRelative()) {
            return new Check(text + ", interval not computable (champion 0 in a resample)", pointBeyond, false);
        }
        boolean significant = beyond(floor ? interval.relativeUpper() : interval.relativeLower(), limit, floor);
        text += ", " + percent(interval.confidence()) + " CI [" + signedPercent(interval.relativeLower()) + ", "
                + signedPercent(interval.relativeUpper()) + "]";
        if (pointBeyond && !significant) {
            text += " (not significant)";
        }
        return new Check(text, pointBeyond && significant, false);
    }

    static String f4(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String signed4(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }

    /** A configured limit as written: -0.005, 0.75, 30000. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String percent2(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", fraction * 100);
    }

    /** A confidence level as a percentage: 0.95 -> 95%, 0.975 -> 97.5%. */
    private static String percent(double confidence) {
        return plain(BigDecimal.valueOf(confidence).multiply(BigDecimal.valueOf(100)).doubleValue()) + "%";
    }
}
