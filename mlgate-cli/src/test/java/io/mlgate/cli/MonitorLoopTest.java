package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.deploy.TrafficSplit;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.registry.Registries;
import io.mlgate.server.MlgateServer;
import io.mlgate.server.PredictionLog;
import io.mlgate.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlgate monitor against an in-process model server on the lending-club example: holdout traffic
 * needs no retrain, drifted traffic does, bad live quality does, and the whole loop (monitor ->
 * dataset build -> run --trigger -> gate -> register) leaves the trigger in the registry.
 */
class MonitorLoopTest {
    static final String MODEL = "credit-risk";
    static final String LABEL = "Class";
    static final int BATCH = 100;
    /** A quick model: the loop trains twice. */
    static final String[] QUICK = {"--set", "train.params={rounds: 40, depth: 3, eta: 0.2}", "--no-progress"};

    @TempDir
    static Path shared;
    static Path example;

    @TempDir
    Path work;

    @BeforeAll
    static void trainAndPromote() {
        example = trained(shared);
    }

    static Path trained(Path dir) {
        Path copy = CliRun.example("lending-club", dir);
        CliRun run = CliRun.mlgate(args("run", "--config", copy.resolve("mlgate.yaml").toString()));
        assertThat(run.exitCode()).as(run.all()).isZero();
        return copy;
    }

