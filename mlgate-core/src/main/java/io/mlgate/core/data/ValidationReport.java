package io.mlgate.core.data;

import io.mlgate.core.gate.GateStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of validating one CSV against a contract and a reference profile.
 *
 * @param file   the file name validated
 * @param rows   data rows read
 * @param status worst of every check and every drift verdict
 * @param checks schema and value checks, in check order
 * @param drift  per-feature drift, in contract order (empty without a reference profile)
 */
public record ValidationReport(String file, long rows, GateStatus status, List<CheckResult> checks,
        List<FeatureDrift> drift) {

    public ValidationReport {
        checks = checks == null ? List.of() : List.copyOf(checks);
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    /**
     * One pinned line per result, identical on every face: the checks, then drift. When every
     * feature is INACTIVE for the same reason (too few rows), one {@code [drift]: INACTIVE - ...}
     * line replaces the per-feature lines.
     */
    public List<String> messages() {
        List<String> lines = new ArrayList<>();
        for (CheckResult check : checks) {
            lines.add(check.line());
        }
        if (!drift.isEmpty() && drift.stream().allMatch(d -> d.status() == GateStatus.INACTIVE
                && d.message().equals(drift.get(0).message())) && drift.get(0).message().contains("min_rows")) {
            lines.add("[drift]: INACTIVE - " + drift.get(0).message());
        } else {
            for (FeatureDrift d : drift) {
                lines.add(d.line());
            }
        }
        return lines;
    }

    /** The results of one check (for example all {@code range} results). */
    public List<CheckResult> checks(String check) {
        return checks.stream().filter(c -> c.check().equals(check)).toList();
    }

    /** The drift of one feature, or null when it was not drift-checked. */
    public FeatureDrift driftOf(String feature) {
        return drift.stream().filter(d -> d.feature().equals(feature)).findFirst().orElse(null);
    }
}
