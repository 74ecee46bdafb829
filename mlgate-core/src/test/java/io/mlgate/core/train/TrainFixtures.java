package io.mlgate.core.train;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.PipelineConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Configurations over the example data in src/test/resources/data. */
final class TrainFixtures {
    private TrainFixtures() {
    }

    static Path dataDir() {
        try {
            return Path.of(TrainFixtures.class.getResource("/data/lending_club.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path lendingClub() {
        return dataDir().resolve("lending_club.csv");
    }

    static Path ames() {
        return dataDir().resolve("ames.csv");
    }

    /** credit_data (label Status, 455 empty cells) with the given contract columns and train yaml. */
    static LoadedConfig creditData(String contractColumnsYaml, String trainYaml) {
        return config("model: credit\ntask: classification\nlabel: Status\npositive: bad\ndata: {train: credit_data.csv}\n"
                + "contract:\n  columns:\n" + ("    " + contractColumnsYaml.strip().replace("\n", "\n    ")) + "\n"
                + "train:\n" + indent(trainYaml), dataDir());
    }

    /** lending_club (label Class, good/bad) with the given yaml under {@code train:}. */
    static LoadedConfig lendingClub(String trainYaml) {
        return config("model: credit\ntask: classification\nlabel: Class\ndata: {train: lending_club.csv}\ntrain:\n" + indent(trainYaml), dataDir());
    }

    /** ames (label Sale_Price) with the given yaml under {@code train:}. */
    static LoadedConfig ames(String trainYaml) {
        return config("model: houses\ntask: regression\nlabel: Sale_Price\ndata: {train: ames.csv}\ntrain:\n" + indent(trainYaml), dataDir());
    }

    static LoadedConfig config(String yaml, Path baseDir) {
        PipelineConfig config = ConfigLoader.parse(yaml, "test");
        return new LoadedConfig(null, baseDir, config);
    }

    private static String indent(String yaml) {
        return ("  " + yaml.strip().replace("\n", "\n  ")) + "\n";
    }
}
