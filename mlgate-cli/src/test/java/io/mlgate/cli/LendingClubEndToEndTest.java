package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The README's story on the shipped Lending Club example: the first run registers and promotes
 * version 1; a weak candidate is blocked by the champion gate and production stays at 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LendingClubEndToEndTest {
    @TempDir
    static Path work;

    static Path example;
    static CliRun firstRun;

    @BeforeAll
    static void runPipelineOnce() {
        example = CliRun.example("lending-club", work);
        firstRun = CliRun.mlgate("run", "--config", example.resolve("mlgate.yaml").toString(), "--no-progress");
    }

    @Test
    @Order(1)
    void firstRunRegistersVersionOneAndPromotesItToProduction() throws Exception {
        assertThat(firstRun.exitCode()).as(firstRun.all()).isZero();
        assertThat(firstRun.out())
                .contains("[absolute - auc]: PASSED - candidate ")
                .contains("[champion - auc]: INACTIVE - no champion (production alias unset); no_baseline=pass_with_note")
                .contains("[register]: PASSED - credit-risk version 1 registered")
                .contains("[promote - production]: PASSED - credit-risk production -> version 1 (was unset)");
        JsonNode index = new ObjectMapper().readTree(example.resolve(".mlgate/registry/credit-risk/index.json").toFile());
        assertThat(index.toString()).contains("\"production\"");
        assertThat(example.resolve("mlgate.contract.yaml")).as("inferred contract written to commit").exists();
    }

    @Test
    @Order(2)
    void firstRunWritesTheReportsCiServersRead() throws Exception {
        Path out = example.resolve(".mlgate/out");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(Files.readString(out.resolve("metrics.txt"))).endsWith("# EOF\n").contains("auc");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").contains("ROC curve").contains("Confusion matrix").contains("[absolute - auc]");
        JsonNode evaluation = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertThat(evaluation.path("status").asText()).isEqualTo("PASSED");
        assertThat(evaluation.path("candidate").path("values").path("auc").asDouble()).isGreaterThan(0.65);
        assertThat(out.resolve("validation.json")).exists();
        assertThat(out.resolve("model/model.tribuo")).exists();
    }

    @Test
    @Order(3)
    void weakCandidateIsBlockedByTheChampionGateAndProductionStaysAlone() throws Exception {
        CliRun weak = CliRun.mlgate("run", "--config", example.resolve("mlgate-weak.yaml").toString(), "--no-progress");

        assertThat(weak.exitCode()).as(weak.all()).isEqualTo(3);
        assertThat(weak.out()).containsPattern(
                "\\[champion - auc\\]: FAILED - candidate 0\\.\\d{4}, champion 0\\.\\d{4}, delta -0\\.\\d{4} < -0\\.01");
        assertThat(weak.out()).contains("nothing registered, production unchanged");
        CliRun models = CliRun.mlgate("models", "--config", example.resolve("mlgate.yaml").toString());
        assertThat(models.out()).contains("credit-risk: 1 version(s)").contains("production");
    }

    @Test
    @Order(4)
    void historySaysWhoPromotedWhatAndWhy() {
        CliRun history = CliRun.mlgate("history", "--config", example.resolve("mlgate.yaml").toString());
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("register").contains("promote").contains("production").contains("gates PASSED in mlgate run");
    }

    @Test
    @Order(5)
    void promoteNeedsAReasonAndAKnownVersion() {
        CliRun unknown = CliRun.mlgate("promote", "--config", example.resolve("mlgate.yaml").toString(),
                "--version", "7", "--to", "staging", "--reason", "try");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("7");
        CliRun noReason = CliRun.mlgate("promote", "--config", example.resolve("mlgate.yaml").toString(), "--version", "1");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
    }

    @Test
    @Order(6)
    void registerRefusesAnEvaluationOfAnotherModel() {
        String config = example.resolve("mlgate.yaml").toString();
        Path other = work.resolve("other-model");
        CliRun train = CliRun.mlgate("train", "--config", config, "--trainer", "logistic", "--set", "train.params={epochs: 1}",
                "--model-dir", other.toString(), "--no-progress");
        assertThat(train.exitCode()).as(train.all()).isZero();
        CliRun register = CliRun.mlgate("register", "--config", config, "--model-dir", other.toString());
        assertThat(register.exitCode()).isEqualTo(2);
        assertThat(register.err()).contains("is of another model than").contains("run 'mlgate evaluate' on this model first");
    }
}
