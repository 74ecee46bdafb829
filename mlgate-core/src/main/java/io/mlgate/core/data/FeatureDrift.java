package io.mlgate.core.data;

import io.mlgate.core.gate.GateStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Drift of one feature against the reference profile.
 *
 * @param feature         the column
 * @param kind            {@code numeric} (reference quantile bins) or {@code category}
 * @param psi             population stability index
 * @param js              Jensen-Shannon distance (base 2, 0..1)
 * @param status          PASSED/WARNING/FAILED by the feature's thresholds; INACTIVE when too few
 *                        rows, no values, or the feature is ignored
 * @param message         one line with the numbers and the threshold crossed
 * @param binLabels       the bins, e.g. {@code <= 5.32} or a category
 * @param referenceShares reference share per bin
 * @param currentShares   current share per bin
 */
public record FeatureDrift(String feature, String kind, double psi, double js, GateStatus status, String message,
        List<String> binLabels, double[] referenceShares, double[] currentShares) {

    public FeatureDrift {
        binLabels = binLabels == null ? List.of() : List.copyOf(binLabels);
    }

    /** The pinned one-line message, e.g. {@code [drift - int_rate]: FAILED - PSI 0.4132 >= 0.25 (JS 0.2710)}. */
    public String line() {
        return "[drift - " + feature + "]: " + status + " - " + message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureDrift d && feature.equals(d.feature) && kind.equals(d.kind)
                && Double.compare(psi, d.psi) == 0 && Double.compare(js, d.js) == 0 && status == d.status
                && message.equals(d.message) && binLabels.equals(d.binLabels)
                && Arrays.equals(referenceShares, d.referenceShares) && Arrays.equals(currentShares, d.currentShares);
    }

    @Override
    public int hashCode() {
        return Objects.hash(feature, kind, psi, js, status, message, binLabels, Arrays.hashCode(referenceShares),
                Arrays.hashCode(currentShares));
    }

    @Override
    public String toString() {
        return line();
    }
}
