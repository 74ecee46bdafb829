package io.mlgate.core.predict;

import io.mlgate.core.train.ModelArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearFastPathTest {
    @TempDir
    Path dir;

    @Test
    void aLogisticModelOnStandardisedColumnsGivesTribuosExactProbabilities() {
        PredictFixtures.split("lending_club.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.lendingClub("trainer: logistic\n  params: {epochs: 3}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aFourClassLogisticModelGivesTribuosExactSoftmax() {
        PredictFixtures.split("credit_data.csv", dir, "Job");
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.creditJob("trainer: logistic\n  params: {epochs: 3}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aLinearModelWithAStandardisedTargetGivesTribuosExactValues() {
        PredictFixtures.split("ames.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.ames("trainer: linear\n  params: {epochs: 3}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }
}
