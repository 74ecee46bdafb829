package io.mlgate.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs one CLI command for a step: copies the CLI jar to the agent, launches
 * {@code java -jar mlgate.jar <command> --json ...} in the workspace with the build's environment
 * (so lineage sees GIT_COMMIT and BUILD_URL), streams the CLI's human lines (stderr) to the build
 * log, reads the JSON result from stdout, keeps the reports beside the build, and applies the
 * verdict once through {@link VerdictMapping}.
 */
final class CliRun {
    /** Reports larger than this stay on the agent (the summary in build.xml is kept regardless). */
    static final long MAX_REPORT_BYTES = 20L * 1024 * 1024;

    private CliRun() {
    }

    static Map<String, Object> execute(StepContext context, StepSpec spec) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        EnvVars env = context.get(EnvVars.class);
        PrintStream log = listener.getLogger();

        CliJar.Info jar = CliJar.info();
        AgentInfo agent = workspace.act(new PrepareAgent(jar.fileName(), jar.size(), spec.javaHome()));
        if (!agent.jarPresent()) {
            try (InputStream in = CliJar.open()) {
                workspace.withSuffix("@tmp").child("mlgate").child(jar.fileName()).copyFrom(in);
            }
        }
        List<String> command = new ArrayList<>(List.of(agent.java(), "-jar", agent.jar()));
        command.addAll(spec.arguments().toList());

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit = launcher.launch().cmds(command).envs(env).pwd(workspace).stdout(stdout).stderr(log).join();
        String out = stdout.toString(StandardCharsets.UTF_8);
        Map<String, Object> json = Json.parseObject(out);
        String step = spec.functionName();
        if (json == null && VerdictMapping.isError(exit)) {
            throw new AbortException(step + ": mlgate " + spec.arguments().command() + " exited " + exit
                    + " (" + (exit == 2 ? "usage or configuration error" : "internal error")
                    + "); the lines above say what to fix");
        }
        StepSummary summary = StepSummary.from(spec.arguments().command(), exit, json);
        keepReports(run, workspace, json, summary, log);
        MlgateRunAction.addTo(run, summary);

        VerdictMapping.Outcome outcome = StepSummary.MONITOR.equals(summary.command)
                ? VerdictMapping.mapMonitor(exit, Verdict.parse(summary.status), spec.onFailure(), step)
                : VerdictMapping.map(Verdict.parse(summary.status), spec.onFailure(), step);
        log.println("[mlgate] " + outcome.explanation());
        if (outcome.result() != null) {
            run.setResult(BuildResults.of(outcome.result()));
        }
        if (outcome.stageWarning()) {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(BuildResults.of(outcome.result())).withMessage(outcome.explanation()));
            }
        }
        if (outcome.abort()) {
            throw new AbortException(outcome.explanation());
        }
        return summary.toStepResult();
    }

    /** Copies the report files the CLI listed into {@code <build>/mlgate/<n>-<command>/}. */
    private static void keepReports(Run<?, ?> run, FilePath workspace, Map<String, Object> json, StepSummary summary,
            PrintStream log) {
        if (json == null) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (Object f : Json.list(json.get("files"))) {
            paths.add(String.valueOf(f));
        }
        if (paths.isEmpty()) {
            return;
        }
        try {
            LinkedHashMap<String, byte[]> files = workspace.act(new ReadReports(paths, MAX_REPORT_BYTES));
            MlgateRunAction existing = run.getAction(MlgateRunAction.class);
            int index = existing == null ? 1 : existing.getSteps().size() + 1;
            String dir = index + "-" + summary.command;
            Path target = new File(run.getRootDir(), "mlgate").toPath().resolve(dir);
            Files.createDirectories(target);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                writeAtomically(target.resolve(e.getKey()), e.getValue());
                summary.files.add(e.getKey());
            }
            summary.dir = dir;
        } catch (IOException | InterruptedException e) {
            // The verdict stands without the sidecar reports; say so rather than fail the step.
            log.println("[mlgate] could not keep the reports beside the build: " + e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
