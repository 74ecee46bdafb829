package io.mlgate.core.monitor;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.data.DataException;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.pipeline.StepOutcome;
import io.mlgate.core.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mlgate dataset build}: new training rows from production. Joins labelled outcomes to the
 * inputs in the prediction log by request id and writes a CSV with the training columns and the
 * label (atomically). With an append target, the rows are also appended to it (rewritten
 * atomically), and the request ids appended are kept in {@code <target>.mlgate-ids} so building
 * again from the same log never appends a row twice.
 */
public final class DatasetBuilder {
    /** Suffix of the file beside an append target that lists the request ids already appended. */
    public static final String IDS_SUFFIX = ".mlgate-ids";

    private DatasetBuilder() {
    }

    /**
     * The result of a build.
     *
     * @param columns         the CSV's columns, the label among them
     * @param joined          logged rows with an outcome
     * @param written         rows written to {@code out}
     * @param alreadyAppended joined rows skipped because an earlier build appended them
     * @param unmatched       outcomes whose request id is in no logged row
     * @param unlabelled      logged rows without an outcome
     */
    public record Result(GateStatus status, String out, String appendedTo, List<String> columns, long joined, long written,
                         long alreadyAppended, long unmatched, long unlabelled, List<String> messages, List<String> files) implements StepOutcome {
    }

    /**
     * Builds the dataset.
     *
     * @param columns  the training columns in order (the contract's), used when {@code appendTo} is null
     * @param label    the label column; added last when {@code columns} lacks it
     * @param appendTo a training CSV to append to (its header decides the columns), or null
     */
    public static Result build(Path logDir, Path outcomesFile, Path out, Path appendTo, List<String> columns, String label) {
        PredictionLogReader.Contents log = PredictionLogReader.read(logDir);
        Map<String, String> outcomes = OutcomeFile.read(outcomesFile, label);
        OutcomeJoin join = OutcomeJoin.of(log.rows(), outcomes);

        List<String> header;
        Set<String> appended = new LinkedHashSet<>();
        Path idsFile = appendTo == null ? null : appendTo.resolveSibling(appendTo.getFileName() + IDS_SUFFIX);
        if (appendTo != null) {
            if (!Files.isRegularFile(appendTo)) {
                throw new DataException("--append-to " + appendTo + " does not exist; pass the training CSV to append to, or leave it out");
            }
            try (CsvSource csv = CsvSource.open(appendTo)) {
                header = csv.header();
            }
            if (!header.contains(label)) {
                throw new DataException(appendTo + ":1: has no label column '" + label + "'; is it the training CSV?");
            }
            if (Files.isRegularFile(idsFile)) {
                try {
                    Files.readAllLines(idsFile, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).forEach(appended::add);
                } catch (IOException e) {
                    throw new DataException("cannot read " + idsFile + ": " + e.getMessage(), e);
                }
            }
        } else {
            header = new ArrayList<>(columns);
            if (!header.contains(label)) {
                header.add(label);
            }
        }

        StringWriter text = new StringWriter();
        List<String> newIds = new ArrayList<>();
        long skipped = 0;
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            csv.writeRecord(header);
            for (OutcomeJoin.Labelled r : join.rows()) {
                String key = r.prediction().requestId() + "#" + r.prediction().row();
                if (appended.contains(key)) {
                    skipped++;
                    continue;
                }
                List<String> cells = new ArrayList<>(header.size());
                for (String c : header) {
                    String v = c.equals(label) ? r.actual() : r.prediction().inputs().get(c);
                    cells.add(v == null ? "" : v);
                }
                csv.writeRecord(cells);
                newIds.add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset: " + e.getMessage(), e);
        }
        String csvText = text.toString();
        List<String> files = new ArrayList<>();
        AtomicFiles.write(out, csvText);
        files.add(out.toString());
        List<String> messages = new ArrayList<>();
        GateStatus status = newIds.isEmpty() ? GateStatus.INACTIVE : GateStatus.PASSED;
        messages.add("[dataset]: " + status + " - " + RetrainEvaluator.rows(newIds.size()) + " rows written to " + out + " ("
                + RetrainEvaluator.rows(join.rows().size()) + " outcomes joined to the prediction log"
                + (skipped > 0 ? ", " + RetrainEvaluator.rows(skipped) + " already appended before" : "") + "; "
                + RetrainEvaluator.rows(join.unmatchedOutcomes()) + " outcomes unmatched, "
                + RetrainEvaluator.rows(join.unlabelledPredictions()) + " logged predictions without an outcome)");
        if (appendTo != null && !newIds.isEmpty()) {
            appendRows(appendTo, csvText.substring(csvText.indexOf('\n') + 1));
            files.add(appendTo.toString());
            List<String> ids = new ArrayList<>(appended);
            ids.addAll(newIds);
            AtomicFiles.write(idsFile, String.join("\n", ids) + "\n");
            files.add(idsFile.toString());
            messages.add("[dataset - append]: PASSED - " + RetrainEvaluator.rows(newIds.size()) + " rows appended to " + appendTo);
        }
        return new Result(status, out.toString(), appendTo == null ? null : appendTo.toString(), header, join.rows().size(),
                newIds.size(), skipped, join.unmatchedOutcomes(), join.unlabelledPredictions(), messages, files);
    }

    private static void appendRows(Path target, String rows) {
        try {
            byte[] old = Files.readAllBytes(target);
            ByteArrayOutputStream all = new ByteArrayOutputStream(old.length + rows.length() + 1);
            all.write(old);
            if (old.length > 0 && old[old.length - 1] != '\n') {
                all.write('\n');
            }
            all.write(rows.getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(target, all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + target + ": " + e.getMessage(), e);
        }
    }
}
