package io.mlgate.core.gate;

import io.mlgate.core.evaluate.MetricSet;
import java.util.List;

/**
 * The outcome of all gates of a pipeline run.
 *
 * @param status    worst of the results (raised to at least WARNING when approval is required)
 * @param results   one result per gate, or per slice of a sliced gate, in configuration order
 * @param candidate the candidate's metrics on the holdout
 * @param champion  the champion's metrics on the same rows, null when there is no champion
 * @param notes     what the reader must know beyond the results (no champion, approval, ...)
 */
public record GateReport(GateStatus status, List<GateResult> results, MetricSet candidate, MetricSet champion, List<String> notes) {

    public GateReport {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** The pinned messages of the results, in order. */
    public List<String> messages() {
        return results.stream().map(GateResult::message).toList();
    }
}
