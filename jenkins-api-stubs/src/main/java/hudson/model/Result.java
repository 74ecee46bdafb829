package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

public final class Result implements Serializable, CustomExportedBean {
    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;
    public static final Result NOT_BUILT = null;
    public static final Result ABORTED = null;

    private Result() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    @Override
    public String toExportedObject() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    private static final long serialVersionUID = 1L;
}
