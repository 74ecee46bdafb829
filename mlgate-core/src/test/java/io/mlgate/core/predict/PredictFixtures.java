package io.mlgate.core.predict;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.ModelTrainer;
import io.mlgate.core.util.AtomicFiles;
import io.mlgate.core.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Train/holdout splits of the example data and models trained on them. */
final class PredictFixtures {
    static final String CREDIT_FEATURES = """
            Seniority: {type: int}
            Home: {type: category, nullable: true, impute: mode}
            Time: {type: int}
            Age: {type: int}
            Marital: {type: category, nullable: true, impute: "constant:unknown"}
            Records: {type: category}
            Expenses: {type: int}
            Income: {type: float, nullable: true, impute: median}
            Assets: {type: float, nullable: true, impute: median}
            Debt: {type: float, nullable: true, impute: zero}
            Amount: {type: int}
            Price: {type: int}
            """;

    private PredictFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(PredictFixtures.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code train.csv} (4 of 5 rows) and {@code holdout.csv} (every 5th row) of a data file
     * into {@code dir}, leaving out rows whose {@code skipEmpty} column is empty (null: keep all).
     */
    static void split(String dataFile, Path dir, String skipEmpty) {
        try {
            List<String> lines = Files.readAllLines(resource(dataFile));
            String header = lines.get(0);
            int skip = skipEmpty == null ? -1 : List.of(header.replace("\"", "").split(",")).indexOf(skipEmpty);
            StringBuilder train = new StringBuilder(header).append('\n');
            StringBuilder holdout = new StringBuilder(header).append('\n');
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (skip >= 0 && line.split(",", -1)[skip].replace("\"", "").isBlank()) {
                    continue;
                }
                (i % 5 == 0 ? holdout : train).append(line).append('\n');
            }
            AtomicFiles.write(dir.resolve("train.csv"), train.toString());
            AtomicFiles.write(dir.resolve("holdout.csv"), holdout.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains the model a pipeline yaml (over {@code train.csv} in {@code dir}) describes. */
    static ModelArtifact train(Path dir, String yaml) {
        LoadedConfig loaded = new LoadedConfig(null, dir, ConfigLoader.parse(yaml, "test"));
        return ModelTrainer.train(loaded, loaded.config().contract(), Progress.NONE).artifact();
    }

    /** lending_club, label Class, contract inferred (categories one-hot, numbers as they are). */
    static String lendingClub(String train) {
        return "model: credit\ntask: classification\nlabel: Class\npositive: bad\ndata: {train: train.csv}\ntrain:\n  " + train + "\n";
    }

    /** ames, label Sale_Price. */
    static String ames(String train) {
        return "model: houses\ntask: regression\nlabel: Sale_Price\ndata: {train: train.csv}\ntrain:\n  " + train + "\n";
    }

    /** credit_data, label Status (good/bad), with impute rules for its empty cells. */
    static String credit(String train) {
        return "model: credit\ntask: classification\nlabel: Status\npositive: bad\ndata: {train: train.csv}\ncontract:\n  columns:\n"
                + "    Status: {type: category, role: label}\n    Job: {type: category, nullable: true, impute: mode}\n"
                + indent(CREDIT_FEATURES) + "train:\n  " + train + "\n";
    }

    /** credit_data, label Job (four classes). */
    static String creditJob(String train) {
        return "model: job\ntask: classification\nlabel: Job\ndata: {train: train.csv}\ncontract:\n  columns:\n"
                + "    Job: {type: category, role: label}\n    Status: {type: category}\n"
                + indent(CREDIT_FEATURES) + "train:\n  " + train + "\n";
    }

    private static String indent(String yaml) {
        return "    " + yaml.strip().replace("\n", "\n    ") + "\n";
    }

    /** The rows of a CSV as column name to cell text. */
    static List<Map<String, String>> rows(Path csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(csv)) {
            List<String> header = source.header();
            while (source.hasNext()) {
                CsvRow row = source.next();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), row.fields()[i]);
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
