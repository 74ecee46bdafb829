package io.mlgate.core.registry.mlflow;

import static io.mlgate.core.registry.RegistryFixtures.artifacts;
import static io.mlgate.core.registry.RegistryFixtures.read;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.CLOCK;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.TOKEN;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.env;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.registry;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgate.core.registry.AliasChange;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.registry.RegisterRequest;
import io.mlgate.core.registry.RegistryException;
import io.mlgate.core.util.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend against a plain MLflow tracking server: integer versions and native aliases. */
class MlflowModelRegistryTest {

    @TempDir
    Path tmp;
    FakeMlflowServer server;
    MlflowModelRegistry registry;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW);
        server.requiredAuthorization = "Bearer " + TOKEN;
        registry = registry(server, tmp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelVersion registerOne(String modelText) {
        return registry.register(request("credit-risk", artifacts(tmp.resolve("art-" + modelText.hashCode()), modelText)));
    }

    private static Map<String, String> tagsOf(JsonNode body) {
        Map<String, String> tags = new java.util.TreeMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return tags;
    }

    @Test
    void aPlainMlflowServerIsDetectedAsMlflow() {
        assertThat(registry.flavor()).isEqualTo(MlflowFlavor.MLFLOW);
    }

    @Test
    void registerSendsTheDocumentedRequestsInOrderWithTheToken() {
        registerOne("model v1");

        assertThat(server.lines()).containsExactly(
                "GET /api/2.0/mlflow/registered-models/get",
                "POST /api/2.0/mlflow/registered-models/create",
                "GET /api/2.0/mlflow/experiments/get-by-name",
                "POST /api/2.0/mlflow/experiments/create",
                "POST /api/2.0/mlflow/runs/create",
                "PUT /api/2.0/mlflow-artifacts/artifacts/1/00000000000000000000000000000001/artifacts/model.tribuo",
                "PUT /api/2.0/mlflow-artifacts/artifacts/1/00000000000000000000000000000001/artifacts/report/metrics.json",
                "POST /api/2.0/mlflow/model-versions/create",
                "POST /api/2.0/mlflow/runs/update",
                "POST /api/2.0/mlflow/runs/create");
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(server.requests.get(0).query()).isEqualTo("name=credit-risk");
        assertThat(server.requests.get(2).query()).isEqualTo("experiment_name=mlgate%2Fcredit-risk");
    }

    @Test
    void theVersionIsCreatedFromItsRunWithSourceRunIdDescriptionAndMlgateTags() {
        registerOne("model v1");

        JsonNode body = server.requests("POST", "model-versions/create").get(0).json();
        assertThat(body.path("name").asText()).isEqualTo("credit-risk");
        assertThat(body.path("source").asText()).isEqualTo("mlflow-artifacts:/1/00000000000000000000000000000001/artifacts");
        assertThat(body.path("run_id").asText()).isEqualTo("00000000000000000000000000000001");
        assertThat(body.path("description").asText()).isEqualTo("nightly retrain");
        assertThat(tagsOf(body))
                .containsEntry("mlgate.sha256", Digests.sha256("model v1"))
                .containsEntry("mlgate.gate_status", "PASSED")
                .containsEntry("mlgate.metrics", "{\"auc\":0.81}")
                .containsEntry("mlgate.created", "2024-06-01T12:00:00Z")
                .containsEntry("team", "risk")
                .containsKeys("mlgate.files", "mlgate.lineage", "mlgate.gate_messages")
                .doesNotContainKey("gitlab.version");
        JsonNode finish = server.requests("POST", "runs/update").get(0).json();
        assertThat(finish.path("status").asText()).isEqualTo("FINISHED");
    }

    @Test
    void registerPromoteAliasHistoryAndModelDirectoryRoundTrip() {
        ModelVersion v1 = registerOne("model v1");
        ModelVersion v2 = registerOne("model v2");

        AliasChange change = registry.promote("credit-risk", "2", "production", "beats champion", "alice", Map.of("approver", "bob"));

        assertThat(v1.version()).isEqualTo("1");
        assertThat(v2.version()).isEqualTo("2");
        assertThat(change.summary()).isEqualTo("credit-risk production: (none) -> 2");
        ModelVersion live = registry.alias("credit-risk", "production").orElseThrow();
        assertThat(live.version()).isEqualTo("2");
        assertThat(live.aliases()).containsExactly("production");
        assertThat(live.sha256()).isEqualTo(Digests.sha256("model v2"));
        assertThat(live.metrics()).containsEntry("auc", 0.81);
        assertThat(live.gateMessages()).containsExactly("[absolute - auc]: PASSED - candidate 0.8100 >= 0.75");
        assertThat(live.lineage().gitCommit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(live.tags()).containsExactly(Map.entry("team", "risk"));
        assertThat(live.created()).isEqualTo(CLOCK.instant());
        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::version).containsExactly("1", "2");
        assertThat(registry.models()).containsExactly("credit-risk");
        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::action).containsExactly("register", "register", "promote");
        HistoryEntry promote = registry.history("credit-risk").get(2);
        assertThat(promote.actor()).isEqualTo("alice");
        assertThat(promote.reason()).isEqualTo("beats champion");
        assertThat(promote.details()).containsEntry("approval.approver", "bob");
        Path dir = registry.modelDirectory("credit-risk", "2");
        assertThat(read(dir.resolve("model.tribuo"))).isEqualTo("model v2");
        assertThat(read(dir.resolve("report/metrics.json"))).isEqualTo("{\"auc\":0.8}\n");
    }

    @Test
    void promoteRecordsTheMoveBeforeSettingTheNativeAlias() {
        registerOne("model v1");
        int before = server.requests.size();

        registry.promote("credit-risk", "1", "staging", "smoke tests passed", null, null);

        List<String> writes = server.lines().subList(before, server.requests.size()).stream().filter(l -> !l.startsWith("GET")).toList();
        assertThat(writes).containsExactly("POST /api/2.0/mlflow/runs/create", "POST /api/2.0/mlflow/registered-models/alias");
        JsonNode alias = server.requests("POST", "registered-models/alias").get(0).json();
        assertThat(alias.toString()).isEqualTo("{\"name\":\"credit-risk\",\"alias\":\"staging\",\"version\":\"1\"}");
    }

    @Test
    void demoteDeletesTheNativeAliasWithAJsonBody() {
        registerOne("model v1");
        registry.promote("credit-risk", "1", "production", "go", null, null);

        AliasChange change = registry.demote("credit-risk", "production", "incident 42", "alice");

        assertThat(change.summary()).isEqualTo("credit-risk production: 1 -> (none)");
        assertThat(server.requests("DELETE", "registered-models/alias").get(0).json().toString())
                .isEqualTo("{\"name\":\"credit-risk\",\"alias\":\"production\"}");
        assertThat(registry.alias("credit-risk", "production")).isEmpty();
    }

    @Test
    void promotingToTheCurrentVersionWritesNothing() {
        registerOne("model v1");
        registry.promote("credit-risk", "1", "production", "go", null, null);
        int writes = server.requests.stream().filter(r -> !r.method().equals("GET")).toList().size();

        AliasChange again = registry.promote("credit-risk", "1", "production", "again", null, null);

        assertThat(again.changed()).isFalse();
        assertThat(again.entry().details()).containsEntry("note", "production already points at version 1; nothing changed");
        assertThat(server.requests.stream().filter(r -> !r.method().equals("GET")).toList()).hasSize(writes);
    }

    @Test
    void promotingAnUnknownVersionListsTheExistingOnes() {
        registerOne("model v1");

        assertThatThrownBy(() -> registry.promote("credit-risk", "7", "production", "go", null, null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Model credit-risk has no version 7; existing versions: 1");
    }

    @Test
    void usernameAndPasswordAreSentAsBasicAuthLikeTheMlflowClient() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("ml:secret".getBytes(StandardCharsets.UTF_8));
        server.requiredAuthorization = basic;
        MlflowModelRegistry withPassword = registry(server, tmp.resolve("cache"),
                env(Credentials.USERNAME, "ml", Credentials.PASSWORD, "secret"));

        assertThat(withPassword.models()).isEmpty();
        assertThat(server.requests.get(0).authorization()).isEqualTo(basic);
    }

    @Test
    void valuesLongerThanATagAreSplitAndReadBackWhole() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            messages.add("[slice - region=" + i + " - recall]: WARNING - candidate 0.61, champion 0.64, delta -0.03 < -0.01 " + "x".repeat(40));
        }
        Path art = artifacts(tmp.resolve("art"), "model v1");
        registry.register(new RegisterRequest("credit-risk", art, Map.of("auc", 0.8), "WARNING", messages, null, Map.of(), "long"));

        JsonNode body = server.requests("POST", "model-versions/create").get(0).json();
        assertThat(body.path("tags")).allSatisfy(t -> assertThat(t.path("value").asText().length()).isLessThanOrEqualTo(5000));
        assertThat(tagsOf(body).get("mlgate.gate_messages")).startsWith("mlgate-chunks:");
        assertThat(registry.version("credit-risk", "1").orElseThrow().gateMessages()).isEqualTo(messages);
    }

    @Test
    void modelDirectoryRefusesArtifactsChangedAfterRegistration() {
        registerOne("model v1");
        server.tamper("model.tribuo", "evil".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> registry.modelDirectory("credit-risk", "1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("Version 1 of credit-risk at " + server.trackingUri() + " does not match what was registered: "
                        + "model.tribuo has sha256 " + Digests.sha256("evil") + ", registered " + Digests.sha256("model v1"));
    }

    @Test
    void aCachedVersionIsServedWithoutDownloadingAgain() {
        registerOne("model v1");
        Path first = registry.modelDirectory("credit-risk", "1");
        int downloads = server.requests("GET", "model.tribuo").size();

        Path second = registry.modelDirectory("credit-risk", "1");

        assertThat(second).isEqualTo(first);
        assertThat(server.requests("GET", "model.tribuo")).hasSize(downloads);
    }

    @Test
    void historyIsReadAcrossPagesOldestFirstAndAnswersWhatWasLiveWhen() {
        registerOne("model v1");
        registerOne("model v2");
        server.runsPageSize = 2;
        registry.promote("credit-risk", "1", "production", "first", null, null);
        registry.appendHistory(new HistoryEntry(Instant.parse("2024-06-01T12:00:01Z"), "credit-risk", "deploy", "2", "production", "1",
                "deployer", "canary ok", Map.of("ci_job_url", "https://gitlab.example.com/jobs/9")));

        List<HistoryEntry> history = registry.history("credit-risk");

        assertThat(history).extracting(HistoryEntry::action).containsExactly("register", "register", "promote", "deploy");
        assertThat(registry.aliasAt("credit-risk", "production", Instant.parse("2024-06-01T12:00:00Z"))).contains("1");
        assertThat(registry.aliasAt("credit-risk", "production", Instant.parse("2024-06-01T12:00:05Z"))).contains("2");
    }

    @Test
    void appendHistoryForAnUnknownModelNamesTheKnownOnes() {
        registerOne("model v1");

        assertThatThrownBy(() -> registry.appendHistory(new HistoryEntry(null, "fraud", "deploy", "1", "production", null, null, "x", null)))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Cannot record 'deploy' for fraud: no such model in registry " + server.trackingUri()
                        + " (models: credit-risk); register it first or check the model name");
    }

    @Test
    void unknownModelsAndVersionsAreEmpty() {
        assertThat(registry.version("credit-risk", "1")).isEmpty();
        assertThat(registry.alias("credit-risk", "production")).isEmpty();
        assertThat(registry.versions("credit-risk")).isEmpty();
        assertThat(registry.history("credit-risk")).isEmpty();
        assertThat(registry.version("credit-risk", "1.0.0")).isEmpty();
    }

    @Test
    void reservedTagNamesAreRejectedBeforeAnythingIsSent() {
        Path art = artifacts(tmp.resolve("art"), "model v1");

        assertThatThrownBy(() -> registry.register(new RegisterRequest("credit-risk", art, Map.of(), null, null, null,
                Map.of("mlgate.sha256", "x"), null)))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Cannot register credit-risk: tag 'mlgate.sha256' is reserved (mlgate.* and gitlab.* are set by mlgate, "
                        + "<key>#<n> holds split values); rename or drop it");
        assertThat(server.requests).isEmpty();
    }
}
