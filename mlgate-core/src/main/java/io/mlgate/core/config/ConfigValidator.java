package io.mlgate.core.config;

import io.mlgate.core.evaluate.MetricCatalog;
import java.util.ArrayList;
import java.util.List;

/** Checks what the YAML binding cannot: required fields, names, gate fields that fit the metric. */
final class ConfigValidator {
    private ConfigValidator() {
    }

    static void check(LoadedConfig loaded) {
        PipelineConfig c = loaded.config();
        String src = loaded.sourceName();
        List<String> problems = new ArrayList<>();
        if (c.model() == null) {
            problems.add("'model' is missing; set the registry name of the model, e.g. model: credit-risk");
        } else if (!PipelineConfig.MODEL_NAME.matcher(c.model()).matches()) {
            problems.add("'model' is '" + c.model() + "'; a model name is lower case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters");
        }
        if (c.label() == null) {
            problems.add("'label' is missing; name the target column, e.g. label: Class");
        }
        if (c.positive() != null && c.task() == Task.REGRESSION) {
            problems.add("'positive' is set but task is regression; remove it or set task: classification");
        }
        for (int i = 0; i < c.gates().size(); i++) {
            checkGate(c, c.gates().get(i), "gates[" + i + "]", problems);
        }
        if (c.train().threads() < 1) {
            problems.add("'train.threads' must be at least 1");
        }
        String threshold = c.train().threshold();
        if (!"optimize".equals(threshold)) {
            try {
                double t = Double.parseDouble(threshold);
                if (!(t > 0 && t < 1)) {
                    problems.add("'train.threshold' is " + threshold + "; use a number between 0 and 1, or 'optimize'");
                }
            } catch (NumberFormatException e) {
                problems.add("'train.threshold' is '" + threshold + "'; use a number between 0 and 1, or 'optimize'");
            }
        }
        double vf = c.train().search() == null ? 0.2 : c.train().search().validationFraction();
        if (!(vf > 0 && vf < 1)) {
            problems.add("'train.search.validation_fraction' is " + vf + "; use a number between 0 and 1");
        }
        DriftSpec drift = c.contract().drift();
        if (drift.psiWarn() > drift.psiFail()) {
            problems.add("'contract.drift.psi_warn' (" + drift.psiWarn() + ") is above 'psi_fail' (" + drift.psiFail() + ")");
        }
        checkRetrain(c, c.retrain(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(src + ": " + String.join("; ", problems));
        }
    }

    private static void checkGate(PipelineConfig c, GateSpec gate, String where, List<String> problems) {
        if (gate.metric() == null) {
            problems.add(where + ".metric is missing; e.g. metric: auc");
            return;
        }
        MetricCatalog metric = MetricCatalog.find(gate.metric()).orElse(null);
        if (metric == null) {
            List<String> names = MetricCatalog.forTask(c.task()).stream().map(MetricCatalog::metricName).toList();
            problems.add(where + ".metric '" + gate.metric() + "' is not a known metric; for " + c.task().yamlName() + " use one of " + names);
            return;
        }
        if (metric.task() != c.task()) {
            problems.add(where + ".metric '" + gate.metric() + "' is a " + metric.task().yamlName() + " metric but task is " + c.task().yamlName());
        }
        boolean anyDelta = gate.minDelta() != null || gate.minRelativeDelta() != null || gate.maxDelta() != null || gate.maxRelativeDelta() != null;
        if (gate.baseline() == Baseline.ABSOLUTE) {
            if (gate.threshold() == null) {
                problems.add(where + " (" + gate.metric() + ") has baseline absolute but no 'threshold'");
            }
            if (anyDelta) {
                problems.add(where + " (" + gate.metric() + ") has a delta but baseline absolute; deltas need baseline: champion");
            }
        } else {
            if (!anyDelta && gate.threshold() == null) {
                problems.add(where + " (" + gate.metric() + ") compares with the champion but sets no limit; set min_delta (or max_delta for lower-is-better metrics)");
            }
            if (metric.higherIsBetter() && (gate.maxDelta() != null || gate.maxRelativeDelta() != null)) {
                problems.add(where + " (" + gate.metric() + ") is higher-is-better; use min_delta / min_relative_delta, not max_*");
            }
            if (!metric.higherIsBetter() && (gate.minDelta() != null || gate.minRelativeDelta() != null)) {
                problems.add(where + " (" + gate.metric() + ") is lower-is-better; use max_delta / max_relative_delta, not min_*");
            }
        }
        if (gate.bootstrap() != null) {
            if (gate.baseline() != Baseline.CHAMPION) {
                problems.add(where + " (" + gate.metric() + ") sets bootstrap, which needs baseline: champion");
            }
            if (gate.bootstrap().samples() < 100) {
                problems.add(where + ".bootstrap.samples must be at least 100");
            }
            double conf = gate.bootstrap().confidence();
            if (!(conf > 0.5 && conf < 1)) {
                problems.add(where + ".bootstrap.confidence must be between 0.5 and 1");
            }
        }
        if (gate.slice() != null && gate.slice().column() == null) {
            problems.add(where + ".slice.column is missing");
        }
    }

    private static void checkRetrain(PipelineConfig c, RetrainSpec r, List<String> problems) {
        RetrainSpec.Drift d = r.drift();
        if (d.psiFail() != null && !(d.psiFail() > 0)) {
            problems.add("'retrain.drift.psi_fail' is " + d.psiFail() + "; use a positive number, e.g. 0.25");
        }
        if (d.jsFail() != null && !(d.jsFail() > 0 && d.jsFail() <= 1)) {
            problems.add("'retrain.drift.js_fail' is " + d.jsFail() + "; use a number in (0, 1], e.g. 0.3");
        }
        if (d.minRows() != null && d.minRows() < 1) {
            problems.add("'retrain.drift.min_rows' must be at least 1");
        }
        if (d.minFeatures() < 1) {
            problems.add("'retrain.drift.min_features' must be at least 1");
        }
        if (!(r.predictionShift().psiFail() > 0)) {
            problems.add("'retrain.prediction_shift.psi_fail' is " + r.predictionShift().psiFail() + "; use a positive number, e.g. 0.25");
        }
        if (r.predictionShift().minRows() < 1) {
            problems.add("'retrain.prediction_shift.min_rows' must be at least 1");
        }
        for (int i = 0; i < r.liveMetrics().size(); i++) {
            RetrainSpec.LiveMetric m = r.liveMetrics().get(i);
            String where = "retrain.live_metrics[" + i + "]";
            MetricCatalog metric = MetricCatalog.find(m.metric()).orElse(null);
            if (metric == null || metric.task() != c.task()) {
                List<String> names = MetricCatalog.forTask(c.task()).stream().map(MetricCatalog::metricName).toList();
                problems.add(where + ".metric '" + m.metric() + "' is not a " + c.task().yamlName() + " metric; use one of " + names);
                continue;
            }
            if (m.threshold() == null && m.minDelta() == null && m.maxDelta() == null) {
                problems.add(where + " (" + m.metric() + ") sets no limit; set threshold and/or "
                        + (metric.higherIsBetter() ? "min_delta (e.g. -0.05)" : "max_delta (e.g. 0.05)"));
            }
            if (metric.higherIsBetter() && m.maxDelta() != null) {
                problems.add(where + " (" + m.metric() + ") is higher-is-better; use min_delta (a negative number), not max_delta");
            }
            if (!metric.higherIsBetter() && m.minDelta() != null) {
                problems.add(where + " (" + m.metric() + ") is lower-is-better; use max_delta (a positive number), not min_delta");
            }
            if (m.minRows() < 1) {
                problems.add(where + ".min_rows must be at least 1");
            }
        }
        if (r.newData() != null && (r.newData().minRows() == null || r.newData().minRows() < 1)) {
            problems.add("'retrain.new_data.min_rows' must be at least 1, e.g. new_data: { min_rows: 5000 }");
        }
        if (r.schedule() != null) {
            java.time.Duration every = r.schedule().period();
            if (every == null || every.isNegative() || every.isZero()) {
                problems.add("'retrain.schedule.every' is '" + r.schedule().every() + "'; use a duration like 7d, 12h, 2w or P7D");
            }
        }
    }
}
