package io.mlgate.core.gate;

import static io.mlgate.core.gate.Fixtures.bootstrapped;
import static io.mlgate.core.gate.Fixtures.withAuc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.NoBaselinePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate report is persisted (registry, JSON output of the CLI) and must read back. */
class GateReportJsonTest {

    @Test
    void aReportRoundTripsThroughTheReportMapper() throws Exception {
        GateReport report = GateEvaluator.evaluate(List.of(bootstrapped("auc", -0.002)), NoBaselinePolicy.PASS_WITH_NOTE,
                withAuc(8184), withAuc(8214), "4", null);
        ObjectMapper mapper = ConfigLoader.jsonMapper();

        String json = mapper.writeValueAsString(report);
        GateReport back = mapper.readValue(json, GateReport.class);

        assertThat(json).contains("\"relative_delta\"").contains("\"criticality\":\"failure\"").contains("\"baseline\":\"champion\"");
        assertThat(back.status()).isEqualTo(report.status());
        assertThat(back.messages()).isEqualTo(report.messages());
        assertThat(back.notes()).isEqualTo(report.notes());
        assertThat(back.results().get(0).interval()).containsExactly(report.results().get(0).interval());
        assertThat(back.candidate().values()).isEqualTo(report.candidate().values());
        assertThat(back.candidate().roc()).isEqualTo(report.candidate().roc());
        assertThat(back.champion().confusion().count("bad", "bad")).isEqualTo(report.champion().confusion().count("bad", "bad"));
    }
}
