package io.mlgate.core.deploy;

import java.util.List;
import java.util.Map;

/**
 * The answer of a deployed model to one predict request: which version answered and one
 * prediction per row ({@code prediction}, and for classification {@code score} and
 * {@code probabilities}), as in the server's JSON.
 */
public record ServedPredictions(String version, List<Map<String, Object>> predictions) {
    public ServedPredictions {
        predictions = List.copyOf(predictions);
    }
}
