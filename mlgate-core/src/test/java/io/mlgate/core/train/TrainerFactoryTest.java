package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.common.xgboost.XGBoostTrainer;

class TrainerFactoryTest {

    @Test
    void anUnknownTrainerNamesTheKeyAndListsTheValidTrainers() {
        assertThatThrownBy(() -> TrainerFactory.resolve(Task.CLASSIFICATION, "svm", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train.trainer 'svm' is unknown for classification; valid trainers: logistic, cart, random-forest, xgboost");
    }

    @Test
    void aClassificationOnlyTrainerIsUnknownForRegression() {
        assertThatThrownBy(() -> TrainerFactory.resolve(Task.REGRESSION, "logistic", Map.of()))
                .hasMessageContaining("valid trainers: linear, cart, random-forest, xgboost");
    }

    @Test
    void anUnknownParamNamesTheKeyAndListsTheValidParams() {
        assertThatThrownBy(() -> TrainerFactory.resolve(Task.CLASSIFICATION, "xgboost", Map.of("max_depth", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train.params.max_depth is not a parameter of trainer 'xgboost'; valid params: "
                        + "rounds, depth, eta, min_child_weight, subsample, colsample, lambda, alpha, gamma");
    }

    @Test
    void aParamOutOfRangeSaysTheRange() {
        assertThatThrownBy(() -> TrainerFactory.resolve(Task.CLASSIFICATION, "xgboost", Map.of("subsample", 1.5)))
                .hasMessage("train.params.subsample is 1.5; it must be in (0, 1]");
    }

    @Test
    void aWholeNumberParamRejectsFractions() {
        assertThatThrownBy(() -> TrainerFactory.resolve(Task.CLASSIFICATION, "xgboost", Map.of("rounds", 2.5)))
                .hasMessage("train.params.rounds is 2.5; a whole number is expected");
    }

    @Test
    void defaultsAreFilledInAndGivenValuesWin() {
        Map<String, Object> params = TrainerFactory.resolve(Task.CLASSIFICATION, "xgboost", Map.of("depth", 3));

        assertThat(params).containsEntry("depth", 3).containsEntry("rounds", 100).containsEntry("alpha", 0.0);
    }

    @Test
    void xgboostNeverKeepsTribuosL1AndThreadDefaults() {
        XGBoostTrainer<?> trainer = (XGBoostTrainer<?>) TrainerFactory.create(
                Task.CLASSIFICATION, "xgboost", Map.of(), 42, 2);

        assertThat(trainer.toString()).contains("alpha=0.0").contains("nthread=2").contains("tree_method=hist").contains("seed=42");
    }
}
