package io.mlgate.jenkins;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code evaluateGate}: evaluate the candidate against the champion and apply the mlgate gates ({@code mlgate evaluate} on the agent). */
public class EvaluateGateStep extends MlgateStep {
    private String modelDir;
    private String holdout;

    @DataBoundConstructor
    public EvaluateGateStep() {
    }

    @Override
    protected String command() {
        return "evaluate";
    }

    @Override
    protected String functionName() {
        return "evaluateGate";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        arguments.option("--model-dir", modelDir);
        arguments.option("--holdout", holdout);
    }

    public String getModelDir() { return modelDir; }
    @DataBoundSetter public void setModelDir(String modelDir) { this.modelDir = blankToNull(modelDir); }
    public String getHoldout() { return holdout; }
    @DataBoundSetter public void setHoldout(String holdout) { this.holdout = blankToNull(holdout); }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "evaluateGate";
        }

        @Override
        public String getDisplayName() {
            return "Evaluate the candidate against the champion and apply the mlgate gates";
        }
    }
}
