package io.mlgate.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every mlgate step takes: the pipeline contract ({@code config}, default {@code mlgate.yaml}),
 * field overrides ({@code set: ['train.params.depth=4']} becomes {@code --set}), model, registry,
 * output, what a FAILED verdict does ({@code onFailure}) and an optional Java home for the forked CLI.
 * Steps are thin: they only turn parameters into CLI arguments; the CLI does the work on the agent.
 */
public abstract class MlgateStep extends Step {
    private String config;
    private List<String> set;
    private String model;
    private String registry;
    private String output;
    private String onFailure;
    private String javaHome;

    /** The CLI command ({@code validate}, {@code train}, ...). */
    protected abstract String command();

    /** Adds the step's own options. */
    protected abstract void addArguments(CliArguments arguments);

    /** The DSL name, for messages. */
    protected abstract String functionName();

    /**
     * The full command line.
     *
     * @param defaults the global configuration's defaults; a step parameter wins
     */
    public CliArguments arguments(GlobalDefaults defaults) {
        OnFailure.parse(onFailure); // a wrong value is a usage error before anything runs
        CliArguments a = new CliArguments(command())
                .option("--config", config)
                .option("--model", model)
                .option("--registry", registry != null && !registry.isBlank() ? registry : defaults.registry())
                .option("--output", output)
                .pairs("--set", set, "set");
        addArguments(a);
        return a;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CliStepExecution(context, spec(GlobalDefaults.current()));
    }

    StepSpec spec(GlobalDefaults defaults) {
        return new StepSpec(functionName(), arguments(defaults), OnFailure.parse(onFailure), javaHome);
    }

    public String getConfig() { return config; }
    @DataBoundSetter public void setConfig(String config) { this.config = blankToNull(config); }
    public List<String> getSet() { return set; }
    @DataBoundSetter public void setSet(List<String> set) { this.set = set == null || set.isEmpty() ? null : List.copyOf(set); }
    public String getModel() { return model; }
    @DataBoundSetter public void setModel(String model) { this.model = blankToNull(model); }
    public String getRegistry() { return registry; }
    @DataBoundSetter public void setRegistry(String registry) { this.registry = blankToNull(registry); }
    public String getOutput() { return output; }
    @DataBoundSetter public void setOutput(String output) { this.output = blankToNull(output); }
    public String getOnFailure() { return onFailure; }
    @DataBoundSetter public void setOnFailure(String onFailure) { this.onFailure = blankToNull(onFailure); }
    public String getJavaHome() { return javaHome; }
    @DataBoundSetter public void setJavaHome(String javaHome) { this.javaHome = blankToNull(javaHome); }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Descriptor base: the context every mlgate step needs (a node with a workspace). */
    public abstract static class MlgateDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }
    }
}
