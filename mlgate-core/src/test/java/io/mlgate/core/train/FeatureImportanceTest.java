package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureImportanceTest {
    private static final String XGBOOST = "trainer: xgboost\nparams: {rounds: 40, depth: 3}\nthreads: 2";
    private static TrainingReport lendingClubXgboost;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() {
        lendingClubXgboost = train(TrainFixtures.lendingClub(XGBOOST));
    }

    private static TrainingReport train(LoadedConfig config) {
        return ModelTrainer.train(config, ContractSpec.empty(), Progress.NONE).artifact().training();
    }

    private static List<String> names(List<FeatureImportance> importance) {
        return importance.stream().map(FeatureImportance::feature).toList();
    }

    // ---------------------------------------------------------------- xgboost gain

    @Test
    void xgboostGainPutsTheInterestRateAndGradeFirstOnLendingClub() {
        List<FeatureImportance> importance = lendingClubXgboost.importance();

        assertThat(importance).allSatisfy(f -> assertThat(f.method()).isEqualTo("gain"));
        assertThat(names(importance).subList(0, 3)).containsAnyOf("int_rate", "sub_grade");
        assertThat(lendingClubXgboost.importanceNote()).startsWith("gain: XGBoost total gain");
    }

    @Test
    void importanceSharesSumToOneAndAreSortedLargestFirst() {
        List<FeatureImportance> importance = lendingClubXgboost.importance();

        assertThat(importance.stream().mapToDouble(FeatureImportance::importance).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(importance).isSortedAccordingTo(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        assertThat(importance).allSatisfy(f -> assertThat(f.importance()).isBetween(0.0, 1.0));
    }

    @Test
    void oneHotFeaturesAreSummedIntoTheirContractColumnWithTheDetailKept() {
        List<FeatureImportance> importance = lendingClubXgboost.importance();

        // every feature column of the data once, none of them a one-hot "col=value" name
        assertThat(names(importance)).doesNotHaveDuplicates().noneMatch(n -> n.contains("="))
                .contains("sub_grade", "addr_state", "term", "int_rate").doesNotContain("Class");
        FeatureImportance grade = importance.stream().filter(f -> f.feature().equals("sub_grade")).findFirst().orElseThrow();
        assertThat(grade.features()).hasSizeGreaterThan(5).allSatisfy(p -> assertThat(p.feature()).startsWith("sub_grade="));
        assertThat(grade.features().stream().mapToDouble(FeatureImportance.Part::importance).sum()).isCloseTo(grade.importance(), within(1e-12));
        FeatureImportance rate = importance.stream().filter(f -> f.feature().equals("int_rate")).findFirst().orElseThrow();
        assertThat(rate.features()).singleElement().satisfies(p -> assertThat(p.feature()).isEqualTo("int_rate"));
    }

    @Test
    void theSameSeedAndDataGiveTheSameImportance() {
        TrainingReport again = train(TrainFixtures.lendingClub(XGBOOST));

        assertThat(again.importance()).isEqualTo(lendingClubXgboost.importance());
    }

    @Test
    void randomForestAlsoReportsGain() {
        TrainingReport rf = train(TrainFixtures.lendingClub("trainer: random-forest\nparams: {trees: 10, depth: 4}"));

        assertThat(rf.importance()).isNotEmpty().allSatisfy(f -> assertThat(f.method()).isEqualTo("gain"));
        assertThat(names(rf.importance()).subList(0, 3)).containsAnyOf("int_rate", "sub_grade");
    }

    // ---------------------------------------------------------------- linear coefficients

    @Test
    void linearCoefficientsGiveTheColumnTheTargetDependsOnNearlyAllTheWeight() throws IOException {
        // y = 3a + 0b + small noise, with a and b on very different scales (standardised before training)
        Random rng = new Random(1);
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 1500; i++) {
            double a = rng.nextGaussian();
            double b = 100 * rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", a, b, 3 * a + 0.1 * rng.nextGaussian()));
        }
        Files.writeString(dir.resolve("lin.csv"), csv);

        TrainingReport report = train(TrainFixtures.config("model: lin\ntask: regression\nlabel: y\ndata: {train: lin.csv}\n"
                + "train: {trainer: linear, params: {epochs: 20}}\n", dir));

        assertThat(names(report.importance())).containsExactly("a", "b");
        assertThat(report.importance().get(0).method()).isEqualTo("coefficients");
        assertThat(report.importance().get(0).importance()).isGreaterThan(0.95);
        assertThat(report.importance().get(0).score()).isGreaterThan(20 * report.importance().get(1).score());
    }

    @Test
    void logisticCoefficientsSumACategorysOneHotFeatures() throws IOException {
        // the class depends on colour only; size is noise
        Random rng = new Random(2);
        StringBuilder csv = new StringBuilder("colour,size,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 1500; i++) {
            String colour = colours[rng.nextInt(3)];
            boolean yes = colour.equals("red") ? rng.nextDouble() < 0.9 : rng.nextDouble() < 0.1;
            csv.append(colour).append(',').append(String.format(Locale.ROOT, "%.4f", rng.nextGaussian())).append(',')
                    .append(yes ? "yes" : "no").append('\n');
        }
        Files.writeString(dir.resolve("colour.csv"), csv);

        TrainingReport report = train(TrainFixtures.config("model: c\nlabel: label\npositive: yes\ndata: {train: colour.csv}\n"
                + "train: {trainer: logistic, params: {epochs: 5}}\n", dir));

        assertThat(names(report.importance())).containsExactly("colour", "size");
        assertThat(report.importance().get(0).features()).extracting(FeatureImportance.Part::feature)
                .containsExactlyInAnyOrder("colour=red", "colour=green", "colour=blue");
        assertThat(report.importance().get(0).importance()).isGreaterThan(0.8);
    }

    // ---------------------------------------------------------------- permutation

    private Path informativeAndNoise() throws IOException {
        // the class is x > 0 (with 5% label noise); z is pure noise
        Random rng = new Random(3);
        StringBuilder csv = new StringBuilder("z,x,label\n");
        for (int i = 0; i < 2000; i++) {
            double x = rng.nextGaussian();
            boolean pos = (x > 0) ^ (rng.nextDouble() < 0.05);
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", rng.nextGaussian(), x, pos ? "p" : "n"));
        }
        Path file = dir.resolve("perm.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static LoadedConfig permutationConfig(Path dir, String train) {
        return TrainFixtures.config("model: p\nlabel: label\npositive: p\ndata: {train: perm.csv}\ntrain: " + train + "\n", dir);
    }

    @Test
    void cartUsesPermutationImportanceAndFindsTheInformativeColumn() throws IOException {
        informativeAndNoise();

        TrainingReport report = train(permutationConfig(dir, "{trainer: cart, params: {depth: 4}}"));

        assertThat(names(report.importance())).containsExactly("x", "z");
        assertThat(report.importance()).allSatisfy(f -> assertThat(f.method()).isEqualTo("permutation"));
        FeatureImportance x = report.importance().get(0);
        assertThat(x.importance()).isGreaterThan(0.9);
        assertThat(x.score()).as("mean drop of the validation auc").isGreaterThan(0.3);
        assertThat(report.importanceNote()).contains("permutation: mean drop of validation auc", "5 shuffles", "400 validation rows", "seed 42");
    }

    @Test
    void permutationImportanceIsDeterministic() throws IOException {
        informativeAndNoise();

        TrainingReport first = train(permutationConfig(dir, "{trainer: cart, params: {depth: 4}}"));
        TrainingReport second = train(permutationConfig(dir, "{trainer: cart, params: {depth: 4}}"));

        assertThat(second.importance()).isEqualTo(first.importance());
    }

    @Test
    void permutationCanBeAskedForAnyTrainer() throws IOException {
        informativeAndNoise();

        TrainingReport report = train(permutationConfig(dir, "{trainer: xgboost, params: {rounds: 20, depth: 2}, importance: permutation}"));

        assertThat(report.importance().get(0).feature()).isEqualTo("x");
        assertThat(report.importance().get(0).method()).isEqualTo("permutation");
    }

    @Test
    void gainAskedForATrainerWithoutItFallsBackToPermutationAndSaysSo() throws IOException {
        informativeAndNoise();

        TrainingReport report = train(permutationConfig(dir, "{trainer: cart, params: {depth: 3}, importance: gain}"));

        assertThat(report.importance().get(0).method()).isEqualTo("permutation");
        assertThat(report.importanceNote()).startsWith("train.importance gain does not apply to cart");
    }

    @Test
    void importanceNoneComputesNothing() throws IOException {
        informativeAndNoise();

        TrainingReport report = train(permutationConfig(dir, "{trainer: cart, params: {depth: 3}, importance: none}"));

        assertThat(report.importance()).isNull();
        assertThat(report.importanceNote()).isNull();
    }

    // ---------------------------------------------------------------- persisted

    @Test
    void theImportanceRoundTripsThroughTrainingJson() {
        ModelArtifact artifact = ModelTrainer.train(TrainFixtures.lendingClub("trainer: xgboost\nparams: {rounds: 5, depth: 2}"),
                ContractSpec.empty(), Progress.NONE).artifact();

        artifact.save(dir);
        TrainingReport loaded = ModelArtifact.load(dir).training();

        assertThat(loaded.importance()).isEqualTo(artifact.training().importance()).isNotEmpty();
        assertThat(loaded.importanceNote()).isEqualTo(artifact.training().importanceNote());
    }

    @Test
    void aTrainingJsonWrittenBeforeImportanceStillLoads() throws IOException {
        ModelArtifact artifact = ModelTrainer.train(TrainFixtures.lendingClub("trainer: xgboost\nparams: {rounds: 5, depth: 2}\nimportance: none"),
                ContractSpec.empty(), Progress.NONE).artifact();
        artifact.save(dir);

        assertThat(Files.readString(dir.resolve(ModelArtifact.TRAINING_FILE))).doesNotContain("importance");
        assertThat(ModelArtifact.load(dir).training().importance()).isNull();
    }
}
