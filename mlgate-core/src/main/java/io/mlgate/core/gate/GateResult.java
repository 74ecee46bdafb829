package io.mlgate.core.gate;

import io.mlgate.core.config.Baseline;
import io.mlgate.core.config.Criticality;

/**
 * The verdict of one gate (of one slice, for sliced gates).
 *
 * @param name          the gate's name without brackets, e.g. {@code champion - auc} or
 *                      {@code champion - auc @ term=term_60}
 * @param metric        metric name
 * @param baseline      absolute or champion
 * @param slice         null, or {@code column=value} for a sliced gate
 * @param status        the verdict
 * @param candidate     the candidate's value, null when missing
 * @param champion      the champion's value, null when there is none
 * @param delta         candidate - champion, null when not computed
 * @param relativeDelta delta / |champion|, null when not computed or champion is 0
 * @param limit         the limit that decides: threshold, else the delta, else the relative delta limit
 * @param interval      bootstrap interval {lower, upper} of the delta (or relative delta when only
 *                      a relative limit is set), else null
 * @param criticality   what a violation does
 * @param message       the pinned one-line message, identical on every face
 */
public record GateResult(
        String name,
        String metric,
        Baseline baseline,
        String slice,
        GateStatus status,
        Double candidate,
        Double champion,
        Double delta,
        Double relativeDelta,
        Double limit,
        double[] interval,
        Criticality criticality,
        String message) {

    /** The bracketed name used as a JUnit test case name and a metrics label: {@code [champion - auc]}. */
    public String label() {
        return "[" + name + "]";
    }
}
