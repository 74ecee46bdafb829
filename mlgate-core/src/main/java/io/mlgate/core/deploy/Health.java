package io.mlgate.core.deploy;

/**
 * What a target says about its health after a change.
 *
 * @param live   the process (or rollout) is there
 * @param ready  it answers requests with the new state
 * @param detail one line for messages, e.g. {@code UP, models: credit-risk=stable 3} or {@code 1/2 replicas ready}
 */
public record Health(boolean live, boolean ready, String detail) {
    public boolean ok() {
        return live && ready;
    }
}
