package io.mlgate.jenkins;

import java.io.Serializable;

/**
 * Everything an execution needs from its step, captured when the step starts (steps themselves are
 * not kept in the Pipeline program; executions are, and survive restarts).
 */
public record StepSpec(String functionName, CliArguments arguments, OnFailure onFailure, String javaHome)
        implements Serializable {
}
