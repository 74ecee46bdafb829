package io.mlgate.core.deploy;

import static io.mlgate.core.deploy.DeployFixtures.MODEL;
import static io.mlgate.core.deploy.DeployFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.registry.FileModelRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "What was in production at time T", with a clock the test moves between changes. */
class DeploymentLedgerTest {
    @TempDir
    Path dir;

    final DeployFixtures.MutableClock clock = new DeployFixtures.MutableClock("2026-12-01T09:00:00Z");
    FileModelRegistry registry;
    FakeModelServer server;
    Deployer deployer;
    DeploymentLedger ledger;

    @BeforeEach
    void start() throws Exception {
        registry = DeployFixtures.registry(dir.resolve("registry"), clock, 3);
        server = new FakeModelServer(registry, TOKEN);
        deployer = new Deployer(registry, new LocalServerTarget(URI.create(server.url()), TOKEN, Duration.ofSeconds(10)),
                DeployFixtures.smoke(registry, 2), clock);
        ledger = new DeploymentLedger(registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void at(String time, Strategy strategy, String version, int percent) {
        clock.set(time);
        deployer.deploy(new DeployRequest(MODEL, "production", strategy, version, percent, strategy.id() + " " + version, "alice"));
    }

    private TrafficSplit inProductionAt(String time) {
        return ledger.at(MODEL, "production", Instant.parse(time)).map(LedgerState::traffic).orElse(TrafficSplit.none());
    }

    @Test
    void answersWhatWasInProductionAtAnyTime() {
        at("2026-12-01T09:00:00Z", Strategy.REPLACE, "1", 0);
        at("2026-12-03T09:00:00Z", Strategy.CANARY, "2", 10);
        at("2026-12-05T09:00:00Z", Strategy.PROMOTE, null, 0);
        at("2026-12-07T09:00:00Z", Strategy.ROLLBACK, null, 0);

        assertThat(inProductionAt("2026-11-30T00:00:00Z")).isEqualTo(TrafficSplit.none());
        assertThat(inProductionAt("2026-12-01T09:00:00Z")).isEqualTo(TrafficSplit.only("1"));
        assertThat(inProductionAt("2026-12-04T12:00:00Z")).isEqualTo(new TrafficSplit("1", "2", 10, null));
        assertThat(inProductionAt("2026-12-05T10:00:00Z")).isEqualTo(TrafficSplit.only("2"));
        assertThat(inProductionAt("2026-12-08T00:00:00Z")).isEqualTo(new TrafficSplit("1", "2", 10, null));
    }

    @Test
    void theStateAtTimeTNamesWhoPutItThereAndWhy() {
        at("2026-12-01T09:00:00Z", Strategy.REPLACE, "1", 0);

        LedgerState state = ledger.at(MODEL, "production", Instant.parse("2026-12-05T10:00:00Z")).orElseThrow();

        assertThat(state.describe()).isEqualTo("stable 1 (deploy by alice at 2026-12-01T09:00:00Z on local: replace 1)");
    }

    @Test
    void theRegistryAliasAtTimeTAgreesWithTheLedger() {
        at("2026-12-01T09:00:00Z", Strategy.REPLACE, "1", 0);
        at("2026-12-03T09:00:00Z", Strategy.REPLACE, "2", 0);

        assertThat(registry.aliasAt(MODEL, "production", Instant.parse("2026-12-02T00:00:00Z"))).contains("1");
        assertThat(registry.aliasAt(MODEL, "production", Instant.parse("2026-12-04T00:00:00Z"))).contains("2");
    }

    @Test
    void anAutomaticRollbackKeepsTheStateThatServedAtThatTime() {
        at("2026-12-01T09:00:00Z", Strategy.REPLACE, "1", 0);
        server.sabotaged.add("2");
        at("2026-12-03T09:00:00Z", Strategy.REPLACE, "2", 0);

        assertThat(inProductionAt("2026-12-04T00:00:00Z")).isEqualTo(TrafficSplit.only("1"));
    }

    @Test
    void twoRollbacksInARowGoTwoStepsBack() {
        at("2026-12-01T09:00:00Z", Strategy.REPLACE, "1", 0);
        at("2026-12-02T09:00:00Z", Strategy.REPLACE, "2", 0);
        at("2026-12-03T09:00:00Z", Strategy.REPLACE, "3", 0);

        at("2026-12-04T09:00:00Z", Strategy.ROLLBACK, null, 0);
        assertThat(ledger.rollbackTarget(MODEL, "production")).contains(TrafficSplit.only("1"));
        at("2026-12-05T09:00:00Z", Strategy.ROLLBACK, null, 0);

        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.only("1"));
        assertThat(ledger.rollbackTarget(MODEL, "production")).isEmpty();
    }

    @Test
    void environmentsHaveSeparateLedgers() {
        at("2026-12-01T09:00:00Z", Strategy.REPLACE, "1", 0);

        assertThat(ledger.entries(MODEL, "staging")).isEmpty();
        assertThat(ledger.entries(MODEL, "production")).hasSize(1);
    }
}
