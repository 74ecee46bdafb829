package io.mlgate.jenkins;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code validateData}: validate data against the mlgate contract and check drift ({@code mlgate validate} on the agent). */
public class ValidateDataStep extends MlgateStep {
    private String data;
    private String reference;

    @DataBoundConstructor
    public ValidateDataStep() {
    }

    @Override
    protected String command() {
        return "validate";
    }

    @Override
    protected String functionName() {
        return "validateData";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        arguments.option("--data", data);
        arguments.option("--reference", reference);
    }

    public String getData() { return data; }
    @DataBoundSetter public void setData(String data) { this.data = blankToNull(data); }
    public String getReference() { return reference; }
    @DataBoundSetter public void setReference(String reference) { this.reference = blankToNull(reference); }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "validateData";
        }

        @Override
        public String getDisplayName() {
            return "Validate data against the mlgate contract and check drift";
        }
    }
}
