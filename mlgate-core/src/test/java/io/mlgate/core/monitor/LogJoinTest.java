package io.mlgate.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes joined to the prediction log, and the training CSV built from them. */
class LogJoinTest {
    @TempDir
    Path dir;

    private static String line(String id, int row, int rows, String version, String rate, String prediction) {
        return "{\"request_id\":\"" + id + "\",\"row\":" + row + ",\"rows\":" + rows + ",\"time\":\"2026-03-02T10:00:00Z\","
                + "\"model\":\"credit-risk\",\"version\":\"" + version + "\",\"inputs\":{\"int_rate\":\"" + rate + "\",\"term\":\"term_36\"},"
                + "\"prediction\":\"" + prediction + "\",\"score\":0.2,\"probabilities\":{\"bad\":0.2,\"good\":0.8}}\n";
    }

    private Path log() throws IOException {
        Path logDir = Files.createDirectories(dir.resolve("log"));
        // the oldest rotated file, a newer one, then the current file cut short by a crash
        Files.writeString(logDir.resolve("predictions.jsonl.2"), line("a", 0, 1, "1", "10.5", "good"));
        Files.writeString(logDir.resolve("predictions.jsonl.1"), line("b", 0, 2, "1", "11.5", "good") + line("b", 1, 2, "1", "12.5", "bad"));
        Files.writeString(logDir.resolve("predictions.jsonl"), line("c", 0, 1, "2", "13.5", "good") + "{\"request_id\":\"d\",\"ro");
        return logDir;
    }

    @Test
    void readsRotatedFilesOldestFirstAndSkipsACutLine() throws IOException {
        PredictionLogReader.Contents contents = PredictionLogReader.read(log());

        assertThat(contents.rows()).extracting(p -> p.requestId() + "#" + p.row()).containsExactly("a#0", "b#0", "b#1", "c#0");
        assertThat(contents.skippedLines()).isEqualTo(1);
    }

    @Test
    void joinsByRequestIdAndRowIndex() throws IOException {
        List<LoggedPrediction> rows = PredictionLogReader.read(log()).rows();

        OutcomeJoin join = OutcomeJoin.of(rows, Map.of("a", "bad", "b#1", "bad", "zzz", "good"));

        assertThat(join.rows()).extracting(r -> r.prediction().requestId() + "#" + r.prediction().row() + "=" + r.actual())
                .containsExactly("a#0=bad", "b#1=bad");
        assertThat(join.unmatchedOutcomes()).isEqualTo(1);
        assertThat(join.unlabelledPredictions()).isEqualTo(2);
    }

    @Test
    void aBareRequestIdDoesNotLabelARowOfAMultiRowRequest() throws IOException {
        OutcomeJoin join = OutcomeJoin.of(PredictionLogReader.read(log()).rows(), Map.of("b", "bad"));

        assertThat(join.rows()).isEmpty();
        assertThat(join.unmatchedOutcomes()).isEqualTo(1);
    }

    @Test
    void outcomesComeFromCsvOrJson() throws IOException {
        Path csv = Files.writeString(dir.resolve("o.csv"), "request_id,actual\na,bad\nb#1,good\na,good\n");
        Path json = Files.writeString(dir.resolve("o.json"), "[{\"id\":\"a\",\"Class\":\"bad\"},{\"request_id\":\"c\",\"outcome\":\"good\"}]");
        Path map = Files.writeString(dir.resolve("m.json"), "{\"a\":\"bad\"}");

        assertThat(OutcomeFile.read(csv, "Class")).containsExactly(Map.entry("b#1", "good"), Map.entry("a", "good"));
        assertThat(OutcomeFile.read(json, "Class")).containsExactly(Map.entry("a", "bad"), Map.entry("c", "good"));
        assertThat(OutcomeFile.read(map, "Class")).containsExactly(Map.entry("a", "bad"));
    }

    @Test
    void datasetHasTheContractColumnsAndTheLabel() throws IOException {
        Path outcomes = Files.writeString(dir.resolve("o.csv"), "request_id,actual\na,bad\nb#1,good\nc,good\nnope,bad\n");
        Path out = dir.resolve("new/train-new.csv");

        DatasetBuilder.Result result = DatasetBuilder.build(log(), outcomes, out, null, List.of("term", "int_rate", "Class"), "Class");

        assertThat(Files.readString(out)).isEqualTo("term,int_rate,Class\nterm_36,10.5,bad\nterm_36,12.5,good\nterm_36,13.5,good\n");
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.unmatched()).isEqualTo(1);
        assertThat(result.messages()).containsExactly("[dataset]: PASSED - 3 rows written to " + out
                + " (3 outcomes joined to the prediction log; 1 outcomes unmatched, 1 logged predictions without an outcome)");
    }

    @Test
    void appendingTwiceAddsEachRowOnce() throws IOException {
        Path outcomes = Files.writeString(dir.resolve("o.csv"), "request_id,actual\na,bad\nc,good\n");
        Path train = Files.writeString(dir.resolve("train.csv"), "int_rate,term,Class\n9.9,term_60,good");
        Path logDir = log();

        DatasetBuilder.build(logDir, outcomes, dir.resolve("n1.csv"), train, List.of(), "Class");
        DatasetBuilder.Result again = DatasetBuilder.build(logDir, outcomes, dir.resolve("n2.csv"), train, List.of(), "Class");

        assertThat(Files.readString(train)).isEqualTo("int_rate,term,Class\n9.9,term_60,good\n10.5,term_36,bad\n13.5,term_36,good\n");
        assertThat(again.written()).isZero();
        assertThat(again.alreadyAppended()).isEqualTo(2);
    }
}
