package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything that crosses the agent channel or is persisted with the Pipeline program survives Java serialization. */
class AgentChannelSerializationTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void prepareAgentTravelsAndFindsJavaAndTheTmpFolder() throws Exception {
        File workspace = Files.createDirectories(tmp.resolve("ws")).toFile();
        PrepareAgent callable = roundTrip(new PrepareAgent("mlgate-abc.jar", 3, null));

        AgentInfo info = roundTrip(callable.invoke(workspace, null));

        assertThat(new File(info.java())).isFile();
        assertThat(info.jar()).isEqualTo(tmp.resolve("ws@tmp/mlgate/mlgate-abc.jar").toString());
        assertThat(info.jarPresent()).isFalse();
    }

    @Test
    void aCompleteJarCopyIsReused() throws Exception {
        File workspace = Files.createDirectories(tmp.resolve("ws")).toFile();
        Files.createDirectories(tmp.resolve("ws@tmp/mlgate"));
        Files.write(tmp.resolve("ws@tmp/mlgate/mlgate-abc.jar"), new byte[] {1, 2, 3});

        assertThat(new PrepareAgent("mlgate-abc.jar", 3, null).invoke(workspace, null).jarPresent()).isTrue();
        assertThat(new PrepareAgent("mlgate-abc.jar", 4, null).invoke(workspace, null).jarPresent()).isFalse();
    }

    @Test
    void readReportsTravelsAndReturnsOnlyReports() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("ws/out"));
        Files.writeString(out.resolve("report.html"), "<html/>");
        Files.writeString(out.resolve("evaluation.json"), "{}");
        Files.write(out.resolve("model.tribuo"), new byte[] {0});
        ReadReports callable = roundTrip(new ReadReports(List.of(out.resolve("report.html").toString(),
                "out/evaluation.json", out.resolve("model.tribuo").toString(), "missing.html"), 1024));

        LinkedHashMap<String, byte[]> files = roundTrip(callable.invoke(tmp.resolve("ws").toFile(), null));

        assertThat(files).containsOnlyKeys("report.html", "evaluation.json");
        assertThat(new String(files.get("report.html"), StandardCharsets.UTF_8)).isEqualTo("<html/>");
    }

    @Test
    void oversizedReportsStayOnTheAgent() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(out.resolve("report.html"), "x".repeat(100));
        assertThat(new ReadReports(List.of(out.resolve("report.html").toString()), 10).invoke(out.toFile(), null)).isEmpty();
    }

    @Test
    void theStepSpecOfAWaitingDeploySurvivesARestart() throws Exception {
        DeployModelStep step = new DeployModelStep();
        step.setEnvironment("production");
        step.setOnFailure("ERROR");
        StepSpec spec = roundTrip(step.spec(GlobalDefaults.NONE));

        assertThat(spec.functionName()).isEqualTo("deployModel");
        assertThat(spec.onFailure()).isEqualTo(OnFailure.ERROR);
        assertThat(spec.arguments().toList()).containsSubsequence("deploy", "--json", "--no-progress", "--environment", "production");
    }

    @Test
    void approvalRequestsAndSummariesSurvive() throws Exception {
        ApprovalRequest request = new ApprovalRequest();
        request.id = "r1";
        request.environment = "production";
        request.approvers = "release-managers";
        request.state = ApprovalRequest.State.APPROVED;
        request.decidedBy = "alice";
        request.reason = "CAB-1";
        ApprovalRequest back = roundTrip(request);
        assertThat(back.decidedBy).isEqualTo("alice");
        assertThat(back.state).isEqualTo(ApprovalRequest.State.APPROVED);

        StepSummary summary = roundTrip(StepSummary.from("evaluate", 3, Json.parseObject(StepSummaryTest.EVALUATION)));
        assertThat(summary.gates).hasSize(1);
        assertThat(roundTrip(summary.toStepResult())).containsEntry("status", "FAILED");
    }
}
