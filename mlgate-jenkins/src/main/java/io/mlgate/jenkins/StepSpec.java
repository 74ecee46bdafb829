package io.mlgate.jenkins;

import java.io.Serializable;

/**
 * Everything an execution needs from its step, captured when the step starts (steps themselves are
 * not kept in the Pipeline program; executions are, and survive restarts). A plain class rather than
 * a record: the Pipeline program is written with JBoss Marshalling, whose record support we do not rely on.
 */
public final class StepSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final CliArguments arguments;
    private final OnFailure onFailure;
    private final String javaHome;

    public StepSpec(String functionName, CliArguments arguments, OnFailure onFailure, String javaHome) {
        this.functionName = functionName;
        this.arguments = arguments;
        this.onFailure = onFailure;
        this.javaHome = javaHome;
    }

    public String functionName() { return functionName; }
    public CliArguments arguments() { return arguments; }
    public OnFailure onFailure() { return onFailure; }
    public String javaHome() { return javaHome; }
}
