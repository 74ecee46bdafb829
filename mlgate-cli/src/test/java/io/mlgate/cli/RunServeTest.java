package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command: run ends with the model deployed to a local server and a sample prediction. */
class RunServeTest {
    @TempDir
    Path work;

    private long serverPid = -1;

    @AfterEach
    void stopServer() {
        if (serverPid > 0) {
            ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void runWithServeDeploysThePromotedModelAndPrintsASamplePrediction() throws Exception {
        Path example = CliRun.example("lending-club", work);
        CliRun run = CliRun.mlgate("run", "--config", example.resolve("mlgate.yaml").toString(), "--serve", "--port", "0", "--no-progress");
        Matcher server = Pattern.compile("model server: (http://127\\.0\\.0\\.1:\\d+) \\(pid (\\d+), log .*\\); stop it with: kill (\\d+)")
                .matcher(run.out());
        assertThat(server.find()).as(run.all()).isTrue();
        serverPid = Long.parseLong(server.group(2));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("[promote - production]: PASSED - credit-risk production -> version 1 (was unset)")
                .containsPattern("\\[deploy - production\\]: PASSED - credit-risk stable 1 \\(was nothing deployed\\) on local http://127\\.0\\.0\\.1:\\d+; smoke check: 5 of 5 rows match")
                .containsPattern("sample prediction \\(first holdout row\\) from version 1: \\{\"prediction\":\"(good|bad)\",\"score\":0\\.\\d+");

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.group(1) + "/v1/models/credit-risk")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"stable\":\"1\"");
    }

    @Test
    void runWithServeDeploysNothingWhenTheGateFails() throws Exception {
        Path example = CliRun.example("lending-club", work);
        CliRun weak = CliRun.mlgate("run", "--config", example.resolve("mlgate-weak.yaml").toString(), "--set", "gates.0.threshold=0.99",
                "--serve", "--port", "0", "--no-progress");
        assertThat(weak.exitCode()).isEqualTo(3);
        assertThat(weak.out()).contains("[serve]: INACTIVE - nothing promoted to production in this run; no deploy")
                .doesNotContain("model server:");
    }
}
