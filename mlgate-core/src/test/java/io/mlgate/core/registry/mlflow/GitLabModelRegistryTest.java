package io.mlgate.core.registry.mlflow;

import static io.mlgate.core.registry.RegistryFixtures.artifacts;
import static io.mlgate.core.registry.RegistryFixtures.read;
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
import io.mlgate.core.registry.RegistryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend against GitLab's MLflow-compatible model registry and its documented deviations. */
class GitLabModelRegistryTest {

    @TempDir
    Path tmp;
    FakeMlflowServer server;
    MlflowModelRegistry registry;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMlflowServer(FakeMlflowServer.Mode.GITLAB);
        server.requiredAuthorization = "Bearer " + TOKEN;
        registry = registry(server, tmp.resolve("cache"), env("CI_JOB_ID", "9001"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelVersion registerOne(String modelText) {
        return registry.register(request("credit-risk", artifacts(tmp.resolve("art-" + modelText.hashCode()), modelText)));
    }

    private static Map<String, String> tagsOf(JsonNode body) {
        Map<String, String> tags = new TreeMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return tags;
    }

    @Test
    void aGitLabProjectPathIsDetectedAsGitLab() {
        assertThat(registry.flavor()).isEqualTo(MlflowFlavor.GITLAB);
        assertThat(registry.trackingUri().getPath()).isEqualTo("/api/v4/projects/42/ml/mlflow");
    }

    @Test
    void versionsAreSemVerNumberedLikeGitLabsOwnAutoIncrement() {
        assertThat(registerOne("model v1").version()).isEqualTo("1.0.0");
        assertThat(registerOne("model v2").version()).isEqualTo("2.0.0");
        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::version).containsExactly("1.0.0", "2.0.0");
    }

    @Test
    void registerSendsTheVersionAsGitLabVersionTagAndNothingGitLabIgnores() {
        registerOne("model v1");

        assertThat(server.lines()).containsExactly(
                "GET /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/registered-models/get",
                "POST /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/registered-models/create",
                "GET /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/registered-models/get",
                "POST /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/model-versions/create",
                "GET /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/runs/get",
                "PUT /api/v4/projects/42/packages/ml_models/100/files/model.tribuo",
                "PUT /api/v4/projects/42/packages/ml_models/100/files/report/metrics.json",
                "POST /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/runs/set-tag",
                "GET /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/experiments/get-by-name",
                "POST /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/experiments/create",
                "POST /api/v4/projects/42/ml/mlflow/api/2.0/mlflow/runs/create");
        assertThat(server.requests("POST", "registered-models/create").get(0).body()).isEqualTo("{\"name\":\"credit-risk\"}");
        JsonNode create = server.requests("POST", "model-versions/create").get(0).json();
        assertThat(create.has("run_id")).as("run_id is ignored by GitLab").isFalse();
        assertThat(create.has("source")).as("source is ignored by GitLab").isFalse();
        assertThat(tagsOf(create)).containsEntry("gitlab.version", "1.0.0").containsKeys("mlgate.sha256", "mlgate.files", "mlgate.lineage");
        assertThat(create.path("tags")).allSatisfy(t -> assertThat(t.path("value").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(5000));
        assertThat(server.requests("POST", "runs/set-tag").get(0).json().path("key").asText()).isEqualTo("gitlab.CI_JOB_ID");
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void aliasesAreEmulatedFromTheHistoryWithoutCallingTheMissingAliasEndpoints() {
        registerOne("model v1");
        registerOne("model v2");

        AliasChange first = registry.promote("credit-risk", "1.0.0", "production", "first release", "alice", null);
        AliasChange second = registry.promote("credit-risk", "2", "production", "beats champion", "alice", Map.of("ticket", "CHG-7"));

        assertThat(first.summary()).isEqualTo("credit-risk production: (none) -> 1.0.0");
        assertThat(second.summary()).isEqualTo("credit-risk production: 1.0.0 -> 2.0.0");
        ModelVersion live = registry.alias("credit-risk", "production").orElseThrow();
        assertThat(live.version()).isEqualTo("2.0.0");
        assertThat(live.aliases()).containsExactly("production");
        assertThat(registry.version("credit-risk", "1.0.0").orElseThrow().aliases()).isEmpty();
        assertThat(server.lines()).noneMatch(l -> l.endsWith("registered-models/alias") || l.endsWith("model-versions/search")
                || l.endsWith("set-tag") && !l.contains("runs/"));
    }

    @Test
    void demoteClearsTheEmulatedAlias() {
        registerOne("model v1");
        registry.promote("credit-risk", "1", "production", "go", null, null);

        AliasChange change = registry.demote("credit-risk", "production", "incident 42", "alice");

        assertThat(change.summary()).isEqualTo("credit-risk production: 1.0.0 -> (none)");
        assertThat(registry.alias("credit-risk", "production")).isEmpty();
        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::action).containsExactly("register", "promote", "demote");
    }

    @Test
    void registerPromoteHistoryAndModelDirectoryRoundTrip() {
        registerOne("model v1");
        registerOne("model v2");
        registry.promote("credit-risk", "2.0.0", "production", "beats champion", null, null);

        ModelVersion v2 = registry.version("credit-risk", "2.0.0").orElseThrow();
        Path dir = registry.modelDirectory("credit-risk", "2.0.0");

        assertThat(v2.created()).isEqualTo(MlflowFixtures.CLOCK.instant());
        assertThat(v2.metrics()).containsEntry("auc", 0.81);
        assertThat(v2.tags()).containsExactly(Map.entry("team", "risk"));
        assertThat(read(dir.resolve("model.tribuo"))).isEqualTo("model v2");
        assertThat(read(dir.resolve("report/metrics.json"))).isEqualTo("{\"auc\":0.8}\n");
        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::action, HistoryEntry::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("register", "1.0.0"), org.assertj.core.groups.Tuple.tuple("register", "2.0.0"),
                        org.assertj.core.groups.Tuple.tuple("promote", "2.0.0"));
    }

    @Test
    void aVersionTakenByAConcurrentWriterIsRetriedWithTheNextNumber() {
        registerOne("model v1");
        server.takeNextVersion = true;

        ModelVersion v = registerOne("model v2");

        assertThat(v.version()).isEqualTo("3.0.0");
        assertThat(server.requests("POST", "model-versions/create")).hasSize(3);
        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::version).containsExactly("1.0.0", "2.0.0", "3.0.0");
    }

