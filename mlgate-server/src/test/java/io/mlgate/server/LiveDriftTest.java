package io.mlgate.server;

import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.data.ContractResolver;
import io.mlgate.core.data.DataValidator;
import io.mlgate.core.data.FeatureDrift;
import io.mlgate.core.data.FeatureProfile;
import io.mlgate.core.data.ReferenceProfile;
import io.mlgate.core.registry.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live drift over a sliding window, measured on the training bins stored with the model. */
class LiveDriftTest {

    private static ReferenceProfile profile(TestModels models) throws Exception {
        Path dir = Registries.open(models.registryUri, null).modelDirectory(CREDIT, LOGISTIC);
        return ReferenceProfile.fromJson(Files.readString(dir.resolve(ModelHost.REFERENCE_PROFILE_FILE)));
    }

    @Test
    void noValueBeforeMinRows() {
        ReferenceProfile profile = new ReferenceProfile(1, "t", 10, 2, Map.of("x",
                new FeatureProfile(FeatureProfile.NUMERIC, 10, new double[] {5}, null, new double[] {0.5, 0.5})));
        LiveDrift drift = new LiveDrift(profile, 10, 3);

        drift.record(Map.of("x", "1"));
        drift.record(Map.of("x", "9"));

        assertThat(drift.snapshot().ready()).isFalse();
        assertThat(drift.snapshot().features()).isEmpty();
        drift.record(Map.of("x", "9"));
        assertThat(drift.snapshot().features()).containsKey("x");
    }

    @Test
    void windowKeepsOnlyTheLastRows() {
        ReferenceProfile profile = new ReferenceProfile(1, "t", 10, 2, Map.of("x",
                new FeatureProfile(FeatureProfile.NUMERIC, 10, new double[] {5}, null, new double[] {0.5, 0.5})));
        LiveDrift drift = new LiveDrift(profile, 4, 1);

        for (String v : List.of("1", "1", "1", "1", "1", "9", "1", "9")) {
            drift.record(Map.of("x", v));
        }

        assertThat(drift.rows()).isEqualTo(4);
        assertThat(drift.snapshot().features().get("x").psi()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void sameNumbersAsOfflineValidationOnTheSameRows() throws Exception {
        TestModels models = TestModels.get();
        ReferenceProfile profile = profile(models);
        LiveDrift drift = new LiveDrift(profile, 5_000, 1);
        models.drifted().forEach(drift::record);

        LoadedConfig loaded = ConfigLoader.load(models.lendingClub.resolve("mlgate.yaml"), true, Map.of());
        List<FeatureDrift> offline = DataValidator.validate(models.lendingClub.resolve("data/holdout-drifted.csv"),
                ContractResolver.resolve(loaded).contract(), profile, "Class", true).drift();

        Map<String, LiveDrift.FeatureValue> live = drift.snapshot().features();
        assertThat(offline).isNotEmpty();
        for (FeatureDrift d : offline) {
            assertThat(live.get(d.feature()).psi()).as(d.feature()).isCloseTo(d.psi(), within(1e-9));
            assertThat(live.get(d.feature()).js()).as(d.feature()).isCloseTo(d.js(), within(1e-9));
        }
    }

    @Test
    void gaugesAreAbsentBelowMinRowsLowOnHoldoutAndHighOnDriftedData() {
        TestModels models = TestModels.get();
        List<Map<String, String>> holdout = models.holdout();
        try (MlgateServer server = MlgateServer.serve(models.options().withDrift(5_000, 1_000), Map.of(CREDIT, LOGISTIC))) {
            Http http = new Http(server);
            feed(http, holdout.subList(0, 900));

            MetricsText early = MetricsText.parse(http.get("/metrics").body());
            assertThat(early.find("mlgate_feature_drift_psi", Map.of())).isEmpty();
            assertThat(early.find("mlgate_feature_drift_js", Map.of())).isEmpty();
            assertThat(early.value("mlgate_drift_window_rows", Map.of("model", CREDIT, "version", LOGISTIC))).isEqualTo(900);

            feed(http, holdout.subList(900, holdout.size()));

            MetricsText settled = MetricsText.parse(http.get("/metrics").body());
            List<MetricsText.Sample> psi = settled.find("mlgate_feature_drift_psi", Map.of("model", CREDIT, "version", LOGISTIC));
            assertThat(psi).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s.value()).as(s.labels().get("feature")).isLessThan(0.1));
            assertThat(settled.find("mlgate_feature_drift_js", Map.of("feature", "int_rate"))).hasSize(1);
        }
        try (MlgateServer server = MlgateServer.serve(models.options().withDrift(5_000, 1_000), Map.of(CREDIT, LOGISTIC))) {
            Http http = new Http(server);
            feed(http, models.drifted());

            MetricsText drifted = MetricsText.parse(http.get("/metrics").body());
            assertThat(drifted.value("mlgate_feature_drift_psi", Map.of("model", CREDIT, "version", LOGISTIC, "feature", "int_rate")))
                    .isGreaterThan(0.25);
        }
    }

    private static void feed(Http http, List<Map<String, String>> rows) {
        for (int from = 0; from < rows.size(); from += 100) {
            Http.Reply reply = http.predict(CREDIT, rows.subList(from, Math.min(rows.size(), from + 100)));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }
}
