package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.train.ModelArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-running train with the same seed and data gives identical predictions. */
class TrainingDeterminismTest {
    @TempDir
    Path work;

    @Test
    void sameSeedAndDataGiveIdenticalPredictions() {
        Path example = CliRun.example("lending-club", work);
        String config = example.resolve("mlgate.yaml").toString();
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        assertThat(CliRun.mlgate("train", "--config", config, "--model-dir", first.toString(), "--no-progress").exitCode()).isZero();
        assertThat(CliRun.mlgate("train", "--config", config, "--model-dir", second.toString(), "--no-progress").exitCode()).isZero();

        Path holdout = example.resolve("data/holdout.csv");
        Predictions a = ModelArtifact.load(first).predictor().predict(holdout, "Class");
        Predictions b = ModelArtifact.load(second).predictor().predict(holdout, "Class");
        assertThat(b.positiveScore()).containsExactly(a.positiveScore());
        assertThat(b.predicted()).containsExactly(a.predicted());
        assertThat(b.threshold()).isEqualTo(a.threshold());
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        Path example = CliRun.example("lending-club", work);
        String config = example.resolve("mlgate.yaml").toString();
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        assertThat(CliRun.mlgate("train", "--config", config, "--model-dir", first.toString(), "--no-progress").exitCode()).isZero();
        assertThat(CliRun.mlgate("train", "--config", config, "--seed", "7", "--model-dir", second.toString(), "--no-progress").exitCode()).isZero();

        Path holdout = example.resolve("data/holdout.csv");
        Predictions a = ModelArtifact.load(first).predictor().predict(holdout, "Class");
        Predictions b = ModelArtifact.load(second).predictor().predict(holdout, "Class");
        assertThat(b.positiveScore()).isNotEqualTo(a.positiveScore());
    }
}
