package io.mlgate.jenkins;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code trainModel}: train an ml model with mlgate ({@code mlgate train} on the agent). */
public class TrainModelStep extends MlgateStep {
    private String modelDir;
    private String trainer;
    private String seed;
    private String train;

    @DataBoundConstructor
    public TrainModelStep() {
    }

    @Override
    protected String command() {
        return "train";
    }

    @Override
    protected String functionName() {
        return "trainModel";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        arguments.option("--model-dir", modelDir);
        arguments.option("--trainer", trainer);
        arguments.option("--seed", seed);
        arguments.option("--train", train);
    }

    public String getModelDir() { return modelDir; }
    @DataBoundSetter public void setModelDir(String modelDir) { this.modelDir = blankToNull(modelDir); }
    public String getTrainer() { return trainer; }
    @DataBoundSetter public void setTrainer(String trainer) { this.trainer = blankToNull(trainer); }
    public String getSeed() { return seed; }
    @DataBoundSetter public void setSeed(String seed) { this.seed = blankToNull(seed); }
    public String getTrain() { return train; }
    @DataBoundSetter public void setTrain(String train) { this.train = blankToNull(train); }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "trainModel";
        }

        @Override
        public String getDisplayName() {
            return "Train an ML model with mlgate";
        }
    }
}
