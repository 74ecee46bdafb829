package io.mlgate.core.predict;

import io.mlgate.core.train.ModelArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CartFastPathTest {
    @TempDir
    Path dir;

    @Test
    void aCartClassifierOnBinnedColumnsGivesTribuosExactProbabilities() {
        PredictFixtures.split("lending_club.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.lendingClub("trainer: cart\n  params: {depth: 6}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aCartRegressorGivesTribuosExactValues() {
        PredictFixtures.split("ames.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.ames("trainer: cart\n  params: {depth: 6}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }
}
