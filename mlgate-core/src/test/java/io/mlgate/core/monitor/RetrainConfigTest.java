package io.mlgate.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ConfigException;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.config.RetrainSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retrain: block of mlgate.yaml. */
class RetrainConfigTest {
    @TempDir
    Path dir;

    private PipelineConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("mlgate.yaml"), "model: m\nlabel: Class\n" + yaml), true, Map.of()).config();
    }

    @Test
    void withoutARetrainBlockDriftAndPredictionShiftAreWatched() throws IOException {
        RetrainSpec r = load("").retrain();

        assertThat(r.drift().enabled()).isTrue();
        assertThat(r.predictionShift().psiFail()).isEqualTo(0.25);
        assertThat(r.liveMetrics()).isEmpty();
        assertThat(r.newData()).isNull();
        assertThat(r.schedule()).isNull();
    }

    @Test
    void readsEveryTrigger() throws IOException {
        RetrainSpec r = load("""
                retrain:
                  drift: { psi_fail: 0.3, min_rows: 500, min_features: 2 }
                  prediction_shift: { enabled: false }
                  live_metrics: [ { metric: auc, threshold: 0.65, min_delta: -0.05, min_rows: 800 } ]
                  new_data: { min_rows: 5000 }
                  schedule: { every: 2w }
                """).retrain();

        assertThat(r.drift().minFeatures()).isEqualTo(2);
        assertThat(r.predictionShift().enabled()).isFalse();
        assertThat(r.liveMetrics().get(0).minDelta()).isEqualTo(-0.05);
        assertThat(r.newData().minRows()).isEqualTo(5000);
        assertThat(r.schedule().period()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void wrongLimitsAreConfigurationErrors() {
        assertThatThrownBy(() -> load("""
                retrain:
                  live_metrics: [ { metric: auc, max_delta: 0.05 }, { metric: rmse, threshold: 3 } ]
                  schedule: { every: weekly }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("retrain.live_metrics[0] (auc) is higher-is-better; use min_delta (a negative number), not max_delta")
                .hasMessageContaining("retrain.live_metrics[1].metric 'rmse' is not a classification metric")
                .hasMessageContaining("'retrain.schedule.every' is 'weekly'; use a duration like 7d, 12h, 2w or P7D");
    }

    @Test
    void durationsReadShortAndIsoForms() {
        assertThat(RetrainSpec.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(RetrainSpec.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(RetrainSpec.parseDuration("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(RetrainSpec.parseDuration("soon")).isNull();
    }
}
