package io.mlgate.core.deploy;

import static io.mlgate.core.deploy.DeployFixtures.MODEL;
import static io.mlgate.core.deploy.DeployFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.DeploySpec;
import io.mlgate.core.registry.FileModelRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServerTargetTest {
    @TempDir
    Path dir;

    FileModelRegistry registry;
    FakeModelServer server;

    @BeforeEach
    void start() throws Exception {
        registry = DeployFixtures.registry(dir.resolve("registry"), Clock.systemUTC(), 2);
        server = new FakeModelServer(registry, TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LocalServerTarget target(String token) {
        return new LocalServerTarget(URI.create(server.url()), token, Duration.ofSeconds(10));
    }

    @Test
    void aModelTheServerDoesNotKnowIsNotDeployed() {
        assertThat(target(TOKEN).current(MODEL)).isEqualTo(TrafficSplit.none());
    }

    @Test
    void appliedTrafficIsReadBack() {
        LocalServerTarget target = target(TOKEN);

        target.apply(MODEL, new TrafficSplit("1", "2", 10, null));

        assertThat(target.current(MODEL)).isEqualTo(new TrafficSplit("1", "2", 10, null));
    }

    @Test
    void applyingNothingUndeploys() {
        LocalServerTarget target = target(TOKEN);
        target.apply(MODEL, TrafficSplit.only("1"));

        target.apply(MODEL, TrafficSplit.none());

        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.none());
    }

    @Test
    void adminCallsWithoutATokenSay401AndHowToSetIt() {
        assertThatThrownBy(() -> target(null).apply(MODEL, TrafficSplit.only("1")))
                .isInstanceOf(DeployException.class)
                .hasMessage("the model server at " + server.url() + " answered 401: no admin token was sent; put the token 'mlgate serve' "
                        + "was started with into the file deploy.admin_token_file or the environment variable MLGATE_ADMIN_TOKEN");
        assertThat(server.traffic(MODEL)).isEqualTo(TrafficSplit.none());
    }

    @Test
    void aWrongTokenIsRefusedWith401() {
        assertThatThrownBy(() -> target("wrong").current(MODEL))
                .hasMessageContaining("answered 401: the admin token was refused");
    }

    @Test
    void aServerWithoutAdminTokenSaysHowToEnableIt() throws Exception {
        try (FakeModelServer noAdmin = new FakeModelServer(registry, null)) {
            assertThatThrownBy(() -> new LocalServerTarget(URI.create(noAdmin.url()), TOKEN, Duration.ofSeconds(5)).current(MODEL))
                    .hasMessageContaining("has its admin API disabled (403")
                    .hasMessageContaining("mlgate serve --admin-token-file");
        }
    }

    @Test
    void anUnknownVersionIsRefusedWithTheServersMessage() {
        assertThatThrownBy(() -> target(TOKEN).apply(MODEL, TrafficSplit.only("9")))
                .hasMessageEndingWith("could not set the traffic of credit-risk to stable 9: HTTP 400 unknown version 9 of credit-risk");
    }

    @Test
    void noServerListeningSaysHowToStartOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalServerTarget target = new LocalServerTarget(URI.create("http://127.0.0.1:" + port), TOKEN, Duration.ofSeconds(5));

        assertThatThrownBy(() -> target.current(MODEL))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("cannot reach the model server at http://127.0.0.1:" + port + " (connection refused); start it with "
                        + "'mlgate serve --config mlgate.yaml --port " + port + " --admin-token-file <file>'");
    }

    @Test
    void predictReturnsTheAnsweringVersionAndOnePredictionPerRow() {
        LocalServerTarget target = target(TOKEN);
        target.apply(MODEL, TrafficSplit.only("2"));

        ServedPredictions served = target.predict(MODEL, DeployFixtures.smokeRows(3));

        assertThat(served.version()).isEqualTo("2");
        assertThat(served.predictions()).hasSize(3).allSatisfy(p -> assertThat(p).containsKeys("prediction", "score", "probabilities"));
    }

    @Test
    void theTokenComesFromTheFileBeforeTheEnvironment() throws Exception {
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
        DeploySpec spec = new DeploySpec("local", null, null, server.url(), null, null, "token", null, null, null, null);

        assertThat(DeploymentTargets.adminToken(spec, dir, Map.of("MLGATE_ADMIN_TOKEN", "from-env"))).isEqualTo(TOKEN);
        assertThat(DeploymentTargets.adminToken(DeploySpec.defaults(), dir, Map.of("MLGATE_ADMIN_TOKEN", "from-env"))).isEqualTo("from-env");
    }

    @Test
    void aMissingTokenFileIsNamed() {
        DeploySpec spec = new DeploySpec("local", null, null, null, null, null, "missing-token", null, null, null, null);

        assertThatThrownBy(() -> DeploymentTargets.adminToken(spec, dir, Map.of()))
                .hasMessageStartingWith("cannot read deploy.admin_token_file " + dir.resolve("missing-token"));
    }

    @Test
    void healthReportsTheServedModels() {
        LocalServerTarget target = target(TOKEN);
        target.apply(MODEL, TrafficSplit.only("1"));

        Health health = target.health(MODEL);

        assertThat(health.ok()).isTrue();
        assertThat(health.detail()).isEqualTo("UP, credit-risk stable 1 at " + server.url());
        assertThat(List.of(target.name(), target.endpoint())).containsExactly("local", server.url());
    }
}
