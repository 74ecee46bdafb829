package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }
}
