package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {
    private static ModelArtifact artifact;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        artifact = ModelTrainer.train(TrainFixtures.lendingClub("trainer: xgboost\nparams: {rounds: 30, depth: 3}\nthreshold: optimize"),
                ContractSpec.empty(), Progress.NONE).artifact();
    }

    @Test
    void savingWritesTheModelItsCardProvenanceAndTrainingReport() {
        artifact.save(dir);

        assertThat(dir.resolve("model.tribuo")).isNotEmptyFile();
        assertThat(dir.resolve("model.json")).content().contains("\"trainer\" : \"xgboost\"").contains("\"positive\" : \"bad\"");
        assertThat(dir.resolve("provenance.json")).content().contains("XGBoostClassificationTrainer");
        assertThat(dir.resolve("training.json")).content().contains("\"metric\" : \"auc\"");
    }

    @Test
    void aSavedAndLoadedModelPredictsExactlyTheSame() {
        artifact.save(dir);

        ModelArtifact loaded = ModelArtifact.load(dir);

        Predictions before = artifact.predictor().predict(TrainFixtures.lendingClub(), "Class");
        Predictions after = loaded.predictor().predict(TrainFixtures.lendingClub(), "Class");
        assertThat(after.positiveScore()).containsExactly(before.positiveScore());
        assertThat(after.predicted()).containsExactly(before.predicted());
        assertThat(loaded.card()).isEqualTo(artifact.card());
    }

    @Test
    void predictionsApplyTheStoredThresholdToThePositiveScore() {
        Predictions p = artifact.predictor().predict(TrainFixtures.lendingClub(), "Class");

        double t = artifact.card().threshold();
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.predicted()[i]).isEqualTo(p.positiveScore()[i] >= t ? "bad" : "good");
        }
        assertThat(p.actual()).contains("good", "bad");
    }

    @Test
    void aSingleRowPredictsLikeTheSameRowInAFile() throws Exception {
        Path csv = TrainFixtures.lendingClub();
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        String[] cells = lines.get(1).replace("\"", "").split(",");
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells[i]);
        }

        Map<String, Object> single = artifact.predictor().predictRow(row);

        Predictions all = artifact.predictor().predict(csv, "Class");
        assertThat((double) single.get("score")).isEqualTo(all.positiveScore()[0]);
        assertThat(single.get("prediction")).isEqualTo(all.predicted()[0]);
        assertThat(single).containsKeys("probabilities", "threshold");
    }

    @Test
    void aDirectoryWithoutAModelIsNamedInTheError() {
        assertThatThrownBy(() -> ModelArtifact.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir + " is not a model directory");
    }

    @Test
    void aRegressionModelRoundTripsAndPredictsInLabelUnits() {
        ModelArtifact linear = ModelTrainer.train(TrainFixtures.ames("trainer: linear\nparams: {epochs: 3}"),
                ContractSpec.empty(), Progress.NONE).artifact();
        linear.save(dir);

        Predictions p = ModelArtifact.load(dir).predictor().predict(TrainFixtures.ames(), "Sale_Price");

        assertThat(p.predictedValues()).containsExactly(linear.predictor().predict(TrainFixtures.ames(), "Sale_Price").predictedValues());
        double meanPredicted = java.util.Arrays.stream(p.predictedValues()).average().orElseThrow();
        assertThat(meanPredicted).isBetween(150_000.0, 210_000.0);
    }
}
