package io.mlgate.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.train.FeatureImportance;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lending-club example trained, evaluated and registered once: where the importance ends up. */
class ImportancePipelineTest {
    @TempDir
    static Path dir;

    private static Pipeline pipeline;
    private static Outcomes.Training training;
    private static Outcomes.Evaluation evaluation;

    @BeforeAll
    static void trainAndEvaluateOnTheDriftedHoldout() throws IOException {
        Path example = dir.resolve("lending-club");
        Files.createDirectories(example.resolve("data"));
        for (String f : List.of("train.csv", "holdout-drifted.csv")) {
            Files.copy(Path.of("..", "examples", "lending-club", "data", f), example.resolve("data").resolve(f));
        }
        Files.copy(Path.of("..", "examples", "lending-club", "mlgate.yaml"), example.resolve("mlgate.yaml"));
        Map<String, String> set = new LinkedHashMap<>();
        set.put("train.params", "{rounds: 30, depth: 3}");
        set.put("data.holdout", "data/holdout-drifted.csv");
        LoadedConfig loaded = ConfigLoader.load(example.resolve("mlgate.yaml"), true, set);
        pipeline = new Pipeline(loaded, Progress.NONE, Map.of());
        Outcomes.Validation validation = pipeline.validate(null);
        training = pipeline.train(null);
        evaluation = pipeline.evaluate(null, validation);
    }

    @Test
    void theTrainOutcomeCarriesTheImportanceAndNamesTheTopColumns() throws IOException {
        assertThat(training.importance()).isNotEmpty();
        assertThat(training.importance().get(0).method()).isEqualTo("gain");
        assertThat(training.importanceNote()).startsWith("gain:");
        assertThat(training.messages()).anySatisfy(m -> assertThat(m).startsWith("[train - importance]: PASSED - gain: "
                + training.importance().get(0).feature() + " ").endsWith(" (top 5 of " + training.importance().size() + " columns)"));
        String json = Files.readString(pipeline.outputDir().resolve("training.json"));
        assertThat(json).contains("\"importance\" : [", "\"importance_note\" : \"gain:");
    }

    @Test
    void theModelDirectoryKeepsTheImportanceInItsTrainingJson() {
        List<FeatureImportance> stored = ModelArtifact.load(pipeline.defaultModelDir()).training().importance();

        assertThat(stored).isEqualTo(training.importance());
    }

    @Test
    void theReportShowsTheImportanceBesideTheDriftAndRanksTheDriftedInterestRate() throws IOException {
        String html = Files.readString(pipeline.outputDir().resolve("report.html"));
        int rank = FeatureImportance.rank(training.importance(), "int_rate");

        assertThat(html).contains("<h4>What the model relies on</h4>", "What the model relies on (gain share per feature)", "importance rank");
        assertThat(rank).isBetween(1, 3);
        assertThat(html).contains("<td class=\"l\">int_rate</td>").contains("<td>#" + rank + " of " + training.importance().size() + " (");
    }

    @Test
    void aRegisteredVersionHoldsTheImportance() {
        Outcomes.Registration registration = pipeline.register(null, evaluation, Map.of(), null);

        Path versionDir = pipeline.registry().modelDirectory(registration.model(), registration.version());
        assertThat(ModelArtifact.load(versionDir).training().importance()).isEqualTo(training.importance());
    }
}
