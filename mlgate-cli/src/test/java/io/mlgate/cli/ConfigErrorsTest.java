package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration exits 2 with a message naming the file, line and key. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    @Test
    void unknownKeyNamesFileLineAndKey() throws Exception {
        Path config = dir.resolve("mlgate.yaml");
        Files.writeString(config, "model: m\nlabel: y\ngates:\n  - metric: auc\n    treshold: 0.7\n");
        CliRun run = CliRun.mlgate("validate", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mlgate.yaml:5:5: unknown key 'treshold' in gates[0]");
    }

    @Test
    void wrongTypeNamesTheKey() throws Exception {
        Path config = dir.resolve("mlgate.yaml");
        Files.writeString(config, "model: m\nlabel: y\ntrain:\n  seed: soon\n");
        CliRun run = CliRun.mlgate("train", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mlgate.yaml:4:3: wrong value for 'train.seed': expected a whole number, found \"soon\"");
    }

    @Test
    void wrongOverrideNamesTheOverride() throws Exception {
        Path config = dir.resolve("mlgate.yaml");
        Files.writeString(config, "model: m\nlabel: y\n");
        CliRun run = CliRun.mlgate("validate", "--config", config.toString(), "--set", "gates.0.threshold=high");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("command-line override").contains("gates[0].threshold");
    }

    @Test
    void lowerIsBetterMetricRejectsMinDelta() throws Exception {
        Path config = dir.resolve("mlgate.yaml");
        Files.writeString(config, "model: m\ntask: regression\nlabel: y\ngates:\n  - { metric: rmse, baseline: champion, min_delta: -1 }\n");
        CliRun run = CliRun.mlgate("evaluate", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gates[0] (rmse) is lower-is-better; use max_delta / max_relative_delta");
    }

    @Test
    void missingConfigFileIsAUsageError() {
        CliRun run = CliRun.mlgate("run", "--config", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.yaml does not exist");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.mlgate("run", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void helpListsCommandsExamplesAndExitCodes() {
        CliRun run = CliRun.mlgate("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate", "train", "evaluate", "register", "promote", "models", "history", "run")
                .contains("Examples:").contains("5 invalid data");
    }

    @Test
    void everyCommandAnswersHelpWithItsOptionsAndExamples() {
        for (String command : new String[] {"validate", "train", "evaluate", "register", "promote", "models", "history", "run",
                "serve", "deploy", "rollback", "status", "monitor"}) {
            CliRun run = CliRun.mlgate(command, "--help");
            assertThat(run.exitCode()).as(command + ": " + run.all()).isZero();
            assertThat(run.out()).as(command).contains("Usage: mlgate " + command).contains("--help");
        }
    }
}
