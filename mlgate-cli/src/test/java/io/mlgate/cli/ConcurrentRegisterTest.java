package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight builds registering the same model at once, as separate mlgate processes. */
class ConcurrentRegisterTest {
    @TempDir
    Path work;

    @Test
    void eightConcurrentRegisterProcessesGiveEightVersionsAndAConsistentIndex() throws Exception {
        Path example = CliRun.example("lending-club", work);
        String config = example.resolve("mlgate.yaml").toString();
        Path modelDir = work.resolve("model");
        CliRun train = CliRun.mlgate("train", "--config", config, "--trainer", "logistic", "--set", "train.params={epochs: 1}",
                "--model-dir", modelDir.toString(), "--no-progress");
        assertThat(train.exitCode()).as(train.all()).isZero();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "register", "--config", config, "--model-dir", modelDir.toString(), "--tag", "build=" + i, "--json", "--no-progress")
                    .redirectErrorStream(false)
                    .redirectOutput(work.resolve("out-" + i + ".json").toFile())
                    .redirectError(work.resolve("err-" + i + ".txt").toFile())
                    .start());
        }
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).as("process " + i + " finished").isTrue();
            assertThat(processes.get(i).exitValue()).as(Files.readString(work.resolve("err-" + i + ".txt"))).isZero();
        }

        ObjectMapper json = new ObjectMapper();
        TreeSet<String> versions = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            versions.add(json.readTree(work.resolve("out-" + i + ".json").toFile()).path("version").asText());
        }
        assertThat(versions).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");

        Path modelRoot = example.resolve(".mlgate/registry/credit-risk");
        JsonNode index = json.readTree(modelRoot.resolve("index.json").toFile());
        assertThat(index.path("versions").size()).isEqualTo(8);
        List<String> history = Files.readAllLines(modelRoot.resolve("history.jsonl"));
        assertThat(history).hasSize(8);
        for (String line : history) {
            assertThat(json.readTree(line).path("action").asText()).isEqualTo("register");
        }
        CliRun models = CliRun.mlgate("models", "--config", config);
        assertThat(models.out()).contains("credit-risk: 8 version(s)");
        assertThat(new File(modelRoot.toFile(), "versions").list()).hasSize(8);
    }
}
