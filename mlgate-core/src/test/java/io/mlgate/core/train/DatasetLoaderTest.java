package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import io.mlgate.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    private static ColumnSpec column(ColumnType type, String impute) {
        return new ColumnSpec(type, null, null, impute != null, null, null, impute, null);
    }

    private static FeatureEncoder fitted(Path csv, Map<String, ColumnSpec> columns) {
        ContractSpec contract = ContractSpec.empty().withColumns(columns);
        FeatureEncoder plan = FeatureEncoder.plan(contract, TrainSpec.defaults(), "y", Task.CLASSIFICATION, List.of(), Map.of());
        return plan.fit(DatasetLoader.read(csv, plan, "y", Task.CLASSIFICATION, true));
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, Double> features(Example<?> example) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Feature f : example) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    @Test
    void labelsAreKeptExactlyAsWritten() throws IOException {
        Path file = csv("x,y\n1,good\n2,Bad\n3,good\n");
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", column(ColumnType.INT, null));

        DatasetLoader.LoadedData data = DatasetLoader.load(file, fitted(file, cols), "y", Task.CLASSIFICATION);

        assertThat(data.labels()).containsExactly("good", "Bad", "good");
        assertThat(data.dataset().getOutputs()).extracting(Object::toString).allMatch(s -> s.startsWith("good") || s.startsWith("Bad"));
    }

    @Test
    void anEmptyCellWithoutAnImputeRuleNamesTheLineTheColumnAndTheFix() throws IOException {
        Path file = csv("x,y\n1,a\n,b\n");
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", column(ColumnType.FLOAT, null));

        assertThatThrownBy(() -> fitted(file, cols))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ":3: column 'x' is empty and has no impute rule; set contract.columns.x.impute "
                        + "(mean, median, mode, zero or constant:VALUE) or fill the cell");
    }

    @Test
    void emptyCellsAreImputedWithTrainingStatistics() throws IOException {
        Path file = csv("x,c,y\n1,red,a\n,,b\n5,blue,a\n6,red,b\n");
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", column(ColumnType.FLOAT, "median"));
        cols.put("c", column(ColumnType.CATEGORY, "mode"));

        DatasetLoader.LoadedData data = DatasetLoader.load(file, fitted(file, cols), "y", Task.CLASSIFICATION);

        assertThat(features(data.dataset().getExample(1))).containsEntry("x", 5.0).containsEntry("c=red", 1.0).hasSize(2);
    }

    @Test
    void aCategoryUnseenInTrainingEncodesAsZeros() throws IOException {
        Path train = csv("x,c,y\n1,red,a\n2,blue,b\n");
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", column(ColumnType.INT, null));
        cols.put("c", column(ColumnType.CATEGORY, null));
        FeatureEncoder enc = fitted(train, cols);
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "x,c,y\n3,green,a\n");

        DatasetLoader.LoadedData data = DatasetLoader.load(other, enc, "y", Task.CLASSIFICATION);

        assertThat(features(data.dataset().getExample(0))).containsOnlyKeys("x");
    }

    @Test
    void aCellThatIsNotANumberNamesTheLineAndTheValue() throws IOException {
        Path file = csv("x,y\n1,a\nabc,b\n");
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", column(ColumnType.INT, null));

        assertThatThrownBy(() -> fitted(file, cols))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":3: column 'x' has 'abc', which is not a number");
    }

    @Test
    void lendingClubLoadsEveryRowWithOneFeaturePerNumberAndOneHotPerCategory() {
        Path file = TrainFixtures.lendingClub();
        List<String> header = DatasetLoader.header(file);
        List<String> h = new java.util.ArrayList<>();
        Map<String, FeatureEncoder.Kind> kinds = FeatureEncoder.inferKinds(header, DatasetLoader.sample(file, 1000, h));
        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty(), TrainSpec.defaults(), "Class", Task.CLASSIFICATION, header, kinds);
        FeatureEncoder enc = plan.fit(DatasetLoader.read(file, plan, "Class", Task.CLASSIFICATION, true));

        DatasetLoader.LoadedData data = DatasetLoader.load(file, enc, "Class", Task.CLASSIFICATION);

        assertThat(data.size()).isEqualTo(9857);
        assertThat(data.labels()).containsOnly("good", "bad");
        assertThat(features(data.dataset().getExample(0))).containsEntry("funded_amnt", 16100.0).containsEntry("term=term_36", 1.0)
                .doesNotContainKey("Class");
    }
}
