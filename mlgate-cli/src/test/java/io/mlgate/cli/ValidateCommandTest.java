package io.mlgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when data is drifted, incomplete or malformed. */
class ValidateCommandTest {
    @TempDir
    static Path work;

    static Path example;

    @BeforeAll
    static void copyExample() {
        example = CliRun.example("lending-club", work);
    }

    private static CliRun validate(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "validate";
        args[1] = "--config";
        args[2] = example.resolve("mlgate-drift.yaml").toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.mlgate(args);
    }

    @Test
    void holdoutOfTheSameDistributionPasses() {
        CliRun run = validate("--data", example.resolve("data/holdout.csv").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("validate: PASSED");
    }

    @Test
    void driftedCopyFailsWithExitFiveNamingTheDriftedFeatures() {
        CliRun run = validate();
        assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
        assertThat(run.out()).containsPattern("\\[drift - int_rate\\]: FAILED - PSI \\d+\\.\\d{4} >= 0\\.25")
                .containsPattern("\\[drift - annual_inc\\]: FAILED")
                .containsPattern("\\[drift - term\\]: FAILED")
                .doesNotContain("[drift - funded_amnt]: FAILED");
    }

    @Test
    void driftedCopyOnlyWarnsWhenTheFailThresholdIsRaised() {
        CliRun run = validate("--set", "contract.drift.psi_fail=50");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
        assertThat(run.out()).containsPattern("\\[drift - int_rate\\]: WARNING - PSI \\d+\\.\\d{4} >= 0\\.1");
    }

    @Test
    void missingColumnExitsFiveNamingIt() throws Exception {
        Path csv = work.resolve("missing-column.csv");
        List<String> lines = Files.readAllLines(example.resolve("data/holdout.csv"));
        Files.write(csv, lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());
        CliRun run = validate("--data", csv.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
        assertThat(run.out()).contains("funded_amnt").contains("missing");
    }

    @Test
    void wrongFieldCountExitsFiveNamingTheLine() throws Exception {
        Path csv = work.resolve("short-row.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(example.resolve("data/holdout.csv")));
        lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf(',')));
        Files.write(csv, lines);
        CliRun run = validate("--data", csv.toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("short-row.csv:6:").contains("expected 23 fields");
    }

    @Test
    void unbalancedQuoteExitsFiveNamingTheLine() throws Exception {
        Path csv = work.resolve("unbalanced.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(example.resolve("data/holdout.csv")));
        lines.set(9, lines.get(9).replaceFirst(",term_", ",\"term_"));
        Files.write(csv, lines);
        CliRun run = validate("--data", csv.toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("unbalanced.csv:10:");
    }

    @Test
    void validationWritesJsonAndJUnitReports() {
        validate();
        Path out = example.resolve(".mlgate/out-drift");
        assertThat(out.resolve("validation.json")).exists();
        assertThat(out.resolve("junit-validation.xml")).exists();
        assertThat(out.resolve("validation.html")).exists();
    }
}
