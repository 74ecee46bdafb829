package io.mlgate.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's /metrics text read back into the signals of one version. */
class PromTextTest {
    private static final String METRICS = """
            # HELP mlgate_requests_total Predict requests
            # TYPE mlgate_requests_total counter
            mlgate_requests_total{model="credit-risk",status="200",version="3"} 990.0
            mlgate_requests_total{model="credit-risk",status="500",version="3"} 10.0
            mlgate_requests_total{model="credit-risk",status="200",version="2"} 5.0
            mlgate_request_duration_seconds_bucket{model="credit-risk",version="3",le="0.001"} 500
            mlgate_request_duration_seconds_bucket{model="credit-risk",version="3",le="0.01"} 990
            mlgate_request_duration_seconds_bucket{model="credit-risk",version="3",le="+Inf"} 1000
            mlgate_predictions_total{class="bad",model="credit-risk",version="3"} 70
            mlgate_predictions_total{class="good",model="credit-risk",version="3"} 930
            mlgate_feature_drift_psi{feature="int_rate",model="credit-risk",version="3"} 0.4132
            mlgate_feature_drift_js{feature="int_rate",model="credit-risk",version="3"} 0.271
            mlgate_drift_window_rows{model="credit-risk",version="3"} 1000
            other_metric{note="a \\"quoted\\" \\\\ value"} 1 1714557600000
            """;

    @Test
    void parsesLabelsWithEscapesAndTimestamps() {
        List<PromText.Sample> samples = PromText.parse(METRICS);

        assertThat(samples).hasSize(12);
        assertThat(samples.get(11).label("note")).isEqualTo("a \"quoted\" \\ value");
    }

    @Test
    void picksTheSignalsOfOneVersion() {
        ServingSignals s = MetricsEndpointSource.fromText("m", METRICS, "credit-risk", "3");

        assertThat(s.requests()).isEqualTo(1000);
        assertThat(s.errorRate()).isCloseTo(0.01, within(1e-12));
        assertThat(s.predictedClasses()).containsEntry("bad", 70.0).containsEntry("good", 930.0);
        assertThat(s.psi()).containsEntry("int_rate", 0.4132);
        assertThat(s.driftRows()).isEqualTo(1000);
        // 99th of 1000 is rank 990: the top of the 0.01 bucket, like histogram_quantile
        assertThat(s.latencyP99()).isCloseTo(0.01, within(1e-12));
    }
}
