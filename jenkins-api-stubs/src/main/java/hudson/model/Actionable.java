package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public void addAction(Action a) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }
}
