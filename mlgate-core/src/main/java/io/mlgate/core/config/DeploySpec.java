package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Deployment settings.
 *
 * @param target        local (default) or kubernetes
 * @param strategy      replace (default), canary or shadow
 * @param canaryPercent traffic share of a canary (default 10)
 * @param url           base URL of the local model server
 * @param approval      which environments need an approval, and who may give it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploySpec(String target, String strategy, Integer canaryPercent, String url, ApprovalSpec approval) {
    public DeploySpec {
        target = target == null ? "local" : target;
        strategy = strategy == null ? "replace" : strategy;
        canaryPercent = canaryPercent == null ? 10 : canaryPercent;
    }

    public static DeploySpec defaults() {
        return new DeploySpec(null, null, null, null, null);
    }
}
