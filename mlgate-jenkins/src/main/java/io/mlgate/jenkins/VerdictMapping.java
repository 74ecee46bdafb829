package io.mlgate.jenkins;

/**
 * The one place an mlgate verdict becomes a Jenkins build outcome.
 *
 * <ul>
 *   <li>PASSED: nothing changes.</li>
 *   <li>INACTIVE: nothing changes; the log explains why the check could not be made.</li>
 *   <li>WARNING: build UNSTABLE and a warning on the stage.</li>
 *   <li>FAILED: build FAILURE (default), or UNSTABLE, or the step throws and stops the pipeline (ERROR).</li>
 * </ul>
 *
 * {@code monitorModel} is the exception ({@link #mapMonitor}): its FAILED verdict (exit 7) is the answer
 * "retrain", which the pipeline acts on, so it leaves the build result alone.
 */
public final class VerdictMapping {
    private VerdictMapping() {
    }

    /** What to do with the build; {@code result} is null when the build result stays as it is. */
    public record Outcome(BuildResult result, boolean stageWarning, boolean abort, String explanation) {
    }

    /** The Jenkins results we set (mapped to {@code hudson.model.Result} in {@link BuildResults}). */
    public enum BuildResult { UNSTABLE, FAILURE }

    public static Outcome map(Verdict verdict, OnFailure onFailure, String step) {
        return switch (verdict) {
            case PASSED -> new Outcome(null, false, false, step + ": PASSED");
            case INACTIVE -> new Outcome(null, false, false, step + ": INACTIVE - no verdict could be made "
                    + "(no champion, too few rows, or nothing to compare); the messages above say why. "
                    + "The build result is unchanged.");
            case WARNING -> new Outcome(BuildResult.UNSTABLE, true, false, step + ": WARNING - build marked UNSTABLE");
            case FAILED -> switch (onFailure) {
                case FAILURE -> new Outcome(BuildResult.FAILURE, true, false, step + ": FAILED - build marked FAILURE");
                case UNSTABLE -> new Outcome(BuildResult.UNSTABLE, true, false,
                        step + ": FAILED - build marked UNSTABLE (onFailure: 'UNSTABLE')");
                case ERROR -> new Outcome(BuildResult.FAILURE, false, true, step + ": FAILED - stopping the pipeline (onFailure: 'ERROR')");
            };
        };
    }

    /** The documented exit code of {@code mlgate monitor} when a retraining trigger fired. */
    public static final int RETRAIN = 7;

    /**
     * The outcome of {@code monitorModel}, by the CLI's exit code: 7 (retrain needed) and 0 (no retrain)
     * leave the build alone, since the answer is returned to the pipeline; 4 (the serving signals could not
     * be read, so the monitor is blind) marks the build UNSTABLE with a stage warning; any other code
     * (e.g. 5, an unreadable outcomes file) is a FAILED step like in the other steps.
     */
    public static Outcome mapMonitor(int exitCode, Verdict verdict, OnFailure onFailure, String step) {
        return switch (exitCode) {
            case RETRAIN -> new Outcome(null, false, false, step + ": RETRAIN - a retraining trigger fired (the step returns "
                    + "retrain: true); the build result is unchanged");
            case 0 -> verdict == Verdict.INACTIVE
                    ? new Outcome(null, false, false, step + ": INACTIVE - no retrain; no trigger had enough evidence "
                            + "(the messages above say why). The build result is unchanged.")
                    : new Outcome(null, false, false, step + ": PASSED - no retrain");
            case 4 -> new Outcome(BuildResult.UNSTABLE, true, false, step + ": WARNING - the serving signals could not be read "
                    + "(the monitor is blind); build marked UNSTABLE");
            default -> map(Verdict.FAILED, onFailure, step);
        };
    }

    /** The verdict of a CLI run that printed no JSON, from its documented exit code. */
    public static Verdict fromExitCode(int exitCode) {
        return switch (exitCode) {
            case 0 -> Verdict.PASSED;
            case 4 -> Verdict.WARNING;
            default -> Verdict.FAILED;
        };
    }

    /**
     * True for exit codes that mean the CLI could not do its job at all (internal or usage error, or a code
     * mlgate does not document). 7 is documented: monitor's "retrain".
     */
    public static boolean isError(int exitCode) {
        return exitCode == 1 || exitCode == 2 || exitCode > RETRAIN || exitCode < 0;
    }
}
