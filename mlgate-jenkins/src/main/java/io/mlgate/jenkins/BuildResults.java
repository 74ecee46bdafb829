package io.mlgate.jenkins;

import hudson.model.Result;

/** Maps {@link VerdictMapping.BuildResult} to Jenkins' {@link Result} (kept apart so the mapping itself is testable). */
final class BuildResults {
    private BuildResults() {
    }

    static Result of(VerdictMapping.BuildResult result) {
        return switch (result) {
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
        };
    }
}
