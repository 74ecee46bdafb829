package io.mlgate.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the trend to jobs whose recent builds ran an mlgate step. */
@Extension
@SuppressWarnings("rawtypes")
public class MlgateTrendFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return MlgateJobAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        Run<?, ?> run = target.getLastBuild();
        for (int n = 0; run != null && n < 5; n++, run = run.getPreviousBuild()) {
            if (run.getAction(MlgateRunAction.class) != null) {
                return List.of(new MlgateJobAction(target));
            }
        }
        return List.of();
    }
}
