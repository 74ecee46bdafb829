package io.mlgate.jenkins;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code monitorModel}: asks whether the deployed model must be retrained ({@code mlgate monitor} on the
 * agent). The answer "retrain" (CLI exit 7) is a result, not a failure: the step returns
 * {@code retrain: true} and leaves the build result alone, so a cron job can branch on it
 * ({@code if (m.retrain) { ... }}). Unreadable serving signals (exit 4) mark the build UNSTABLE.
 */
public class MonitorModelStep extends MlgateStep {
    private String server;
    private String prometheus;
    private String queryWindow;
    private String outcomes;
    private String predictionLog;
    private String version;
    private boolean force;
    private Boolean record;

    @DataBoundConstructor
    public MonitorModelStep() {
    }

    @Override
    protected String command() {
        return "monitor";
    }

    @Override
    protected String functionName() {
        return "monitorModel";
    }

    @Override
    protected void addArguments(CliArguments arguments) {
        if (server != null && prometheus != null) {
            throw new IllegalArgumentException("monitorModel: give either server: (the model server's URL) or prometheus: "
                    + "(a Prometheus server's URL), not both");
        }
        if (queryWindow != null && prometheus == null) {
            throw new IllegalArgumentException("monitorModel: queryWindow: '" + queryWindow + "' needs prometheus: (the server's "
                    + "/metrics counters are since the version was loaded)");
        }
        arguments.option("--server", server)
                .option("--prometheus", prometheus)
                .option("--query-window", queryWindow)
                .option("--outcomes", outcomes)
                .option("--prediction-log", predictionLog)
                .option("--version", version);
        if (force) {
            arguments.flag("--force");
        }
        if (record != null && !record) {
            arguments.flag("--no-record");
        }
    }

    public String getServer() { return server; }
    @DataBoundSetter public void setServer(String server) { this.server = blankToNull(server); }
    public String getPrometheus() { return prometheus; }
    @DataBoundSetter public void setPrometheus(String prometheus) { this.prometheus = blankToNull(prometheus); }
    public String getQueryWindow() { return queryWindow; }
    @DataBoundSetter public void setQueryWindow(String queryWindow) { this.queryWindow = blankToNull(queryWindow); }
    public String getOutcomes() { return outcomes; }
    @DataBoundSetter public void setOutcomes(String outcomes) { this.outcomes = blankToNull(outcomes); }
    public String getPredictionLog() { return predictionLog; }
    @DataBoundSetter public void setPredictionLog(String predictionLog) { this.predictionLog = blankToNull(predictionLog); }
    public String getVersion() { return version; }
    @DataBoundSetter public void setVersion(String version) { this.version = blankToNull(version); }
    public boolean isForce() { return force; }
    @DataBoundSetter public void setForce(boolean force) { this.force = force; }
    /** Whether a retrain request is recorded in the registry history (default true). */
    public Boolean getRecord() { return record; }
    @DataBoundSetter public void setRecord(Boolean record) { this.record = record; }

    @Extension
    public static class DescriptorImpl extends MlgateDescriptor {
        @Override
        public String getFunctionName() {
            return "monitorModel";
        }

        @Override
        public String getDisplayName() {
            return "Watch the deployed model and decide whether to retrain it with mlgate";
        }
    }
}
