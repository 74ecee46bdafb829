package io.mlgate.core.registry;

import static io.mlgate.core.registry.RegistryFixtures.artifacts;
import static io.mlgate.core.registry.RegistryFixtures.copyTree;
import static io.mlgate.core.registry.RegistryFixtures.lines;
import static io.mlgate.core.registry.RegistryFixtures.read;
import static io.mlgate.core.registry.RegistryFixtures.registry;
import static io.mlgate.core.registry.RegistryFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgate.core.config.ConfigLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted formats: round trips, and the checked-in first format keeps loading. */
class RegistryFormatTest {

    @TempDir
    Path tmp;

    @Test
    void versionJsonRoundTripsEveryField() throws Exception {
        VersionFile file = new VersionFile(1, "credit-risk", "3", Instant.parse("2024-06-01T12:00:00Z"), "abc",
                Map.of("model.tribuo", "abc", "report/x.json", "def"), Map.of("auc", 0.8123, "f1", 0.4), "WARNING",
                List.of("[champion - f1]: WARNING - candidate 0.4000, champion 0.4100, delta -0.0100 < -0.005"),
                RegistryFixtures.lineage(), Map.of("team", "risk"), "retrain");

        String json = RegistryJson.pretty(file);

        assertThat(RegistryJson.read(json, VersionFile.class)).isEqualTo(file);
        assertThat(json).contains("\"created\" : \"2024-06-01T12:00:00Z\"", "\"gate_status\" : \"WARNING\"", "\"git_commit\" : ");
    }

    @Test
    void indexJsonRoundTrips() throws Exception {
        IndexFile index = IndexFile.empty("credit-risk")
                .withVersion(new IndexFile.Entry("2", Instant.parse("2024-06-02T00:00:00Z"), "def", "PASSED"))
                .withVersion(new IndexFile.Entry("1", Instant.parse("2024-06-01T00:00:00Z"), "abc", null))
                .withAlias("production", "1");

        IndexFile back = RegistryJson.read(RegistryJson.pretty(index), IndexFile.class);

        assertThat(back).isEqualTo(index);
        assertThat(back.versions()).extracting(IndexFile.Entry::version).containsExactly("1", "2");
    }

    @Test
    void aHistoryLineIsOneLineOfJsonAndRoundTrips() throws Exception {
        HistoryEntry entry = new HistoryEntry(Instant.parse("2024-06-01T12:00:00.123Z"), "credit-risk", "promote", "2", "production", "1",
                "alice", "better auc\nsee ticket", Map.of("approval.approver", "bob"));

        String line = RegistryJson.line(entry);

        assertThat(line).doesNotContain("\n").startsWith("{\"at\":\"2024-06-01T12:00:00.123Z\",\"model\":\"credit-risk\",\"action\":\"promote\"");
        assertThat(RegistryJson.read(line, HistoryEntry.class)).isEqualTo(entry);
    }

    @Test
    void apiRecordsSerializeWithThePlainSharedMapper() throws Exception {
        ModelVersion version = registry(tmp.resolve("r")).register(request("credit-risk", artifacts(tmp.resolve("art"), "m")));

        String json = ConfigLoader.jsonMapper().writeValueAsString(version);

        assertThat(ConfigLoader.jsonMapper().readValue(json, ModelVersion.class)).isEqualTo(version);
    }

    @Test
    void writtenFilesAreValidJsonWithFormatOne() throws Exception {
        Path root = tmp.resolve("r");
        registry(root).register(request("credit-risk", artifacts(tmp.resolve("art"), "m")));

        JsonNode version = ConfigLoader.jsonMapper().readTree(read(root.resolve("credit-risk/versions/1/version.json")));
        JsonNode index = ConfigLoader.jsonMapper().readTree(read(root.resolve("credit-risk/index.json")));
        JsonNode history = ConfigLoader.jsonMapper().readTree(lines(root.resolve("credit-risk/history.jsonl")).get(0));

        assertThat(version.get("format").asInt()).isEqualTo(1);
        assertThat(version.get("model").asText()).isEqualTo("credit-risk");
        assertThat(index.get("format").asInt()).isEqualTo(1);
        assertThat(index.get("versions").get(0).get("version").asText()).isEqualTo("1");
        assertThat(history.get("action").asText()).isEqualTo("register");
    }

    @Test
    void unknownKeysFromANewerWriterAreIgnored() throws Exception {
        String json = "{\"at\":\"2024-06-01T12:00:00Z\",\"model\":\"m\",\"action\":\"deploy\",\"canary_percent\":10}";

        assertThat(RegistryJson.read(json, HistoryEntry.class).action()).isEqualTo("deploy");
    }

    @Test
    void theFirstFormatFixtureKeepsLoading() throws URISyntaxException {
        Path root = tmp.resolve("registry");
        copyTree(Path.of(getClass().getResource("/registry/v1").toURI()), root);
        FileModelRegistry registry = registry(root);

        assertThat(registry.models()).containsExactly("credit-risk");
        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::version).containsExactly("1", "2");
        ModelVersion production = registry.alias("credit-risk", "production").orElseThrow();
        assertThat(production.version()).isEqualTo("1");
        assertThat(production.created()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(production.metrics()).containsExactly(Map.entry("auc", 0.8012), Map.entry("f1", 0.41));
        assertThat(production.lineage().gitBranch()).isEqualTo("main");
        assertThat(production.lineage().extra()).containsEntry("tribuo_version", "4.3.2");
        assertThat(production.tags()).containsEntry("team", "risk");
        assertThat(registry.alias("credit-risk", "staging").orElseThrow().files()).containsOnlyKeys("model.tribuo", "report/metrics.json");
        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::action).containsExactly("register", "promote", "register", "promote");
        assertThat(registry.history("credit-risk").get(1).details()).containsEntry("approval.approver", "bob");
        assertThat(registry.modelDirectory("credit-risk", "2")).isEqualTo(root.resolve("credit-risk/versions/2"));
    }

    @Test
    void aFirstFormatRegistryTakesNewVersions() throws URISyntaxException {
        Path root = tmp.resolve("registry");
        copyTree(Path.of(getClass().getResource("/registry/v1").toURI()), root);

        ModelVersion v3 = registry(root).register(request("credit-risk", artifacts(tmp.resolve("art"), "m")));

        assertThat(v3.version()).isEqualTo("3");
        assertThat(registry(root).alias("credit-risk", "production").orElseThrow().version()).isEqualTo("1");
    }
}
