package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drift thresholds. PSI uses bins fixed at the reference deciles (per category for
 * categorical columns); the Jensen-Shannon distance (base 2, 0..1) is reported always and
 * judged only when its thresholds are set.
 *
 * @param psiWarn  PSI at or above this warns (default 0.1)
 * @param psiFail  PSI at or above this fails (default 0.25)
 * @param jsWarn   JS distance at or above this warns (default: not judged)
 * @param jsFail   JS distance at or above this fails (default: not judged)
 * @param minRows  below this many rows no drift verdict is given (default 1000)
 * @param bins     number of quantile bins for numeric columns (default 10)
 * @param features per-feature overrides of the thresholds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftSpec(
        Double psiWarn,
        Double psiFail,
        Double jsWarn,
        Double jsFail,
        Integer minRows,
        Integer bins,
        Map<String, DriftThresholds> features) {

    public DriftSpec {
        psiWarn = psiWarn == null ? 0.1 : psiWarn;
        psiFail = psiFail == null ? 0.25 : psiFail;
        minRows = minRows == null ? 1000 : minRows;
        bins = bins == null ? 10 : bins;
        features = features == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    public static DriftSpec defaults() {
        return new DriftSpec(null, null, null, null, null, null, null);
    }

    /** The thresholds in force for one feature: its override where set, else the defaults. */
    public DriftThresholds thresholdsFor(String feature) {
        DriftThresholds own = features.get(feature);
        if (own == null) {
            return new DriftThresholds(psiWarn, psiFail, jsWarn, jsFail, false);
        }
        return new DriftThresholds(
                own.psiWarn() != null ? own.psiWarn() : psiWarn,
                own.psiFail() != null ? own.psiFail() : psiFail,
                own.jsWarn() != null ? own.jsWarn() : jsWarn,
                own.jsFail() != null ? own.jsFail() : jsFail,
                own.ignore());
    }
}
