package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Paired bootstrap on the holdout rows.
 *
 * @param samples    resamples (default 1000)
 * @param confidence two-sided interval level (default 0.95)
 * @param seed       resampling seed (default 42)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BootstrapSpec(Integer samples, Double confidence, Long seed) {
    public BootstrapSpec {
        samples = samples == null ? 1000 : samples;
        confidence = confidence == null ? 0.95 : confidence;
        seed = seed == null ? 42L : seed;
    }
}
