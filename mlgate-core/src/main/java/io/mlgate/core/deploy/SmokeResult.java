package io.mlgate.core.deploy;

import io.mlgate.core.gate.GateStatus;
import java.util.List;

/**
 * The health and smoke check after a change.
 *
 * @param status      PASSED, FAILED, or INACTIVE when predictions cannot be reached from here
 * @param rows        rows sent
 * @param differing   rows whose deployed answer differs from the registered artifact's
 * @param summary     one line, e.g. {@code smoke check: 3 of 5 rows differ (row 2: expected bad, got good)}
 * @param differences one line per differing row
 */
public record SmokeResult(GateStatus status, int rows, int differing, String summary, List<String> differences) {
    public SmokeResult {
        differences = List.copyOf(differences);
    }

    public boolean failed() {
        return status == GateStatus.FAILED;
    }
}
