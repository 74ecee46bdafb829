package io.mlgate.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The check every fast-path test makes: the compiled model answers exactly what Tribuo answers. */
final class SameAsTribuo {
    private SameAsTribuo() {
    }

    /** Every holdout row, one at a time and as a batch, gives Tribuo's exact result through the fast path. */
    static void onEveryRow(ModelArtifact artifact, Path holdout) {
        Predictor fast = artifact.predictor();
        Predictor tribuo = fast.withoutFastPath();
        FastPredictor compiled = FastPredictors.compile(artifact).orElseThrow();
        assertThat(fast.fastPath()).isTrue();
        assertThat(tribuo.fastPath()).isFalse();

        List<Map<String, String>> rows = PredictFixtures.rows(holdout);
        List<String> differences = new ArrayList<>();
        int unsure = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (compiled.score(row) == null) {
                unsure++;
            }
            Map<String, Object> expected = tribuo.predictRow(row);
            Map<String, Object> actual = fast.predictRow(row);
            if (!actual.equals(expected)) {
                differences.add("row " + i + ": fast " + actual + " tribuo " + expected);
            }
        }
        assertThat(differences).as("rows where the fast path differs from Tribuo").isEmpty();
        assertThat(unsure).as("rows the fast path handed back to Tribuo").isZero();
        assertThat(rows).hasSizeGreaterThan(100);

        Predictions batchFast = fast.predict(holdout, null);
        Predictions batchTribuo = tribuo.predict(holdout, null);
        assertThat(batchFast.predicted()).isEqualTo(batchTribuo.predicted());
        assertThat(batchFast.positiveScore()).isEqualTo(batchTribuo.positiveScore());
        assertThat(batchFast.predictedValues()).isEqualTo(batchTribuo.predictedValues());
    }
}
