package io.mlgate.jenkins;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code rollbackModel}: roll back the deployed model to the previous ledger entry ({@code mlgate rollback} on the agent). */
public class RollbackModelStep extends MlgateStep {
    private String environment;
    private String reason;

    @DataBoundConstructor
    public RollbackModelStep() {
    }

    @Override
    protected String command() {
        return "rollback";
    }

    @Override
    protected String functionName() {
        return "rollbackModel";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        if (reason == null) {
            throw new IllegalArgumentException("rollbackModel: reason is required; it is recorded in the registry history");
        }
        arguments.option("--environment", environment);
        arguments.option("--reason", reason);
    }

    public String getEnvironment() { return environment; }
    @DataBoundSetter public void setEnvironment(String environment) { this.environment = blankToNull(environment); }
    public String getReason() { return reason; }
    @DataBoundSetter public void setReason(String reason) { this.reason = blankToNull(reason); }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "rollbackModel";
        }

        @Override
        public String getDisplayName() {
            return "Roll back the deployed model to the previous ledger entry";
        }
    }
}
