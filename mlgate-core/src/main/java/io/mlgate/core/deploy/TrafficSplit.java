package io.mlgate.core.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which versions of one model answer requests: the stable version, optionally a canary taking
 * {@code canaryPercent} of the requests, and optionally a shadow that receives a copy of every
 * request but never answers. This is the whole routing state of a model on a server; deploy
 * strategies compute the next one, the server applies it atomically, the ledger records it.
 *
 * @param stable        version answering the requests not sent to the canary (null: not deployed)
 * @param canary        canary version, or null
 * @param canaryPercent share of requests the canary answers, 0..100 (0 when no canary)
 * @param shadow        shadow version, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficSplit(String stable, String canary, Integer canaryPercent, String shadow) {

    public TrafficSplit {
        canaryPercent = canary == null ? Integer.valueOf(0) : canaryPercent == null ? Integer.valueOf(0) : canaryPercent;
        if (canaryPercent < 0 || canaryPercent > 100) {
            throw new IllegalArgumentException("canary_percent must be between 0 and 100, not " + canaryPercent);
        }
        if (canary != null && stable == null) {
            throw new IllegalArgumentException("a canary (" + canary + ") needs a stable version to split traffic with");
        }
    }

    /** Nothing deployed. */
    public static TrafficSplit none() {
        return new TrafficSplit(null, null, 0, null);
    }

    /** Only {@code version} answers. */
    public static TrafficSplit only(String version) {
        return new TrafficSplit(version, null, 0, null);
    }

    /** Whether any version answers. Not a JSON property: the split's JSON is exactly its four fields. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDeployed() {
        return stable != null;
    }

    /** One line for logs and messages: {@code stable 3, canary 4 at 10%, shadow 5}. */
    public String describe() {
        if (stable == null) {
            return "nothing deployed";
        }
        StringBuilder s = new StringBuilder("stable ").append(stable);
        if (canary != null) {
            s.append(", canary ").append(canary).append(" at ").append(canaryPercent).append('%');
        }
        if (shadow != null) {
            s.append(", shadow ").append(shadow);
        }
        return s.toString();
    }
}
