package io.mlgate.jenkins;

import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import hudson.model.Action;

/** The job-level trend of gate metrics across the last builds (job page box and an "mlgate trend" page). */
public class MlgateJobAction implements Action {
    static final int BUILDS = 30;

    @SuppressWarnings("rawtypes")
    private final Job job;

    @SuppressWarnings("rawtypes")
    public MlgateJobAction(Job job) {
        this.job = job;
    }

    @SuppressWarnings("rawtypes")
    public Job getJob() {
        return job;
    }

    /** The evaluations of the last builds, oldest first. */
    public List<TrendChart.Point> getPoints() {
        List<TrendChart.Point> newestFirst = new ArrayList<>();
        Run<?, ?> run = job.getLastBuild();
        for (int n = 0; run != null && n < BUILDS; n++, run = run.getPreviousBuild()) {
            MlgateRunAction action = run.getAction(MlgateRunAction.class);
            StepSummary evaluation = action == null ? null : action.getEvaluation();
            if (evaluation != null) {
                newestFirst.add(new TrendChart.Point(run.getNumber(), evaluation.status, TrendChart.copy(evaluation.metrics)));
            }
        }
        return TrendChart.oldestFirst(newestFirst);
    }

    public String getSvg() {
        return TrendChart.render(getPoints());
    }

    @Override
    public String getIconFileName() {
        return "/plugin/mlgate/images/mlgate.svg";
    }

    @Override
    public String getDisplayName() {
        return "mlgate trend";
    }

    @Override
    public String getUrlName() {
        return "mlgate-trend";
    }
}
