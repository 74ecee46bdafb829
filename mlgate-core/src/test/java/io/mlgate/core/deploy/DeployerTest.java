package io.mlgate.core.deploy;

import static io.mlgate.core.deploy.DeployFixtures.MODEL;
import static io.mlgate.core.deploy.DeployFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.FileModelRegistry;
import io.mlgate.core.registry.HistoryEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployerTest {
    @TempDir
    Path dir;

    final DeployFixtures.MutableClock clock = new DeployFixtures.MutableClock("2026-12-01T09:00:00Z");
    FileModelRegistry registry;
    FakeModelServer server;
    LocalServerTarget target;
    Deployer deployer;

    @BeforeEach
    void start() throws Exception {
        registry = DeployFixtures.registry(dir.resolve("registry"), clock, 3);
        server = new FakeModelServer(registry, TOKEN);
        target = new LocalServerTarget(URI.create(server.url()), TOKEN, Duration.ofSeconds(10));
        deployer = new Deployer(registry, target, DeployFixtures.smoke(registry, 5), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeployOutcome deploy(Strategy strategy, String version, int percent, String reason) {
        return deployer.deploy(new DeployRequest(MODEL, "production", strategy, version, percent, reason, "alice"));
    }

    private List<HistoryEntry> ledger() {
        return registry.history(MODEL).stream().filter(e -> "production".equals(e.alias())).toList();
    }

    @Test
    void aReplaceDeploysSmokeChecksAndRecordsWhoWhenWhyAndTheTraffic() {
        DeployOutcome outcome = deploy(Strategy.REPLACE, "1", 0, "CAB-1234");

        assertThat(outcome.status()).isEqualTo(GateStatus.PASSED);
        assertThat(outcome.messages()).containsExactly("[deploy - production]: PASSED - credit-risk stable 1 (was nothing deployed) on local "
                + server.url() + "; smoke check: 5 of 5 rows match");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.only("1"));
        HistoryEntry entry = ledger().get(0);
        assertThat(entry.action()).isEqualTo("deploy");
        assertThat(entry.version()).isEqualTo("1");
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.reason()).isEqualTo("CAB-1234");
        assertThat(entry.at()).isEqualTo(clock.instant());
        assertThat(entry.details()).containsEntry("traffic", "{\"stable\":\"1\",\"canary_percent\":0}")
                .containsEntry("target", "local").containsEntry("strategy", "replace").containsEntry("endpoint", server.url())
                .containsEntry("smoke_check", "smoke check: 5 of 5 rows match");
    }

    @Test
    void aModelThatFailsTheSmokeCheckIsRolledBackAutomatically() {
        deploy(Strategy.REPLACE, "1", 0, "first");
        server.sabotaged.add("2");

        DeployOutcome outcome = deploy(Strategy.REPLACE, "2", 0, "nightly retrain");

        assertThat(outcome.status()).isEqualTo(GateStatus.FAILED);
        assertThat(outcome.rolledBack()).isTrue();
        assertThat(outcome.messages().get(0))
                .matches("\\[deploy - production\\]: FAILED - smoke check: 5 of 5 rows differ \\(row 1: expected (good|bad), got (good|bad)\\); "
                        + "rolled back to stable 1");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.only("1"));
        assertThat(outcome.traffic()).isEqualTo(TrafficSplit.only("1"));
    }

    @Test
    void anAutomaticRollbackIsRecordedWithTheReason() {
        deploy(Strategy.REPLACE, "1", 0, "first");
        server.sabotaged.add("2");

        deploy(Strategy.REPLACE, "2", 0, "nightly retrain");

        HistoryEntry rollback = ledger().get(1);
        assertThat(rollback.action()).isEqualTo("rollback");
        assertThat(rollback.version()).isEqualTo("1");
        assertThat(rollback.previousVersion()).isEqualTo("2");
        assertThat(rollback.reason()).startsWith("automatic rollback: smoke check: 5 of 5 rows differ (row 1: expected ");
        assertThat(rollback.details()).containsEntry("automatic", "true").containsEntry("requested_reason", "nightly retrain")
                .containsEntry("failed_traffic", "{\"stable\":\"2\",\"canary_percent\":0}");
    }

    @Test
    void aFailedFirstDeployUndeploysAgain() {
        server.sabotaged.add("1");

        DeployOutcome outcome = deploy(Strategy.REPLACE, "1", 0, "first");

        assertThat(outcome.messages().get(0)).endsWith("; rolled back: undeployed (nothing was deployed before)");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.none());
    }

    @Test
    void aCanaryIsSmokeCheckedAgainstWhicheverVersionAnswered() {
        deploy(Strategy.REPLACE, "1", 0, "first");

        DeployOutcome outcome = deploy(Strategy.CANARY, "2", 50, "try 2");

        assertThat(outcome.status()).isEqualTo(GateStatus.PASSED);
        assertThat(outcome.messages().get(0)).startsWith("[deploy - production]: PASSED - credit-risk stable 1, canary 2 at 50% (was stable 1)");
    }

    @Test
    void promoteMovesTheCanaryToAllTrafficAndIsRecordedAsPromote() {
        deploy(Strategy.REPLACE, "1", 0, "first");
        deploy(Strategy.CANARY, "2", 10, "try 2");

        DeployOutcome outcome = deploy(Strategy.PROMOTE, null, 0, "canary looks good");

        assertThat(outcome.messages().get(0)).startsWith("[promote - production]: PASSED - credit-risk stable 2 (was stable 1, canary 2 at 10%)");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.only("2"));
        assertThat(ledger()).extracting(HistoryEntry::action).containsExactly("deploy", "deploy", "promote");
    }

    @Test
    void aManualRollbackGoesBackToThePreviousLedgerState() {
        deploy(Strategy.REPLACE, "1", 0, "first");
        deploy(Strategy.REPLACE, "2", 0, "second");

        DeployOutcome outcome = deploy(Strategy.ROLLBACK, null, 0, "complaints from the call centre");

        assertThat(outcome.messages().get(0)).startsWith("[rollback - production]: PASSED - credit-risk stable 1 (was stable 2)");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.only("1"));
        assertThat(ledger().get(2).reason()).isEqualTo("complaints from the call centre");
    }

    @Test
    void deployingTheStateThatIsAlreadyThereChangesNothing() {
        deploy(Strategy.REPLACE, "1", 0, "first");

        DeployOutcome outcome = deploy(Strategy.REPLACE, "1", 0, "again");

        assertThat(outcome.messages()).containsExactly("[deploy - production]: PASSED - credit-risk already at stable 1 on local "
                + server.url() + "; nothing changed");
        assertThat(ledger()).hasSize(1);
    }

    @Test
    void anUnregisteredVersionIsRefusedBeforeTheServerIsTouched() {
        assertThatThrownBy(() -> deploy(Strategy.REPLACE, "9", 0, "typo"))
                .isInstanceOf(DeployException.class)
                .hasMessage("credit-risk has no version 9 in the registry; registered: 1, 2, 3");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.none());
    }

    @Test
    void aRefusedAdminCallIsAFailedOutcomeThatChangesNothing() {
        Deployer withoutToken = new Deployer(registry, new LocalServerTarget(URI.create(server.url()), null, Duration.ofSeconds(5)),
                DeployFixtures.smoke(registry, 1), clock);

        DeployOutcome outcome = withoutToken.deploy(new DeployRequest(MODEL, "production", Strategy.REPLACE, "1", 0, "first", "alice"));

        assertThat(outcome.status()).isEqualTo(GateStatus.FAILED);
        assertThat(outcome.messages().get(0)).startsWith("[deploy - production]: FAILED - the model server at " + server.url() + " answered 401")
                .endsWith("; nothing changed");
        assertThat(ledger()).isEmpty();
    }

    @Test
    void aReasonIsRequired() {
        assertThatThrownBy(() -> new DeployRequest(MODEL, "production", Strategy.ROLLBACK, null, 0, " ", null))
                .hasMessage("a rollback of credit-risk needs a reason (--reason); it goes into the deployment ledger");
    }
}
