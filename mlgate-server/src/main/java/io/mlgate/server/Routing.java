package io.mlgate.server;

import io.mlgate.core.deploy.TrafficSplit;

/**
 * The immutable routing table of one model: the traffic split and the loaded versions it names.
 * The server swaps a whole table atomically; a request reads the table once and finishes on the
 * version it picked, so a swap never fails an in-flight request.
 *
 * @param model  model name
 * @param split  the traffic split
 * @param stable loaded stable version, null when nothing is deployed
 * @param canary loaded canary version, or null
 * @param shadow loaded shadow version, or null
 */
public record Routing(String model, TrafficSplit split, LoadedModel stable, LoadedModel canary, LoadedModel shadow) {

    /** A model with nothing deployed (after an undeploy). */
    static Routing undeployed(String model) {
        return new Routing(model, TrafficSplit.none(), null, null, null);
    }

    public boolean isDeployed() {
        return stable != null;
    }

    /**
     * The version answering a request.
     *
     * @param roll a uniform random number in 0..99, drawn per request
     */
    public LoadedModel choose(int roll) {
        return canary != null && roll < split.canaryPercent() ? canary : stable;
    }
}