    @Test
    void versionsOfOtherClientsAreReadWithGitLabsSecondTimestampsAndRefusedAsModelDirectories() {
        server.addForeignVersion("credit-risk", "0.3.1", 1_700_000_000L);

        ModelVersion foreign = registry.version("credit-risk", "0.3.1").orElseThrow();

        assertThat(foreign.created()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(foreign.files()).isEmpty();
        assertThatThrownBy(() -> registry.modelDirectory("credit-risk", "0.3.1"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Version 0.3.1 of credit-risk at " + server.trackingUri() + " has no mlgate.files tag, so it was not "
                        + "registered by mlgate (or its tags were removed); register the model with mlgate");
        assertThat(registerOne("model v1").version()).as("numbering continues after the highest major").isEqualTo("1.0.0");
    }

    @Test
    void anUnknownVersionListsTheSemVerOnes() {
        registerOne("model v1");

        assertThatThrownBy(() -> registry.promote("credit-risk", "4", "production", "go", null, null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Model credit-risk has no version 4; existing versions: 1.0.0 (GitLab versions are SemVer)");
    }

    @Test
    void anInterruptedUploadLeavesAVersionWhoseModelDirectoryNamesTheMissingFile() {
        registerOne("model v1");
        server.files.keySet().removeIf(k -> k.endsWith("report/metrics.json"));

        assertThatThrownBy(() -> registry.modelDirectory("credit-risk", "1.0.0"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("report/metrics.json is missing (" + server.root() + "/api/v4/projects/42/packages/ml_models/100/files/report/metrics.json)")
                .hasMessageEndingWith("Its files were changed after registration or the registration was interrupted; register a new version.");
    }
}
