package io.mlgate.cli;

import io.mlgate.core.deploy.FakeModelServer;

import static io.mlgate.cli.CliRun.mlgate;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.deploy.TrafficSplit;
import io.mlgate.core.registry.FileModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy, rollback, status, history --at and ops-kit on the Lending Club example (a quick logistic
 * model, versions 1 and 2, production at 1) against a fake model server that honours the admin
 * contract. Each test uses its own environment, so the ledgers do not mix.
 */
class DeployCommandTest {
    static final String TOKEN = "cli-admin-token";

    @TempDir
    static Path work;

    static Path config;
    static FileModelRegistry registry;
    FakeModelServer server;

    @BeforeAll
    static void registerTwoVersions() throws IOException {
        Path example = CliRun.example("lending-club", work);
        config = example.resolve("mlgate.yaml");
        Files.writeString(example.resolve("admin-token"), TOKEN + "\n");
        String c = config.toString();
        CliRun train = mlgate("train", "-c", c, "--no-progress", "--set", "train.trainer=logistic", "--set", "train.params={epochs: 1}");
        assertThat(train.exitCode()).as(train.all()).isZero();
        for (int i = 0; i < 2; i++) {
            CliRun register = mlgate("register", "-c", c);
            assertThat(register.exitCode()).as(register.all()).isZero();
        }
        CliRun promote = mlgate("promote", "-c", c, "--version", "1", "--to", "production", "--reason", "first");
        assertThat(promote.exitCode()).as(promote.all()).isZero();
        registry = new FileModelRegistry(example.resolve(".mlgate/registry"));
    }

    @BeforeEach
    void start() throws IOException {
        server = new FakeModelServer(registry, TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun cli(String command, String env, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-c", config.toString(), "--url", server.url(),
                "--set", "deploy.admin_token_file=admin-token", "--environment", env));
        args.addAll(List.of(more));
        return mlgate(args.toArray(String[]::new));
    }

    @Test
    void deployPutsTheProductionVersionOnTheServerAndSaysSo() {
        CliRun run = cli("deploy", "env-a", "--reason", "CAB-1");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("[deploy - env-a]: PASSED - credit-risk stable 1 (was nothing deployed) on local " + server.url()
                + "; smoke check: 5 of 5 rows match");
        assertThat(server.traffic("credit-risk")).isEqualTo(TrafficSplit.only("1"));
    }

    @Test
    void aVersionThatFailsTheSmokeCheckIsRolledBackAndExits6() {
        cli("deploy", "env-b", "--reason", "first");
        server.sabotaged.add("2");

        CliRun run = cli("deploy", "env-b", "--version", "2", "--reason", "nightly");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(6);
        assertThat(run.out()).containsPattern("\\[deploy - env-b\\]: FAILED - smoke check: 5 of 5 rows differ "
                + "\\(row 1: expected (good|bad), got (good|bad)\\); rolled back to stable 1");
        assertThat(server.traffic("credit-risk")).isEqualTo(TrafficSplit.only("1"));
    }

    @Test
    void withoutTheAdminTokenTheServerSays401AndTheDeployExits6() {
        CliRun run = mlgate("deploy", "-c", config.toString(), "--url", server.url(), "--environment", "env-c", "--reason", "x",
                "--set", "deploy.admin_token_env=MLGATE_TEST_UNSET_TOKEN");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(6);
        assertThat(run.out()).contains("[deploy - env-c]: FAILED - the model server at " + server.url() + " answered 401: no admin token was sent");
    }

