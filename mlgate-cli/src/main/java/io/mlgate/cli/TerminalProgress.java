package io.mlgate.cli;

import io.mlgate.core.util.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows core progress as a progress bar on stderr, only when a person is watching a terminal. */
final class TerminalProgress implements Progress {
    private ProgressBar bar;

    /** A progress bar when stderr is an interactive terminal and not in CI; otherwise nothing. */
    static Progress forTerminal(boolean disabled) {
        boolean ci = System.getenv("CI") != null || System.getenv("JENKINS_URL") != null;
        return disabled || ci || System.console() == null ? Progress.NONE : new TerminalProgress();
    }

    @Override
    public void start(String task, long total) {
        done();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .hideEta().build();
    }

    @Override
    public void advance(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    @Override
    public void done() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
