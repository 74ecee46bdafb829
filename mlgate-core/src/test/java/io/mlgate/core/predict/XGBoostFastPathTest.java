package io.mlgate.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.train.ModelArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XGBoostFastPathTest {
    @TempDir
    Path dir;

    @Test
    void aClassifierWithOneHotCategoriesAndNumbersGivesTribuosExactProbabilities() {
        PredictFixtures.split("lending_club.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.lendingClub(
                "trainer: xgboost\n  params: {rounds: 40, depth: 4, subsample: 0.8, colsample: 0.8}\n  threshold: optimize"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aTwoClassClassifierIsCompiledAsBinaryLogisticAndGivesTribuosExactProbabilities() {
        PredictFixtures.split("lending_club.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.lendingClub(
                "trainer: xgboost\n  params: {rounds: 60, depth: 5, eta: 0.5}"));

        assertThat(FastPredictors.compile(model).orElseThrow().describe()).isEqualTo("xgboost: 60 trees, "
                + FastPredictors.compile(model).orElseThrow().describe().split(", ")[1] + ", 2 classes (logistic)");
        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aClassifierOnDataWithImputedCellsGivesTribuosExactProbabilities() {
        PredictFixtures.split("credit_data.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.credit("trainer: xgboost\n  params: {rounds: 40, depth: 4}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aFourClassClassifierGivesTribuosExactSoftmax() {
        PredictFixtures.split("credit_data.csv", dir, "Job");
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.creditJob("trainer: xgboost\n  params: {rounds: 30, depth: 3}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aRegressorGivesTribuosExactValues() {
        PredictFixtures.split("ames.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.ames("trainer: xgboost\n  params: {rounds: 40, depth: 4}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }
}
