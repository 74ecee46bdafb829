package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureEncoderTest {
    @TempDir
    Path dir;

    private static ColumnSpec spec(ColumnType type, String impute, ColumnRole role) {
        return new ColumnSpec(type, null, null, null, null, null, impute, role);
    }

    private FeatureEncoder fit(String csv, Map<String, ColumnSpec> cols) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, csv);
        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty().withColumns(cols), TrainSpec.defaults(), "y",
                Task.CLASSIFICATION, List.of(), Map.of());
        return plan.fit(DatasetLoader.read(file, plan, "y", Task.CLASSIFICATION, true));
    }

    @Test
    void onlyFeatureColumnsOfUsableTypesBecomeFeatures() {
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("age", spec(ColumnType.INT, null, null));
        cols.put("note", spec(ColumnType.STRING, null, null));
        cols.put("id", spec(ColumnType.INT, null, ColumnRole.ID));
        cols.put("owner", spec(ColumnType.BOOL, null, null));
        cols.put("secret", spec(ColumnType.FLOAT, null, null));
        cols.put("y", spec(ColumnType.CATEGORY, null, ColumnRole.LABEL));
        TrainSpec train = new TrainSpec(null, null, null, null, null, null, null, List.of("secret"), null, null);

        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty().withColumns(cols), train, "y", Task.CLASSIFICATION, List.of(), Map.of());

        assertThat(plan.columnNames()).containsExactly("age", "owner");
    }

    @Test
    void anImputeRuleThatDoesNotFitTheColumnTypeNamesTheKey() {
        Map<String, ColumnSpec> cols = Map.of("city", spec(ColumnType.CATEGORY, "mean", null));

        assertThatThrownBy(() -> FeatureEncoder.plan(ContractSpec.empty().withColumns(cols), TrainSpec.defaults(), "y",
                Task.CLASSIFICATION, List.of(), Map.of()))
                .hasMessage("contract.columns.city.impute is 'mean'; use mode or constant:VALUE for a category column");
    }

    @Test
    void standardisingAConstantColumnGivesNoNaN() throws IOException {
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("k", spec(ColumnType.FLOAT, null, null));
        Path file = dir.resolve("c.csv");
        Files.writeString(file, "k,y\n3,a\n3,b\n");
        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty().withColumns(cols), TrainSpec.defaults(), "y",
                Task.CLASSIFICATION, List.of(), Map.of());
        RawTable raw = DatasetLoader.read(file, plan, "y", Task.CLASSIFICATION, true);

        FeatureEncoder scaled = plan.fit(raw).standardized(raw);

        assertThat(scaled.transform(0, 3.0)).isEqualTo(0.0);
        assertThat(scaled.columns().get(0).std()).isEqualTo(1.0);
    }

    @Test
    void binningMapsValuesToAtMostTheGivenNumberOfQuantileEdges() throws IOException {
        StringBuilder csv = new StringBuilder("v,y\n");
        for (int i = 1; i <= 100; i++) {
            csv.append(i).append(",a\n");
        }
        Map<String, ColumnSpec> cols = Map.of("v", spec(ColumnType.FLOAT, null, null));
        Path file = dir.resolve("b.csv");
        Files.writeString(file, csv);
        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty().withColumns(cols), TrainSpec.defaults(), "y",
                Task.CLASSIFICATION, List.of(), Map.of());
        RawTable raw = DatasetLoader.read(file, plan, "y", Task.CLASSIFICATION, true);

        FeatureEncoder binned = plan.fit(raw).binned(raw, 4);

        assertThat(binned.columns().get(0).binEdges()).containsExactly(25, 50, 75, 100);
        assertThat(binned.transform(0, 26)).isEqualTo(50.0);
        assertThat(binned.transform(0, 1000)).isEqualTo(100.0);
    }

    @Test
    void theEncoderSurvivesAJsonRoundTrip() throws IOException {
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", spec(ColumnType.FLOAT, "mean", null));
        cols.put("c", spec(ColumnType.CATEGORY, "constant:none", null));
        cols.put("b", spec(ColumnType.BOOL, null, null));
        FeatureEncoder enc = fit("x,c,b,y\n1,red,yes,a\n,,no,b\n4,blue,true,a\n", cols);
        ObjectMapper json = ConfigLoader.jsonMapper();

        FeatureEncoder back = json.readValue(json.writeValueAsString(enc), FeatureEncoder.class);

        assertThat(back).isEqualTo(enc);
        assertThat(back.columns().get(0).fill()).isEqualTo(2.5);
        assertThat(back.encode(Map.of("x", "", "c", "red", "b", "no")).names()).containsExactly("x", "c=red", "b");
    }
}
