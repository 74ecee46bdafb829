package io.mlgate.jenkins;

import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs one CLI command off the Pipeline thread and returns its result map to Groovy. */
public class CliStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final StepSpec spec;

    public CliStepExecution(StepContext context, StepSpec spec) {
        super(context);
        this.spec = spec;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        return CliRun.execute(getContext(), spec);
    }
}