    static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(QUICK));
        return all.toArray(String[]::new);
    }

    static String registryUri(Path example) {
        return "file:" + example.resolve(".mlgate/registry");
    }

    static MlgateServer serve(Path example, Path logDir) {
        String uri = registryUri(example);
        MlgateServer server = new MlgateServer(ServerOptions.defaults(uri).withPort(0), Registries.open(uri, null),
                logDir == null ? null : PredictionLog.Options.of(logDir));
        server.start();
        server.apply(MODEL, TrafficSplit.only(server.host().resolve(MODEL, ModelRegistry.PRODUCTION)));
        server.markReady();
        return server;
    }

    /** A CSV's rows without the label, and the labels. */
    record Rows(List<Map<String, String>> features, List<String> labels) {
    }

    static Rows rows(Path csv) {
        List<Map<String, String>> features = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (CsvSource source = CsvSource.open(csv)) {
            List<String> header = source.header();
            while (source.hasNext()) {
                CsvRow row = source.next();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).equals(LABEL)) {
                        labels.add(row.fields()[i]);
                    } else {
                        cells.put(header.get(i), row.fields()[i]);
                    }
                }
                features.add(cells);
            }
        }
        return new Rows(features, labels);
    }

    /** Sends the rows in requests of 100 with X-Request-Id b0, b1, ...; outcome ids are b<k>#<i>. */
    static void feed(MlgateServer server, Rows rows) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int k = 0; k * BATCH < rows.features().size(); k++) {
            List<Map<String, String>> batch = rows.features().subList(k * BATCH, Math.min(rows.features().size(), (k + 1) * BATCH));
            String body = io.mlgate.core.config.ConfigLoader.jsonMapper().writeValueAsString(Map.of("rows", batch));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/models/" + MODEL + ":predict"))
                    .header("X-Request-Id", "b" + k).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        if (server.predictionLog() != null) {
            assertThat(server.predictionLog().awaitWritten(Duration.ofSeconds(30))).isTrue();
        }
    }

    /** An outcomes CSV for the fed rows; {@code flip} swaps good and bad. */
    static Path outcomes(Path file, Rows rows, boolean flip) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,actual\n");
        for (int i = 0; i < rows.labels().size(); i++) {
            String actual = rows.labels().get(i);
            if (flip) {
                actual = actual.equals("bad") ? "good" : "bad";
            }
            csv.append('b').append(i / BATCH).append('#').append(i % BATCH).append(',').append(actual).append('\n');
        }
        return Files.writeString(file, csv);
    }

    static Map<String, String> dotenv(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    @Test
    void holdoutTrafficNeedsNoRetrain() throws Exception {
        Path env = work.resolve("monitor.env");
        try (MlgateServer server = serve(example, null)) {
            feed(server, rows(example.resolve("data/holdout.csv")));

            CliRun monitor = CliRun.mlgate("monitor", "--config", example.resolve("mlgate.yaml").toString(), "--server",
                    server.uri().toString(), "--dotenv", env.toString());

            assertThat(monitor.exitCode()).as(monitor.all()).isZero();
            assertThat(monitor.out()).containsPattern("\\[retrain - drift\\]: PASSED - no feature drifted \\(highest PSI 0\\.\\d{4} on \\w+ < 0\\.25\\) over 1,971 rows")
                    .containsPattern("\\[retrain - prediction shift\\]: PASSED - predicted class shares stable \\(PSI 0\\.0000 < 0\\.25\\) over 1,971 predictions")
                    .contains("[retrain]: PASSED - no retrain: drift PASSED, prediction shift PASSED");
            assertThat(dotenv(env)).containsEntry("RETRAIN", "false").containsEntry("RETRAIN_REASON", "").containsEntry("MONITORED_VERSION", "1");
        }
    }

    @Test
    void driftedTrafficAsksForARetrainNamingTheFeatures() throws Exception {
        Path env = work.resolve("monitor.env");
        try (MlgateServer server = serve(example, null)) {
            feed(server, rows(example.resolve("data/holdout-drifted.csv")));

            CliRun monitor = CliRun.mlgate("monitor", "--config", example.resolve("mlgate.yaml").toString(), "--server",
                    server.uri().toString(), "--dotenv", env.toString(), "--no-record");

            assertThat(monitor.exitCode()).as(monitor.all()).isEqualTo(ExitCodes.RETRAIN);
            assertThat(monitor.out()).contains("[retrain - drift]: FAILED - drift on int_rate (PSI 2.4959 >= 0.25), "
                            + "annual_inc (PSI 1.0183 >= 0.25), term (PSI 0.6052 >= 0.25) over 1,971 rows",
                    "[retrain]: FAILED - retrain: drift on int_rate, annual_inc, term");
            assertThat(dotenv(env)).containsEntry("RETRAIN", "true").containsEntry("MONITOR_STATUS", "FAILED");
            assertThat(dotenv(env).get("RETRAIN_REASON")).startsWith("drift on int_rate, annual_inc, term");
            assertThat(dotenv(env).get("RETRAIN_TRIGGERS")).startsWith("drift");
        }
    }

    @Test
    void badLiveQualityAsksForARetrainAndIsRecorded() throws Exception {
        Path log = work.resolve("log");
        try (MlgateServer server = serve(example, log)) {
            Rows holdout = rows(example.resolve("data/holdout.csv"));
            feed(server, holdout);
            Path outcomes = outcomes(work.resolve("outcomes.csv"), holdout, true);

            CliRun monitor = CliRun.mlgate("monitor", "--config", example.resolve("mlgate.yaml").toString(),
                    "--set", "retrain.live_metrics=[{metric: auc, threshold: 0.65, min_rows: 500}]",
                    "--outcomes", outcomes.toString(), "--prediction-log", log.toString(), "--json");

            assertThat(monitor.exitCode()).as(monitor.all()).isEqualTo(ExitCodes.RETRAIN);
            assertThat(monitor.err()).contains("[monitor - outcomes]: PASSED - 1,971 outcomes, 1,971 joined to the prediction log "
                            + "(1,971 of version 1), 0 unmatched, 0 logged predictions without an outcome")
                    .containsPattern("\\[retrain - live auc\\]: FAILED - live auc 0\\.[0-5]\\d{3} < floor 0\\.65 over 1,971 labelled rows");
            assertThat(monitor.out()).contains("\"retrain\" : true", "\"triggers\" : [ \"live-auc\" ]");
            List<HistoryEntry> history = Registries.open(registryUri(example), null).history(MODEL);
            HistoryEntry last = history.get(history.size() - 1);
            assertThat(last.action()).isEqualTo("retrain-requested");
            assertThat(last.details()).containsEntry("trigger", "live-auc");
            assertThat(last.reason()).startsWith("live auc 0.");
        }
    }

    @Test
    void theLoopRetrainsOnLoggedDataAndTheRegistrySaysWhy() throws Exception {
        Path mine = trained(work.resolve("loop"));
        Path yaml = mine.resolve("mlgate.yaml");
        Path log = work.resolve("log");
        Path env = work.resolve("monitor.env");
        Rows drifted = rows(mine.resolve("data/holdout-drifted.csv"));
        try (MlgateServer server = serve(mine, log)) {
            feed(server, drifted);
            CliRun monitor = CliRun.mlgate("monitor", "--config", yaml.toString(), "--server", server.uri().toString(), "--dotenv", env.toString());
            assertThat(monitor.exitCode()).as(monitor.all()).isEqualTo(ExitCodes.RETRAIN);
        }
        Path outcomes = outcomes(work.resolve("outcomes.csv"), drifted, false);
        long trainRows = Files.readAllLines(mine.resolve("data/train.csv")).size();

        CliRun dataset = CliRun.mlgate("dataset", "build", "--config", yaml.toString(), "--from-log", log.toString(), "--outcomes",
                outcomes.toString(), "--out", work.resolve("train-new.csv").toString(), "--append-to", mine.resolve("data/train.csv").toString());
        assertThat(dataset.exitCode()).as(dataset.all()).isZero();
        assertThat(dataset.out()).contains("[dataset]: PASSED - 1,971 rows written to " + work.resolve("train-new.csv"),
                "[dataset - append]: PASSED - 1,971 rows appended to " + mine.resolve("data/train.csv"));
        assertThat(Files.readAllLines(mine.resolve("data/train.csv"))).hasSize((int) trainRows + 1971);

        String reason = dotenv(env).get("RETRAIN_REASON");
        CliRun retrain = CliRun.mlgate(args("run", "--config", yaml.toString(), "--trigger", reason, "--set", "gates.1.min_delta=-0.05"));
        assertThat(retrain.exitCode()).as(retrain.all()).isIn(0, 4);

        ModelRegistry registry = Registries.open(registryUri(mine), null);
        ModelVersion v2 = registry.version(MODEL, "2").orElseThrow();
        assertThat(v2.tags()).containsEntry("retrain_trigger", reason);
        List<String> actions = registry.history(MODEL).stream().map(e -> e.action() + ":" + e.version()).toList();
        assertThat(actions).containsSubsequence("register:1", "retrain-requested:1", "register:2");
        HistoryEntry registered = registry.history(MODEL).stream().filter(e -> "register".equals(e.action()) && "2".equals(e.version()))
                .findFirst().orElseThrow();
        assertThat(registered.reason()).isEqualTo("retrain: " + reason);
    }
}
