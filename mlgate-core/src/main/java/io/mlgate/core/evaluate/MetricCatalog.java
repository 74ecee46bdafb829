package io.mlgate.core.evaluate;

import io.mlgate.core.config.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The metrics mlgate computes, with their task and direction. */
public enum MetricCatalog {
    ACCURACY(Task.CLASSIFICATION, true),
    PRECISION(Task.CLASSIFICATION, true),
    RECALL(Task.CLASSIFICATION, true),
    F1(Task.CLASSIFICATION, true),
    AUC(Task.CLASSIFICATION, true),
    PR_AUC(Task.CLASSIFICATION, true),
    LOG_LOSS(Task.CLASSIFICATION, false),
    BRIER(Task.CLASSIFICATION, false),
    MAE(Task.REGRESSION, false),
    RMSE(Task.REGRESSION, false),
    MSE(Task.REGRESSION, false),
    R2(Task.REGRESSION, true);

    private final Task task;
    private final boolean higherIsBetter;

    MetricCatalog(Task task, boolean higherIsBetter) {
        this.task = task;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name used in mlgate.yaml, reports and JSON. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Task task() {
        return task;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Finds a metric by its yaml name ({@code pr_auc}, {@code pr-auc} and {@code PR_AUC} all match). */
    public static Optional<MetricCatalog> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.name().equals(normalized)).findFirst();
    }

    /** The metrics of one task, in report order. */
    public static List<MetricCatalog> forTask(Task task) {
        return Arrays.stream(values()).filter(m -> m.task == task).toList();
    }

    /** The default metric to pick the best candidate by. */
    public static MetricCatalog defaultFor(Task task) {
        return task == Task.CLASSIFICATION ? AUC : RMSE;
    }
}
