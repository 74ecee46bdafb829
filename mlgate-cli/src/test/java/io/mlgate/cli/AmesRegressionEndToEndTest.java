package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression example: r2 absolute gate, rmse champion gate (lower is better). */
class AmesRegressionEndToEndTest {
    @TempDir
    Path work;

    @Test
    void regressionRunPassesTheGatesAndAWorseCandidateIsBlockedOnRmse() throws Exception {
        Path example = CliRun.example("ames", work);
        String config = example.resolve("mlgate.yaml").toString();
        CliRun first = CliRun.mlgate("run", "--config", config, "--json", "--no-progress");
        assertThat(first.exitCode()).as(first.all()).isIn(0, 4);
        assertThat(first.err()).containsPattern("\\[absolute - r2\\]: PASSED - candidate 0\\.\\d{4} >= 0\\.8")
                .contains("[promote - production]: PASSED - ames-price production -> version 1 (was unset)");
        JsonNode run = new ObjectMapper().readTree(first.out());
        assertThat(run.path("evaluation").path("status").asText()).isEqualTo("PASSED");
        assertThat(run.path("evaluation").path("candidate").path("values").has("rmse")).isTrue();

        CliRun worse = CliRun.mlgate("run", "--config", config, "--no-progress",
                "--set", "train.params={rounds: 5, depth: 1, eta: 0.1}");
        assertThat(worse.exitCode()).as(worse.all()).isEqualTo(3);
        assertThat(worse.out()).containsPattern("\\[champion - rmse\\]: FAILED - candidate \\d+\\.\\d{4}, champion \\d+\\.\\d{4}, relative delta \\+\\d+\\.\\d{2}% > \\+?5\\.00%");
    }
}
