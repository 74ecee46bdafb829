package io.mlgate.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.FileModelRegistry;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.Lineage;
import io.mlgate.core.registry.RegisterRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule trigger through the whole monitor: a controlled clock, the registry's history, the dotenv. */
class MonitorScheduleTest {
    private static final Instant REGISTERED = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    private FileModelRegistry registry;
    private LoadedConfig loaded;

    @BeforeEach
    void registerAVersion() throws IOException {
        Path yaml = Files.writeString(dir.resolve("mlgate.yaml"), """
                model: credit-risk
                label: Class
                registry: file:registry
                retrain:
                  schedule: { every: 7d }
                """);
        loaded = ConfigLoader.load(yaml, true, Map.of());
        registry = new FileModelRegistry(dir.resolve("registry"), Map.of(), Clock.fixed(REGISTERED, ZoneOffset.UTC));
        Path artifact = Files.createDirectories(dir.resolve("model"));
        Files.writeString(artifact.resolve("model.tribuo"), "not a real model");
        registry.register(new RegisterRequest("credit-risk", artifact, Map.of("auc", 0.72), "PASSED", List.of(), Lineage.unknown(), Map.of(), "first"));
        registry.promote("credit-risk", "1", "production", "first", "alice", null);
    }

    private MonitorReport monitorAt(Instant now) {
        return new Monitor(loaded, registry, Clock.fixed(now, ZoneOffset.UTC))
                .run(new Monitor.Request(null, null, null, null, null, true));
    }

    @Test
    void beforeTheScheduleNothingFires() {
        MonitorReport report = monitorAt(REGISTERED.plus(Duration.ofDays(6)));

        assertThat(report.retrain()).isFalse();
        assertThat(report.status()).isEqualTo(GateStatus.PASSED);
        assertThat(report.messages()).contains("[retrain]: PASSED - no retrain: drift INACTIVE, prediction shift INACTIVE, schedule PASSED");
        assertThat(report.dotenv()).startsWith("RETRAIN=false\nRETRAIN_REASON=\n");
    }

    @Test
    void theScheduleFiresOnTimeAndTheRequestIsInTheHistory() {
        MonitorReport report = monitorAt(REGISTERED.plus(Duration.ofDays(7)));

        assertThat(report.retrain()).isTrue();
        assertThat(report.messages()).contains(
                "[retrain - schedule]: FAILED - last training 7d 0h ago (version 1 registered 2026-03-01T09:00:00Z), every 7d",
                "[retrain]: FAILED - retrain: schedule every 7d (last training 7d 0h ago)");
        assertThat(report.dotenv()).isEqualTo("""
                RETRAIN=true
                RETRAIN_REASON=schedule every 7d (last training 7d 0h ago)
                RETRAIN_TRIGGERS=schedule
                MONITOR_STATUS=FAILED
                MONITORED_MODEL=credit-risk
                MONITORED_VERSION=1
                """);
        HistoryEntry last = registry.history("credit-risk").get(registry.history("credit-risk").size() - 1);
        assertThat(last.action()).isEqualTo(MonitorReport.ACTION_RETRAIN_REQUESTED);
        assertThat(last.reason()).isEqualTo("schedule every 7d (last training 7d 0h ago)");
        assertThat(last.details()).containsEntry("trigger", "schedule");
        assertThat(Files.exists(dir.resolve(".mlgate/out/monitor.json"))).isTrue();
    }

    @Test
    void anOnDemandRetrainOfAModelNotYetRegisteredIsAnsweredButNotRecorded() throws IOException {
        Path yaml = Files.writeString(dir.resolve("other.yaml"), """
                model: fraud
                label: Class
                registry: file:registry
                """);
        LoadedConfig other = ConfigLoader.load(yaml, true, Map.of());
        MonitorReport report = new Monitor(other, registry, Clock.fixed(REGISTERED, ZoneOffset.UTC))
                .run(new Monitor.Request(null, null, null, null, "--force", true));

        assertThat(report.retrain()).isTrue();
        assertThat(report.messages()).contains(
                "[retrain - record]: INACTIVE - fraud is not in the registry yet; the retrain request is not recorded");
        assertThat(registry.models()).containsExactly("credit-risk");
    }
}
