package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public void onResume() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    private static final long serialVersionUID = 1L;
}
