package io.mlgate.core.registry;

import static io.mlgate.core.registry.RegistryFixtures.CLOCK;
import static io.mlgate.core.registry.RegistryFixtures.artifacts;
import static io.mlgate.core.registry.RegistryFixtures.lines;
import static io.mlgate.core.registry.RegistryFixtures.read;
import static io.mlgate.core.registry.RegistryFixtures.registry;
import static io.mlgate.core.registry.RegistryFixtures.request;
import static io.mlgate.core.registry.RegistryFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.util.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryTest {

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("registry");
    }

    private ModelVersion registerOne(FileModelRegistry registry, String modelText) {
        return registry.register(request("credit-risk", artifacts(tmp.resolve("art-" + modelText.hashCode()), modelText)));
    }

    @Test
    void registerCopiesEveryFileWithItsDigestAndNumbersTheVersionOne() {
        Path art = artifacts(tmp.resolve("art"), "model v1");

        ModelVersion v = registry(root()).register(request("credit-risk", art));

        Path dir = root().resolve("credit-risk/versions/1");
        assertThat(v.version()).isEqualTo("1");
        assertThat(v.created()).isEqualTo(CLOCK.instant());
        assertThat(read(dir.resolve("model.tribuo"))).isEqualTo("model v1");
        assertThat(read(dir.resolve("report/metrics.json"))).isEqualTo("{\"auc\":0.8}\n");
        assertThat(v.files()).containsOnlyKeys("model.tribuo", "report/metrics.json")
                .containsEntry("model.tribuo", Digests.sha256("model v1"));
        assertThat(v.sha256()).isEqualTo(Digests.sha256("model v1"));
        assertThat(dir.resolve("version.json")).isRegularFile();
        assertThat(v.metrics()).containsEntry("auc", 0.81);
        assertThat(v.gateStatus()).isEqualTo("PASSED");
        assertThat(v.lineage().gitCommit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(v.aliases()).isEmpty();
    }

    @Test
    void versionsWithoutModelFileAreDigestedByTheirManifest() {
        Path art = tmp.resolve("art");
        write(art.resolve("weights.bin"), "w");

        ModelVersion v = registry(root()).register(request("credit-risk", art));

        assertThat(v.sha256()).isEqualTo(Digests.sha256(Digests.sha256("w") + "  weights.bin\n"));
    }

    @Test
    void versionsAreNumberedInOrderAndListedOldestFirst() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registerOne(registry, "b");
        registerOne(registry, "c");

        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::version).containsExactly("1", "2", "3");
        assertThat(registry.models()).containsExactly("credit-risk");
    }

    @Test
    void registeringNeverChangesAnExistingVersionsFiles() throws IOException {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "first");
        Path v1 = root().resolve("credit-risk/versions/1");
        Map<String, String> before = snapshot(v1);

        registerOne(registry, "second");
        registerOne(registry, "third");

        assertThat(snapshot(v1)).isEqualTo(before);
        assertThat(registry.version("credit-risk", "1")).get().extracting(ModelVersion::sha256).isEqualTo(Digests.sha256("first"));
    }

    @Test
    void registeringWritesAHistoryLineWithDescriptionAsReason() {
        registerOne(registry(root()), "a");

        List<HistoryEntry> history = registry(root()).history("credit-risk");

        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("register");
            assertThat(e.version()).isEqualTo("1");
            assertThat(e.actor()).isEqualTo("ci-bot");
            assertThat(e.reason()).isEqualTo("nightly retrain");
            assertThat(e.details()).containsEntry("sha256", Digests.sha256("a")).containsEntry("gate_status", "PASSED");
        });
    }

    @Test
    void aStagingDirectoryIsNeverLeftBehind() throws IOException {
        registerOne(registry(root()), "a");

        try (Stream<Path> children = Files.list(root().resolve("credit-risk"))) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("versions", "index.json", "history.jsonl", ".lock");
        }
    }

    @Test
    void promoteMovesTheAliasAndRecordsWhoWhyAndApproval() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registerOne(registry, "b");
        registry.promote("credit-risk", "1", "production", "first release", "alice", null);

        AliasChange change = registry.promote("credit-risk", "2", "production", "better auc", "bob", Map.of("approver", "carol"));

        assertThat(change.changed()).isTrue();
        assertThat(change.summary()).isEqualTo("credit-risk production: 1 -> 2");
        assertThat(registry.alias("credit-risk", "production")).get().extracting(ModelVersion::version).isEqualTo("2");
        HistoryEntry last = registry.history("credit-risk").get(3);
        assertThat(last).isEqualTo(change.entry());
        assertThat(last.action()).isEqualTo("promote");
        assertThat(last.alias()).isEqualTo("production");
        assertThat(last.previousVersion()).isEqualTo("1");
        assertThat(last.version()).isEqualTo("2");
        assertThat(last.actor()).isEqualTo("bob");
        assertThat(last.reason()).isEqualTo("better auc");
        assertThat(last.details()).containsEntry("approval.approver", "carol")
                .containsEntry("ci_job_url", "https://jenkins.example/job/credit/7/");
    }

    @Test
    void promoteWithoutActorRecordsTheDetectedCiUser() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");

        AliasChange change = registry.promote("credit-risk", "1", "staging", "smoke test", null, null);

        assertThat(change.entry().actor()).isEqualTo("ci-bot");
    }

    @Test
    void promoteToTheVersionTheAliasAlreadyHasIsANoOpWithANote() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registry.promote("credit-risk", "1", "production", "release", "alice", null);

        AliasChange again = registry.promote("credit-risk", "1", "production", "release again", "alice", null);

        assertThat(again.changed()).isFalse();
        assertThat(again.summary()).isEqualTo("credit-risk production already at version 1; nothing changed");
        assertThat(again.entry().details()).containsEntry("note", "production already points at version 1; nothing changed");
        assertThat(registry.history("credit-risk")).hasSize(2);
    }

    @Test
    void promoteOfAnUnknownVersionNamesModelVersionAndTheExistingOnes() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registerOne(registry, "b");

        assertThatThrownBy(() -> registry.promote("credit-risk", "7", "production", "go", "alice", null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Model credit-risk has no version 7; existing versions: 1, 2");
    }

    @Test
    void promoteOfAModelWithoutVersionsSaysSo() {
        assertThatThrownBy(() -> registry(root()).promote("fraud", "1", "production", "go", "alice", null))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("Model fraud has no version 1: it has no versions in registry " + root())
                .hasMessageEndingWith("(the registry is empty); register one first or check the model name");
    }

    @Test
    void promoteNeedsAReason() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");

        assertThatThrownBy(() -> registry.promote("credit-risk", "1", "production", " ", "alice", null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Moving production of credit-risk to version 1 needs a reason (why this version goes to production); "
                        + "aliases move only with an audited reason");
    }

    @Test
    void customAliasesAreAcceptedAndInvalidOnesRejectedWithTheRule() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");

        registry.promote("credit-risk", "1", "eu-shadow", "mirror traffic", "alice", null);

        assertThat(registry.alias("credit-risk", "eu-shadow")).isPresent();
        assertThatThrownBy(() -> registry.promote("credit-risk", "1", "Prod", "x", "alice", null))
                .hasMessage("Alias 'Prod' is not valid: use candidate, staging, production or a custom lower-case name matching [a-z][a-z0-9-]{0,62}");
    }

    @Test
    void aliasLookupReturnsTheVersionWithAllItsAliases() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registerOne(registry, "b");
        registry.promote("credit-risk", "2", "staging", "try", "alice", null);
        registry.promote("credit-risk", "2", "candidate", "new", "alice", null);

        assertThat(registry.alias("credit-risk", "staging")).get().satisfies(v -> {
            assertThat(v.version()).isEqualTo("2");
            assertThat(v.aliases()).containsExactly("candidate", "staging");
        });
        assertThat(registry.alias("credit-risk", "production")).isEmpty();
        assertThat(registry.version("credit-risk", "1").orElseThrow().aliases()).isEmpty();
    }

    @Test
    void unknownVersionsAndModelsAreEmptyForLookups() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");

        assertThat(registry.version("credit-risk", "9")).isEmpty();
        assertThat(registry.version("credit-risk", "../1")).isEmpty();
        assertThat(registry.versions("fraud")).isEmpty();
        assertThat(registry.history("fraud")).isEmpty();
    }

    @Test
    void demoteRemovesTheAliasAndIsAuditable() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registry.promote("credit-risk", "1", "production", "release", "alice", null);

        AliasChange change = registry.demote("credit-risk", "production", "bad predictions", "bob");

        assertThat(change.changed()).isTrue();
        assertThat(change.previousVersion()).isEqualTo("1");
        assertThat(registry.alias("credit-risk", "production")).isEmpty();
        assertThat(registry.history("credit-risk")).last().extracting(HistoryEntry::action, HistoryEntry::reason)
                .containsExactly("demote", "bad predictions");
    }

    @Test
    void appendHistoryRecordsDeployEntriesAndAliasAtAnswersWhatWasLiveWhen() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registerOne(registry, "b");
        Instant t1 = Instant.parse("2024-06-02T00:00:00Z");
        Instant t2 = Instant.parse("2024-06-03T00:00:00Z");
        registry.appendHistory(new HistoryEntry(t1, "credit-risk", "deploy", "1", "production", null, null, "release", Map.of("target", "local")));
        registry.appendHistory(new HistoryEntry(t2, "credit-risk", "deploy", "2", "production", "1", "bob", "next", Map.of()));

        assertThat(registry.history("credit-risk")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("deploy");
            assertThat(e.actor()).isEqualTo("bob");
        });
        assertThat(registry.history("credit-risk").get(2).actor()).isEqualTo("ci-bot");
        assertThat(registry.aliasAt("credit-risk", "production", t1.minusSeconds(1))).isEmpty();
        assertThat(registry.aliasAt("credit-risk", "production", t1.plusSeconds(60))).contains("1");
        assertThat(registry.aliasAt("credit-risk", "production", t2)).contains("2");
    }

    @Test
    void appendHistoryForAnUnknownModelNamesTheKnownOnes() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");

        assertThatThrownBy(() -> registry.appendHistory(new HistoryEntry(null, "credit_risk", "deploy", "1", null, null, null, null, null)))
                .hasMessage("Cannot record 'deploy' for credit_risk: no such model in registry " + root()
                        + " (models: credit-risk); register it first or check the model name");
    }

    @Test
    void modelDirectoryGivesTheVersionFilesBack() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");

        Path dir = registry.modelDirectory("credit-risk", "1");

        assertThat(read(dir.resolve("model.tribuo"))).isEqualTo("a");
    }

    @Test
    void modelDirectoryRefusesFilesChangedAfterRegistration() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        write(root().resolve("credit-risk/versions/1/model.tribuo"), "tampered");

        assertThatThrownBy(() -> registry.modelDirectory("credit-risk", "1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("Version 1 of credit-risk in " + root().resolve("credit-risk/versions/1") + " was changed after registration: "
                        + "model.tribuo has sha256 " + Digests.sha256("tampered") + ", registered " + Digests.sha256("a"))
                .hasMessageEndingWith("Restore the files from a backup or register a new version.");
    }

    @Test
    void aCorruptIndexIsRebuiltWithAliasesFromTheHistoryAndTheRepairIsRecorded() throws IOException {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        registerOne(registry, "b");
        registry.promote("credit-risk", "1", "production", "release", "alice", null);
        registry.promote("credit-risk", "2", "staging", "try", "alice", null);
        Path index = root().resolve("credit-risk/index.json");
        write(index, "{ not json");

        assertThat(registry.alias("credit-risk", "production")).get().extracting(ModelVersion::version).isEqualTo("1");
        ModelVersion v3 = registerOne(registry, "c");

        assertThat(v3.version()).isEqualTo("3");
        assertThat(RegistryJson.read(index, IndexFile.class).aliases()).containsEntry("production", "1").containsEntry("staging", "2");
        assertThat(RegistryJson.read(index, IndexFile.class).versions()).extracting(IndexFile.Entry::version).containsExactly("1", "2", "3");
        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::action)
                .containsExactly("register", "register", "promote", "promote", "repair", "register");
        try (Stream<Path> files = Files.list(index.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.json.corrupt-"));
        }
    }

    @Test
    void aVersionMissingFromTheIndexIsAddedBackOnTheNextWrite() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        Path index = root().resolve("credit-risk/index.json");
        String indexWithOneVersion = read(index);
        registerOne(registry, "b");
        write(index, indexWithOneVersion); // as if a writer died between the rename and the index write

        registerOne(registry, "c");

        assertThat(read(index)).contains("\"version\" : \"2\"").contains("\"version\" : \"3\"");
    }

    @Test
    void aTornHistoryLineDoesNotHideLaterEntries() {
        FileModelRegistry registry = registry(root());
        registerOne(registry, "a");
        Path history = root().resolve("credit-risk/history.jsonl");
        write(history, read(history) + "{\"at\":\"2024-06-01T12:");

        registry.promote("credit-risk", "1", "production", "release", "alice", null);

        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::action).containsExactly("register", "promote");
        assertThat(lines(history)).hasSize(3);
    }

    @Test
    void invalidModelNamesAreRejectedWithThePattern() {
        assertThatThrownBy(() -> registry(root()).register(request("Credit Risk", artifacts(tmp.resolve("art"), "a"))))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Model name 'Credit Risk' is not valid: use lower-case letters, digits, '.', '_' and '-' "
                        + "(pattern [a-z0-9][a-z0-9._-]{0,63}), e.g. credit-risk");
    }

    @Test
    void aMissingArtifactDirectoryIsNamed() {
        Path missing = tmp.resolve("nope");

        assertThatThrownBy(() -> registry(root()).register(request("credit-risk", missing)))
                .hasMessage("Cannot register credit-risk: artifact directory " + missing
                        + " does not exist; pass the directory the trainer wrote (holding model.tribuo)");
    }

    @Test
    void nonFiniteMetricsAreRejectedByName() {
        Path art = artifacts(tmp.resolve("art"), "a");
        RegisterRequest nan = new RegisterRequest("credit-risk", art, Map.of("f1", Double.NaN), null, null, null, null, null);

        assertThatThrownBy(() -> registry(root()).register(nan))
                .hasMessage("Cannot register credit-risk: metrics must be finite numbers, got f1=NaN; "
                        + "leave an undefined metric out (and say why in the gate messages)");
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
                    p -> dir.relativize(p).toString(), p -> Digests.sha256(p) + "@" + lastModified(p)));
        }
    }

    private static String lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
