package io.mlgate.core.predict;

import io.mlgate.core.train.ModelArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomForestFastPathTest {
    @TempDir
    Path dir;

    @Test
    void aForestClassifierGivesTribuosExactProbabilities() {
        PredictFixtures.split("credit_data.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.credit("trainer: random-forest\n  params: {trees: 40, depth: 6}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }

    @Test
    void aForestRegressorGivesTribuosExactValues() {
        PredictFixtures.split("ames.csv", dir, null);
        ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.ames("trainer: random-forest\n  params: {trees: 30, depth: 6}"));

        SameAsTribuo.onEveryRow(model, dir.resolve("holdout.csv"));
    }
}
