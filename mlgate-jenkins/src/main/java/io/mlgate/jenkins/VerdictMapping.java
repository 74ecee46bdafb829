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

    /** The verdict of a CLI run that printed no JSON, from its documented exit code. */
    public static Verdict fromExitCode(int exitCode) {
        return switch (exitCode) {
            case 0 -> Verdict.PASSED;
            case 4 -> Verdict.WARNING;
            default -> Verdict.FAILED;
        };
    }

    /** True for exit codes that mean the CLI could not do its job at all (internal or usage error). */
    public static boolean isError(int exitCode) {
        return exitCode == 1 || exitCode == 2 || exitCode > 6 || exitCode < 0;
    }
}
