package hudson.model;

public abstract class AbstractItem extends Actionable {
    public String getUrl() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getFullName() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }
}
