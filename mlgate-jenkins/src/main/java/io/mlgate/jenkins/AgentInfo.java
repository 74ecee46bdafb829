package io.mlgate.jenkins;

import java.io.Serializable;

/**
 * What {@link PrepareAgent} found on the agent: its Java, where the CLI jar goes, and whether a
 * complete copy is already there. Crosses the agent channel, hence a small serializable record.
 */
public record AgentInfo(String java, String jar, boolean jarPresent) implements Serializable {
}
