package io.mlgate.core.util;

/**
 * Progress of long work (reading rows, training rounds, bootstrap). The CLI shows it as a
 * progress bar on a terminal; other faces ignore it.
 */
public interface Progress {
    /** A progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void done() {
        }
    };

    /** Begins a task of {@code total} steps (-1 when unknown). */
    void start(String task, long total);

    /** Adds steps to the current task. */
    void advance(long steps);

    /** Ends the current task. */
    void done();
}
