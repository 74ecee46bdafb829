package io.mlgate.jenkins;

import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The build page "mlgate" link: every mlgate step of the build with its verdict, the
 * candidate-vs-champion table, the validation and drift tables, and the CLI's own HTML report (the
 * same SVG charts) served from the sidecar folder {@code <build>/mlgate/}. Only the summaries are in
 * build.xml.
 */
public class MlgateRunAction implements RunAction2 {
    private final List<StepSummary> steps = new ArrayList<>();
    private transient Run<?, ?> run;

    /** Adds a step summary to the build's action (creating it the first time) and saves the build. */
    static synchronized void addTo(Run<?, ?> run, StepSummary summary) throws IOException {
        MlgateRunAction action = run.getAction(MlgateRunAction.class);
        if (action == null) {
            action = new MlgateRunAction();
            action.steps.add(summary);
            run.addAction(action);
        } else {
            action.steps.add(summary);
        }
        run.save();
    }

    public List<StepSummary> getSteps() {
        return steps;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** The last evaluate step of the build: the gate evidence shown to approvers and in the trend. */
    public StepSummary getEvaluation() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if ("evaluate".equals(steps.get(i).command)) {
                return steps.get(i);
            }
        }
        return null;
    }

    /** The last train step that reported feature importance, or null. */
    public StepSummary getTraining() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!steps.get(i).getImportance().isEmpty()) {
                return steps.get(i);
            }
        }
        return null;
    }

    /**
     * "#2" when the build's trained model ranks the column second by importance, "" when no train
     * step reported importance, "-" when the column is not among its top columns.
     */
    public String importanceRank(String feature) {
        StepSummary training = getTraining();
        if (training == null) {
            return "";
        }
        int rank = training.importanceRank(feature);
        return rank == 0 ? "-" : "#" + rank;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/mlgate/images/mlgate.svg";
    }

    @Override
    public String getDisplayName() {
        return "mlgate";
    }

    @Override
    public String getUrlName() {
        return "mlgate";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /**
     * Serves a kept report: {@code mlgate/report?step=N&file=report.html}. Only names recorded in the
     * summary are served (no paths), under a sandboxing Content-Security-Policy because reports
     * contain values from user data.
     */
    public void doReport(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        StepSummary step;
        try {
            step = steps.get(Integer.parseInt(req.getParameter("step")) - 1);
        } catch (RuntimeException e) {
            rsp.sendError(404, "no such mlgate step");
            return;
        }
        String name = req.getParameter("file");
        if (name == null || step.dir == null || !step.files.contains(name) || run == null) {
            rsp.sendError(404, "no such report");
            return;
        }
        File file = new File(new File(new File(run.getRootDir(), "mlgate"), step.dir), name);
        if (!file.isFile()) {
            rsp.sendError(404, "the report was removed from the build folder");
            return;
        }
        String type = name.endsWith(".html") ? "text/html" : name.endsWith(".json") ? "application/json"
                : name.endsWith(".xml") ? "application/xml" : "text/plain";
        rsp.setContentType(type + ";charset=UTF-8");
        rsp.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        Files.copy(file.toPath(), rsp.getOutputStream());
    }
}
