package io.mlgate.core.deploy;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.ModelRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The deployment ledger: deploy, promote and rollback entries of the registry's append-only
 * history whose {@code alias} is the environment and whose details carry the {@value #TRAFFIC}
 * split. (A registry {@code promote} of an alias has no traffic and is not a deployment.)
 * Answers "what was in production at T" and "what does a rollback go back to".
 */
public final class DeploymentLedger {
    /** Detail keys of a ledger entry. */
    public static final String TRAFFIC = "traffic";
    public static final String PREVIOUS_TRAFFIC = "previous_traffic";
    public static final String FAILED_TRAFFIC = "failed_traffic";
    public static final String TARGET = "target";
    public static final String STRATEGY = "strategy";
    public static final String ENDPOINT = "endpoint";
    public static final String SMOKE_CHECK = "smoke_check";
    /** "true" on a rollback the deployer made after a failed check (the failed state was never recorded). */
    public static final String AUTOMATIC = "automatic";

    static final Set<String> ACTIONS = Set.of(HistoryEntry.ACTION_DEPLOY, HistoryEntry.ACTION_PROMOTE, HistoryEntry.ACTION_ROLLBACK);

    private final ModelRegistry registry;

    public DeploymentLedger(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The ledger states of {@code model} in {@code environment}, oldest first. */
    public List<LedgerState> entries(String model, String environment) {
        List<LedgerState> states = new ArrayList<>();
        for (HistoryEntry e : registry.history(model)) {
            if (e.action() != null && ACTIONS.contains(e.action()) && environment.equals(e.alias()) && e.details().containsKey(TRAFFIC)) {
                states.add(new LedgerState(parseTraffic(e.details().get(TRAFFIC)), e));
            }
        }
        return states;
    }

    /** The state in force at {@code at}: the last entry at or before it; empty when nothing had been deployed yet. */
    public Optional<LedgerState> at(String model, String environment, Instant at) {
        LedgerState found = null;
        for (LedgerState s : entries(model, environment)) {
            if (s.entry().at() != null && !s.entry().at().isAfter(at)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The latest state, empty when the ledger has none. */
    public Optional<LedgerState> latest(String model, String environment) {
        List<LedgerState> all = entries(model, environment);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Where a rollback goes: the state before the latest deploy or promote that is still in force.
     * The ledger is replayed as a stack: deploy and promote push; a manual rollback pops; an
     * automatic rollback changes nothing (the failed state never got in). So two rollbacks in a
     * row go two steps back instead of flipping between two states.
     *
     * @return empty when there is no earlier state
     */
    public Optional<TrafficSplit> rollbackTarget(String model, String environment) {
        Deque<TrafficSplit> stack = new ArrayDeque<>();
        for (LedgerState s : entries(model, environment)) {
            HistoryEntry e = s.entry();
            if (HistoryEntry.ACTION_ROLLBACK.equals(e.action())) {
                if ("true".equals(e.details().get(AUTOMATIC))) {
                    continue;
                }
                if (!stack.isEmpty()) {
                    stack.pop();
                }
                if (stack.isEmpty() || !stack.peek().equals(s.traffic())) {
                    stack.push(s.traffic());
                }
            } else {
                stack.push(s.traffic());
            }
        }
        if (stack.size() < 2) {
            return Optional.empty();
        }
        stack.pop();
        return Optional.of(stack.peek());
    }

    /** Compact JSON of a split, as stored in the ledger: {@code {"stable":"2","canary":"3","canary_percent":10}}. */
    public static String trafficJson(TrafficSplit split) {
        try {
            return ConfigLoader.jsonMapper().writeValueAsString(split);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + split, e);
        }
    }

    /** Reads {@link #trafficJson}. */
    public static TrafficSplit parseTraffic(String json) {
        try {
            return ConfigLoader.jsonMapper().readValue(json, TrafficSplit.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new DeployException("the deployment ledger holds a traffic split that cannot be read: " + json + " (" + e.getMessage() + ")", e);
        }
    }
}
