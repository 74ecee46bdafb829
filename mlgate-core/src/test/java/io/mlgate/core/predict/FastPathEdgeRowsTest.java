package io.mlgate.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.data.DataException;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows a model server receives that the holdout does not have: empty, unseen, missing and bad cells. */
class FastPathEdgeRowsTest {
    @TempDir
    static Path dir;

    private static List<Predictor> predictors;
    private static List<Map<String, String>> rows;

    @BeforeAll
    static void train() {
        PredictFixtures.split("credit_data.csv", dir, null);
        predictors = new ArrayList<>();
        for (String trainer : List.of("trainer: xgboost\n  params: {rounds: 20, depth: 3}", "trainer: cart\n  params: {depth: 5}",
                "trainer: logistic\n  params: {epochs: 2}")) {
            ModelArtifact model = PredictFixtures.train(dir, PredictFixtures.credit(trainer));
            predictors.add(model.predictor());
        }
        rows = PredictFixtures.rows(dir.resolve("holdout.csv")).subList(0, 150);
    }

    private static void assertSameAsTribuo(UnaryOperator<Map<String, String>> change) {
        for (Predictor fast : predictors) {
            assertThat(fast.fastPath()).isTrue();
            Predictor tribuo = fast.withoutFastPath();
            for (Map<String, String> row : rows) {
                Map<String, String> changed = change.apply(new LinkedHashMap<>(row));
                assertThat(fast.predictRow(changed)).as("%s on %s", fast.card().trainer(), changed).isEqualTo(tribuo.predictRow(changed));
            }
        }
    }

    @Test
    void emptyCellsAreImputedExactlyAsOnTheTribuoPath() {
        for (String column : List.of("Home", "Marital", "Job", "Income", "Assets", "Debt")) {
            assertSameAsTribuo(r -> {
                r.put(column, "  ");
                return r;
            });
        }
    }

    @Test
    void everyImputableCellEmptyAtOnceStillMatches() {
        assertSameAsTribuo(r -> {
            for (String column : List.of("Home", "Marital", "Job", "Income", "Assets", "Debt")) {
                r.put(column, "");
            }
            return r;
        });
    }

    @Test
    void missingColumnsAreImputedLikeEmptyCells() {
        assertSameAsTribuo(r -> {
            r.remove("Income");
            r.remove("Marital");
            return r;
        });
    }

    @Test
    void unseenCategoriesEncodeAsNoFeatureLikeTribuo() {
        assertSameAsTribuo(r -> {
            r.put("Home", "castle");
            r.put("Records", "maybe");
            r.put("Job", " fixed");
            return r;
        });
    }

    @Test
    void numbersWithSpacesAndBooleanLikeValuesParseAsOnTheTribuoPath() {
        assertSameAsTribuo(r -> {
            r.put("Income", " " + r.get("Income") + " ");
            r.put("Seniority", "0");
            r.put("Debt", "1e3");
            return r;
        });
    }

    @Test
    void aNumberColumnWithTextIsRejectedWithTheTribuoPathsMessage() {
        Map<String, String> row = new LinkedHashMap<>(rows.get(0));
        row.put("Seniority", "ten");
        for (Predictor fast : predictors) {
            String expected = messageOf(() -> fast.withoutFastPath().predictRow(row));

            assertThatThrownBy(() -> fast.predictRow(row)).isInstanceOf(DataException.class).hasMessage(expected)
                    .hasMessageContaining("column 'Seniority' has 'ten', which is not a number");
        }
    }

    @Test
    void anEmptyCellWithoutImputeRuleIsRejectedWithTheTribuoPathsMessage() {
        Map<String, String> row = new LinkedHashMap<>(rows.get(0));
        row.put("Age", "");
        for (Predictor fast : predictors) {
            String expected = messageOf(() -> fast.withoutFastPath().predictRow(row));

            assertThatThrownBy(() -> fast.predictRow(row)).isInstanceOf(DataException.class).hasMessage(expected)
                    .hasMessageContaining("column 'Age' is empty and has no impute rule");
        }
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (DataException e) {
            return e.getMessage();
        }
        throw new AssertionError("the Tribuo path accepted the row");
    }
}
