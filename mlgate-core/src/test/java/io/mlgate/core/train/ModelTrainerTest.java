package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.util.Progress;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTrainerTest {

    private static TrainingOutcome trainLendingClub(String trainYaml) {
        return ModelTrainer.train(TrainFixtures.lendingClub(trainYaml), ContractSpec.empty(), Progress.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "xgboost; {rounds: 50, depth: 3}",
            "logistic; {epochs: 5}",
            "cart; {depth: 5}",
            "random-forest; {trees: 30, depth: 6}"})
    void everyClassifierBeatsChanceOnLendingClub(String trainer, String params) {
        TrainingOutcome outcome = trainLendingClub("trainer: " + trainer + "\nparams: " + params + "\nthreads: 2");

        assertThat(outcome.best().trainer()).isEqualTo(trainer);
        assertThat(outcome.best().metric()).isEqualTo("auc");
        assertThat(outcome.best().validationScore()).isGreaterThan(0.6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "xgboost; {rounds: 50, depth: 4}",
            "linear; {epochs: 5}",
            "cart; {depth: 6}",
            "random-forest; {trees: 30, depth: 6}"})
    void everyRegressorExplainsMostOfAmesPrices(String trainer, String params) {
        TrainingOutcome outcome = ModelTrainer.train(
                TrainFixtures.ames("trainer: " + trainer + "\nparams: " + params + "\nthreads: 2\nsearch: {metric: r2}"),
                ContractSpec.empty(), Progress.NONE);

        assertThat(outcome.best().validationScore()).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "xgboost; {rounds: 30, depth: 3, subsample: 0.8, colsample: 0.8}",
            "logistic; {epochs: 3}",
            "random-forest; {trees: 10, depth: 5}"})
    void theSameSeedAndDataGiveIdenticalPredictions(String trainer, String params) {
        String yaml = "trainer: " + trainer + "\nparams: " + params + "\nseed: 7\nthreads: 2";

        Predictions first = trainLendingClub(yaml).artifact().predictor().predict(TrainFixtures.lendingClub(), "Class");
        Predictions second = trainLendingClub(yaml).artifact().predictor().predict(TrainFixtures.lendingClub(), "Class");

        assertThat(second.positiveScore()).containsExactly(first.positiveScore());
        assertThat(second.predicted()).containsExactly(first.predicted());
    }

    @Test
    void balancedClassWeightsRaiseTheRecallOfTheMinorityClass() {
        String yaml = "trainer: logistic\nparams: {epochs: 5}\nthreshold: 0.5\nsearch: {metric: recall}\n";

        double unweighted = trainLendingClub(yaml).best().validationScore();
        double balanced = trainLendingClub(yaml + "class_weights: balanced").best().validationScore();

        assertThat(balanced).isGreaterThan(unweighted + 0.2);
    }

    @Test
    void gridSearchTriesEveryCombinationAndPicksTheBestByTheMetric() {
        TrainingOutcome outcome = trainLendingClub("""
                trainer: xgboost
                params: {rounds: 20}
                search:
                  metric: auc
                  params: {depth: [1, 4], eta: [0.05, 0.3]}
                """);

        assertThat(outcome.candidates()).hasSize(4);
        assertThat(outcome.candidates()).extracting(c -> c.params().get("depth") + "/" + c.params().get("eta"))
                .containsExactly("1/0.05", "1/0.3", "4/0.05", "4/0.3");
        assertThat(outcome.best()).isEqualTo(outcome.candidates().stream()
                .max(Comparator.comparingDouble(CandidateResult::validationScore)).orElseThrow());
        assertThat(outcome.artifact().card().params()).isEqualTo(outcome.best().params());
    }

    @Test
    void severalTrainersCompeteAndALowerIsBetterMetricPicksTheSmallest() {
        TrainingOutcome outcome = trainLendingClub("""
                candidates:
                  - {trainer: logistic, params: {epochs: 2}}
                  - {trainer: xgboost, params: {rounds: 30, depth: 3}}
                search: {metric: log_loss}
                """);

        assertThat(outcome.candidates()).extracting(CandidateResult::trainer).containsExactly("logistic", "xgboost");
        assertThat(outcome.best().validationScore()).isEqualTo(outcome.candidates().stream()
                .mapToDouble(CandidateResult::validationScore).min().orElseThrow());
    }

    @Test
    void randomSearchTriesTheGivenNumberOfCombinations() {
        TrainingOutcome outcome = trainLendingClub("""
                trainer: xgboost
                params: {rounds: 10}
                search: {method: random, trials: 3, params: {depth: [1, 2, 3, 4], eta: [0.1, 0.3]}}
                """);

        assertThat(outcome.candidates()).hasSize(3);
    }

    @Test
    void kFoldScoresEveryTrainingRowOnce() {
        TrainingOutcome outcome = trainLendingClub("trainer: xgboost\nparams: {rounds: 10, depth: 2}\nsearch: {folds: 3}");

        assertThat(outcome.artifact().training().validationRows()).isEqualTo(9857);
        assertThat(outcome.artifact().training().validation()).isEqualTo("3-fold stratified");
    }

    @Test
    void anOptimizedThresholdIsChosenOnValidationAndStoredWithTheModel() {
        TrainingOutcome outcome = trainLendingClub("trainer: xgboost\nparams: {rounds: 30, depth: 3}\nthreshold: optimize");

        Double threshold = outcome.artifact().card().threshold();
        assertThat(threshold).isBetween(0.01, 0.5);
        assertThat(outcome.artifact().training().thresholdRule()).startsWith("optimize");
    }

    @Test
    void withoutAConfiguredPositiveTheMinorityClassIsPositiveAndTheReportSaysSo() {
        TrainingOutcome outcome = trainLendingClub("trainer: xgboost\nparams: {rounds: 5}");

        assertThat(outcome.artifact().card().positive()).isEqualTo("bad");
        assertThat(outcome.artifact().card().classes()).containsExactly("bad", "good");
        assertThat(outcome.artifact().training().positiveNote()).contains("minority class 'bad'");
    }

    @Test
    void xgboostRecordsTheValidationMetricPerRound() {
        CandidateResult best = trainLendingClub("trainer: xgboost\nparams: {rounds: 50, depth: 3}").best();

        assertThat(best.curveName()).isEqualTo("validation auc");
        assertThat(best.curve()).hasSize(25);
        assertThat(best.curve().get(best.curve().size() - 1)[0]).isEqualTo(50.0);
        assertThat(best.curve().get(best.curve().size() - 1)[1]).isCloseTo(best.validationScore(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void logisticRecordsTheTrainingLossPerEpoch() {
        CandidateResult best = trainLendingClub("trainer: logistic\nparams: {epochs: 4}").best();

        assertThat(best.curveName()).isEqualTo("training loss");
        assertThat(best.curve()).extracting(p -> p[0]).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(best.curve()).allSatisfy(p -> assertThat(p[1]).isPositive().isLessThan(1.0));
    }

    @Test
    void theOutcomeCarriesDigestsOfDataAndConfig() {
        TrainingOutcome outcome = trainLendingClub("trainer: xgboost\nparams: {rounds: 5}");

        assertThat(outcome.dataSha256()).isEqualTo(io.mlgate.core.util.Digests.sha256(TrainFixtures.lendingClub()));
        assertThat(outcome.configSha256()).hasSize(64);
        assertThat(outcome.trainRows()).isEqualTo(9857);
        assertThat(outcome.artifact().provenance()).contains("mlgate-data-sha256").contains(outcome.dataSha256());
    }

    @Test
    void aSearchMetricOfTheOtherTaskIsRejectedWithTheValidNames() {
        assertThatThrownBy(() -> trainLendingClub("trainer: xgboost\nsearch: {metric: rmse}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train.search.metric 'rmse' is not a classification metric")
                .hasMessageContaining("auc");
    }

    @Test
    void aSearchParamNoCandidateKnowsIsRejected() {
        assertThatThrownBy(() -> trainLendingClub("trainer: logistic\nsearch: {params: {depth: [2, 3]}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train.search.params.depth is not a parameter of any candidate trainer")
                .hasMessageContaining("epochs");
    }

    private static final String CREDIT_COLUMNS = """
            Status: {type: category, role: label}
            Seniority: {type: int}
            Home: {type: category, nullable: true, impute: mode}
            Time: {type: int}
            Age: {type: int}
            Marital: {type: category, nullable: true, impute: "constant:unknown"}
            Records: {type: category}
            Job: {type: category, nullable: true, impute: mode}
            Expenses: {type: int}
            Income: {type: float, nullable: true, impute: median}
            Assets: {type: float, nullable: true, impute: median}
            Debt: {type: float, nullable: true, impute: zero}
            Amount: {type: int}
            Price: {type: int}
            """;

    @Test
    void emptyCellsAreImputedAsTheContractSays() {
        var loaded = TrainFixtures.creditData(CREDIT_COLUMNS, "trainer: xgboost\nparams: {rounds: 30, depth: 3}");

        TrainingOutcome outcome = ModelTrainer.train(loaded, loaded.config().contract(), Progress.NONE);

        assertThat(outcome.best().validationScore()).isGreaterThan(0.7);
        assertThat(outcome.artifact().card().encoder().columns())
                .filteredOn(c -> c.name().equals("Debt")).singleElement()
                .satisfies(c -> assertThat(c.fill()).isEqualTo(0.0));
    }

    @Test
    void anEmptyCellInAColumnWithoutImputeStopsTrainingWithLineAndColumn() {
        var loaded = TrainFixtures.creditData(CREDIT_COLUMNS.replace("Income: {type: float, nullable: true, impute: median}",
                "Income: {type: float, nullable: true}"), "trainer: xgboost\nparams: {rounds: 5}");

        assertThatThrownBy(() -> ModelTrainer.train(loaded, loaded.config().contract(), Progress.NONE))
                .isInstanceOf(io.mlgate.core.data.DataException.class)
                .hasMessageMatching(".*credit_data\\.csv:\\d+: column 'Income' is empty and has no impute rule; set contract\\.columns\\.Income\\.impute.*");
    }

    @Test
    void aMulticlassLabelIsScoredByMacroAucAndPredictedByArgmax() {
        var loaded = TrainFixtures.config("""
                model: status
                label: verification_status
                data: {train: lending_club.csv}
                train: {trainer: xgboost, params: {rounds: 10, depth: 3}}
                """, TrainFixtures.dataDir());

        TrainingOutcome outcome = ModelTrainer.train(loaded, ContractSpec.empty(), Progress.NONE);

        assertThat(outcome.artifact().card().classes()).containsExactly("Not_Verified", "Source_Verified", "Verified");
        assertThat(outcome.artifact().card().positive()).isNull();
        assertThat(outcome.best().validationScore()).isGreaterThan(0.55);
        Predictions p = outcome.artifact().predictor().predict(TrainFixtures.lendingClub(), "verification_status");
        assertThat(p.positiveScore()).isNull();
        assertThat(p.predicted()).containsAnyOf("Not_Verified", "Source_Verified", "Verified");
    }
}
