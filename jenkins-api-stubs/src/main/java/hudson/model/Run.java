package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster, StaplerProxy {

    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }
}