    @Test
    void noServerRunningExits6AndSaysHowToStartOne() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = mlgate("deploy", "-c", config.toString(), "--url", "http://127.0.0.1:" + port, "--environment", "env-d", "--reason", "x");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(6);
        assertThat(run.out()).contains("cannot reach the model server at http://127.0.0.1:" + port + " (connection refused); start it with 'mlgate serve");
    }

    @Test
    void aCanaryWithNothingDeployedMakesTheVersionStableAndTheNextCanarySplits() {
        CliRun first = cli("deploy", "env-e", "--version", "1", "--strategy", "canary", "--percent", "10", "--reason", "x");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("credit-risk stable 1 (was nothing deployed)");

        CliRun second = cli("deploy", "env-e", "--version", "2", "--strategy", "canary", "--percent", "10", "--reason", "y");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("stable 1, canary 2 at 10%");
    }

    @Test
    void canaryPromoteAndRollback() {
        cli("deploy", "env-f", "--reason", "first");
        assertThat(cli("deploy", "env-f", "--version", "2", "--strategy", "canary", "--percent", "10", "--reason", "try").exitCode()).isZero();

        CliRun promote = cli("deploy", "env-f", "--promote", "--reason", "clean");
        assertThat(promote.out()).contains("[promote - env-f]: PASSED - credit-risk stable 2 (was stable 1, canary 2 at 10%)");
        CliRun rollback = cli("rollback", "env-f", "--reason", "INC-42");

        assertThat(rollback.exitCode()).as(rollback.all()).isZero();
        assertThat(rollback.out()).contains("[rollback - env-f]: PASSED - credit-risk stable 1, canary 2 at 10% (was stable 2)");
    }

    @Test
    void statusShowsTrafficHealthAndTheLastLedgerEntry() {
        cli("deploy", "env-g", "--reason", "CAB-7");

        CliRun run = cli("status", "env-g");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("[status - env-g]: PASSED - credit-risk stable 1 on local " + server.url() + "; health: UP")
                .containsPattern("ledger: stable 1 \\(deploy by .* on local: CAB-7\\)");
    }

    @Test
    void historyAtTimeTSaysWhatWasDeployed() {
        cli("deploy", "env-h", "--reason", "CAB-8");

        CliRun before = mlgate("history", "-c", config.toString(), "--environment", "env-h", "--at", "2000-01-01T00:00:00Z");
        CliRun now = mlgate("history", "-c", config.toString(), "--environment", "env-h", "--at", "2999-01-01T00:00:00Z");

        assertThat(before.out()).isEqualTo("credit-risk in env-h at 2000-01-01T00:00:00Z: nothing deployed\n");
        assertThat(now.out()).startsWith("credit-risk in env-h at 2999-01-01T00:00:00Z: stable 1 (deploy by ").contains("on local: CAB-8)");
    }

    @Test
    void historyOfAnEnvironmentListsItsLedger() {
        cli("deploy", "env-i", "--reason", "CAB-9");

        CliRun run = mlgate("history", "-c", config.toString(), "--environment", "env-i");

        assertThat(run.out()).contains("deploy    version 1     env-i ").contains(": CAB-9 [stable 1 on local]");
    }

    @Test
    void opsKitWritesRulesDashboardAndAnOciImageTar() throws IOException {
        Path jar = work.resolve("fake-mlgate.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4});
        Path tar = work.resolve("image/credit-risk.tar");

        CliRun run = mlgate("ops-kit", "-c", config.toString(), "--dir", work.resolve("ops").toString(), "--image-tar", tar.toString(),
                "--server-jar", jar.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(work.resolve("ops/prometheus-rules.yaml")).content().contains("MlgateFeatureDriftFailure", "mlgate_feature_drift_psi{model=");
        assertThat(work.resolve("ops/grafana-dashboard.json")).content().contains("mlgate_request_duration_seconds_bucket");
        assertThat(run.out()).contains("[ops-kit - image]: PASSED - mlgate/credit-risk:1 (sha256:")
                .contains("[ops-kit - image]: WARNING - built FROM scratch: the image has no JRE");
        ImageTar image = ImageTar.read(tar);
        assertThat(image.entries()).contains("oci-layout", "index.json");
        assertThat(image.config()).contains("\"Entrypoint\":[\"java\",\"-jar\",\"/app/mlgate.jar\"]")
                .contains("\"Cmd\":[\"serve\",\"--registry\",\"/registry\",\"--host\",\"0.0.0.0\",\"--port\",\"8080\",\"--deploy\",\"credit-risk=1\"]");
        assertThat(image.layerFiles()).contains("app/mlgate.jar", "registry/credit-risk/index.json",
                "registry/credit-risk/versions/1/model.tribuo", "registry/credit-risk/versions/1/version.json");
    }

    /** The parts of an image tar a runtime reads: the entries, the config blob and the files of the layers. */
    record ImageTar(List<String> entries, String config, List<String> layerFiles) {
        static ImageTar read(Path tar) throws IOException {
            List<String> entries = new ArrayList<>();
            List<String> layerFiles = new ArrayList<>();
            String config = null;
            try (InputStream in = Files.newInputStream(tar)) {
                for (TarEntry e : TarEntry.all(in)) {
                    entries.add(e.name());
                    if (e.name().startsWith("blobs/") && e.data().length > 2 && (e.data()[0] & 0xff) == 0x1f && (e.data()[1] & 0xff) == 0x8b) {
                        try (InputStream layer = new GZIPInputStream(new java.io.ByteArrayInputStream(e.data()))) {
                            for (TarEntry f : TarEntry.all(layer)) {
                                layerFiles.add(f.name().replaceFirst("^\\./", "").replaceFirst("^/", ""));
                            }
                        }
                    } else if (e.name().startsWith("blobs/") && new String(e.data(), java.nio.charset.StandardCharsets.UTF_8).contains("\"Entrypoint\"")) {
                        config = new String(e.data(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            return new ImageTar(entries, config, layerFiles);
        }
    }

    /** A minimal ustar reader (names and contents), enough to check an image without a tar library. */
    record TarEntry(String name, byte[] data) {
        static List<TarEntry> all(InputStream in) throws IOException {
            List<TarEntry> out = new ArrayList<>();
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] data = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (type == 'L') {
                    longName = new String(data, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                if (type == '0' || type == 0) {
                    out.add(new TarEntry(full, data));
                }
            }
            return out;
        }

        private static String field(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
