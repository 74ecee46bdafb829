package io.mlgate.jenkins;

import hudson.Extension;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deployModel}: deploys a registered version ({@code mlgate deploy}). When the environment
 * needs an approval (listed {@code approvers}, or an environment named in the global configuration's
 * approval environments) the build pauses until a permitted user approves with a reason.
 */
public class DeployModelStep extends MlgateStep {
    private String environment;
    private String strategy;
    private Integer percent;
    private String version;
    private String reason;
    private String approvers;
    private Integer timeout;

    @DataBoundConstructor
    public DeployModelStep() {
    }

    @Override
    protected String command() {
        return "deploy";
    }

    @Override
    protected String functionName() {
        return "deployModel";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        if (strategy != null && !List.of("replace", "canary", "shadow").contains(strategy)) {
            throw new IllegalArgumentException("deployModel: strategy '" + strategy + "' is not one of replace, canary, shadow");
        }
        if (percent != null && (percent < 1 || percent > 100)) {
            throw new IllegalArgumentException("deployModel: percent " + percent + " is not within 1..100");
        }
        arguments.option("--environment", environment)
                .option("--strategy", strategy)
                .option("--percent", percent)
                .option("--version", version)
                .option("--reason", reason == null ? "deployed by Jenkins" : reason);
    }

    @Override
    public CliArguments arguments(GlobalDefaults defaults) {
        CliArguments a = super.arguments(defaults);
        if (defaults.deployTarget() != null && (getSet() == null || getSet().stream().noneMatch(s -> s.startsWith("deploy.target=")))) {
            a.pairs("--set", List.of("deploy.target=" + defaults.deployTarget()), "set");
        }
        return a;
    }

    /** The approvers who must decide, or null when this deploy goes ahead without an approval. */
    public String requiredApprovers(GlobalDefaults defaults) {
        if (approvers != null) {
            return approvers;
        }
        String env = environment == null ? "production" : environment;
        if (defaults.approvalEnvironments().contains(env)) {
            if (defaults.approvers() == null) {
                throw new IllegalArgumentException("deployModel: environment '" + env + "' needs an approval but no approvers"
                        + " are set; pass approvers: 'group,user' or set default approvers in Manage Jenkins → System → mlgate");
            }
            return defaults.approvers();
        }
        return null;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        GlobalDefaults defaults = GlobalDefaults.current();
        StepSpec spec = spec(defaults);
        String required = requiredApprovers(defaults);
        if (required == null) {
            return new CliStepExecution(context, spec);
        }
        ApprovalRequest request = new ApprovalRequest();
        request.environment = environment == null ? "production" : environment;
        request.approvers = required;
        request.version = version;
        request.strategy = strategy;
        request.deadline = timeout == null || timeout <= 0 ? 0 : System.currentTimeMillis() + timeout * 60_000L;
        return new DeployStepExecution(context, spec, request);
    }

    public String getEnvironment() { return environment; }
    @DataBoundSetter public void setEnvironment(String environment) { this.environment = blankToNull(environment); }
    public String getStrategy() { return strategy; }
    @DataBoundSetter public void setStrategy(String strategy) { this.strategy = blankToNull(strategy); }
    public Integer getPercent() { return percent; }
    @DataBoundSetter public void setPercent(Integer percent) { this.percent = percent; }
    public String getVersion() { return version; }
    @DataBoundSetter public void setVersion(String version) { this.version = blankToNull(version); }
    public String getReason() { return reason; }
    @DataBoundSetter public void setReason(String reason) { this.reason = blankToNull(reason); }
    public String getApprovers() { return approvers; }
    @DataBoundSetter public void setApprovers(String approvers) { this.approvers = blankToNull(approvers); }
    /** Minutes to wait for an approval; none by default. */
    public Integer getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(Integer timeout) { this.timeout = timeout; }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "deployModel";
        }

        @Override
        public String getDisplayName() {
            return "Deploy a registered model with mlgate (gated by an approval for protected environments)";
        }
    }
}
