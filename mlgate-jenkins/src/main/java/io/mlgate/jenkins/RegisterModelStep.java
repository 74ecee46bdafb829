package io.mlgate.jenkins;

import hudson.Extension;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code registerModel}: register the model version in the mlgate registry ({@code mlgate register} on the agent). */
public class RegisterModelStep extends MlgateStep {
    private String modelDir;
    private String evaluation;
    private String description;
    private List<String> tags;

    @DataBoundConstructor
    public RegisterModelStep() {
    }

    @Override
    protected String command() {
        return "register";
    }

    @Override
    protected String functionName() {
        return "registerModel";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        arguments.option("--model-dir", modelDir);
        arguments.option("--evaluation", evaluation);
        arguments.option("--description", description);
        arguments.pairs("--tag", tags, "tags");
    }

    public String getModelDir() { return modelDir; }
    @DataBoundSetter public void setModelDir(String modelDir) { this.modelDir = blankToNull(modelDir); }
    public String getEvaluation() { return evaluation; }
    @DataBoundSetter public void setEvaluation(String evaluation) { this.evaluation = blankToNull(evaluation); }
    public String getDescription() { return description; }
    @DataBoundSetter public void setDescription(String description) { this.description = blankToNull(description); }
    public List<String> getTags() { return tags; }
    @DataBoundSetter public void setTags(List<String> tags) { this.tags = tags == null || tags.isEmpty() ? null : List.copyOf(tags); }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "registerModel";
        }

        @Override
        public String getDisplayName() {
            return "Register the model version in the mlgate registry";
        }
    }
}
