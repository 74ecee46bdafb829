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
}
