package io.mlgate.core.monitor;

import io.mlgate.core.evaluate.MetricSet;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the retraining triggers judge, gathered by {@link Monitor} (or given directly in tests).
 *
 * @param version            the deployed version watched, null when nothing is deployed
 * @param signals            serving signals, null when no source was given
 * @param baseline           predictions on the holdout at registration, null when unknown
 * @param live               live metrics on the labelled rows of {@code version}, null without outcomes
 * @param labelledRows       labelled rows of {@code version} ({@code live} is computed on them)
 * @param registeredMetrics  the holdout metrics recorded with {@code version} at registration
 * @param newLabelledRows    labelled rows logged after {@code lastTraining} (any version); null without outcomes
 * @param lastTraining       the last registration of the model in the history, null when none
 * @param lastTrainedVersion the version registered then
 * @param now                the time of the check
 * @param onDemand           null, or how a retrain was requested ({@code --force}, {@code MLGATE_RETRAIN=true})
 */
public record Evidence(String version, ServingSignals signals, PredictionProfile baseline, MetricSet live, long labelledRows,
                       Map<String, Double> registeredMetrics, Long newLabelledRows, Instant lastTraining, String lastTrainedVersion,
                       Instant now, String onDemand) {

    public Evidence {
        registeredMetrics = registeredMetrics == null ? Map.of() : Map.copyOf(registeredMetrics);
    }
}
